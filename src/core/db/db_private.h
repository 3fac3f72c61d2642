/* db_private.h - what the files of src/core/db/ share, and nothing outside reads. The
 * files of this folder are the only ones that include sqlite3.h.
 *   tables.c        the table of tables: schema, import and export in one list
 *   file.c          creating, opening, checking and closing a database file
 *   rows.c          building a database row by row, reading a table back
 *   query.c         the reading queries and the translation fallback
 *   content.c       what the screens show
 *   hours.c         the schedule rows and closures
 *   untranslated.c  the visitor texts a language lacks
 *   directory_index.c  the member directory's search index and tables, built at import
 *   directory.c     the member directory's queries: search, lists, the service card */
#ifndef DB_PRIVATE_H
#define DB_PRIVATE_H
#include "core/db.h"

#include <stdbool.h>
#include <stddef.h>

#include <sqlite3.h>

#define DB_CACHED 64         /* content loading and the directory's queries */

struct Db {
    sqlite3 *h;
    char err[256];
    int os_errno;                       /* of the last failure, when it was the storage's */
    char lang[16];                      /* language code of the base texts */
    char text_lang[16];                 /* the language db_field_text's last text is in */
    sqlite3_stmt *insert[DB_MAX_TABLES]; /* prepared on first use while building */
    /* the reading queries, prepared once: loading the content asks ~160 of them */
    struct { char *sql; sqlite3_stmt *st; } cached[DB_CACHED];
    int n_cached;
};

/* ---- file.c ---- */
/* writes a message into db->err; always returns -1 */
int db_fail(Db *db, const char *fmt, ...);
/* runs SQL that returns no rows; -1 with the reason in db->err */
int db_exec(Db *db, const char *sql);
/* appends printf-style text to a growing string; false when out of memory (*s is
 * then still the caller's to free) */
bool db_sb_add(char **s, size_t *len, size_t *cap, const char *fmt, ...);
/* a statement's SQL being written piece by piece: start with DB_SQL_INIT, test ok once
 * at the end (it turns false when out of memory and stays so), free s */
typedef struct DbSql {
    char *s;
    size_t len, cap;
    bool ok;
} DbSql;
#define DB_SQL_INIT { .ok = true }
/* appends printf-style text to q->s; nothing once q->ok is false */
void db_sql_add(DbSql *q, const char *fmt, ...);
/* the select list of table i: "id","name",... (free it); NULL when out of memory */
char *db_column_list(int i);

/* ---- rows.c ---- */
/* the text of column c of the current row, never NULL */
const char *db_col_text(sqlite3_stmt *st, int c);

/* ---- query.c ---- */
/* a query with up to two text parameters; NULL with db->err when it cannot be prepared */
sqlite3_stmt *db_query(Db *db, const char *sql, const char *p1, const char *p2);
/* gives a statement from db_query() back: reset for its next use, or finalized */
void db_query_done(Db *db, sqlite3_stmt *st);
/* a copy of the first column of the first row, "" when there is none; NULL on error */
char *db_query_text(Db *db, const char *sql, const char *p1, const char *p2);
/* the text of field in record id of table, in language code, with the fallback of
 * db_load_content (free it), and in db->text_lang the code of the language it is in;
 * NULL on error */
char *db_field_text(Db *db, const char *code, const char *table, const char *field,
                    const char *id);
/* the ids a query returns, at most max, into ids[] (free each); the count, -1 on error */
int db_query_ids(Db *db, const char *sql, const char *p1, const char *p2, char **ids, int max);
/* frees the ids db_query_ids() returned */
void db_free_ids(char **ids, int n);
/* the texts of field in the rows ids of table, joined by sep, empty ones left out */
char *db_joined_text(Db *db, const char *code, const char *table, const char *field,
                     char **ids, int n, const char *sep);
/* runs a loader in one read transaction; its return */
int db_in_transaction(Db *db, int (*load)(Db *, void *), void *arg);

#endif
