/* app.c - the kiosk's one App context and its loop. The loop sleeps until its next
 * deadline (the next minute of the clock, an opening-hours change, the idle reset, the
 * watchdog) or until input arrives, handles the input, and draws a frame only when
 * something changed. Where the video driver cannot wait (KMSDRM, offscreen) it waits
 * with poll(2) on the input devices and the USB watch. */
#include "app.h"
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <limits.h>
#include <malloc.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include "core/config.h"
#include "core/db.h"
#include "core/directory.h"
#include "core/hours.h"
#include "core/store.h"
#include "core/update.h"
#include "platform/inputcheck.h"
#include "platform/journal.h"
#include "platform/sdnotify.h"
#include "platform/usbwatch.h"
#include "render/render.h"
#include "ui/ui.h"

#define APP_MAX_FDS 16
#define APP_COUNTDOWN_S 10      /* a signed update applies after this unless cancelled */
#define APP_RESULT_MS 15000     /* an update's result stays on screen this long */

/* where the USB flow is */
typedef enum {
    FLOW_IDLE,
    FLOW_CONFIRM,               /* a signed update, counting down */
    FLOW_UPDATE_PIN,            /* an unsigned update, waiting for the staff PIN */
    FLOW_STAFF_PIN,             /* the hidden gesture, waiting for the staff PIN */
    FLOW_RESULT                 /* a message, until OK or APP_RESULT_MS */
} AppFlow;

struct App {
    Config cfg;
    char data_dir[PATH_MAX];
    Render *render;
    Ui *ui;
    Db *db;
    Content content[LANG_COUNT];
    HoursTable hours;
    UsbWatch *usb;
    int input_fds[APP_MAX_FDS];
    int n_input_fds;
    unsigned last_input_ms;
    bool live;                  /* showing data_dir's database, so updates apply */
    bool running;
    bool animating;
    /* the USB flow */
    AppFlow flow;
    Update *update;             /* the attempt of the stick in the slot */
    unsigned flow_ms;           /* when the countdown or the result ends */
    bool stick_seen;            /* this stick's folder was handled: wait for a new one */
    time_t started;
    char journal[1200];         /* the staff screen's log tail */
    long staff_key;             /* minute and language of the staff screen's facts */
    time_t journal_minute;
};

/* ---- content ---- */

/* loads both languages and the hours from db into the app; -1 with why */
static int app_load(App *a, Db *db, char *why, size_t n)
{
    Content c[LANG_COUNT];
    memset(c, 0, sizeof c);
    HoursTable h;
    memset(&h, 0, sizeof h);
    for (int l = 0; l < LANG_COUNT; l++)
        if (db_load_content(db, (Lang)l, &c[l]) != 0) {
            snprintf(why, n, "cannot read the content: %s", db_error(db));
            for (int k = 0; k < l; k++)
                content_free(&c[k]);
            return -1;
        }
    if (db_load_hours(db, &h) != 0) {
        snprintf(why, n, "cannot read the opening hours: %s", db_error(db));
        for (int l = 0; l < LANG_COUNT; l++)
            content_free(&c[l]);
        return -1;
    }
    h.city_holiday = a->cfg.city_holiday;
    h.shortened_days = a->cfg.shortened_days;
    for (int l = 0; l < LANG_COUNT; l++) {
        content_free(&a->content[l]);
        a->content[l] = c[l];
    }
    a->hours = h;
    if (a->db && a->db != db)
        db_close(a->db);
    a->db = db;
    if (a->ui) {
        const Content *cs[LANG_COUNT];
        for (int l = 0; l < LANG_COUNT; l++)
            cs[l] = &a->content[l];
        ui_set_content(a->ui, cs, &a->hours);
        ui_set_directory(a->ui, a->db);     /* the old database is closed: forget it */
    }
    return 0;
}

/* opens the content the options name (store_open_source): a database file, a package,
 * the live data when live, else the built-in content; a fallback is logged */
static Db *app_open_db(App *a, const AppOptions *o, bool live, char *why, size_t n)
{
    const char *dir = o->data_dir ? o->data_dir : a->cfg.data_dir;
    StoreSource src = { .db_path = o->db_path, .package = o->package,
                        .data_dir = live ? dir : NULL, .default_pkg = a->cfg.default_data,
                        .share_dir = o->share_dir, .problems = stderr };
    Db *db = NULL;
    int rc = store_open_source(&src, &db, &a->live, why, n);
    if (rc < 0)
        return NULL;
    if (rc > 0)
        fprintf(stderr, "kiosk: %s\n", why);
    if (a->live)
        snprintf(a->data_dir, sizeof a->data_dir, "%s", dir);
    return db;
}

/* the live database again, after an update or a rollback; false with a message */
static bool app_reload(App *a, char *why, size_t n)
{
    char live[PATH_MAX];
    if (store_path(a->data_dir, STORE_LIVE, live, sizeof live) != 0) {
        snprintf(why, n, "data folder path too long");
        return false;
    }
    Db *db = db_open(live, why, n);
    if (!db)
        return false;
    if (app_load(a, db, why, n) != 0) {
        db_close(db);
        return false;
    }
    return true;
}

App *app_create(const AppOptions *o, bool hidden, int w, int h)
{
    char err[512];
    /* a long line rasterised by SDL_ttf is 64 KiB or more for a moment, every time a
     * screen is first shown: with a fixed threshold glibc maps each one and gives it
     * back when it goes, instead of raising the threshold and leaving the heap
     * fragmented */
    mallopt(M_MMAP_THRESHOLD, 64 * 1024);
    App *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    if (!(a->update = update_create()))
        goto fail;
    config_defaults(&a->cfg);
    if (o->config_path && config_load(&a->cfg, o->config_path, err, sizeof err) != 0) {
        fprintf(stderr, "kiosk: %s\n", err);
        goto fail;
    }
    if (hours_use_athens_time() != 0)
        fprintf(stderr, "kiosk: the Europe/Athens time zone is missing (install tzdata): "
                        "opening hours may be wrong\n");
    RenderOptions ro = {
        .width = w ? w : (o->width ? o->width : a->cfg.width),
        .height = h ? h : (o->height ? o->height : a->cfg.height),
        .windowed = o->windowed,
        .hidden = hidden,
        .rotation = hidden ? 0 : a->cfg.rotation,
        .share_dir = o->share_dir,
    };
    if (!(a->render = render_create(&ro)))
        goto fail;
    render_set_touch_matrix(a->render, a->cfg.touch_matrix);
    Db *db = app_open_db(a, o, !hidden || o->data_dir, err, sizeof err);
    if (!db || app_load(a, db, err, sizeof err) != 0) {
        fprintf(stderr, "kiosk: %s\n", err);
        if (db)
            db_close(db);
        goto fail;
    }
    int rw, rh;
    render_size(a->render, &rw, &rh);
    if (!(a->ui = ui_create(render_metrics(a->render), rw, rh, a->cfg.dpi)))
        goto fail;
    const Content *cs[LANG_COUNT];
    for (int l = 0; l < LANG_COUNT; l++)
        cs[l] = &a->content[l];
    ui_set_content(a->ui, cs, &a->hours);
    ui_set_directory(a->ui, a->db);
    ui_reset(a->ui, a->cfg.default_lang);
    a->started = time(NULL);
    ui_set_time(a->ui, a->started);
    return a;
fail:
    app_destroy(a);
    return NULL;
}

void app_destroy(App *a)
{
    if (!a)
        return;
    if (a->flow == FLOW_CONFIRM || a->flow == FLOW_UPDATE_PIN)
        update_cancel(a->update);   /* the staged copy goes; the live content stays */
    ui_destroy(a->ui);
    for (int l = 0; l < LANG_COUNT; l++)
        content_free(&a->content[l]);
    if (a->db)
        db_close(a->db);
    for (int i = 0; i < a->n_input_fds; i++)
        close(a->input_fds[i]);
    if (a->usb)
        usbwatch_close(a->usb);
    if (a->render)
        render_destroy(a->render);
    update_destroy(a->update);
    free(a);
}

Ui *app_ui(App *a) { return a->ui; }

static void app_draw(App *a)
{
    int n;
    const UiCmd *cmds = ui_commands(a->ui, &n);
    render_draw(a->render, cmds, n);
}

int app_save(App *a, const char *path)
{
    app_draw(a);
    int rc = render_screenshot(a->render, path);
    render_present(a->render);
    return rc;
}

/* ---- the USB flow and the staff screen ---- */

/* shows a result for APP_RESULT_MS */
static void app_result(App *a, StrId title, const char *text, unsigned ms)
{
    a->flow = FLOW_RESULT;
    a->flow_ms = ms + APP_RESULT_MS;
    ui_dialog(a->ui, UI_DIALOG_MESSAGE, i18n_str(ui_lang(a->ui), title), text, 0);
}

/* the update's end: the report written, the result shown, the content reloaded */
static void app_update_done(App *a, unsigned ms)
{
    char text[1024], why[256];
    update_finish(a->update, text, sizeof text);
    sdnotify_status(text);      /* systemctl status kiosk shows the last update's result */
    if (update_status(a->update) == UPDATE_OK && !app_reload(a, why, sizeof why))
        fprintf(stderr, "kiosk: the new content cannot be shown: %s\n", why);
    app_result(a, STR_UPDATE_TITLE, text, ms);
}

static void app_update_apply(App *a, unsigned ms)
{
    update_apply(a->update);
    app_update_done(a, ms);
}

/* a new stick with a KIOSK/ folder: export, or check the update and ask */
void app_usb(App *a, const char *usb_dir, time_t now, unsigned ms)
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
        char text[1024];
        update_export(usb_dir, a->data_dir, read_only, lang, text, sizeof text);
        app_result(a, STR_EXPORT_TITLE, text, ms);
        return;
    }
    ui_dialog(a->ui, UI_DIALOG_BUSY, i18n_str(lang, STR_UPDATE_TITLE),
              i18n_str(lang, STR_UPDATE_CHECKING), 0);
    app_draw(a);                /* say so before the copy and the checks take their time */
    render_present(a->render);
    Update *u = a->update;
    update_begin(u, usb_dir, a->data_dir, a->cfg.trusted_keys, a->cfg.staff_approval, lang);
    update_set_outbox(u, read_only);
    UpdateStatus s = update_stage(u);
    if (s == UPDATE_OK)
        s = update_verify(u);
    if (s == UPDATE_OK) {
        a->flow = FLOW_CONFIRM;
        a->flow_ms = ms + APP_COUNTDOWN_S * 1000u;
        ui_dialog(a->ui, UI_DIALOG_CONFIRM, i18n_str(lang, STR_UPDATE_TITLE), update_changes(u),
                  APP_COUNTDOWN_S);
    } else if (s == UPDATE_NEEDS_PIN) {
        a->flow = FLOW_UPDATE_PIN;
        char text[1024];
        snprintf(text, sizeof text, "%s\n%s", update_changes(u), i18n_str(lang, STR_ENTER_PIN));
        ui_dialog(a->ui, UI_DIALOG_PIN, i18n_str(lang, STR_UPDATE_TITLE), text, 0);
    } else
        app_update_done(a, ms);
}

/* the staff screen's facts */
static void app_staff_info(App *a, time_t now)
{
    char info[4096], product[64] = "", version[32] = "", live[PATH_MAX], line[256] = "";
    Lang l = ui_lang(a->ui);
    size_t len = 0;
#define ADD(label, ...) \
    len += (size_t)snprintf(info + len, len < sizeof info ? sizeof info - len : 0, "%s\t", \
                            i18n_str(l, label)); \
    len += (size_t)snprintf(info + len, len < sizeof info ? sizeof info - len : 0, __VA_ARGS__); \
    len += (size_t)snprintf(info + len, len < sizeof info ? sizeof info - len : 0, "\n")
    ADD(STR_SOFTWARE, "kiosk %s", KIOSK_VERSION);
    if (store_path(a->data_dir, STORE_LIVE, live, sizeof live) == 0)
        store_package_of(live, product, sizeof product, version, sizeof version);
    char *imported = a->db ? db_package_get(a->db, "imported_at") : NULL;
    ADD(STR_DATA, "%s %s, %s%s(%s)", product, version, imported ? imported : "",
        imported && *imported ? " " : "", a->live ? a->data_dir : i18n_str(l, STR_BUILT_IN));
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
    case UI_ACTION_ROLLBACK:
        if (store_rollback(a->data_dir, why, sizeof why) == 0 && app_reload(a, why, sizeof why))
            snprintf(why, sizeof why, "%s", i18n_str(l, STR_ROLLBACK_DONE));
        app_result(a, STR_ROLLBACK, why, ms);
        break;
    case UI_ACTION_EXPORT:
        a->stick_seen = false;  /* export to the stick that is in now */
        app_usb(a, a->cfg.usb_dir, now, ms);
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
            app_staff_info(a, now);
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
    if (a->flow == FLOW_UPDATE_PIN) {
        update_cancel(a->update);
        app_update_done(a, ms);
    } else
        app_result(a, STR_STAFF, text, ms);
}

/* what a dialog or the hidden gesture asked for */
static void app_act(App *a, time_t now, unsigned ms)
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
        if (a->flow == FLOW_CONFIRM || a->flow == FLOW_UPDATE_PIN) {
            update_cancel(a->update);
            app_update_done(a, ms);
        } else {
            a->flow = FLOW_IDLE;
            ui_dialog(a->ui, UI_DIALOG_NONE, NULL, NULL, 0);
        }
        break;
    default:
        app_staff_action(a, act, now, ms);
        break;
    }
    sodium_memzero(pin, sizeof pin);
}

/* ---- the loop ---- */

/* the input devices, opened only to wait on: SDL reads them itself */
static void app_open_inputs(App *a)
{
    glob_t g;
    if (glob("/dev/input/event*", 0, NULL, &g) != 0)
        return;
    for (size_t i = 0; i < g.gl_pathc && a->n_input_fds < APP_MAX_FDS - 1; i++) {
        int fd = open(g.gl_pathv[i], O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd >= 0)
            a->input_fds[a->n_input_fds++] = fd;
    }
    globfree(&g);
}

/* night mode: closed now and already closed night_after_close minutes ago */
static bool app_is_night(const App *a, time_t now)
{
    if (a->cfg.night_after_close_min < 0)
        return false;
    HoursStatus now_st, then_st;
    hours_status_at(&a->hours, now, &now_st);
    hours_status_at(&a->hours, now - a->cfg.night_after_close_min * 60, &then_st);
    return !now_st.open && !then_st.open;
}

int app_sleep_ms(App *a, time_t now, unsigned ms)
{
    if (a->animating)
        return 16;
    long wait = (60 - now % 60) * 1000L;    /* the clock's next minute */
    HoursStatus st;
    hours_status_at(&a->hours, now, &st);
    if (st.next_change > now && (st.next_change - now) * 1000L < wait)
        wait = (long)(st.next_change - now) * 1000L;
    long idle = (long)a->cfg.idle_timeout_s * 1000L - (long)(ms - a->last_input_ms);
    if (idle > 0 && idle < wait)
        wait = idle;
    if (a->flow == FLOW_CONFIRM || a->flow == FLOW_RESULT) {
        long left = (long)(a->flow_ms - ms);
        long tick = a->flow == FLOW_CONFIRM ? 1000 - (long)(ms % 1000) : left;
        if (tick < wait)
            wait = tick < 0 ? 0 : tick;
    }
    if (ui_pressing(a->ui) && wait > 250)
        wait = 250;             /* the staff gesture is a hold */
    uint64_t wd = sdnotify_watchdog_usec();
    if (wd && (long)(wd / 1000) < wait)
        wait = (long)(wd / 1000);
    return wait > INT_MAX ? INT_MAX : (int)wait;
}

void app_input(App *a, const RenderEvent *e)
{
    switch (e->kind) {
    case RENDER_PRESS:
        a->last_input_ms = e->ms;
        ui_press(a->ui, e->x, e->y, e->ms);
        break;
    case RENDER_DRAG:
        a->last_input_ms = e->ms;
        ui_drag(a->ui, e->x, e->y, e->ms);
        break;
    case RENDER_RELEASE:
        a->last_input_ms = e->ms;
        ui_release(a->ui, e->x, e->y, e->ms);
        break;
    case RENDER_RESIZE:
        ui_set_size(a->ui, e->x, e->y);
        app_draw(a);        /* exposed: draw again even if nothing changed */
        render_present(a->render);
        break;
    case RENDER_QUIT:       /* SIGTERM or SIGINT: systemd stopping us */
        a->running = false;
        break;
    case RENDER_KEY:        /* a keypad: no key or combination quits, only the ui hears them */
        a->last_input_ms = e->ms;
        ui_key(a->ui, e->key);
        break;
    default:
        break;
    }
}

bool app_step(App *a, time_t now, unsigned ms)
{
    ui_set_time(a->ui, now);
    ui_hold(a->ui, ms);
    app_act(a, now, ms);
    bool idle = ms - a->last_input_ms >= (unsigned)a->cfg.idle_timeout_s * 1000u;
    if (a->flow == FLOW_CONFIRM) {
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
    } else if (a->flow == FLOW_RESULT && ui_dialog_kind(a->ui) == UI_DIALOG_NONE)
        a->flow = FLOW_IDLE;
    else if (a->flow == FLOW_STAFF_PIN && idle) {
        a->flow = FLOW_IDLE;    /* nobody typed: the keypad goes */
        ui_dialog(a->ui, UI_DIALOG_NONE, NULL, NULL, 0);
    }
    if (idle && a->flow == FLOW_IDLE)
        ui_reset(a->ui, a->cfg.default_lang);
    ui_set_night(a->ui, idle && a->flow == FLOW_IDLE && app_is_night(a, now));
    /* the staff screen's facts: again each minute, or in the other language */
    long key = (long)(now / 60) * LANG_COUNT + (long)ui_lang(a->ui);
    if (ui_screen(a->ui) == SCREEN_STAFF && key != a->staff_key) {
        a->staff_key = key;
        app_staff_info(a, now);
    }
    a->animating = ui_animate(a->ui, ms);
    if (!ui_dirty(a->ui))
        return false;
    app_draw(a);
    render_present(a->render);
    return true;
}

int app_run(const AppOptions *o)
{
    App *a = app_create(o, false, 0, 0);
    if (!a)
        return 1;
    char why[256];
    if (inputcheck_scan(why, sizeof why) == 0 && !render_can_wait(a->render))
        fprintf(stderr, "kiosk: %s\n", why);
    app_open_inputs(a);
    a->usb = usbwatch_open(a->cfg.usb_dir);
    a->running = true;
    a->last_input_ms = render_ticks();
    sdnotify_ready();
    if (a->usb && usbwatch_check(a->usb))   /* a stick left in at power-on */
        app_usb(a, a->cfg.usb_dir, time(NULL), render_ticks());
    while (a->running) {
        RenderEvent e;
        while (render_next_event(a->render, &e))
            app_input(a, &e);
        if (!a->running)
            break;              /* SIGTERM: stop now, not after the next sleep */
        time_t now = time(NULL);
        unsigned ms = render_ticks();
        app_step(a, now, ms);
        sdnotify_watchdog();    /* only from here: a hung loop stops the heartbeat */
        int timeout = app_sleep_ms(a, now, ms);
        if (render_wait(a->render, timeout)) {  /* a desktop window: look at the stick too */
            struct pollfd u = { .fd = a->usb ? usbwatch_fd(a->usb) : -1, .events = POLLIN };
            if (a->usb && poll(&u, 1, 0) > 0) {
                usbwatch_check(a->usb);
                app_usb(a, a->cfg.usb_dir, time(NULL), render_ticks());
            }
            continue;
        }
        struct pollfd fds[APP_MAX_FDS + 1];
        int n = 0;
        for (int i = 0; i < a->n_input_fds; i++)
            fds[n++] = (struct pollfd){ .fd = a->input_fds[i], .events = POLLIN };
        if (a->usb)
            fds[n++] = (struct pollfd){ .fd = usbwatch_fd(a->usb), .events = POLLIN };
        if (poll(fds, (nfds_t)n, timeout) > 0 && a->usb && (fds[n - 1].revents & POLLIN)) {
            usbwatch_check(a->usb);
            app_usb(a, a->cfg.usb_dir, time(NULL), render_ticks());
        }
    }
    app_destroy(a);
    return 0;
}

/* mkdir -p: 0, or -1 with errno */
static int app_mkdirs(const char *dir)
{
    char p[PATH_MAX];
    snprintf(p, sizeof p, "%s", dir);
    for (char *s = p + 1; *s; s++)
        if (*s == '/') {
            *s = '\0';
            if (mkdir(p, 0755) != 0 && errno != EEXIST)
                return -1;
            *s = '/';
        }
    return mkdir(p, 0755) != 0 && errno != EEXIST ? -1 : 0;
}

/* one screen in one language to path */
/* path: the shot of screen s in l; a service's card (SCREEN_SERVICE) is the one of id,
 * or without one the directory's first service */
static int app_shot(App *a, UiScreen s, Lang l, const char *id, const char *path)
{
    ui_show(a->ui, s, l);
    if (s == SCREEN_SERVICE) {
        DirRow *first = calloc(1, sizeof *first);
        DirQuery q = { .now = a->started };
        if (!id && first && db_directory_search(a->db, &q, l, 0, 1, first, NULL) == 1)
            id = first->id;
        ui_show_service(a->ui, id ? id : "");
        free(first);
    }
    if (s == SCREEN_STAFF)
        app_staff_info(a, a->started);
    app_draw(a);
    if (render_screenshot(a->render, path) != 0)
        return -1;
    render_present(a->render);
    return 0;
}

int app_screenshots(const ShotOptions *o)
{
    int w = o->app.width ? o->app.width : 1280, h = o->app.height ? o->app.height : 800;
    App *a = app_create(&o->app, true, w, h);
    if (!a)
        return 1;
    a->started = o->at ? o->at : time(NULL);
    ui_set_time(a->ui, a->started);
    ui_set_large_text(a->ui, o->large_text);
    ui_set_high_contrast(a->ui, o->high_contrast);
    const char *modes = o->large_text && o->high_contrast ? "-large-contrast"
                      : o->large_text ? "-large" : o->high_contrast ? "-contrast" : "";
    size_t len = strlen(o->out);
    bool one_file = len > 4 && (strcmp(o->out + len - 4, ".bmp") == 0 ||
                                strcmp(o->out + len - 4, ".png") == 0);
    /* "service:ID": the card of one service of the directory */
    const char *service = o->screen && strncmp(o->screen, "service:", 8) == 0 ? o->screen + 8
                                                                             : NULL;
    UiScreen only = service ? SCREEN_SERVICE
                  : o->screen ? ui_screen_from_name(o->screen) : SCREEN_COUNT;
    Lang only_lang = o->lang ? i18n_from_code(o->lang) : LANG_COUNT;
    int rc = 0;
    if ((o->screen && only == SCREEN_COUNT) || (o->lang && only_lang == LANG_COUNT)) {
        fprintf(stderr, "kiosk: unknown %s \"%s\"\n", o->lang && only_lang == LANG_COUNT
                ? "language" : "screen", o->lang && only_lang == LANG_COUNT ? o->lang : o->screen);
        rc = 2;
    } else if (one_file) {
        if (only == SCREEN_COUNT || only_lang == LANG_COUNT) {
            fprintf(stderr, "kiosk: one file takes one --screen and one --lang\n");
            rc = 2;
        } else
            rc = app_shot(a, only, only_lang, service, o->out) ? 1 : 0;
    } else {
        if (app_mkdirs(o->out) != 0) {
            fprintf(stderr, "kiosk: cannot create %s: %s\n", o->out, strerror(errno));
            rc = 1;
        }
        for (int l = 0; l < LANG_COUNT && rc == 0; l++)
            for (int s = 0; s < SCREEN_COUNT && rc == 0; s++) {
                if ((only_lang != LANG_COUNT && l != (int)only_lang) ||
                    (only != SCREEN_COUNT && s != (int)only))
                    continue;
                char path[PATH_MAX];
                snprintf(path, sizeof path, "%s/%s-%s%s.png", o->out, i18n_code((Lang)l),
                         ui_screen_name((UiScreen)s), modes);
                rc = app_shot(a, (UiScreen)s, (Lang)l, service, path) ? 1 : 0;
            }
    }
    app_destroy(a);
    return rc;
}
