/* update.c - content updates from a USB stick. Start reading at update_stage: it
 * walks KIOSK/ twice through directory descriptors (openat with O_NOFOLLOW, one
 * name at a time), first to bound it (count, sizes, depth, file types) before a
 * byte is copied, then to copy it into data_dir/staging/ with the same bounds
 * enforced on the bytes actually read. From then on only the staged copy is used:
 * update_verify checks its signature (minisign: Ed25519 through libsodium) and
 * checksums, then the data (hsds_check), and builds the new database with
 * store_build; update_apply is store_install. The stick is touched once more, to
 * write REPORT.txt, in update_finish. */
#include "core/update.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <syslog.h>
#include <unistd.h>
#include <sodium.h>

#include "core/db.h"
#include "core/hsds.h"
#include "core/store.h"
#include "core/text.h"

/* ---- words ---- */

/* the plain words of each status, Greek then English; keep in UpdateStatus order */
static const char *const status_words[UPDATE_STATUS_COUNT][LANG_COUNT] = {
    [UPDATE_OK] = { "Η ενημέρωση ολοκληρώθηκε.", "The update is done." },
    [UPDATE_NEEDS_PIN] = { "Το πακέτο δεν είναι υπογεγραμμένο: χρειάζεται ο κωδικός του προσωπικού.",
                           "The package is not signed: it needs the staff PIN." },
    [UPDATE_CANCELLED] = { "Η ενημέρωση ακυρώθηκε.", "The update was cancelled." },
    [UPDATE_NO_FOLDER] = { "Δεν βρέθηκε φάκελος KIOSK στο USB.",
                           "No KIOSK folder was found on the USB stick." },
    [UPDATE_TOO_MANY_FILES] = { "Ο φάκελος KIOSK έχει πάρα πολλά αρχεία (έως 200).",
                                "The KIOSK folder has too many files (200 at most)." },
    [UPDATE_FILE_TOO_BIG] = { "Ένα αρχείο είναι πολύ μεγάλο (έως 64 MiB).",
                              "A file is too large (64 MiB at most)." },
    [UPDATE_TOO_BIG] = { "Τα αρχεία είναι συνολικά πολύ μεγάλα (έως 256 MiB).",
                         "The files are too large in total (256 MiB at most)." },
    [UPDATE_TOO_DEEP] = { "Ο φάκελος KIOSK έχει πάρα πολλά επίπεδα υποφακέλων.",
                          "The KIOSK folder has too many levels of subfolders." },
    [UPDATE_SYMLINK] = { "Το πακέτο περιέχει συντόμευση (symbolic link), που δεν επιτρέπεται.",
                         "The package contains a symbolic link, which is not allowed." },
    [UPDATE_SPECIAL_FILE] = { "Το πακέτο περιέχει ειδικό αρχείο (συσκευή ή σωλήνα).",
                              "The package contains a special file (a device or a pipe)." },
    [UPDATE_BAD_NAME] = { "Ένα όνομα αρχείου έχει χαρακτήρες που δεν επιτρέπονται.",
                          "A file name has characters that are not allowed." },
    [UPDATE_READ_ERROR] = { "Το USB δεν διαβάστηκε: αφαιρέθηκε ή είναι χαλασμένο.",
                            "The USB stick could not be read: it was removed or is damaged." },
    [UPDATE_DISK_FULL] = { "Ο εσωτερικός χώρος αποθήκευσης είναι γεμάτος.",
                           "The internal storage is full." },
    [UPDATE_WRITE_ERROR] = { "Ο εσωτερικός χώρος αποθήκευσης δεν γράφεται.",
                             "The internal storage could not be written." },
    [UPDATE_NO_MANIFEST] = { "Λείπει το αρχείο SHA256SUMS.", "The SHA256SUMS file is missing." },
    [UPDATE_BAD_MANIFEST] = { "Το αρχείο SHA256SUMS δεν είναι έγκυρο.",
                              "The SHA256SUMS file is not valid." },
    [UPDATE_ABSOLUTE_PATH] = { "Το SHA256SUMS αναφέρει απόλυτη διαδρομή.",
                               "SHA256SUMS names an absolute path." },
    [UPDATE_PARENT_PATH] = { "Το SHA256SUMS αναφέρει διαδρομή έξω από τον φάκελο (..).",
                             "SHA256SUMS names a path outside the folder (..)." },
    [UPDATE_MISSING_FILE] = { "Λείπει αρχείο που αναφέρει το SHA256SUMS.",
                              "A file listed in SHA256SUMS is missing." },
    [UPDATE_UNLISTED_FILE] = { "Υπάρχει αρχείο που δεν αναφέρει το SHA256SUMS.",
                               "There is a file that SHA256SUMS does not list." },
    [UPDATE_CHECKSUM] = { "Ένα αρχείο έχει αλλοιωθεί: το άθροισμα ελέγχου δεν ταιριάζει.",
                          "A file has been altered: its checksum does not match." },
    [UPDATE_BAD_SIGNATURE] = { "Η υπογραφή δεν είναι έγκυρη.", "The signature is not valid." },
    [UPDATE_UNKNOWN_KEY] = { "Η υπογραφή είναι από κλειδί που το περίπτερο δεν εμπιστεύεται.",
                             "The signature is by a key this kiosk does not trust." },
    [UPDATE_UNSIGNED] = { "Το πακέτο δεν είναι υπογεγραμμένο.", "The package is not signed." },
    [UPDATE_PIN_REFUSED] = { "Ο κωδικός του προσωπικού δεν έγινε δεκτός.",
                             "The staff PIN was not accepted." },
    [UPDATE_WRONG_PRODUCT] = { "Το πακέτο είναι για άλλο προϊόν.",
                               "The package is for another product." },
    [UPDATE_NO_VERSION] = { "Το datapackage.json δεν δίνει έγκυρη έκδοση (π.χ. 2026.2.1).",
                            "datapackage.json gives no valid version (like 2026.2.1)." },
    [UPDATE_OLD_VERSION] = { "Η έκδοση του πακέτου δεν είναι νεότερη από την εγκατεστημένη.",
                             "The package's version is not newer than the installed one." },
    [UPDATE_DATA_ERRORS] = { "Τα δεδομένα έχουν λάθη.", "The data has errors." },
    [UPDATE_INVALID_DB] = { "Το νέο περιεχόμενο δεν πέρασε τους ελέγχους.",
                            "The new content failed its checks." },
    [UPDATE_APPLY_FAILED] = { "Το νέο περιεχόμενο δεν μπήκε στη θέση του.",
                              "The new content could not be put in place." },
    [UPDATE_EXPORT_FAILED] = { "Η εξαγωγή απέτυχε.", "The export failed." },
};

static const char *const unchanged_words[LANG_COUNT] = {
    "Το περιεχόμενο δεν άλλαξε.", "The content is unchanged." };
static const char *const no_report_words[LANG_COUNT] = {
    "Η αναφορά δεν γράφτηκε στο USB (μόνο για ανάγνωση).",
    "The report could not be written to the USB stick (read-only)." };
static const char *const exported_words[LANG_COUNT] = {
    "Το περιεχόμενο αντιγράφηκε στο USB, στον φάκελο KIOSK/export.",
    "The content was copied to the USB stick, in the folder KIOSK/export." };

const char *update_status_text(UpdateStatus s, Lang lang)
{
    if ((unsigned)s >= UPDATE_STATUS_COUNT || (unsigned)lang >= LANG_COUNT)
        return "?";
    return status_words[s][lang];
}

/* appends one line to the attempt's log (truncated when full) */
static void note(Update *u, const char *fmt, ...)
{
    if (u->log_len + 2 >= sizeof u->log)
        return;
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(u->log + u->log_len, sizeof u->log - u->log_len - 1, fmt, ap);
    va_end(ap);
    if (len < 0)
        return;
    u->log_len += (size_t)len;
    if (u->log_len > sizeof u->log - 2)
        u->log_len = sizeof u->log - 2;
    u->log[u->log_len++] = '\n';
    u->log[u->log_len] = '\0';
}

/* records a refusal with its detail and returns it */
static UpdateStatus refuse(Update *u, UpdateStatus s, const char *fmt, ...)
{
    u->status = s;
    u->detail[0] = '\0';
    if (fmt) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(u->detail, sizeof u->detail, fmt, ap);
        va_end(ap);
    }
    note(u, "REFUSED: %s%s%s", update_status_text(s, LANG_EN), u->detail[0] ? " " : "",
         u->detail);
    return s;
}

/* the status of a failed write: a full disk has its own words */
static UpdateStatus write_status(int e)
{
    return e == ENOSPC || e == EDQUOT ? UPDATE_DISK_FULL : UPDATE_WRITE_ERROR;
}

/* ---- minisign ---- */

/* the next line of [*p, end) without its line end; false at the end */
static bool next_line(const char **p, const char *end, const char **line, size_t *len)
{
    if (*p >= end)
        return false;
    const char *nl = memchr(*p, '\n', (size_t)(end - *p));
    const char *stop = nl ? nl : end;
    *line = *p;
    *len = (size_t)(stop - *p);
    if (*len && (*line)[*len - 1] == '\r')
        (*len)--;
    *p = nl ? nl + 1 : end;
    return true;
}

/* decodes exactly want bytes of standard base64; -1 otherwise */
static int b64_exact(const char *s, size_t len, unsigned char *out, size_t want)
{
    size_t got = 0;
    const char *end = NULL;
    if (sodium_base642bin(out, want, s, len, NULL, &got, &end, sodium_base64_VARIANT_ORIGINAL) != 0)
        return -1;
    return got == want && end == s + len ? 0 : -1;
}

/* minisign prints key ids as the 8 bytes read little-endian, in hex */
static void key_id_text(const unsigned char id[8], char out[17])
{
    static const char hex[] = "0123456789ABCDEF";
    for (int i = 0; i < 8; i++) {
        out[2 * i] = hex[id[7 - i] >> 4];
        out[2 * i + 1] = hex[id[7 - i] & 15];
    }
    out[16] = '\0';
}

#define UNTRUSTED "untrusted comment:"
#define TRUSTED   "trusted comment: "

/* verifies sig (the .minisig text) over msg with one public key file's text */
UpdateStatus update_minisign_verify(const char *sig, size_t sig_len, const char *pubkey,
                                    size_t pk_len, const unsigned char *msg, size_t msg_len,
                                    char key_id[17])
{
    const char *p = sig, *end = sig + sig_len, *l[4];
    size_t n[4];
    unsigned char s[74], global[64], pk[42];
    if (key_id)
        key_id[0] = '\0';
    if (sodium_init() < 0)
        return UPDATE_BAD_SIGNATURE;
    for (int i = 0; i < 4; i++)
        if (!next_line(&p, end, &l[i], &n[i]))
            return UPDATE_BAD_SIGNATURE;
    if (n[0] < strlen(UNTRUSTED) || memcmp(l[0], UNTRUSTED, strlen(UNTRUSTED)) ||
        b64_exact(l[1], n[1], s, sizeof s) ||
        n[2] < strlen(TRUSTED) || memcmp(l[2], TRUSTED, strlen(TRUSTED)) ||
        b64_exact(l[3], n[3], global, sizeof global))
        return UPDATE_BAD_SIGNATURE;
    bool prehashed = s[0] == 'E' && s[1] == 'D', legacy = s[0] == 'E' && s[1] == 'd';
    if (!prehashed && !legacy)
        return UPDATE_BAD_SIGNATURE;
    if (key_id)
        key_id_text(s + 2, key_id);

    /* the public key: a comment line, then base64 of "Ed" || key id || key */
    const char *kl[2];
    size_t kn[2];
    p = pubkey, end = pubkey + pk_len;
    if (!next_line(&p, end, &kl[0], &kn[0]) || !next_line(&p, end, &kl[1], &kn[1]) ||
        kn[0] < strlen(UNTRUSTED) || memcmp(kl[0], UNTRUSTED, strlen(UNTRUSTED)) ||
        b64_exact(kl[1], kn[1], pk, sizeof pk) || pk[0] != 'E' || pk[1] != 'd')
        return UPDATE_UNKNOWN_KEY;
    if (memcmp(pk + 2, s + 2, 8) != 0)
        return UPDATE_UNKNOWN_KEY;

    unsigned char hash[crypto_generichash_BYTES_MAX];
    const unsigned char *m = msg;
    size_t mlen = msg_len;
    if (prehashed) {
        crypto_generichash(hash, sizeof hash, msg, msg_len, NULL, 0);
        m = hash, mlen = sizeof hash;
    }
    if (crypto_sign_verify_detached(s + 10, m, mlen, pk + 10) != 0)
        return UPDATE_BAD_SIGNATURE;
    /* the global signature: signature || trusted comment text */
    size_t clen = n[2] - strlen(TRUSTED);
    unsigned char *g = malloc(64 + clen + 1);
    if (!g)
        return UPDATE_BAD_SIGNATURE;
    memcpy(g, s + 10, 64);
    memcpy(g + 64, l[2] + strlen(TRUSTED), clen);
    int bad = crypto_sign_verify_detached(global, g, 64 + clen, pk + 10);
    free(g);
    return bad ? UPDATE_BAD_SIGNATURE : UPDATE_OK;
}

/* ---- SHA256SUMS ---- */

/* a relative path inside the package: its status, or UPDATE_OK */
static UpdateStatus check_path(const char *s, size_t len)
{
    if (len == 0 || len >= UPDATE_PATH_MAX)
        return UPDATE_BAD_MANIFEST;
    if (s[0] == '/')
        return UPDATE_ABSOLUTE_PATH;
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f || s[i] == '\\')
            return UPDATE_BAD_MANIFEST;
    for (size_t i = 0; i <= len;) {
        size_t j = i;
        while (j < len && s[j] != '/')
            j++;
        size_t c = j - i;
        if (c == 2 && s[i] == '.' && s[i + 1] == '.')
            return UPDATE_PARENT_PATH;
        if (c == 0 || (c == 1 && s[i] == '.'))
            return UPDATE_BAD_MANIFEST;
        i = j + 1;
    }
    return UPDATE_OK;
}

/* parses SHA256SUMS text */
UpdateStatus update_manifest_parse(const char *text, size_t len, UpdateManifest *m,
                                   char *err, size_t n)
{
    const char *p = text, *end = text + len, *l;
    size_t ll;
    int line = 0;
    m->n = 0;
    if (err && n)
        err[0] = '\0';
    if (memchr(text, '\0', len)) {
        if (err)
            snprintf(err, n, "SHA256SUMS holds a NUL byte");
        return UPDATE_BAD_MANIFEST;
    }
    while (next_line(&p, end, &l, &ll)) {
        line++;
        if (ll == 0)
            continue;
        UpdateStatus s = UPDATE_OK;
        if (ll < 67 || l[64] != ' ' || (l[65] != ' ' && l[65] != '*'))
            s = UPDATE_BAD_MANIFEST;
        else if (m->n == UPDATE_MAX_FILES)
            s = UPDATE_TOO_MANY_FILES;
        else if (sodium_hex2bin(m->entries[m->n].sha256, 32, l, 64, NULL, NULL, NULL) != 0)
            s = UPDATE_BAD_MANIFEST;
        else
            s = check_path(l + 66, ll - 66);
        for (int i = 0; s == UPDATE_OK && i < m->n; i++)
            if (strlen(m->entries[i].path) == ll - 66 && !memcmp(m->entries[i].path, l + 66, ll - 66))
                s = UPDATE_BAD_MANIFEST;
        if (s != UPDATE_OK) {
            if (err)
                snprintf(err, n, "SHA256SUMS:%d: %.*s", line, (int)(ll > 120 ? 120 : ll), l);
            return s;
        }
        memcpy(m->entries[m->n].path, l + 66, ll - 66);
        m->entries[m->n].path[ll - 66] = '\0';
        m->n++;
    }
    return UPDATE_OK;
}

/* ---- walking and copying the stick ---- */

typedef struct WalkFile {
    char path[UPDATE_PATH_MAX];
    long long size;
} WalkFile;

typedef struct Walk {
    WalkFile files[UPDATE_MAX_FILES];
    int n_files, n_entries;
    long long total;
} Walk;

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
        return errno == ELOOP ? refuse(u, UPDATE_SYMLINK, "%s", rel)
                              : refuse(u, UPDATE_READ_ERROR, "%s: %s", rel, strerror(errno));
    struct stat st;
    if (fstat(in, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(in);
        return refuse(u, UPDATE_SPECIAL_FILE, "%s", rel);
    }
    int out = openat(ddir, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (out < 0) {
        int e = errno;
        close(in);
        return refuse(u, write_status(e), "%s: %s", rel, strerror(e));
    }
    UpdateStatus s = UPDATE_OK;
    long long size = 0;
    static const size_t chunk = 65536;
    char *buf = malloc(chunk);
    if (!buf)
        s = refuse(u, UPDATE_WRITE_ERROR, "out of memory");
    while (s == UPDATE_OK) {
        ssize_t r = read(in, buf, chunk);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            s = refuse(u, UPDATE_READ_ERROR, "%s: %s", rel, strerror(errno));
            break;
        }
        if (r == 0)
            break;
        size += r;
        w->total += r;
        if (size > UPDATE_MAX_FILE_BYTES)
            s = refuse(u, UPDATE_FILE_TOO_BIG, "%s", rel);
        else if (w->total > UPDATE_MAX_TOTAL_BYTES)
            s = refuse(u, UPDATE_TOO_BIG, NULL);
        for (ssize_t off = 0; s == UPDATE_OK && off < r;) {
            ssize_t wr = write(out, buf + off, (size_t)(r - off));
            if (wr < 0 && errno == EINTR)
                continue;
            if (wr <= 0)
                s = refuse(u, write_status(errno), "%s: %s", rel, strerror(wr < 0 ? errno : ENOSPC));
            else
                off += wr;
        }
    }
    free(buf);
    close(in);
    if (close(out) != 0 && s == UPDATE_OK)
        s = refuse(u, write_status(errno), "%s: %s", rel, strerror(errno));
    return s;
}

/* walks the open folder sdir: bounds, names and types; copies into ddir unless it
 * is -1. sdir is closed. */
static UpdateStatus walk(Update *u, Walk *w, int sdir, int ddir, const char *prefix, int depth)
{
    DIR *d = fdopendir(sdir);
    if (!d) {
        close(sdir);
        return refuse(u, UPDATE_READ_ERROR, "%s: %s", prefix[0] ? prefix : "KIOSK", strerror(errno));
    }
    UpdateStatus s = UPDATE_OK;
    for (;;) {
        errno = 0;
        struct dirent *e = readdir(d);
        if (!e) {
            if (errno)
                s = refuse(u, UPDATE_READ_ERROR, "%s: %s", prefix[0] ? prefix : "KIOSK",
                           strerror(errno));
            break;
        }
        const char *name = e->d_name;
        if (!strcmp(name, ".") || !strcmp(name, "..") || (depth == 0 && own_file(name)))
            continue;
        char rel[UPDATE_PATH_MAX];
        if (++w->n_entries > UPDATE_MAX_FILES) {
            s = refuse(u, UPDATE_TOO_MANY_FILES, NULL);
            break;
        }
        if (snprintf(rel, sizeof rel, "%s%s", prefix, name) >= (int)sizeof rel ||
            check_path(name, strlen(name)) != UPDATE_OK) {
            s = refuse(u, UPDATE_BAD_NAME, "%.60s", rel);
            break;
        }
        struct stat st;
        if (fstatat(dirfd(d), name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
            s = refuse(u, UPDATE_READ_ERROR, "%s: %s", rel, strerror(errno));
            break;
        }
        if (S_ISLNK(st.st_mode)) {
            s = refuse(u, UPDATE_SYMLINK, "%s", rel);
        } else if (S_ISDIR(st.st_mode)) {
            if (depth + 1 > UPDATE_MAX_DEPTH) {
                s = refuse(u, UPDATE_TOO_DEEP, "%s", rel);
                break;
            }
            int sub = openat(dirfd(d), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (sub < 0) {
                s = refuse(u, errno == ELOOP || errno == ENOTDIR ? UPDATE_SYMLINK : UPDATE_READ_ERROR,
                           "%s: %s", rel, strerror(errno));
                break;
            }
            int dsub = -1;
            if (ddir >= 0 && (mkdirat(ddir, name, 0700) != 0 ||
                              (dsub = openat(ddir, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
                                             O_CLOEXEC)) < 0)) {
                close(sub);
                s = refuse(u, write_status(errno), "%s: %s", rel, strerror(errno));
                break;
            }
            char sub_prefix[UPDATE_PATH_MAX + 2];
            snprintf(sub_prefix, sizeof sub_prefix, "%s/", rel);
            s = walk(u, w, sub, dsub, sub_prefix, depth + 1);
            if (dsub >= 0)
                close(dsub);
        } else if (S_ISREG(st.st_mode)) {
            if (st.st_size > UPDATE_MAX_FILE_BYTES) {
                s = refuse(u, UPDATE_FILE_TOO_BIG, "%s (%lld MiB)", rel, (long long)st.st_size >> 20);
            } else if (ddir < 0 && (w->total += st.st_size) > UPDATE_MAX_TOTAL_BYTES) {
                s = refuse(u, UPDATE_TOO_BIG, NULL);
            } else if (ddir >= 0) {
                s = copy_one(u, w, dirfd(d), ddir, name, rel);
            }
            if (s == UPDATE_OK && w->n_files < UPDATE_MAX_FILES) {
                snprintf(w->files[w->n_files].path, UPDATE_PATH_MAX, "%s", rel);
                w->files[w->n_files++].size = st.st_size;
            }
        } else {
            s = refuse(u, UPDATE_SPECIAL_FILE, "%s", rel);
        }
        if (s != UPDATE_OK)
            break;
    }
    closedir(d);
    return s;
}

/* dir/KIOSK when that is a folder, else dir itself */
static void find_kiosk(const char *dir, char *out, size_t n)
{
    struct stat st;
    snprintf(out, n, "%s/KIOSK", dir);
    if (lstat(out, &st) != 0 || !S_ISDIR(st.st_mode))
        snprintf(out, n, "%s", dir);
}

void update_begin(Update *u, const char *dir, const char *data_dir, const char *keys_dir,
                  bool staff_approval, Lang lang)
{
    memset(u, 0, sizeof *u);
    find_kiosk(dir, u->src, sizeof u->src);
    snprintf(u->data_dir, sizeof u->data_dir, "%s", data_dir);
    snprintf(u->keys_dir, sizeof u->keys_dir, "%s", keys_dir ? keys_dir : "");
    u->staff_approval = staff_approval;
    u->lang = (unsigned)lang < LANG_COUNT ? lang : LANG_DEFAULT;
    u->status = UPDATE_OK;
}

/* bounds, then copies KIOSK/ into data_dir/staging */
UpdateStatus update_stage(Update *u)
{
    char staging[PATH_MAX];
    note(u, "source: %s", u->src);
    if (store_path(u->data_dir, STORE_STAGING, staging, sizeof staging))
        return refuse(u, UPDATE_WRITE_ERROR, "data folder path too long");
    Walk *w = calloc(1, sizeof *w);
    if (!w)
        return refuse(u, UPDATE_WRITE_ERROR, "out of memory");
    UpdateStatus s;
    int sfd = open(u->src, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (sfd < 0) {
        s = refuse(u, errno == ENOENT || errno == ENOTDIR || errno == ELOOP ? UPDATE_NO_FOLDER
                                                                            : UPDATE_READ_ERROR,
                   "%s: %s", u->src, strerror(errno));
        goto out;
    }
    s = walk(u, w, sfd, -1, "", 0);
    if (s != UPDATE_OK)
        goto out;
    note(u, "checked: %d files, %lld bytes, no links or special files", w->n_files, w->total);
    if (store_remove_tree(staging) != 0 || mkdir(staging, 0700) != 0) {
        s = refuse(u, write_status(errno), "%s: %s", staging, strerror(errno));
        goto out;
    }
    int dfd = open(staging, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    sfd = open(u->src, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (dfd < 0 || sfd < 0) {
        int e = errno;
        s = refuse(u, dfd < 0 ? write_status(e) : UPDATE_READ_ERROR, "%s", strerror(e));
        if (dfd >= 0)
            close(dfd);
        if (sfd >= 0)
            close(sfd);
        goto out;
    }
    memset(w, 0, sizeof *w);
    s = walk(u, w, sfd, dfd, "", 0);
    close(dfd);
    if (s == UPDATE_OK) {
        u->n_files = w->n_files;
        u->n_bytes = w->total;
        u->step = 1;
        u->status = UPDATE_OK;
        note(u, "copied to internal storage: %d files, %lld bytes", w->n_files, w->total);
    }
out:
    if (s != UPDATE_OK)
        store_remove_tree(staging);
    free(w);
    return s;
}

/* ---- verifying the staged copy ---- */

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
        return refuse(u, UPDATE_UNKNOWN_KEY, "no trusted keys in %s", u->keys_dir);
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
                note(u, "signature: valid, key %s (%s/%s)", u->key_id, u->keys_dir, e->d_name);
        }
    }
    closedir(d);
    if (best == UPDATE_BAD_SIGNATURE)
        return refuse(u, best, "key %s", u->key_id[0] ? u->key_id : "?");
    if (best == UPDATE_UNKNOWN_KEY) {
        /* a malformed signature file says so rather than "unknown key" */
        char id[17];
        if (update_minisign_verify(sig, sig_len, "", 0, msg, msg_len, id) == UPDATE_BAD_SIGNATURE)
            return refuse(u, UPDATE_BAD_SIGNATURE, "SHA256SUMS.minisig is malformed");
        return refuse(u, best, "key %s", u->key_id[0] ? u->key_id : id);
    }
    return UPDATE_OK;
}

/* every staged file listed and matching, every listed file present */
static UpdateStatus check_files(Update *u, int dfd, const UpdateManifest *m)
{
    Walk *w = calloc(1, sizeof *w);
    if (!w)
        return refuse(u, UPDATE_WRITE_ERROR, "out of memory");
    int fd = dup(dfd);
    UpdateStatus s = fd < 0 ? refuse(u, UPDATE_READ_ERROR, "staging") : walk(u, w, fd, -1, "", 0);
    for (int i = 0; s == UPDATE_OK && i < w->n_files; i++) {
        const char *p = w->files[i].path;
        if (!strcmp(p, "SHA256SUMS") || !strcmp(p, "SHA256SUMS.minisig"))
            continue;
        int k = 0;
        while (k < m->n && strcmp(m->entries[k].path, p))
            k++;
        if (k == m->n)
            s = refuse(u, UPDATE_UNLISTED_FILE, "%s", p);
    }
    for (int k = 0; s == UPDATE_OK && k < m->n; k++) {
        unsigned char h[32];
        struct stat st;
        if (fstatat(dfd, m->entries[k].path, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
            s = refuse(u, UPDATE_MISSING_FILE, "%s", m->entries[k].path);
        else if (staged_sha256(dfd, m->entries[k].path, h) != 0)
            s = refuse(u, UPDATE_READ_ERROR, "%s", m->entries[k].path);
        else if (sodium_memcmp(h, m->entries[k].sha256, 32) != 0)
            s = refuse(u, UPDATE_CHECKSUM, "%s", m->entries[k].path);
    }
    if (s == UPDATE_OK)
        note(u, "checksums: %d files listed in SHA256SUMS, all match, none unlisted", m->n);
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
        return refuse(u, UPDATE_WRONG_PRODUCT, "\"%s\"", u->product);
    if (!hsds_version_valid(u->version))
        return refuse(u, UPDATE_NO_VERSION, "\"%s\"", u->version);
    if (u->old_version[0] &&
        hsds_version_compare(u->version, u->old_version) <= 0)
        return refuse(u, UPDATE_OLD_VERSION, "%s, installed %s", u->version, u->old_version);
    note(u, "package: %s version %s (installed: %s)", u->product, u->version,
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
            note(u, "warning: %d text%s without a translation into %s (e.g. %s): shown in "
                    "the package's own language", k, k == 1 ? "" : "s", i18n_name((Lang)l), first);
    }
    db_close(db);
}

/* signature, checksums, identity, data; builds content.db.new */
UpdateStatus update_verify(Update *u)
{
    char staging[PATH_MAX], live[PATH_MAX], fresh[PATH_MAX], why[512] = "";
    if (u->step != 1)
        return refuse(u, UPDATE_NO_FOLDER, "nothing staged");
    if (store_path(u->data_dir, STORE_STAGING, staging, sizeof staging) ||
        store_path(u->data_dir, STORE_LIVE, live, sizeof live) ||
        store_path(u->data_dir, STORE_NEW, fresh, sizeof fresh))
        return refuse(u, UPDATE_WRITE_ERROR, "data folder path too long");
    int dfd = open(staging, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (dfd < 0)
        return refuse(u, UPDATE_READ_ERROR, "%s: %s", staging, strerror(errno));
    UpdateStatus s = UPDATE_OK;
    size_t sums_len = 0, sig_len = 0;
    char *sums = read_small(dfd, "SHA256SUMS", UPDATE_MANIFEST_MAX, &sums_len);
    int sums_errno = errno;
    char *sig = read_small(dfd, "SHA256SUMS.minisig", UPDATE_SIG_MAX, &sig_len);
    int sig_errno = errno;
    UpdateManifest *m = calloc(1, sizeof *m);
    HsdsReport r;
    memset(&r, 0, sizeof r);
    if (!m) {
        s = refuse(u, UPDATE_WRITE_ERROR, "out of memory");
        goto out;
    }
    if (!sums && sums_errno != ENOENT) {
        s = refuse(u, UPDATE_BAD_MANIFEST, "%s", sums_errno == EFBIG ? "too long" : strerror(sums_errno));
        goto out;
    }
    if (!sig && sig_errno != ENOENT) {
        s = refuse(u, UPDATE_BAD_SIGNATURE, "SHA256SUMS.minisig: %s",
                   sig_errno == EFBIG ? "too long" : strerror(sig_errno));
        goto out;
    }
    if (sig) {
        if (!sums) {
            s = refuse(u, UPDATE_NO_MANIFEST, NULL);
            goto out;
        }
        if ((s = check_signature(u, sig, sig_len, (const unsigned char *)sums, sums_len)))
            goto out;
        u->is_signed = true;
    } else if (!u->staff_approval) {
        s = refuse(u, UPDATE_UNSIGNED, "no SHA256SUMS.minisig");
        goto out;
    } else {
        note(u, "signature: none (staff approval with the PIN is required)");
    }
    if (sums) {
        char err[200];
        if ((s = update_manifest_parse(sums, sums_len, m, err, sizeof err))) {
            refuse(u, s, "%s", err);
            goto out;
        }
        if ((s = check_files(u, dfd, m)))
            goto out;
    } else {
        note(u, "checksums: no SHA256SUMS");
    }
    if (hsds_check(staging, &r) != 0) {
        for (int i = 0; i < r.n_problems; i++) {
            const HsdsProblem *p = &r.problems[i];
            note(u, "%s:%d:%d: %s: %s", p->file, p->line, p->column,
                 p->severity == HSDS_ERROR ? "error" : "warning", p->message);
        }
        const HsdsProblem *first = NULL;
        for (int i = 0; i < r.n_problems && !first; i++)
            if (r.problems[i].severity == HSDS_ERROR)
                first = &r.problems[i];
        if (first)
            s = refuse(u, UPDATE_DATA_ERRORS, "%s:%d:%d: %s", first->file, first->line,
                       first->column, first->message);
        else
            s = refuse(u, UPDATE_DATA_ERRORS, "%d errors", r.n_errors);
        goto out;
    }
    note(u, "data: %d records, %d warnings", r.n_records, r.n_warnings);
    if ((s = check_identity(u, &r)))
        goto out;
    hsds_report_free(&r);
    memset(&r, 0, sizeof r);
    if (store_build(u->data_dir, staging, &r, why, sizeof why) != 0) {
        int e = errno;
        s = r.n_errors ? refuse(u, UPDATE_DATA_ERRORS, "%s", why)
            : e == ENOSPC ? refuse(u, UPDATE_DISK_FULL, "%s", why)
                          : refuse(u, UPDATE_INVALID_DB, "%s", why);
        goto out;
    }
    note(u, "new database: built and checked (integrity, every language, QR codes)");
    note_untranslated(u, fresh);
    update_describe_changes(live, fresh, u->lang, u->changes, sizeof u->changes);
    note(u, "changes: %s", u->changes);
    u->step = 2;
    s = u->status = u->is_signed ? UPDATE_OK : UPDATE_NEEDS_PIN;
out:
    hsds_report_free(&r);
    free(m);
    free(sums);
    free(sig);
    close(dfd);
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
    note(u, "staff PIN: %s", r == PIN_OK ? "accepted" : r == PIN_WRONG ? "wrong"
                             : r == PIN_LOCKED ? "locked after too many wrong tries"
                             : r == PIN_UNSET ? "no PIN is set" : "cannot be checked");
    if (r != PIN_OK && r != PIN_WRONG)
        refuse(u, UPDATE_PIN_REFUSED, NULL);
    return r;
}

/* swaps the verified database in */
UpdateStatus update_apply(Update *u)
{
    char why[512] = "", staging[PATH_MAX];
    if (u->step != 2)
        return refuse(u, UPDATE_APPLY_FAILED, "the package was not verified");
    if (!u->is_signed && !u->approved) {
        update_cancel(u);
        return refuse(u, u->staff_approval ? UPDATE_PIN_REFUSED : UPDATE_UNSIGNED, NULL);
    }
    if (store_install(u->data_dir, why, sizeof why) != 0) {
        int e = errno;
        update_cancel(u);
        return refuse(u, e == ENOSPC ? UPDATE_DISK_FULL : UPDATE_APPLY_FAILED, "%s", why);
    }
    if (store_path(u->data_dir, STORE_STAGING, staging, sizeof staging) == 0)
        store_remove_tree(staging);
    u->step = 3;
    u->status = UPDATE_OK;
    note(u, "applied: version %s is live, the previous content is kept for rollback", u->version);
    return UPDATE_OK;
}

/* drops the staged copy and the new database */
void update_cancel(Update *u)
{
    char path[PATH_MAX];
    if (store_path(u->data_dir, STORE_STAGING, path, sizeof path) == 0)
        store_remove_tree(path);
    if (u->step == 2 && store_path(u->data_dir, STORE_NEW, path, sizeof path) == 0)
        unlink(path);
    if (u->step == 1 || u->step == 2) {
        u->status = UPDATE_CANCELLED;
        note(u, "cancelled: the content is unchanged");
    }
    u->step = 0;
}

/* writes text to path, replacing it; -1 with errno on failure */
static int write_text(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0)
        return -1;
    size_t len = strlen(text);
    int ok = write(fd, text, len) == (ssize_t)len;
    int e = errno;
    ok = close(fd) == 0 && ok;
    if (!ok)
        errno = e ? e : EIO;
    return ok ? 0 : -1;
}

/* starts data_dir/usb-outbox.new/KIOSK/ (the stick's root mirrored); -1 on failure */
static int outbox_begin(const char *data_dir, char *kiosk, size_t n)
{
    char dir[PATH_MAX];
    if (store_path(data_dir, STORE_OUTBOX ".new", dir, sizeof dir) ||
        snprintf(kiosk, n, "%s/KIOSK", dir) >= (int)n)
        return -1;
    store_remove_tree(dir);
    return mkdir(dir, 0700) == 0 && mkdir(kiosk, 0700) == 0 ? 0 : -1;
}

/* hands the outbox to kiosk-usb-write.service by renaming it complete */
static int outbox_commit(const char *data_dir)
{
    char from[PATH_MAX], to[PATH_MAX];
    if (store_path(data_dir, STORE_OUTBOX ".new", from, sizeof from) ||
        store_path(data_dir, STORE_OUTBOX, to, sizeof to))
        return -1;
    store_remove_tree(to);
    return rename(from, to);
}

/* the report: the screen text, then what was checked */
static void compose_report(const Update *u, const char *screen, char *out, size_t n)
{
    char when[64];
    time_t t = time(NULL);
    struct tm tm;
    strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S %Z", localtime_r(&t, &tm));
    snprintf(out, n, "Kiosk content update report / Αναφορά ενημέρωσης περιεχομένου\n%s\n\n"
             "%s\n\n%s", when, screen, u->log);
}

/* "Words (detail). Tail": the detail goes in brackets before the words' full stop */
static void with_detail(const char *words, const char *detail, const char *tail, char *out,
                        size_t n)
{
    size_t len = strlen(words);
    if (len && words[len - 1] == '.' && detail[0])
        len--;
    snprintf(out, n, "%.*s%s%s%s%s%s%s", (int)len, words, detail[0] ? " (" : "", detail,
             detail[0] ? ")." : "", tail[0] ? " " : "", tail, "");
}

/* report on the stick and in data_dir, syslog, and the screen text */
void update_finish(Update *u, char *out, size_t n)
{
    Lang l = u->lang;
    char screen[1024], report[sizeof u->log + 2048], path[PATH_MAX + 16];
    bool applied = u->step == 3;
    if (u->step == 1 || u->step == 2)
        update_cancel(u);
    if (applied)
        snprintf(screen, sizeof screen, "%s %s%s", update_status_text(UPDATE_OK, l),
                 u->changes, u->changes[0] ? "." : "");
    else
        with_detail(update_status_text(u->status, l), u->detail, unchanged_words[l], screen,
                    sizeof screen);
    compose_report(u, screen, report, sizeof report);
    char kiosk[PATH_MAX];
    bool on_stick;
    if (u->outbox) {
        on_stick = outbox_begin(u->data_dir, kiosk, sizeof kiosk) == 0 &&
                   snprintf(path, sizeof path, "%s/%s", kiosk, UPDATE_REPORT_FILE) > 0 &&
                   write_text(path, report) == 0 && outbox_commit(u->data_dir) == 0;
    } else {
        snprintf(path, sizeof path, "%s/%s", u->src, UPDATE_REPORT_FILE);
        on_stick = write_text(path, report) == 0;
    }
    if (!on_stick) {
        size_t len = strlen(screen);
        snprintf(screen + len, sizeof screen - len, " %s", no_report_words[l]);
    }
    char mine[PATH_MAX];
    if (store_path(u->data_dir, STORE_REPORT, mine, sizeof mine) == 0) {
        compose_report(u, screen, report, sizeof report);
        write_text(mine, report);
    }
    openlog("kiosk", LOG_PID, LOG_USER);
    if (applied)
        syslog(LOG_NOTICE, "update: applied %s %s from %s (key %s): %s", u->product, u->version,
               u->src, u->is_signed ? u->key_id : "none, staff PIN", u->changes);
    else
        syslog(LOG_WARNING, "update: refused from %s: %s %s", u->src,
               update_status_text(u->status, LANG_EN), u->detail);
    if (!on_stick)
        syslog(LOG_INFO, "update: the report could not be written to %s", u->src);
    if (out && n)
        snprintf(out, n, "%s", screen);
}

/* ---- what changed ---- */

typedef enum {
    CH_NAME, CH_ABOUT, CH_PARENT, CH_SERVICE, CH_JOIN, CH_HOURS, CH_CLOSURES, CH_PHONE,
    CH_EMAIL, CH_WEBSITE, CH_ADDRESS, CH_FUNDING, CH_LANGUAGES, CH_PROGRAM_TEXT, CH_COUNT
} Change;

static const char *const change_words[CH_COUNT][LANG_COUNT] = {
    [CH_NAME] = { "το όνομα άλλαξε", "name changed" },
    [CH_ABOUT] = { "η περιγραφή άλλαξε", "about text changed" },
    [CH_PARENT] = { "ο φορέας άλλαξε", "parent body changed" },
    [CH_SERVICE] = { "η περιγραφή της υπηρεσίας άλλαξε", "service description changed" },
    [CH_JOIN] = { "ο τρόπος συμμετοχής άλλαξε", "how to take part changed" },
    [CH_HOURS] = { "το ωράριο άλλαξε", "opening hours changed" },
    [CH_CLOSURES] = { "οι ημέρες κλεισίματος άλλαξαν", "closures changed" },
    [CH_PHONE] = { "το τηλέφωνο άλλαξε", "phone changed" },
    [CH_EMAIL] = { "το email άλλαξε", "email changed" },
    [CH_WEBSITE] = { "η ιστοσελίδα άλλαξε", "website changed" },
    [CH_ADDRESS] = { "η διεύθυνση άλλαξε", "address changed" },
    [CH_FUNDING] = { "η χρηματοδότηση άλλαξε", "funding changed" },
    [CH_LANGUAGES] = { "οι γλώσσες άλλαξαν", "languages changed" },
    [CH_PROGRAM_TEXT] = { "οι περιγραφές των επιτροπών άλλαξαν", "committee descriptions changed" },
};

/* committees: "%d ... renamed / added / removed", singular then plural */
static const char *const program_words[3][2][LANG_COUNT] = {
    { { "%d επιτροπή μετονομάστηκε", "%d committee renamed" },
      { "%d επιτροπές μετονομάστηκαν", "%d committees renamed" } },
    { { "%d επιτροπή προστέθηκε", "%d committee added" },
      { "%d επιτροπές προστέθηκαν", "%d committees added" } },
    { { "%d επιτροπή αφαιρέθηκε", "%d committee removed" },
      { "%d επιτροπές αφαιρέθηκαν", "%d committees removed" } },
};

static const char *const no_change_words[LANG_COUNT] = { "καμία ορατή αλλαγή", "no visible changes" };

/* true when two content strings differ */
static bool differs(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") != 0;
}

/* sets the changes seen between two Contents of one language */
static void compare_content(const Content *a, const Content *b, bool ch[CH_COUNT], int prog[3])
{
    ch[CH_NAME] |= differs(a->org_name, b->org_name) || differs(a->org_short, b->org_short);
    ch[CH_ABOUT] |= differs(a->org_description, b->org_description);
    ch[CH_PARENT] |= differs(a->parent_name, b->parent_name) ||
                     differs(a->parent_type, b->parent_type) || differs(a->department, b->department);
    ch[CH_SERVICE] |= differs(a->service_name, b->service_name) ||
                      differs(a->service_description, b->service_description) ||
                      differs(a->category, b->category) || differs(a->audience, b->audience);
    ch[CH_JOIN] |= differs(a->application_process, b->application_process);
    ch[CH_PHONE] |= differs(a->phone, b->phone);
    ch[CH_EMAIL] |= differs(a->email, b->email);
    ch[CH_WEBSITE] |= differs(a->website, b->website);
    ch[CH_ADDRESS] |= differs(a->address, b->address) || differs(a->city, b->city) ||
                      differs(a->postal_code, b->postal_code) || differs(a->country, b->country) ||
                      differs(a->community, b->community) || a->has_coords != b->has_coords ||
                      (a->has_coords && (a->latitude != b->latitude || a->longitude != b->longitude));
    ch[CH_FUNDING] |= differs(a->funding, b->funding);
    bool langs = a->n_languages != b->n_languages;
    for (int i = 0; !langs && i < a->n_languages; i++)
        langs = differs(a->languages[i], b->languages[i]);
    ch[CH_LANGUAGES] |= langs;
    /* committees: names only in one side; pairs of them count as renamed */
    int gone = 0, added = 0;
    for (int i = 0; i < a->n_programs; i++) {
        int k = 0;
        while (k < b->n_programs && differs(a->programs[i].name, b->programs[k].name))
            k++;
        if (k == b->n_programs)
            gone++;
        else if (differs(a->programs[i].description, b->programs[k].description))
            ch[CH_PROGRAM_TEXT] = true;
    }
    for (int k = 0; k < b->n_programs; k++) {
        int i = 0;
        while (i < a->n_programs && differs(a->programs[i].name, b->programs[k].name))
            i++;
        added += i == a->n_programs;
    }
    int renamed = gone < added ? gone : added;
    int p[3] = { renamed, added - renamed, gone - renamed };
    for (int i = 0; i < 3; i++)
        if (p[i] > prog[i])
            prog[i] = p[i];
}

/* true when two hours tables say different things */
static void compare_hours(const HoursTable *a, const HoursTable *b, bool ch[CH_COUNT])
{
    ch[CH_HOURS] = a->n_periods != b->n_periods ||
                   memcmp(a->periods, b->periods, sizeof a->periods[0] * (size_t)a->n_periods) != 0;
    bool c = a->n_closures != b->n_closures;
    for (int i = 0; !c && i < a->n_closures; i++) {
        const HoursClosure *x = &a->closures[i], *y = &b->closures[i];
        c = x->from != y->from || x->to != y->to || x->closed != y->closed ||
            (!x->closed && (x->opens_min != y->opens_min || x->closes_min != y->closes_min));
        for (int l = 0; !c && l < LANG_COUNT; l++)
            c = strcmp(x->reason[l], y->reason[l]) != 0;
    }
    ch[CH_CLOSURES] = c;
}

/* appends an item to the list with the separator; the first item gets a capital */
static void add_item(char *out, size_t n, const char *item)
{
    size_t len = strlen(out);
    if (len + 1 >= n)
        return;
    if (len == 0) {
        const char *rest = item;
        text_utf8_next(&rest);
        char first[8] = "", cap[16];
        memcpy(first, item, (size_t)(rest - item) < sizeof first ? (size_t)(rest - item) : 0);
        text_upper(first, cap, sizeof cap);
        snprintf(out, n, "%s%s", cap, rest);
    } else {
        snprintf(out + len, n - len, " · %s", item);
    }
}

/* compares two databases in every language, said in lang */
int update_describe_changes(const char *old_db, const char *new_db, Lang lang,
                            char *out, size_t n)
{
    static const char *const unreadable[LANG_COUNT] = {
        "το τρέχον περιεχόμενο δεν διαβάζεται", "the current content cannot be read" };
    if ((unsigned)lang >= LANG_COUNT)
        lang = LANG_DEFAULT;
    out[0] = '\0';
    char err[256];
    Db *a = db_open(old_db, err, sizeof err), *b = db_open(new_db, err, sizeof err);
    HoursTable *ha = calloc(1, sizeof *ha), *hb = calloc(1, sizeof *hb);
    bool ch[CH_COUNT] = { false };
    int prog[3] = { 0, 0, 0 }, count = -1;
    if (!a || !b || !ha || !hb)
        goto out;
    for (int l = 0; l < LANG_COUNT; l++) {
        Content ca, cb;
        memset(&ca, 0, sizeof ca);
        memset(&cb, 0, sizeof cb);
        int ok = db_load_content(a, (Lang)l, &ca) == 0 && db_load_content(b, (Lang)l, &cb) == 0;
        if (ok)
            compare_content(&ca, &cb, ch, prog);
        content_free(&ca);
        content_free(&cb);
        if (!ok)
            goto out;
    }
    if (db_load_hours(a, ha) != 0 || db_load_hours(b, hb) != 0)
        goto out;
    compare_hours(ha, hb, ch);
    count = 0;
    static const Change order[] = { CH_HOURS, CH_CLOSURES, CH_PHONE, CH_EMAIL, CH_WEBSITE,
                                    CH_ADDRESS, CH_NAME, CH_ABOUT, CH_PARENT, CH_SERVICE,
                                    CH_JOIN, CH_FUNDING, CH_LANGUAGES };
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
        if (ch[order[i]])
            add_item(out, n, change_words[order[i]][lang]), count++;
    for (int i = 0; i < 3; i++) {
        if (!prog[i])
            continue;
        char item[128];
        snprintf(item, sizeof item, program_words[i][prog[i] > 1][lang], prog[i]);
        add_item(out, n, item);
        count++;
    }
    if (ch[CH_PROGRAM_TEXT])
        add_item(out, n, change_words[CH_PROGRAM_TEXT][lang]), count++;
    if (count == 0)
        add_item(out, n, no_change_words[lang]);
out:
    if (count < 0)
        add_item(out, n, unreadable[lang]);
    free(ha);
    free(hb);
    if (a)
        db_close(a);
    if (b)
        db_close(b);
    return count;
}

/* ---- export ---- */

bool update_wants_export(const char *dir)
{
    char kiosk[PATH_MAX], flag[PATH_MAX + 16];
    struct stat st;
    find_kiosk(dir, kiosk, sizeof kiosk);
    snprintf(flag, sizeof flag, "%s/%s", kiosk, UPDATE_EXPORT_FLAG);
    return lstat(flag, &st) == 0 && S_ISREG(st.st_mode);
}

/* the live content as an HSDS package in KIOSK/export/ */
UpdateStatus update_export(const char *dir, const char *data_dir, bool outbox, Lang lang,
                           char *out, size_t n)
{
    Update u;
    update_begin(&u, dir, data_dir, "", false, lang);
    char live[PATH_MAX], target[PATH_MAX + 16], kiosk[PATH_MAX];
    HsdsReport r;
    memset(&r, 0, sizeof r);
    snprintf(kiosk, sizeof kiosk, "%s", u.src);
    if (outbox && outbox_begin(data_dir, kiosk, sizeof kiosk) != 0)
        refuse(&u, UPDATE_EXPORT_FAILED, "%s: %s", data_dir, strerror(errno));
    snprintf(target, sizeof target, "%s/%s", kiosk, UPDATE_EXPORT_DIR);
    note(&u, "export to: %s", target);
    struct stat st;
    if (u.status != UPDATE_OK)
        ;
    else if (store_path(data_dir, STORE_LIVE, live, sizeof live) || stat(live, &st) != 0)
        refuse(&u, UPDATE_EXPORT_FAILED, "no live content in %s", data_dir);
    else if ((lstat(target, &st) == 0 && !S_ISDIR(st.st_mode)) ||
             (mkdir(target, 0755) != 0 && errno != EEXIST))
        refuse(&u, UPDATE_EXPORT_FAILED, "%s: %s", target, strerror(errno ? errno : ENOTDIR));
    else if (hsds_export(live, target, &r) != 0)
        refuse(&u, UPDATE_EXPORT_FAILED, "%s", r.n_problems ? r.problems[0].message : "cannot write");
    else
        note(&u, "exported: %d records", r.n_records);
    hsds_report_free(&r);
    UpdateStatus s = u.status;
    char screen[1024], report[sizeof u.log + 2048], path[PATH_MAX + 16];
    if (s == UPDATE_OK)
        snprintf(screen, sizeof screen, "%s", exported_words[u.lang]);
    else
        with_detail(update_status_text(s, u.lang), u.detail, "", screen, sizeof screen);
    compose_report(&u, screen, report, sizeof report);
    snprintf(path, sizeof path, "%s/%s", kiosk, UPDATE_REPORT_FILE);
    write_text(path, report);
    if (outbox && outbox_commit(data_dir) != 0)
        syslog(LOG_WARNING, "export: cannot hand the files to the USB copy job: %s", strerror(errno));
    openlog("kiosk", LOG_PID, LOG_USER);
    syslog(s == UPDATE_OK ? LOG_NOTICE : LOG_WARNING, "export to %s: %s %s", target,
           s == UPDATE_OK ? "done" : update_status_text(s, LANG_EN), u.detail);
    if (out && n)
        snprintf(out, n, "%s", screen);
    return s;
}
