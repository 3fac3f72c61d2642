/* rows.c - building a database row by row, and reading a table back in file order. */
#include "core/db/db_private.h"
#include "core/directory.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* starts the one transaction of a build; -1 with db_error() */
int db_begin(Db *db)
{
    return db_exec(db, "BEGIN");
}

/* ends the build's transaction once the directory's index is built (db/directory_index.c);
 * -1 with db_error() (a full disk) */
int db_commit(Db *db)
{
    if (db_directory_build(db) < 0)
        return -1;
    return db_exec(db, "COMMIT");
}

/* the INSERT statement of table i, prepared once and reused */
static sqlite3_stmt *insert_stmt(Db *db, int i)
{
    if (db->insert[i])
        return db->insert[i];
    char *cols = db_column_list(i), *sql = NULL;
    size_t len = 0, cap = 0;
    bool ok = cols && db_sb_add(&sql, &len, &cap, "INSERT INTO \"%s\" (%s) VALUES (",
                                db_table(i)->name, cols);
    for (int c = 0; ok && c < db_table_columns(i); c++)
        ok = db_sb_add(&sql, &len, &cap, c ? ",?" : "?");
    ok = ok && db_sb_add(&sql, &len, &cap, ")");
    if (!ok)
        db_fail(db, "out of memory");
    else if (sqlite3_prepare_v2(db->h, sql, -1, &db->insert[i], NULL) != SQLITE_OK)
        db_fail(db, "%s", sqlite3_errmsg(db->h));
    free(cols);
    free(sql);
    return db->insert[i];
}

/* inserts one row of table i; -1 with db->err (a duplicate key, a full disk) */
int db_insert(Db *db, int i, const char *const *values)
{
    if (i < 0 || i >= db_table_count())
        return db_fail(db, "no table %d", i);
    sqlite3_stmt *st = insert_stmt(db, i);
    if (!st)
        return -1;
    int n = db_table_columns(i);
    for (int c = 0; c < n; c++)
        if (sqlite3_bind_text(st, c + 1, values[c] ? values[c] : "", -1, SQLITE_STATIC) !=
            SQLITE_OK)
            return db_fail(db, "%s", sqlite3_errmsg(db->h));
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc != SQLITE_DONE)
        return db_fail(db, "%s: %s", db_table(i)->name, sqlite3_errmsg(db->h));
    return 0;
}

/* sets a package value; -1 with db->err */
int db_package_set(Db *db, const char *key, const char *value)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(
        db->h, "INSERT OR REPLACE INTO package (key, value) VALUES (?1, ?2)", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, value ? value : "", -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return db_fail(db, "package: %s", sqlite3_errmsg(db->h));
    if (strcmp(key, "language") == 0 && value && *value)
        snprintf(db->lang, sizeof db->lang, "%s", value);
    return 0;
}

/* the text of column c of the current row, never NULL */
const char *db_col_text(sqlite3_stmt *st, int c)
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
            out = strdup(db_col_text(st, 0));
    }
    sqlite3_finalize(st);
    return out;
}

/* calls fn with each row of table i in rowid order; -1 on a database error */
int db_each_row(Db *db, int i, DbRowFn fn, void *ctx)
{
    if (i < 0 || i >= db_table_count())
        return db_fail(db, "no table %d", i);
    char *cols = db_column_list(i), sql[1200];
    if (!cols)
        return db_fail(db, "out of memory");
    snprintf(sql, sizeof sql, "SELECT %s FROM \"%s\" ORDER BY rowid", cols, db_table(i)->name);
    free(cols);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
        return db_fail(db, "%s", sqlite3_errmsg(db->h));
    int n = db_table_columns(i), rc, ret = 0;
    const char *values[DB_MAX_COLUMNS];
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        for (int c = 0; c < n; c++)
            values[c] = db_col_text(st, c);
        if ((ret = fn(ctx, values, n)) != 0)
            break;
    }
    if (ret == 0 && rc != SQLITE_DONE)
        ret = db_fail(db, "%s: %s", db_table(i)->name, sqlite3_errmsg(db->h));
    sqlite3_finalize(st);
    return ret;
}
