/* rules.c - the rules of one row: schema types and enums, each table's own checks
 * (schedules, closures, phones, emails, coordinates, translations) and its links. */
#include "core/hsds/hsds_private.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/hours.h"
#include "core/qr.h"
#include "core/sheet.h"

/* the value of the table's column called name in row */
static const char *val(const Resource *res, const Row *row, const char *name)
{
    int c = db_table_column(res->table, name);
    return c >= 0 && row->v[c] ? row->v[c] : "";
}

/* the 1-based CSV column of the table's column called name, 0 when absent */
static int col_of(const Resource *res, const Header *h, const char *name)
{
    int c = db_table_column(res->table, name);
    return c >= 0 ? h->csv_of[c] : 0;
}

/* true when id is the key of a row taken from table (an index in db/tables.c) */
static bool row_taken(const Pkg *p, int table, const char *id)
{
    int res = p->of_table[table];
    return res >= 0 && idset_taken(&p->res[res].ids, id);
}

/* the file the rows of table come from: the package's path, or the usual name */
static const char *file_of(const Pkg *p, int table)
{
    int res = p->of_table[table];
    return res >= 0 ? p->res[res].path : db_table(table)->file;
}

/* the type and enum checks of the schema: warnings, the value kept */
static void check_types(Pkg *p, const Resource *res, const Header *h, const Row *row)
{
    char b[80];
    for (int i = 0; i < h->n; i++) {
        if (h->field[i] < 0 || h->col[i] < 0)
            continue;
        const Field *f = &res->fields[h->field[i]];
        const char *v = row->v[h->col[i]];
        if (!*v)
            continue;
        bool ok = true;
        if (f->allowed) {
            ok = false;
            const cJSON *e;
            cJSON_ArrayForEach(e, f->allowed)
                ok = ok || (cJSON_IsString(e) && strcmp(e->valuestring, v) == 0);
        } else if (f->type && strcmp(f->type, "number") == 0) {
            char *end;
            errno = 0;
            double d = strtod(v, &end);
            ok = end != v && !*end && !errno && isfinite(d);
        } else if (f->type && strcmp(f->type, "date") == 0) {
            ok = hours_parse_date(v) > 0;
        } else if (f->type && strcmp(f->type, "time") == 0) {
            ok = hours_parse_time(v) >= 0;
        } else if (f->type && strcmp(f->type, "datetime") == 0) {
            char d[11];
            snprintf(d, sizeof d, "%s", v);
            ok = strlen(v) >= 10 && hours_parse_date(d) > 0;
        }
        if (!ok)
            ROW_PROBLEM(p, HSDS_WARNING, res->path, row->line, i + 1, "%s \"%s\" is not %s %s",
                        f->name, hsds_shown(v, b, sizeof b),
                        f->allowed ? "one of the values of" : "a",
                        f->allowed ? "the schema" : f->type);
    }
}

/* warnings of a taken schedule row: values the kiosk does not read (placeholders in
 * the HSDS example), and a valid_to that has passed (valid_to is the date, 0 for none) */
static void note_unread(Pkg *p, const Resource *res, const Header *h, const Row *row,
                        int valid_to)
{
    char b[80];
    const char *file = res->path, *byday = val(res, row, "byday");
    int line = row->line;
    const char *tz = val(res, row, "timezone");
    if (*tz)
        ROW_PROBLEM(p, HSDS_WARNING, file, line, col_of(res, h, "timezone"),
                    "timezone \"%s\" is not read: the hours are Athens local time",
                    hsds_shown(tz, b, sizeof b));
    static const char *const unread[] = { "until", "count", "interval", "byweekno", "bymonthday",
                                          "byyearday" };
    char names[128] = "";
    int first = 0;
    for (size_t i = 0; i < sizeof unread / sizeof unread[0]; i++) {
        const char *v = val(res, row, unread[i]);
        if (!*v || (strcmp(unread[i], "interval") == 0 && strcmp(v, "1") == 0))
            continue;
        if (!first)
            first = col_of(res, h, unread[i]);
        snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s", *names ? ", " : "",
                 unread[i]);
    }
    if (*names)
        ROW_PROBLEM(p, HSDS_WARNING, file, line, first,
                    "%s: not read by the kiosk; the row counts every week on %s", names,
                    hsds_shown(byday, b, sizeof b));
    if (valid_to > 0 && valid_to < p->today)
        ROW_PROBLEM(p, HSDS_WARNING, file, line, col_of(res, h, "valid_to"),
                    "valid_to %s has passed: the row no longer applies", val(res, row, "valid_to"));
}

/* the schedule rules: weekly rows only, real weekdays and times, closing after
 * opening. Errors refuse the package; returns whether the row is taken. */
static bool check_schedule(Pkg *p, Resource *res, const Header *h, Row *row)
{
    char b[80], b2[80];
    const char *file = res->path, *freq = val(res, row, "freq"), *byday = val(res, row, "byday");
    const char *opens = val(res, row, "opens_at"), *closes = val(res, row, "closes_at");
    int line = row->line;
    if (*freq && strcasecmp(freq, "WEEKLY") != 0) {
        ROW_PROBLEM(p, HSDS_WARNING, file, line, col_of(res, h, "freq"),
                    "freq %s: the kiosk reads weekly schedules only; the row is skipped",
                    hsds_shown(freq, b, sizeof b));
        return false;
    }
    if (!*byday) {
        ROW_PROBLEM(p, HSDS_WARNING, file, line, col_of(res, h, "byday"),
                    "no byday: the row does not say on which days; it is skipped");
        return false;
    }
    bool ok = true;
    int days = hours_parse_byday(byday);
    if (days < 0) {
        ROW_PROBLEM(p, HSDS_ERROR, file, line, col_of(res, h, "byday"),
                    "byday \"%s\" names an unknown weekday (write MO,TU,WE,TH,FR,SA,SU)",
                    hsds_shown(byday, b, sizeof b));
        ok = false;
    }
    if (!*opens || !*closes) {
        ROW_PROBLEM(p, HSDS_WARNING, file, line, col_of(res, h, *opens ? "closes_at" : "opens_at"),
                    "no %s: the row is skipped", *opens ? "closes_at" : "opens_at");
        return false;
    }
    int o = hours_parse_time(opens), c = hours_parse_time(closes);
    if (o < 0)
        ROW_PROBLEM(p, HSDS_ERROR, file, line, col_of(res, h, "opens_at"),
                    "opens_at \"%s\" is not a time like 09:00", hsds_shown(opens, b, sizeof b));
    if (c < 0)
        ROW_PROBLEM(p, HSDS_ERROR, file, line, col_of(res, h, "closes_at"),
                    "closes_at \"%s\" is not a time like 17:00", hsds_shown(closes, b, sizeof b));
    if (o >= 0 && c >= 0 && c <= o)
        ROW_PROBLEM(p, HSDS_ERROR, file, line, col_of(res, h, "closes_at"),
                    "closes_at %s is not after opens_at %s: the hours would be wrong",
                    hsds_shown(closes, b, sizeof b), hsds_shown(opens, b2, sizeof b2));
    ok = ok && o >= 0 && c > o;
    static const char *const dates[] = { "valid_from", "valid_to" };
    int d[2];
    for (int i = 0; i < 2; i++) {
        const char *v = val(res, row, dates[i]);
        d[i] = *v ? hours_parse_date(v) : 0;
        if (d[i] < 0) {
            ROW_PROBLEM(p, HSDS_ERROR, file, line, col_of(res, h, dates[i]),
                        "%s \"%s\" is not a date like 2027-04-30", dates[i],
                        hsds_shown(v, b, sizeof b));
            ok = false;
        }
    }
    if (d[0] > 0 && d[1] > 0 && d[1] < d[0]) {
        ROW_PROBLEM(p, HSDS_ERROR, file, line, col_of(res, h, "valid_to"),
                    "valid_to %s is before valid_from %s", val(res, row, "valid_to"),
                    val(res, row, "valid_from"));
        ok = false;
    }
    if (!ok)
        return false;
    note_unread(p, res, h, row, d[1]);
    return true;
}

/* the closure rules: real dates in order, true or false, special hours that close
 * after they open. Errors refuse the package; returns whether the row is taken. */
static bool check_closure(Pkg *p, Resource *res, const Header *h, Row *row)
{
    char b[80], b2[80];
    const char *file = res->path, *start = val(res, row, "start_date");
    const char *end = val(res, row, "end_date"), *closed = val(res, row, "closed");
    int line = row->line;
    bool ok = true;
    int from = hours_parse_date(start), to = *end ? hours_parse_date(end) : from;
    if (!*start) {
        ROW_PROBLEM(p, HSDS_ERROR, file, line, col_of(res, h, "start_date"),
                    "start_date is empty: a closure needs its first day");
        ok = false;
    } else if (from < 0) {
        ROW_PROBLEM(p, HSDS_ERROR, file, line, col_of(res, h, "start_date"),
                    "start_date \"%s\" is not a date like 2027-04-30",
                    hsds_shown(start, b, sizeof b));
        ok = false;
    }
    if (*end && to < 0) {
        ROW_PROBLEM(p, HSDS_ERROR, file, line, col_of(res, h, "end_date"),
                    "end_date \"%s\" is not a date like 2027-04-30", hsds_shown(end, b, sizeof b));
        ok = false;
    } else if (ok && to < from) {
        ROW_PROBLEM(p, HSDS_ERROR, file, line, col_of(res, h, "end_date"),
                    "end_date %s is before start_date %s", end, start);
        ok = false;
    }
    bool is_closed = !*closed || strcasecmp(closed, "true") == 0;
    if (*closed && !is_closed && strcasecmp(closed, "false") != 0) {
        ROW_PROBLEM(p, HSDS_ERROR, file, line, col_of(res, h, "closed"),
                    "closed \"%s\" must be true or false", hsds_shown(closed, b, sizeof b));
        ok = false;
    }
    if (!is_closed) {
        const char *opens = val(res, row, "opens_at"), *closes = val(res, row, "closes_at");
        int o = hours_parse_time(opens), c = hours_parse_time(closes);
        if (o < 0 || c < 0) {
            ROW_PROBLEM(p, HSDS_ERROR, file, line, col_of(res, h, o < 0 ? "opens_at" : "closes_at"),
                        "%s \"%s\" is not a time like 09:00 (closed is false: special hours)",
                        o < 0 ? "opens_at" : "closes_at", o < 0 ? hsds_shown(opens, b, sizeof b)
                                                                : hsds_shown(closes, b, sizeof b));
            ok = false;
        } else if (c <= o) {
            ROW_PROBLEM(p, HSDS_ERROR, file, line, col_of(res, h, "closes_at"),
                        "closes_at %s is not after opens_at %s: the hours would be wrong",
                        hsds_shown(closes, b, sizeof b), hsds_shown(opens, b2, sizeof b2));
            ok = false;
        }
    }
    return ok;
}

/* DB_RULE_QUOTED_NUMBER: '"+44 1234 234567"' in the HSDS example; the quotes are not
 * the number's */
static bool unquote_number(Pkg *p, Resource *res, const Header *h, Row *row)
{
    char b[80];
    int c = db_table_column(res->table, "number");
    const char *v = row->v[c];
    size_t len = strlen(v);
    if (len >= 2 && v[0] == '"' && v[len - 1] == '"' && len - 2 < sizeof row->buf[c]) {
        memcpy(row->buf[c], v + 1, len - 2);
        row->buf[c][len - 2] = 0;
        row->v[c] = row->buf[c];
        ROW_PROBLEM(p, HSDS_WARNING, res->path, row->line, h->csv_of[c],
                    "number %s has quotes around it; it is read as %s",
                    hsds_shown(v, b, sizeof b), row->v[c]);
    }
    return true;
}

/* DB_RULE_EMAIL: an address the contact screen cannot put in a QR code is warned of */
static bool check_email(Pkg *p, Resource *res, const Header *h, Row *row)
{
    char b[80], payload[512];
    const char *v = val(res, row, "email");
    if (*v && qr_payload_mailto(v, payload, sizeof payload) < 0)
        ROW_PROBLEM(p, HSDS_WARNING, res->path, row->line, col_of(res, h, "email"),
                    "email \"%s\" is not a valid address: the kiosk shows none",
                    hsds_shown(v, b, sizeof b));
    return true;
}

/* DB_RULE_AMOUNT: a cost that is not a number cannot say whether a service is free */
static bool check_amount(Pkg *p, Resource *res, const Header *h, Row *row)
{
    char b[80], *end;
    const char *v = val(res, row, "amount");
    if (*v) {
        strtod(v, &end);
        while (*end == ' ')
            end++;
        if (end == v || *end)
            ROW_PROBLEM(p, HSDS_WARNING, res->path, row->line, col_of(res, h, "amount"),
                        "amount \"%s\" is not a number (0 for free): the directory cannot "
                        "say whether the service is free", hsds_shown(v, b, sizeof b));
    }
    return true;
}

/* DB_RULE_COORDINATES: a coordinate out of range is warned of (the map then uses the
 * address) */
static bool check_coordinates(Pkg *p, Resource *res, const Header *h, Row *row)
{
    char b[80];
    static const char *const coords[] = { "latitude", "longitude" };
    for (int i = 0; i < 2; i++) {
        const char *v = val(res, row, coords[i]);
        double d = strtod(v, NULL), limit = i ? 180 : 90;
        /* a '.' lost on a Greek PC is an error of its own (spreadsheet.c) */
        if (*v && fabs(d) > limit && !sheet_decimal_damaged(v, limit, NULL, 0))
            ROW_PROBLEM(p, HSDS_WARNING, res->path, row->line, col_of(res, h, coords[i]),
                        "%s %s is out of range (-%g to %g): the map uses the address",
                        coords[i], hsds_shown(v, b, sizeof b), limit, limit);
    }
    return true;
}

/* the key of a translation: resource, record, field and language */
static void translation_key(const Resource *res, const Row *row, char *out, size_t n)
{
    snprintf(out, n, "%s\x1f%s\x1f%s\x1f%s", val(res, row, "resource"),
             val(res, row, "record_id"), val(res, row, "field"), val(res, row, "language"));
}

/* a second translation of the same text into the same language: pass 1 reports it
 * and keeps the first, pass 2 skips every row but the first */
static bool first_translation(Pkg *p, Resource *res, const Header *h, Row *row)
{
    char b[80], key[CSV_MAX_FIELD];
    translation_key(res, row, key, sizeof key);
    if (p->pass == 2)
        return idset_find(&p->translations, key) == row->line;
    int first = idset_add(&p->translations, key, row->line);
    if (first == 0)
        return true;
    const char *resource = val(res, row, "resource");
    hsds_problem_add(p->r, HSDS_WARNING, res->path, row->line, col_of(res, h, "language"),
                     "a second %s translation of %s %s of %s \"%s\" (first on line %d); this "
                     "row is skipped",
                     val(res, row, "language"), resource, val(res, row, "field"), resource,
                     hsds_shown(val(res, row, "record_id"), b, sizeof b), first);
    return false;
}

/* DB_RULE_TRANSLATION: a text of a kiosk table's field, in a language other than the
 * package's own, not empty, and the first of its kind */
static bool check_translation(Pkg *p, Resource *res, const Header *h, Row *row)
{
    char b[80];
    const char *resource = val(res, row, "resource"), *field = val(res, row, "field");
    int target = db_table_find(resource);
    if (target < 0 || target == res->table) {
        ROW_PROBLEM(p, HSDS_WARNING, res->path, row->line, col_of(res, h, "resource"),
                    "resource \"%s\" is not a table of the kiosk; the translation is skipped",
                    hsds_shown(resource, b, sizeof b));
        return false;
    }
    if (db_table_column(target, field) < 0 ||
        (db_table(target)->key && strcmp(field, db_table(target)->key) == 0)) {
        ROW_PROBLEM(p, HSDS_WARNING, res->path, row->line, col_of(res, h, "field"),
                    "field \"%s\" is not a text of %s; the translation is skipped",
                    hsds_shown(field, b, sizeof b), resource);
        return false;
    }
    /* language codes are compared in lower case */
    int lc = db_table_column(res->table, "language");
    snprintf(row->buf[lc], sizeof row->buf[lc], "%s", row->v[lc]);
    for (char *s = row->buf[lc]; *s; s++)
        *s = (char)tolower((unsigned char)*s);
    row->v[lc] = row->buf[lc];
    if (!hsds_language_ok(row->v[lc])) {
        ROW_PROBLEM(p, HSDS_WARNING, res->path, row->line, h->csv_of[lc],
                    "language \"%s\" is not a language code like en; the translation is "
                    "skipped", hsds_shown(row->v[lc], b, sizeof b));
        return false;
    }
    if (strcmp(row->v[lc], p->language) == 0) {
        ROW_PROBLEM(p, HSDS_WARNING, res->path, row->line, h->csv_of[lc],
                    "%s is the language of the package's own texts: the text in %s is shown, "
                    "this one is skipped", p->language, db_table(target)->file);
        return false;
    }
    if (!*val(res, row, "value"))
        return false;           /* an empty translation: the other texts are shown */
    return first_translation(p, res, h, row);
}

/* DB_RULE_TRANSLATION in pass 2: the translated record must have been taken */
static bool translation_links(Pkg *p, Resource *res, const Header *h, Row *row)
{
    char b[80];
    const char *id = val(res, row, "record_id");
    int tt = db_table_find(val(res, row, "resource"));
    if (!row_taken(p, tt, id)) {
        hsds_problem_add(p->r, HSDS_WARNING, res->path, row->line, col_of(res, h, "record_id"),
                         "record_id \"%s\" is not in %s; the translation is skipped",
                         hsds_shown(id, b, sizeof b), file_of(p, tt));
        return false;
    }
    return true;
}

/* DB_RULE_LINK_ENTITY in pass 2: a link to a table or a row the package lacks is
 * warned of; the row is kept */
static bool entity_links(Pkg *p, Resource *res, const Header *h, Row *row)
{
    char b[80];
    const char *entity = val(res, row, "link_entity"), *id = val(res, row, "link_id");
    int tt = db_table_find(entity);
    if (tt < 0)
        hsds_problem_add(
            p->r, HSDS_WARNING, res->path, row->line, col_of(res, h, "link_entity"),
            "link_entity \"%s\" is not a table of the kiosk; the attribute links nothing",
            hsds_shown(entity, b, sizeof b));
    else if (*id && !row_taken(p, tt, id))
        hsds_problem_add(p->r, HSDS_WARNING, res->path, row->line, col_of(res, h, "link_id"),
                         "link_id \"%s\" is not in %s", hsds_shown(id, b, sizeof b),
                         db_table(tt)->file);
    return true;
}

#define COLS(...) ((const char *const[]){ __VA_ARGS__, NULL })

/* a check of a row: false when the row is not taken */
typedef bool (*RuleFn)(Pkg *p, Resource *res, const Header *h, Row *row);

/* What each flag of the table of tables' rules column (DbRule, db.h) does. To add a
 * rule: a flag in db.h, its functions above, a row here, and the flag in the rows of
 * db/tables.c that need it. */
static const struct {
    DbRule flag;
    RuleFn row;                 /* pass 1 and 2, on the row alone; NULL for none */
    RuleFn links;               /* pass 2, once the ids of every table are known */
    bool own_types;             /* the rule checks its values itself, not the schema types */
    bool dangling_skips;        /* a dangling link skips the row instead of being dropped */
    const char *const *reads;   /* the columns it reads: a table with the flag has them */
} rules[] = {
    { DB_RULE_SCHEDULE, check_schedule, NULL, true, false,
      COLS("freq", "byday", "opens_at", "closes_at", "valid_from", "valid_to", "timezone",
           "until", "count", "interval", "byweekno", "bymonthday", "byyearday") },
    { DB_RULE_CLOSURE, check_closure, NULL, true, true,
      COLS("start_date", "end_date", "closed", "opens_at", "closes_at") },
    { DB_RULE_QUOTED_NUMBER, unquote_number, NULL, false, false, COLS("number") },
    { DB_RULE_EMAIL, check_email, NULL, false, false, COLS("email") },
    { DB_RULE_COORDINATES, check_coordinates, NULL, false, false,
      COLS("latitude", "longitude") },
    { DB_RULE_TRANSLATION, check_translation, translation_links, false, false,
      COLS("resource", "record_id", "field", "language", "value") },
    { DB_RULE_LINK_ENTITY, NULL, entity_links, false, false, COLS("link_entity", "link_id") },
    { DB_RULE_AMOUNT, check_amount, NULL, false, false, COLS("amount") },
};
#define N_RULES (sizeof rules / sizeof rules[0])

/* the checks of one table's own rows; false when the row is not taken */
bool hsds_rules_check_row(Pkg *p, Resource *res, const Header *h, Row *row)
{
    unsigned flags = db_table(res->table)->rules;
    for (size_t i = 0; i < N_RULES; i++)
        if ((flags & rules[i].flag) && rules[i].own_types)
            return rules[i].row(p, res, h, row);
    check_types(p, res, h, row);
    for (size_t i = 0; i < N_RULES; i++)
        if ((flags & rules[i].flag) && rules[i].row && !rules[i].row(p, res, h, row))
            return false;
    return true;
}

/* the links of a taken row in pass 2: a dangling one is dropped, or the row is
 * skipped where a rule says so (a closure for no service would close every service) */
bool hsds_rules_check_links(Pkg *p, Resource *res, const Header *h, Row *row)
{
    char b[80];
    const DbTable *t = db_table(res->table);
    bool skips = false;
    for (size_t i = 0; i < N_RULES; i++)
        skips = skips || ((t->rules & rules[i].flag) && rules[i].dangling_skips);
    for (int i = 0; i < res->n_links; i++) {
        const Link *l = &res->links[i];
        int c = db_table_column(res->table, l->field);
        if (c < 0 || !*row->v[c])
            continue;
        int tt = *l->resource ? db_table_find(l->resource) : res->table;
        if (tt < 0)
            continue;           /* a resource the kiosk does not keep */
        if (row_taken(p, tt, row->v[c]))
            continue;
        const char *file = file_of(p, tt);
        hsds_problem_add(p->r, HSDS_WARNING, res->path, row->line, h->csv_of[c],
                         "%s \"%s\" is not in %s; the %s is %s", l->field,
                         hsds_shown(row->v[c], b, sizeof b), file, skips ? t->name : "link",
                         skips ? "skipped" : "dropped");
        if (skips)
            return false;
        row->v[c] = "";
    }
    for (size_t i = 0; i < N_RULES; i++)
        if ((t->rules & rules[i].flag) && rules[i].links && !rules[i].links(p, res, h, row))
            return false;
    return true;
}

/* the first column that a rule of table i reads and the table lacks, NULL when none */
const char *hsds_rules_missing_column(int i)
{
    const DbTable *t = db_table(i);
    for (size_t r = 0; r < N_RULES; r++)
        for (int c = 0; (t->rules & rules[r].flag) && rules[r].reads[c]; c++)
            if (db_table_column(i, rules[r].reads[c]) < 0)
                return rules[r].reads[c];
    for (int c = 0; t->unique && t->unique[c]; c++)
        if (db_table_column(i, t->unique[c]) < 0)
            return t->unique[c];
    return NULL;
}
