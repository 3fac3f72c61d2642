/* spreadsheet.c - what a spreadsheet did to a row, read back where the meaning is
 * certain and named where it is not (issue 14, core/sheet.h): times, dates and
 * booleans as LibreOffice and Excel save them are stored as the kiosk writes them,
 * with a note saying how each was read; a phone number that lost its + or its digits,
 * and a coordinate whose '.' a Greek PC read as a thousands separator, are errors
 * that name the cause. Every problem found here is counted in n_sheet, so that
 * kiosk check prints the spreadsheet settings (SHEET_HINT). */
#include "core/hsds/hsds_private.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/sheet.h"

typedef enum { KIND_TEXT, KIND_TIME, KIND_DATE, KIND_BOOL } Kind;

/* the kiosk's own columns of each kind, whatever a package's schema says */
static const struct { const char *column; Kind kind; } known[] = {
    { "opens_at", KIND_TIME },    { "closes_at", KIND_TIME },  { "valid_from", KIND_DATE },
    { "valid_to", KIND_DATE },    { "start_date", KIND_DATE }, { "end_date", KIND_DATE },
    { "last_modified", KIND_DATE }, { "assured_date", KIND_DATE }, { "closed", KIND_BOOL },
};

/* a problem that a spreadsheet's settings cause: reported in pass 1, and counted */
void hsds_sheet_problem(Pkg *p, HsdsSeverity sev, const char *file, int line, int col,
                        const char *fmt, ...)
{
    if (p->pass != 1)
        return;
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    hsds_problem_add(p->r, sev, file, line, col, "%s", msg);
    p->r->n_sheet++;
}

/* the kind of CSV column i: its schema type, else what the kiosk knows of its name */
static Kind kind_of(const Resource *res, const Header *h, int i)
{
    const char *type = h->field[i] >= 0 ? res->fields[h->field[i]].type : NULL;
    if (type && strcmp(type, "time") == 0)
        return KIND_TIME;
    if (type && strcmp(type, "date") == 0)
        return KIND_DATE;
    if (type && strcmp(type, "boolean") == 0)
        return KIND_BOOL;
    const char *name = db_table(res->table)->columns[h->col[i]];
    for (size_t k = 0; k < sizeof known / sizeof known[0]; k++)
        if (strcmp(known[k].column, name) == 0)
            return known[k].kind;
    return KIND_TEXT;
}

/* reads back the times, dates and booleans of row as spreadsheets save them, and
 * names the phone numbers and coordinates they damage; see the top of the file */
void hsds_sheet_read_row(Pkg *p, Resource *res, const Header *h, Row *row)
{
    char b[80], out[16], why[200];
    const char *table = db_table(res->table)->name;
    for (int i = 0; i < h->n; i++) {
        int c = h->col[i];
        if (c < 0 || !*row->v[c])
            continue;
        const char *v = row->v[c], *name = db_table(res->table)->columns[c];
        SheetRead got = SHEET_SAME;
        why[0] = 0;
        switch (kind_of(res, h, i)) {
        case KIND_TIME: got = sheet_read_time(v, out, sizeof out); break;
        case KIND_DATE: got = sheet_read_date(v, out, sizeof out, why, sizeof why); break;
        case KIND_BOOL: got = sheet_read_bool(v, out, sizeof out); break;
        case KIND_TEXT: break;
        }
        if (got == SHEET_READ) {
            hsds_sheet_problem(p, HSDS_NOTE, res->path, row->line, i + 1, "read \"%s\" as %s",
                               hsds_shown(v, b, sizeof b), out);
            snprintf(row->buf[c], sizeof row->buf[c], "%s", out);
            row->v[c] = row->buf[c];
        } else if (got == SHEET_BAD && *why) {
            hsds_sheet_problem(p, HSDS_ERROR, res->path, row->line, i + 1, "%s \"%s\" %s", name,
                               hsds_shown(v, b, sizeof b), why);
        } else if (strcmp(table, "phone") == 0 && strcmp(name, "number") == 0 &&
                   sheet_phone_damaged(v, why, sizeof why)) {
            hsds_sheet_problem(p, HSDS_ERROR, res->path, row->line, i + 1, "%s", why);
        } else if (strcmp(table, "location") == 0 &&
                   (strcmp(name, "latitude") == 0 || strcmp(name, "longitude") == 0) &&
                   sheet_decimal_damaged(v, name[1] == 'a' ? 90 : 180, why, sizeof why)) {
            hsds_sheet_problem(p, HSDS_ERROR, res->path, row->line, i + 1, "%s %s is out of "
                               "range: %s", name, hsds_shown(v, b, sizeof b), why);
        }
    }
}
