/* screens.c - the table of screens: the one place that says what a screen is called,
 * its heading, its icon, the function that lays it out, and where it links to.
 * To add a screen: its name in UiScreen (ui.h), its layout's declaration and a row
 * here, and a file beside this one that defines the layout with UI_SCREEN_LAYOUT.
 * tests/test_ui.c checks that every row is whole and every visitor screen is
 * reachable from home. */
#include "ui/ui_private.h"
#include <assert.h>
#include <string.h>

UI_SCREEN_LAYOUT(screen_home);
UI_SCREEN_LAYOUT(screen_about);
UI_SCREEN_LAYOUT(screen_committees);
UI_SCREEN_LAYOUT(screen_hours);
UI_SCREEN_LAYOUT(screen_contact);
UI_SCREEN_LAYOUT(screen_location);
UI_SCREEN_LAYOUT(screen_join);
UI_SCREEN_LAYOUT(screen_funding);
UI_SCREEN_LAYOUT(screen_languages);
UI_SCREEN_LAYOUT(screen_services);
UI_SCREEN_LAYOUT(screen_service);
UI_SCREEN_LAYOUT(screen_staff);

/* home's related screens are its tiles, in the order they are shown (the directory's
 * only when the content has member services: see home.c) */
static const UiScreenDef screens[SCREEN_COUNT] = {
    [SCREEN_HOME] = { "home", STR_HOME, ICON_HOME, screen_home,
                      { SCREEN_SERVICES, SCREEN_ABOUT, SCREEN_HOURS, SCREEN_CONTACT,
                        SCREEN_LOCATION, SCREEN_COMMITTEES, SCREEN_JOIN, SCREEN_FUNDING } },
    [SCREEN_ABOUT] = { "about", STR_ABOUT, ICON_INFO, screen_about,
                       { SCREEN_COMMITTEES, SCREEN_FUNDING } },
    [SCREEN_COMMITTEES] = { "committees", STR_COMMITTEES, ICON_GROUPS, screen_committees,
                            { SCREEN_JOIN, SCREEN_ABOUT } },
    [SCREEN_HOURS] = { "hours", STR_HOURS, ICON_SCHEDULE, screen_hours,
                       { SCREEN_LOCATION, SCREEN_CONTACT } },
    [SCREEN_CONTACT] = { "contact", STR_CONTACT, ICON_CALL, screen_contact,
                         { SCREEN_LOCATION, SCREEN_HOURS } },
    [SCREEN_LOCATION] = { "location", STR_LOCATION, ICON_PLACE, screen_location,
                          { SCREEN_HOURS, SCREEN_CONTACT } },
    [SCREEN_JOIN] = { "join", STR_JOIN, ICON_HANDSHAKE, screen_join,
                      { SCREEN_COMMITTEES, SCREEN_CONTACT } },
    [SCREEN_FUNDING] = { "funding", STR_FUNDING, ICON_BALANCE, screen_funding,
                         { SCREEN_ABOUT, SCREEN_COMMITTEES } },
    [SCREEN_LANGUAGES] = { "languages", STR_LANGUAGE, ICON_LANGUAGE, screen_languages, { 0 } },
    [SCREEN_SERVICES] = { "services", STR_SERVICES, ICON_SEARCH, screen_services,
                          { SCREEN_CONTACT, SCREEN_COMMITTEES } },
    [SCREEN_SERVICE] = { "service", STR_SERVICE, ICON_INFO, screen_service,
                         { SCREEN_SERVICES }, .hidden = true },   /* opened from a result */
    [SCREEN_STAFF] = { "staff", STR_STAFF, ICON_LOCK, screen_staff,
                       .hidden = true },
};

const UiScreenDef *ui_screen_def(UiScreen s)
{
    assert(s < SCREEN_COUNT);
    return &screens[s];
}

int ui_screen_related(UiScreen s, const UiScreen **targets)
{
    const UiScreen *r = ui_screen_def(s)->related;
    int n = 0;
    while (n < SCREEN_COUNT && r[n] != SCREEN_HOME)
        n++;
    *targets = r;
    return n;
}

const char *ui_screen_name(UiScreen s)
{
    return s < SCREEN_COUNT ? screens[s].name : "";
}

UiScreen ui_screen_from_name(const char *name)
{
    for (int s = 0; s < SCREEN_COUNT; s++)
        if (strcmp(name, screens[s].name) == 0)
            return (UiScreen)s;
    return SCREEN_COUNT;
}
