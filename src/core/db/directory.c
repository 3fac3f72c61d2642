/* directory.c - the member directory's queries, as the screens and `kiosk search` ask
 * them, on the tables directory_index.c builds at import. Start at search(): it
 * turns the typed words into an FTS5 expression (match_expression: each folded word
 * as a prefix, or any of its synonyms from the content's synonym table), asks one
 * statement for the page's service keys (dir_statement: the words and the filters of
 * dir_filters[], ordered, LIMIT and OFFSET), and reads only the rows of that page
 * (fill_rows). The service card and a service's schedule are below it. */
#include "core/db/db_private.h"
#include "core/directory.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/fold.h"
#include "core/qr.h"

#define QUERY_WORDS   8         /* words of a query that count; the rest are ignored */
#define WORD_SYNONYMS 24        /* alternatives of one word */
#define MATCH_MAX     2048      /* the FTS5 expression */
#define RANKED_MAX    2000      /* matches ordered by relevance; more come in file order */

/* ---- statements, parameters, columns ---- */

/* a statement for sql, prepared once for the connection (db_query's cache); SQLITE_OK,
 * or an error code with db_error() */
static int prep(Db *db, const char *sql, sqlite3_stmt **st)
{
    *st = db_query(db, sql, NULL, NULL);
    return *st ? SQLITE_OK : SQLITE_ERROR;
}

/* gives a statement from prep() back (reset, bindings cleared); NULL is fine */
static void done(Db *db, sqlite3_stmt *st)
{
    if (st)
        db_query_done(db, st);
}

/* "the directory: " and SQLite's last error, or out of memory for SQLITE_NOMEM, into
 * db_error(); always -1 */
static int dir_fail(Db *db, int rc)
{
    return db_fail(db, "the directory: %s",
                   rc == SQLITE_NOMEM ? "out of memory" : sqlite3_errmsg(db->h));
}

/* a text of record A.id of resource in :lang, with db_load_content's fallback: the
 * translation, else the base text, else the first translation in any language */
static void sql_text(DbSql *q, const char *alias, const char *resource, const char *field)
{
    db_sql_add(q, "coalesce((SELECT value FROM translation WHERE resource = '%s' AND record_id = %s.id"
                  " AND field = '%s' AND language = :lang AND value <> ''), nullif(%s.\"%s\", ''),"
                  " (SELECT value FROM translation WHERE resource = '%s' AND record_id = %s.id"
                  " AND field = '%s' AND value <> '' ORDER BY rowid LIMIT 1), '')",
               resource, alias, field, alias, field, resource, alias, field);
}

/* :lang for sql_text: "" when lang is the base language (the base text comes first) */
static const char *lang_param(Db *db, Lang lang)
{
    const char *code = i18n_code(lang);
    return strcasecmp(code, db_base_language(db)) == 0 ? "" : code;
}

/* binds a text or an integer to a named parameter the statement may lack; SQLITE_OK,
 * or SQLite's error (out of memory, a text too long) */
static int bind_text(sqlite3_stmt *st, const char *name, const char *v)
{
    int i = sqlite3_bind_parameter_index(st, name);
    return i ? sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT) : SQLITE_OK;
}

static int bind_int(sqlite3_stmt *st, const char *name, sqlite3_int64 v)
{
    int i = sqlite3_bind_parameter_index(st, name);
    return i ? sqlite3_bind_int64(st, i, v) : SQLITE_OK;
}

/* copies column c into a fixed buffer, cut at a UTF-8 character boundary */
static void col_copy(sqlite3_stmt *st, int c, char *dst, size_t n)
{
    const char *s = (const char *)sqlite3_column_text(st, c);
    size_t len = s ? strlen(s) : 0;
    if (len >= n) {
        len = n - 1;
        while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
            len--;
    }
    if (len)
        memcpy(dst, s, len);
    dst[len] = 0;
}

/* ---- the words: folded, each with its synonyms, as an FTS5 expression ---- */

/* the alternatives of one word: the word itself, then its synonyms, each folded (a
 * synonym group is one row of the synonym table, its terms separated by "/", ";",
 * "|" or a line break) */
typedef struct Synonyms {
    char keys[WORD_SYNONYMS][96];
    int n;
} Synonyms;

/* adds key to the alternatives unless it is there */
static void syn_add(Synonyms *s, const char *key)
{
    if (!*key || s->n == WORD_SYNONYMS)
        return;
    for (int i = 0; i < s->n; i++)
        if (strcmp(s->keys[i], key) == 0)
            return;
    size_t len = strnlen(key, sizeof s->keys[0] - 1);   /* keys come folded to fit */
    memcpy(s->keys[s->n], key, len);
    s->keys[s->n++][len] = 0;
}

/* the terms of one synonym row, folded, into keys (at most max); returns how many */
static int split_terms(const char *terms, char keys[][96], int max)
{
    int n = 0;
    char term[256];
    while (*terms && n < max) {
        size_t len = strcspn(terms, "/;|\n");
        snprintf(term, sizeof term, "%.*s", (int)(len < sizeof term ? len : sizeof term - 1), terms);
        fold_text(term, keys[n], sizeof keys[0]);
        if (keys[n][0])
            n++;
        terms += len;
        if (*terms)
            terms++;
    }
    return n;
}

/* Each word with its synonyms: word i gets every term of each synonym row that has
 * a term folding to the word, or, for the last word (still being typed) of three
 * letters or more, a one-word term starting with it. */
static int expand_words(Db *db, char words[][96], int n, Synonyms *alt)
{
    for (int i = 0; i < n; i++) {
        alt[i].n = 0;
        syn_add(&alt[i], words[i]);
    }
    sqlite3_stmt *st = NULL;
    if (prep(db, "SELECT terms FROM synonym ORDER BY rowid", &st) != SQLITE_OK)
        return db_fail(db, "synonyms: %s", sqlite3_errmsg(db->h));
    int rc;
    char keys[16][96];
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int k = split_terms((const char *)sqlite3_column_text(st, 0), keys, 16);
        for (int i = 0; i < n; i++) {
            size_t wl = strlen(words[i]);
            bool hit = false;
            for (int j = 0; j < k && !hit; j++)
                hit = strcmp(keys[j], words[i]) == 0 ||
                      (i == n - 1 && wl >= 3 && strncmp(keys[j], words[i], wl) == 0 &&
                       !strchr(keys[j], ' '));
            for (int j = 0; hit && j < k; j++)
                syn_add(&alt[i], keys[j]);
        }
    }
    done(db, st);
    return rc == SQLITE_DONE ? 0 : db_fail(db, "synonyms: %s", sqlite3_errmsg(db->h));
}

/* the FTS5 expression of the folded words: ("w"* OR "synonym"*) AND ... ; "" when
 * the query has no word */
static int match_expression(Db *db, const char *words, char *out, size_t n)
{
    char key[512], w[QUERY_WORDS][96];
    fold_text(words ? words : "", key, sizeof key);
    int nw = 0;
    for (char *p = key; *p && nw < QUERY_WORDS;) {
        size_t len = strcspn(p, " ");
        snprintf(w[nw++], sizeof w[0], "%.*s", (int)(len < sizeof w[0] ? len : sizeof w[0] - 1), p);
        p += len;
        while (*p == ' ')
            p++;
    }
    out[0] = 0;
    if (nw == 0)
        return 0;
    Synonyms alt[QUERY_WORDS];
    if (expand_words(db, w, nw, alt) < 0)
        return -1;
    char more[4][FOLD_WORD];
    int nm = fold_completions(words, more, 4);
    for (int i = 0; i < nm; i++)
        syn_add(&alt[nw - 1], more[i]);
    size_t len = 0;
    for (int i = 0; i < nw; i++) {
        for (int j = 0; j < alt[i].n; j++) {
            int m = snprintf(out + len, n - len, "%s\"%s\"*%s", j ? " OR " : i ? " AND (" : "(",
                             alt[i].keys[j], j == alt[i].n - 1 ? ")" : "");
            if (m < 0 || (size_t)m >= n - len)
                return db_fail(db, "the query is too long");
            len += (size_t)m;
        }
    }
    return 0;
}

/* ---- the one statement of a search: its words and filters, counted or a page ---- */

/* what a search asks, computed once for its statements */
typedef struct DirAsk {
    const DirQuery *q;
    char match[MATCH_MAX];      /* the FTS5 expression of the words, "" when none */
    char langcode[24];          /* " ar ": dir_service.langs holds codes between spaces */
    int date, wbit, minute;     /* the local now: 20261125, the weekday's bit, 630 */
    int holiday;                /* now is a public holiday */
} DirAsk;

/* the words of q as an FTS5 expression, q's language code as dir_service.langs holds
 * it, and the local now of q->now; -1 with db_error() */
static int ask_init(Db *db, const DirQuery *q, DirAsk *a)
{
    a->q = q;
    if (match_expression(db, q->words, a->match, sizeof a->match) < 0)
        return -1;
    snprintf(a->langcode, sizeof a->langcode, " %s ", q->language ? q->language : "");
    for (char *c = a->langcode; *c; c++)
        *c = (char)(*c >= 'A' && *c <= 'Z' ? *c + 32 : *c);
    struct tm tm;
    localtime_r(&q->now, &tm);
    a->date = (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
    a->wbit = 1 << ((tm.tm_wday + 6) % 7);
    a->minute = tm.tm_hour * 60 + tm.tm_min;
    static const HoursTable none;   /* no city holiday: member services keep their hours */
    const char *name;
    a->holiday = hours_holiday(&none, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, LANG_EN,
                               &name);
    return 0;
}

/* whether q asks for each filter of dir_filters[] */
static bool by_category(const DirQuery *q) { return q->category && *q->category; }
static bool by_language(const DirQuery *q) { return q->language && *q->language; }
static bool by_free(const DirQuery *q) { return q->free; }
static bool by_open_now(const DirQuery *q) { return q->open_now; }

/* The filters of a search: when each applies, and its condition on the service's row
 * d of dir_service (they combine with AND). To add a filter: its field in DirQuery
 * (directory.h), a row here, and the value of a new :parameter in bind_ask(). */
static const struct {
    bool (*on)(const DirQuery *q);
    const char *sql;
} dir_filters[] = {
    { by_category, "d.id IN (SELECT service FROM dir_cat WHERE term = :cat)" },
    { by_language, "instr(d.langs, :langcode) > 0" },
    { by_free, "d.free" },
    /* hours_day(): a closure of the day wins, then a holiday closes, then the week */
    { by_open_now,
      "coalesce((SELECT NOT c.closed AND c.opens <= :minute AND :minute < c.closes"
      " FROM dir_closure c WHERE c.service IN (0, d.id) AND c.date_from <= :date"
      " AND :date <= c.date_to ORDER BY c.rowid LIMIT 1), NOT :holiday AND EXISTS"
      " (SELECT 1 FROM dir_hours h WHERE h.service = d.id AND h.weekdays & :wbit"
      " AND h.opens <= :minute AND :minute < h.closes AND (h.valid_from = 0"
      " OR h.valid_from <= :date) AND (h.valid_to = 0 OR :date <= h.valid_to)))" },
};
#define DIR_FILTERS (sizeof dir_filters / sizeof dir_filters[0])

/* true when q asks for any filter */
static bool filtered(const DirQuery *q)
{
    for (size_t i = 0; i < DIR_FILTERS; i++)
        if (dir_filters[i].on(q))
            return true;
    return false;
}

/* binds every parameter of the statement's filters and words; SQLITE_OK or the error */
static int bind_ask(sqlite3_stmt *st, const DirAsk *a)
{
    int rc = bind_text(st, ":match", a->match);
    if (rc == SQLITE_OK)
        rc = bind_text(st, ":cat", a->q->category ? a->q->category : "");
    if (rc == SQLITE_OK)
        rc = bind_text(st, ":langcode", a->langcode);
    if (rc == SQLITE_OK)
        rc = bind_int(st, ":minute", a->minute);
    if (rc == SQLITE_OK)
        rc = bind_int(st, ":date", a->date);
    if (rc == SQLITE_OK)
        rc = bind_int(st, ":wbit", a->wbit);
    if (rc == SQLITE_OK)
        rc = bind_int(st, ":holiday", a->holiday);
    return rc;
}

/* a page of a search: rows [offset, offset + limit), best first */
typedef struct DirPage {
    int offset, limit;
    bool ranked;                /* by relevance (with words), else in file order */
} DirPage;

/* The statement of a search, prepared and bound: with page, the keys (dir_service.id,
 * the service's rowid) of that page of the services matching a's words and filters;
 * without, their count. filters false leaves the filters out (the words' matches
 * alone). Without words the services come by name. It reads dir_search (f) and
 * dir_service (d) only, as the service table's long rows cost a page read each, and
 * d only when a filter or the order needs it. NULL with db_error(). */
static sqlite3_stmt *dir_statement(Db *db, const DirAsk *a, bool filters, const DirPage *page)
{
    bool words = a->match[0] != 0, any = filters && filtered(a->q);
    DbSql q = DB_SQL_INIT;
    db_sql_add(&q, "SELECT %s", !page ? "count(*)" : words ? "f.rowid" : "d.id");
    if (words)
        db_sql_add(&q, " FROM dir_search f%s WHERE dir_search MATCH :match",
                   any ? " JOIN dir_service d ON d.id = f.rowid" : "");
    else
        db_sql_add(&q, " FROM dir_service d WHERE 1");
    for (size_t i = 0; any && i < DIR_FILTERS; i++)
        if (dir_filters[i].on(a->q))
            db_sql_add(&q, " AND %s", dir_filters[i].sql);
    if (page)
        db_sql_add(&q, " ORDER BY %s LIMIT :limit OFFSET :offset",
                   !words ? "d.sortkey, d.id" : page->ranked ? "f.rank, f.rowid" : "f.rowid");
    sqlite3_stmt *st = NULL;
    int rc = q.ok ? prep(db, q.s, &st) : SQLITE_NOMEM;
    free(q.s);
    if (rc == SQLITE_OK)
        rc = bind_ask(st, a);
    if (rc == SQLITE_OK && page)
        rc = bind_int(st, ":limit", page->limit);
    if (rc == SQLITE_OK && page)
        rc = bind_int(st, ":offset", page->offset);
    if (rc != SQLITE_OK) {
        dir_fail(db, rc);
        done(db, st);
        return NULL;
    }
    return st;
}

/* the number of services matching a (its words alone when not filters); -1 with
 * db_error() */
static int dir_count(Db *db, const DirAsk *a, bool filters)
{
    sqlite3_stmt *st = dir_statement(db, a, filters, NULL);
    if (!st)
        return -1;
    int rc = sqlite3_step(st);
    int n = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    if (n < 0)
        dir_fail(db, SQLITE_ERROR);
    done(db, st);
    return n;
}

/* ---- the rows of a page, and the service card ---- */

/* "SELECT s.id, its name, its organisation's name" in :lang: the start of a statement
 * reading a service; the caller adds its own columns, then service_from() */
static void service_columns(DbSql *q)
{
    db_sql_add(q, "SELECT s.id, ");
    sql_text(q, "s", "service", "name");
    db_sql_add(q, ", ");
    sql_text(q, "o", "organization", "name");
}

/* the tables of service_columns(): the service s, its dir_service row d, its
 * organisation o; where chooses the service */
static void service_from(DbSql *q, const char *where)
{
    db_sql_add(q, " FROM service s JOIN dir_service d ON d.id = s.rowid"
                  " LEFT JOIN organization o ON o.id = s.organization_id WHERE %s", where);
}

/* the statements that read one service's schedule from dir_hours and dir_closure,
 * and with why the closures' reasons in every language (a list's badge shows none) */
typedef struct HoursReader {
    sqlite3_stmt *hs, *cs, *why;
} HoursReader;

/* prepares r (every statement NULL first); -1 with db_error(), r then to be closed */
static int hours_open(Db *db, HoursReader *r, bool reasons)
{
    *r = (HoursReader){ 0 };
    int rc = prep(db, "SELECT weekdays, opens, closes, valid_from, valid_to"
                      " FROM dir_hours WHERE service = ?1 ORDER BY rowid", &r->hs);
    if (rc == SQLITE_OK)
        rc = prep(db, "SELECT date_from, date_to, closed, opens, closes, cid FROM dir_closure"
                      " WHERE service IN (0, ?1) ORDER BY rowid", &r->cs);
    if (rc == SQLITE_OK && reasons) {
        DbSql q = DB_SQL_INIT;
        db_sql_add(&q, "SELECT ");
        sql_text(&q, "c", "closure", "reason");
        db_sql_add(&q, " FROM closure c WHERE c.id = :cid");
        rc = q.ok ? prep(db, q.s, &r->why) : SQLITE_NOMEM;
        free(q.s);
    }
    return rc == SQLITE_OK ? 0 : dir_fail(db, rc);
}

static void hours_close(Db *db, HoursReader *r)
{
    done(db, r->hs);
    done(db, r->cs);
    done(db, r->why);
}

/* the schedule of the service with that rowid into t; -1 with db_error() */
static int hours_read(Db *db, HoursReader *r, sqlite3_int64 key, HoursTable *t)
{
    sqlite3_stmt *hs = r->hs, *cs = r->cs;
    t->n_periods = t->n_closures = 0;
    int rc = sqlite3_bind_int64(hs, 1, key);
    while (rc == SQLITE_OK && (rc = sqlite3_step(hs)) == SQLITE_ROW) {
        if (t->n_periods == HOURS_MAX_PERIODS)
            break;
        t->periods[t->n_periods++] = (HoursPeriod){
            .weekdays = (unsigned)sqlite3_column_int(hs, 0),
            .opens_min = sqlite3_column_int(hs, 1), .closes_min = sqlite3_column_int(hs, 2),
            .valid_from = sqlite3_column_int(hs, 3), .valid_to = sqlite3_column_int(hs, 4),
        };
        rc = SQLITE_OK;
    }
    sqlite3_reset(hs);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return db_fail(db, "dir_hours: %s", sqlite3_errmsg(db->h));
    rc = sqlite3_bind_int64(cs, 1, key);
    while (rc == SQLITE_OK && (rc = sqlite3_step(cs)) == SQLITE_ROW) {
        if (t->n_closures == HOURS_MAX_CLOSURES)
            break;
        HoursClosure *c = &t->closures[t->n_closures++];
        c->from = sqlite3_column_int(cs, 0);
        c->to = sqlite3_column_int(cs, 1);
        c->closed = sqlite3_column_int(cs, 2);
        c->opens_min = sqlite3_column_int(cs, 3);
        c->closes_min = sqlite3_column_int(cs, 4);
        rc = SQLITE_OK;
        for (int l = 0; l < LANG_COUNT; l++) {
            c->reason[l][0] = 0;
            if (!r->why || rc != SQLITE_OK)
                continue;
            rc = bind_text(r->why, ":cid", (const char *)sqlite3_column_text(cs, 5));
            if (rc == SQLITE_OK)
                rc = bind_text(r->why, ":lang", lang_param(db, (Lang)l));
            if (rc == SQLITE_OK && (rc = sqlite3_step(r->why)) == SQLITE_ROW)
                col_copy(r->why, 0, c->reason[l], sizeof c->reason[l]);
            rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
            sqlite3_reset(r->why);
        }
    }
    sqlite3_reset(cs);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return db_fail(db, "dir_closure: %s", sqlite3_errmsg(db->h));
    return 0;
}

/* fills the rows of one page from their keys; the number filled, -1 with db_error() */
static int fill_rows(Db *db, Lang lang, time_t now, const sqlite3_int64 *keys, int n, DirRow *rows)
{
    DbSql q = DB_SQL_INIT;
    service_columns(&q);
    db_sql_add(&q, ", (SELECT group_concat(");
    sql_text(&q, "l", "language", "name");
    db_sql_add(&q, ", ', ') FROM language l WHERE l.service_id = s.id), d.free,"
                   " s.status = '' OR lower(s.status) = 'active', s.alert <> ''");
    service_from(&q, "s.rowid = :key");
    sqlite3_stmt *st = NULL;
    HoursReader hr = { 0 };
    HoursTable *t = malloc(sizeof *t);
    int rc = !q.ok || !t ? SQLITE_NOMEM : prep(db, q.s, &st);
    free(q.s);
    if (rc == SQLITE_OK)
        rc = bind_text(st, ":lang", lang_param(db, lang));
    bool told = false;          /* hours_open() or hours_read() said why */
    if (rc == SQLITE_OK && hours_open(db, &hr, false) < 0) {
        told = true;
        rc = SQLITE_ERROR;
    }
    int filled = 0;
    for (int i = 0; rc == SQLITE_OK && i < n; i++) {
        DirRow *r = &rows[filled];
        memset(r, 0, sizeof *r);
        rc = bind_int(st, ":key", keys[i]);
        if (rc == SQLITE_OK && (rc = sqlite3_step(st)) != SQLITE_ROW) {
            sqlite3_reset(st);
            rc = rc == SQLITE_DONE ? SQLITE_OK : rc;    /* no such key: left out */
            continue;
        }
        if (rc != SQLITE_ROW)
            break;
        col_copy(st, 0, r->id, sizeof r->id);
        col_copy(st, 1, r->name, sizeof r->name);
        col_copy(st, 2, r->org, sizeof r->org);
        col_copy(st, 3, r->languages, sizeof r->languages);
        r->free = sqlite3_column_int(st, 4);
        r->active = sqlite3_column_int(st, 5);
        r->alert = sqlite3_column_int(st, 6);
        sqlite3_reset(st);
        if (hours_read(db, &hr, keys[i], t) < 0) {
            told = true;
            rc = SQLITE_ERROR;
            break;
        }
        r->has_hours = t->n_periods > 0;
        hours_status_at(t, now, &r->hours);
        filled++;
        rc = SQLITE_OK;
    }
    if (rc != SQLITE_OK && !told)
        dir_fail(db, rc);
    done(db, st);
    hours_close(db, &hr);
    free(t);
    return rc == SQLITE_OK ? filled : -1;
}

/* ---- the search ---- */

/* The services matching q, a page of them; see directory.h. Relevance (bm25, a name
 * counting more than a description) orders at most RANKED_MAX matches: ranking costs
 * a few microseconds a match, and a word of one or two letters, which matches nearly
 * every service, then lists them in file order, at once. The keys of the page are
 * read 64 at a time, each batch's rows filled before the next is read. */
static int search(Db *db, const DirQuery *dq, Lang lang, int offset, int max, DirRow *rows,
                  int *total)
{
    DirAsk a;
    if (ask_init(db, dq, &a) < 0)
        return -1;
    bool words = a.match[0] != 0;
    int matches = words ? dir_count(db, &a, false) : -1;
    if (words && matches < 0)
        return -1;
    DirPage page = { .offset = offset, .limit = max, .ranked = matches <= RANKED_MAX };
    sqlite3_stmt *st = dir_statement(db, &a, true, &page);
    if (!st)
        return -1;
    sqlite3_int64 keys[64];
    int n = 0, rc = SQLITE_DONE, filled = 0;
    while (n < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        keys[n % 64] = sqlite3_column_int64(st, 0);
        if (++n % 64 == 0) {
            int f = fill_rows(db, lang, dq->now, keys, 64, rows + filled);
            if (f < 0) {
                done(db, st);
                return -1;
            }
            filled += f;
        }
    }
    if (n < max && rc != SQLITE_DONE)
        dir_fail(db, SQLITE_ERROR);
    done(db, st);
    if (n < max && rc != SQLITE_DONE)
        return -1;
    if (n % 64) {
        int f = fill_rows(db, lang, dq->now, keys, n % 64, rows + filled);
        if (f < 0)
            return -1;
        filled += f;
    }
    if (total)
        *total = words && !filtered(dq) ? matches : dir_count(db, &a, true);
    return total && *total < 0 ? -1 : filled;
}

/* ---- categories, members, a service's hours and card ---- */

/* the categories under parent with a service count; see directory.h */
int db_directory_categories(Db *db, const char *parent, Lang lang, DirCategory *out, int max)
{
    sqlite3 *h = db->h;
    DbSql q = DB_SQL_INIT;
    db_sql_add(&q, "SELECT t.id, t.code, ");
    sql_text(&q, "t", "taxonomy_term", "name");
    db_sql_add(&q, ", n.services FROM taxonomy_term t JOIN taxonomy x ON x.id = t.taxonomy_id"
                   " JOIN dir_term n ON n.id = t.id WHERE lower(x.name) = 'category' AND n.services > 0"
                   " AND (CASE WHEN :parent = '' THEN t.parent_id = '' OR NOT EXISTS (SELECT 1"
                   " FROM taxonomy_term p WHERE p.id = t.parent_id) ELSE t.parent_id = :parent END)"
                   " ORDER BY t.rowid");
    sqlite3_stmt *st = NULL;
    if (!q.ok || prep(db, q.s, &st) != SQLITE_OK) {
        free(q.s);
        return db_fail(db, "categories: %s", q.ok ? sqlite3_errmsg(h) : "out of memory");
    }
    free(q.s);
    int n = 0, rc = bind_text(st, ":parent", parent ? parent : "");
    if (rc == SQLITE_OK)
        rc = bind_text(st, ":lang", lang_param(db, lang));
    while (rc == SQLITE_OK && n < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        DirCategory *c = &out[n++];
        col_copy(st, 0, c->id, sizeof c->id);
        col_copy(st, 1, c->code, sizeof c->code);
        col_copy(st, 2, c->name, sizeof c->name);
        c->count = sqlite3_column_int(st, 3);
        rc = SQLITE_OK;
    }
    if (rc != SQLITE_OK && rc != SQLITE_DONE)       /* OK: max reached */
        db_fail(db, "categories: %s", sqlite3_errmsg(h));
    done(db, st);
    return rc == SQLITE_OK || rc == SQLITE_DONE ? n : -1;
}

/* 1 when a service belongs to another organisation than the first service's */
int db_directory_has_members(Db *db)
{
    sqlite3_stmt *st = NULL;
    int rc = prep(db, "SELECT EXISTS (SELECT 1 FROM service WHERE organization_id <>"
                      " (SELECT organization_id FROM service ORDER BY rowid LIMIT 1))", &st);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    int yes = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    if (yes < 0)
        dir_fail(db, SQLITE_ERROR);
    done(db, st);
    return yes;
}

/* the schedule and closures of one service, reasons in every language */
int db_directory_load_hours(Db *db, const char *service_id, HoursTable *out)
{
    memset(out, 0, sizeof *out);
    HoursReader hr;
    sqlite3_stmt *k = NULL;
    int ret = -1;
    if (hours_open(db, &hr, true) == 0) {
        int rc = prep(db, "SELECT rowid FROM service WHERE id = ?1", &k);
        if (rc == SQLITE_OK)
            rc = sqlite3_bind_text(k, 1, service_id, -1, SQLITE_TRANSIENT);
        if (rc == SQLITE_OK)
            rc = sqlite3_step(k);
        if (rc == SQLITE_ROW)
            ret = hours_read(db, &hr, sqlite3_column_int64(k, 0), out);
        else if (rc == SQLITE_DONE)
            ret = 0;            /* no such service: no schedule */
        else
            dir_fail(db, SQLITE_ERROR);
    }
    done(db, k);
    hours_close(db, &hr);
    return ret;
}

/* runs a one-row statement prepared from q for the service id in lang; the caller
 * steps and finalizes it. NULL with db_error() when it cannot be prepared */
static sqlite3_stmt *card_query(Db *db, DbSql *q, const char *id, Lang lang)
{
    sqlite3_stmt *st = NULL;
    if (!q->ok || prep(db, q->s, &st) != SQLITE_OK) {
        db_fail(db, "the service card: %s", q->ok ? sqlite3_errmsg(db->h) : "out of memory");
        st = NULL;
    } else if (bind_text(st, ":id", id) != SQLITE_OK ||
               bind_text(st, ":lang", lang_param(db, lang)) != SQLITE_OK) {
        db_fail(db, "the service card: %s", sqlite3_errmsg(db->h));
        done(db, st);
        st = NULL;
    }
    free(q->s);
    *q = (DbSql)DB_SQL_INIT;
    return st;
}

/* appends the rows of a one-column statement to out, one a line; false on an error */
static bool card_lines(Db *db, sqlite3_stmt *st, char *out, size_t n)
{
    int rc;
    size_t len = strlen(out);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(st, 0);
        if (!t || !*t || len + 2 >= n)
            continue;
        char line[1024];
        col_copy(st, 0, line, n - len - 1 < sizeof line ? n - len - 1 : sizeof line);
        len += (size_t)snprintf(out + len, n - len, "%s%s", len ? "\n" : "", line);
        if (len >= n)
            len = strlen(out);
    }
    done(db, st);
    return rc == SQLITE_DONE;
}

/* the service card; see directory.h */
static int card(Db *db, const char *service_id, Lang lang, DirCard *c)
{
    memset(c, 0, sizeof *c);
    DbSql q = DB_SQL_INIT;
    service_columns(&q);
    static const char *const texts[] = {            /* columns 3 to 6 */
        "description", "eligibility_description", "application_process", "alert",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        db_sql_add(&q, ", ");
        sql_text(&q, "s", "service", texts[i]);
    }
    db_sql_add(&q, ", s.status, s.assured_date, s.last_modified, s.minimum_age, s.maximum_age,"
                   " coalesce(nullif(s.email, ''), o.email, ''), coalesce(nullif(s.url, ''), o.website, ''),"
                   " coalesce((SELECT number FROM phone WHERE service_id = s.id ORDER BY rowid LIMIT 1),"
                   " (SELECT number FROM phone WHERE organization_id = s.organization_id"
                   " AND s.organization_id <> '' ORDER BY rowid LIMIT 1), ''), d.free");
    service_from(&q, "s.id = :id");
    sqlite3_stmt *st = card_query(db, &q, service_id, lang);
    if (!st)
        return -1;
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        done(db, st);
        return rc == SQLITE_DONE ? db_fail(db, "no service %s", service_id)
                                 : db_fail(db, "the service card: %s", sqlite3_errmsg(db->h));
    }
    col_copy(st, 0, c->id, sizeof c->id);
    col_copy(st, 1, c->name, sizeof c->name);
    col_copy(st, 2, c->org, sizeof c->org);
    col_copy(st, 3, c->description, sizeof c->description);
    col_copy(st, 4, c->eligibility, sizeof c->eligibility);
    col_copy(st, 5, c->application, sizeof c->application);
    col_copy(st, 6, c->alert, sizeof c->alert);
    col_copy(st, 7, c->status, sizeof c->status);
    c->active = !c->status[0] || strcasecmp(c->status, "active") == 0;
    /* the date part of "2023-03-15T10:30:45.123Z" */
    char date[32];
    col_copy(st, 8, date, sizeof date);
    if (!date[0])
        col_copy(st, 9, date, sizeof date);
    date[10] = 0;
    if (hours_parse_date(date) > 0)
        memcpy(c->last_checked, date, sizeof c->last_checked);   /* 10 bytes and the NUL */
    c->min_age = sqlite3_column_int(st, 10);
    c->max_age = sqlite3_column_int(st, 11);
    char payload[300];
    col_copy(st, 12, c->email, sizeof c->email);
    if (qr_payload_mailto(c->email, payload, sizeof payload) < 0)
        c->email[0] = 0;        /* not a plausible address: no email, no code */
    col_copy(st, 13, c->website, sizeof c->website);
    col_copy(st, 14, c->phone, sizeof c->phone);
    c->free = sqlite3_column_int(st, 15);
    done(db, st);

    db_sql_add(&q, "SELECT ");
    sql_text(&q, "r", "required_document", "document");
    db_sql_add(&q, " FROM required_document r WHERE r.service_id = :id ORDER BY r.rowid");
    bool ok = (st = card_query(db, &q, service_id, lang)) && card_lines(db, st, c->documents,
                                                                        sizeof c->documents);
    /* "Per session: 10 EUR (a note)"; an amount of 0 is said by the option ("Free") */
    db_sql_add(&q, "SELECT ");
    sql_text(&q, "k", "cost_option", "option");
    db_sql_add(&q, " || CASE WHEN trim(k.amount) IN ('', '0', '0.0', '0.00', '0,00') THEN '' ELSE ': ' || trim(k.amount) || ' '"
                   " || upper(k.currency) END || CASE WHEN k.amount_description = '' THEN ''"
                   " ELSE ' (' || ");
    sql_text(&q, "k", "cost_option", "amount_description");
    db_sql_add(&q, " || ')' END FROM cost_option k WHERE k.service_id = :id ORDER BY k.rowid");
    ok = ok && (st = card_query(db, &q, service_id, lang)) && card_lines(db, st, c->cost, sizeof c->cost);
    db_sql_add(&q, "SELECT group_concat(");
    sql_text(&q, "l", "language", "name");
    db_sql_add(&q, ", ', ') FROM language l WHERE l.service_id = :id");
    ok = ok && (st = card_query(db, &q, service_id, lang)) && card_lines(db, st, c->languages,
                                                                        sizeof c->languages);
    /* where: the service's location with an address first, else its organisation's */
    db_sql_add(&q, "SELECT ");
    sql_text(&q, "a", "address", "address_1");
    db_sql_add(&q, ", ");
    sql_text(&q, "a", "address", "city");
    db_sql_add(&q, ", a.postal_code, a.country, l.latitude, l.longitude FROM location l"
                   " LEFT JOIN address a ON a.location_id = l.id WHERE l.id IN (SELECT location_id"
                   " FROM service_at_location WHERE service_id = :id) OR l.organization_id ="
                   " (SELECT organization_id FROM service WHERE id = :id AND organization_id <> '')"
                   " ORDER BY l.id NOT IN (SELECT location_id FROM service_at_location"
                   " WHERE service_id = :id), a.id IS NULL, l.rowid, a.rowid LIMIT 1");
    if (ok && (st = card_query(db, &q, service_id, lang))) {
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            col_copy(st, 0, c->address, sizeof c->address);
            col_copy(st, 1, c->city, sizeof c->city);
            col_copy(st, 2, c->postal_code, sizeof c->postal_code);
            col_copy(st, 3, c->country, sizeof c->country);
            char lat[32], lon[32], *e1, *e2;
            col_copy(st, 4, lat, sizeof lat);
            col_copy(st, 5, lon, sizeof lon);
            double la = strtod(lat, &e1), lo = strtod(lon, &e2);
            c->has_coords = *lat && *lon && !*e1 && !*e2 && la >= -90 && la <= 90 &&
                            lo >= -180 && lo <= 180;
            c->latitude = la;
            c->longitude = lo;
        }
        ok = rc == SQLITE_ROW || rc == SQLITE_DONE;
        done(db, st);
    } else {
        ok = false;
    }
    free(q.s);
    return ok ? 0 : db_fail(db, "the service card: %s", sqlite3_errmsg(db->h));
}

/* ---- one read transaction a call: SQLite then takes its lock and checks the file
 * once, not for each of the call's dozen statements ---- */

/* begins a read transaction unless the caller has one open; false when it did not
 * begin (each statement then reads on its own) */
static bool begin_read(Db *db)
{
    return sqlite3_get_autocommit(db->h) &&
           sqlite3_exec(db->h, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
}

/* ends what begin_read() began; a read can fail to commit only on a broken
 * connection, and then rolling back leaves the next call no open transaction */
static void end_read(Db *db, bool began)
{
    if (began && sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

/* a page of the services matching q; see directory.h */
int db_directory_search(Db *db, const DirQuery *q, Lang lang, int offset, int max, DirRow *rows,
                        int *total)
{
    bool began = begin_read(db);
    int n = search(db, q, lang, offset, max, rows, total);
    end_read(db, began);
    return n;
}

/* the card of one service; see directory.h */
int db_directory_card(Db *db, const char *service_id, Lang lang, DirCard *out)
{
    bool began = begin_read(db);
    int rc = card(db, service_id, lang, out);
    end_read(db, began);
    return rc;
}
