/* app_usb.c - the USB flow, the staff PIN and the staff screen. Start reading at
 * app_usb_stick_changed: a stick with a KIOSK/ folder starts a job in a worker thread
 * (copy, check, build the new database; or an export), and app_usb_step, called by
 * the loop, shows the job's progress ("Copying 37 of 120 MB", "Checking",
 * "Importing") with a Cancel button, then its result: the 10 s countdown to apply
 * (started only once the package is checked), the PIN keypad for an unsigned
 * package, or the refusal. Applying and cancelling are jobs too. The loop never
 * waits for the stick or the data folder, so the heartbeat and the frames go on;
 * one job runs at a time, and the Update is only touched by the thread that runs it
 * (the worker while a job runs, the loop otherwise). */
#include "app_private.h"

#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include "core/pin.h"
#include "core/store.h"
#include "platform/inputcheck.h"
#include "platform/journal.h"
#include "platform/sdnotify.h"

#define APP_COUNTDOWN_S 10      /* a signed update applies after this unless cancelled */
#define APP_RESULT_MS 15000     /* an update's result stays on screen this long */

/* ---- the worker ---- */

/* the job's work, in the worker thread */
static void *app_job_run(void *arg)
{
    App *a = arg;
    AppJob *j = &a->job;
    Update *u = a->update;
    UpdateProgress *p = &j->progress;
    j->text[0] = '\0';
    switch (j->kind) {
    case JOB_CHECK:
        atomic_store(&p->stage, UPDATE_STAGE_COPYING);
        j->result = update_stage(u);
        if (j->result == UPDATE_OK && atomic_load(&p->cancel))
            update_cancel(u), j->result = UPDATE_CANCELLED;
        if (j->result == UPDATE_OK) {
            atomic_store(&p->stage, UPDATE_STAGE_CHECKING);
            j->result = update_verify(u);
        }
        if ((j->result == UPDATE_OK || j->result == UPDATE_NEEDS_PIN) &&
            atomic_load(&p->cancel))
            update_cancel(u), j->result = UPDATE_CANCELLED;
        if (j->result != UPDATE_OK && j->result != UPDATE_NEEDS_PIN)
            update_finish(u, j->text, sizeof j->text);
        break;
    case JOB_APPLY:
        atomic_store(&p->stage, UPDATE_STAGE_APPLYING);
        j->result = update_apply(u);
        update_finish(u, j->text, sizeof j->text);
        break;
    case JOB_CANCEL:
        update_cancel(u);
        j->result = UPDATE_CANCELLED;
        update_finish(u, j->text, sizeof j->text);
        break;
    case JOB_EXPORT:
        atomic_store(&p->stage, UPDATE_STAGE_EXPORTING);
        j->result = update_export(j->usb_dir, a->data_dir, j->read_only, j->lang, j->text,
                                  sizeof j->text);
        break;
    case JOB_NONE:
        break;
    }
    atomic_store(&j->done, true);
    return NULL;
}

/* what the dialog says while a job runs, in lang */
static void app_job_words(const AppJob *j, Lang lang, char *out, size_t n)
{
    if (atomic_load(&j->progress.cancel)) {
        snprintf(out, n, "%s", i18n_str(lang, STR_UPDATE_CANCELLING));
        return;
    }
    switch (atomic_load(&j->progress.stage)) {
    case UPDATE_STAGE_COPYING: {
        long long total = atomic_load(&j->progress.total);
        if (total <= 0) {
            snprintf(out, n, "%s", i18n_str(lang, STR_UPDATE_CHECKING));
            break;
        }
        long long mb = 1000 * 1000;
        snprintf(out, n, i18n_str(lang, STR_UPDATE_COPYING),
                 atomic_load(&j->progress.done) / mb, (total + mb - 1) / mb);
        break;
    }
    case UPDATE_STAGE_CHECKING:
        snprintf(out, n, "%s", i18n_str(lang, STR_UPDATE_VERIFYING));
        break;
    case UPDATE_STAGE_IMPORTING:
        snprintf(out, n, "%s", i18n_str(lang, STR_UPDATE_IMPORTING));
        break;
    case UPDATE_STAGE_APPLYING:
        snprintf(out, n, "%s", i18n_str(lang, STR_UPDATE_APPLYING));
        break;
    case UPDATE_STAGE_EXPORTING:
        snprintf(out, n, "%s", i18n_str(lang, STR_EXPORTING));
        break;
    default:
        snprintf(out, n, "%s", i18n_str(lang, STR_UPDATE_CHECKING));
        break;
    }
}

/* the job's stage for `systemctl status kiosk`, once per stage */
static void app_job_status(App *a)
{
    static const char *const words[] = {
        [UPDATE_STAGE_NONE] = "Content update: cancelling",
        [UPDATE_STAGE_COPYING] = "Content update: copying the USB stick",
        [UPDATE_STAGE_CHECKING] = "Content update: checking the package",
        [UPDATE_STAGE_IMPORTING] = "Content update: importing",
        [UPDATE_STAGE_APPLYING] = "Content update: putting the new content in place",
        [UPDATE_STAGE_EXPORTING] = "Content export: writing to the USB stick",
    };
    int stage = atomic_load(&a->job.progress.stage);
    if (stage == a->job.shown_stage || stage < 0 || stage > UPDATE_STAGE_EXPORTING)
        return;
    a->job.shown_stage = stage;
    sdnotify_status(words[stage]);
}

/* shows the job's progress in a dialog with a Cancel button */
static void app_job_show(App *a)
{
    char text[256];
    Lang lang = ui_lang(a->ui);
    app_job_words(&a->job, lang, text, sizeof text);
    long long total = atomic_load(&a->job.progress.total);
    long long done = atomic_load(&a->job.progress.done);
    int permille = atomic_load(&a->job.progress.stage) == UPDATE_STAGE_COPYING && total > 0
                   ? (int)(done * 1000 / total) : -1;
    StrId title = a->job.kind == JOB_EXPORT ? STR_EXPORT_TITLE : STR_UPDATE_TITLE;
    ui_dialog(a->ui, UI_DIALOG_PROGRESS, i18n_str(lang, title), text, permille);
    app_job_status(a);
}

/* starts a job in the worker thread; false (and nothing started) when no thread */
static bool app_job_start(App *a, AppJobKind kind)
{
    AppJob *j = &a->job;
    assert(j->kind == JOB_NONE);
    j->kind = kind;
    atomic_store(&j->done, false);
    static const int first_stage[] = { [JOB_NONE] = UPDATE_STAGE_NONE,
        [JOB_CHECK] = UPDATE_STAGE_COPYING, [JOB_APPLY] = UPDATE_STAGE_APPLYING,
        [JOB_CANCEL] = UPDATE_STAGE_NONE, [JOB_EXPORT] = UPDATE_STAGE_EXPORTING };
    atomic_store(&j->progress.stage, first_stage[kind]);
    atomic_store(&j->progress.done, 0);
    atomic_store(&j->progress.total, 0);
    atomic_store(&j->progress.cancel, false);
    j->shown_stage = -1;
    a->flow = FLOW_BUSY;
    if (pthread_create(&j->thread, NULL, app_job_run, a) != 0) {
        fprintf(stderr, "kiosk: cannot start a thread: %s\n", strerror(errno));
        j->kind = JOB_NONE;
        a->flow = FLOW_IDLE;
        return false;
    }
    app_job_show(a);
    return true;
}

/* waits for the job's thread; its kind, then JOB_NONE */
static AppJobKind app_job_join(App *a)
{
    AppJobKind kind = a->job.kind;
    if (kind != JOB_NONE)
        pthread_join(a->job.thread, NULL);
    a->job.kind = JOB_NONE;
    return kind;
}

void app_usb_stop(App *a)
{
    if (a->job.kind != JOB_NONE) {
        atomic_store(&a->job.progress.cancel, true);
        app_job_join(a);
    }
    if (a->flow == FLOW_CONFIRM || a->flow == FLOW_UPDATE_PIN)
        update_cancel(a->update);  /* the staged copy goes; the live content stays */
}

/* ---- the flow ---- */

/* shows a result for APP_RESULT_MS */
static void app_result(App *a, StrId title, const char *text, unsigned ms)
{
    a->flow = FLOW_RESULT;
    a->flow_ms = ms + APP_RESULT_MS;
    ui_dialog(a->ui, UI_DIALOG_MESSAGE, i18n_str(ui_lang(a->ui), title), text, 0);
}

/* an update's end (the report was written by the job): the result shown, the
 * content reloaded when it changed */
static void app_update_done(App *a, const char *text, bool applied, unsigned ms)
{
    char why[256];
    sdnotify_status(text);      /* systemctl status kiosk shows the last update's result */
    if (applied && !app_reload(a, why, sizeof why))
        fprintf(stderr, "kiosk: the new content cannot be shown: %s\n", why);
    app_result(a, STR_UPDATE_TITLE, text, ms);
}

static void app_update_cancel(App *a, unsigned ms);

/* a job has ended: what it found decides the next step */
static void app_job_end(App *a, unsigned ms)
{
    AppJob *j = &a->job;
    Lang lang = ui_lang(a->ui);
    switch (app_job_join(a)) {
    case JOB_CHECK:
        if ((j->result == UPDATE_OK || j->result == UPDATE_NEEDS_PIN) &&
            atomic_load(&j->progress.cancel)) {
            app_update_cancel(a, ms);   /* Cancel came as the checks ended */
        } else if (j->result == UPDATE_OK) {
            /* the 10 s to cancel start now, when the checks are done */
            a->flow = FLOW_CONFIRM;
            a->flow_ms = ms + APP_COUNTDOWN_S * 1000u;
            ui_dialog(a->ui, UI_DIALOG_CONFIRM, i18n_str(lang, STR_UPDATE_TITLE),
                      update_changes(a->update), APP_COUNTDOWN_S);
            char status[600];
            snprintf(status, sizeof status, "Content update: ready, applies in %d s unless "
                     "cancelled", APP_COUNTDOWN_S);
            sdnotify_status(status);
        } else if (j->result == UPDATE_NEEDS_PIN) {
            a->flow = FLOW_UPDATE_PIN;
            char text[1024];
            snprintf(text, sizeof text, "%s\n%s", update_changes(a->update),
                     i18n_str(lang, STR_ENTER_PIN));
            ui_dialog(a->ui, UI_DIALOG_PIN, i18n_str(lang, STR_UPDATE_TITLE), text, 0);
            sdnotify_status("Content update: waiting for the staff PIN");
        } else {
            app_update_done(a, j->text, false, ms);
        }
        break;
    case JOB_APPLY:
        app_update_done(a, j->text, j->result == UPDATE_OK, ms);
        break;
    case JOB_CANCEL:
        app_update_done(a, j->text, false, ms);
        break;
    case JOB_EXPORT:
        app_result(a, STR_EXPORT_TITLE, j->text, ms);
        break;
    case JOB_NONE:
        break;
    }
}

/* the verified update goes in, in the worker */
static void app_update_apply(App *a, unsigned ms)
{
    if (!app_job_start(a, JOB_APPLY)) {
        update_apply(a->update);   /* no thread: here, as before */
        char text[1024];
        update_finish(a->update, text, sizeof text);
        app_update_done(a, text, update_applied(a->update), ms);
    }
}

/* the staged update is dropped, in the worker */
static void app_update_cancel(App *a, unsigned ms)
{
    if (!app_job_start(a, JOB_CANCEL)) {
        update_cancel(a->update);
        char text[1024];
        update_finish(a->update, text, sizeof text);
        app_update_done(a, text, false, ms);
    }
}

void app_usb_stick_changed(App *a, const char *usb_dir, time_t now, unsigned ms)
{
    (void)now;
    char kiosk[PATH_MAX + 8];
    snprintf(kiosk, sizeof kiosk, "%s/KIOSK", usb_dir);
    struct stat st;
    bool present = stat(kiosk, &st) == 0 && S_ISDIR(st.st_mode);
    if (!present) {
        a->stick_seen = false;  /* pulled out: the next stick is new */
        return;
    }
    if (a->stick_seen || a->flow != FLOW_IDLE || !a->live)
        return;
    a->stick_seen = true;
    a->last_input_ms = ms;      /* the screen stays awake for the staff member */
    ui_set_night(a->ui, false);
    Lang lang = ui_lang(a->ui);
    struct statvfs vfs;
    bool read_only = statvfs(usb_dir, &vfs) == 0 && (vfs.f_flag & ST_RDONLY);
    if (update_wants_export(usb_dir)) {
        snprintf(a->job.usb_dir, sizeof a->job.usb_dir, "%s", usb_dir);
        a->job.read_only = read_only;
        a->job.lang = lang;
        if (!app_job_start(a, JOB_EXPORT)) {
            char text[1024];
            update_export(usb_dir, a->data_dir, read_only, lang, text, sizeof text);
            app_result(a, STR_EXPORT_TITLE, text, ms);
        }
        return;
    }
    Update *u = a->update;
    update_begin(u, usb_dir, a->data_dir, a->cfg.trusted_keys, a->cfg.staff_approval, lang);
    update_set_outbox(u, read_only);
    update_set_progress(u, &a->job.progress);  /* bytes, stages, and Cancel */
    update_set_organization(u, a->cfg.organization);
    if (!app_job_start(a, JOB_CHECK)) {
        char text[1024];
        update_finish(u, text, sizeof text);
        app_update_done(a, text, false, ms);
    }
}

bool app_usb_busy(const App *a)
{
    return a->job.kind != JOB_NONE;
}

void app_usb_settle(App *a, unsigned ms)
{
    if (a->job.kind != JOB_NONE)
        app_job_end(a, ms);     /* joins: waits for the worker */
}

/* the staff screen's facts */
void app_usb_staff_info(App *a, time_t now)
{
    char info[4096], line[256] = "";
    Lang l = ui_lang(a->ui);
    size_t len = 0;
#define ADD(label, ...) \
    len += (size_t)snprintf(info + len, len < sizeof info ? sizeof info - len : 0, "%s\t", \
                            i18n_str(l, label)); \
    len += (size_t)snprintf(info + len, len < sizeof info ? sizeof info - len : 0, __VA_ARGS__); \
    len += (size_t)snprintf(info + len, len < sizeof info ? sizeof info - len : 0, "\n")
    ADD(STR_SOFTWARE, "kiosk %s", KIOSK_VERSION);
    /* what is shown, from the open database: the built-in content has no live file */
    char *product = a->db ? db_package_get(a->db, "name") : NULL;
    char *version = a->db ? db_package_get(a->db, "version") : NULL;
    char *imported = a->db ? db_package_get(a->db, "imported_at") : NULL;
    ADD(STR_DATA, "%s %s, %s%s(%s)", product ? product : "", version ? version : "",
        imported ? imported : "", imported && *imported ? " " : "",
        a->live ? a->data_dir : i18n_str(l, STR_BUILT_IN));
    free(product);
    free(version);
    free(imported);
    struct statvfs vfs;
    if (statvfs(a->data_dir, &vfs) == 0) {
        ADD(STR_DISK, "%.0f MiB", (double)vfs.f_bavail * (double)vfs.f_frsize / 1048576.0);
    }
    long up = (long)(now - a->started);
    char span[64];
    i18n_format(l, span, sizeof span, STR_UPTIME_SPAN, (int)(up / 86400), (int)(up / 3600 % 24),
                (int)(up / 60 % 60));
    ADD(STR_UPTIME, "%s", span);
    if (!a->speech) {
        ADD(STR_SOUND, "%s", "-");
    } else if (speech_available(a->speech)) {
        ADD(STR_SOUND, "espeak-ng, %s", a->cfg.audio_device[0] ? a->cfg.audio_device
                                                                 : "ALSA default");
    } else {
        ADD(STR_SOUND, "%s", speech_why(a->speech));
    }
    char why[256] = "";
    int inputs = inputcheck_scan(why, sizeof why);
    if (inputs > 0) {
        ADD(STR_INPUT, "%d /dev/input/event*", inputs);
    } else {
        ADD(STR_INPUT, "%s", why);
    }
    char path[PATH_MAX];
    FILE *f = store_path(a->data_dir, STORE_REPORT, path, sizeof path) == 0
        ? fopen(path, "r") : NULL;
    if (f) {    /* the last report, a few lines */
        for (int i = 0; i < 6 && fgets(line, sizeof line, f); i++) {
            line[strcspn(line, "\n")] = '\0';
            if (i == 0) {
                ADD(STR_LAST_REPORT, "%s", line);
            } else if (len < sizeof info)   /* more of the report, under the same label */
                len += (size_t)snprintf(info + len, sizeof info - len, "\t%s\n", line);
        }
        fclose(f);
    }
    /* the kiosk's last journal lines, read once a minute at most */
    if (now / 60 != a->journal_minute) {
        a->journal_minute = now / 60;
        journal_tail("kiosk.service", 6, a->journal, sizeof a->journal);
    }
    for (const char *p = a->journal; *p;) {
        size_t k = strcspn(p, "\n");
        if (p == a->journal) {
            ADD(STR_LOG, "%.*s", (int)k, p);
        } else if (len < sizeof info)
            len += (size_t)snprintf(info + len, sizeof info - len, "\t%.*s\n", (int)k, p);
        p += k + (p[k] ? 1 : 0);
    }
#undef ADD
    ui_set_staff_info(a->ui, info);
}

/* the staff screen's actions */
static void app_staff_action(App *a, UiAction act, time_t now, unsigned ms)
{
    char why[512] = "";
    Lang l = ui_lang(a->ui);
    switch (act) {
    case UI_ACTION_ROLLBACK: {
        char warning[400] = "";
        if (store_rollback(a->data_dir, warning, sizeof warning) != 0)
            snprintf(why, sizeof why, "%s", warning);
        else if (app_reload(a, why, sizeof why))
            snprintf(why, sizeof why, "%.100s%s%s", i18n_str(l, STR_ROLLBACK_DONE),
                     warning[0] ? " " : "", warning);
        app_result(a, STR_ROLLBACK, why, ms);
        break;
    }
    case UI_ACTION_EXPORT:
        a->stick_seen = false;  /* export to the stick that is in now */
        app_usb_stick_changed(a, a->cfg.usb_dir, now, ms);
        if (a->flow == FLOW_IDLE)
            app_result(a, STR_EXPORT_TITLE, i18n_str(l, STR_NO_EXPORT_STICK), ms);
        break;
    case UI_ACTION_RESTART:     /* systemd starts the kiosk again (Restart=always) */
        a->running = false;
        break;
    default:
        break;
    }
}

/* a PIN typed on the keypad, for an unsigned update or the staff screen */
static void app_pin(App *a, const char *pin, time_t now, unsigned ms)
{
    Lang l = ui_lang(a->ui);
    PinResult r;
    if (a->flow == FLOW_UPDATE_PIN) {
        r = update_approve(a->update, a->cfg.staff_pin_hash, pin, now);
        if (r == PIN_OK) {
            a->flow = FLOW_IDLE;
            app_update_apply(a, ms);
            return;
        }
    } else {
        char state[PATH_MAX];
        if (store_path(a->data_dir, STORE_PIN_STATE, state, sizeof state) != 0)
            return;
        r = pin_verify(a->cfg.staff_pin_hash, pin, state, now);
        if (r == PIN_OK) {
            a->flow = FLOW_IDLE;
            ui_dialog(a->ui, UI_DIALOG_NONE, NULL, NULL, 0);
            app_usb_staff_info(a, now);
            ui_show(a->ui, SCREEN_STAFF, l);
            return;
        }
    }
    if (r == PIN_WRONG) {
        ui_dialog(a->ui, UI_DIALOG_NONE, NULL, NULL, 0);   /* clears the digits */
        ui_dialog(a->ui, UI_DIALOG_PIN, i18n_str(l, STR_ENTER_PIN), i18n_str(l, STR_PIN_WRONG), 0);
        return;
    }
    char text[256];
    if (r == PIN_LOCKED)
        i18n_format(l, text, sizeof text, STR_PIN_LOCKED, PIN_LOCK_S / 60);
    else
        snprintf(text, sizeof text, "%s", i18n_str(l, STR_PIN_NOT_SET));
    if (a->flow == FLOW_UPDATE_PIN)
        app_update_cancel(a, ms);
    else
        app_result(a, STR_STAFF, text, ms);
}

/* what a dialog or the hidden gesture asked for */
void app_usb_act(App *a, time_t now, unsigned ms)
{
    char pin[24] = "";
    UiAction act = ui_take_action(a->ui, pin, sizeof pin);
    switch (act) {
    case UI_ACTION_NONE:
        return;
    case UI_ACTION_STAFF:
        if (a->flow == FLOW_IDLE && a->live) {
            a->flow = FLOW_STAFF_PIN;
            ui_dialog(a->ui, UI_DIALOG_PIN, i18n_str(ui_lang(a->ui), STR_STAFF),
                      i18n_str(ui_lang(a->ui), STR_ENTER_PIN), 0);
        }
        break;
    case UI_ACTION_PIN:
        app_pin(a, pin, now, ms);
        break;
    case UI_ACTION_CONFIRM:
        if (a->flow == FLOW_CONFIRM) {
            a->flow = FLOW_IDLE;
            app_update_apply(a, ms);
        }
        break;
    case UI_ACTION_CANCEL:
        if (a->flow == FLOW_BUSY) {
            atomic_store(&a->job.progress.cancel, true);    /* the job stops at its next chunk */
            app_job_show(a);
        } else if (a->flow == FLOW_CONFIRM || a->flow == FLOW_UPDATE_PIN) {
            app_update_cancel(a, ms);
        } else {
            a->flow = FLOW_IDLE;
            ui_dialog(a->ui, UI_DIALOG_NONE, NULL, NULL, 0);
        }
        break;
    default:
        if (!app_speech_action(a, act, ms))
            app_staff_action(a, act, now, ms);
        break;
    }
    sodium_memzero(pin, sizeof pin);
}

void app_usb_step(App *a, time_t now, unsigned ms)
{
    (void)now;
    if (a->flow == FLOW_BUSY) {
        if (atomic_load(&a->job.done))
            app_job_end(a, ms);
        else
            app_job_show(a);    /* redraws only when the words or the bar changed */
    } else if (a->flow == FLOW_CONFIRM) {
        int left = (int)((long)(a->flow_ms - ms) + 999) / 1000;
        if (left <= 0) {
            a->flow = FLOW_IDLE;
            app_update_apply(a, ms);
        } else
            ui_dialog(a->ui, UI_DIALOG_CONFIRM, i18n_str(ui_lang(a->ui), STR_UPDATE_TITLE),
                      update_changes(a->update), left);
    } else if (a->flow == FLOW_RESULT && (int)(ms - a->flow_ms) >= 0) {
        a->flow = FLOW_IDLE;
        ui_dialog(a->ui, UI_DIALOG_NONE, NULL, NULL, 0);
    } else if (a->flow == FLOW_RESULT && ui_dialog_kind(a->ui) == UI_DIALOG_NONE) {
        a->flow = FLOW_IDLE;
    }
}
