/* hours.c - the weekly schedule rows and closures of the first service. */
#include "core/db/db_private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* copies s into a fixed buffer, cut at a UTF-8 character boundary */
static void copy_utf8(char *dst, size_t n, const char *s)
{
    size_t len = strlen(s);
    if (len >= n) {
        len = n - 1;
        while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
            len--;
    }
    memcpy(dst, s, len);
    dst[len] = 0;
}

/* "true" / "false" as written by staff; closed unless it clearly says not */
static bool says_closed(const char *s)
{
    return !(strcasecmp(s, "false") == 0 || strcmp(s, "0") == 0 || strcasecmp(s, "no") == 0);
}

/* the date, 0 when empty (open-ended), -1 when malformed */
static int date_or_open(const char *s)
{
    return *s ? hours_parse_date(s) : 0;
}

/* weekly schedule rows and closures of the first service; see db.h */
static int load_hours(Db *db, HoursTable *out)
{
    memset(out, 0, sizeof *out);
    db->err[0] = 0;
    char *svc = db_query_text(db, "SELECT id FROM service ORDER BY rowid LIMIT 1", NULL, NULL);
    if (!svc)
        return -1;
    int rc = SQLITE_DONE;
    sqlite3_stmt *st = db_query(db, "SELECT freq, byday, opens_at, closes_at, valid_from, valid_to"
                                 " FROM schedule WHERE service_id = ?1 AND service_id <> ''"
                                 " ORDER BY rowid", svc, NULL);
    bool ok = st != NULL;
    while (ok && out->n_periods < HOURS_MAX_PERIODS && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *freq = db_col_text(st, 0);
        HoursPeriod p = {
            .opens_min = hours_parse_time(db_col_text(st, 2)),
            .closes_min = hours_parse_time(db_col_text(st, 3)),
            .valid_from = date_or_open(db_col_text(st, 4)),
            .valid_to = date_or_open(db_col_text(st, 5)),
        };
        int days = hours_parse_byday(db_col_text(st, 1));
        if ((*freq && strcasecmp(freq, "WEEKLY") != 0) || days < 0 || p.opens_min < 0 ||
            p.closes_min <= p.opens_min || p.valid_from < 0 || p.valid_to < 0)
            continue;           /* the importer refuses these; a foreign file may not */
        p.weekdays = (unsigned)days;
        out->periods[out->n_periods++] = p;
    }
    ok = ok && (rc == SQLITE_DONE || rc == SQLITE_ROW);
    db_query_done(db, st);
    st = ok ? db_query(db,
                       "SELECT id, start_date, end_date, closed, opens_at, closes_at FROM closure"
                       " WHERE service_id = ?1 OR service_id = '' ORDER BY rowid",
                       svc, NULL)
            : NULL;
    ok = st != NULL;
    while (ok && out->n_closures < HOURS_MAX_CLOSURES && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        HoursClosure cl = {
            .from = hours_parse_date(db_col_text(st, 1)),
            .closed = says_closed(db_col_text(st, 3)),
        };
        cl.to = *db_col_text(st, 2) ? hours_parse_date(db_col_text(st, 2)) : cl.from;
        if (!cl.closed) {
            cl.opens_min = hours_parse_time(db_col_text(st, 4));
            cl.closes_min = hours_parse_time(db_col_text(st, 5));
            if (cl.opens_min < 0 || cl.closes_min <= cl.opens_min)
                continue;
        }
        if (cl.from <= 0 || cl.to < cl.from)
            continue;
        for (int l = 0; l < LANG_COUNT; l++) {
            char *reason =
                db_field_text(db, i18n_code((Lang)l), "closure", "reason", db_col_text(st, 0));
            copy_utf8(cl.reason[l], sizeof cl.reason[l], reason ? reason : "");
            free(reason);
        }
        out->closures[out->n_closures++] = cl;
    }
    ok = ok && (rc == SQLITE_DONE || rc == SQLITE_ROW);
    db_query_done(db, st);
    free(svc);
    if (!ok)
        return db->err[0] ? -1 : db_fail(db, "%s", sqlite3_errmsg(db->h));
    return 0;
}

static int load_hours_args(Db *db, void *arg)
{
    return load_hours(db, arg);
}

int db_load_hours(Db *db, HoursTable *out)
{
    return db_in_transaction(db, load_hours_args, out);
}
