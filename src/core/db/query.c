/* query.c - the reading queries, prepared once and reused, and the translation
 * fallback every visitor text passes through (db_field_text). */
#include "core/db/db_private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* a query with up to two text parameters; NULL with db->err when it cannot be prepared */
sqlite3_stmt *db_query(Db *db, const char *sql, const char *p1, const char *p2)
{
    sqlite3_stmt *st = NULL;
    for (int i = 0; i < db->n_cached && !st; i++)
        if (strcmp(db->cached[i].sql, sql) == 0)
            st = db->cached[i].st;
    if (!st) {
        if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK) {
            db_fail(db, "%s", sqlite3_errmsg(db->h));
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

/* gives a statement from db_query() back: reset for its next use, or finalized when
 * it was not kept */
void db_query_done(Db *db, sqlite3_stmt *st)
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
char *db_query_text(Db *db, const char *sql, const char *p1, const char *p2)
{
    sqlite3_stmt *st = db_query(db, sql, p1, p2);
    if (!st)
        return NULL;
    int rc = sqlite3_step(st);
    char *out = NULL;
    if (rc == SQLITE_ROW)
        out = strdup(db_col_text(st, 0));
    else if (rc == SQLITE_DONE)
        out = strdup("");
    else
        db_fail(db, "%s", sqlite3_errmsg(db->h));
    db_query_done(db, st);
    return out;
}

/* The text of field in the record id of table, in language code: the base text when
 * code is the base language, else its translation. A missing translation gives the
 * base text; an empty base text gives the first translation in any language, so a
 * box is never empty while some language has the text. NULL on a database error. */
char *db_field_text(Db *db, const char *code, const char *table, const char *field,
                        const char *id)
{
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT \"%s\" FROM \"%s\" WHERE id = ?1", field, table);
    char *base = db_query_text(db, sql, id, NULL);
    if (!base)
        return NULL;
    sqlite3_stmt *st = NULL;
    bool base_lang = strcasecmp(code, db->lang) == 0;
    if (!base_lang) {
        st = db_query(db, "SELECT value FROM translation WHERE resource = ?1 AND record_id = ?2"
                       " AND field = ?3 AND language = ?4 AND value <> ''", table, id);
        if (!st) {
            free(base);
            return NULL;
        }
        sqlite3_bind_text(st, 3, field, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, code, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW) {
            char *t = strdup(db_col_text(st, 0));
            db_query_done(db, st);
            if (t)
                free(base);
            return t ? t : base;
        }
        db_query_done(db, st);
    }
    if (*base)
        return base;
    st = db_query(db, "SELECT value FROM translation WHERE resource = ?1 AND record_id = ?2"
                   " AND field = ?3 AND value <> '' ORDER BY rowid LIMIT 1", table, id);
    if (!st)
        return base;
    sqlite3_bind_text(st, 3, field, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) {
        char *t = strdup(db_col_text(st, 0));
        if (t) {
            free(base);
            base = t;
        }
    }
    db_query_done(db, st);
    return base;
}

/* the ids a query returns, at most max, into ids[] (free each); the count, -1 on error */
int db_query_ids(Db *db, const char *sql, const char *p1, const char *p2, char **ids, int max)
{
    sqlite3_stmt *st = db_query(db, sql, p1, p2);
    if (!st)
        return -1;
    int n = 0, rc;
    while (n < max && (rc = sqlite3_step(st)) == SQLITE_ROW)
        if ((ids[n] = strdup(db_col_text(st, 0))) != NULL)
            n++;
    db_query_done(db, st);
    return n;
}

/* frees the ids db_query_ids() returned */
void db_free_ids(char **ids, int n)
{
    for (int i = 0; i < n; i++)
        free(ids[i]);
}

/* the texts of field in the rows ids of table, joined by sep, empty ones left out */
char *db_joined_text(Db *db, const char *code, const char *table, const char *field,
                         char **ids, int n, const char *sep)
{
    char *s = strdup("");
    size_t len = 0, cap = 1;
    for (int i = 0; s && i < n; i++) {
        char *t = db_field_text(db, code, table, field, ids[i]);
        if (t && *t && !db_sb_add(&s, &len, &cap, "%s%s", len ? sep : "", t)) {
            free(s);
            s = NULL;
        }
        free(t);
    }
    return s;
}

/* runs a loader in one read transaction: SQLite then takes its file lock and looks
 * for a journal once, not for each of the ~80 queries */
int db_in_transaction(Db *db, int (*load)(Db *, void *), void *arg)
{
    bool tx = sqlite3_get_autocommit(db->h) && db_exec(db, "BEGIN") == 0;
    int rc = load(db, arg);
    if (tx)
        sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL);
    return rc;
}
