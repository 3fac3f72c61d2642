/* update_private.h - what the files of src/core/update/ share, and nothing outside reads.
 * The files, in the order an attempt goes through them:
 *   attempt.c   an attempt's state and its getters
 *   stage.c     walking KIOSK/ on the stick and copying it to staging
 *   manifest.c  SHA256SUMS
 *   minisign.c  the signature over SHA256SUMS
 *   verify.c    checking the staged copy, approving, applying, cancelling
 *   changes.c   what the new content changes, in words
 *   report.c    the attempt's log and its report
 *   export.c    the live content written to a stick
 *   words.c     what the screen says of each status */
#ifndef UPDATE_PRIVATE_H
#define UPDATE_PRIVATE_H
#include "core/update.h"

#include <limits.h>

/* one attempt, from update_begin to update_finish */
struct Update {
    char src[PATH_MAX];         /* the KIOSK/ folder on the stick */
    char data_dir[PATH_MAX];
    char keys_dir[PATH_MAX];
    bool staff_approval;        /* Config.staff_approval */
    bool outbox;                /* the stick is mounted read-only (the installed kiosk): the
                                   report goes to data_dir/usb-outbox/KIOSK/ for
                                   kiosk-usb-write.service to copy; set after update_begin */
    Lang lang;                  /* of the screen text */
    UpdateStatus status;        /* of the last step */
    char detail[512];           /* what the status is about: a file, file:line:column */
    int step;                   /* UPDATE_STEP_*: how far the attempt got */
    bool is_signed, approved;
    char key_id[17];            /* of the signing key, as minisign prints it */
    char product[64], version[32], old_version[32];
    int n_files;
    long long n_bytes;
    char changes[512];          /* update_describe_changes, in lang */
    char log[8192];             /* what was checked, one line each, for the report */
    size_t log_len;
};

/* the steps an attempt has passed, in Update.step */
enum { UPDATE_STEP_NONE, UPDATE_STEP_STAGED, UPDATE_STEP_VERIFIED, UPDATE_STEP_APPLIED };

/* ---- words.c ---- */
extern const char *const update_unchanged_words[LANG_COUNT];
extern const char *const update_no_report_words[LANG_COUNT];
extern const char *const update_exported_words[LANG_COUNT];

/* ---- report.c ---- */
/* appends one line to the attempt's log (cut when the log is full) */
void update_note(Update *u, const char *fmt, ...);
/* records a refusal with its detail (fmt may be NULL) in u and its log; returns s */
UpdateStatus update_refuse(Update *u, UpdateStatus s, const char *fmt, ...);
/* the status of a failed write with errno e: a full disk has its own words */
UpdateStatus update_write_status(int e);
/* writes text to path, replacing it; -1 with errno on failure */
int update_write_text(const char *path, const char *text);
/* starts data_dir/usb-outbox.new/KIOSK/ (the stick's root mirrored); -1 on failure */
int update_outbox_begin(const char *data_dir, char *kiosk, size_t n);
/* hands the outbox to kiosk-usb-write.service by renaming it complete; -1 on failure */
int update_outbox_commit(const char *data_dir);
/* the report: a heading with the time, the screen text, then what was checked */
void update_report_compose(const Update *u, const char *screen, char *out, size_t n);
/* "Words (detail). Tail": the detail goes in brackets before the words' full stop */
void update_with_detail(const char *words, const char *detail, const char *tail, char *out,
                        size_t n);

/* ---- manifest.c ---- */
/* a relative path inside the package: its status, or UPDATE_OK */
UpdateStatus update_path_check(const char *s, size_t len);

/* ---- minisign.c ---- */
/* the next line of [*p, end) without its line end; false at the end */
bool update_next_line(const char **p, const char *end, const char **line, size_t *len);

/* ---- stage.c ---- */
/* the files a walk found, with their paths inside KIOSK/ */
typedef struct WalkFile {
    char path[UPDATE_PATH_MAX];
    long long size;
} WalkFile;

typedef struct Walk {
    WalkFile files[UPDATE_MAX_FILES];
    int n_files, n_entries;
    long long total;
} Walk;

/* walks the open folder sdir: bounds, names and types; copies into ddir unless it is
 * -1. sdir is closed. A refusal is recorded in u and returned. */
UpdateStatus update_walk(Update *u, Walk *w, int sdir, int ddir, const char *prefix, int depth);
/* dir/KIOSK when that is a folder, else dir itself */
void update_find_kiosk(const char *dir, char *out, size_t n);
#endif
