/* store_source.c - where the content shown comes from: a database file (--db), a
 * package folder imported into a temporary database (--package), the live data folder
 * (store_open_live), or the built-in content: data.db, made from data/ by the importer
 * at build time, else data/ imported afresh. The kiosk and its commands ask here for
 * an open Db; none of them builds a database itself. */
#include "core/store.h"

#include <errno.h>
#include <glob.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/share.h"

/* a database built from the package in dir, in a file removed as soon as it is open */
Db *store_open_package(const char *dir, FILE *problems, char *why, size_t n)
{
    char path[] = "/tmp/kiosk-content-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) {
        snprintf(why, n, "cannot make a temporary file: %s", strerror(errno));
        return NULL;
    }
    close(fd);
    unlink(path);   /* hsds_import wants to create it */
    HsdsReport rep;
    memset(&rep, 0, sizeof rep);
    Db *db = NULL;
    if (hsds_import(dir, path, &rep) != 0) {
        if (problems)
            hsds_report_print(&rep, dir, problems);
        snprintf(why, n, "the package %s cannot be used", dir);
    } else {
        db = db_open(path, why, n);
        unlink(path);
    }
    hsds_report_free(&rep);
    return db;
}

/* the built-in package: the configured folder, or data/ in the share folder (a build
 * tree) when that does not exist */
const char *store_builtin_package(const char *configured, const char *share_dir, char *buf,
                                  size_t n)
{
    struct stat st;
    if (configured && stat(configured, &st) == 0)
        return configured;
    char share[PATH_MAX];
    share_find_dir(share_dir, share, sizeof share);
    /* a share path too long for buf: the configured one, which reports itself missing */
    return snprintf(buf, n, "%s/data", share) < (int)n ? buf : configured;
}

/* data.db of a build tree (build/data.db) or an installed kiosk (data.db), when it is
 * newer than every file of the package pkg; NULL otherwise */
static Db *open_prebuilt(const char *pkg, const char *share_dir)
{
    static const char *const places[] = { "%s/build/data.db", "%s/data.db" };
    char share[PATH_MAX], path[PATH_MAX + 16], pattern[PATH_MAX + 8];
    struct stat db_st, f_st;
    share_find_dir(share_dir, share, sizeof share);
    for (size_t i = 0; i < sizeof places / sizeof places[0]; i++) {
        snprintf(path, sizeof path, places[i], share);
        if (stat(path, &db_st) != 0)
            continue;
        glob_t g;
        snprintf(pattern, sizeof pattern, "%s/*", pkg);
        bool fresh = glob(pattern, 0, NULL, &g) == 0;
        for (size_t k = 0; fresh && k < g.gl_pathc; k++)
            fresh = stat(g.gl_pathv[k], &f_st) == 0 && f_st.st_mtime <= db_st.st_mtime;
        globfree(&g);
        if (fresh)
            return db_open(path, NULL, 0);
    }
    return NULL;
}

/* the source's database: --db, --package, the built-in content, or the live one */
int store_open_source(const StoreSource *s, Db **out, bool *live, char *why, size_t n)
{
    *live = false;
    why[0] = '\0';
    if (s->db_path)
        return (*out = db_open(s->db_path, why, n)) ? 0 : -1;
    if (s->package)
        return (*out = store_open_package(s->package, s->problems, why, n)) ? 0 : -1;
    char buf[PATH_MAX];
    const char *pkg = store_builtin_package(s->default_pkg, s->share_dir, buf, sizeof buf);
    if (!s->data_dir) {
        if ((*out = open_prebuilt(pkg, s->share_dir)))
            return 0;
        return (*out = store_open_package(pkg, s->problems, why, n)) ? 0 : -1;
    }
    if (mkdir(s->data_dir, 0755) != 0 && errno != EEXIST) {
        char note[512];
        snprintf(note, sizeof note, "cannot create %s (%s): showing the built-in content",
                 s->data_dir, strerror(errno));
        if (!(*out = store_open_package(pkg, s->problems, why, n)))
            return -1;
        snprintf(why, n, "%s", note);
        return 1;
    }
    *live = true;
    return store_open_live(s->data_dir, pkg, out, why, n);
}
