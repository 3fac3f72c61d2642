/* hsds.h - HSDS 3.0 tabular data packages: check, import into a database, export.
 * A package is a folder with datapackage.json and one CSV a table. The kiosk's own
 * default content, a staff member's USB update and the HSDS example all take this
 * one path. Problems are reported as "file:line:column: message". */
#ifndef HSDS_H
#define HSDS_H
#include <stdbool.h>
#include <stddef.h>

typedef enum { HSDS_WARNING, HSDS_ERROR } HsdsSeverity;

typedef struct HsdsProblem {
    HsdsSeverity severity;      /* ERROR: the package cannot be used; WARNING: a record skipped */
    char file[64];              /* "phones.csv", or "datapackage.json" */
    int line, column;           /* 1-based; 0 when not about one place */
    char message[256];
} HsdsProblem;

typedef struct HsdsReport {
    HsdsProblem *problems;
    int n_problems, cap;
    int n_errors, n_warnings;
    int n_records;              /* records taken */
    char product[64];           /* datapackage.json "name" */
    char version[32];           /* datapackage.json "version" */
} HsdsReport;

void hsds_report_free(HsdsReport *r);
/* prints each problem as "file:line:column: message" to f, prefixed with dir */
void hsds_report_print(const HsdsReport *r, const char *dir, void *file);

/* validates the package in dir without writing anything. Returns 0 when it can be
 * used (warnings allowed), -1 when it has errors. */
int hsds_check(const char *dir, HsdsReport *r);
/* builds a new database at db_path (which must not exist) from the package in dir.
 * Returns 0, or -1 with the reasons in r and no file left at db_path. */
int hsds_import(const char *dir, const char *db_path, HsdsReport *r);
#endif
