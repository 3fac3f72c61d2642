/* ui.h - the screens, as data: layout, widgets and input, producing a list of draw
 * commands (drawlist.h) that render executes. No SDL here: text is measured through
 * UiMetrics, which render provides (or a test fakes), and input arrives as ui_press/
 * ui_drag/ui_release in pixels. Start reading at ui_commands in ui.c, which lays out
 * the screen of src/ui/screens/screens.c's table; ui_private.h maps the other files. */
#ifndef UI_H
#define UI_H
#include <stdbool.h>
#include <stdint.h>
#include <time.h>
#include "core/content.h"
#include "core/hours.h"
#include "core/i18n.h"
#include "ui/drawlist.h"

/* to add a screen: a name here, a row in src/ui/screens/screens.c, a file beside it */
typedef enum {
    SCREEN_HOME, SCREEN_ABOUT, SCREEN_COMMITTEES, SCREEN_HOURS, SCREEN_CONTACT,
    SCREEN_LOCATION, SCREEN_JOIN, SCREEN_FUNDING,
    SCREEN_LANGUAGES,           /* the language picker: the header's globe on every screen */
    SCREEN_SERVICES,            /* the member directory: its tile only when it has services */
    SCREEN_STAFF,               /* hidden: a 3-second hold on the top-left corner, then the PIN */
    SCREEN_SERVICE,             /* hidden: one service's card, opened from a directory's row */
    SCREEN_COUNT
} UiScreen;
#define SCREEN_VISITOR_COUNT SCREEN_STAFF

typedef struct Ui Ui;

/* NULL if out of memory; the metrics must outlive the Ui */
Ui *ui_create(const UiMetrics *m, int width, int height, double dpi);
void ui_destroy(Ui *ui);
/* a new window size (rotation included); keeps the screen and language */
void ui_set_size(Ui *ui, int width, int height);
/* the content in each language and the hours; borrowed until the next call. A
 * language's NULL is asked of source(ctx, lang) when a screen needs it (the App reads
 * a language from the database the first time it is shown); no source: NULL. */
typedef const Content *(*UiContentSource)(void *ctx, Lang lang);
void ui_set_content(Ui *ui, const Content *content[LANG_COUNT], const HoursTable *hours);
void ui_set_content_source(Ui *ui, UiContentSource source, void *ctx);
/* the clock the screens show; re-lays out only when the minute changes */
void ui_set_time(Ui *ui, time_t now);
void ui_show(Ui *ui, UiScreen screen, Lang lang);
/* what an idle kiosk does: home, default language, scroll at the top */
void ui_reset(Ui *ui, Lang lang);
/* a dialog over the current screen: the USB update's progress and questions, the
 * staff PIN. MESSAGE has an OK button; CONFIRM shows the countdown with Cancel and
 * Apply now; PIN shows a keypad; PROGRESS shows a bar (countdown is then the part
 * done in thousandths, -1 for none) and a Cancel button. The texts are copied; a
 * dialog shown again with new words keeps a finger's press on its buttons. */
typedef enum { UI_DIALOG_NONE, UI_DIALOG_BUSY, UI_DIALOG_MESSAGE, UI_DIALOG_CONFIRM,
               UI_DIALOG_PIN, UI_DIALOG_PROGRESS } UiDialogKind;
void ui_dialog(Ui *ui, UiDialogKind kind, const char *title, const char *text, int countdown);
UiDialogKind ui_dialog_kind(const Ui *ui);

/* what the visitor or staff member decided in a dialog, or a hidden gesture */
typedef enum { UI_ACTION_NONE, UI_ACTION_CANCEL, UI_ACTION_CONFIRM, UI_ACTION_PIN,
               UI_ACTION_STAFF, UI_ACTION_ROLLBACK, UI_ACTION_EXPORT, UI_ACTION_RESTART,
               /* the speech controls (listen.c) */
               UI_ACTION_LISTEN, UI_ACTION_PAUSE, UI_ACTION_REPEAT, UI_ACTION_SOFTER,
               UI_ACTION_LOUDER
} UiAction;
/* the staff screen's facts, one "label\tvalue" a line; copied */
void ui_set_staff_info(Ui *ui, const char *text);
/* the pending action, once; for UI_ACTION_PIN the digits typed go to pin */
UiAction ui_take_action(Ui *ui, char *pin, size_t n);
/* a press held this long on the top-left corner asks for the staff PIN */
#define UI_STAFF_HOLD_MS 3000
/* the caller's clock: a press still held past UI_STAFF_HOLD_MS on the corner */
void ui_hold(Ui *ui, uint32_t ms);
/* true while a finger is down */
bool ui_pressing(const Ui *ui);

/* night mode: a dim screen with the clock and the next opening; a touch wakes it */
void ui_set_night(Ui *ui, bool night);
bool ui_night(const Ui *ui);
UiScreen ui_screen(const Ui *ui);
Lang ui_lang(const Ui *ui);

/* input, in window pixels; ms is a monotonic clock in milliseconds */
void ui_press(Ui *ui, int x, int y, uint32_t ms);
void ui_drag(Ui *ui, int x, int y, uint32_t ms);
void ui_release(Ui *ui, int x, int y, uint32_t ms);
/* advances scrolling momentum; true while it still moves (keep drawing frames) */
bool ui_animate(Ui *ui, uint32_t ms);
/* true when something changed since the last ui_commands */
bool ui_dirty(const Ui *ui);

/* the draw list of the current state (lays out again only when needed) */
const UiCmd *ui_commands(Ui *ui, int *n);
/* the scrolling body's rectangle and current scroll offset, for tests and tapping
 * scripts (render reads them from the list's UI_CLIP) */
void ui_body(const Ui *ui, int *x, int *y, int *w, int *h, int *scroll);
/* the screen's short English name ("home", "contact") and back; SCREEN_COUNT if unknown */
const char *ui_screen_name(UiScreen s);
UiScreen ui_screen_from_name(const char *name);
/* the centre of the button that leads to target from the current screen, for tests
 * and tapping scripts: 0, or -1 when the current screen has no such button */
int ui_find_button(Ui *ui, UiScreen target, int *x, int *y);
/* the i-th touch target's rectangle in window pixels; the number of targets */
int ui_target(Ui *ui, int i, int *x, int *y, int *w, int *h);
/* how many texts of the current layout were cut short by a line limit (tiles and
 * buttons hold two lines or one): 0 when every word is shown */
int ui_dropped_lines(Ui *ui);
/* how many words of the current layout are wider than their box and broken across
 * lines: 0 when every word is whole */
int ui_cut_words(Ui *ui);
/* how many commands, texts, buttons, lines or QR codes of the current layout found
 * their fixed-size list full and were left out: 0 when the layout is whole */
int ui_overflows(Ui *ui);
/* ---- the speech controls (listen.c) ---- */

/* the Listen control, as the app's voice is: HIDDEN (no sound device), NO_VOICE (the
 * language has none: the control says so), READY, SPEAKING or PAUSED (with the bar of
 * pause, repeat, softer and louder) */
typedef enum { UI_LISTEN_HIDDEN, UI_LISTEN_NO_VOICE, UI_LISTEN_READY, UI_LISTEN_SPEAKING,
               UI_LISTEN_PAUSED } UiListenState;
void ui_set_listen(Ui *ui, UiListenState state);
UiListenState ui_listen(const Ui *ui);
/* whether (x, y) is on a speech control: a press anywhere else stops the speech */
bool ui_on_listen(Ui *ui, int x, int y);
/* the centre of the speech control that gives action: 0, or -1 when none is shown */
int ui_find_listen_button(Ui *ui, UiAction action, int *x, int *y);
/* "Still there? Touch the screen to continue" over the screen, before the idle reset;
 * while it shows no button answers */
void ui_set_still_there(Ui *ui, bool shown);
bool ui_still_there(const Ui *ui);

/* ---- access (access.c) ---- */

/* large text: every text at least twice its size (a capital H at least 6 mm), one
 * column, scrolling; high contrast: light text on black. Both also switch by their
 * buttons in the footer; ui_reset turns them off. */
void ui_set_large_text(Ui *ui, bool on);
bool ui_large_text(const Ui *ui);
void ui_set_high_contrast(Ui *ui, bool on);
bool ui_high_contrast(const Ui *ui);
/* what the keypad speaks through: say(ctx, text, lang) a label or the help, volume(ctx,
 * +1 or -1). Either may be NULL. Copied. */
typedef struct UiSpeech {
    void (*say)(void *ctx, const char *text, Lang lang);
    void (*volume)(void *ctx, int step);
    void *ctx;
} UiSpeech;
void ui_set_speech(Ui *ui, const UiSpeech *speech);
/* a key of a keypad or keyboard (UiKey in drawlist.h). The first one starts keypad
 * mode: a visible focus that the arrows move over every control in reading order
 * (mirrored right to left), Enter acts, Back goes back, Help speaks how. */
void ui_key(Ui *ui, UiKey key);
/* true once a key was pressed, until the idle reset */
bool ui_keypad(const Ui *ui);
/* the focused control's label and its rectangle in window pixels; NULL when none */
const char *ui_focus(Ui *ui, int *x, int *y, int *w, int *h);

/* the centre of lang's button on the language picker (SCREEN_LANGUAGES, opened by
 * ui_find_button's SCREEN_LANGUAGES, the header's globe): 0, or -1 elsewhere */
int ui_find_lang_button(Ui *ui, Lang lang, int *x, int *y);

/* ---- the member directory (screens/services.c, screens/service.c) ---- */
struct Db;
/* the content's database for the directory, borrowed until the next call (NULL: none);
 * the home tile shows when it holds services of other organisations than the centre */
void ui_set_directory(Ui *ui, struct Db *db);
/* the card of the service with that id */
void ui_show_service(Ui *ui, const char *id);
/* for tests and the benchmark: the centre of the directory keyboard's key that types
 * key (one character; " " space, "\b" erase, "\t" the layout switch, "\x1b" clear the
 * query; a closed keyboard is opened as a tap on the search box would), of the i-th
 * category tile, of the i-th result row (scrolled into view), of a filter's chip; 0,
 * or -1 when the screen shows none */
int ui_find_key(Ui *ui, const char *key, int *x, int *y);
int ui_find_category(Ui *ui, int i, int *x, int *y);
int ui_find_result(Ui *ui, int i, int *x, int *y);
typedef enum { UI_FILTER_OPEN_NOW, UI_FILTER_FREE, UI_FILTER_LANGUAGE, UI_FILTER_CATEGORY,
               UI_FILTER_CLEAR } UiFilter;
int ui_find_filter(Ui *ui, UiFilter f, int *x, int *y);
#endif
