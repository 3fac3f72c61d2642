/* db.h - the content database: SQLite in the HSDS 3.0 shape with a translation table.
 * The only module that includes sqlite3.h. Every function returns 0 on success and -1
 * on failure with a message in db_error(); a failed call leaves the file unchanged. */
#ifndef DB_H
#define DB_H
#include "core/content.h"
#include "core/hours.h"

#define DB_SCHEMA_VERSION 1

typedef struct Db Db;

/* opens an existing database read-only and checks its schema version; NULL on failure
 * (err, if not NULL, receives why, up to n bytes) */
Db *db_open(const char *path, char *err, size_t n);
/* creates a new empty database with the schema at path (which must not exist) */
Db *db_create(const char *path, char *err, size_t n);
void db_close(Db *db);
const char *db_error(const Db *db);

/* the content of the first organisation's first service, in lang */
int db_load_content(Db *db, Lang lang, Content *out);
/* schedule rows and closures of that service */
int db_load_hours(Db *db, HoursTable *out);
#endif
