/* store.h - the content database files in data_dir and their safe replacement.
 * Layout: content.db (live), content.db.prev (the one before, for rollback),
 * content.db.new (being built), staging/ (a copied stick), last-report.txt,
 * pin-state (the staff PIN's wrong-try count) and usb-outbox/ (for the stick).
 * A new database is swapped in by rename(2) after fsync, so a power cut at any
 * instant leaves the old content or the new, never a mix and never nothing. */
#ifndef STORE_H
#define STORE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "core/db.h"
#include "core/hsds.h"

#define STORE_LIVE      "content.db"
#define STORE_PREV      "content.db.prev"
#define STORE_NEW       "content.db.new"
#define STORE_BAD       "content.db.bad"
#define STORE_STAGING   "staging"
#define STORE_REPORT    "last-report.txt"
#define STORE_PIN_STATE "pin-state"
#define STORE_OUTBOX    "usb-outbox"     /* files for the stick, copied by kiosk-usb-write */

/* data_dir/name into out; -1 when it does not fit */
int store_path(const char *data_dir, const char *name, char *out, size_t n);
/* checks a database file: its SQLite header and length, schema version, the content
 * in every language (names, descriptions, address present and valid UTF-8), the
 * opening hours, and that every QR code can be made. 0, or -1 with why. */
int store_validate(const char *db_path, char *why, size_t n);
/* builds data_dir/content.db.new from the package in pkg_dir (hsds_import), checks
 * it with store_validate and records which package it came from. 0, or -1 with the
 * import problems in r (when not NULL), why, and no content.db.new left. */
int store_build(const char *data_dir, const char *pkg_dir, HsdsReport *r, char *why, size_t n);
/* makes content.db.new live: fsync, the live one kept as content.db.prev, atomic
 * rename, fsync of the folder. On failure the live content is unchanged. */
int store_install(const char *data_dir, char *why, size_t n);
/* swaps content.db and content.db.prev; -1 when there is no usable previous one */
int store_rollback(const char *data_dir, char *why, size_t n);
/* opens the live database; when it fails its checks, restores the previous one, and
 * when that fails too builds the default package afresh. Returns 0 (live used),
 * 1 (a fallback was used: why says what and why) or -1 (nothing usable: why). */
int store_open_live(const char *data_dir, const char *default_pkg_dir, Db **out,
                    char *why, size_t n);
/* product and version of the package the database at db_path was built from;
 * -1 when the file cannot be opened or does not say */
int store_package_of(const char *db_path, char *product, size_t pn, char *version, size_t vn);
/* removes a folder tree without following symbolic links; 0 when it is gone */
int store_remove_tree(const char *path);
/* fsyncs a file or a folder; -1 with errno on failure */
int store_sync(const char *path);

/* ---- where the content comes from (store_source.c) ---- */

/* the content to show; the first field set wins */
typedef struct StoreSource {
    const char *db_path;        /* a database file (--db) */
    const char *package;        /* a package folder (--package), imported afresh */
    const char *data_dir;       /* the live data folder, made when missing; NULL: the
                                   built-in content (screenshots) */
    const char *default_pkg;    /* the built-in package (kiosk.conf's default_data) */
    const char *share_dir;      /* --share, for data/ and data.db; NULL: found */
    FILE *problems;             /* an import's problems are written here; NULL: not */
} StoreSource;

/* opens the content s names into *out, *live true when it is data_dir's content.db
 * (updates apply to it). 0; 1 when a fallback was used (why says what, for the log:
 * the previous or the built-in content); -1 with why when nothing can be shown. */
int store_open_source(const StoreSource *s, Db **out, bool *live, char *why, size_t n);
/* a database built from the package folder dir, in a temporary file removed once it
 * is open; NULL with why (and the import's problems on problems) */
Db *store_open_package(const char *dir, FILE *problems, char *why, size_t n);
/* the built-in package folder: configured when it exists, else the share folder's
 * data/ (a build tree); buf holds the latter */
const char *store_builtin_package(const char *configured, const char *share_dir, char *buf,
                                  size_t n);
#endif
