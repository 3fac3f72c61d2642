/* file.c - a database file: creating it with the schema, opening and checking it,
 * closing it, and the error message of the last call. */
#include "core/db/db_private.h"
#include "core/directory.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* the OS error behind SQLite's last one when the storage failed (an I/O error, a full
 * disk, a file that cannot be opened), else 0 */
static int storage_errno(sqlite3 *h)
{
    if (!h)
        return 0;
    int rc = sqlite3_extended_errcode(h) & 0xff;
    if (rc != SQLITE_IOERR && rc != SQLITE_FULL && rc != SQLITE_CANTOPEN)
        return 0;
    int e = sqlite3_system_errno(h);
    return e ? e : rc == SQLITE_FULL ? ENOSPC : EIO;
}

/* writes a message into db->err and notes whether the storage failed; returns -1 */
int db_fail(Db *db, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(db->err, sizeof db->err, fmt, ap);
    va_end(ap);
    db->os_errno = storage_errno(db->h);
    return -1;
}

/* the OS error of the last failure when it was the storage's, else 0 */
int db_storage_errno(const Db *db)
{
    return db ? db->os_errno : 0;
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
int db_exec(Db *db, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(db->h, sql, NULL, NULL, &msg) != SQLITE_OK) {
        db_fail(db, "%s", msg ? msg : sqlite3_errmsg(db->h));
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

/* appends printf-style text to a growing string; false when out of memory (*s is
 * then unchanged) */
static bool sb_addv(char **s, size_t *len, size_t *cap, const char *fmt, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    bool ok = n >= 0;
    if (ok && *len + (size_t)n + 1 > *cap) {
        size_t c = (*cap + (size_t)n + 1) * 2;
        char *p = realloc(*s, c);
        if (p) {
            *s = p;
            *cap = c;
        }
        ok = p != NULL;
    }
    if (ok) {
        vsnprintf(*s + *len, *cap - *len, fmt, again);
        *len += (size_t)n;
    }
    va_end(again);
    return ok;
}

/* appends printf-style text to a growing string; false when out of memory */
bool db_sb_add(char **s, size_t *len, size_t *cap, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    bool ok = sb_addv(s, len, cap, fmt, ap);
    va_end(ap);
    return ok;
}

/* appends printf-style text to q's SQL; nothing once q->ok is false */
void db_sql_add(DbSql *q, const char *fmt, ...)
{
    if (!q->ok)
        return;
    va_list ap;
    va_start(ap, fmt);
    q->ok = sb_addv(&q->s, &q->len, &q->cap, fmt, ap);
    va_end(ap);
}

/* the select list of table i: "id","name",... (free it); NULL when out of memory */
char *db_column_list(int i)
{
    char *s = NULL;
    size_t len = 0, cap = 0;
    for (int c = 0; db_table(i)->columns[c]; c++)
        if (!db_sb_add(&s, &len, &cap, "%s\"%s\"", c ? "," : "", db_table(i)->columns[c])) {
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
    bool ok = db_sb_add(&sql, &len, &cap, "BEGIN;\n");
    for (int i = 0; i < db_table_count() && ok; i++) {
        const DbTable *t = db_table(i);
        ok = db_sb_add(&sql, &len, &cap, "CREATE TABLE \"%s\" (", t->name);
        for (int c = 0; t->columns[c] && ok; c++)
            ok = db_sb_add(&sql, &len, &cap, "%s\"%s\" TEXT NOT NULL DEFAULT ''%s", c ? ", " : "",
                           t->columns[c],
                           t->key && strcmp(t->key, t->columns[c]) == 0 ? " PRIMARY KEY" : "");
        ok = ok && db_sb_add(&sql, &len, &cap, ");\n");
        for (int c = 0; t->indexed[c] && ok; c++)
            ok = db_sb_add(&sql, &len, &cap, "CREATE INDEX \"%s_%s\" ON \"%s\"(\"%s\");\n", t->name,
                           t->indexed[c], t->name, t->indexed[c]);
    }
    for (int i = 0; i < db_table_count() && ok; i++) {
        const DbTable *t = db_table(i);
        if (!t->unique)
            continue;
        ok = db_sb_add(&sql, &len, &cap, "CREATE UNIQUE INDEX %s_key ON %s(", t->name, t->name);
        for (int c = 0; t->unique[c] && ok; c++)
            ok = db_sb_add(&sql, &len, &cap, "%s%s", c ? ", " : "", t->unique[c]);
        ok = ok && db_sb_add(&sql, &len, &cap, ");\n");
    }
    ok = ok && db_sb_add(&sql, &len, &cap,
                         /* the package: name, version, language, imported_at, descriptor */
                         "CREATE TABLE package (key TEXT PRIMARY KEY, value TEXT NOT NULL);\n"
                         "PRAGMA user_version = %d;\nCOMMIT;\n", db_schema_version());
    int rc = ok ? db_exec(db, sql) : db_fail(db, "out of memory");
    free(sql);
    return rc;
}

/* gives up on a connection: its message to err (when not NULL), the file closed;
 * always NULL */
static Db *give_up(Db *db, char *err, size_t n)
{
    if (err && n)
        snprintf(err, n, "%s", db->err);
    int e = db->os_errno;
    db_close(db);
    errno = e;
    return NULL;
}

/* creates a new empty database at path, which must not exist; NULL with err on failure */
Db *db_create(const char *path, char *err, size_t n)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
        int e = errno;
        if (err && n)
            snprintf(err, n, "%s: cannot create: %s", path, strerror(e));
        errno = e;
        return NULL;
    }
    if (close(fd) != 0) {
        int e = errno;
        if (err && n)
            snprintf(err, n, "%s: cannot create: %s", path, strerror(e));
        unlink(path);
        errno = e;
        return NULL;
    }
    Db *db = connect_file(path, SQLITE_OPEN_READWRITE, err, n);
    /* the file is renamed into place only once complete: no journal needed */
    if (db && (db_exec(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;") < 0 ||
               create_schema(db) < 0 || db_directory_schema(db) < 0))
        db = give_up(db, err, n);
    if (!db) {
        int e = errno;
        unlink(path);
        errno = e;
    }
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
        db_fail(db, "%s", sqlite3_errmsg(db->h));
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
        return db_fail(db, "%s is %s (%s)", path,
                       sqlite3_errcode(db->h) == SQLITE_CORRUPT ? "damaged"
                                                                : "not a kiosk database",
                       sqlite3_errmsg(db->h));
    if (version != db_schema_version())
        return db_fail(db, "%s has database schema version %d; this kiosk reads version %d", path,
                       version, db_schema_version());
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db->h, "PRAGMA quick_check(1)", -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    bool intact = rc == SQLITE_ROW &&
                  strcmp((const char *)sqlite3_column_text(st, 0), "ok") == 0;
    sqlite3_finalize(st);
    if (!intact)
        return db_fail(db, "%s is damaged (%s)", path,
                       rc == SQLITE_ROW ? "the integrity check failed" : sqlite3_errmsg(db->h));
    for (int i = 0; i < db_table_count(); i++) {
        char *cols = db_column_list(i);
        bool ok = cols && table_ok(db, db_table(i)->name, cols);
        free(cols);
        if (!ok)
            return db_fail(db, "%s lacks table %s or some of its columns", path, db_table(i)->name);
    }
    if (!table_ok(db, "package", "key, value"))
        return db_fail(db, "%s lacks the package table", path);
    if (!table_ok(db, "dir_service", "id, free, langs, sortkey") ||
        !table_ok(db, "dir_search", "name, org, body") ||
        !table_ok(db, "dir_hours", "service, weekdays, opens, closes, valid_from, valid_to") ||
        !table_ok(db, "dir_closure", "cid, service, date_from, date_to, closed, opens, closes") ||
        !table_ok(db, "dir_cat", "term, service") || !table_ok(db, "dir_term", "id, services"))
        return db_fail(db, "%s lacks the directory's search index", path);
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
        db_fail(db, "%s: %s", path, db->h ? sqlite3_errmsg(db->h) : "out of memory");
        return give_up(db, err, n);
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
    if (db && check_file(db, path) < 0)
        return give_up(db, err, n);
    return db;
}

/* finalizes the statements and closes the file; NULL is fine */
void db_close(Db *db)
{
    if (!db)
        return;
    for (int i = 0; i < db_table_count(); i++)
        sqlite3_finalize(db->insert[i]);
    for (int i = 0; i < db->n_cached; i++) {
        sqlite3_finalize(db->cached[i].st);
        free(db->cached[i].sql);
    }
    sqlite3_close(db->h);
    free(db);
}
