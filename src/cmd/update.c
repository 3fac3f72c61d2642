/* update.c - `kiosk update`, `kiosk export` and `kiosk rollback`: the USB update path
 * from a shell, for IT, for staff with a laptop, and for tests. They call the same
 * functions as the kiosk's screens (update.h, store.h) and share one option parser. */
#include "cmd/cmd.h"

#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/config.h"
#include "core/hsds.h"

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

/* mkdir -p: 0, or -1 with errno */
static int mkdirs(const char *dir)
{
    char p[PATH_MAX];
    if (snprintf(p, sizeof p, "%s", dir) >= (int)sizeof p) {
        errno = ENAMETOOLONG;
        return -1;
    }
    for (char *s = p + 1; *s; s++)
        if (*s == '/') {
            *s = '\0';
            if (mkdir(p, 0755) != 0 && errno != EEXIST)
                return -1;
            *s = '/';
        }
    return mkdir(p, 0755) != 0 && errno != EEXIST ? -1 : 0;
}

/* the built-in package: --default-data, the installed one, or data/ of a build tree
 * (the folder above the binary) */
static const char *builtin_package(const CmdArgs *a, char *buf, size_t n)
{
    struct stat st;
    if (a->default_data)
        return a->default_data;
    Config cfg;
    config_defaults(&cfg);
    if (stat(cfg.default_data, &st) == 0)
        return snprintf(buf, n, "%s", cfg.default_data) < (int)n ? buf : NULL;
    char self[PATH_MAX];
    ssize_t len = readlink("/proc/self/exe", self, sizeof self - 1);
    if (len <= 0)
        return NULL;
    self[len] = '\0';
    snprintf(buf, n, "%s/../data", dirname(self));
    return stat(buf, &st) == 0 ? buf : NULL;
}

/* export DIR: the content the kiosk shows as an HSDS package on the stick: the live
 * content, or the built-in one when the data folder has none yet */
int cmd_export(int argc, char **argv)
{
    CmdArgs a;
    if (parse_args(argc, argv, &a) || !a.dir || !a.data_dir || a.keys) {
        fprintf(stderr, "usage: kiosk export DIR --data-dir STATE [--default-data PKG] "
                        "[--lang el|en]\n");
        return 2;
    }
    if (mkdirs(a.dir) != 0) {
        fprintf(stderr, "export: cannot create %s: %s\n", a.dir, strerror(errno));
        return 1;
    }
    char live[PATH_MAX], text[1024], pkg[PATH_MAX], tmp[] = "/tmp/kiosk-export-XXXXXX";
    const char *from = a.data_dir;
    bool built = false;
    if (store_path(a.data_dir, STORE_LIVE, live, sizeof live) == 0 && access(live, F_OK) != 0) {
        /* never started: what the kiosk would show is the built-in content */
        const char *p = builtin_package(&a, pkg, sizeof pkg);
        char db[sizeof tmp + 16];
        HsdsReport r;
        memset(&r, 0, sizeof r);
        if (!p || !mkdtemp(tmp) || snprintf(db, sizeof db, "%s/%s", tmp, STORE_LIVE) < 0 ||
            hsds_import(p, db, &r) != 0) {
            fprintf(stderr, "export: %s has no content yet, and the built-in content %s%s\n",
                    a.data_dir, p ? p : "", p ? " cannot be read" : "cannot be found");
            hsds_report_free(&r);
            if (tmp[sizeof tmp - 7] != 'X')
                store_remove_tree(tmp);
            return 1;
        }
        hsds_report_free(&r);
        from = tmp, built = true;
    }
    UpdateStatus s = update_export(a.dir, from, false, a.lang, text, sizeof text);
    if (built)
        store_remove_tree(tmp);
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
    printf("rollback: the previous content is live again%s%s\n", why[0] ? "; " : "", why);
    return 0;
}
