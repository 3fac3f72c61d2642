/* verify.c - checking the staged copy and putting it in place. update_verify checks
 * its signature and checksums, then the data (hsds_check), and builds the new
 * database with store_build; update_apply is store_install. */
#include "core/update/update_private.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "core/db.h"
#include "core/hsds.h"
#include "core/sheet.h"
#include "core/store.h"

/* reads a whole small file at dfd/name; NULL when missing (errno ENOENT), unreadable
 * or over max bytes (errno EFBIG) */
static char *read_small(int dfd, const char *name, size_t max, size_t *len)
{
    int fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    char *buf = malloc(max + 1);
    size_t got = 0;
    ssize_t r = 0;
    while (buf && got <= max && (r = read(fd, buf + got, max + 1 - got)) > 0)
        got += (size_t)r;
    close(fd);
    if (!buf || r < 0 || got > max) {
        free(buf);
        errno = buf && r >= 0 ? EFBIG : EIO;
        return NULL;
    }
    buf[got] = '\0';
    *len = got;
    return buf;
}

/* SHA-256 of dfd/rel; -1 when it cannot be read */
static int staged_sha256(int dfd, const char *rel, unsigned char out[32])
{
    int fd = openat(dfd, rel, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return -1;
    crypto_hash_sha256_state st;
    crypto_hash_sha256_init(&st);
    unsigned char *buf = malloc(65536);
    ssize_t r = -1;
    while (buf && (r = read(fd, buf, 65536)) > 0)
        crypto_hash_sha256_update(&st, buf, (unsigned long long)r);
    free(buf);
    close(fd);
    if (r < 0)
        return -1;
    crypto_hash_sha256_final(&st, out);
    return 0;
}

/* finds a trusted key that made sig over msg */
static UpdateStatus check_signature(Update *u, const char *sig, size_t sig_len,
                                    const unsigned char *msg, size_t msg_len)
{
    DIR *d = opendir(u->keys_dir);
    if (!d)
        return update_refuse(u, UPDATE_UNKNOWN_KEY, "no trusted keys in %s", u->keys_dir);
    UpdateStatus best = UPDATE_UNKNOWN_KEY;
    struct dirent *e;
    while (best != UPDATE_OK && (e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        size_t len;
        char *pk = read_small(dirfd(d), e->d_name, UPDATE_SIG_MAX, &len);
        if (!pk)
            continue;
        UpdateStatus s = update_minisign_verify(sig, sig_len, pk, len, msg, msg_len, u->key_id);
        free(pk);
        if (s == UPDATE_OK || s == UPDATE_BAD_SIGNATURE) {
            best = s;
            if (s == UPDATE_OK)
                update_note(u, "signature: valid, key %s (%s/%s)", u->key_id, u->keys_dir,
                            e->d_name);
        }
    }
    closedir(d);
    if (best == UPDATE_BAD_SIGNATURE)
        return update_refuse(u, best, "key %s", u->key_id[0] ? u->key_id : "?");
    if (best == UPDATE_UNKNOWN_KEY) {
        /* a malformed signature file says so rather than "unknown key" */
        char id[17];
        if (update_minisign_verify(sig, sig_len, "", 0, msg, msg_len, id) == UPDATE_BAD_SIGNATURE)
            return update_refuse(u, UPDATE_BAD_SIGNATURE, "SHA256SUMS.minisig is malformed");
        return update_refuse(u, best, "key %s", u->key_id[0] ? u->key_id : id);
    }
    return UPDATE_OK;
}

/* every staged file listed and matching, every listed file present */
static UpdateStatus check_files(Update *u, int dfd, const UpdateManifest *m)
{
    Walk *w = calloc(1, sizeof *w);
    if (!w)
        return update_refuse(u, UPDATE_WRITE_ERROR, "out of memory");
    int fd = dup(dfd);
    UpdateStatus s =
        fd < 0 ? update_refuse(u, UPDATE_READ_ERROR, "staging") : update_walk(u, w, fd, -1, "", 0);
    for (int i = 0; s == UPDATE_OK && i < w->n_files; i++) {
        const char *p = w->files[i].path;
        if (!strcmp(p, "SHA256SUMS") || !strcmp(p, "SHA256SUMS.minisig"))
            continue;
        int k = 0;
        while (k < m->n && strcmp(m->entries[k].path, p))
            k++;
        if (k == m->n)
            s = update_refuse(u, UPDATE_UNLISTED_FILE, "%s", p);
    }
    for (int k = 0; s == UPDATE_OK && k < m->n; k++) {
        unsigned char h[32];
        struct stat st;
        if (fstatat(dfd, m->entries[k].path, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
            s = update_refuse(u, UPDATE_MISSING_FILE, "%s", m->entries[k].path);
        else if (staged_sha256(dfd, m->entries[k].path, h) != 0)
            s = update_refuse(u, UPDATE_READ_ERROR, "%s", m->entries[k].path);
        else if (sodium_memcmp(h, m->entries[k].sha256, 32) != 0)
            s = update_refuse(u, UPDATE_CHECKSUM, "%s", m->entries[k].path);
    }
    if (s == UPDATE_OK)
        update_note(u, "checksums: %d files listed in SHA256SUMS, all match, none unlisted", m->n);
    free(w);
    return s;
}

/* the package name and version against the installed ones */
static UpdateStatus check_identity(Update *u, const HsdsReport *r)
{
    char live[PATH_MAX], old_product[64] = "";
    snprintf(u->product, sizeof u->product, "%s", r->product);
    snprintf(u->version, sizeof u->version, "%s", r->version);
    if (store_path(u->data_dir, STORE_LIVE, live, sizeof live) == 0)
        store_package_of(live, old_product, sizeof old_product, u->old_version,
                         sizeof u->old_version);
    if (strcmp(u->product, UPDATE_PRODUCT) && (!old_product[0] || strcmp(u->product, old_product)))
        return update_refuse(u, UPDATE_WRONG_PRODUCT, "\"%s\"", u->product);
    if (!hsds_version_valid(u->version))
        return update_refuse(u, UPDATE_NO_VERSION, "\"%s\"", u->version);
    if (u->old_version[0] &&
        hsds_version_compare(u->version, u->old_version) <= 0)
        return update_refuse(u, UPDATE_OLD_VERSION, "%s, installed %s", u->version, u->old_version);
    update_note(u, "package: %s version %s (installed: %s)", u->product, u->version,
                u->old_version[0] ? u->old_version : "unknown");
    return UPDATE_OK;
}

/* says in the report which visitor texts have no translation: they will show in the
 * base language, which is allowed, but staff should know */
static void note_untranslated(Update *u, const char *db_path)
{
    Db *db = db_open(db_path, NULL, 0);
    if (!db)
        return;
    for (int l = 0; l < LANG_COUNT; l++) {
        char first[160];
        int k = db_count_untranslated(db, (Lang)l, first, sizeof first);
        if (k > 0)
            update_note(u, "warning: %d text%s without a translation into %s (e.g. %s): shown in "
                    "the package's own language", k, k == 1 ? "" : "s", i18n_name((Lang)l), first);
    }
    db_close(db);
}

/* reads SHA256SUMS and its signature from the staged copy and checks them: the
 * signature against the trusted keys, every file against its checksum. A refusal
 * is recorded in u and returned. */
static UpdateStatus check_signed_files(Update *u, int dfd)
{
    UpdateStatus s = UPDATE_OK;
    size_t sums_len = 0, sig_len = 0;
    char *sums = read_small(dfd, "SHA256SUMS", UPDATE_MANIFEST_MAX, &sums_len);
    int sums_errno = errno;
    char *sig = read_small(dfd, "SHA256SUMS.minisig", UPDATE_SIG_MAX, &sig_len);
    int sig_errno = errno;
    UpdateManifest *m = calloc(1, sizeof *m);
    if (!m) {
        s = update_refuse(u, UPDATE_WRITE_ERROR, "out of memory");
        goto out;
    }
    if (!sums && sums_errno != ENOENT) {
        s = update_refuse(u, UPDATE_BAD_MANIFEST, "%s",
                          sums_errno == EFBIG ? "too long" : strerror(sums_errno));
        goto out;
    }
    if (!sig && sig_errno != ENOENT) {
        s = update_refuse(u, UPDATE_BAD_SIGNATURE, "SHA256SUMS.minisig: %s",
                          sig_errno == EFBIG ? "too long" : strerror(sig_errno));
        goto out;
    }
    if (sig) {
        if (!sums) {
            s = update_refuse(u, UPDATE_NO_MANIFEST, NULL);
            goto out;
        }
        if ((s = check_signature(u, sig, sig_len, (const unsigned char *)sums, sums_len)))
            goto out;
        u->is_signed = true;
    } else if (!u->staff_approval) {
        s = update_refuse(u, UPDATE_UNSIGNED, "no SHA256SUMS.minisig");
        goto out;
    } else {
        update_note(u, "signature: none (staff approval with the PIN is required)");
    }
    if (sums) {
        char err[200];
        if ((s = update_manifest_parse(sums, sums_len, m, err, sizeof err))) {
            update_refuse(u, s, "%s", err);
            goto out;
        }
        s = check_files(u, dfd, m);
    } else {
        update_note(u, "checksums: no SHA256SUMS");
    }
out:
    free(m);
    free(sums);
    free(sig);
    return s;
}

/* every problem of r into the log, and how to open the files in a spreadsheet when
 * a spreadsheet changed them */
static void note_problems(Update *u, const HsdsReport *r)
{
    for (int i = 0; i < r->n_problems; i++) {
        const HsdsProblem *p = &r->problems[i];
        update_note(u, "%s:%d:%d: %s: %s", p->file, p->line, p->column,
                    p->severity == HSDS_ERROR ? "error"
                    : p->severity == HSDS_NOTE ? "note" : "warning", p->message);
    }
    if (r->n_sheet > 0)
        update_note(u, "%s", SHEET_HINT);
}

/* the data of the staged copy (hsds_check), its product and version; every problem
 * goes to the log (a usable package's only when a spreadsheet changed it), the first
 * error to the refusal */
static UpdateStatus check_data(Update *u, const char *staging)
{
    HsdsReport r;
    memset(&r, 0, sizeof r);
    UpdateStatus s = UPDATE_OK;
    if (hsds_check(staging, &r) != 0) {
        note_problems(u, &r);
        const HsdsProblem *first = NULL;
        for (int i = 0; i < r.n_problems && !first; i++)
            if (r.problems[i].severity == HSDS_ERROR)
                first = &r.problems[i];
        if (first)
            s = update_refuse(u, UPDATE_DATA_ERRORS, "%s:%d:%d: %s", first->file, first->line,
                              first->column, first->message);
        else
            s = update_refuse(u, UPDATE_DATA_ERRORS, "%d errors", r.n_errors);
    } else {
        if (r.n_sheet > 0)
            note_problems(u, &r);   /* how each value a spreadsheet changed was read */
        update_note(u, "data: %d records, %d warnings", r.n_records, r.n_warnings);
        s = check_identity(u, &r);
    }
    hsds_report_free(&r);
    return s;
}

/* builds the new database beside the live one (store_build); a refusal says whether
 * the data, the disk or the checks of the new file failed */
static UpdateStatus build_database(Update *u, const char *staging)
{
    char why[512] = "";
    HsdsReport r;
    memset(&r, 0, sizeof r);
    UpdateStatus s = UPDATE_OK;
    if (store_build(u->data_dir, staging, &r, why, sizeof why) != 0) {
        int e = errno;
        s = r.n_errors ? update_refuse(u, UPDATE_DATA_ERRORS, "%s", why)
            : e == ENOSPC ? update_refuse(u, UPDATE_DISK_FULL, "%s", why)
                          : update_refuse(u, UPDATE_INVALID_DB, "%s", why);
    }
    hsds_report_free(&r);
    return s;
}

/* signature and checksums, data, then the new database and its changes */
UpdateStatus update_verify(Update *u)
{
    char staging[PATH_MAX], live[PATH_MAX], fresh[PATH_MAX];
    if (u->step != UPDATE_STEP_STAGED)
        return update_refuse(u, UPDATE_NO_FOLDER, "nothing staged");
    if (store_path(u->data_dir, STORE_STAGING, staging, sizeof staging) ||
        store_path(u->data_dir, STORE_LIVE, live, sizeof live) ||
        store_path(u->data_dir, STORE_NEW, fresh, sizeof fresh))
        return update_refuse(u, UPDATE_WRITE_ERROR, "data folder path too long");
    int dfd = open(staging, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (dfd < 0)
        return update_refuse(u, UPDATE_READ_ERROR, "%s: %s", staging, strerror(errno));
    UpdateStatus s = check_signed_files(u, dfd);
    close(dfd);
    if (s == UPDATE_OK)
        s = check_data(u, staging);
    if (s == UPDATE_OK)
        s = build_database(u, staging);
    if (s == UPDATE_OK) {
        update_note(u, "new database: built and checked (integrity, every language, QR codes)");
        note_untranslated(u, fresh);
        update_describe_changes(live, fresh, u->lang, u->changes, sizeof u->changes);
        update_note(u, "changes: %s", u->changes);
        u->step = UPDATE_STEP_VERIFIED;
        s = u->status = u->is_signed ? UPDATE_OK : UPDATE_NEEDS_PIN;
    }
    if (s != UPDATE_OK && s != UPDATE_NEEDS_PIN)
        update_cancel(u), u->status = s;
    return s;
}

/* staff approval with the PIN */
PinResult update_approve(Update *u, const char *pin_hash, const char *pin, time_t now)
{
    char state[PATH_MAX];
    if (store_path(u->data_dir, STORE_PIN_STATE, state, sizeof state))
        return PIN_FAILED;
    PinResult r = pin_verify(pin_hash, pin, state, now);
    u->approved = r == PIN_OK;
    update_note(u, "staff PIN: %s", r == PIN_OK ? "accepted" : r == PIN_WRONG ? "wrong"
                             : r == PIN_LOCKED ? "locked after too many wrong tries"
                             : r == PIN_UNSET ? "no PIN is set" : "cannot be checked");
    if (r != PIN_OK && r != PIN_WRONG)
        update_refuse(u, UPDATE_PIN_REFUSED, NULL);
    return r;
}

/* swaps the verified database in */
UpdateStatus update_apply(Update *u)
{
    char why[512] = "", staging[PATH_MAX];
    if (u->step != UPDATE_STEP_VERIFIED)
        return update_refuse(u, UPDATE_APPLY_FAILED, "the package was not verified");
    if (!u->is_signed && !u->approved) {
        update_cancel(u);
        return update_refuse(u, u->staff_approval ? UPDATE_PIN_REFUSED : UPDATE_UNSIGNED, NULL);
    }
    if (store_install(u->data_dir, why, sizeof why) != 0) {
        int e = errno;
        update_cancel(u);
        return update_refuse(u, e == ENOSPC ? UPDATE_DISK_FULL : UPDATE_APPLY_FAILED, "%s", why);
    }
    if (store_path(u->data_dir, STORE_STAGING, staging, sizeof staging) == 0)
        store_remove_tree(staging);
    u->step = UPDATE_STEP_APPLIED;
    u->status = UPDATE_OK;
    update_note(u, "applied: version %s is live, the previous content is kept for rollback",
                u->version);
    return UPDATE_OK;
}

/* drops the staged copy and the new database */
void update_cancel(Update *u)
{
    char path[PATH_MAX];
    if (store_path(u->data_dir, STORE_STAGING, path, sizeof path) == 0)
        store_remove_tree(path);
    if (u->step == UPDATE_STEP_VERIFIED && store_path(u->data_dir, STORE_NEW, path, sizeof path) == 0)
        unlink(path);
    if (u->step == UPDATE_STEP_STAGED || u->step == UPDATE_STEP_VERIFIED) {
        u->status = UPDATE_CANCELLED;
        update_note(u, "cancelled: the content is unchanged");
    }
    u->step = UPDATE_STEP_NONE;
}
