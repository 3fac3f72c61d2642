/* changes.c - the summary of what an update changes ("Opening hours changed · phone
 * changed"), from the content of two databases in every language. */
#include "core/update/update_private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db.h"
#include "core/directory.h"
#include "core/text.h"

typedef enum {
    CH_NAME, CH_ABOUT, CH_PARENT, CH_SERVICE, CH_JOIN, CH_HOURS, CH_CLOSURES, CH_PHONE,
    CH_EMAIL, CH_WEBSITE, CH_ADDRESS, CH_FUNDING, CH_LANGUAGES, CH_PROGRAM_TEXT, CH_COUNT
} Change;

static const char *const change_words[CH_COUNT][LANG_COUNT] = {
    [CH_NAME] = { "το όνομα άλλαξε", "name changed" },
    [CH_ABOUT] = { "η περιγραφή άλλαξε", "about text changed" },
    [CH_PARENT] = { "ο φορέας άλλαξε", "parent body changed" },
    [CH_SERVICE] = { "η περιγραφή της υπηρεσίας άλλαξε", "service description changed" },
    [CH_JOIN] = { "ο τρόπος συμμετοχής άλλαξε", "how to take part changed" },
    [CH_HOURS] = { "το ωράριο άλλαξε", "opening hours changed" },
    [CH_CLOSURES] = { "οι ημέρες κλεισίματος άλλαξαν", "closures changed" },
    [CH_PHONE] = { "το τηλέφωνο άλλαξε", "phone changed" },
    [CH_EMAIL] = { "το email άλλαξε", "email changed" },
    [CH_WEBSITE] = { "η ιστοσελίδα άλλαξε", "website changed" },
    [CH_ADDRESS] = { "η διεύθυνση άλλαξε", "address changed" },
    [CH_FUNDING] = { "η χρηματοδότηση άλλαξε", "funding changed" },
    [CH_LANGUAGES] = { "οι γλώσσες άλλαξαν", "languages changed" },
    [CH_PROGRAM_TEXT] = { "οι περιγραφές των επιτροπών άλλαξαν", "committee descriptions changed" },
};

/* committees: "%d ... renamed / added / removed", singular then plural */
static const char *const program_words[3][2][LANG_COUNT] = {
    { { "%d επιτροπή μετονομάστηκε", "%d committee renamed" },
      { "%d επιτροπές μετονομάστηκαν", "%d committees renamed" } },
    { { "%d επιτροπή προστέθηκε", "%d committee added" },
      { "%d επιτροπές προστέθηκαν", "%d committees added" } },
    { { "%d επιτροπή αφαιρέθηκε", "%d committee removed" },
      { "%d επιτροπές αφαιρέθηκαν", "%d committees removed" } },
};

static const char *const no_change_words[LANG_COUNT] = { "καμία ορατή αλλαγή", "no visible changes" };

/* true when two content strings differ */
static bool differs(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") != 0;
}

/* sets the changes seen between two Contents of one language */
static void compare_content(const Content *a, const Content *b, bool ch[CH_COUNT], int prog[3])
{
    ch[CH_NAME] |= differs(a->org_name, b->org_name) || differs(a->org_short, b->org_short);
    ch[CH_ABOUT] |= differs(a->org_description, b->org_description);
    ch[CH_PARENT] |= differs(a->parent_name, b->parent_name) ||
                     differs(a->parent_type, b->parent_type) || differs(a->department, b->department);
    ch[CH_SERVICE] |= differs(a->service_name, b->service_name) ||
                      differs(a->service_description, b->service_description) ||
                      differs(a->category, b->category) || differs(a->audience, b->audience);
    ch[CH_JOIN] |= differs(a->application_process, b->application_process);
    ch[CH_PHONE] |= differs(a->phone, b->phone);
    ch[CH_EMAIL] |= differs(a->email, b->email);
    ch[CH_WEBSITE] |= differs(a->website, b->website);
    ch[CH_ADDRESS] |= differs(a->address, b->address) || differs(a->city, b->city) ||
                      differs(a->postal_code, b->postal_code) || differs(a->country, b->country) ||
                      differs(a->community, b->community) || a->has_coords != b->has_coords ||
                      (a->has_coords && (a->latitude != b->latitude || a->longitude != b->longitude));
    ch[CH_FUNDING] |= differs(a->funding, b->funding);
    bool langs = a->n_languages != b->n_languages;
    for (int i = 0; !langs && i < a->n_languages; i++)
        langs = differs(a->languages[i], b->languages[i]);
    ch[CH_LANGUAGES] |= langs;
    /* committees: names only in one side; pairs of them count as renamed */
    int gone = 0, added = 0;
    for (int i = 0; i < a->n_programs; i++) {
        int k = 0;
        while (k < b->n_programs && differs(a->programs[i].name, b->programs[k].name))
            k++;
        if (k == b->n_programs)
            gone++;
        else if (differs(a->programs[i].description, b->programs[k].description))
            ch[CH_PROGRAM_TEXT] = true;
    }
    for (int k = 0; k < b->n_programs; k++) {
        int i = 0;
        while (i < a->n_programs && differs(a->programs[i].name, b->programs[k].name))
            i++;
        added += i == a->n_programs;
    }
    int renamed = gone < added ? gone : added;
    int p[3] = { renamed, added - renamed, gone - renamed };
    for (int i = 0; i < 3; i++)
        if (p[i] > prog[i])
            prog[i] = p[i];
}

/* true when two hours tables say different things */
static void compare_hours(const HoursTable *a, const HoursTable *b, bool ch[CH_COUNT])
{
    ch[CH_HOURS] = a->n_periods != b->n_periods ||
                   memcmp(a->periods, b->periods, sizeof a->periods[0] * (size_t)a->n_periods) != 0;
    bool c = a->n_closures != b->n_closures;
    for (int i = 0; !c && i < a->n_closures; i++) {
        const HoursClosure *x = &a->closures[i], *y = &b->closures[i];
        c = x->from != y->from || x->to != y->to || x->closed != y->closed ||
            (!x->closed && (x->opens_min != y->opens_min || x->closes_min != y->closes_min));
        for (int l = 0; !c && l < LANG_COUNT; l++)
            c = strcmp(x->reason[l], y->reason[l]) != 0;
    }
    ch[CH_CLOSURES] = c;
}

/* appends an item to the list with the separator; the first item gets a capital */
static void add_item(char *out, size_t n, const char *item)
{
    size_t len = strlen(out);
    if (len + 1 >= n)
        return;
    if (len == 0) {
        const char *rest = item;
        text_utf8_next(&rest);
        char first[8] = "", cap[16];
        memcpy(first, item, (size_t)(rest - item) < sizeof first ? (size_t)(rest - item) : 0);
        text_upper(first, cap, sizeof cap);
        snprintf(out, n, "%s%s", cap, rest);
    } else {
        snprintf(out + len, n - len, " · %s", item);
    }
}

/* compares two databases in every language, said in lang */
int update_describe_changes(const char *old_db, const char *new_db, Lang lang,
                            char *out, size_t n)
{
    static const char *const unreadable[LANG_COUNT] = {
        "το τρέχον περιεχόμενο δεν διαβάζεται", "the current content cannot be read" };
    if ((unsigned)lang >= LANG_COUNT)
        lang = LANG_DEFAULT;
    out[0] = '\0';
    char err[256];
    Db *a = db_open(old_db, err, sizeof err), *b = db_open(new_db, err, sizeof err);
    HoursTable *ha = calloc(1, sizeof *ha), *hb = calloc(1, sizeof *hb);
    bool ch[CH_COUNT] = { false };
    int prog[3] = { 0, 0, 0 }, count = -1;
    if (!a || !b || !ha || !hb)
        goto out;
    for (int l = 0; l < LANG_COUNT; l++) {
        Content ca, cb;
        memset(&ca, 0, sizeof ca);
        memset(&cb, 0, sizeof cb);
        int ok = db_load_content(a, (Lang)l, &ca) == 0 && db_load_content(b, (Lang)l, &cb) == 0;
        if (ok)
            compare_content(&ca, &cb, ch, prog);
        content_free(&ca);
        content_free(&cb);
        if (!ok)
            goto out;
    }
    if (db_load_hours(a, ha) != 0 || db_load_hours(b, hb) != 0)
        goto out;
    compare_hours(ha, hb, ch);
    count = 0;
    static const Change order[] = { CH_HOURS, CH_CLOSURES, CH_PHONE, CH_EMAIL, CH_WEBSITE,
                                    CH_ADDRESS, CH_NAME, CH_ABOUT, CH_PARENT, CH_SERVICE,
                                    CH_JOIN, CH_FUNDING, CH_LANGUAGES };
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
        if (ch[order[i]])
            add_item(out, n, change_words[order[i]][lang]), count++;
    for (int i = 0; i < 3; i++) {
        if (!prog[i])
            continue;
        char item[128];
        snprintf(item, sizeof item, program_words[i][prog[i] > 1][lang], prog[i]);
        add_item(out, n, item);
        count++;
    }
    if (ch[CH_PROGRAM_TEXT])
        add_item(out, n, change_words[CH_PROGRAM_TEXT][lang]), count++;
    /* the member directory: "3 services added · 1 service changed · 2 services removed" */
    static const StrId service_words[3] = { STR_UPDATE_SERVICES_ADDED,
                                            STR_UPDATE_SERVICES_CHANGED,
                                            STR_UPDATE_SERVICES_REMOVED };
    int svc[3];
    if (db_directory_compare(b, old_db, svc) != 0) {
        count = -1;
        goto out;
    }
    for (int i = 0; i < 3; i++) {
        if (!svc[i])
            continue;
        char item[128];
        i18n_format_count(lang, item, sizeof item, service_words[i], (unsigned long)svc[i],
                          svc[i]);
        add_item(out, n, item);
        count++;
    }
    if (count == 0)
        add_item(out, n, no_change_words[lang]);
out:
    if (count < 0)
        add_item(out, n, unreadable[lang]);
    free(ha);
    free(hb);
    if (a)
        db_close(a);
    if (b)
        db_close(b);
    return count;
}
