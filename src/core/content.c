/* content.c - the lifetime of a Content: every string it holds is its own. */
#include "core/content.h"

#include <stdlib.h>
#include <string.h>

/* frees every string of c and leaves it empty; safe on a zeroed or freed Content */
void content_free(Content *c)
{
    if (!c)
        return;
    char **const s[] = {
        &c->org_name, &c->org_short, &c->org_description, &c->parent_name, &c->parent_type,
        &c->department, &c->service_name, &c->service_description, &c->application_process,
        &c->category, &c->audience, &c->last_updated, &c->phone, &c->email, &c->website,
        &c->address, &c->city, &c->postal_code, &c->country, &c->community, &c->funding,
    };
    for (size_t i = 0; i < sizeof s / sizeof s[0]; i++) {
        free(*s[i]);
        *s[i] = NULL;
    }
    for (int i = 0; i < c->n_languages && i < CONTENT_MAX_LANGUAGES; i++)
        free(c->languages[i]);
    for (int i = 0; i < c->n_programs && i < CONTENT_MAX_PROGRAMS; i++) {
        free(c->programs[i].name);
        free(c->programs[i].description);
    }
    Lang lang = c->lang;
    memset(c, 0, sizeof *c);
    c->lang = lang;
}

Lang content_text_lang(const Content *c, const char *text)
{
    for (int i = 0; text && i < c->n_fell_back; i++)
        if (c->fell_back[i].text == text)
            return c->fell_back[i].lang;
    return c->lang;
}
