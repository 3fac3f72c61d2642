/* update.h - content updates from a USB stick, and exports to one.
 * A stick's KIOSK/ folder is copied to internal staging (update_stage), the copy is
 * checked and built into a new database beside the live one (update_verify), and
 * that database is swapped in atomically (update_apply). update_finish writes the
 * report to the stick, the journal and data_dir/last-report.txt, and gives the
 * screen its text. The screen decides between the steps: the 10 s countdown, the
 * cancel button, the PIN keypad for an unsigned package (update_approve).
 * Every refusal has its own status; the live content is never touched before
 * update_apply, and update_apply leaves the old content or the new, never a mix. */
#ifndef UPDATE_H
#define UPDATE_H
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <time.h>
#include "core/i18n.h"
#include "core/pin.h"

#define UPDATE_PRODUCT         "accmr-kiosk"
#define UPDATE_MAX_FILES       200          /* files and folders in KIOSK/ */
#define UPDATE_MAX_DEPTH       4            /* folders inside KIOSK/ */
#define UPDATE_MAX_FILE_BYTES  (64LL << 20)
#define UPDATE_MAX_TOTAL_BYTES (256LL << 20)
#define UPDATE_PATH_MAX        256          /* a path inside the package */
#define UPDATE_MANIFEST_MAX    (64 << 10)   /* SHA256SUMS */
#define UPDATE_SIG_MAX         4096         /* SHA256SUMS.minisig, a public key file */
#define UPDATE_REPORT_FILE     "REPORT.txt" /* written back into KIOSK/ */
#define UPDATE_EXPORT_FLAG     "EXPORT"     /* an empty file: export instead of update */
#define UPDATE_EXPORT_DIR      "export"     /* where an export goes, inside KIOSK/ */

typedef enum {
    UPDATE_OK,              /* staged / verified (signed) / applied */
    UPDATE_NEEDS_PIN,       /* verified but unsigned: applies only after update_approve */
    UPDATE_CANCELLED,
    UPDATE_NO_FOLDER,       /* no readable KIOSK/ folder */
    UPDATE_TOO_MANY_FILES,
    UPDATE_FILE_TOO_BIG,
    UPDATE_TOO_BIG,
    UPDATE_TOO_DEEP,
    UPDATE_SYMLINK,
    UPDATE_SPECIAL_FILE,    /* a device, a pipe or a socket */
    UPDATE_BAD_NAME,        /* a file name with control characters or a backslash */
    UPDATE_READ_ERROR,      /* the stick was pulled out or is damaged */
    UPDATE_DISK_FULL,
    UPDATE_WRITE_ERROR,
    UPDATE_NO_MANIFEST,
    UPDATE_BAD_MANIFEST,
    UPDATE_ABSOLUTE_PATH,
    UPDATE_PARENT_PATH,
    UPDATE_MISSING_FILE,
    UPDATE_UNLISTED_FILE,
    UPDATE_CHECKSUM,
    UPDATE_BAD_SIGNATURE,
    UPDATE_UNKNOWN_KEY,
    UPDATE_UNSIGNED,
    UPDATE_PIN_REFUSED,
    UPDATE_WRONG_PRODUCT,
    UPDATE_NO_VERSION,      /* none, or not a dotted number ("2026.2.1") */
    UPDATE_OLD_VERSION,
    UPDATE_DATA_ERRORS,     /* detail: "file:line:column: message" */
    UPDATE_INVALID_DB,
    UPDATE_APPLY_FAILED,
    UPDATE_EXPORT_FAILED,
    UPDATE_STATUS_COUNT
} UpdateStatus;

/* one attempt: what it was asked, how far it got, what it found (update_private.h) */
typedef struct Update Update;

/* an attempt's state, for update_begin; NULL when out of memory */
Update *update_create(void);
/* frees it; NULL is fine. A staged copy not applied should be update_cancel'ed first. */
void update_destroy(Update *u);

/* starts an attempt. dir is the stick's folder that contains KIOSK/, or KIOSK/ itself. */
void update_begin(Update *u, const char *dir, const char *data_dir, const char *keys_dir,
                  bool staff_approval, Lang lang);
/* the stick is mounted read-only (the installed kiosk): the report goes to
 * data_dir/usb-outbox/KIOSK/ for kiosk-usb-write.service to copy. Call after update_begin. */
void update_set_outbox(Update *u, bool outbox);
/* bounds-checks KIOSK/ (files, sizes, names, no links or devices) and copies it to
 * data_dir/staging/; nothing is used from the stick after this */
UpdateStatus update_stage(Update *u);
/* checks the staged copy: signature, checksums, product, version, data; builds the
 * new database beside the live one and describes the changes. UPDATE_OK when signed,
 * UPDATE_NEEDS_PIN when unsigned and staff approval is enabled, else a refusal. */
UpdateStatus update_verify(Update *u);
/* staff approval of an unsigned package with the PIN (lock state in data_dir) */
PinResult update_approve(Update *u, const char *pin_hash, const char *pin, time_t now);
/* swaps the verified database in (the previous one kept for rollback) */
UpdateStatus update_apply(Update *u);
/* drops the staged copy and the new database; the live content is unchanged */
void update_cancel(Update *u);
/* writes the report (KIOSK/REPORT.txt when the stick is writable or through the
 * outbox, data_dir/last-report.txt, syslog) and puts the screen text in the
 * attempt's language in out */
void update_finish(Update *u, char *out, size_t n);

/* the status of the last step (UPDATE_OK once begun, until a step refuses) */
UpdateStatus update_status(const Update *u);
/* what the verified package changes, in the attempt's language ("Opening hours
 * changed · phone changed"); "" before update_verify */
const char *update_changes(const Update *u);
/* true once update_apply has put the new content in place */
bool update_applied(const Update *u);

/* the plain words of a status, in lang ("The signature is not valid.") */
const char *update_status_text(UpdateStatus s, Lang lang);
/* "Opening hours changed · phone changed · 2 committees renamed", from the content of
 * two databases in every language, said in lang. Returns the number of changes, or -1
 * when a database cannot be read (out then says so). */
int update_describe_changes(const char *old_db, const char *new_db, Lang lang,
                            char *out, size_t n);
/* true when dir (or dir/KIOSK) holds the EXPORT flag file */
bool update_wants_export(const char *dir);
/* writes the live content as an HSDS package to KIOSK/export/ on the stick and a
 * report beside it (with outbox: to data_dir/usb-outbox/KIOSK/, for the copy job);
 * the screen text goes to out */
UpdateStatus update_export(const char *dir, const char *data_dir, bool outbox, Lang lang,
                           char *out, size_t n);

/* ---- the pieces, for tests and fuzzing ---- */
typedef struct UpdateManifestEntry {
    char path[UPDATE_PATH_MAX];
    unsigned char sha256[32];
} UpdateManifestEntry;

typedef struct UpdateManifest {
    UpdateManifestEntry entries[UPDATE_MAX_FILES];
    int n;
} UpdateManifest;

/* parses SHA256SUMS text ("<64 hex>  path" or "<64 hex> *path" a line). Returns
 * UPDATE_OK, or a status (BAD_MANIFEST, ABSOLUTE_PATH, PARENT_PATH, TOO_MANY_FILES)
 * with the line in err. */
UpdateStatus update_manifest_parse(const char *text, size_t len, UpdateManifest *m,
                                   char *err, size_t n);
/* verifies a minisign signature file (legacy "Ed" and prehashed "ED", and the
 * global signature over the trusted comment) of msg with one public key file's
 * text. UPDATE_OK, UPDATE_UNKNOWN_KEY (key id differs) or UPDATE_BAD_SIGNATURE;
 * the signature's key id goes to key_id (17 bytes) when it can be read. */
UpdateStatus update_minisign_verify(const char *sig, size_t sig_len, const char *pubkey,
                                    size_t pk_len, const unsigned char *msg, size_t msg_len,
                                    char key_id[17]);
#endif
