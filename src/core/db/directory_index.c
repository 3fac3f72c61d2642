/* directory_index.c - the member directory's tables, made when a database is built
 * (at import, from the package or a USB update), and the comparison of two built
 * databases for the update's change summary. Start at db_directory_build(): it folds
 * every service's texts in every language (fold.h) into the FTS5 table dir_search,
 * and keeps per service what the filters of directory.c test (dir_service: free, the
 * language codes, a sort key; dir_hours and dir_closure: the schedule as numbers, so
 * "open now" is one SQL condition; dir_cat and dir_term: the services of each
 * category). Nothing here runs while a visitor browses. */
#include "core/db/db_private.h"
#include "core/directory.h"

#include <stdlib.h>
#include <string.h>

#include "core/fold.h"
/* ---- SQL functions for the build: the kiosk's own parsers, so SQL and C agree ---- */

/* kiosk_fold(text, ...): the texts joined by spaces, folded for search */
static void sql_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    size_t len = 0;
    for (int i = 0; i < argc; i++)
        len += (size_t)sqlite3_value_bytes(argv[i]) + 1;
    char *in = malloc(len + 1), *out = malloc(len + 1);
    if (!in || !out) {
        free(in);
        free(out);
        sqlite3_result_error_nomem(ctx);
        return;
    }
    size_t at = 0;
    for (int i = 0; i < argc; i++) {
        const unsigned char *t = sqlite3_value_text(argv[i]);
        if (!t)
            continue;
        size_t n = strlen((const char *)t);
        memcpy(in + at, t, n);
        at += n;
        in[at++] = ' ';
    }
    in[at] = 0;
    size_t n = fold_text(in, out, len + 1);
    free(in);
    sqlite3_result_text(ctx, out, (int)n, free);
}

/* kiosk_minutes("09:30") = 570, -1 when malformed */
static void sql_minutes(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const unsigned char *t = sqlite3_value_text(argv[0]);
    sqlite3_result_int(ctx, t ? hours_parse_time((const char *)t) : -1);
}

/* kiosk_byday("MO,WE") = weekday mask, -1 when malformed */
static void sql_byday(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const unsigned char *t = sqlite3_value_text(argv[0]);
    sqlite3_result_int(ctx, t ? hours_parse_byday((const char *)t) : -1);
}

/* kiosk_date("2027-04-30") = 20270430, 0 when empty (open-ended), -1 when malformed */
static void sql_date(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const unsigned char *t = sqlite3_value_text(argv[0]);
    sqlite3_result_int(ctx, !t || !*t ? 0 : hours_parse_date((const char *)t));
}

/* The directory's tables, made with the schema. dir_search holds folded text only
 * (contentless): the texts themselves stay in their HSDS tables. */
static const char schema_sql[] =
    "CREATE VIRTUAL TABLE dir_search USING fts5(name, org, body, content='',"
    " tokenize='unicode61 remove_diacritics 0', prefix='1 2 3');\n"
    "INSERT INTO dir_search(dir_search, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0)');\n"
    "CREATE TABLE dir_service (id INTEGER PRIMARY KEY, free INTEGER NOT NULL,"
    " langs TEXT NOT NULL, sortkey TEXT NOT NULL);\n"
    "CREATE TABLE dir_hours (service INTEGER NOT NULL, weekdays INTEGER NOT NULL,"
    " opens INTEGER NOT NULL, closes INTEGER NOT NULL, valid_from INTEGER NOT NULL,"
    " valid_to INTEGER NOT NULL);\n"
    "CREATE TABLE dir_closure (cid TEXT NOT NULL, service INTEGER NOT NULL,"
    " date_from INTEGER NOT NULL, date_to INTEGER NOT NULL, closed INTEGER NOT NULL, opens INTEGER NOT NULL,"
    " closes INTEGER NOT NULL);\n"
    "CREATE TABLE dir_cat (term TEXT NOT NULL, service INTEGER NOT NULL);\n"
    "CREATE TABLE dir_term (id TEXT PRIMARY KEY, services INTEGER NOT NULL);\n";

/* fills them from the HSDS tables: the last step of a build */
static const char build_sql[] =
    /* every text of a service, of its organisation and of its categories, folded */
    "INSERT INTO dir_search (rowid, name, org, body) SELECT s.rowid,"
    " kiosk_fold(s.name, s.alternate_name, (SELECT group_concat(value, ' ') FROM translation"
    "  WHERE resource = 'service' AND record_id = s.id AND field IN ('name', 'alternate_name'))),"
    " kiosk_fold(o.name, o.alternate_name, (SELECT group_concat(value, ' ') FROM translation"
    "  WHERE resource = 'organization' AND record_id = o.id AND field IN ('name', 'alternate_name'))),"
    " kiosk_fold(s.description, s.eligibility_description, (SELECT group_concat(value, ' ')"
    "  FROM translation WHERE resource = 'service' AND record_id = s.id"
    "  AND field IN ('description', 'eligibility_description')),"
    "  (SELECT group_concat(t.name || ' ' || coalesce(p.name, '') || ' ' || coalesce((SELECT"
    "   group_concat(value, ' ') FROM translation WHERE resource = 'taxonomy_term'"
    "   AND record_id IN (t.id, p.id) AND field = 'name'), ''), ' ')"
    "   FROM attribute a JOIN taxonomy_term t ON t.id = a.taxonomy_term_id"
    "   LEFT JOIN taxonomy_term p ON p.id = t.parent_id"
    "   WHERE a.link_id = s.id AND a.link_entity = 'service'))"
    " FROM service s LEFT JOIN organization o ON o.id = s.organization_id;\n"
    /* free: it has cost options, and each says an amount of 0 */
    "INSERT INTO dir_service (id, free, langs, sortkey) SELECT s.rowid,"
    " EXISTS (SELECT 1 FROM cost_option c WHERE c.service_id = s.id) AND NOT EXISTS"
    "  (SELECT 1 FROM cost_option c WHERE c.service_id = s.id AND (trim(c.amount) = ''"
    "   OR CAST(replace(trim(c.amount), ',', '.') AS REAL) <> 0"
    "   OR trim(c.amount) GLOB '*[^0-9.,]*')),"
    " ' ' || coalesce((SELECT group_concat(lower(trim(code)), ' ') FROM language"
    "  WHERE service_id = s.id), '') || ' ',"
    " kiosk_fold(s.name) FROM service s;\n"
    "CREATE INDEX dir_service_sortkey ON dir_service(sortkey, id);\n"
    /* the schedule rows db_load_hours takes, as numbers */
    "INSERT INTO dir_hours SELECT s.rowid, kiosk_byday(h.byday), kiosk_minutes(h.opens_at),"
    " kiosk_minutes(h.closes_at), kiosk_date(h.valid_from), kiosk_date(h.valid_to)"
    " FROM schedule h JOIN service s ON s.id = h.service_id"
    " WHERE h.freq = '' OR upper(h.freq) = 'WEEKLY' ORDER BY h.rowid;\n"
    "DELETE FROM dir_hours WHERE weekdays < 0 OR opens < 0 OR closes <= opens"
    " OR valid_from < 0 OR valid_to < 0;\n"
    "CREATE INDEX dir_hours_service ON dir_hours(service);\n"
    /* closures: service 0 for those of every service */
    "INSERT INTO dir_closure SELECT c.id, coalesce(s.rowid, 0), kiosk_date(c.start_date),"
    " kiosk_date(CASE WHEN c.end_date = '' THEN c.start_date ELSE c.end_date END),"
    " lower(trim(c.closed)) NOT IN ('false', '0', 'no'), kiosk_minutes(c.opens_at),"
    " kiosk_minutes(c.closes_at) FROM closure c LEFT JOIN service s ON s.id = c.service_id"
    " WHERE c.service_id = '' OR s.rowid IS NOT NULL ORDER BY c.rowid;\n"
    "DELETE FROM dir_closure WHERE date_from <= 0 OR date_to < date_from"
    " OR (NOT closed AND (opens < 0 OR closes <= opens));\n"
    /* the services of each term, itself or through a term under it, and how many */
    "INSERT INTO dir_cat SELECT t.id, s.rowid FROM attribute a JOIN taxonomy_term t"
    " ON t.id = a.taxonomy_term_id JOIN service s ON s.id = a.link_id"
    " WHERE a.link_entity = 'service' UNION SELECT t.parent_id, s.rowid FROM attribute a"
    " JOIN taxonomy_term t ON t.id = a.taxonomy_term_id JOIN service s ON s.id = a.link_id"
    " WHERE a.link_entity = 'service' AND t.parent_id <> '';\n"
    "CREATE INDEX dir_cat_term ON dir_cat(term, service);\n"
    "INSERT INTO dir_term SELECT term, count(*) FROM dir_cat GROUP BY term;\n";

/* runs sql; -1 with "what: the reason" in db_error() */
static int exec_sql(Db *db, const char *what, const char *sql)
{
    if (db_exec(db, sql) == 0)
        return 0;
    char why[sizeof db->err];
    memcpy(why, db->err, sizeof why);
    return db_fail(db, "%s: %s", what, why);
}

/* creates the directory's empty tables in a new database; see directory.h */
int db_directory_schema(Db *db)
{
    return exec_sql(db, "the directory's tables", schema_sql);
}

/* the SQL functions build_sql calls, with the C function of each */
static const struct {
    const char *name;
    int args;                   /* -1: any number */
    void (*fn)(sqlite3_context *, int, sqlite3_value **);
} sql_functions[] = {
    { "kiosk_fold", -1, sql_fold },
    { "kiosk_minutes", 1, sql_minutes },
    { "kiosk_byday", 1, sql_byday },
    { "kiosk_date", 1, sql_date },
};

/* fills the directory's tables in a database being built; see directory.h */
int db_directory_build(Db *db)
{
    for (size_t i = 0; i < sizeof sql_functions / sizeof sql_functions[0]; i++)
        if (sqlite3_create_function(db->h, sql_functions[i].name, sql_functions[i].args,
                                    SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, sql_functions[i].fn,
                                    NULL, NULL) != SQLITE_OK)
            return db_fail(db, "the directory's index: %s", sqlite3_errmsg(db->h));
    return exec_sql(db, "the directory's index", build_sql);
}

/* the tables whose rows belong to a service, and the column that says which */
static const struct { const char *table, *column; } service_parts[] = {
    { "service", "id" },          { "schedule", "service_id" },  { "language", "service_id" },
    { "cost_option", "service_id" }, { "required_document", "service_id" },
    { "phone", "service_id" },    { "service_at_location", "service_id" },
    { "funding", "service_id" },  { "contact", "service_id" },   { "closure", "service_id" },
    { "attribute", "link_id" },
};

/* services added, changed and removed since the database at old_path; see directory.h */
int db_directory_compare(Db *db, const char *old_path, int counts[3])
{
    sqlite3 *h = db->h;
    counts[0] = counts[1] = counts[2] = 0;
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(h, "ATTACH ?1 AS old", -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(st, 1, old_path, -1, SQLITE_TRANSIENT);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
    if (rc != SQLITE_OK)
        db_fail(db, "%s: %s", old_path, sqlite3_errmsg(h));
    sqlite3_finalize(st);
    if (rc != SQLITE_OK)
        return -1;
    /* the ids of services some row of which is in one database and not the other */
    DbSql q = DB_SQL_INIT;
    db_sql_add(&q, "WITH touched(id) AS (");
    for (size_t i = 0; i < sizeof service_parts / sizeof service_parts[0]; i++)
        for (int dir = 0; dir < 2; dir++)
            db_sql_add(&q, "%sSELECT \"%s\" FROM (SELECT * FROM %s.\"%s\" EXCEPT SELECT * FROM %s.\"%s\")",
                       i || dir ? " UNION " : "", service_parts[i].column, dir ? "old" : "main",
                       service_parts[i].table, dir ? "main" : "old", service_parts[i].table);
    db_sql_add(&q, " UNION SELECT record_id FROM (SELECT * FROM main.translation WHERE resource ="
                   " 'service' EXCEPT SELECT * FROM old.translation WHERE resource = 'service')"
                   " UNION SELECT record_id FROM (SELECT * FROM old.translation WHERE resource ="
                   " 'service' EXCEPT SELECT * FROM main.translation WHERE resource = 'service'))"
                   /* the first service is the centre's own: the summary says its changes */
                   ", own(id) AS (SELECT id FROM (SELECT id FROM main.service ORDER BY rowid LIMIT 1)"
                   " UNION SELECT id FROM (SELECT id FROM old.service ORDER BY rowid LIMIT 1))"
                   " SELECT (SELECT count(*) FROM main.service WHERE id NOT IN (SELECT id FROM old.service)"
                   "  AND id NOT IN own),"
                   " (SELECT count(*) FROM touched t WHERE t.id IN (SELECT id FROM main.service)"
                   "  AND t.id IN (SELECT id FROM old.service) AND t.id NOT IN own),"
                   " (SELECT count(*) FROM old.service WHERE id NOT IN (SELECT id FROM main.service)"
                   "  AND id NOT IN own)");
    rc = q.ok ? sqlite3_prepare_v2(h, q.s, -1, &st, NULL) : SQLITE_NOMEM;
    free(q.s);
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
        for (int i = 0; i < 3; i++)
            counts[i] = sqlite3_column_int(st, i);
    int ret = rc == SQLITE_ROW ? 0 : db_fail(db, "comparing with %s: %s", old_path,
                                             rc == SQLITE_NOMEM ? "out of memory" : sqlite3_errmsg(h));
    sqlite3_finalize(st);
    /* a database left attached would make the next comparison's ATTACH fail */
    if (sqlite3_exec(h, "DETACH old", NULL, NULL, NULL) != SQLITE_OK && ret == 0)
        ret = db_fail(db, "detaching %s: %s", old_path, sqlite3_errmsg(h));
    return ret;
}
