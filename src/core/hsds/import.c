/* import.c - the import driver: check and import share one path.
 * Start reading at run(): it reads datapackage.json (hsds_descriptor_read), then
 * every resource's CSV twice. Pass 1 checks each row on its own (required fields,
 * the rules that its table's row in db/tables.c names, duplicate ids) and remembers
 * the id and line of every row it takes in a hash set per table. Pass 2 reads the
 * rows again, decides the same way, checks each link against those sets (a dangling
 * one is dropped), and inserts the row. check just has no database. */
#include "core/hsds/hsds_private.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define CSV_ERRORS_SHOWN  20        /* broken rows listed per file; the rest counted */

/* the schema field called name, -1 */
static int field_index(const Resource *res, const char *name)
{
    for (int i = 0; i < res->n_fields; i++)
        if (strcmp(res->fields[i].name, name) == 0)
            return i;
    return -1;
}

/* maps the header row; false when the file cannot be used (reported in pass 1) */
static bool read_header(Pkg *p, Resource *res, CsvReader *cr, Header *h)
{
    int n = csv_field_count(cr);
    h->n = n;
    for (int c = 0; c < DB_MAX_COLUMNS; c++)
        h->csv_of[c] = 0;
    for (int i = 0; i < n; i++) {
        char name[128];
        const char *s = csv_field(cr, i);
        while (*s == ' ')
            s++;
        snprintf(name, sizeof name, "%s", s);
        for (size_t l = strlen(name); l > 0 && name[l - 1] == ' '; l--)
            name[l - 1] = 0;
        h->field[i] = res->n_fields ? field_index(res, name) : -1;
        h->col[i] = res->table >= 0 ? db_table_column(res->table, name) : -1;
        if (h->col[i] >= 0 && h->csv_of[h->col[i]]) {
            ROW_PROBLEM(p, HSDS_WARNING, res->path, 1, i + 1,
                        "column \"%s\" appears twice; the second is ignored", name);
            h->col[i] = h->field[i] = -1;
            continue;
        }
        if (h->col[i] >= 0)
            h->csv_of[h->col[i]] = i + 1;
        h->unnamed[i] = !*name;
        if (!*name)
            continue;           /* an unnamed column: a value in it is an error (read_row) */
        if (res->n_fields && h->field[i] < 0)
            ROW_PROBLEM(p, HSDS_WARNING, res->path, 1, i + 1,
                        "column \"%s\" is not in the schema of %s; it is ignored", name, res->name);
        else if (!res->n_fields && res->table >= 0 && h->col[i] < 0)
            ROW_PROBLEM(p, HSDS_WARNING, res->path, 1, i + 1,
                        "column \"%s\" is not a column of %s; it is ignored", name, res->name);
    }
    bool ok = true;
    for (int f = 0; f < res->n_fields; f++) {
        bool there = false;
        for (int i = 0; i < n && !there; i++)
            there = h->field[i] == f;
        if (!there && res->fields[f].required) {
            ROW_PROBLEM(p, res->table >= 0 ? HSDS_ERROR : HSDS_WARNING, res->path, 1, 0,
                        "required column \"%s\" is missing", res->fields[f].name);
            ok = ok && res->table < 0;
        }
    }
    const char *key = res->table >= 0 ? db_table(res->table)->key : NULL;
    if (ok && key && !h->csv_of[db_table_column(res->table, key)]) {
        ROW_PROBLEM(p, HSDS_ERROR, res->path, 1, 0, "column \"%s\" is missing", key);
        ok = false;
    }
    const char *const *unique = res->table >= 0 ? db_table(res->table)->unique : NULL;
    for (int c = 0; ok && unique && unique[c]; c++)
        if (!h->csv_of[db_table_column(res->table, unique[c])]) {
            ROW_PROBLEM(p, HSDS_ERROR, res->path, 1, 0, "column \"%s\" is missing", unique[c]);
            ok = false;
        }
    return ok;
}

/* one data row: see run() for the two passes */
static void read_row(Pkg *p, Resource *res, const Header *h, CsvReader *cr)
{
    char b[80];
    int n = csv_field_count(cr);
    bool blank = true;
    for (int i = 0; i < n && blank; i++)
        blank = !*csv_field(cr, i);
    if (blank)
        return;                 /* a spreadsheet's empty row */
    Row row;
    row.line = csv_line(cr);
    /* what a text cut at a ';' or a Tab leaves: a value under no name, or past the last */
    for (int i = 0; i < n; i++)
        if (*csv_field(cr, i) && (i >= h->n || h->unnamed[i])) {
            hsds_sheet_problem(p, HSDS_ERROR, res->path, row.line, i + 1,
                               "a value in a column with no name: a text containing ';' was "
                               "split into two columns by the spreadsheet; open the file with "
                               "only Comma ticked as separator");
            break;
        }
    res->rows++;
    if (res->table < 0)
        return;
    const DbTable *t = db_table(res->table);
    int nc = db_table_columns(res->table);
    for (int c = 0; c < nc; c++)
        row.v[c] = h->csv_of[c] ? csv_field(cr, h->csv_of[c] - 1) : "";
    for (int i = 0; i < h->n; i++) {
        if (h->field[i] < 0 || !res->fields[h->field[i]].required || *csv_field(cr, i))
            continue;
        bool key = t->key && h->col[i] >= 0 && strcmp(t->columns[h->col[i]], t->key) == 0;
        ROW_PROBLEM(p, HSDS_WARNING, res->path, row.line, i + 1, "required field %s is empty%s",
                    res->fields[h->field[i]].name, key ? "; the row is skipped" : "");
    }
    if (t->key) {
        int kc = db_table_column(res->table, t->key);
        const char *key = row.v[kc];
        if (!*key) {
            if (h->field[h->csv_of[kc] - 1] < 0 ||
                !res->fields[h->field[h->csv_of[kc] - 1]].required)
                ROW_PROBLEM(p, HSDS_WARNING, res->path, row.line, h->csv_of[kc],
                            "%s is empty; the row is skipped", t->key);
            return;
        }
        if (p->pass == 1) {
            int first = idset_add(&res->ids, key, row.line);
            if (first != 0) {
                hsds_problem_add(p->r, HSDS_WARNING, res->path, row.line, h->csv_of[kc],
                                 "duplicate %s \"%s\" (first on line %d); this row is skipped",
                                 t->key, hsds_shown(key, b, sizeof b), abs(first));
                return;
            }
        } else if (idset_find(&res->ids, key) != row.line) {
            return;             /* the duplicate that pass 1 reported */
        }
    }
    hsds_sheet_read_row(p, res, h, &row);
    if (!hsds_rules_check_row(p, res, h, &row)) {
        if (p->pass == 1 && t->key)
            idset_reject(&res->ids, row.v[db_table_column(res->table, t->key)]);
        return;
    }
    if (p->pass == 1)
        return;
    if (!hsds_rules_check_links(p, res, h, &row))
        return;
    res->taken++;
    p->r->n_records++;
    if (p->db && !p->db_failed && db_insert(p->db, res->table, row.v) < 0) {
        hsds_problem_add(p->r, HSDS_ERROR, res->path, row.line, 0,
                         "cannot be written to the database: %s", db_error(p->db));
        p->r->storage_errno = db_storage_errno(p->db);
        p->db_failed = true;
    }
}

/* 1 when a CSV error means the file was saved or opened in the wrong encoding */
static int wrong_encoding(CsvStatus st)
{
    return st == CSV_ERR_UTF8 || st == CSV_ERR_GARBLED || st == CSV_ERR_WESTERN;
}

/* reads one resource's CSV in the current pass */
static void read_resource(Pkg *p, Resource *res)
{
    if (res->unusable)
        return;
    char path[PATH_MAX], err[160];
    snprintf(path, sizeof path, "%s/%s", p->dir, res->path);
    CsvReader *cr = csv_open(path, err, sizeof err);
    if (!cr) {
        res->unusable = true;
        if (errno == ENOENT)
            hsds_problem_add(p->r, HSDS_WARNING, res->path, 0, 0, "missing: %s is left empty",
                             res->name);
        else
            hsds_problem_add(p->r, HSDS_ERROR, res->path, 0, 0, "%s", err);
        return;
    }
    Header *h = malloc(sizeof *h);
    if (!h) {
        hsds_problem_add(p->r, HSDS_ERROR, res->path, 0, 0, "out of memory");
        res->unusable = true;
        csv_close(cr);
        return;
    }
    res->rows = 0;
    CsvStatus st = csv_next(cr);
    if (st == CSV_END) {
        hsds_problem_add(p->r, HSDS_WARNING, res->path, 0, 0, "empty: not even a header row");
        res->unusable = true;
    } else if (st != CSV_OK) {
        hsds_problem_add(p->r, HSDS_ERROR, res->path, csv_error_line(cr), csv_error_column(cr),
                         "%s", csv_error_message(cr));
        p->r->n_sheet += wrong_encoding(st);
        res->unusable = true;
    } else if (!read_header(p, res, cr, h)) {
        res->unusable = true;
    } else {
        if (csv_separator(cr) != ',')
            hsds_sheet_problem(p, HSDS_NOTE, res->path, 0, 0, "%s",
                               csv_separator(cr) == ';'
                                   ? "saved with ';' as separator: that is Excel's Greek list "
                                     "separator; the file is read with ';'"
                                   : "saved with Tab as separator; the file is read with Tab");
        while ((st = csv_next(cr)) != CSV_END) {
            if (st == CSV_OK) {
                read_row(p, res, h, cr);
                continue;
            }
            if (p->pass == 2)
                continue;
            if (++res->csv_errors <= CSV_ERRORS_SHOWN)
                hsds_problem_add(p->r, HSDS_ERROR, res->path, csv_error_line(cr),
                                 csv_error_column(cr), "%s", csv_error_message(cr));
            else
                p->r->n_errors++;
            p->r->n_sheet += wrong_encoding(st);
        }
        if (p->pass == 1 && res->csv_errors > CSV_ERRORS_SHOWN)
            hsds_problem_add(p->r, HSDS_NOTE, res->path, 0, 0, "%d more broken rows are not listed",
                             res->csv_errors - CSV_ERRORS_SHOWN);
    }
    free(h);
    csv_close(cr);
}

/* the package values the database keeps */
static int store_package(Pkg *p)
{
    char now[32];
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
    const char *text = p->text;
    if (memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        text += 3;
    if (db_package_set(p->db, "name", p->r->product) < 0 ||
        db_package_set(p->db, "version", p->r->version) < 0 ||
        db_package_set(p->db, "language", p->language) < 0 ||
        db_package_set(p->db, "imported_at", now) < 0 ||
        db_package_set(p->db, "descriptor", text) < 0)
        return -1;
    return 0;
}

/* checks the package in dir and, when db_path is given and all is well, builds the
 * database there; -1 when the package has errors or the database cannot be built */
static int run(const char *dir, const char *db_path, HsdsReport *r)
{
    HsdsReport own;
    memset(&own, 0, sizeof own);
    if (!r)
        r = &own;
    Pkg p = { .dir = dir, .r = r };
    for (int i = 0; i < DB_MAX_TABLES; i++)
        p.of_table[i] = -1;
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    p.today = (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
    int start = r->n_problems, errors = r->n_errors;
    bool created = false;

    if (hsds_descriptor_read(&p) == 0) {
        p.pass = 1;
        for (int i = 0; i < p.n_res; i++)
            read_resource(&p, &p.res[i]);
        for (int i = 0; i < p.n_res; i++)
            if (p.res[i].table < 0 && !p.res[i].unusable)
                hsds_problem_add(r, HSDS_NOTE, p.res[i].path, 0, 0,
                                 "%s is not used by the kiosk: %d row%s read and left out",
                                 p.res[i].name, p.res[i].rows, p.res[i].rows == 1 ? "" : "s");
        if (db_path && r->n_errors == errors) {
            char err[300];
            p.db = db_create(db_path, err, sizeof err);
            if (!p.db) {
                r->storage_errno = errno;
                hsds_problem_add(r, HSDS_ERROR, "", 0, 0, "%s", err);
            }
            created = p.db != NULL;
            if (p.db && (db_begin(p.db) < 0 || store_package(&p) < 0)) {
                hsds_problem_add(r, HSDS_ERROR, "", 0, 0, "%s: %s", db_path, db_error(p.db));
                r->storage_errno = db_storage_errno(p.db);
                p.db_failed = true;
            }
        }
        p.pass = 2;
        for (int i = 0; i < p.n_res; i++)
            read_resource(&p, &p.res[i]);
        int svc = p.of_table[db_table_find("service")];
        int org = p.of_table[db_table_find("organization")];
        r->n_services = svc >= 0 ? p.res[svc].taken : 0;
        r->n_organizations = org >= 0 ? p.res[org].taken : 0;
        if (r->n_errors == errors && (svc < 0 || p.res[svc].taken == 0))
            hsds_problem_add(r, HSDS_ERROR, svc >= 0 ? p.res[svc].path : "services.csv", 0, 0,
                             "no service: the kiosk shows the first service of the package");
        if (p.db && !p.db_failed && r->n_errors == errors && db_commit(p.db) < 0) {
            hsds_problem_add(r, HSDS_ERROR, "", 0, 0, "%s: %s", db_path, db_error(p.db));
            r->storage_errno = db_storage_errno(p.db);
        }
    }
    hsds_problems_sort(&p, start);
    db_close(p.db);
    bool failed = r->n_errors > errors;
    if (created && failed) {
        unlink(db_path);
        char journal[PATH_MAX];
        snprintf(journal, sizeof journal, "%s-journal", db_path);
        unlink(journal);
    }
    for (int i = 0; i < p.n_res; i++) {
        idset_free(&p.res[i].ids);
        free(p.res[i].fields);
        free(p.res[i].links);
    }
    idset_free(&p.translations);
    free(p.res);
    cJSON_Delete(p.json);
    free(p.text);
    if (r == &own)
        hsds_report_free(&own);
    return failed ? -1 : 0;
}

/* validates the package in dir; 0 when usable, -1 when it has errors */
int hsds_check(const char *dir, HsdsReport *r)
{
    return run(dir, NULL, r);
}

/* builds a new database at db_path from the package in dir; see hsds.h */
int hsds_import(const char *dir, const char *db_path, HsdsReport *r)
{
    return run(dir, db_path, r);
}
