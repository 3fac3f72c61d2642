/* descriptor.c - datapackage.json: the product, version and language of a package,
 * its resources and their schemas (fields, constraints, foreign keys). */
#include "core/hsds/hsds_private.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/text.h"

#define DESCRIPTOR_MAX    (8L * 1024 * 1024)

/* true for "en", "el", "en-GB", "zh-Hant": letters, a dash and letters or digits */
bool hsds_language_ok(const char *s)
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
const char *hsds_json_str(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* a field name given as "name" or ["name"]; NULL for composite keys */
const char *hsds_json_field(const cJSON *v)
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
        const char *name = hsds_json_str(f, "name");
        if (!name) {
            hsds_problem_add(p->r, HSDS_WARNING, DESCRIPTOR, 0, 0,
                             "resource %s: a field without a name is ignored", res->name);
            continue;
        }
        Field *d = &res->fields[res->n_fields++];
        d->name = name;
        d->type = hsds_json_str(f, "type");
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
        const char *field = hsds_json_field(cJSON_GetObjectItemCaseSensitive(fk, "fields"));
        const char *target = hsds_json_str(ref, "resource");
        if (!field || !target) {
            hsds_problem_add(p->r, HSDS_WARNING, DESCRIPTOR, 0, 0,
                             "resource %s: a foreign key the kiosk cannot read is ignored",
                             res->name);
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

/* the package's product name, version and language into p->r and p->language;
 * problems are reported, and only a malformed version or language is an error */
static void read_identity(Pkg *p)
{
    const char *name = hsds_json_str(p->json, "name"), *version = hsds_json_str(p->json, "version");
    const cJSON *lang = cJSON_GetObjectItemCaseSensitive(p->json, "language");
    if (name)
        snprintf(p->r->product, sizeof p->r->product, "%s", name);
    else
        hsds_problem_add(p->r, HSDS_WARNING, DESCRIPTOR, 0, 0,
                         "no \"name\": the package has no product name");
    if (!version)
        hsds_problem_add(p->r, HSDS_WARNING, DESCRIPTOR, 0, 0,
                         "no \"version\": an update cannot tell whether it is newer");
    else if (!hsds_version_valid(version) || strlen(version) >= sizeof p->r->version)
        hsds_problem_add(p->r, HSDS_ERROR, DESCRIPTOR, 0, 0,
                         "\"version\" \"%.40s\" must be numbers separated by dots, like 2023.2.24",
                         version);
    else
        snprintf(p->r->version, sizeof p->r->version, "%s", version);
    snprintf(p->language, sizeof p->language, "en");
    if (lang && (!cJSON_IsString(lang) || !hsds_language_ok(lang->valuestring)))
        hsds_problem_add(
            p->r, HSDS_ERROR, DESCRIPTOR, 0, 0,
            "\"language\" must be the code of the language of the texts, like \"el\" or \"en\"");
    else if (lang)
        snprintf(p->language, sizeof p->language, "%s", lang->valuestring);
    for (char *c = p->language; *c; c++)
        *c = (char)tolower((unsigned char)*c);
    snprintf(p->r->language, sizeof p->r->language, "%s", p->language);
}

/* the resources and their schemas; -1 when there are none or out of memory */
static int read_resources(Pkg *p)
{
    char path[PATH_MAX];
    const cJSON *resources = cJSON_GetObjectItemCaseSensitive(p->json, "resources");
    if (!cJSON_IsArray(resources)) {
        hsds_problem_add(p->r, HSDS_ERROR, DESCRIPTOR, 0, 0,
                         "no \"resources\" list: it names the CSV files");
        return -1;
    }
    p->res = calloc((size_t)cJSON_GetArraySize(resources) + 1, sizeof *p->res);
    if (!p->res)
        return -1;
    const cJSON *item;
    cJSON_ArrayForEach(item, resources) {
        const char *rname = hsds_json_str(item, "name"), *rpath = hsds_json_str(item, "path");
        if (!rname || !rpath) {
            hsds_problem_add(p->r, HSDS_WARNING, DESCRIPTOR, 0, 0,
                             "a resource without a \"name\" and a \"path\" is ignored");
            continue;
        }
        if (!path_ok(rpath)) {
            hsds_problem_add(p->r, HSDS_ERROR, DESCRIPTOR, 0, 0,
                             "resource %s: path \"%.60s\" must name a file in the package folder",
                             rname, rpath);
            continue;
        }
        bool dup = false;
        for (int i = 0; i < p->n_res && !dup; i++)
            dup = strcmp(p->res[i].name, rname) == 0;
        if (dup) {
            hsds_problem_add(p->r, HSDS_WARNING, DESCRIPTOR, 0, 0,
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
            hsds_problem_add(p->r, HSDS_WARNING, db_table(t)->file, 0, 0,
                             "not listed in datapackage.json, so not read: add a resource \"%s\"",
                             db_table(t)->name);
    }
    return 0;
}

/* reads datapackage.json: product, version, language, and the resources; -1 on an
 * error that makes the package unusable */
int hsds_descriptor_read(Pkg *p)
{
    char path[PATH_MAX];
    size_t len;
    snprintf(path, sizeof path, "%s/%s", p->dir, DESCRIPTOR);
    p->text = read_file(path, DESCRIPTOR_MAX, &len);
    if (!p->text) {
        if (errno == ENOENT)
            hsds_problem_add(
                p->r, HSDS_ERROR, DESCRIPTOR, 0, 0,
                "missing: a package is a folder with datapackage.json and its CSV files");
        else if (errno == EFBIG)
            hsds_problem_add(p->r, HSDS_ERROR, DESCRIPTOR, 0, 0, "larger than %ld MiB",
                             DESCRIPTOR_MAX / (1024 * 1024));
        else
            hsds_problem_add(p->r, HSDS_ERROR, DESCRIPTOR, 0, 0, "cannot be read: %s",
                             strerror(errno));
        return -1;
    }
    const char *text = p->text;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        len -= 3;
    }
    if (!text_utf8_valid(text, len)) {
        hsds_problem_add(p->r, HSDS_ERROR, DESCRIPTOR, 0, 0,
                         "not valid UTF-8 text (or it holds a NUL byte): save it as UTF-8");
        return -1;
    }
    const char *end = NULL;
    p->json = cJSON_ParseWithLengthOpts(text, len, &end, false);
    if (!p->json) {
        int line, col;
        text_position(text, end ? end : text, &line, &col);
        hsds_problem_add(p->r, HSDS_ERROR, DESCRIPTOR, line, col,
                         "not valid JSON here: %s",
                         end && !*end ? "the text ends too early (a } or ] missing?)"
                            : "a comma, quote or bracket is missing here or just before");
        return -1;
    }
    if (!cJSON_IsObject(p->json)) {
        hsds_problem_add(p->r, HSDS_ERROR, DESCRIPTOR, 1, 1, "must be a JSON object { ... }");
        return -1;
    }
    read_identity(p);
    return read_resources(p);
}
