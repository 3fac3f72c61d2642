/* store.c - the database files in data_dir. Start reading at store_open_live (the
 * start-up path) and store_install (the update path). Every replacement is
 * "write a new file, fsync it, exchange it with the old one, fsync the folder"; the
 * previous live file keeps a name of its own throughout (content.db.new, then
 * content.db.prev), so at every instant content.db is a complete database, and a
 * step that fails is undone before anything is reported. Which package a file came from is in the file itself (db_package_get). */
#include "core/store.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/qr.h"
#include "core/text.h"

/* writes a formatted message to why (which may be NULL) */
static void say(char *why, size_t n, const char *fmt, ...)
{
    if (!why || !n)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, n, fmt, ap);
    va_end(ap);
}

/* data_dir/name into out; -1 when it does not fit */
int store_path(const char *data_dir, const char *name, char *out, size_t n)
{
    int len = snprintf(out, n, "%s/%s", data_dir, name);
    return len < 0 || (size_t)len >= n ? -1 : 0;
}

/* fsyncs a file or a folder; -1 with errno on failure */
int store_sync(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    int e = errno;
    close(fd);
    errno = e;
    return rc;
}

/* removes everything inside the open folder dfd, recursively, following no links */
static int remove_inside(int dfd)
{
    DIR *d = fdopendir(dfd);
    if (!d) {
        close(dfd);
        return -1;
    }
    int rc = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        if (unlinkat(dirfd(d), e->d_name, 0) == 0)
            continue;
        if (errno != EISDIR && errno != EPERM) {
            rc = -1;
            continue;
        }
        int sub = openat(dirfd(d), e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (sub < 0 || remove_inside(sub) != 0 || unlinkat(dirfd(d), e->d_name, AT_REMOVEDIR) != 0)
            rc = -1;
    }
    closedir(d);
    return rc;
}

/* removes a folder tree without following symbolic links; 0 when it is gone */
int store_remove_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return errno == ENOENT ? 0 : -1;
    if (!S_ISDIR(st.st_mode))
        return unlink(path);
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0 || remove_inside(fd) != 0)
        return -1;
    return rmdir(path);
}

/* ---- checks ---- */

/* big-endian integer of n bytes */
static uint32_t be(const unsigned char *p, int n)
{
    uint32_t v = 0;
    for (int i = 0; i < n; i++)
        v = v << 8 | p[i];
    return v;
}

/* the SQLite file header: magic, page size, and a length that matches the page
 * count (a torn or truncated copy fails here before SQLite reads it) */
static int check_header(const char *path, char *why, size_t n)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        say(why, n, "%s: %s", path, strerror(errno));
        return -1;
    }
    unsigned char h[100];
    struct stat st;
    ssize_t got = read(fd, h, sizeof h);
    int ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    close(fd);
    if (!ok || got != (ssize_t)sizeof h || memcmp(h, "SQLite format 3", 16) != 0) {
        say(why, n, "%s: not an SQLite database", path);
        return -1;
    }
    uint32_t page = be(h + 16, 2);
    if (page == 1)
        page = 65536;
    if (page < 512 || (page & (page - 1)) || st.st_size % page) {
        say(why, n, "%s: damaged (length %lld is not a whole number of pages)", path,
            (long long)st.st_size);
        return -1;
    }
    uint32_t pages = be(h + 28, 4);
    if (pages && be(h + 24, 4) == be(h + 92, 4) && (off_t)pages * page != st.st_size) {
        say(why, n, "%s: damaged (%u pages in the header, %lld bytes on disk)", path,
            pages, (long long)st.st_size);
        return -1;
    }
    return 0;
}

/* a visitor text that must be there: non-empty, valid UTF-8 */
static int check_text(const char *s, const char *what, Lang lang, char *why, size_t n)
{
    if (!s || !s[0]) {
        say(why, n, "the %s is missing in %s", what, i18n_name(lang));
        return -1;
    }
    if (!text_utf8_valid(s, strlen(s))) {
        say(why, n, "the %s in %s is not valid UTF-8", what, i18n_name(lang));
        return -1;
    }
    return 0;
}

/* an optional text: valid UTF-8 when present */
static int check_optional(const char *s, const char *what, Lang lang, char *why, size_t n)
{
    if (s && s[0] && !text_utf8_valid(s, strlen(s))) {
        say(why, n, "the %s in %s is not valid UTF-8", what, i18n_name(lang));
        return -1;
    }
    return 0;
}

/* a payload that must encode as a QR code */
static int check_qr(int len, const char *payload, const char *what, char *why, size_t n)
{
    if (len < 0) {
        say(why, n, "the %s cannot be made into a QR code", what);
        return -1;
    }
    QrMatrix *m = qr_encode(payload);
    if (!m) {
        say(why, n, "the %s QR code cannot be encoded", what);
        return -1;
    }
    qr_free(m);
    return 0;
}

/* every QR code the contact and location screens show */
static int check_codes(const Content *c, char *why, size_t n)
{
    char buf[4096];
    if (c->phone[0] && check_qr(qr_payload_tel(c->phone, buf, sizeof buf), buf, "phone", why, n))
        return -1;
    if (c->email[0] &&
        check_qr(qr_payload_mailto(c->email, buf, sizeof buf), buf, "email", why, n))
        return -1;
    if (c->website[0] &&
        check_qr(qr_payload_url(c->website, buf, sizeof buf), buf, "website", why, n))
        return -1;
    QrContact qc = { c->org_name, c->org_short, c->phone, c->email, c->website,
                     c->address, c->city, c->postal_code, c->country };
    if (check_qr(qr_payload_vcard(&qc, buf, sizeof buf), buf, "contact card", why, n))
        return -1;
    int len = qr_payload_directions(c->address, c->city, c->country, c->has_coords,
                                    c->latitude, c->longitude, buf, sizeof buf);
    return check_qr(len, buf, "directions", why, n);
}

/* the texts of one language */
static int check_content(const Content *c, Lang lang, char *why, size_t n)
{
    struct { const char *s, *what; bool required; } t[] = {
        { c->org_name, "organisation name", true },
        { c->org_description, "about text", true },
        { c->service_name, "service name", true },
        { c->address, "address", true },
        { c->org_short, "short name", false },
        { c->parent_name, "parent body", false },
        { c->department, "department", false },
        { c->service_description, "service description", false },
        { c->application_process, "how to take part", false },
        { c->city, "city", false },
        { c->community, "municipal community", false },
        { c->funding, "funding text", false },
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if ((t[i].required ? check_text : check_optional)(t[i].s, t[i].what, lang, why, n))
            return -1;
    for (int i = 0; i < c->n_programs; i++)
        if (check_text(c->programs[i].name, "committee name", lang, why, n) ||
            check_optional(c->programs[i].description, "committee description", lang, why, n))
            return -1;
    for (int i = 0; i < c->n_languages; i++)
        if (check_text(c->languages[i], "language name", lang, why, n))
            return -1;
    return 0;
}

/* header, schema, content in every language, hours, QR codes; 0 or -1 with why */
int store_validate(const char *db_path, char *why, size_t n)
{
    if (check_header(db_path, why, n))
        return -1;
    char err[256] = "";
    Db *db = db_open(db_path, err, sizeof err);
    if (!db) {
        say(why, n, "%s: %s", db_path, err);
        return -1;
    }
    int rc = 0;
    for (int l = 0; l < LANG_COUNT && rc == 0; l++) {
        Content c;
        memset(&c, 0, sizeof c);
        if (db_load_content(db, (Lang)l, &c) != 0) {
            say(why, n, "%s: %s", db_path, db_error(db));
            rc = -1;
        } else if (check_content(&c, (Lang)l, why, n) || (l == 0 && check_codes(&c, why, n))) {
            rc = -1;
        }
        content_free(&c);
    }
    if (rc == 0) {
        HoursTable *h = calloc(1, sizeof *h);
        if (!h || db_load_hours(db, h) != 0) {
            say(why, n, "%s: opening hours: %s", db_path, h ? db_error(db) : "out of memory");
            rc = -1;
        }
        free(h);
    }
    db_close(db);
    return rc;
}

/* ---- package records ---- */

/* product and version of the package the database was built from (the importer
 * keeps them in the database's package table) */
int store_package_of(const char *db_path, char *product, size_t pn, char *version, size_t vn)
{
    Db *db = db_open(db_path, NULL, 0);
    if (!db)
        return -1;
    char *name = db_package_get(db, "name"), *ver = db_package_get(db, "version");
    int rc = name && ver ? 0 : -1;
    snprintf(product, pn, "%s", name ? name : "");
    snprintf(version, vn, "%s", ver ? ver : "");
    free(name);
    free(ver);
    db_close(db);
    return rc;
}

/* ---- replacing files ---- */

/* copies src to dst (created), fsynced; -1 with errno on failure, no dst left */
static int copy_file(const char *src, const char *dst)
{
    int in = open(src, O_RDONLY | O_CLOEXEC), out = -1;
    if (in < 0)
        return -1;
    out = open(dst, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    int rc = out < 0 ? -1 : 0;
    char buf[65536];
    ssize_t r;
    while (rc == 0 && (r = read(in, buf, sizeof buf)) != 0) {
        if (r < 0 || write(out, buf, (size_t)r) != r)
            rc = -1;
    }
    if (rc == 0 && fsync(out) != 0)
        rc = -1;
    int e = errno;
    close(in);
    if (out >= 0 && close(out) != 0 && rc == 0)
        rc = -1, e = errno;
    if (rc != 0 && out >= 0)
        unlink(dst);
    errno = e;
    return rc;
}

/* makes to a second name of from (hard link, or a copy), replacing to atomically */
static int keep_copy(const char *data_dir, const char *from, const char *to)
{
    char tmp[PATH_MAX];
    if (store_path(data_dir, "content.db.keep", tmp, sizeof tmp))
        return -1;
    unlink(tmp);
    if (link(from, tmp) != 0 && copy_file(from, tmp) != 0)
        return -1;
    if (rename(tmp, to) != 0) {
        int e = errno;
        unlink(tmp);
        errno = e;
        return -1;
    }
    return 0;
}

/* builds content.db.new from pkg_dir, validates and records it */
int store_build(const char *data_dir, const char *pkg_dir, HsdsReport *r, char *why, size_t n)
{
    char path[PATH_MAX];
    HsdsReport own;
    memset(&own, 0, sizeof own);
    if (!r)
        r = &own;
    if (store_path(data_dir, STORE_NEW, path, sizeof path)) {
        say(why, n, "data folder path too long");
        return -1;
    }
    unlink(path);
    int rc = 0, e = 0;
    if (hsds_import(pkg_dir, path, r) != 0) {
        e = r->storage_errno;
        if (e)
            say(why, n, "the new database cannot be written: %s", strerror(e));
        else
            say(why, n, "the package cannot be imported (%d errors)", r->n_errors);
        rc = -1;
    } else if (store_validate(path, why, n) != 0) {
        rc = -1;
    } else if (store_sync(path) != 0) {
        e = errno;
        say(why, n, "%s: %s", path, strerror(e));
        rc = -1;
    }
    if (rc != 0)
        unlink(path);
    if (r == &own)
        hsds_report_free(&own);
    errno = e;
    return rc;
}

/* swaps the files at a and b in one step (renameat2 RENAME_EXCHANGE): 0, or -1 with
 * errno and nothing changed; EINVAL/ENOSYS when the file system cannot do it */
static int exchange(const char *a, const char *b)
{
    return renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
}

/* the folder synced after a replacement that has happened: when this fails, the new
 * file is in use but a power cut could still bring the old one back; says so in why */
static void sync_after(const char *data_dir, char *why, size_t n)
{
    if (store_sync(data_dir) != 0)
        say(why, n, "%s could not be synced (%s): a power cut now may bring the previous "
            "content back", data_dir, strerror(errno));
}

/* makes content.db.new live, keeping the live one as content.db.prev. The live file
 * and content.db.new are exchanged in one step, then the old live file (now named
 * content.db.new) becomes content.db.prev; when that rename fails the exchange is
 * undone, so content.db.prev is never lost and the report is never wrong. Where the
 * file system cannot exchange, the live file gets a second name first (a hard link,
 * or a copy) and the same undo applies. */
int store_install(const char *data_dir, char *why, size_t n)
{
    char live[PATH_MAX], prev[PATH_MAX], fresh[PATH_MAX], keep[PATH_MAX];
    if (store_path(data_dir, STORE_LIVE, live, sizeof live) ||
        store_path(data_dir, STORE_PREV, prev, sizeof prev) ||
        store_path(data_dir, STORE_NEW, fresh, sizeof fresh) ||
        store_path(data_dir, "content.db.keep", keep, sizeof keep)) {
        say(why, n, "data folder path too long");
        errno = ENAMETOOLONG;
        return -1;
    }
    say(why, n, "%s", "");
    if (store_sync(fresh) != 0) {
        int e = errno;
        say(why, n, "%s: %s", fresh, strerror(e));
        errno = e;
        return -1;
    }
    if (access(live, F_OK) != 0) {     /* the first content: nothing to keep */
        if (rename(fresh, live) != 0) {
            int e = errno;
            say(why, n, "cannot put the new content in place: %s", strerror(e));
            errno = e;
            return -1;
        }
        sync_after(data_dir, why, n);
        return 0;
    }
    int rc = exchange(fresh, live);
    const char *old = fresh;    /* where the old live file is once the new one is live */
    if (rc != 0 && (errno == EINVAL || errno == ENOSYS)) {
        unlink(keep);
        rc = link(live, keep) != 0 && copy_file(live, keep) != 0 ? -1 : rename(fresh, live);
        old = keep;
        if (rc != 0) {
            int e = errno;
            unlink(keep);
            errno = e;
        }
    }
    if (rc != 0) {
        int e = errno;
        say(why, n, "cannot put the new content in place: %s", strerror(e));
        errno = e;
        return -1;
    }
    if (rename(old, prev) != 0) {
        int e = errno;
        /* undo: the old file is live again, content.db.prev untouched */
        bool undone = old == fresh ? exchange(fresh, live) == 0 : rename(keep, live) == 0;
        if (undone) {
            unlink(fresh);
            say(why, n, "cannot keep the previous content for rollback: %s", strerror(e));
            errno = e;
            return -1;
        }
        say(why, n, "the new content is live, but the one before it could not be kept for "
            "rollback (%s)", strerror(e));
        return 0;
    }
    sync_after(data_dir, why, n);
    return 0;
}

/* swaps content.db and content.db.prev in one step, after checking the previous one;
 * where the file system cannot exchange, by a second name and two renames, undone
 * when the second fails */
int store_rollback(const char *data_dir, char *why, size_t n)
{
    char live[PATH_MAX], prev[PATH_MAX], tmp[PATH_MAX], err[512];
    if (store_path(data_dir, STORE_LIVE, live, sizeof live) ||
        store_path(data_dir, STORE_PREV, prev, sizeof prev) ||
        store_path(data_dir, "content.db.swap", tmp, sizeof tmp)) {
        say(why, n, "data folder path too long");
        errno = ENAMETOOLONG;
        return -1;
    }
    say(why, n, "%s", "");
    if (access(prev, F_OK) != 0) {
        say(why, n, "there is no previous content to go back to");
        errno = ENOENT;
        return -1;
    }
    if (store_validate(prev, err, sizeof err) != 0) {
        say(why, n, "the previous content is not usable: %s", err);
        errno = EINVAL;
        return -1;
    }
    int rc = access(live, F_OK) == 0 ? exchange(prev, live) : rename(prev, live);
    if (rc != 0 && (errno == EINVAL || errno == ENOSYS)) {
        unlink(tmp);
        rc = link(live, tmp) != 0 && copy_file(live, tmp) != 0 ? -1 : rename(prev, live);
        if (rc == 0 && rename(tmp, prev) != 0) {
            int e = errno;  /* undo: prev's file is live: give it its name back */
            if (link(live, prev) == 0 && rename(tmp, live) == 0)
                rc = -1;
            errno = e;
        }
        unlink(tmp);
    }
    if (rc != 0) {
        int e = errno;
        say(why, n, "cannot swap the content files: %s", strerror(e));
        errno = e;
        return -1;
    }
    sync_after(data_dir, why, n);
    return 0;
}

/* start-up: live, else previous, else the default package built afresh */
int store_open_live(const char *data_dir, const char *default_pkg_dir, Db **out,
                    char *why, size_t n)
{
    char live[PATH_MAX], prev[PATH_MAX], bad[PATH_MAX], path[PATH_MAX];
    char live_why[512] = "", prev_why[512] = "", err[512] = "";
    *out = NULL;
    if (store_path(data_dir, STORE_LIVE, live, sizeof live) ||
        store_path(data_dir, STORE_PREV, prev, sizeof prev) ||
        store_path(data_dir, STORE_BAD, bad, sizeof bad)) {
        say(why, n, "data folder path too long");
        return -1;
    }
    if (mkdir(data_dir, 0755) != 0 && errno != EEXIST) {
        say(why, n, "%s: %s", data_dir, strerror(errno));
        return -1;
    }
    /* leftovers of an attempt that a power cut interrupted */
    static const char *const stale[] = { STORE_NEW, "content.db.keep", "content.db.swap" };
    for (size_t i = 0; i < sizeof stale / sizeof stale[0]; i++)
        if (store_path(data_dir, stale[i], path, sizeof path) == 0)
            unlink(path);
    if (store_path(data_dir, STORE_STAGING, path, sizeof path) == 0)
        store_remove_tree(path);

    if (access(live, F_OK) != 0)
        snprintf(live_why, sizeof live_why, "there is no content database yet");
    else if (store_validate(live, live_why, sizeof live_why) == 0 &&
             (*out = db_open(live, live_why, sizeof live_why)))
        return 0;
    if (access(live, F_OK) == 0)
        rename(live, bad);
    if (access(prev, F_OK) != 0)
        snprintf(prev_why, sizeof prev_why, "there is no previous content");
    else if (store_validate(prev, prev_why, sizeof prev_why) == 0 &&
             keep_copy(data_dir, prev, live) == 0 && store_sync(data_dir) == 0 &&
             (*out = db_open(live, prev_why, sizeof prev_why))) {
        say(why, n, "%s; the previous content is used", live_why);
        return 1;
    } else {
        unlink(prev);
    }
    if (store_build(data_dir, default_pkg_dir, NULL, err, sizeof err) == 0 &&
        store_install(data_dir, err, sizeof err) == 0 &&
        (*out = db_open(live, err, sizeof err))) {
        say(why, n, "%s; %s; the built-in content is used", live_why, prev_why);
        return 1;
    }
    say(why, n, "%s; %s; the built-in content cannot be used either: %s", live_why,
        prev_why, err);
    return -1;
}
