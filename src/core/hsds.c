/* hsds.c - HSDS 3.0 tabular data packages: check, import into a database, export.
 * Start reading at run(): it reads datapackage.json (read_descriptor), then every
 * resource's CSV twice. Pass 1 checks each row on its own (required fields, the
 * schedule and closure rules, duplicate ids) and remembers the id and line of every
 * row it takes in a hash set per table. Pass 2 reads the rows again, decides the same
 * way, checks each link against those sets (a dangling one is dropped), and inserts
 * the row. check and import share the whole path; check just has no database.
 * Export (hsds_export) writes the tables of db.c's list back as CSV files. */
#include "core/hsds.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "core/csv.h"
#include "core/db.h"
#include "core/hours.h"
#include "core/qr.h"
#include "core/text.h"

#define DESCRIPTOR        "datapackage.json"
#define DESCRIPTOR_MAX    (8L * 1024 * 1024)
#define CSV_ERRORS_SHOWN  20        /* broken rows listed per file; the rest counted */
#define MAX_TABLES        32

/* ---- the report ---- */

/* adds a problem to r; past HSDS_MAX_PROBLEMS only the counts grow */
static void report(HsdsReport *r, HsdsSeverity sev, const char *file, int line, int col,
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
static const char *shown(const char *s, char *buf, size_t n)
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

/* FNV-1a: fast and spread well enough for ids */
static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    while (*s)
        h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
    return h;
}

/* the line stored with key (negative when its row was not taken), 0 when absent */
static int idset_find(const IdSet *s, const char *key)
{
    if (!s->cap)
        return 0;
    for (size_t i = hash_str(key) & (s->cap - 1);; i = (i + 1) & (s->cap - 1)) {
        if (!s->keys[i])
            return 0;
        if (strcmp(s->keys[i], key) == 0)
            return s->lines[i];
    }
}

/* a copy of key in the set's chunks; NULL when out of memory */
static const char *idset_copy(IdSet *s, const char *key)
{
    size_t len = strlen(key) + 1;
    if (!s->chunks || s->chunks->size - s->chunks->used < len) {
        size_t size = len > 65536 ? len : 65536;
        Chunk *c = malloc(sizeof *c + size);
        if (!c)
            return NULL;
        c->next = s->chunks;
        c->used = 0;
        c->size = size;
        s->chunks = c;
    }
    char *p = s->chunks->data + s->chunks->used;
    memcpy(p, key, len);
    s->chunks->used += len;
    return p;
}

/* doubles the table; false when out of memory */
static bool idset_grow(IdSet *s)
{
    size_t cap = s->cap ? s->cap * 2 : 1024;
    const char **keys = calloc(cap, sizeof *keys);
    int *lines = calloc(cap, sizeof *lines);
    if (!keys || !lines) {
        free(keys);
        free(lines);
        return false;
    }
    for (size_t i = 0; i < s->cap; i++) {
        if (!s->keys[i])
            continue;
        size_t j = hash_str(s->keys[i]) & (cap - 1);
        while (keys[j])
            j = (j + 1) & (cap - 1);
        keys[j] = s->keys[i];
        lines[j] = s->lines[i];
    }
    free(s->keys);
    free(s->lines);
    s->keys = keys;
    s->lines = lines;
    s->cap = cap;
    return true;
}

/* adds key at line: 0 when added, the earlier row's line when present (negative when
 * that row was not taken), INT_MIN when out of memory */
static int idset_add(IdSet *s, const char *key, int line)
{
    if ((s->n + 1) * 2 > s->cap && !idset_grow(s))
        return INT_MIN;
    size_t i = hash_str(key) & (s->cap - 1);
    for (; s->keys[i]; i = (i + 1) & (s->cap - 1))
        if (strcmp(s->keys[i], key) == 0)
            return s->lines[i];
    const char *k = idset_copy(s, key);
    if (!k)
        return INT_MIN;
    s->keys[i] = k;
    s->lines[i] = line;
    s->n++;
    return 0;
}

/* marks key as seen but not taken: links to it are dangling, a second row with it
 * is still a duplicate */
static void idset_reject(IdSet *s, const char *key)
{
    if (!s->cap)
        return;
    for (size_t i = hash_str(key) & (s->cap - 1); s->keys[i]; i = (i + 1) & (s->cap - 1))
        if (strcmp(s->keys[i], key) == 0) {
            s->lines[i] = -abs(s->lines[i]);
            return;
        }
}

/* true when key belongs to a row that was taken */
static bool idset_taken(const IdSet *s, const char *key)
{
    return idset_find(s, key) > 0;
}

/* frees the table and the strings, leaving an empty set */
static void idset_free(IdSet *s)
{
    while (s->chunks) {
        Chunk *c = s->chunks;
        s->chunks = c->next;
        free(c);
    }
    free(s->keys);
    free(s->lines);
    memset(s, 0, sizeof *s);
}

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
    int table;                  /* in db.c's list; -1 when the kiosk does not use it */
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
    int of_table[MAX_TABLES];   /* the resource of each table, -1 when absent */
    IdSet translations;         /* resource, record, field, language of each translation */
    int pass;                   /* 1 or 2 */
    int today;                  /* yyyymmdd */
    Db *db;                     /* NULL when only checking */
    bool db_failed;
} Pkg;

/* the problem of one place in the package; row problems only in pass 1 */
#define ROW_PROBLEM(p, sev, ...) \
    do { if ((p)->pass == 1) report((p)->r, sev, __VA_ARGS__); } while (0)

/* true for "en", "el", "en-GB", "zh-Hant": letters, a dash and letters or digits */
static bool language_code_ok(const char *s)
{
    size_t i = 0;
    while (isalpha((unsigned char)s[i]))
        i++;
    if (i < 2 || i > 3)
        return false;
    if (!s[i])
        return true;
    if (s[i] != '-' || !s[i + 1])
        return false;
    for (i++; s[i]; i++)
        if (!isalnum((unsigned char)s[i]) && s[i] != '-')
            return false;
    return strlen(s) < 16;
}

/* true for a dotted numeric version: "2023.2.24" */
bool hsds_version_valid(const char *v)
{
    if (!v || !isdigit((unsigned char)*v))
        return false;
    for (; *v; v++) {
        if (*v == '.' && !isdigit((unsigned char)v[1]))
            return false;
        if (*v != '.' && !isdigit((unsigned char)*v))
            return false;
    }
    return true;
}

/* compares two dotted versions number by number, numbers of any length */
int hsds_version_compare(const char *a, const char *b)
{
    bool va = hsds_version_valid(a), vb = hsds_version_valid(b);
    if (!va || !vb)
        return (int)va - (int)vb;
    while (*a || *b) {
        const char *x = *a ? a : "0", *y = *b ? b : "0";   /* a missing number is 0 */
        while (*x == '0' && isdigit((unsigned char)x[1]))
            x++;
        while (*y == '0' && isdigit((unsigned char)y[1]))
            y++;
        size_t lx = strspn(x, "0123456789"), ly = strspn(y, "0123456789");
        if (lx != ly)
            return lx < ly ? -1 : 1;
        int c = strncmp(x, y, lx);
        if (c)
            return c < 0 ? -1 : 1;
        if (*a)
            a = x + lx + (x[lx] == '.');
        if (*b)
            b = y + ly + (y[ly] == '.');
    }
    return 0;
}

/* the string value of key in obj, NULL when absent or not a string */
static const char *json_str(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* a field name given as "name" or ["name"]; NULL for composite keys */
static const char *single_field(const cJSON *v)
{
    if (cJSON_IsString(v))
        return v->valuestring;
    if (cJSON_IsArray(v) && cJSON_GetArraySize(v) == 1 && cJSON_IsString(cJSON_GetArrayItem(v, 0)))
        return cJSON_GetArrayItem(v, 0)->valuestring;
    return NULL;
}

/* reads a whole file into a NUL-terminated buffer; NULL with errno */
static char *read_file(const char *path, long max, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n + 65536 + 1 > cap) {
            cap = (n + 65536 + 1) * 2;
            char *p = realloc(buf, cap);
            if (!p)
                break;
            buf = p;
        }
        size_t got = fread(buf + n, 1, 65536, f);
        n += got;
        if (got == 0 || (long)n > max)
            break;
    }
    bool ok = buf && !ferror(f) && (long)n <= max;
    fclose(f);
    if (!ok) {
        free(buf);
        errno = buf ? EFBIG : ENOMEM;
        return NULL;
    }
    buf[n] = 0;
    *len = n;
    return buf;
}

/* line and column (in characters) of position pos in text */
static void text_position(const char *text, const char *pos, int *line, int *col)
{
    *line = 1;
    *col = 1;
    for (const char *s = text; s < pos && *s; s++) {
        if (*s == '\n') {
            (*line)++;
            *col = 1;
        } else if (((unsigned char)*s & 0xC0) != 0x80) {
            (*col)++;
        }
    }
}

/* reads the fields, key and links of one resource's schema */
static int read_schema(Pkg *p, Resource *res, const cJSON *schema)
{
    const cJSON *fields = cJSON_GetObjectItemCaseSensitive(schema, "fields");
    int n = cJSON_IsArray(fields) ? cJSON_GetArraySize(fields) : 0;
    res->fields = calloc((size_t)n + 1, sizeof *res->fields);
    if (!res->fields)
        return -1;
    const cJSON *f;
    cJSON_ArrayForEach(f, fields) {
        const char *name = json_str(f, "name");
        if (!name) {
            report(p->r, HSDS_WARNING, DESCRIPTOR, 0, 0,
                   "resource %s: a field without a name is ignored", res->name);
            continue;
        }
        Field *d = &res->fields[res->n_fields++];
        d->name = name;
        d->type = json_str(f, "type");
        const cJSON *c = cJSON_GetObjectItemCaseSensitive(f, "constraints");
        d->required = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(c, "required"));
        const cJSON *e = cJSON_GetObjectItemCaseSensitive(c, "enum");
        d->allowed = cJSON_IsArray(e) ? e : NULL;
    }
    const cJSON *fks = cJSON_GetObjectItemCaseSensitive(schema, "foreignKeys");
    n = cJSON_IsArray(fks) ? cJSON_GetArraySize(fks) : 0;
    res->links = calloc((size_t)n + 1, sizeof *res->links);
    if (!res->links)
        return -1;
    const cJSON *fk;
    cJSON_ArrayForEach(fk, fks) {
        const cJSON *ref = cJSON_GetObjectItemCaseSensitive(fk, "reference");
        const char *field = single_field(cJSON_GetObjectItemCaseSensitive(fk, "fields"));
        const char *target = json_str(ref, "resource");
        if (!field || !target) {
            report(p->r, HSDS_WARNING, DESCRIPTOR, 0, 0,
                   "resource %s: a foreign key the kiosk cannot read is ignored", res->name);
            continue;
        }
        res->links[res->n_links++] = (Link){ field, target };
    }
    return 0;
}

/* true when path names a file inside the package folder (no folders, no "..") */
static bool path_ok(const char *path)
{
    return *path && path[0] != '.' && !strchr(path, '/') && !strchr(path, '\\') &&
           strlen(path) < 64;
}

/* reads datapackage.json: product, version, language, and the resources; -1 on an
 * error that makes the package unusable */
static int read_descriptor(Pkg *p)
{
    char path[PATH_MAX];
    size_t len;
    snprintf(path, sizeof path, "%s/%s", p->dir, DESCRIPTOR);
    p->text = read_file(path, DESCRIPTOR_MAX, &len);
    if (!p->text) {
        if (errno == ENOENT)
            report(p->r, HSDS_ERROR, DESCRIPTOR, 0, 0,
                   "missing: a package is a folder with datapackage.json and its CSV files");
        else if (errno == EFBIG)
            report(p->r, HSDS_ERROR, DESCRIPTOR, 0, 0, "larger than %ld MiB",
                   DESCRIPTOR_MAX / (1024 * 1024));
        else
            report(p->r, HSDS_ERROR, DESCRIPTOR, 0, 0, "cannot be read: %s", strerror(errno));
        return -1;
    }
    const char *text = p->text;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        len -= 3;
    }
    if (!text_utf8_valid(text, len)) {
        report(p->r, HSDS_ERROR, DESCRIPTOR, 0, 0,
               "not valid UTF-8 text (or it holds a NUL byte): save it as UTF-8");
        return -1;
    }
    const char *end = NULL;
    p->json = cJSON_ParseWithLengthOpts(text, len, &end, false);
    if (!p->json) {
        int line, col;
        text_position(text, end ? end : text, &line, &col);
        report(p->r, HSDS_ERROR, DESCRIPTOR, line, col,
               "not valid JSON here: %s",
               end && !*end ? "the text ends too early (a } or ] missing?)"
                            : "a comma, quote or bracket is missing here or just before");
        return -1;
    }
    if (!cJSON_IsObject(p->json)) {
        report(p->r, HSDS_ERROR, DESCRIPTOR, 1, 1, "must be a JSON object { ... }");
        return -1;
    }
    const char *name = json_str(p->json, "name"), *version = json_str(p->json, "version");
    const cJSON *lang = cJSON_GetObjectItemCaseSensitive(p->json, "language");
    if (name)
        snprintf(p->r->product, sizeof p->r->product, "%s", name);
    else
        report(p->r, HSDS_WARNING, DESCRIPTOR, 0, 0, "no \"name\": the package has no product name");
    if (!version)
        report(p->r, HSDS_WARNING, DESCRIPTOR, 0, 0,
               "no \"version\": an update cannot tell whether it is newer");
    else if (!hsds_version_valid(version) || strlen(version) >= sizeof p->r->version)
        report(p->r, HSDS_ERROR, DESCRIPTOR, 0, 0,
               "\"version\" \"%.40s\" must be numbers separated by dots, like 2023.2.24", version);
    else
        snprintf(p->r->version, sizeof p->r->version, "%s", version);
    snprintf(p->language, sizeof p->language, "en");
    if (lang && (!cJSON_IsString(lang) || !language_code_ok(lang->valuestring)))
        report(p->r, HSDS_ERROR, DESCRIPTOR, 0, 0,
               "\"language\" must be the code of the language of the texts, like \"el\" or \"en\"");
    else if (lang)
        snprintf(p->language, sizeof p->language, "%s", lang->valuestring);
    for (char *c = p->language; *c; c++)
        *c = (char)tolower((unsigned char)*c);
    snprintf(p->r->language, sizeof p->r->language, "%s", p->language);

    const cJSON *resources = cJSON_GetObjectItemCaseSensitive(p->json, "resources");
    if (!cJSON_IsArray(resources)) {
        report(p->r, HSDS_ERROR, DESCRIPTOR, 0, 0, "no \"resources\" list: it names the CSV files");
        return -1;
    }
    p->res = calloc((size_t)cJSON_GetArraySize(resources) + 1, sizeof *p->res);
    if (!p->res)
        return -1;
    const cJSON *item;
    cJSON_ArrayForEach(item, resources) {
        const char *rname = json_str(item, "name"), *rpath = json_str(item, "path");
        if (!rname || !rpath) {
            report(p->r, HSDS_WARNING, DESCRIPTOR, 0, 0,
                   "a resource without a \"name\" and a \"path\" is ignored");
            continue;
        }
        if (!path_ok(rpath)) {
            report(p->r, HSDS_ERROR, DESCRIPTOR, 0, 0,
                   "resource %s: path \"%.60s\" must name a file in the package folder", rname,
                   rpath);
            continue;
        }
        bool dup = false;
        for (int i = 0; i < p->n_res && !dup; i++)
            dup = strcmp(p->res[i].name, rname) == 0;
        if (dup) {
            report(p->r, HSDS_WARNING, DESCRIPTOR, 0, 0,
                   "resource %s is listed twice; the second is ignored", rname);
            continue;
        }
        Resource *res = &p->res[p->n_res++];
        res->name = rname;
        res->path = rpath;
        res->table = db_table_find(rname);
        if (res->table >= 0)
            p->of_table[res->table] = p->n_res - 1;
        if (read_schema(p, res, cJSON_GetObjectItemCaseSensitive(item, "schema")) < 0)
            return -1;
    }
    /* a kiosk table whose CSV is there but which the descriptor does not list */
    for (int t = 0; t < db_table_count(); t++) {
        struct stat st;
        snprintf(path, sizeof path, "%s/%s", p->dir, db_table(t)->file);
        if (p->of_table[t] < 0 && stat(path, &st) == 0)
            report(p->r, HSDS_WARNING, db_table(t)->file, 0, 0,
                   "not listed in datapackage.json, so not read: add a resource \"%s\"",
                   db_table(t)->name);
    }
    return 0;
}

/* ---- reading one resource ---- */

/* how a CSV's header maps onto the schema and the table */
typedef struct Header {
    int n;                      /* columns in the header */
    int field[CSV_MAX_FIELDS];  /* schema field of each CSV column, -1 */
    int col[CSV_MAX_FIELDS];    /* table column of each CSV column, -1 */
    int csv_of[DB_MAX_COLUMNS]; /* 1-based CSV column of each table column, 0 when absent */
} Header;

/* one row being read: the table's values, and copies when a value is changed */
typedef struct Row {
    const char *v[DB_MAX_COLUMNS];
    char buf[DB_MAX_COLUMNS][64];
    int line;
} Row;

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
        if (!*name)
            continue;           /* an unnamed column: its values are checked as extras */
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
    if (ok && res->table == db_table_find("translation"))
        for (int c = 0; c < 4 && ok; c++)
            if (!h->csv_of[c]) {
                ROW_PROBLEM(p, HSDS_ERROR, res->path, 1, 0, "column \"%s\" is missing",
                            db_table(res->table)->columns[c]);
                ok = false;
            }
    return ok;
}

/* the value of the table's column called name in row */
static const char *val(const Resource *res, const Row *row, const char *name)
{
    int c = db_table_column(res->table, name);
    return c >= 0 && row->v[c] ? row->v[c] : "";
}

/* the 1-based CSV column of the table's column called name, 0 when absent */
static int col_of(const Resource *res, const Header *h, const char *name)
{
    int c = db_table_column(res->table, name);
    return c >= 0 ? h->csv_of[c] : 0;
}

/* the type and enum checks of the schema: warnings, the value kept */
static void check_types(Pkg *p, const Resource *res, const Header *h, const Row *row)
{
    char b[80];
    for (int i = 0; i < h->n; i++) {
        if (h->field[i] < 0 || h->col[i] < 0)
            continue;
        const Field *f = &res->fields[h->field[i]];
        const char *v = row->v[h->col[i]];
        if (!*v)
            continue;
        bool ok = true;
        if (f->allowed) {
            ok = false;
            const cJSON *e;
            cJSON_ArrayForEach(e, f->allowed)
                ok = ok || (cJSON_IsString(e) && strcmp(e->valuestring, v) == 0);
        } else if (f->type && strcmp(f->type, "number") == 0) {
            char *end;
            errno = 0;
            double d = strtod(v, &end);
            ok = end != v && !*end && !errno && isfinite(d);
        } else if (f->type && strcmp(f->type, "date") == 0) {
            ok = hours_parse_date(v) > 0;
        } else if (f->type && strcmp(f->type, "time") == 0) {
            ok = hours_parse_time(v) >= 0;
        } else if (f->type && strcmp(f->type, "datetime") == 0) {
            char d[11];
            snprintf(d, sizeof d, "%s", v);
            ok = strlen(v) >= 10 && hours_parse_date(d) > 0;
        }
        if (!ok)
            ROW_PROBLEM(p, HSDS_WARNING, res->path, row->line, i + 1, "%s \"%s\" is not %s %s",
                        f->name, shown(v, b, sizeof b), f->allowed ? "one of the values of" : "a",
                        f->allowed ? "the schema" : f->type);
    }
}

/* the schedule rules: weekly rows only, real weekdays and times, closing after
 * opening. Errors refuse the package; returns whether the row is taken. */
static bool check_schedule(Pkg *p, const Resource *res, const Header *h, const Row *row)
{
    char b[80], b2[80];
    const char *file = res->path, *freq = val(res, row, "freq"), *byday = val(res, row, "byday");
    const char *opens = val(res, row, "opens_at"), *closes = val(res, row, "closes_at");
    int line = row->line;
    if (*freq && strcasecmp(freq, "WEEKLY") != 0) {
        ROW_PROBLEM(p, HSDS_WARNING, file, line, col_of(res, h, "freq"),
                    "freq %s: the kiosk reads weekly schedules only; the row is skipped",
                    shown(freq, b, sizeof b));
        return false;
    }
    if (!*byday) {
        ROW_PROBLEM(p, HSDS_WARNING, file, line, col_of(res, h, "byday"),
                    "no byday: the row does not say on which days; it is skipped");
        return false;
    }
    bool ok = true;
    int days = hours_parse_byday(byday);
    if (days < 0) {
        ROW_PROBLEM(p, HSDS_ERROR, file, line, col_of(res, h, "byday"),
                    "byday \"%s\" names an unknown weekday (write MO,TU,WE,TH,FR,SA,SU)",
                    shown(byday, b, sizeof b));
        ok = false;
    }
    if (!*opens || !*closes) {
        ROW_PROBLEM(p, HSDS_WARNING, file, line, col_of(res, h, *opens ? "closes_at" : "opens_at"),
                    "no %s: the row is skipped", *opens ? "closes_at" : "opens_at");
        return false;
    }
    int o = hours_parse_time(opens), c = hours_parse_time(closes);
    if (o < 0)
        ROW_PROBLEM(p, HSDS_ERROR, file, line, col_of(res, h, "opens_at"),
                    "opens_at \"%s\" is not a time like 09:00", shown(opens, b, sizeof b));
    if (c < 0)
        ROW_PROBLEM(p, HSDS_ERROR, file, line, col_of(res, h, "closes_at"),
                    "closes_at \"%s\" is not a time like 17:00", shown(closes, b, sizeof b));
    if (o >= 0 && c >= 0 && c <= o)
        ROW_PROBLEM(p, HSDS_ERROR, file, line, col_of(res, h, "closes_at"),
                    "closes_at %s is not after opens_at %s: the hours would be wrong",
                    shown(closes, b, sizeof b), shown(opens, b2, sizeof b2));
    ok = ok && o >= 0 && c > o;
    static const char *const dates[] = { "valid_from", "valid_to" };
    int d[2];
    for (int i = 0; i < 2; i++) {
        const char *v = val(res, row, dates[i]);
        d[i] = *v ? hours_parse_date(v) : 0;
        if (d[i] < 0) {
            ROW_PROBLEM(p, HSDS_ERROR, file, line, col_of(res, h, dates[i]),
                        "%s \"%s\" is not a date like 2027-04-30", dates[i], shown(v, b, sizeof b));
            ok = false;
        }
    }
    if (d[0] > 0 && d[1] > 0 && d[1] < d[0]) {
        ROW_PROBLEM(p, HSDS_ERROR, file, line, col_of(res, h, "valid_to"),
                    "valid_to %s is before valid_from %s", val(res, row, "valid_to"),
                    val(res, row, "valid_from"));
        ok = false;
    }
    if (!ok)
        return false;
    /* values the kiosk does not read: placeholders in the HSDS example */
    const char *tz = val(res, row, "timezone");
    if (*tz)
        ROW_PROBLEM(p, HSDS_WARNING, file, line, col_of(res, h, "timezone"),
                    "timezone \"%s\" is not read: the hours are Athens local time",
                    shown(tz, b, sizeof b));
    static const char *const unread[] = { "until", "count", "interval", "byweekno", "bymonthday",
                                          "byyearday" };
    char names[128] = "";
    int first = 0;
    for (size_t i = 0; i < sizeof unread / sizeof unread[0]; i++) {
        const char *v = val(res, row, unread[i]);
        if (!*v || (strcmp(unread[i], "interval") == 0 && strcmp(v, "1") == 0))
            continue;
        if (!first)
            first = col_of(res, h, unread[i]);
        snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s", *names ? ", " : "",
                 unread[i]);
    }
    if (*names)
        ROW_PROBLEM(p, HSDS_WARNING, file, line, first,
                    "%s: not read by the kiosk; the row counts every week on %s", names,
                    shown(byday, b, sizeof b));
    if (d[1] > 0 && d[1] < p->today)
        ROW_PROBLEM(p, HSDS_WARNING, file, line, col_of(res, h, "valid_to"),
                    "valid_to %s has passed: the row no longer applies", val(res, row, "valid_to"));
    return true;
}

/* the closure rules: real dates in order, true or false, special hours that close
 * after they open. Errors refuse the package; returns whether the row is taken. */
static bool check_closure(Pkg *p, const Resource *res, const Header *h, const Row *row)
{
    char b[80], b2[80];
    const char *file = res->path, *start = val(res, row, "start_date");
    const char *end = val(res, row, "end_date"), *closed = val(res, row, "closed");
    int line = row->line;
    bool ok = true;
    int from = hours_parse_date(start), to = *end ? hours_parse_date(end) : from;
    if (!*start) {
        ROW_PROBLEM(p, HSDS_ERROR, file, line, col_of(res, h, "start_date"),
                    "start_date is empty: a closure needs its first day");
        ok = false;
    } else if (from < 0) {
        ROW_PROBLEM(p, HSDS_ERROR, file, line, col_of(res, h, "start_date"),
                    "start_date \"%s\" is not a date like 2027-04-30", shown(start, b, sizeof b));
        ok = false;
    }
    if (*end && to < 0) {
        ROW_PROBLEM(p, HSDS_ERROR, file, line, col_of(res, h, "end_date"),
                    "end_date \"%s\" is not a date like 2027-04-30", shown(end, b, sizeof b));
        ok = false;
    } else if (ok && to < from) {
        ROW_PROBLEM(p, HSDS_ERROR, file, line, col_of(res, h, "end_date"),
                    "end_date %s is before start_date %s", end, start);
        ok = false;
    }
    bool is_closed = !*closed || strcasecmp(closed, "true") == 0;
    if (*closed && !is_closed && strcasecmp(closed, "false") != 0) {
        ROW_PROBLEM(p, HSDS_ERROR, file, line, col_of(res, h, "closed"),
                    "closed \"%s\" must be true or false", shown(closed, b, sizeof b));
        ok = false;
    }
    if (!is_closed) {
        const char *opens = val(res, row, "opens_at"), *closes = val(res, row, "closes_at");
        int o = hours_parse_time(opens), c = hours_parse_time(closes);
        if (o < 0 || c < 0) {
            ROW_PROBLEM(p, HSDS_ERROR, file, line, col_of(res, h, o < 0 ? "opens_at" : "closes_at"),
                        "%s \"%s\" is not a time like 09:00 (closed is false: special hours)",
                        o < 0 ? "opens_at" : "closes_at", o < 0 ? shown(opens, b, sizeof b)
                                                                : shown(closes, b, sizeof b));
            ok = false;
        } else if (c <= o) {
            ROW_PROBLEM(p, HSDS_ERROR, file, line, col_of(res, h, "closes_at"),
                        "closes_at %s is not after opens_at %s: the hours would be wrong",
                        shown(closes, b, sizeof b), shown(opens, b2, sizeof b2));
            ok = false;
        }
    }
    return ok;
}

/* the checks of one table's own rows; false when the row is not taken */
static bool check_row(Pkg *p, Resource *res, const Header *h, Row *row)
{
    char b[80];
    const DbTable *t = db_table(res->table);
    if (strcmp(t->name, "schedule") == 0)
        return check_schedule(p, res, h, row);
    if (strcmp(t->name, "closure") == 0)
        return check_closure(p, res, h, row);
    check_types(p, res, h, row);
    if (strcmp(t->name, "phone") == 0) {
        /* '"+44 1234 234567"' in the HSDS example: the quotes are not the number's */
        int c = db_table_column(res->table, "number");
        const char *v = row->v[c];
        size_t len = strlen(v);
        if (len >= 2 && v[0] == '"' && v[len - 1] == '"' && len - 2 < sizeof row->buf[c]) {
            memcpy(row->buf[c], v + 1, len - 2);
            row->buf[c][len - 2] = 0;
            row->v[c] = row->buf[c];
            ROW_PROBLEM(p, HSDS_WARNING, res->path, row->line, h->csv_of[c],
                        "number %s has quotes around it; it is read as %s", shown(v, b, sizeof b),
                        row->v[c]);
        }
    }
    static const char *const emails[][2] = { { "service", "email" }, { "organization", "email" } };
    for (size_t i = 0; i < sizeof emails / sizeof emails[0]; i++) {
        char payload[512];
        const char *v = strcmp(t->name, emails[i][0]) == 0 ? val(res, row, emails[i][1]) : "";
        if (*v && qr_payload_mailto(v, payload, sizeof payload) < 0)
            ROW_PROBLEM(p, HSDS_WARNING, res->path, row->line, col_of(res, h, emails[i][1]),
                        "email \"%s\" is not a valid address: the kiosk shows none",
                        shown(v, b, sizeof b));
    }
    if (strcmp(t->name, "location") == 0) {
        static const char *const coords[] = { "latitude", "longitude" };
        for (int i = 0; i < 2; i++) {
            const char *v = val(res, row, coords[i]);
            double d = strtod(v, NULL), limit = i ? 180 : 90;
            if (*v && fabs(d) > limit)
                ROW_PROBLEM(p, HSDS_WARNING, res->path, row->line, col_of(res, h, coords[i]),
                            "%s %s is out of range (-%g to %g): the map uses the address",
                            coords[i], shown(v, b, sizeof b), limit, limit);
        }
    }
    if (strcmp(t->name, "translation") == 0) {
        const char *resource = row->v[0], *field = row->v[2];
        int target = db_table_find(resource);
        if (target < 0 || target == res->table) {
            ROW_PROBLEM(p, HSDS_WARNING, res->path, row->line, h->csv_of[0],
                        "resource \"%s\" is not a table of the kiosk; the translation is skipped",
                        shown(resource, b, sizeof b));
            return false;
        }
        if (db_table_column(target, field) < 0 ||
            (db_table(target)->key && strcmp(field, db_table(target)->key) == 0)) {
            ROW_PROBLEM(p, HSDS_WARNING, res->path, row->line, h->csv_of[2],
                        "field \"%s\" is not a text of %s; the translation is skipped",
                        shown(field, b, sizeof b), resource);
            return false;
        }
        /* language codes are compared in lower case */
        int lc = 3;
        snprintf(row->buf[lc], sizeof row->buf[lc], "%s", row->v[lc]);
        for (char *s = row->buf[lc]; *s; s++)
            *s = (char)tolower((unsigned char)*s);
        row->v[lc] = row->buf[lc];
        if (!language_code_ok(row->v[lc])) {
            ROW_PROBLEM(p, HSDS_WARNING, res->path, row->line, h->csv_of[lc],
                        "language \"%s\" is not a language code like en; the translation is skipped",
                        shown(row->v[lc], b, sizeof b));
            return false;
        }
        if (strcmp(row->v[lc], p->language) == 0) {
            ROW_PROBLEM(p, HSDS_WARNING, res->path, row->line, h->csv_of[lc],
                        "%s is the language of the package's own texts: the text in %s is shown, "
                        "this one is skipped", p->language, db_table(target)->file);
            return false;
        }
        if (!*row->v[4])
            return false;       /* an empty translation: the other texts are shown */
    }
    return true;
}

/* the links of a taken row in pass 2: a dangling one is dropped, or for a closure
 * the row is skipped (a closure for no service would close every service) */
static bool check_links(Pkg *p, Resource *res, const Header *h, Row *row)
{
    char b[80];
    const DbTable *t = db_table(res->table);
    for (int i = 0; i < res->n_links; i++) {
        const Link *l = &res->links[i];
        int c = db_table_column(res->table, l->field);
        if (c < 0 || !*row->v[c])
            continue;
        int tt = *l->resource ? db_table_find(l->resource) : res->table;
        if (tt < 0)
            continue;           /* a resource the kiosk does not keep */
        int target = p->of_table[tt];
        if (target >= 0 && idset_taken(&p->res[target].ids, row->v[c]))
            continue;
        const char *file = target >= 0 ? p->res[target].path : db_table(tt)->file;
        if (strcmp(t->name, "closure") == 0) {
            report(p->r, HSDS_WARNING, res->path, row->line, h->csv_of[c],
                   "%s \"%s\" is not in %s; the closure is skipped", l->field,
                   shown(row->v[c], b, sizeof b), file);
            return false;
        }
        report(p->r, HSDS_WARNING, res->path, row->line, h->csv_of[c],
               "%s \"%s\" is not in %s; the link is dropped", l->field,
               shown(row->v[c], b, sizeof b), file);
        row->v[c] = "";
    }
    if (strcmp(t->name, "attribute") == 0) {
        const char *entity = val(res, row, "link_entity"), *id = val(res, row, "link_id");
        int tt = db_table_find(entity);
        if (tt < 0)
            report(p->r, HSDS_WARNING, res->path, row->line, col_of(res, h, "link_entity"),
                   "link_entity \"%s\" is not a table of the kiosk; the attribute links nothing",
                   shown(entity, b, sizeof b));
        else if (*id && (p->of_table[tt] < 0 || !idset_taken(&p->res[p->of_table[tt]].ids, id)))
            report(p->r, HSDS_WARNING, res->path, row->line, col_of(res, h, "link_id"),
                   "link_id \"%s\" is not in %s", shown(id, b, sizeof b), db_table(tt)->file);
    }
    if (strcmp(t->name, "translation") == 0) {
        int tt = db_table_find(row->v[0]);
        int target = p->of_table[tt];
        if (target < 0 || !idset_taken(&p->res[target].ids, row->v[1])) {
            report(p->r, HSDS_WARNING, res->path, row->line, h->csv_of[1],
                   "record_id \"%s\" is not in %s; the translation is skipped",
                   shown(row->v[1], b, sizeof b), target >= 0 ? p->res[target].path : db_table(tt)->file);
            return false;
        }
    }
    return true;
}

/* the key of a translation: resource, record, field and language */
static void translation_key(const Row *row, char *out, size_t n)
{
    snprintf(out, n, "%s\x1f%s\x1f%s\x1f%s", row->v[0], row->v[1], row->v[2], row->v[3]);
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
    for (int i = h->n; i < n; i++)
        if (*csv_field(cr, i)) {
            ROW_PROBLEM(p, HSDS_WARNING, res->path, row.line, i + 1,
                        "the row has %d fields, the header %d; the extra ones are ignored", n, h->n);
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
            if (h->field[h->csv_of[kc] - 1] < 0 || !res->fields[h->field[h->csv_of[kc] - 1]].required)
                ROW_PROBLEM(p, HSDS_WARNING, res->path, row.line, h->csv_of[kc],
                            "%s is empty; the row is skipped", t->key);
            return;
        }
        if (p->pass == 1) {
            int first = idset_add(&res->ids, key, row.line);
            if (first != 0) {
                report(p->r, HSDS_WARNING, res->path, row.line, h->csv_of[kc],
                       "duplicate %s \"%s\" (first on line %d); this row is skipped", t->key,
                       shown(key, b, sizeof b), abs(first));
                return;
            }
        } else if (idset_find(&res->ids, key) != row.line) {
            return;             /* the duplicate that pass 1 reported */
        }
    }
    if (!check_row(p, res, h, &row)) {
        if (p->pass == 1 && t->key)
            idset_reject(&res->ids, row.v[db_table_column(res->table, t->key)]);
        return;
    }
    if (strcmp(t->name, "translation") == 0) {
        char key[CSV_MAX_FIELD];
        translation_key(&row, key, sizeof key);
        if (p->pass == 1) {
            int first = idset_add(&p->translations, key, row.line);
            if (first != 0) {
                report(p->r, HSDS_WARNING, res->path, row.line, h->csv_of[3],
                       "a second %s translation of %s %s of %s \"%s\" (first on line %d); this "
                       "row is skipped", row.v[3], row.v[0], row.v[2], row.v[0],
                       shown(row.v[1], b, sizeof b), first);
                return;
            }
        } else if (idset_find(&p->translations, key) != row.line) {
            return;
        }
    }
    if (p->pass == 1)
        return;
    if (!check_links(p, res, h, &row))
        return;
    res->taken++;
    p->r->n_records++;
    if (p->db && !p->db_failed && db_insert(p->db, res->table, row.v) < 0) {
        report(p->r, HSDS_ERROR, res->path, row.line, 0, "cannot be written to the database: %s",
               db_error(p->db));
        p->db_failed = true;
    }
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
            report(p->r, HSDS_WARNING, res->path, 0, 0, "missing: %s is left empty", res->name);
        else
            report(p->r, HSDS_ERROR, res->path, 0, 0, "%s", err);
        return;
    }
    Header *h = malloc(sizeof *h);
    if (!h) {
        report(p->r, HSDS_ERROR, res->path, 0, 0, "out of memory");
        res->unusable = true;
        csv_close(cr);
        return;
    }
    res->rows = 0;
    CsvStatus st = csv_next(cr);
    if (st == CSV_END) {
        report(p->r, HSDS_WARNING, res->path, 0, 0, "empty: not even a header row");
        res->unusable = true;
    } else if (st != CSV_OK) {
        report(p->r, HSDS_ERROR, res->path, csv_error_line(cr), csv_error_column(cr), "%s",
               csv_error_message(cr));
        res->unusable = true;
    } else if (!read_header(p, res, cr, h)) {
        res->unusable = true;
    } else {
        while ((st = csv_next(cr)) != CSV_END) {
            if (st == CSV_OK) {
                read_row(p, res, h, cr);
                continue;
            }
            if (p->pass == 2)
                continue;
            if (++res->csv_errors <= CSV_ERRORS_SHOWN)
                report(p->r, HSDS_ERROR, res->path, csv_error_line(cr), csv_error_column(cr), "%s",
                       csv_error_message(cr));
            else
                p->r->n_errors++;
        }
        if (p->pass == 1 && res->csv_errors > CSV_ERRORS_SHOWN)
            report(p->r, HSDS_NOTE, res->path, 0, 0, "%d more broken rows are not listed",
                   res->csv_errors - CSV_ERRORS_SHOWN);
    }
    free(h);
    csv_close(cr);
}

/* ---- check and import ---- */

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
static void sort_problems(Pkg *p, int start)
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
    for (int i = 0; i < MAX_TABLES; i++)
        p.of_table[i] = -1;
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    p.today = (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
    int start = r->n_problems, errors = r->n_errors;
    bool created = false;

    if (read_descriptor(&p) == 0) {
        p.pass = 1;
        for (int i = 0; i < p.n_res; i++)
            read_resource(&p, &p.res[i]);
        for (int i = 0; i < p.n_res; i++)
            if (p.res[i].table < 0 && !p.res[i].unusable)
                report(r, HSDS_NOTE, p.res[i].path, 0, 0,
                       "%s is not used by the kiosk: %d row%s read and left out", p.res[i].name,
                       p.res[i].rows, p.res[i].rows == 1 ? "" : "s");
        if (db_path && r->n_errors == errors) {
            char err[300];
            p.db = db_create(db_path, err, sizeof err);
            if (!p.db)
                report(r, HSDS_ERROR, "", 0, 0, "%s", err);
            created = p.db != NULL;
            if (p.db && (db_begin(p.db) < 0 || store_package(&p) < 0)) {
                report(r, HSDS_ERROR, "", 0, 0, "%s: %s", db_path, db_error(p.db));
                p.db_failed = true;
            }
        }
        p.pass = 2;
        for (int i = 0; i < p.n_res; i++)
            read_resource(&p, &p.res[i]);
        int svc = p.of_table[db_table_find("service")];
        if (r->n_errors == errors && (svc < 0 || p.res[svc].taken == 0))
            report(r, HSDS_ERROR, svc >= 0 ? p.res[svc].path : "services.csv", 0, 0,
                   "no service: the kiosk shows the first service of the package");
        if (p.db && !p.db_failed && r->n_errors == errors && db_commit(p.db) < 0)
            report(r, HSDS_ERROR, "", 0, 0, "%s: %s", db_path, db_error(p.db));
    }
    sort_problems(&p, start);
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

/* ---- export ---- */

typedef struct Export {
    FILE *f;
    int rows;
} Export;

/* writes one row of a table to the export's CSV; 1 on a write error */
static int export_row(void *ctx, const char *const *values, int n)
{
    Export *e = ctx;
    e->rows++;
    return csv_write_record(e->f, values, n) == 0 ? 0 : 1;
}

/* the field definition called name in a stored schema's fields, or NULL */
static const cJSON *stored_field(const cJSON *schema, const char *name)
{
    const cJSON *f;
    cJSON_ArrayForEach(f, cJSON_GetObjectItemCaseSensitive(schema, "fields")) {
        const char *n = json_str(f, "name");
        if (n && strcmp(n, name) == 0)
            return f;
    }
    return NULL;
}

/* the resource of table t for the exported descriptor: the imported package's own
 * definition where it had one, its fields in the order of the CSV written, and
 * plain text fields for columns it did not describe */
static cJSON *export_resource(const cJSON *old_resources, int t)
{
    const DbTable *tab = db_table(t);
    const cJSON *old = NULL, *it;
    cJSON_ArrayForEach(it, old_resources) {
        const char *n = json_str(it, "name");
        if (n && strcmp(n, tab->name) == 0)
            old = it;
    }
    cJSON *res = old ? cJSON_Duplicate(old, true) : cJSON_CreateObject();
    if (!res)
        return NULL;
    const cJSON *old_schema = old ? cJSON_GetObjectItemCaseSensitive(old, "schema") : NULL;
    cJSON_DeleteItemFromObjectCaseSensitive(res, "name");
    cJSON_DeleteItemFromObjectCaseSensitive(res, "path");
    cJSON_DeleteItemFromObjectCaseSensitive(res, "schema");
    cJSON_DeleteItemFromObjectCaseSensitive(res, "encoding");
    cJSON *schema = cJSON_CreateObject(), *fields = cJSON_CreateArray(), *fks = cJSON_CreateArray();
    cJSON_AddItemToObject(res, "name", cJSON_CreateString(tab->name));
    cJSON_AddItemToObject(res, "path", cJSON_CreateString(tab->file));
    cJSON_AddItemToObject(res, "encoding", cJSON_CreateString("utf-8"));
    cJSON_AddItemToObject(res, "schema", schema);
    cJSON_AddItemToObject(schema, "fields", fields);
    for (int c = 0; tab->columns[c]; c++) {
        const cJSON *f = stored_field(old_schema, tab->columns[c]);
        cJSON *nf = f ? cJSON_Duplicate(f, true) : cJSON_CreateObject();
        if (nf && !f) {
            cJSON_AddStringToObject(nf, "name", tab->columns[c]);
            cJSON_AddStringToObject(nf, "type", "string");
        }
        cJSON_AddItemToArray(fields, nf);
    }
    if (tab->key)
        cJSON_AddStringToObject(schema, "primaryKey", tab->key);
    else if (t == db_table_find("translation"))
        cJSON_AddItemToObject(schema, "primaryKey",
                              cJSON_CreateStringArray(tab->columns, 4));
    /* links whose column and target the database keeps */
    cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(old_schema, "foreignKeys")) {
        const char *field = single_field(cJSON_GetObjectItemCaseSensitive(it, "fields"));
        const char *target = json_str(cJSON_GetObjectItemCaseSensitive(it, "reference"), "resource");
        if (field && target && db_table_column(t, field) >= 0 &&
            (!*target || db_table_find(target) >= 0))
            cJSON_AddItemToArray(fks, cJSON_Duplicate(it, true));
    }
    if (cJSON_GetArraySize(fks) > 0)
        cJSON_AddItemToObject(schema, "foreignKeys", fks);
    else
        cJSON_Delete(fks);
    return res;
}

/* the datapackage.json of an export, from the one stored at import; NULL when out of memory */
static char *export_descriptor(Db *db)
{
    char *stored = db_package_get(db, "descriptor");
    cJSON *root = stored ? cJSON_Parse(stored) : NULL;
    free(stored);
    if (!cJSON_IsObject(root)) {
        cJSON_Delete(root);
        root = cJSON_CreateObject();
    }
    if (!root)
        return NULL;
    static const char *const keys[] = { "name", "version", "language" };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        char *v = db_package_get(db, keys[i]);
        cJSON_DeleteItemFromObjectCaseSensitive(root, keys[i]);
        if (v && *v)
            cJSON_AddStringToObject(root, keys[i], v);
        free(v);
    }
    cJSON *old = cJSON_DetachItemFromObjectCaseSensitive(root, "resources");
    cJSON *resources = cJSON_AddArrayToObject(root, "resources");
    for (int t = 0; resources && t < db_table_count(); t++)
        cJSON_AddItemToArray(resources, export_resource(old, t));
    cJSON_Delete(old);
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    return text;
}

/* writes text to dir/name; false with errno */
static bool write_text(const char *dir, const char *name, const char *text)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f)
        return false;
    bool ok = fputs(text, f) != EOF && fputc('\n', f) != EOF;
    int e = errno;
    if (fclose(f) != 0)
        ok = false;
    else
        errno = e;
    return ok;
}

/* writes the database at db_path as a package into dir; see hsds.h */
int hsds_export(const char *db_path, const char *dir, HsdsReport *r)
{
    HsdsReport own;
    memset(&own, 0, sizeof own);
    if (!r)
        r = &own;
    int errors = r->n_errors;
    char err[300], path[PATH_MAX];
    Db *db = db_open(db_path, err, sizeof err);
    if (!db) {
        report(r, HSDS_ERROR, "", 0, 0, "%s", err);
        goto done;
    }
    if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
        report(r, HSDS_ERROR, "", 0, 0, "%s: cannot create the folder: %s", dir, strerror(errno));
        goto done;
    }
    char *v;
    if ((v = db_package_get(db, "name")) != NULL)
        snprintf(r->product, sizeof r->product, "%s", v);
    free(v);
    if ((v = db_package_get(db, "version")) != NULL)
        snprintf(r->version, sizeof r->version, "%s", v);
    free(v);
    snprintf(r->language, sizeof r->language, "%s", db_base_language(db));
    for (int t = 0; t < db_table_count(); t++) {
        const DbTable *tab = db_table(t);
        snprintf(path, sizeof path, "%s/%s", dir, tab->file);
        Export e = { fopen(path, "wb"), 0 };
        if (!e.f) {
            report(r, HSDS_ERROR, tab->file, 0, 0, "cannot be written: %s", strerror(errno));
            continue;
        }
        int rc = csv_write_bom(e.f) == 0 && csv_write_record(e.f, tab->columns, db_table_columns(t)) == 0
                     ? db_each_row(db, t, export_row, &e)
                     : 1;
        int saved = errno;
        if (fclose(e.f) != 0 && rc == 0) {
            saved = errno;
            rc = 1;
        }
        if (rc == -1)
            report(r, HSDS_ERROR, tab->file, 0, 0, "cannot be read from the database: %s",
                   db_error(db));
        else if (rc != 0)
            report(r, HSDS_ERROR, tab->file, 0, 0, "cannot be written: %s", strerror(saved));
        else
            r->n_records += e.rows;
    }
    char *text = export_descriptor(db);
    if (!text)
        report(r, HSDS_ERROR, DESCRIPTOR, 0, 0, "out of memory");
    else if (!write_text(dir, DESCRIPTOR, text))
        report(r, HSDS_ERROR, DESCRIPTOR, 0, 0, "cannot be written: %s", strerror(errno));
    free(text);
done:
    db_close(db);
    int rc = r->n_errors > errors ? -1 : 0;
    if (r == &own)
        hsds_report_free(&own);
    return rc;
}
