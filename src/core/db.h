/* db.h - the content database: SQLite in the HSDS 3.0 shape with a translation table.
 * Only the files of src/core/db/ include sqlite3.h. Every function returns 0 on
 * success and -1 on failure with a message in db_error(); a failed call leaves the
 * file unchanged. */
#ifndef DB_H
#define DB_H
#include "core/content.h"
#include "core/hours.h"

typedef struct Db Db;

/* the schema version (PRAGMA user_version) this kiosk writes, and the only one it
 * opens; db/tables.c keeps it beside the tables */
int db_schema_version(void);

/* opens an existing database read-only and checks its schema version; NULL on failure
 * (err, if not NULL, receives why, up to n bytes) */
Db *db_open(const char *path, char *err, size_t n);
/* creates a new empty database with the schema at path (which must not exist); NULL
 * with err, and errno the storage's error (EIO, ENOSPC) or 0 */
Db *db_create(const char *path, char *err, size_t n);
void db_close(Db *db);
const char *db_error(const Db *db);
/* the OS error behind the last failure when the storage failed (EIO, ENOSPC, ...),
 * 0 when something else did (the data, a query) */
int db_storage_errno(const Db *db);

/* the content of the database's first service (ORDER BY rowid) and its organisation,
 * in lang: every text through the translation table, falling back to the base text
 * and then to any other language. -1 when there is no service; *out is then empty
 * (all strings NULL, content_free() safe) */
int db_load_content(Db *db, Lang lang, Content *out);
/* the id of the organization db_load_content shows: its first service's, or the
 * first organization when that names none (free it); "" when the database has no
 * service, NULL on error */
char *db_content_org_id(Db *db);
/* how many visitor texts (names, descriptions, addresses, funding, languages, terms,
 * closure reasons) have a base text but no translation into lang, which then shows
 * the base text; the first one ("organization accmr description") goes to first.
 * 0 when lang is the base language; -1 with db_error() on failure. */
int db_count_untranslated(Db *db, Lang lang, char *first, size_t n);
/* weekly schedule rows and closures of that service (closures with an empty
 * service_id apply to every service), reasons in every language */
int db_load_hours(Db *db, HoursTable *out);

/* ---- the tables: one static const list in db/tables.c drives schema, import and export ---- */

#define DB_MAX_COLUMNS 32
#define DB_MAX_TABLES  32           /* db_table_count() is at most this */

/* the rules the importer (hsds/rules.c) applies to a table's rows, beside the schema's
 * own types: a table's rules column holds any of these */
typedef enum {
    DB_RULE_SCHEDULE = 1 << 0,    /* weekly rows: byday, opens_at < closes_at, valid_from/to */
    DB_RULE_CLOSURE = 1 << 1,     /* start_date <= end_date, closed, special hours; a closure
                                     linked to no service is skipped, not kept for all */
    DB_RULE_QUOTED_NUMBER = 1 << 2, /* "number" may come in quotes, which are dropped */
    DB_RULE_EMAIL = 1 << 3,       /* "email" must be an address a QR code can carry */
    DB_RULE_COORDINATES = 1 << 4, /* "latitude" and "longitude" within range */
    DB_RULE_TRANSLATION = 1 << 5, /* a text of another table's record in another language */
    DB_RULE_LINK_ENTITY = 1 << 6, /* "link_entity" names a table, "link_id" a row of it */
    DB_RULE_AMOUNT = 1 << 7,      /* "amount" is a number: 0 makes a service free */
} DbRule;

typedef struct DbTable {
    const char *name;           /* the HSDS resource name: "organization" */
    const char *file;           /* its CSV in a package: "organizations.csv" */
    const char *key;            /* primary key column, NULL when the table has none */
    const char *const *columns; /* NULL-terminated, in the order they are exported */
    const char *const *indexed; /* NULL-terminated: columns the loader looks rows up by */
    const char *const *unique;  /* NULL, or the columns that together are the key (when
                                   key is NULL), NULL-terminated */
    unsigned rules;             /* DbRule flags: the importer's checks of each row */
} DbTable;

int db_table_count(void);
/* table i, 0 <= i < db_table_count() */
const DbTable *db_table(int i);
/* the table's index by resource name; -1 when the kiosk has no such table */
int db_table_find(const char *name);
/* the column's index in table i; -1 when it has none of that name */
int db_table_column(int i, const char *column);
int db_table_columns(int i);

/* building (a database from db_create): one transaction around all inserts */
int db_begin(Db *db);
/* inserts one row: values[c] for each column of table i (NULL is written as "") */
int db_insert(Db *db, int i, const char *const *values);
/* a key of the package table: "name", "version", "language", "imported_at", "descriptor" */
int db_package_set(Db *db, const char *key, const char *value);
int db_commit(Db *db);

/* a copy of a package value (free it), or NULL when absent */
char *db_package_get(Db *db, const char *key);
/* the language code of the base texts ("en" when the package did not say) */
const char *db_base_language(const Db *db);
/* calls fn with each row of table i in file order (rowid); stops at fn's non-zero
 * return and gives it back; -1 on a database error */
typedef int (*DbRowFn)(void *ctx, const char *const *values, int n);
int db_each_row(Db *db, int i, DbRowFn fn, void *ctx);
#endif
