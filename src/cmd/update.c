/* update.c - `kiosk update`, `kiosk export` and `kiosk rollback`: the USB update path
 * from a shell, for IT, for staff with a laptop, and for tests. They call the same
 * functions as the kiosk's screens (update.h, store.h) and share one option parser. */
#include "cmd/cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/store.h"
#include "core/update.h"

typedef struct CmdArgs {
    const char *dir, *data_dir, *keys, *default_data;
    Lang lang;
} CmdArgs;

/* reads "[DIR] --data-dir X --trusted-keys X --default-data X --lang X"; -1 on a bad one */
static int parse_args(int argc, char **argv, CmdArgs *a)
{
    memset(a, 0, sizeof *a);
    a->lang = LANG_EN;
    for (int i = 1; i < argc; i++) {
        const char *o = argv[i];
        const char **dst = !strcmp(o, "--data-dir") ? &a->data_dir
                           : !strcmp(o, "--trusted-keys") ? &a->keys
                           : !strcmp(o, "--default-data") ? &a->default_data : NULL;
        if (dst || !strcmp(o, "--lang")) {
            if (i + 1 >= argc) {
                fprintf(stderr, "%s: %s needs a value\n", argv[0], o);
                return -1;
            }
            if (dst) {
                *dst = argv[++i];
            } else if ((a->lang = i18n_from_code(argv[++i])) == LANG_COUNT) {
                fprintf(stderr, "%s: unknown language %s\n", argv[0], argv[i]);
                return -1;
            }
        } else if (o[0] == '-' || a->dir) {
            fprintf(stderr, "%s: unexpected argument %s\n", argv[0], o);
            return -1;
        } else {
            a->dir = o;
        }
    }
    return 0;
}

/* update DIR: stage, verify, apply; unsigned packages are refused here (no keypad) */
int cmd_update(int argc, char **argv)
{
    CmdArgs a;
    if (parse_args(argc, argv, &a) || !a.dir || !a.data_dir || !a.keys) {
        fprintf(stderr, "usage: kiosk update DIR --data-dir STATE --trusted-keys KEYS "
                        "[--default-data PKG] [--lang el|en]\n");
        return 2;
    }
    if (a.default_data) {
        Db *db = NULL;
        char why[1024] = "";
        int rc = store_open_live(a.data_dir, a.default_data, &db, why, sizeof why);
        db_close(db);
        if (rc < 0) {
            fprintf(stderr, "update: %s\n", why);
            return 1;
        }
        if (rc > 0)
            fprintf(stderr, "update: %s\n", why);
    }
    Update *u = update_create();
    if (!u) {
        fprintf(stderr, "update: out of memory\n");
        return 1;
    }
    update_begin(u, a.dir, a.data_dir, a.keys, false, a.lang);
    if (update_stage(u) == UPDATE_OK && update_verify(u) == UPDATE_OK)
        update_apply(u);
    char text[1024];
    bool applied = update_applied(u);
    update_finish(u, text, sizeof text);
    fprintf(applied ? stdout : stderr, "%s\n", text);
    update_destroy(u);
    return applied ? 0 : 1;
}

/* export DIR: the live content as an HSDS package on the stick */
int cmd_export(int argc, char **argv)
{
    CmdArgs a;
    if (parse_args(argc, argv, &a) || !a.dir || !a.data_dir || a.keys) {
        fprintf(stderr, "usage: kiosk export DIR --data-dir STATE [--lang el|en]\n");
        return 2;
    }
    char text[1024];
    UpdateStatus s = update_export(a.dir, a.data_dir, false, a.lang, text, sizeof text);
    fprintf(s == UPDATE_OK ? stdout : stderr, "%s\n", text);
    return s == UPDATE_OK ? 0 : 1;
}

/* rollback: the previous content becomes live, the live one previous */
int cmd_rollback(int argc, char **argv)
{
    CmdArgs a;
    if (parse_args(argc, argv, &a) || a.dir || !a.data_dir || a.keys) {
        fprintf(stderr, "usage: kiosk rollback --data-dir STATE\n");
        return 2;
    }
    char why[1024];
    if (store_rollback(a.data_dir, why, sizeof why) != 0) {
        fprintf(stderr, "rollback: %s\n", why);
        return 1;
    }
    printf("rollback: the previous content is live again\n");
    return 0;
}
