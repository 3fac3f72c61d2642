/* search.c - `kiosk search QUERY`: the services the kiosk's directory search finds,
 * best first, one a line as "ID<TAB>name", so staff can try the synonyms and spellings
 * of their content before they send it. The same function as the screens' search. */
#include "cmd/cmd.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/directory.h"
#include "core/store.h"

#define PAGE 64

/* search QUERY [--package DIR | --db FILE] [--lang CODE] (default: the package data/) */
int cmd_search(int argc, char **argv)
{
    const char *query = NULL, *code = NULL;
    StoreSource src = { .package = "data", .problems = stderr };
    bool package = false;
    for (int i = 1; i < argc; i++) {
        const char **dst = !strcmp(argv[i], "--package") ? &src.package
                           : !strcmp(argv[i], "--db") ? &src.db_path
                           : !strcmp(argv[i], "--lang") ? &code : NULL;
        package |= dst == &src.package;
        if (dst && i + 1 < argc)
            *dst = argv[++i];
        else if (!dst && !query)
            query = argv[i];
        else {
            cmd_usage(stderr);
            return 2;
        }
    }
    Lang lang = code ? i18n_from_code(code) : LANG_DEFAULT;
    if (!query || (package && src.db_path) || lang == LANG_COUNT) {
        if (lang == LANG_COUNT)
            fprintf(stderr, "kiosk search: unknown language %s\n", code);
        cmd_usage(stderr);
        return 2;
    }
    char why[512];
    bool live;
    Db *db = NULL;
    if (store_open_source(&src, &db, &live, why, sizeof why) < 0) {
        fprintf(stderr, "kiosk search: %s\n", why);
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
