/* hsds.h - HSDS 3.0 tabular data packages: check, import into a database, export.
 * A package is a folder with datapackage.json and one CSV a table. The kiosk's own
 * default content, a staff member's USB update and the HSDS example all take this
 * one path. Problems are reported as "file:line:column: message". */
#ifndef HSDS_H
#define HSDS_H
#include <stdbool.h>
#include <stddef.h>

/* NOTE: for information only (a resource the kiosk does not use) */
typedef enum { HSDS_WARNING, HSDS_ERROR, HSDS_NOTE } HsdsSeverity;

/* problems kept in a report: every error up to HSDS_MAX_ERRORS (a bound on memory
 * only: a package rarely has more than a few), warnings and notes up to
 * HSDS_MAX_WARNINGS, so that no number of warnings can hide an error; further ones
 * are only counted (n_unlisted) */
#define HSDS_MAX_ERRORS 10000
#define HSDS_MAX_WARNINGS 200

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
    int n_unlisted;             /* problems counted but not kept (past the bounds above) */
    int n_listed_errors;        /* errors kept in problems */
    int n_records;              /* records taken */
    int n_services, n_organizations; /* of them: the directory's services, their owners */
    int n_sheet;                /* problems that a spreadsheet's settings cause (sheet.h) */
    char product[64];           /* datapackage.json "name" */
    char version[32];           /* datapackage.json "version" */
    char language[16];          /* datapackage.json "language": the base texts' code */
    int storage_errno;          /* import: the storage's error (EIO, ENOSPC) when the new
                                   database could not be written, else 0 */
} HsdsReport;

void hsds_report_free(HsdsReport *r);
/* prints each problem to file (a FILE *) as "DIR/file:line:column: error: message"
 * (or warning:, note:), the way compilers do: ":column" is left out when it is 0,
 * ":line" too when the problem is about the whole file. The column is the 1-based
 * field index in the row. Errors come first, then warnings and notes, then how many
 * were not kept; names and values from the package are escaped (text_escape). */
void hsds_report_print(const HsdsReport *r, const char *dir, void *file);

/* validates the package in dir without writing anything. Returns 0 when it can be
 * used (warnings allowed), -1 when it has errors. */
int hsds_check(const char *dir, HsdsReport *r);
/* builds a new database at db_path (which must not exist) from the package in dir.
 * Returns 0, or -1 with the reasons in r and no file left at db_path. */
int hsds_import(const char *dir, const char *db_path, HsdsReport *r);
/* writes the database at db_path as a package into dir (created when missing):
 * datapackage.json and every table as a CSV (UTF-8 with a BOM, CRLF), such that
 * importing dir gives the same content. 0, or -1 with the reasons in r */
int hsds_export(const char *db_path, const char *dir, HsdsReport *r);

/* true for a dotted numeric version: "2023.2.24", "3.0.0", "7" */
bool hsds_version_valid(const char *v);
/* compares versions number by number ("2023.10" > "2023.9", "1.0" == "1");
 * <0, 0 or >0 like strcmp; a malformed version is older than any valid one */
int hsds_version_compare(const char *a, const char *b);
#endif
