/* db.c - the content database: SQLite in the HSDS 3.0 shape with a translation table.
 * The only file that includes sqlite3.h. Start reading at db_tables[]: the one list of
 * tables and columns from which db_create() makes the schema, hsds.c imports and
 * exports, and db_open() checks a file. Then db_load_content(): every text passes
 * through field_text(), which applies the translation fallback. */
#include "core/db.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "core/directory.h"
#include "core/qr.h"

#define COLS(...) ((const char *const[]){ __VA_ARGS__, NULL })
#define NONE ((const char *const[]){ NULL })

/* The tables, in the order they are created, imported and exported. Every column is
 * TEXT, as written in the CSV. To add a table: add a row here (the HSDS resource
 * name, its CSV file, the key column, the columns in CSV order, the columns looked up
 * by), describe it in data/datapackage.json, bump DB_SCHEMA_VERSION in db.h, and read
 * it in db_load_content(). A new column is the same: add it, bump the version. */
static const DbTable db_tables[] = {
    { "organization", "organizations.csv", "id",
      COLS("id", "name", "alternate_name", "description", "email", "website", "tax_status",
           "tax_id", "year_incorporated", "legal_status", "logo", "uri",
           "parent_organization_id"),
      NONE },
    { "program", "programs.csv", "id",
      COLS("id", "organization_id", "name", "alternate_name", "description"),
      COLS("organization_id") },
    { "service", "services.csv", "id",
      COLS("id", "organization_id", "program_id", "name", "alternate_name", "description",
           "url", "email", "status", "interpretation_services", "application_process",
           "fees_description", "wait_time", "fees", "accreditations",
           "eligibility_description", "minimum_age", "maximum_age", "assured_date",
           "assurer_email", "licenses", "alert", "last_modified"),
      NONE },
    { "location", "locations.csv", "id",
      COLS("id", "location_type", "url", "organization_id", "name", "alternate_name",
           "description", "transportation", "latitude", "longitude", "external_identifier",
           "external_identifier_type"),
      COLS("organization_id") },
    { "address", "addresses.csv", "id",
      COLS("id", "location_id", "attention", "address_1", "address_2", "city", "region",
           "state_province", "postal_code", "country", "address_type"),
      COLS("location_id") },
    { "service_at_location", "service_at_location.csv", "id",
      COLS("id", "service_id", "location_id", "description"),
      COLS("service_id") },
    { "contact", "contacts.csv", "id",
      COLS("id", "organization_id", "service_id", "service_at_location_id", "location_id",
           "name", "title", "department", "email"),
      NONE },
    { "phone", "phones.csv", "id",
      COLS("id", "location_id", "service_id", "organization_id", "contact_id",
           "service_at_location_id", "number", "extension", "type", "description"),
      COLS("service_id", "organization_id") },
    { "schedule", "schedules.csv", "id",
      COLS("id", "service_id", "location_id", "service_at_location_id", "valid_from",
           "valid_to", "dtstart", "timezone", "until", "count", "wkst", "freq", "interval",
           "byday", "byweekno", "bymonthday", "byyearday", "description", "opens_at",
           "closes_at", "schedule_link", "attending_type", "notes"),
      COLS("service_id") },
    { "language", "languages.csv", "id",
      COLS("id", "service_id", "location_id", "phone_id", "name", "code", "note"),
      COLS("service_id") },
    { "funding", "funding.csv", "id",
      COLS("id", "organization_id", "service_id", "source"),
      COLS("service_id", "organization_id") },
    { "taxonomy", "taxonomies.csv", "id",
      COLS("id", "name", "description", "uri", "version"),
      NONE },
    { "taxonomy_term", "taxonomy_terms.csv", "id",
      COLS("id", "code", "name", "description", "parent_id", "taxonomy", "language",
           "taxonomy_id", "term_uri"),
      NONE },
    { "attribute", "attributes.csv", "id",
      COLS("id", "link_id", "taxonomy_term_id", "link_type", "link_entity", "value"),
      COLS("link_id") },
    /* our extensions: HSDS has no translations and no closures */
    { "translation", "translations.csv", NULL,
      COLS("resource", "record_id", "field", "language", "value"),
      NONE },                   /* a unique index on the first four, see create_schema() */
    { "closure", "closures.csv", "id",
      COLS("id", "service_id", "start_date", "end_date", "closed", "opens_at", "closes_at",
           "reason"),
      COLS("service_id") },
    /* the member directory: what a service costs and asks for */
    { "cost_option", "cost_options.csv", "id",
      COLS("id", "service_id", "valid_from", "valid_to", "option", "currency", "amount",
           "amount_description"),
      COLS("service_id") },
    { "required_document", "required_documents.csv", "id",
      COLS("id", "service_id", "document", "uri"),
      COLS("service_id") },
    /* our extension: words the directory's search takes as one, "άσυλο / asylum / لجوء" */
    { "synonym", "synonyms.csv", "id",
      COLS("id", "terms"),
      NONE },
};
#define N_TABLES ((int)(sizeof db_tables / sizeof db_tables[0]))

#define DB_CACHED 32

struct Db {
    sqlite3 *h;
    char err[256];
    char lang[16];                  /* language code of the base texts */
    sqlite3_stmt *insert[N_TABLES]; /* prepared on first use while building */
    /* the reading queries, prepared once: loading the content asks ~160 of them */
    struct { char *sql; sqlite3_stmt *st; } cached[DB_CACHED];
    int n_cached;
};

/* the number of tables in db_tables[] */
int db_table_count(void)
{
    return N_TABLES;
}

/* table i of db_tables[]; NULL when out of range */
const DbTable *db_table(int i)
{
    return i >= 0 && i < N_TABLES ? &db_tables[i] : NULL;
}

/* the table's index by resource name; -1 when unknown */
int db_table_find(const char *name)
{
    for (int i = 0; name && i < N_TABLES; i++)
        if (strcmp(db_tables[i].name, name) == 0)
            return i;
    return -1;
}

/* the column's index in table i; -1 when it has none of that name */
int db_table_column(int i, const char *column)
{
    if (i < 0 || i >= N_TABLES || !column)
        return -1;
    for (int c = 0; db_tables[i].columns[c]; c++)
        if (strcmp(db_tables[i].columns[c], column) == 0)
            return c;
    return -1;
}

/* the number of columns of table i; 0 when out of range */
int db_table_columns(int i)
{
    int n = 0;
    if (i >= 0 && i < N_TABLES)
        while (db_tables[i].columns[n])
            n++;
    return n;
}

/* writes a message into db->err; always returns -1 */
static int fail(Db *db, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(db->err, sizeof db->err, fmt, ap);
    va_end(ap);
    return -1;
}

/* why the last call failed; never NULL */
const char *db_error(const Db *db)
{
    return db ? db->err : "no database";
}

/* the language code of the base texts, "en" unless the package said */
const char *db_base_language(const Db *db)
{
    return db->lang;
}

/* runs SQL that returns no rows; -1 with the reason in db->err */
static int exec(Db *db, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(db->h, sql, NULL, NULL, &msg) != SQLITE_OK) {
        fail(db, "%s", msg ? msg : sqlite3_errmsg(db->h));
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

/* appends printf-style text to a growing string; false when out of memory */
static bool sb_add(char **s, size_t *len, size_t *cap, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return false;
    if (*len + (size_t)n + 1 > *cap) {
        size_t c = (*cap + (size_t)n + 1) * 2;
        char *p = realloc(*s, c);
        if (!p)
            return false;
        *s = p;
        *cap = c;
    }
    va_start(ap, fmt);
    vsnprintf(*s + *len, *cap - *len, fmt, ap);
    va_end(ap);
    *len += (size_t)n;
    return true;
}

/* the select list of table i: "id","name",... (free it); NULL when out of memory */
static char *column_list(int i)
{
    char *s = NULL;
    size_t len = 0, cap = 0;
    for (int c = 0; db_tables[i].columns[c]; c++)
        if (!sb_add(&s, &len, &cap, "%s\"%s\"", c ? "," : "", db_tables[i].columns[c])) {
            free(s);
            return NULL;
        }
    return s;
}

static Db *connect_file(const char *path, int flags, char *err, size_t n);

/* creates every table of db_tables[], its indexes, and the package table */
static int create_schema(Db *db)
{
    char *sql = NULL;
    size_t len = 0, cap = 0;
    /* one transaction: SQLite then reads its schema back once, not after each table */
    bool ok = sb_add(&sql, &len, &cap, "BEGIN;\n");
    for (int i = 0; i < N_TABLES && ok; i++) {
        const DbTable *t = &db_tables[i];
        ok = sb_add(&sql, &len, &cap, "CREATE TABLE \"%s\" (", t->name);
        for (int c = 0; t->columns[c] && ok; c++)
            ok = sb_add(&sql, &len, &cap, "%s\"%s\" TEXT NOT NULL DEFAULT ''%s", c ? ", " : "",
                        t->columns[c],
                        t->key && strcmp(t->key, t->columns[c]) == 0 ? " PRIMARY KEY" : "");
        ok = ok && sb_add(&sql, &len, &cap, ");\n");
        for (int c = 0; t->indexed[c] && ok; c++)
            ok = sb_add(&sql, &len, &cap, "CREATE INDEX \"%s_%s\" ON \"%s\"(\"%s\");\n", t->name,
                        t->indexed[c], t->name, t->indexed[c]);
    }
    ok = ok && sb_add(&sql, &len, &cap,
                      "CREATE UNIQUE INDEX translation_key ON translation"
                      "(resource, record_id, field, language);\n"
                      /* the package: name, version, language, imported_at, descriptor */
                      "CREATE TABLE package (key TEXT PRIMARY KEY, value TEXT NOT NULL);\n"
                      "PRAGMA user_version = %d;\nCOMMIT;\n", DB_SCHEMA_VERSION);
    int rc = ok ? exec(db, sql) : fail(db, "out of memory");
    free(sql);
    return rc;
}

/* creates a new empty database at path, which must not exist; NULL with err on failure */
Db *db_create(const char *path, char *err, size_t n)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
        if (err && n)
            snprintf(err, n, "%s: cannot create: %s", path, strerror(errno));
        return NULL;
    }
    close(fd);
    Db *db = connect_file(path, SQLITE_OPEN_READWRITE, err, n);
    /* the file is renamed into place only once complete: no journal needed */
    if (db && (exec(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;") < 0 ||
               create_schema(db) < 0 || db_directory_schema(db) < 0)) {
        if (err && n)
            snprintf(err, n, "%s", db->err);
        db_close(db);
        db = NULL;
    }
    if (!db)
        unlink(path);
    return db;
}

/* true when table i exists with all its columns */
static bool table_ok(Db *db, const char *name, const char *cols)
{
    char sql[1024];
    snprintf(sql, sizeof sql, "SELECT %s FROM \"%s\" LIMIT 0", cols, name);
    sqlite3_stmt *st = NULL;
    bool ok = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK;
    sqlite3_finalize(st);
    return ok;
}

/* the single integer a PRAGMA returns; -1 with db->err when it fails */
static int pragma_int(Db *db, const char *sql, int *out)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        fail(db, "%s", sqlite3_errmsg(db->h));
        sqlite3_finalize(st);
        return -1;
    }
    *out = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return 0;
}

/* checks schema version, integrity and tables of a freshly opened file */
static int check_file(Db *db, const char *path)
{
    int version;
    if (pragma_int(db, "PRAGMA user_version", &version) < 0)
        return fail(db, "%s is %s (%s)", path,
                    sqlite3_errcode(db->h) == SQLITE_CORRUPT ? "damaged" : "not a kiosk database",
                    sqlite3_errmsg(db->h));
    if (version != DB_SCHEMA_VERSION)
        return fail(db, "%s has database schema version %d; this kiosk reads version %d", path,
                    version, DB_SCHEMA_VERSION);
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db->h, "PRAGMA quick_check(1)", -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    bool intact = rc == SQLITE_ROW &&
                  strcmp((const char *)sqlite3_column_text(st, 0), "ok") == 0;
    sqlite3_finalize(st);
    if (!intact)
        return fail(db, "%s is damaged (%s)", path,
                    rc == SQLITE_ROW ? "the integrity check failed" : sqlite3_errmsg(db->h));
    for (int i = 0; i < N_TABLES; i++) {
        char *cols = column_list(i);
        bool ok = cols && table_ok(db, db_tables[i].name, cols);
        free(cols);
        if (!ok)
            return fail(db, "%s lacks table %s or some of its columns", path, db_tables[i].name);
    }
    if (!table_ok(db, "package", "key, value"))
        return fail(db, "%s lacks the package table", path);
    if (!table_ok(db, "dir_service", "id, free, langs, sortkey") ||
        !table_ok(db, "dir_search", "name, org, body") ||
        !table_ok(db, "dir_hours", "service, weekdays, opens, closes, valid_from, valid_to") ||
        !table_ok(db, "dir_closure", "cid, service, date_from, date_to, closed, opens, closes") ||
        !table_ok(db, "dir_term", "id, services"))
        return fail(db, "%s lacks the directory's search index", path);
    char *lang = db_package_get(db, "language");
    if (lang && *lang)
        snprintf(db->lang, sizeof db->lang, "%s", lang);
    free(lang);
    return 0;
}

/* a connection to path with SQLite flags; NULL with err on failure */
static Db *connect_file(const char *path, int flags, char *err, size_t n)
{
    Db *db = calloc(1, sizeof *db);
    if (!db) {
        if (err && n)
            snprintf(err, n, "out of memory");
        return NULL;
    }
    snprintf(db->lang, sizeof db->lang, "en");
    if (sqlite3_open_v2(path, &db->h, flags, NULL) != SQLITE_OK) {
        fail(db, "%s: %s", path, db->h ? sqlite3_errmsg(db->h) : "out of memory");
        if (err && n)
            snprintf(err, n, "%s", db->err);
        db_close(db);
        return NULL;
    }
    return db;
}

/* opens an existing database read-only after checking it; NULL with err on failure */
Db *db_open(const char *path, char *err, size_t n)
{
    struct stat st;
    int e = stat(path, &st) != 0 ? errno : 0;
    if (e || !S_ISREG(st.st_mode)) {
        if (err && n)
            snprintf(err, n, "%s: %s", path, e ? strerror(e) : "not a file");
        return NULL;
    }
    Db *db = connect_file(path, SQLITE_OPEN_READONLY, err, n);
    if (db && check_file(db, path) < 0) {
        if (err && n)
            snprintf(err, n, "%s", db->err);
        db_close(db);
        return NULL;
    }
    return db;
}

/* finalizes the statements and closes the file; NULL is fine */
void db_close(Db *db)
{
    if (!db)
        return;
    for (int i = 0; i < N_TABLES; i++)
        sqlite3_finalize(db->insert[i]);
    for (int i = 0; i < db->n_cached; i++) {
        sqlite3_finalize(db->cached[i].st);
        free(db->cached[i].sql);
    }
    sqlite3_close(db->h);
    free(db);
}

/* starts the one transaction of a build; -1 with db_error() */
int db_begin(Db *db)
{
    return exec(db, "BEGIN");
}

/* ends the build's transaction after the directory's index; -1 with db_error() (a
 * full disk) */
int db_commit(Db *db)
{
    if (db_directory_build(db) < 0)
        return -1;
    return exec(db, "COMMIT");
}

/* the connection, for the directory's SQL (db_directory.c) */
sqlite3 *db_sqlite(Db *db)
{
    return db->h;
}

/* sets db_error() for db_directory.c; always -1 */
int db_fail_message(Db *db, const char *msg)
{
    return fail(db, "%s", msg);
}

/* the INSERT statement of table i, prepared once and reused */
static sqlite3_stmt *insert_stmt(Db *db, int i)
{
    if (db->insert[i])
        return db->insert[i];
    char *cols = column_list(i), *sql = NULL;
    size_t len = 0, cap = 0;
    bool ok = cols && sb_add(&sql, &len, &cap, "INSERT INTO \"%s\" (%s) VALUES (", db_tables[i].name,
                             cols);
    for (int c = 0; ok && c < db_table_columns(i); c++)
        ok = sb_add(&sql, &len, &cap, c ? ",?" : "?");
    ok = ok && sb_add(&sql, &len, &cap, ")");
    if (!ok)
        fail(db, "out of memory");
    else if (sqlite3_prepare_v2(db->h, sql, -1, &db->insert[i], NULL) != SQLITE_OK)
        fail(db, "%s", sqlite3_errmsg(db->h));
    free(cols);
    free(sql);
    return db->insert[i];
}

/* inserts one row of table i; -1 with db->err (a duplicate key, a full disk) */
int db_insert(Db *db, int i, const char *const *values)
{
    if (i < 0 || i >= N_TABLES)
        return fail(db, "no table %d", i);
    sqlite3_stmt *st = insert_stmt(db, i);
    if (!st)
        return -1;
    int n = db_table_columns(i);
    for (int c = 0; c < n; c++)
        if (sqlite3_bind_text(st, c + 1, values[c] ? values[c] : "", -1, SQLITE_STATIC) != SQLITE_OK)
            return fail(db, "%s", sqlite3_errmsg(db->h));
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc != SQLITE_DONE)
        return fail(db, "%s: %s", db_tables[i].name, sqlite3_errmsg(db->h));
    return 0;
}

/* sets a package value; -1 with db->err */
int db_package_set(Db *db, const char *key, const char *value)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db->h, "INSERT OR REPLACE INTO package (key, value) VALUES (?1, ?2)",
                                -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, value ? value : "", -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return fail(db, "package: %s", sqlite3_errmsg(db->h));
    if (strcmp(key, "language") == 0 && value && *value)
        snprintf(db->lang, sizeof db->lang, "%s", value);
    return 0;
}

/* the text of column c of the current row, never NULL */
static const char *col_text(sqlite3_stmt *st, int c)
{
    const unsigned char *s = sqlite3_column_text(st, c);
    return s ? (const char *)s : "";
}

/* a copy of a package value (free it), or NULL when absent or out of memory */
char *db_package_get(Db *db, const char *key)
{
    sqlite3_stmt *st = NULL;
    char *out = NULL;
    if (sqlite3_prepare_v2(db->h, "SELECT value FROM package WHERE key = ?1", -1, &st, NULL) ==
        SQLITE_OK) {
        sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW)
            out = strdup(col_text(st, 0));
    }
    sqlite3_finalize(st);
    return out;
}

/* calls fn with each row of table i in rowid order; -1 on a database error */
int db_each_row(Db *db, int i, DbRowFn fn, void *ctx)
{
    if (i < 0 || i >= N_TABLES)
        return fail(db, "no table %d", i);
    char *cols = column_list(i), sql[1200];
    if (!cols)
        return fail(db, "out of memory");
    snprintf(sql, sizeof sql, "SELECT %s FROM \"%s\" ORDER BY rowid", cols, db_tables[i].name);
    free(cols);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
        return fail(db, "%s", sqlite3_errmsg(db->h));
    int n = db_table_columns(i), rc, ret = 0;
    const char *values[DB_MAX_COLUMNS];
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        for (int c = 0; c < n; c++)
            values[c] = col_text(st, c);
        if ((ret = fn(ctx, values, n)) != 0)
            break;
    }
    if (ret == 0 && rc != SQLITE_DONE)
        ret = fail(db, "%s: %s", db_tables[i].name, sqlite3_errmsg(db->h));
    sqlite3_finalize(st);
    return ret;
}

/* ---- loading what the screens show ---- */

/* a query with up to two text parameters; NULL with db->err when it cannot be prepared */
static sqlite3_stmt *query(Db *db, const char *sql, const char *p1, const char *p2)
{
    sqlite3_stmt *st = NULL;
    for (int i = 0; i < db->n_cached && !st; i++)
        if (strcmp(db->cached[i].sql, sql) == 0)
            st = db->cached[i].st;
    if (!st) {
        if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK) {
            fail(db, "%s", sqlite3_errmsg(db->h));
            return NULL;
        }
        char *copy = db->n_cached < DB_CACHED ? strdup(sql) : NULL;
        if (copy) {
            db->cached[db->n_cached].sql = copy;
            db->cached[db->n_cached++].st = st;
        }
    }
    if (p1)
        sqlite3_bind_text(st, 1, p1, -1, SQLITE_TRANSIENT);
    if (p2)
        sqlite3_bind_text(st, 2, p2, -1, SQLITE_TRANSIENT);
    return st;
}

/* gives a statement from query() back: reset for its next use, or finalized when
 * it was not kept */
static void query_done(Db *db, sqlite3_stmt *st)
{
    for (int i = 0; i < db->n_cached; i++)
        if (db->cached[i].st == st) {
            sqlite3_reset(st);
            sqlite3_clear_bindings(st);
            return;
        }
    sqlite3_finalize(st);
}

/* a copy of the first column of the first row, "" when there is none; NULL on error */
static char *query_text(Db *db, const char *sql, const char *p1, const char *p2)
{
    sqlite3_stmt *st = query(db, sql, p1, p2);
    if (!st)
        return NULL;
    int rc = sqlite3_step(st);
    char *out = NULL;
    if (rc == SQLITE_ROW)
        out = strdup(col_text(st, 0));
    else if (rc == SQLITE_DONE)
        out = strdup("");
    else
        fail(db, "%s", sqlite3_errmsg(db->h));
    query_done(db, st);
    return out;
}

/* The text of field in the record id of table, in language code: the base text when
 * code is the base language, else its translation. A missing translation gives the
 * base text; an empty base text gives the first translation in any language, so a
 * box is never empty while some language has the text. NULL on a database error. */
static char *field_text(Db *db, const char *code, const char *table, const char *field,
                        const char *id)
{
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT \"%s\" FROM \"%s\" WHERE id = ?1", field, table);
    char *base = query_text(db, sql, id, NULL);
    if (!base)
        return NULL;
    sqlite3_stmt *st = NULL;
    bool base_lang = strcasecmp(code, db->lang) == 0;
    if (!base_lang) {
        st = query(db, "SELECT value FROM translation WHERE resource = ?1 AND record_id = ?2"
                       " AND field = ?3 AND language = ?4 AND value <> ''", table, id);
        if (!st) {
            free(base);
            return NULL;
        }
        sqlite3_bind_text(st, 3, field, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, code, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW) {
            char *t = strdup(col_text(st, 0));
            query_done(db, st);
            if (t)
                free(base);
            return t ? t : base;
        }
        query_done(db, st);
    }
    if (*base)
        return base;
    st = query(db, "SELECT value FROM translation WHERE resource = ?1 AND record_id = ?2"
                   " AND field = ?3 AND value <> '' ORDER BY rowid LIMIT 1", table, id);
    if (!st)
        return base;
    sqlite3_bind_text(st, 3, field, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) {
        char *t = strdup(col_text(st, 0));
        if (t) {
            free(base);
            base = t;
        }
    }
    query_done(db, st);
    return base;
}

/* the ids a query returns, at most max, into ids[] (free each); the count, -1 on error */
static int query_ids(Db *db, const char *sql, const char *p1, const char *p2, char **ids, int max)
{
    sqlite3_stmt *st = query(db, sql, p1, p2);
    if (!st)
        return -1;
    int n = 0, rc;
    while (n < max && (rc = sqlite3_step(st)) == SQLITE_ROW)
        if ((ids[n] = strdup(col_text(st, 0))) != NULL)
            n++;
    query_done(db, st);
    return n;
}

/* frees the ids query_ids() returned */
static void free_ids(char **ids, int n)
{
    for (int i = 0; i < n; i++)
        free(ids[i]);
}

/* the texts of field in the rows ids of table, joined by sep, empty ones left out */
static char *joined_text(Db *db, const char *code, const char *table, const char *field,
                         char **ids, int n, const char *sep)
{
    char *s = strdup("");
    size_t len = 0, cap = 1;
    for (int i = 0; s && i < n; i++) {
        char *t = field_text(db, code, table, field, ids[i]);
        if (t && *t && !sb_add(&s, &len, &cap, "%s%s", len ? sep : "", t)) {
            free(s);
            s = NULL;
        }
        free(t);
    }
    return s;
}

/* parses a whole coordinate within [-limit, limit] */
static bool parse_coord(const char *s, double limit, double *out)
{
    char *end;
    if (!s || !*s)
        return false;
    errno = 0;
    double v = strtod(s, &end);
    while (*end == ' ')
        end++;
    if (errno || *end || !isfinite(v) || v < -limit || v > limit)
        return false;
    *out = v;
    return true;
}

/* the taxonomy terms linked to the service whose taxonomy is called name, joined */
static char *term_text(Db *db, const char *code, const char *service_id, const char *name)
{
    char *ids[8];
    int n = query_ids(db,
                      "SELECT tt.id FROM attribute a JOIN taxonomy_term tt ON tt.id = a.taxonomy_term_id"
                      " JOIN taxonomy t ON t.id = tt.taxonomy_id WHERE a.link_entity = 'service'"
                      " AND a.link_id = ?1 AND lower(t.name) = ?2 ORDER BY a.rowid",
                      service_id, name, ids, 8);
    if (n < 0)
        return NULL;
    char *s = joined_text(db, code, "taxonomy_term", "name", ids, n, ", ");
    free_ids(ids, n);
    return s;
}

/* Fills the organisation part: names, parent body and department from the
 * parent_organization_id chain (bounded, so a cycle in the data ends it). */
static int load_organization(Db *db, const char *code, const char *org, Content *c)
{
    char *chain[16];
    int depth = 0;
    const char *at = org;
    while (*at && depth < 16) {
        char *p = query_text(db, "SELECT p.id FROM organization o JOIN organization p"
                                 " ON p.id = o.parent_organization_id WHERE o.id = ?1", at, NULL);
        if (!p)
            break;
        bool seen = !*p || strcmp(p, org) == 0;
        for (int i = 0; i < depth && !seen; i++)
            seen = strcmp(chain[i], p) == 0;
        if (seen) {
            free(p);
            break;
        }
        chain[depth++] = p;
        at = p;
    }
    const char *root = depth ? chain[depth - 1] : "";
    c->org_name = field_text(db, code, "organization", "name", org);
    c->org_short = field_text(db, code, "organization", "alternate_name", org);
    c->org_description = field_text(db, code, "organization", "description", org);
    c->parent_name = field_text(db, code, "organization", "name", root);
    c->parent_type = field_text(db, code, "organization", "legal_status", root);
    c->department = depth >= 2 ? field_text(db, code, "organization", "name", chain[0]) : strdup("");
    free_ids(chain, depth);
    return 0;
}

/* the location the service is found at (see db_load_content); "" when none */
static char *service_location(Db *db, const char *svc, const char *org)
{
    char *loc = query_text(db, "SELECT s.location_id FROM service_at_location s JOIN location l"
                               " ON l.id = s.location_id WHERE s.service_id = ?1"
                               " ORDER BY EXISTS (SELECT 1 FROM address a WHERE a.location_id = l.id) DESC,"
                               " s.rowid LIMIT 1", svc, NULL);
    if (loc && !*loc && *org) {
        free(loc);
        loc = query_text(db, "SELECT id FROM location WHERE organization_id = ?1 ORDER BY rowid LIMIT 1",
                         org, NULL);
    }
    return loc;
}

/* fills phone, email, website, address and coordinates */
static void load_contact(Db *db, const char *code, const char *svc, const char *org, Content *c)
{
    char *phone = query_text(db, "SELECT id FROM phone WHERE service_id = ?1 ORDER BY rowid LIMIT 1",
                             svc, NULL);
    if (phone && !*phone && *org) {
        free(phone);
        phone = query_text(db, "SELECT id FROM phone WHERE organization_id = ?1 ORDER BY rowid LIMIT 1",
                           org, NULL);
    }
    c->phone = phone && *phone ? field_text(db, code, "phone", "number", phone) : strdup("");
    free(phone);

    char *email = field_text(db, code, "service", "email", svc);
    if (email && !*email) {
        free(email);
        email = field_text(db, code, "organization", "email", org);
    }
    char payload[512];
    if (email && qr_payload_mailto(email, payload, sizeof payload) < 0)
        *email = 0;
    c->email = email;

    c->website = field_text(db, code, "service", "url", svc);
    if (c->website && !*c->website) {
        free(c->website);
        c->website = field_text(db, code, "organization", "website", org);
    }

    char *loc = service_location(db, svc, org);
    char *addr = loc ? query_text(db, "SELECT id FROM address WHERE location_id = ?1 ORDER BY rowid LIMIT 1",
                                  loc, NULL)
                     : NULL;
    const char *a = addr ? addr : "";
    c->address = field_text(db, code, "address", "address_1", a);
    c->city = field_text(db, code, "address", "city", a);
    c->postal_code = field_text(db, code, "address", "postal_code", a);
    c->country = field_text(db, code, "address", "country", a);
    c->community = field_text(db, code, "address", "region", a);
    char *lat = loc ? query_text(db, "SELECT latitude FROM location WHERE id = ?1", loc, NULL) : NULL;
    char *lon = loc ? query_text(db, "SELECT longitude FROM location WHERE id = ?1", loc, NULL) : NULL;
    double la, lo;
    if (parse_coord(lat, 90, &la) && parse_coord(lon, 180, &lo)) {
        c->has_coords = true;
        c->latitude = la;
        c->longitude = lo;
    }
    free(lat);
    free(lon);
    free(loc);
    free(addr);
}

/* fills funding, languages and programmes */
static void load_lists(Db *db, const char *code, const char *svc, const char *org, Content *c)
{
    char *ids[CONTENT_MAX_PROGRAMS];
    int n = query_ids(db, "SELECT id FROM funding WHERE service_id = ?1"
                          " OR (?2 <> '' AND organization_id = ?2) ORDER BY rowid",
                      svc, org, ids, CONTENT_MAX_PROGRAMS);
    c->funding = n >= 0 ? joined_text(db, code, "funding", "source", ids, n, "\n\n") : NULL;
    free_ids(ids, n > 0 ? n : 0);

    n = query_ids(db, "SELECT id FROM language WHERE service_id = ?1 ORDER BY rowid", svc, NULL, ids,
                  CONTENT_MAX_LANGUAGES);
    for (int i = 0; i < n; i++) {
        char *name = field_text(db, code, "language", "name", ids[i]);
        if (name && *name)
            c->languages[c->n_languages++] = name;
        else
            free(name);
    }
    free_ids(ids, n > 0 ? n : 0);

    n = *org ? query_ids(db, "SELECT id FROM program WHERE organization_id = ?1 ORDER BY rowid", org,
                         NULL, ids, CONTENT_MAX_PROGRAMS)
             : 0;
    for (int i = 0; i < n; i++) {
        ContentProgram *p = &c->programs[c->n_programs++];
        p->name = field_text(db, code, "program", "name", ids[i]);
        p->description = field_text(db, code, "program", "description", ids[i]);
    }
    free_ids(ids, n > 0 ? n : 0);
}

/* true when every string of the content is set (none lost to a failed query) */
static bool content_complete(const Content *c)
{
    const char *const s[] = {
        c->org_name, c->org_short, c->org_description, c->parent_name, c->parent_type,
        c->department, c->service_name, c->service_description, c->application_process,
        c->category, c->audience, c->last_updated, c->phone, c->email, c->website, c->address,
        c->city, c->postal_code, c->country, c->community, c->funding,
    };
    for (size_t i = 0; i < sizeof s / sizeof s[0]; i++)
        if (!s[i])
            return false;
    for (int i = 0; i < c->n_programs; i++)
        if (!c->programs[i].name || !c->programs[i].description)
            return false;
    return true;
}

/* the content of the first service and its organisation in lang; see db.h */
static int load_content(Db *db, Lang lang, Content *out)
{
    memset(out, 0, sizeof *out);
    db->err[0] = 0;
    out->lang = lang;
    const char *code = i18n_code(lang);
    char *svc = query_text(db, "SELECT id FROM service ORDER BY rowid LIMIT 1", NULL, NULL);
    if (!svc || !*svc) {
        free(svc);
        if (svc)
            fail(db, "the database holds no service");
        return -1;
    }
    char *org = query_text(db, "SELECT o.id FROM service s JOIN organization o"
                               " ON o.id = s.organization_id WHERE s.id = ?1", svc, NULL);
    if (org && !*org) {
        free(org);
        org = query_text(db, "SELECT id FROM organization ORDER BY rowid LIMIT 1", NULL, NULL);
    }
    if (!org) {
        free(svc);
        return -1;
    }
    load_organization(db, code, org, out);
    out->service_name = field_text(db, code, "service", "name", svc);
    out->service_description = field_text(db, code, "service", "description", svc);
    out->application_process = field_text(db, code, "service", "application_process", svc);
    out->category = term_text(db, code, svc, "category");
    out->audience = term_text(db, code, svc, "audience");
    char *modified = query_text(db, "SELECT last_modified FROM service WHERE id = ?1", svc, NULL);
    if (modified) {
        /* the date part of "2023-03-15T10:30:45.123Z" or "2023-02-24" */
        char date[11];
        snprintf(date, sizeof date, "%s", modified);
        bool ok = strlen(modified) >= 10 && hours_parse_date(date) > 0 &&
                  (modified[10] == 0 || modified[10] == 'T' || modified[10] == ' ');
        out->last_updated = strdup(ok ? date : "");
        free(modified);
    }
    load_contact(db, code, svc, org, out);
    load_lists(db, code, svc, org, out);
    free(svc);
    free(org);
    if (!content_complete(out)) {
        content_free(out);
        memset(out, 0, sizeof *out);
        out->lang = lang;
        if (!db->err[0])
            fail(db, "out of memory");
        return -1;
    }
    return 0;
}

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
    char *svc = query_text(db, "SELECT id FROM service ORDER BY rowid LIMIT 1", NULL, NULL);
    if (!svc)
        return -1;
    int rc = SQLITE_DONE;
    sqlite3_stmt *st = query(db, "SELECT freq, byday, opens_at, closes_at, valid_from, valid_to"
                                 " FROM schedule WHERE service_id = ?1 AND service_id <> ''"
                                 " ORDER BY rowid", svc, NULL);
    bool ok = st != NULL;
    while (ok && out->n_periods < HOURS_MAX_PERIODS && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *freq = col_text(st, 0);
        HoursPeriod p = {
            .opens_min = hours_parse_time(col_text(st, 2)),
            .closes_min = hours_parse_time(col_text(st, 3)),
            .valid_from = date_or_open(col_text(st, 4)),
            .valid_to = date_or_open(col_text(st, 5)),
        };
        int days = hours_parse_byday(col_text(st, 1));
        if ((*freq && strcasecmp(freq, "WEEKLY") != 0) || days < 0 || p.opens_min < 0 ||
            p.closes_min <= p.opens_min || p.valid_from < 0 || p.valid_to < 0)
            continue;           /* the importer refuses these; a foreign file may not */
        p.weekdays = (unsigned)days;
        out->periods[out->n_periods++] = p;
    }
    ok = ok && (rc == SQLITE_DONE || rc == SQLITE_ROW);
    query_done(db, st);
    st = ok ? query(db, "SELECT id, start_date, end_date, closed, opens_at, closes_at FROM closure"
                        " WHERE service_id = ?1 OR service_id = '' ORDER BY rowid", svc, NULL)
            : NULL;
    ok = st != NULL;
    while (ok && out->n_closures < HOURS_MAX_CLOSURES && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        HoursClosure cl = {
            .from = hours_parse_date(col_text(st, 1)),
            .closed = says_closed(col_text(st, 3)),
        };
        cl.to = *col_text(st, 2) ? hours_parse_date(col_text(st, 2)) : cl.from;
        if (!cl.closed) {
            cl.opens_min = hours_parse_time(col_text(st, 4));
            cl.closes_min = hours_parse_time(col_text(st, 5));
            if (cl.opens_min < 0 || cl.closes_min <= cl.opens_min)
                continue;
        }
        if (cl.from <= 0 || cl.to < cl.from)
            continue;
        for (int l = 0; l < LANG_COUNT; l++) {
            char *reason = field_text(db, i18n_code((Lang)l), "closure", "reason", col_text(st, 0));
            copy_utf8(cl.reason[l], sizeof cl.reason[l], reason ? reason : "");
            free(reason);
        }
        out->closures[out->n_closures++] = cl;
    }
    ok = ok && (rc == SQLITE_DONE || rc == SQLITE_ROW);
    query_done(db, st);
    free(svc);
    if (!ok)
        return db->err[0] ? -1 : fail(db, "%s", sqlite3_errmsg(db->h));
    return 0;
}

/* runs a loader in one read transaction: SQLite then takes its file lock and looks
 * for a journal once, not for each of the ~80 queries */
static int in_transaction(Db *db, int (*load)(Db *, void *), void *arg)
{
    bool tx = sqlite3_get_autocommit(db->h) && exec(db, "BEGIN") == 0;
    int rc = load(db, arg);
    if (tx)
        sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL);
    return rc;
}

typedef struct ContentArgs { Lang lang; Content *out; } ContentArgs;

static int load_content_args(Db *db, void *arg)
{
    ContentArgs *a = arg;
    return load_content(db, a->lang, a->out);
}

static int load_hours_args(Db *db, void *arg)
{
    return load_hours(db, arg);
}

int db_load_content(Db *db, Lang lang, Content *out)
{
    ContentArgs a = { lang, out };
    return in_transaction(db, load_content_args, &a);
}

int db_load_hours(Db *db, HoursTable *out)
{
    return in_transaction(db, load_hours_args, out);
}

/* the texts a visitor reads, by resource and field: what a translation must cover */
static const struct { const char *resource, *field; } visitor_texts[] = {
    { "organization", "name" },     { "organization", "description" },
    { "organization", "legal_status" },
    { "service", "name" },          { "service", "description" },
    { "service", "application_process" },
    { "program", "name" },          { "program", "description" },
    { "address", "address_1" },     { "address", "city" },     { "address", "region" },
    { "funding", "source" },        { "language", "name" },    { "taxonomy_term", "name" },
    { "closure", "reason" },
};

int db_count_untranslated(Db *db, Lang lang, char *first, size_t n)
{
    if (n)
        first[0] = '\0';
    const char *code = i18n_code(lang);
    if (strcmp(code, db->lang) == 0)
        return 0;
    int total = 0;
    for (size_t i = 0; i < sizeof visitor_texts / sizeof visitor_texts[0]; i++) {
        char sql[512];
        snprintf(sql, sizeof sql,
                 "SELECT id FROM \"%s\" t WHERE t.\"%s\" <> '' AND NOT EXISTS (SELECT 1 "
                 "FROM translation x WHERE x.resource = ?1 AND x.record_id = t.id AND "
                 "x.field = '%s' AND x.language = ?2 AND x.value <> '')",
                 visitor_texts[i].resource, visitor_texts[i].field, visitor_texts[i].field);
        sqlite3_stmt *st = query(db, sql, visitor_texts[i].resource, code);
        if (!st)
            return -1;
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            if (total++ == 0 && n)
                snprintf(first, n, "%s %s %s", visitor_texts[i].resource, col_text(st, 0),
                         visitor_texts[i].field);
        }
        query_done(db, st);
        if (rc != SQLITE_DONE)
            return fail(db, "%s", sqlite3_errmsg(db->h));
    }
    return total;
}
