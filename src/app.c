/* app.c - the kiosk's one App context and its loop. The loop sleeps until its next
 * deadline (the next minute of the clock, an opening-hours change, the idle reset, the
 * watchdog) or until input arrives, handles the input, and draws a frame only when
 * something changed. Where the video driver cannot wait (KMSDRM, offscreen) it waits
 * with poll(2) on the input devices and the USB watch. */
#include "app_private.h"
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
#include <sys/stat.h>
#include <unistd.h>
#include "core/config.h"
#include "core/db.h"
#include "core/directory.h"
#include "core/hours.h"
#include "core/store.h"
#include "platform/audio.h"
#include "platform/inputcheck.h"
#include "platform/sdnotify.h"
#include "platform/speech.h"
#include "ui/speak.h"

#define APP_STILL_THERE_MS 25000 /* "Still there?" shows this long before the idle reset */
#define APP_SPEAK_MAX (32 * 1024) /* bytes of a screen's text handed to the voice */

/* ---- content ---- */

/* the content of lang, read from the database the first time a screen needs it (the
 * Ui's content source): start-up reads the default language alone, so the first
 * frame does not wait for six more. A language that cannot be read shows the default
 * language's content, said once in the log. */
static const Content *app_content(void *ctx, Lang l)
{
    App *a = ctx;
    if (!a->loaded[l] && !a->unreadable[l]) {
        if (db_load_content(a->db, l, &a->content[l]) == 0)
            a->loaded[l] = true;
        else {
            fprintf(stderr, "kiosk: cannot read the content in %s: %s\n", i18n_code(l),
                    db_error(a->db));
            content_free(&a->content[l]);
            a->unreadable[l] = true;
        }
    }
    return &a->content[a->loaded[l] ? l : a->cfg.default_lang];
}

/* the first language not read yet (neither read nor unreadable); LANG_COUNT: none.
 * A step with nothing to draw reads it, and app_run does not sleep while there is one,
 * so that a visitor's first switch to a language does not wait for the database. */
static Lang app_unread(const App *a)
{
    for (int l = 0; l < LANG_COUNT; l++)
        if (!a->loaded[l] && !a->unreadable[l])
            return (Lang)l;
    return LANG_COUNT;
}

/* the Ui gets the languages read so far, and asks app_content for the others */
static void app_give_content(App *a)
{
    const Content *cs[LANG_COUNT];
    for (int l = 0; l < LANG_COUNT; l++)
        cs[l] = a->loaded[l] ? &a->content[l] : NULL;
    ui_set_content(a->ui, cs, &a->hours);
    ui_set_content_source(a->ui, app_content, a);
}

/* the content of db in the default language and the hours, in place of the old ones
 * (the other languages are read when shown); -1 with why, the old content kept */
static int app_load(App *a, Db *db, char *why, size_t n)
{
    Lang first = a->cfg.default_lang;
    Content c;
    memset(&c, 0, sizeof c);
    HoursTable h;
    memset(&h, 0, sizeof h);
    if (db_load_content(db, first, &c) != 0) {
        snprintf(why, n, "cannot read the content: %s", db_error(db));
        return -1;
    }
    if (db_load_hours(db, &h) != 0) {
        snprintf(why, n, "cannot read the opening hours: %s", db_error(db));
        content_free(&c);
        return -1;
    }
    h.city_holiday = a->cfg.city_holiday;
    h.shortened_days = a->cfg.shortened_days;
    for (int l = 0; l < LANG_COUNT; l++) {
        content_free(&a->content[l]);
        a->loaded[l] = a->unreadable[l] = false;
    }
    a->content[first] = c;
    a->loaded[first] = true;
    a->hours = h;
    if (a->db && a->db != db)
        db_close(a->db);
    a->db = db;
    if (a->ui) {
        app_give_content(a);
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
bool app_reload(App *a, char *why, size_t n)
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
    app_give_content(a);
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
    app_usb_stop(a);            /* a job ends; a staged update goes; the live content stays */
    speech_destroy(a->speech);
    audio_destroy(a->audio);
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
Render *app_render(App *a) { return a->render; }

void app_draw(App *a)
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

/* idle milliseconds after which "Still there?" shows: APP_STILL_THERE_MS before the
 * idle reset, or halfway for a short idle_timeout */
static unsigned app_still_there_after(const App *a)
{
    unsigned timeout = (unsigned)a->cfg.idle_timeout_s * 1000u;
    return timeout >= 2 * APP_STILL_THERE_MS ? timeout - APP_STILL_THERE_MS : timeout / 2;
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
    long ask = (long)app_still_there_after(a) - (long)(ms - a->last_input_ms);
    if (a->visited && ask > 0 && ask < wait)
        wait = ask;
    int voice = a->speech ? speech_sleep_ms(a->speech, ms) : -1;
    if (voice >= 0 && voice < wait)
        wait = voice;
    if (a->flow == FLOW_CONFIRM || a->flow == FLOW_RESULT) {
        long left = (long)(a->flow_ms - ms);
        /* the countdown's number changes each whole second before its end */
        long tick = a->flow == FLOW_CONFIRM ? (left % 1000 ? left % 1000 : 1000) : left;
        if (tick < wait)
            wait = tick < 0 ? 0 : tick;
    }
    if (a->flow == FLOW_BUSY && wait > 100)
        wait = 100;             /* a job's progress */
    if (ui_pressing(a->ui) && wait > 250)
        wait = 250;             /* the staff gesture is a hold */
    long beat = sdnotify_watchdog_due_ms();  /* never a whole interval after a late wake-up */
    if (beat >= 0 && beat < wait)
        wait = beat;
    return wait > INT_MAX ? INT_MAX : (int)wait;
}

/* a key silences the voice, but Enter on a speech control, which acts on it */
static void app_key_silence(App *a, UiKey key, unsigned ms)
{
    if (!a->speech || speech_state(a->speech) == SPEECH_IDLE)
        return;
    int x, y, w, h;
    if (key == UI_KEY_ENTER && ui_focus(a->ui, &x, &y, &w, &h) &&
        ui_on_listen(a->ui, x + w / 2, y + h / 2))
        return;
    if (key == UI_KEY_VOLUME_UP || key == UI_KEY_VOLUME_DOWN)
        return;                 /* louder or softer: heard on what is said */
    speech_stop(a->speech, ms);
}

void app_input(App *a, const RenderEvent *e)
{
    switch (e->kind) {
    case RENDER_PRESS:
        a->last_input_ms = e->ms;
        a->visited = true;
        /* any touch but on the speech controls silences the voice, at once */
        if (a->speech && speech_state(a->speech) != SPEECH_IDLE &&
            (ui_still_there(a->ui) || !ui_on_listen(a->ui, e->x, e->y)))
            speech_stop(a->speech, e->ms);
        if (ui_still_there(a->ui)) {    /* the touch that answers it does nothing else */
            ui_set_still_there(a->ui, false);
            break;
        }
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
        a->visited = true;
        if (ui_still_there(a->ui)) {    /* answered: nothing else */
            ui_set_still_there(a->ui, false);
            if (a->speech)
                speech_stop(a->speech, e->ms);
            break;
        }
        app_key_silence(a, e->key, e->ms);
        a->key = e->key;
        ui_key(a->ui, e->key);
        a->key = UI_KEY_NONE;
        break;
    default:
        break;
    }
}

/* ---- the Listen control ---- */

/* the keypad says a control's label or its help: speech mode from then on */
static void app_keypad_say(void *ctx, const char *text, Lang lang)
{
    App *a = ctx;
    if (!a->speech || !speech_available(a->speech) || !*text)
        return;
    if (a->key == UI_KEY_ENTER && a->speaking_screen && speech_state(a->speech) != SPEECH_IDLE)
        return;                 /* Enter on Stop: the reading stops, not for the label */
    speech_start(a->speech, i18n_code(lang), text, render_ticks());
    a->speaking_prompt = a->speaking_screen = false;
    a->speech_mode = true;
}

static void app_keypad_volume(void *ctx, int step)
{
    App *a = ctx;
    if (a->speech)
        speech_change_volume(a->speech, step);
}

int app_start_speech(App *a, const SpeechSink *sink)
{
    SpeechSink sdl;
    if (!sink) {
        if (!(a->audio = audio_create(a->cfg.audio_device)))
            return -1;
        sdl = audio_sink(a->audio);
        sink = &sdl;
    }
    if (!(a->speech = speech_create(sink, NULL)))
        return -1;
    if (!speech_available(a->speech))
        fprintf(stderr, "kiosk: no speech: %s\n", speech_why(a->speech));
    a->voice_lang = LANG_COUNT;
    a->probe_minute = time(NULL) / 60;
    UiSpeech say = { app_keypad_say, app_keypad_volume, a };
    ui_set_speech(a->ui, &say);    /* the keypad speaks what it focuses through the voice */
    return 0;
}

Speech *app_speech(App *a) { return a->speech; }

/* the Listen control shows what the voice can do now, and a voice waits, loaded, in
 * the language on screen */
static void app_listen_sync(App *a)
{
    UiListenState st = UI_LISTEN_HIDDEN;
    Lang l = ui_lang(a->ui);
    if (a->speech && speech_available(a->speech)) {
        if (!speech_has_voice(a->speech, i18n_code(l)))
            st = UI_LISTEN_NO_VOICE;
        else {
            SpeechState s = a->speaking_screen ? speech_state(a->speech) : SPEECH_IDLE;
            st = s == SPEECH_PLAYING ? UI_LISTEN_SPEAKING
                 : s == SPEECH_PAUSED ? UI_LISTEN_PAUSED : UI_LISTEN_READY;
        }
        if (l != a->voice_lang && speech_state(a->speech) == SPEECH_IDLE) {
            speech_prepare(a->speech, i18n_code(l));
            a->voice_lang = l;
        }
    }
    ui_set_listen(a->ui, st);
}

/* says text in the language on screen; prompt: it is "Still there?", which does not
 * keep the kiosk from its idle reset as a screen being read does */
static void app_say(App *a, const char *text, bool prompt, unsigned ms)
{
    speech_start(a->speech, i18n_code(ui_lang(a->ui)), text, ms);
    a->speaking_prompt = prompt;
    a->speaking_screen = false;
}

/* Listen: the screen read aloud, or the speech stopped when it speaks */
static void app_listen(App *a, unsigned ms)
{
    if (a->speaking_screen && speech_state(a->speech) != SPEECH_IDLE) {
        speech_stop(a->speech, ms);
        return;
    }
    if (!speech_has_voice(a->speech, i18n_code(ui_lang(a->ui))))
        return;                 /* the control says so */
    char *text = malloc(APP_SPEAK_MAX);
    if (!text)
        return;
    /* the screen as it reads without the speech controls, which are not its content */
    ui_set_listen(a->ui, UI_LISTEN_HIDDEN);
    int n;
    const UiCmd *cmds = ui_commands(a->ui, &n);
    speak_text(cmds, n, i18n_direction(ui_lang(a->ui)) == I18N_RTL, i18n_code(ui_lang(a->ui)),
               text, APP_SPEAK_MAX);
    app_say(a, text, false, ms);
    free(text);
    a->speaking_screen = true;
    a->speech_mode = true;
}

/* a speech control's action; false for other actions */
bool app_speech_action(App *a, UiAction act, unsigned ms)
{
    if (!a->speech)
        return false;
    switch (act) {
    case UI_ACTION_LISTEN:
        app_listen(a, ms);
        break;
    case UI_ACTION_PAUSE:
        speech_pause(a->speech, speech_state(a->speech) == SPEECH_PLAYING, ms);
        break;
    case UI_ACTION_REPEAT:
        speech_repeat(a->speech, ms);
        break;
    case UI_ACTION_SOFTER:
    case UI_ACTION_LOUDER:
        speech_change_volume(a->speech, act == UI_ACTION_LOUDER ? 1 : -1);
        break;
    default:
        return false;
    }
    app_listen_sync(a);
    return true;
}

/* the voice's turn of the loop, and "Still there?" before the idle reset for a
 * visitor who touched the screen */
static void app_speech_step(App *a, time_t now, unsigned ms)
{
    if (a->speech && !speech_available(a->speech) && now / 60 != a->probe_minute) {
        a->probe_minute = now / 60;     /* a sound adapter plugged in since: once a minute */
        if (speech_probe(a->speech))
            fprintf(stderr, "kiosk: speech: the sound device works now\n");
    }
    if (a->speech) {
        speech_step(a->speech, ms);
        if (speech_state(a->speech) == SPEECH_PLAYING && !a->speaking_prompt)
            a->last_input_ms = ms;  /* a visitor listening is not idle */
    }
    unsigned idle_ms = ms - a->last_input_ms;
    bool ask = a->visited && a->flow == FLOW_IDLE && !ui_night(a->ui) &&
               idle_ms >= app_still_there_after(a) &&
               idle_ms < (unsigned)a->cfg.idle_timeout_s * 1000u;
    if (ask && !ui_still_there(a->ui)) {
        ui_set_still_there(a->ui, true);
        if (a->speech_mode && a->speech)
            app_say(a, i18n_str(ui_lang(a->ui), STR_STILL_THERE), true, ms);
    } else if (!ask && ui_still_there(a->ui))
        ui_set_still_there(a->ui, false);
    app_listen_sync(a);
}

bool app_step(App *a, time_t now, unsigned ms)
{
    ui_set_time(a->ui, now);
    ui_hold(a->ui, ms);
    app_usb_act(a, now, ms);
    app_speech_step(a, now, ms);
    app_usb_step(a, now, ms);
    bool idle = ms - a->last_input_ms >= (unsigned)a->cfg.idle_timeout_s * 1000u;
    if (a->flow == FLOW_BUSY)
        a->last_input_ms = ms;  /* the screen stays awake while a job runs */
    if (a->flow == FLOW_STAFF_PIN && idle) {
        a->flow = FLOW_IDLE;    /* nobody typed: the keypad goes */
        ui_dialog(a->ui, UI_DIALOG_NONE, NULL, NULL, 0);
    }
    if (idle && a->flow == FLOW_IDLE) {
        ui_reset(a->ui, a->cfg.default_lang);
        if (a->speech)          /* the next visitor starts with silence, at the usual volume */
            speech_reset(a->speech, ms);
        a->speech_mode = a->visited = false;
        ui_set_still_there(a->ui, false);
        app_listen_sync(a);
        a->let_go = true;
    }
    ui_set_night(a->ui, idle && a->flow == FLOW_IDLE && app_is_night(a, now));
    /* the staff screen's facts: again each minute, or in the other language */
    long key = (long)(now / 60) * LANG_COUNT + (long)ui_lang(a->ui);
    if (ui_screen(a->ui) == SCREEN_STAFF && key != a->staff_key) {
        a->staff_key = key;
        app_usb_staff_info(a, now);
    }
    a->animating = ui_animate(a->ui, ms);
    if (!ui_dirty(a->ui)) {
        Lang unread = app_unread(a);
        if (unread != LANG_COUNT)
            app_content(a, unread);
        return false;
    }
    app_draw(a);
    render_present(a->render);
    /* a visitor's language is kept until another is chosen or the kiosk resets: then
     * the Arabic and Urdu faces the new screen does not need go (toggling between
     * screens in one language never reads them again) */
    if (a->let_go || ui_lang(a->ui) != a->shown_lang)
        render_let_go_faces(a->render);
    a->shown_lang = ui_lang(a->ui), a->let_go = false;
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
    app_start_speech(a, NULL);
    a->usb = usbwatch_open(a->cfg.usb_dir);
    a->running = true;
    a->last_input_ms = render_ticks();
    sdnotify_ready();
    /* a stick left in at power-on: looked at after the first frame and heartbeat */
    bool stick_at_start = a->usb && usbwatch_check(a->usb);
    while (a->running) {
        RenderEvent e;
        while (render_next_event(a->render, &e))
            app_input(a, &e);
        if (!a->running)
            break;              /* SIGTERM: stop now, not after the next sleep */
        time_t now = time(NULL);
        unsigned ms = render_ticks();
        app_step(a, now, ms);   /* the first step draws: the screen is on the glass
                                   before a stick left in is read */
        sdnotify_watchdog();    /* only from here: a hung loop stops the heartbeat */
        if (stick_at_start) {
            stick_at_start = false;
            app_usb_stick_changed(a, a->cfg.usb_dir, time(NULL), render_ticks());
            continue;
        }
        /* after the first frame, a language a step is read (app_unread) */
        int timeout = app_unread(a) != LANG_COUNT ? 0 : app_sleep_ms(a, now, ms);
        if (render_wait(a->render, timeout)) {  /* a desktop window: look at the stick too */
            struct pollfd u = { .fd = a->usb ? usbwatch_fd(a->usb) : -1, .events = POLLIN };
            if (a->usb && poll(&u, 1, 0) > 0) {
                usbwatch_check(a->usb);
                app_usb_stick_changed(a, a->cfg.usb_dir, time(NULL), render_ticks());
            }
            continue;
        }
        struct pollfd fds[APP_MAX_FDS + 2];
        int n = 0;
        for (int i = 0; i < a->n_input_fds; i++)
            fds[n++] = (struct pollfd){ .fd = a->input_fds[i], .events = POLLIN };
        int voice = a->speech ? speech_fd(a->speech) : -1;
        if (voice >= 0)         /* the voice's next sound: read it as soon as it comes */
            fds[n++] = (struct pollfd){ .fd = voice, .events = POLLIN };
        if (a->usb)
            fds[n++] = (struct pollfd){ .fd = usbwatch_fd(a->usb), .events = POLLIN };
        if (poll(fds, (nfds_t)n, timeout) > 0 && a->usb && (fds[n - 1].revents & POLLIN)) {
            usbwatch_check(a->usb);
            app_usb_stick_changed(a, a->cfg.usb_dir, time(NULL), render_ticks());
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

/* path: the shot of screen s in l; a service's card (SCREEN_SERVICE) is the one of id,
 * or without one the directory's first service */
static int app_shot(App *a, UiScreen s, Lang l, const char *id, const char *voices,
                    const char *path)
{
    ui_show(a->ui, s, l);
    /* the Listen control as a kiosk with a sound device shows it (none is opened) */
    ui_set_listen(a->ui, speech_voice_listed(voices, i18n_code(l)) ? UI_LISTEN_READY
                                                                   : UI_LISTEN_NO_VOICE);
    if (s == SCREEN_SERVICE) {
        DirRow *first = calloc(1, sizeof *first);
        DirQuery q = { .now = a->started };
        if (!id && first && db_directory_search(a->db, &q, l, 0, 1, first, NULL) == 1)
            id = first->id;
        ui_show_service(a->ui, id ? id : "");
        free(first);
    }
    if (s == SCREEN_STAFF)
        app_usb_staff_info(a, a->started);
    app_draw(a);
    if (render_screenshot(a->render, path) != 0)
        return -1;
    render_present(a->render);
    return 0;
}

int app_screenshots(const ShotOptions *o)
{
    int w = o->app.width ? o->app.width : 1280, h = o->app.height ? o->app.height : 800;
    /* espeak-ng lists its voices, for the Listen control, while the content loads */
    SpeechVoices ask;
    bool asked = speech_voices_ask(NULL, &ask) == 0;
    App *a = app_create(&o->app, true, w, h);
    char *voices = asked ? speech_voices_answer(&ask) : NULL;
    if (!a) {
        free(voices);
        return 1;
    }
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
            rc = app_shot(a, only, only_lang, service, voices, o->out) ? 1 : 0;
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
                rc = app_shot(a, (UiScreen)s, (Lang)l, service, voices, path) ? 1 : 0;
            }
    }
    free(voices);
    app_destroy(a);
    return rc;
}
