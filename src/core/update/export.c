/* export.c - the live content written to a stick as an HSDS package, when KIOSK/
 * holds the EXPORT flag file. */
#include "core/update/update_private.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <syslog.h>

#include "core/hsds.h"
#include "core/store.h"

bool update_wants_export(const char *dir)
{
    char kiosk[PATH_MAX], flag[PATH_MAX + 16];
    struct stat st;
    update_find_kiosk(dir, kiosk, sizeof kiosk);
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
    if (outbox && update_outbox_begin(data_dir, kiosk, sizeof kiosk) != 0)
        update_refuse(&u, UPDATE_EXPORT_FAILED, "%s: %s", data_dir, strerror(errno));
    snprintf(target, sizeof target, "%s/%s", kiosk, UPDATE_EXPORT_DIR);
    update_note(&u, "export to: %s", target);
    struct stat st;
    if (u.status != UPDATE_OK)
        ;
    else if (store_path(data_dir, STORE_LIVE, live, sizeof live) || stat(live, &st) != 0)
        update_refuse(&u, UPDATE_EXPORT_FAILED, "no live content in %s", data_dir);
    else if ((lstat(target, &st) == 0 && !S_ISDIR(st.st_mode)) ||
             (mkdir(target, 0755) != 0 && errno != EEXIST))
        update_refuse(&u, UPDATE_EXPORT_FAILED, "%s: %s", target,
                      strerror(errno ? errno : ENOTDIR));
    else if (hsds_export(live, target, &r) != 0)
        update_refuse(&u, UPDATE_EXPORT_FAILED, "%s",
                      r.n_problems ? r.problems[0].message : "cannot write");
    else
        update_note(&u, "exported: %d records", r.n_records);
    hsds_report_free(&r);
    UpdateStatus s = u.status;
    char screen[1024], report[sizeof u.log + 2048], path[PATH_MAX + 16];
    if (s == UPDATE_OK)
        snprintf(screen, sizeof screen, "%s", update_exported_words[u.lang]);
    else
        update_with_detail(update_status_text(s, u.lang), u.detail, "", screen, sizeof screen);
    update_report_compose(&u, screen, report, sizeof report);
    snprintf(path, sizeof path, "%s/%s", kiosk, UPDATE_REPORT_FILE);
    update_write_text(path, report);
    if (outbox && update_outbox_commit(data_dir) != 0)
        syslog(LOG_WARNING, "export: cannot hand the files to the USB copy job: %s",
               strerror(errno));
    openlog("kiosk", LOG_PID, LOG_USER);
    syslog(s == UPDATE_OK ? LOG_NOTICE : LOG_WARNING, "export to %s: %s %s", target,
           s == UPDATE_OK ? "done" : update_status_text(s, LANG_EN), u.detail);
    if (out && n)
        snprintf(out, n, "%s", screen);
    return s;
}
