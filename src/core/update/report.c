/* report.c - the attempt's log, and its report: on the stick (or through the outbox
 * when the stick is read-only), in data_dir, in the journal, and on the screen. */
#include "core/update/update_private.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include "core/store.h"

/* appends one line to the attempt's log (truncated when full) */
void update_note(Update *u, const char *fmt, ...)
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
UpdateStatus update_refuse(Update *u, UpdateStatus s, const char *fmt, ...)
{
    u->status = s;
    u->detail[0] = '\0';
    if (fmt) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(u->detail, sizeof u->detail, fmt, ap);
        va_end(ap);
    }
    update_note(u, "REFUSED: %s%s%s", update_status_text(s, LANG_EN), u->detail[0] ? " " : "",
                u->detail);
    return s;
}

/* the status of a failed write: a full disk has its own words */
UpdateStatus update_write_status(int e)
{
    return e == ENOSPC || e == EDQUOT ? UPDATE_DISK_FULL : UPDATE_WRITE_ERROR;
}

/* writes text to path, replacing it; -1 with errno on failure */
int update_write_text(const char *path, const char *text)
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
int update_outbox_begin(const char *data_dir, char *kiosk, size_t n)
{
    char dir[PATH_MAX];
    if (store_path(data_dir, STORE_OUTBOX ".new", dir, sizeof dir) ||
        snprintf(kiosk, n, "%s/KIOSK", dir) >= (int)n)
        return -1;
    store_remove_tree(dir);
    return mkdir(dir, 0700) == 0 && mkdir(kiosk, 0700) == 0 ? 0 : -1;
}

/* hands the outbox to kiosk-usb-write.service by renaming it complete */
int update_outbox_commit(const char *data_dir)
{
    char from[PATH_MAX], to[PATH_MAX];
    if (store_path(data_dir, STORE_OUTBOX ".new", from, sizeof from) ||
        store_path(data_dir, STORE_OUTBOX, to, sizeof to))
        return -1;
    store_remove_tree(to);
    return rename(from, to);
}

/* the report: the screen text, then what was checked */
void update_report_compose(const Update *u, const char *screen, char *out, size_t n)
{
    char when[64];
    time_t t = time(NULL);
    struct tm tm;
    strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S %Z", localtime_r(&t, &tm));
    snprintf(out, n,
             "Kiosk content update report / Αναφορά ενημέρωσης περιεχομένου\n%s\n\n"
             "%s\n\n%s",
             when, screen, u->log);
}

/* "Words (detail). Tail": the detail goes in brackets before the words' full stop */
void update_with_detail(const char *words, const char *detail, const char *tail, char *out,
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
    bool applied = u->step == UPDATE_STEP_APPLIED;
    if (u->step == UPDATE_STEP_STAGED || u->step == UPDATE_STEP_VERIFIED)
        update_cancel(u);
    if (applied)
        snprintf(screen, sizeof screen, "%s %s%s", update_status_text(UPDATE_OK, l),
                 u->changes, u->changes[0] ? "." : "");
    else
        update_with_detail(update_status_text(u->status, l), u->detail, update_unchanged_words[l],
                           screen, sizeof screen);
    update_report_compose(u, screen, report, sizeof report);
    char kiosk[PATH_MAX];
    bool on_stick;
    if (u->outbox) {
        on_stick = update_outbox_begin(u->data_dir, kiosk, sizeof kiosk) == 0 &&
                   snprintf(path, sizeof path, "%s/%s", kiosk, UPDATE_REPORT_FILE) > 0 &&
                   update_write_text(path, report) == 0 && update_outbox_commit(u->data_dir) == 0;
    } else {
        snprintf(path, sizeof path, "%s/%s", u->src, UPDATE_REPORT_FILE);
        on_stick = update_write_text(path, report) == 0;
    }
    if (!on_stick) {
        size_t len = strlen(screen);
        snprintf(screen + len, sizeof screen - len, " %s", update_no_report_words[l]);
    }
    char mine[PATH_MAX];
    if (store_path(u->data_dir, STORE_REPORT, mine, sizeof mine) == 0) {
        update_report_compose(u, screen, report, sizeof report);
        update_write_text(mine, report);
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
