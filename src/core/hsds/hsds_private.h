/* hsds_private.h - what the files of src/core/hsds/ share, and nothing outside reads.
 * The files, in the order a package goes through them:
 *   descriptor.c  datapackage.json and the schemas of its resources
 *   import.c      the driver: two passes over every CSV, then the database
 *   rules.c       the rules of one row and its links
 *   idset.c       the hash set of the ids taken per table
 *   spreadsheet.c what a spreadsheet did to a row, read back or named
 *   report.c      the problems found, sorted and printed
 *   export.c      a database written back as a package */
#ifndef HSDS_PRIVATE_H
#define HSDS_PRIVATE_H
#include "core/hsds.h"

#include <stdbool.h>
#include <stddef.h>

#include <cjson/cJSON.h>

#include "core/csv.h"
#include "core/db.h"

#define DESCRIPTOR        "datapackage.json"

/* ---- id sets: open addressing, strings in chunks that are never moved ---- */

typedef struct Chunk {
    struct Chunk *next;
    size_t used, size;
    char data[];
} Chunk;

typedef struct IdSet {
    const char **keys;
    int *lines;                 /* the line of the row that holds each key */
    size_t cap, n;
    Chunk *chunks;
} IdSet;

/* ---- the package ---- */

typedef struct Field {
    const char *name;           /* strings are borrowed from the cJSON tree */
    const char *type;           /* "string", "number", "date", "time", "datetime" ... */
    bool required;
    const cJSON *allowed;       /* constraints.enum, or NULL */
} Field;

typedef struct Link {           /* a foreign key of one column */
    const char *field;
    const char *resource;       /* "" for the resource itself */
} Link;

typedef struct Resource {
    const char *name, *path;
    int table;                  /* in db/tables.c's list; -1 when the kiosk does not use it */
    Field *fields;
    int n_fields;
    Link *links;
    int n_links;
    IdSet ids;                  /* keys of the rows taken, with their lines */
    bool unusable;              /* the file is missing or its header is broken */
    int rows, taken, csv_errors;
} Resource;

typedef struct Pkg {
    const char *dir;
    HsdsReport *r;
    char *text;                 /* datapackage.json */
    cJSON *json;
    char language[16];
    Resource *res;
    int n_res;
    int of_table[DB_MAX_TABLES]; /* the resource of each table, -1 when absent */
    IdSet translations;         /* the keys of the translations taken (DB_RULE_TRANSLATION) */
    int pass;                   /* 1 or 2 */
    int today;                  /* yyyymmdd */
    Db *db;                     /* NULL when only checking */
    bool db_failed;
} Pkg;

/* the problem of one place in the package; row problems only in pass 1 */
#define ROW_PROBLEM(p, sev, ...) \
    do { if ((p)->pass == 1) hsds_problem_add((p)->r, sev, __VA_ARGS__); } while (0)

/* how a CSV's header maps onto the schema and the table */
typedef struct Header {
    int n;                      /* columns in the header */
    int field[CSV_MAX_FIELDS];  /* schema field of each CSV column, -1 */
    int col[CSV_MAX_FIELDS];    /* table column of each CSV column, -1 */
    int csv_of[DB_MAX_COLUMNS]; /* 1-based CSV column of each table column, 0 when absent */
    bool unnamed[CSV_MAX_FIELDS]; /* the column has no name in the header */
} Header;

/* one row being read: the table's values, and copies when a value is changed */
typedef struct Row {
    const char *v[DB_MAX_COLUMNS];
    char buf[DB_MAX_COLUMNS][64];
    int line;
} Row;

/* ---- report.c ---- */
/* adds a problem to r; past HSDS_MAX_PROBLEMS only the counts grow */
void hsds_problem_add(HsdsReport *r, HsdsSeverity sev, const char *file, int line, int col,
                      const char *fmt, ...);
/* sorts the problems from index start on by file, line and column; "further problems"
 * stays last. Out of memory: the order is left as reported. */
void hsds_problems_sort(Pkg *p, int start);
/* a value for a message: at most 60 bytes, cut at a character, "..." when cut */
const char *hsds_shown(const char *s, char *buf, size_t n);

/* ---- idset.c ---- */
/* the line stored with key (negative when its row was not taken), 0 when absent */
int idset_find(const IdSet *s, const char *key);
/* adds key at line: 0 when added, the earlier row's line when present (negative when
 * that row was not taken), INT_MIN when out of memory */
int idset_add(IdSet *s, const char *key, int line);
/* marks key as seen but not taken: links to it dangle, a second row with it is
 * still a duplicate */
void idset_reject(IdSet *s, const char *key);
/* true when key belongs to a row that was taken */
bool idset_taken(const IdSet *s, const char *key);
/* frees the table and the strings, leaving an empty set */
void idset_free(IdSet *s);

/* ---- descriptor.c ---- */
/* reads datapackage.json: product, version, language, and the resources; -1 on an
 * error that makes the package unusable (reported) */
int hsds_descriptor_read(Pkg *p);
/* true for "en", "el", "en-GB", "zh-Hant" */
bool hsds_language_ok(const char *s);
/* the string value of key in obj, NULL when absent or not a string */
const char *hsds_json_str(const cJSON *obj, const char *key);
/* a field name given as "name" or ["name"]; NULL for composite keys */
const char *hsds_json_field(const cJSON *v);

/* ---- rules.c ---- */
/* the checks of one table's own rows (pass 1 reports); false when the row is not taken */
bool hsds_rules_check_row(Pkg *p, Resource *res, const Header *h, Row *row);
/* the links of a taken row in pass 2: a dangling one is dropped (reported), or the
 * row is not taken when its table says so; false then */
bool hsds_rules_check_links(Pkg *p, Resource *res, const Header *h, Row *row);
/* the first column that a rule of table i (in db/tables.c) reads, or one of its key
 * columns, that the table lacks; NULL when the table has them all (a test asks) */
const char *hsds_rules_missing_column(int i);

/* ---- spreadsheet.c ---- */
/* a problem that a spreadsheet's settings cause: reported in pass 1 and counted in
 * the report's n_sheet, so that kiosk check prints how to open the files */
void hsds_sheet_problem(Pkg *p, HsdsSeverity sev, const char *file, int line, int col,
                        const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* reads back row's times, dates and booleans as spreadsheets save them (a note each)
 * and names a phone number or coordinate that a spreadsheet changed (an error) */
void hsds_sheet_read_row(Pkg *p, Resource *res, const Header *h, Row *row);
#endif
