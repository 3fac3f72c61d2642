/* report.c - the problem report of a check, import or export: adding, sorting and
 * printing problems as "file:line:column: message". */
#include "core/hsds/hsds_private.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* adds a problem to r; past HSDS_MAX_PROBLEMS only the counts grow */
void hsds_problem_add(HsdsReport *r, HsdsSeverity sev, const char *file, int line, int col,
                   const char *fmt, ...)
{
    if (sev == HSDS_ERROR)
        r->n_errors++;
    else if (sev == HSDS_WARNING)
        r->n_warnings++;
    if (r->n_problems > HSDS_MAX_PROBLEMS)
        return;
    if (r->n_problems == r->cap) {
        int cap = r->cap ? r->cap * 2 : 32;
        HsdsProblem *p = realloc(r->problems, (size_t)cap * sizeof *p);
        if (!p)
            return;             /* the counts still tell */
        r->problems = p;
        r->cap = cap;
    }
    HsdsProblem *p = &r->problems[r->n_problems++];
    memset(p, 0, sizeof *p);
    p->severity = sev;
    snprintf(p->file, sizeof p->file, "%s", file ? file : "");
    p->line = line;
    p->column = col;
    if (r->n_problems > HSDS_MAX_PROBLEMS) {
        p->severity = HSDS_NOTE;
        snprintf(p->message, sizeof p->message, "further problems are not listed");
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->message, sizeof p->message, fmt, ap);
    va_end(ap);
}

/* frees the problems and empties the report; NULL is fine */
void hsds_report_free(HsdsReport *r)
{
    if (!r)
        return;
    free(r->problems);
    memset(r, 0, sizeof *r);
}

/* prints each problem as "DIR/file:line:column: error: message"; see hsds.h */
void hsds_report_print(const HsdsReport *r, const char *dir, void *file)
{
    static const char *const sev[] = { "warning", "error", "note" };
    FILE *f = file;
    size_t dl = dir ? strlen(dir) : 0;
    for (int i = 0; i < r->n_problems; i++) {
        const HsdsProblem *p = &r->problems[i];
        if (p->file[0]) {       /* not about a file of the package: no place */
            if (dl)
                fprintf(f, "%s%s", dir, dir[dl - 1] == '/' ? "" : "/");
            fputs(p->file, f);
            if (p->line > 0) {
                fprintf(f, ":%d", p->line);
                if (p->column > 0)
                    fprintf(f, ":%d", p->column);
            }
            fputs(": ", f);
        }
        fprintf(f, "%s: %s\n", sev[p->severity], p->message);
    }
}

/* a value for a message: at most 60 bytes, cut at a character, "..." when cut */
const char *hsds_shown(const char *s, char *buf, size_t n)
{
    size_t len = strlen(s), max = n - 4 < 60 ? n - 4 : 60;
    if (len <= max)
        return s;
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
        max--;
    memcpy(buf, s, max);
    memcpy(buf + max, "...", 4);
    return buf;
}

/* the order of problems: datapackage.json, then the resources, then line and column */
typedef struct Ranked {
    int rank, index;
    HsdsProblem p;
} Ranked;

/* qsort order: file rank, line, column, then the order of reporting */
static int cmp_ranked(const void *a, const void *b)
{
    const Ranked *x = a, *y = b;
    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    if (x->p.line != y->p.line)
        return x->p.line < y->p.line ? -1 : 1;
    if (x->p.column != y->p.column)
        return x->p.column < y->p.column ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* sorts the problems from index start on; "further problems" stays last */
void hsds_problems_sort(Pkg *p, int start)
{
    HsdsReport *r = p->r;
    int n = r->n_problems - start;
    if (r->n_problems > HSDS_MAX_PROBLEMS)
        n--;
    Ranked *k = n > 1 ? malloc((size_t)n * sizeof *k) : NULL;
    if (!k)
        return;
    for (int i = 0; i < n; i++) {
        const HsdsProblem *pr = &r->problems[start + i];
        k[i].rank = strcmp(pr->file, DESCRIPTOR) == 0 ? 0 : p->n_res + 1;
        for (int j = 0; j < p->n_res; j++)
            if (strcmp(pr->file, p->res[j].path) == 0)
                k[i].rank = j + 1;
        k[i].index = i;
        k[i].p = *pr;
    }
    qsort(k, (size_t)n, sizeof *k, cmp_ranked);
    for (int i = 0; i < n; i++)
        r->problems[start + i] = k[i].p;
    free(k);
}
