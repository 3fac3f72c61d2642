/* export.c - writes a database back as a package: every table of db/tables.c's list as a
 * CSV, and a datapackage.json built from the one stored at import. */
#include "core/hsds/hsds_private.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct Export {
    FILE *f;
    int rows;
    const unsigned char *text;  /* the text columns: quoted and marked (csv_write_row) */
} Export;

/* writes one row of a table to the export's CSV, every value quoted and the risky
 * texts marked so that spreadsheets keep them (csv.h); 1 on a write error */
static int export_row(void *ctx, const char *const *values, int n)
{
    Export *e = ctx;
    e->rows++;
    return csv_write_row(e->f, values, e->text, n) == 0 ? 0 : 1;
}

/* the field definition called name in a stored schema's fields, or NULL */
static const cJSON *stored_field(const cJSON *schema, const char *name)
{
    const cJSON *f;
    cJSON_ArrayForEach(f, cJSON_GetObjectItemCaseSensitive(schema, "fields")) {
        const char *n = hsds_json_str(f, "name");
        if (n && strcmp(n, name) == 0)
            return f;
    }
    return NULL;
}

/* the stored definition of table t's resource in the imported descriptor, or NULL */
static const cJSON *stored_resource(const cJSON *resources, int t)
{
    const cJSON *found = NULL, *it;
    cJSON_ArrayForEach(it, resources) {
        const char *n = hsds_json_str(it, "name");
        if (n && strcmp(n, db_table(t)->name) == 0)
            found = it;
    }
    return found;
}

/* which columns of table t are text (no type, or "string", in the stored schema):
 * those are the ones a spreadsheet must keep as text */
static void text_columns(const cJSON *resources, int t, unsigned char *text)
{
    const cJSON *res = stored_resource(resources, t);
    const cJSON *schema = res ? cJSON_GetObjectItemCaseSensitive(res, "schema") : NULL;
    for (int c = 0; c < db_table_columns(t); c++) {
        const cJSON *f = stored_field(schema, db_table(t)->columns[c]);
        const char *type = f ? hsds_json_str(f, "type") : NULL;
        text[c] = !type || strcmp(type, "string") == 0;
    }
}

/* the resource of table t for the exported descriptor: the imported package's own
 * definition where it had one, its fields in the order of the CSV written, and
 * plain text fields for columns it did not describe */
static cJSON *export_resource(const cJSON *old_resources, int t)
{
    const DbTable *tab = db_table(t);
    const cJSON *old = stored_resource(old_resources, t), *it;
    cJSON *res = old ? cJSON_Duplicate(old, true) : cJSON_CreateObject();
    if (!res)
        return NULL;
    const cJSON *old_schema = old ? cJSON_GetObjectItemCaseSensitive(old, "schema") : NULL;
    cJSON_DeleteItemFromObjectCaseSensitive(res, "name");
    cJSON_DeleteItemFromObjectCaseSensitive(res, "path");
    cJSON_DeleteItemFromObjectCaseSensitive(res, "schema");
    cJSON_DeleteItemFromObjectCaseSensitive(res, "encoding");
    cJSON_DeleteItemFromObjectCaseSensitive(res, "profile");
    cJSON *schema = cJSON_CreateObject(), *fields = cJSON_CreateArray(), *fks = cJSON_CreateArray();
    cJSON_AddItemToObject(res, "name", cJSON_CreateString(tab->name));
    cJSON_AddItemToObject(res, "path", cJSON_CreateString(tab->file));
    /* every resource is a table; the files start with the BOM that Excel needs, which
     * utf-8-sig declares (data/README.md) */
    cJSON_AddItemToObject(res, "profile", cJSON_CreateString("tabular-data-resource"));
    cJSON_AddItemToObject(res, "encoding", cJSON_CreateString("utf-8-sig"));
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
    else if (tab->unique) {
        int n = 0;
        while (tab->unique[n])
            n++;
        cJSON_AddItemToObject(schema, "primaryKey", cJSON_CreateStringArray(tab->unique, n));
    }
    /* links whose column and target the database keeps */
    cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(old_schema, "foreignKeys")) {
        const char *field = hsds_json_field(cJSON_GetObjectItemCaseSensitive(it, "fields"));
        const char *target =
            hsds_json_str(cJSON_GetObjectItemCaseSensitive(it, "reference"), "resource");
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
        hsds_problem_add(r, HSDS_ERROR, "", 0, 0, "%s", err);
        goto done;
    }
    if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
        hsds_problem_add(r, HSDS_ERROR, "", 0, 0, "%s: cannot create the folder: %s", dir,
                         strerror(errno));
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
    char *stored = db_package_get(db, "descriptor");
    cJSON *root = stored ? cJSON_Parse(stored) : NULL;
    free(stored);
    const cJSON *resources = cJSON_GetObjectItemCaseSensitive(root, "resources");
    for (int t = 0; t < db_table_count(); t++) {
        const DbTable *tab = db_table(t);
        unsigned char text[DB_MAX_COLUMNS];
        text_columns(resources, t, text);
        snprintf(path, sizeof path, "%s/%s", dir, tab->file);
        Export e = { fopen(path, "wb"), 0, text };
        if (!e.f) {
            hsds_problem_add(r, HSDS_ERROR, tab->file, 0, 0, "cannot be written: %s",
                             strerror(errno));
            continue;
        }
        int rc =
            csv_write_bom(e.f) == 0 && csv_write_record(e.f, tab->columns, db_table_columns(t)) == 0
                ? db_each_row(db, t, export_row, &e)
                : 1;
        int saved = errno;
        if (fclose(e.f) != 0 && rc == 0) {
            saved = errno;
            rc = 1;
        }
        if (rc == -1)
            hsds_problem_add(r, HSDS_ERROR, tab->file, 0, 0, "cannot be read from the database: %s",
                             db_error(db));
        else if (rc != 0)
            hsds_problem_add(r, HSDS_ERROR, tab->file, 0, 0, "cannot be written: %s",
                             strerror(saved));
        else
            r->n_records += e.rows;
    }
    cJSON_Delete(root);
    char *text = export_descriptor(db);
    if (!text)
        hsds_problem_add(r, HSDS_ERROR, DESCRIPTOR, 0, 0, "out of memory");
    else if (!write_text(dir, DESCRIPTOR, text))
        hsds_problem_add(r, HSDS_ERROR, DESCRIPTOR, 0, 0, "cannot be written: %s", strerror(errno));
    free(text);
done:
    db_close(db);
    int rc = r->n_errors > errors ? -1 : 0;
    if (r == &own)
        hsds_report_free(&own);
    return rc;
}
