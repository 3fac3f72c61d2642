/* cmd_search.c - `kiosk search QUERY`: the services the kiosk's directory search finds,
 * best first, one a line as "ID<TAB>name", so staff can try the synonyms and spellings
 * of their content before they send it. The same function as the screens' search. */
#include "cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/directory.h"
#include "core/hsds.h"

#define PAGE 64

static const char usage[] = "usage: kiosk search QUERY [--package DIR | --db FILE] [--lang CODE]\n";

/* search QUERY [--package DIR | --db FILE] [--lang CODE] (default: the package data/) */
int cmd_search(int argc, char **argv)
{
    const char *query = NULL, *package = NULL, *db_path = NULL, *code = NULL;
    for (int i = 1; i < argc; i++) {
        const char **dst = !strcmp(argv[i], "--package") ? &package
                           : !strcmp(argv[i], "--db") ? &db_path
                           : !strcmp(argv[i], "--lang") ? &code : NULL;
        if (dst && i + 1 < argc)
            *dst = argv[++i];
        else if (!dst && !query)
            query = argv[i];
        else {
            fputs(usage, stderr);
            return 2;
        }
    }
    Lang lang = code ? i18n_from_code(code) : LANG_DEFAULT;
    if (!query || (package && db_path) || lang == LANG_COUNT) {
        if (lang == LANG_COUNT)
            fprintf(stderr, "kiosk search: unknown language %s\n", code);
        fputs(usage, stderr);
        return 2;
    }
    char tmp[] = "/tmp/kiosk-search-XXXXXX", err[512];
    if (!db_path) {
        int fd = mkstemp(tmp);
        if (fd < 0) {
            perror("kiosk search: mkstemp");
            return 1;
        }
        close(fd);
        remove(tmp);
        HsdsReport r;
        memset(&r, 0, sizeof r);
        int rc = hsds_import(package ? package : "data", tmp, &r);
        if (rc != 0)
            hsds_report_print(&r, package ? package : "data", stderr);
        hsds_report_free(&r);
        if (rc != 0)
            return 1;
    }
    Db *db = db_open(db_path ? db_path : tmp, err, sizeof err);
    if (!db_path)
        remove(tmp);
    if (!db) {
        fprintf(stderr, "kiosk search: %s\n", err);
        return 1;
    }
    DirRow *rows = malloc(PAGE * sizeof *rows);
    DirQuery q = { .words = query, .now = time(NULL) };
    int n = 0, offset = 0;
    while (rows && (n = db_directory_search(db, &q, lang, offset, PAGE, rows, NULL)) > 0) {
        for (int i = 0; i < n; i++)
            printf("%s\t%s\n", rows[i].id, rows[i].name);
        offset += n;
        if (n < PAGE)
            break;
    }
    if (n < 0)
        fprintf(stderr, "kiosk search: %s\n", db_error(db));
    free(rows);
    db_close(db);
    return n < 0 || !rows ? 1 : 0;
}
