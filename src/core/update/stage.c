/* stage.c - walking and copying the stick. update_stage walks KIOSK/ twice through
 * directory descriptors (openat with O_NOFOLLOW, one name at a time), first to bound it
 * (count, sizes, depth, file types) before a byte is copied, then to copy it into
 * data_dir/staging/ with the same bounds enforced on the bytes actually read. From
 * then on only the staged copy is used. */
#include "core/update/update_private.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/store.h"

/* names of the kiosk's own files in KIOSK/, which are neither checked nor copied */
static bool own_file(const char *name)
{
    return !strcmp(name, UPDATE_REPORT_FILE) || !strcmp(name, UPDATE_EXPORT_FLAG) ||
           !strcmp(name, UPDATE_EXPORT_DIR);
}

/* copies one regular file, enforcing the bounds on the bytes read */
static UpdateStatus copy_one(Update *u, Walk *w, int sdir, int ddir, const char *name,
                             const char *rel)
{
    int in = openat(sdir, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (in < 0)
        return errno == ELOOP ? update_refuse(u, UPDATE_SYMLINK, "%s", rel)
                              : update_refuse(u, UPDATE_READ_ERROR, "%s: %s", rel, strerror(errno));
    struct stat st;
    if (fstat(in, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(in);
        return update_refuse(u, UPDATE_SPECIAL_FILE, "%s", rel);
    }
    int out = openat(ddir, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (out < 0) {
        int e = errno;
        close(in);
        return update_refuse(u, update_write_status(e), "%s: %s", rel, strerror(e));
    }
    UpdateStatus s = UPDATE_OK;
    long long size = 0;
    static const size_t chunk = 65536;
    char *buf = malloc(chunk);
    if (!buf)
        s = update_refuse(u, UPDATE_WRITE_ERROR, "out of memory");
    while (s == UPDATE_OK) {
        ssize_t r = read(in, buf, chunk);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            s = update_refuse(u, UPDATE_READ_ERROR, "%s: %s", rel, strerror(errno));
            break;
        }
        if (r == 0)
            break;
        size += r;
        w->total += r;
        if (size > UPDATE_MAX_FILE_BYTES)
            s = update_refuse(u, UPDATE_FILE_TOO_BIG, "%s", rel);
        else if (w->total > UPDATE_MAX_TOTAL_BYTES)
            s = update_refuse(u, UPDATE_TOO_BIG, NULL);
        for (ssize_t off = 0; s == UPDATE_OK && off < r;) {
            ssize_t wr = write(out, buf + off, (size_t)(r - off));
            if (wr < 0 && errno == EINTR)
                continue;
            if (wr <= 0)
                s = update_refuse(u, update_write_status(errno), "%s: %s", rel,
                                  strerror(wr < 0 ? errno : ENOSPC));
            else
                off += wr;
        }
    }
    free(buf);
    close(in);
    if (close(out) != 0 && s == UPDATE_OK)
        s = update_refuse(u, update_write_status(errno), "%s: %s", rel, strerror(errno));
    return s;
}

/* walks the folder name inside sdir (rel inside KIOSK/), creating it inside ddir
 * unless ddir is -1 */
static UpdateStatus walk_folder(Update *u, Walk *w, int sdir, int ddir, const char *name,
                                const char *rel, int depth)
{
    if (depth + 1 > UPDATE_MAX_DEPTH)
        return update_refuse(u, UPDATE_TOO_DEEP, "%s", rel);
    int sub = openat(sdir, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (sub < 0)
        return update_refuse(u, errno == ELOOP || errno == ENOTDIR ? UPDATE_SYMLINK
                                                                   : UPDATE_READ_ERROR,
                             "%s: %s", rel, strerror(errno));
    int dsub = -1;
    if (ddir >= 0 &&
        (mkdirat(ddir, name, 0700) != 0 ||
         (dsub = openat(ddir, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) < 0)) {
        close(sub);
        return update_refuse(u, update_write_status(errno), "%s: %s", rel, strerror(errno));
    }
    char sub_prefix[UPDATE_PATH_MAX + 2];
    snprintf(sub_prefix, sizeof sub_prefix, "%s/", rel);
    UpdateStatus s = update_walk(u, w, sub, dsub, sub_prefix, depth + 1);
    if (dsub >= 0)
        close(dsub);
    return s;
}

/* walks the open folder sdir: bounds, names and types; copies into ddir unless it
 * is -1. sdir is closed. */
UpdateStatus update_walk(Update *u, Walk *w, int sdir, int ddir, const char *prefix, int depth)
{
    DIR *d = fdopendir(sdir);
    if (!d) {
        close(sdir);
        return update_refuse(u, UPDATE_READ_ERROR, "%s: %s", prefix[0] ? prefix : "KIOSK",
                             strerror(errno));
    }
    UpdateStatus s = UPDATE_OK;
    for (;;) {
        errno = 0;
        struct dirent *e = readdir(d);
        if (!e) {
            if (errno)
                s = update_refuse(u, UPDATE_READ_ERROR, "%s: %s", prefix[0] ? prefix : "KIOSK",
                                  strerror(errno));
            break;
        }
        const char *name = e->d_name;
        if (!strcmp(name, ".") || !strcmp(name, "..") || (depth == 0 && own_file(name)))
            continue;
        char rel[UPDATE_PATH_MAX];
        if (++w->n_entries > UPDATE_MAX_FILES) {
            s = update_refuse(u, UPDATE_TOO_MANY_FILES, NULL);
            break;
        }
        if (snprintf(rel, sizeof rel, "%s%s", prefix, name) >= (int)sizeof rel ||
            update_path_check(name, strlen(name)) != UPDATE_OK) {
            s = update_refuse(u, UPDATE_BAD_NAME, "%.60s", rel);
            break;
        }
        struct stat st;
        if (fstatat(dirfd(d), name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
            s = update_refuse(u, UPDATE_READ_ERROR, "%s: %s", rel, strerror(errno));
            break;
        }
        if (S_ISLNK(st.st_mode)) {
            s = update_refuse(u, UPDATE_SYMLINK, "%s", rel);
        } else if (S_ISDIR(st.st_mode)) {
            s = walk_folder(u, w, dirfd(d), ddir, name, rel, depth);
        } else if (S_ISREG(st.st_mode)) {
            if (st.st_size > UPDATE_MAX_FILE_BYTES) {
                s = update_refuse(u, UPDATE_FILE_TOO_BIG, "%s (%lld MiB)", rel,
                                  (long long)st.st_size >> 20);
            } else if (ddir < 0 && (w->total += st.st_size) > UPDATE_MAX_TOTAL_BYTES) {
                s = update_refuse(u, UPDATE_TOO_BIG, NULL);
            } else if (ddir >= 0) {
                s = copy_one(u, w, dirfd(d), ddir, name, rel);
            }
            if (s == UPDATE_OK && w->n_files < UPDATE_MAX_FILES) {
                snprintf(w->files[w->n_files].path, UPDATE_PATH_MAX, "%s", rel);
                w->files[w->n_files++].size = st.st_size;
            }
        } else {
            s = update_refuse(u, UPDATE_SPECIAL_FILE, "%s", rel);
        }
        if (s != UPDATE_OK)
            break;
    }
    closedir(d);
    return s;
}

/* dir/KIOSK when that is a folder, else dir itself */
void update_find_kiosk(const char *dir, char *out, size_t n)
{
    struct stat st;
    snprintf(out, n, "%s/KIOSK", dir);
    if (lstat(out, &st) != 0 || !S_ISDIR(st.st_mode))
        snprintf(out, n, "%s", dir);
}

/* bounds, then copies KIOSK/ into data_dir/staging */
UpdateStatus update_stage(Update *u)
{
    char staging[PATH_MAX];
    update_note(u, "source: %s", u->src);
    if (store_path(u->data_dir, STORE_STAGING, staging, sizeof staging))
        return update_refuse(u, UPDATE_WRITE_ERROR, "data folder path too long");
    Walk *w = calloc(1, sizeof *w);
    if (!w)
        return update_refuse(u, UPDATE_WRITE_ERROR, "out of memory");
    UpdateStatus s;
    int sfd = open(u->src, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (sfd < 0) {
        s = update_refuse(u,
                          errno == ENOENT || errno == ENOTDIR || errno == ELOOP ? UPDATE_NO_FOLDER
                                                                                : UPDATE_READ_ERROR,
                          "%s: %s", u->src, strerror(errno));
        goto out;
    }
    s = update_walk(u, w, sfd, -1, "", 0);
    if (s != UPDATE_OK)
        goto out;
    update_note(u, "checked: %d files, %lld bytes, no links or special files", w->n_files,
                w->total);
    if (store_remove_tree(staging) != 0 || mkdir(staging, 0700) != 0) {
        s = update_refuse(u, update_write_status(errno), "%s: %s", staging, strerror(errno));
        goto out;
    }
    int dfd = open(staging, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    sfd = open(u->src, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (dfd < 0 || sfd < 0) {
        int e = errno;
        s = update_refuse(u, dfd < 0 ? update_write_status(e) : UPDATE_READ_ERROR, "%s",
                          strerror(e));
        if (dfd >= 0)
            close(dfd);
        if (sfd >= 0)
            close(sfd);
        goto out;
    }
    memset(w, 0, sizeof *w);
    s = update_walk(u, w, sfd, dfd, "", 0);
    close(dfd);
    if (s == UPDATE_OK) {
        u->n_files = w->n_files;
        u->n_bytes = w->total;
        u->step = UPDATE_STEP_STAGED;
        u->status = UPDATE_OK;
        update_note(u, "copied to internal storage: %d files, %lld bytes", w->n_files, w->total);
    }
out:
    if (s != UPDATE_OK)
        store_remove_tree(staging);
    free(w);
    return s;
}
