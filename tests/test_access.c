/* test_access.c - the kiosk for visitors who cannot see the screen or use it as
 * others do, as a whole, headless, on a fake clock with a fake sound output (the real
 * espeak-ng speaks into it): a tap on Listen is heard within half a second, any other
 * touch silences it at once, the bar pauses, repeats and changes the volume, "Still
 * there?" comes 25 s before the idle reset (and is said in speech mode), the idle
 * reset silences the voice and restores the volume, without a sound device the
 * control is gone and the staff screen says why; the keypad speaks with the voice; every
 * text and icon, the speech controls' too, has 7:1 against what is drawn behind it. */
#include <poll.h>
#include "testutil.h"
#include "layoutcheck.h"
#include "app.h"
#include "platform/speech.h"
#include "render/render.h"
#include "ui/speak.h"
#include "ui/theme.h"
#include "ui/ui.h"

/* a sound output that plays in the fake clock's time */
typedef struct FakeOut {
    unsigned *now;
    unsigned played_at;
    bool open, fail;
    size_t queued, total;
    unsigned first_ms, clear_ms;
} FakeOut;

static void out_play(FakeOut *o)
{
    if (o->open && *o->now > o->played_at) {
        size_t done = (size_t)(*o->now - o->played_at) * 22050 / 1000;
        o->queued = done > o->queued ? 0 : o->queued - done;
    }
    o->played_at = *o->now;
}

static int out_open(void *c, int rate, char *why, size_t n)
{
    FakeOut *o = c;
    assert_int_equal(rate, 22050);
    if (o->fail) {
        snprintf(why, n, "no audio device: none plugged in");
        return -1;
    }
    o->open = true, o->queued = 0, o->played_at = *o->now;
    return 0;
}

static int out_queue(void *c, const int16_t *s, size_t n)
{
    (void)s;
    FakeOut *o = c;
    out_play(o);
    if (!o->total)
        o->first_ms = *o->now;
    o->queued += n, o->total += n;
    return 0;
}

static unsigned out_queued_ms(void *c)
{
    FakeOut *o = c;
    out_play(o);
    return o->open ? (unsigned)(o->queued * 1000 / 22050) : 0;
}

static void out_clear(void *c) { FakeOut *o = c; o->queued = 0, o->clear_ms = *o->now; }
static void out_pause(void *c, bool p) { (void)c, (void)p; }
static void out_close(void *c) { FakeOut *o = c; o->open = false, o->queued = 0; }

typedef struct Fixture {
    App *app;
    Ui *ui;
    unsigned ms;
    time_t now;
    FakeOut out;
    SpeechSink sink;
} Fixture;

static int open_app(Fixture *f, bool sound)
{
    AppOptions o = { .config_path = NULL, .share_dir = "." };
    f->app = app_create(&o, true, 800, 480);
    assert_non_null(f->app);
    f->ui = app_ui(f->app);
    f->ms = 1000, f->now = 1795000000;     /* Wednesday 13:06, open */
    f->out.now = &f->ms;
    f->out.fail = !sound;
    f->sink = (SpeechSink){ out_open, out_queue, out_queued_ms, out_clear, out_pause,
                            out_close, &f->out };
    assert_int_equal(app_start_speech(f->app, &f->sink), 0);
    app_step(f->app, f->now, f->ms);
    return 0;
}

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof *f);
    open_app(f, true);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    app_destroy(f->app);
    free(f);
    return 0;
}

/* one turn of the loop after ms more milliseconds */
static void step(Fixture *f, unsigned ms)
{
    f->ms += ms;
    f->now = 1795000000 + (time_t)((f->ms - 1000) / 1000);
    app_step(f->app, f->now, f->ms);
}

/* the loop until the first sound: it sleeps as app_sleep_ms says, waking early (in
 * real time) only when the voice has something; the fake clock moves by the whole
 * sleep, so it never runs behind the real one */
static void until_heard(Fixture *f)
{
    step(f, 0);                 /* the loop's turn right after the input */
    for (int i = 0; i < 1000 && !f->out.total; i++) {
        int sleep = app_sleep_ms(f->app, f->now, f->ms);
        struct pollfd p = { .fd = speech_fd(app_speech(f->app)), .events = POLLIN };
        if (p.fd >= 0)
            poll(&p, 1, sleep);
        step(f, (unsigned)sleep);
    }
    assert_true(f->out.total > 0);
}

static void press(Fixture *f, int x, int y)
{
    RenderEvent e = { .kind = RENDER_PRESS, .x = x, .y = y, .ms = f->ms };
    app_input(f->app, &e);
}

static void release(Fixture *f, int x, int y)
{
    RenderEvent e = { .kind = RENDER_RELEASE, .x = x, .y = y, .ms = f->ms + 60 };
    app_input(f->app, &e);
}

/* taps the speech control that gives action */
static void tap_control(Fixture *f, UiAction action)
{
    int x, y;
    assert_int_equal(ui_find_listen_button(f->ui, action, &x, &y), 0);
    press(f, x, y);
    release(f, x, y);
}

static void test_listen_is_heard_within_half_a_second_and_a_touch_stops_it(void **state)
{
    Fixture *f = *state;
    assert_int_equal(ui_listen(f->ui), UI_LISTEN_READY);
    step(f, 2000);                  /* the voice waiting for this language has started */
    unsigned tap = f->ms;
    tap_control(f, UI_ACTION_LISTEN);
    until_heard(f);
    if (f->out.first_ms - tap > 500)
        fail_msg("heard %u ms after the tap", f->out.first_ms - tap);
    assert_int_equal(ui_listen(f->ui), UI_LISTEN_SPEAKING);
    int x, y;
    assert_int_equal(ui_find_listen_button(f->ui, UI_ACTION_PAUSE, &x, &y), 0);
    /* a touch anywhere else: silence within the same event, before any frame */
    step(f, 1000);
    assert_int_equal(speech_state(app_speech(f->app)), SPEECH_PLAYING);
    assert_int_equal(ui_find_button(f->ui, SCREEN_CONTACT, &x, &y), 0);
    unsigned touch = f->ms;
    press(f, x, y);
    assert_int_equal(speech_state(app_speech(f->app)), SPEECH_IDLE);
    assert_int_equal(f->out.clear_ms, touch);
    assert_false(f->out.open);
    release(f, x, y);
    step(f, 100);
    assert_int_equal(ui_screen(f->ui), SCREEN_CONTACT);    /* and the tap still works */
    assert_int_equal(ui_listen(f->ui), UI_LISTEN_READY);
}

static void test_the_bar_pauses_repeats_and_changes_the_volume(void **state)
{
    Fixture *f = *state;
    Speech *s = app_speech(f->app);
    tap_control(f, UI_ACTION_LISTEN);
    until_heard(f);
    tap_control(f, UI_ACTION_PAUSE);
    step(f, 100);
    assert_int_equal(speech_state(s), SPEECH_PAUSED);
    assert_int_equal(ui_listen(f->ui), UI_LISTEN_PAUSED);
    tap_control(f, UI_ACTION_PAUSE);        /* now "Resume" */
    step(f, 100);
    assert_int_equal(speech_state(s), SPEECH_PLAYING);
    tap_control(f, UI_ACTION_LOUDER);
    step(f, 100);
    tap_control(f, UI_ACTION_LOUDER);
    step(f, 100);
    assert_int_equal(speech_volume(s), SPEECH_VOLUME_DEFAULT + 2);
    tap_control(f, UI_ACTION_SOFTER);
    step(f, 100);
    assert_int_equal(speech_volume(s), SPEECH_VOLUME_DEFAULT + 1);
    unsigned first = speech_stats(s).start_ms;
    tap_control(f, UI_ACTION_REPEAT);
    step(f, 100);
    assert_true(speech_stats(s).start_ms > first);  /* from the start again */
    assert_int_equal(speech_state(s), SPEECH_PLAYING);
    /* the controls never stopped it; the idle reset, once it is over, does */
    speech_stop(s, f->ms);
    step(f, 90 * 1000);
    assert_int_equal(speech_volume(s), SPEECH_VOLUME_DEFAULT);
    assert_int_equal(ui_screen(f->ui), SCREEN_HOME);
}

static void test_a_visitor_listening_is_not_reset_while_it_speaks(void **state)
{
    Fixture *f = *state;
    ui_show(f->ui, SCREEN_ABOUT, LANG_EN);  /* a long screen */
    step(f, 100);
    tap_control(f, UI_ACTION_LISTEN);
    until_heard(f);
    Speech *s = app_speech(f->app);
    for (int i = 0; i < 5000 && speech_state(s) == SPEECH_PLAYING; i++) {
        struct pollfd p = { .fd = speech_fd(s), .events = POLLIN };
        int sleep = app_sleep_ms(f->app, f->now, f->ms);
        if (p.fd >= 0)
            poll(&p, 1, sleep);
        step(f, (unsigned)(sleep < 1000 ? sleep : 1000));
        if (f->ms > 95 * 1000)
            break;
    }
    assert_true(f->ms > 95 * 1000);
    /* 95 s after the tap and still being read: no reset, no "Still there?" */
    assert_int_equal(speech_state(s), SPEECH_PLAYING);
    assert_int_equal(ui_screen(f->ui), SCREEN_ABOUT);
    assert_false(ui_still_there(f->ui));
}

static void test_still_there_comes_25_s_before_the_idle_reset(void **state)
{
    Fixture *f = *state;
    int x, y;
    assert_int_equal(ui_find_button(f->ui, SCREEN_HOURS, &x, &y), 0);
    press(f, x, y);
    release(f, x, y);
    step(f, 100);
    assert_int_equal(ui_screen(f->ui), SCREEN_HOURS);
    step(f, 64 * 1000);
    assert_false(ui_still_there(f->ui));
    assert_true(app_sleep_ms(f->app, f->now, f->ms) <= 1000);  /* the loop wakes for it */
    step(f, 1000);                          /* 65 s: 25 s before the reset */
    assert_true(ui_still_there(f->ui));
    assert_int_equal(speech_state(app_speech(f->app)), SPEECH_IDLE);   /* not listening */
    /* a touch anywhere answers it and does nothing else, even on the way home */
    assert_int_equal(ui_find_button(f->ui, SCREEN_HOME, &x, &y), -1);
    ui_set_still_there(f->ui, false);
    assert_int_equal(ui_find_button(f->ui, SCREEN_HOME, &x, &y), 0);
    ui_set_still_there(f->ui, true);
    press(f, x, y);
    release(f, x, y);
    step(f, 100);
    assert_false(ui_still_there(f->ui));
    assert_int_equal(ui_screen(f->ui), SCREEN_HOURS);
    /* and if nobody answers: shown until the reset, then gone with it */
    step(f, 66 * 1000);
    assert_true(ui_still_there(f->ui));
    step(f, 24 * 1000);
    assert_int_equal(ui_screen(f->ui), SCREEN_HOME);
    assert_false(ui_still_there(f->ui));
    /* with no visitor, the empty kiosk is never asked */
    step(f, 80 * 1000);
    assert_false(ui_still_there(f->ui));
}

static void test_still_there_is_said_in_speech_mode_and_the_reset_still_comes(void **state)
{
    Fixture *f = *state;
    tap_control(f, UI_ACTION_LISTEN);
    until_heard(f);
    tap_control(f, UI_ACTION_LISTEN);       /* now "Stop" */
    step(f, 100);
    Speech *s = app_speech(f->app);
    assert_int_equal(speech_state(s), SPEECH_IDLE);
    size_t before = f->out.total;
    step(f, 65 * 1000);
    assert_true(ui_still_there(f->ui));
    assert_int_equal(speech_state(s), SPEECH_PLAYING);     /* said aloud */
    until_heard(f);
    for (int i = 0; i < 200 && f->out.total == before; i++) {
        struct pollfd p = { .fd = speech_fd(s), .events = POLLIN };
        if (p.fd >= 0)
            poll(&p, 1, 100);
        step(f, 10);
    }
    assert_true(f->out.total > before);
    step(f, 25 * 1000);                     /* the prompt's own voice does not hold it */
    assert_int_equal(ui_screen(f->ui), SCREEN_HOME);
    assert_int_equal(speech_state(s), SPEECH_IDLE);
    assert_false(ui_still_there(f->ui));
}

static void test_without_a_sound_device_there_is_no_listen_and_staff_are_told_until_one_works(
    void **state)
{
    (void)state;
    Fixture g = { 0 };
    open_app(&g, false);
    assert_int_equal(ui_listen(g.ui), UI_LISTEN_HIDDEN);
    int x, y;
    assert_int_equal(ui_find_listen_button(g.ui, UI_ACTION_LISTEN, &x, &y), -1);
    ui_show(g.ui, SCREEN_STAFF, LANG_EN);
    step(&g, 100);
    int n;
    const UiCmd *c = ui_commands(g.ui, &n);
    bool told = false;
    for (int i = 0; i < n; i++)
        told |= c[i].kind == UI_TEXT && c[i].len > 0 &&
                memmem(c[i].text, (size_t)c[i].len, "no audio device", 15) != NULL;
    assert_true(told);
    /* an adapter plugged in later is found within a minute */
    g.out.fail = false;
    step(&g, 61 * 1000);
    assert_int_equal(ui_listen(g.ui), UI_LISTEN_READY);
    app_destroy(g.app);
}

static void test_the_speech_controls_fit_every_size_language_and_state(void **state)
{
    Fixture *f = *state;
    static const int sizes[][2] = { { 800, 480 }, { 1280, 800 }, { 1920, 1080 }, { 720, 1280 } };
    static const UiListenState states[] = { UI_LISTEN_READY, UI_LISTEN_NO_VOICE,
                                            UI_LISTEN_SPEAKING, UI_LISTEN_PAUSED };
    int min = (int)(9.0 / 25.4 * 96.0), faults = 0;     /* 9 mm at the default dpi */
    for (size_t z = 0; z < sizeof sizes / sizeof sizes[0]; z++) {
        ui_set_size(f->ui, sizes[z][0], sizes[z][1]);
        for (size_t k = 0; k < sizeof states / sizeof states[0]; k++)
            for (int l = 0; l < LANG_COUNT; l++)
                for (int s = 0; s < SCREEN_COUNT; s++) {
                    char ctx[96];
                    snprintf(ctx, sizeof ctx, "%dx%d %s %s state %d", sizes[z][0], sizes[z][1],
                             i18n_code((Lang)l), ui_screen_name((UiScreen)s), (int)states[k]);
                    ui_show(f->ui, (UiScreen)s, (Lang)l);
                    ui_set_listen(f->ui, states[k]);
                    int n;
                    const UiCmd *c = ui_commands(f->ui, &n);
                    faults += layout_faults(c, n, sizes[z][0], sizes[z][1], 100000, ctx);
                    int x, y, w, h, m = ui_target(f->ui, 0, &x, &y, &w, &h);
                    int bx[64], by[64], bw[64], bh[64], nb = 0;
                    for (int i = 0; i < m && nb < 64; i++) {
                        ui_target(f->ui, i, &x, &y, &w, &h);
                        if (w < min || h < min) {
                            fprintf(stderr, "%s: a target %dx%d\n", ctx, w, h);
                            faults++;
                        }
                        if (y < sizes[z][1] / 8)    /* the header's: none may overlap */
                            bx[nb] = x, by[nb] = y, bw[nb] = w, bh[nb++] = h;
                    }
                    for (int i = 0; i < nb; i++)
                        for (int j = i + 1; j < nb; j++)
                            if (bx[i] < bx[j] + bw[j] && bx[j] < bx[i] + bw[i] &&
                                by[i] < by[j] + bh[j] && by[j] < by[i] + bh[i]) {
                                fprintf(stderr, "%s: targets %d and %d overlap\n", ctx, i, j);
                                faults++;
                            }
                    int lx, ly;
                    /* in the header, or where it is too narrow, in the footer */
                    if (ui_find_listen_button(f->ui, UI_ACTION_LISTEN, &lx, &ly) != 0 ||
                        (ly > sizes[z][1] / 6 && ly < sizes[z][1] * 5 / 6)) {
                        fprintf(stderr, "%s: no Listen in the header or the footer\n", ctx);
                        faults++;
                    }
                    bool bar = states[k] == UI_LISTEN_SPEAKING || states[k] == UI_LISTEN_PAUSED;
                    if ((ui_find_listen_button(f->ui, UI_ACTION_LOUDER, &lx, &ly) == 0) != bar) {
                        fprintf(stderr, "%s: the bar is %s\n", ctx, bar ? "missing" : "shown");
                        faults++;
                    }
                }
    }
    assert_int_equal(faults, 0);
}

/* a key, and what it focused (as it was labelled then); the loop's turn follows */
static const char *key(Fixture *f, UiKey k)
{
    static char label[256];
    RenderEvent e = { .kind = RENDER_KEY, .key = k, .ms = f->ms };
    app_input(f->app, &e);
    int x, y, w, h;
    const char *l = ui_focus(f->ui, &x, &y, &w, &h);
    snprintf(label, sizeof label, "%s", l ? l : "");
    step(f, 50);
    return label;
}

static void test_the_keypad_speaks_with_the_voice_and_enter_on_listen_reads(void **state)
{
    Fixture *f = *state;
    Speech *s = app_speech(f->app);
    step(f, 2000);
    /* each control the arrows reach is said aloud by espeak-ng, in the screen's language */
    for (int i = 0; i < 4; i++) {
        const char *label = key(f, UI_KEY_DOWN);
        assert_true(*label);
        assert_string_equal(speech_text(s), label);
        assert_int_equal(speech_state(s), SPEECH_PLAYING);
    }
    until_heard(f);
    /* Enter on Listen reads the screen; Enter again stops it */
    for (int i = 0; i < 30 && strcmp(key(f, UI_KEY_DOWN), i18n_str(LANG_EL, STR_LISTEN)); i++)
        ;
    key(f, UI_KEY_ENTER);
    step(f, 10);
    assert_int_equal(speech_state(s), SPEECH_PLAYING);
    assert_non_null(strstr(speech_text(s), "Κέντρο Συντονισμού"));
    key(f, UI_KEY_ENTER);
    step(f, 10);
    assert_int_equal(speech_state(s), SPEECH_IDLE);
    /* the volume keys change the voice's volume; the idle reset restores it */
    key(f, UI_KEY_VOLUME_UP);
    assert_int_equal(speech_volume(s), SPEECH_VOLUME_DEFAULT + 1);
    step(f, 91 * 1000);
    assert_int_equal(speech_volume(s), SPEECH_VOLUME_DEFAULT);
    assert_false(ui_keypad(f->ui));
}

/* the colour really behind text command t: the last rectangle drawn before it that
 * holds its box's centre; for a text in the scrolling body, a rectangle of the body or
 * one drawn before the body's clip (the screen's background) */
static uint32_t behind(const UiCmd *c, int t)
{
    int cx = c[t].x + c[t].w / 2, cy = c[t].y + c[t].h / 2, clip = -1;
    for (int i = 0; i < t && clip < 0; i++)
        if (c[i].kind == UI_CLIP && c[i].w > 0)
            clip = i;
    for (int i = t - 1; i >= 0; i--) {
        if (c[i].kind != UI_RECT)
            continue;
        int y = cy;
        if (c[t].scrolls && !c[i].scrolls) {
            if (clip < 0 || i > clip)
                continue;   /* a fixed part drawn over the body elsewhere */
            y = c[clip].y + c[clip].h / 2;  /* behind the body, wherever it is scrolled */
        }
        if (cx >= c[i].x && cx < c[i].x + c[i].w && y >= c[i].y && y < c[i].y + c[i].h)
            return c[i].color;
    }
    return 0x000000;        /* nothing drawn behind: black */
}

/* the faults of the screen on show: each text or icon whose ink has less than 7:1
 * against what is drawn behind it, or that says it is on another colour */
static int contrast_faults(Ui *ui, const char *ctx)
{
    int n, faults = 0;
    const UiCmd *c = ui_commands(ui, &n);
    for (int i = 0; i < n; i++) {
        if (c[i].kind != UI_TEXT || c[i].len == 0)
            continue;
        uint32_t bg = behind(c, i);
        double k = theme_contrast(c[i].color, bg);
        if (k < 7.0 || bg != c[i].bg) {
            fprintf(stderr, "%s: \"%.*s\" %06X on %06X (said %06X): %.2f:1\n", ctx, c[i].len,
                    c[i].text, (unsigned)c[i].color, (unsigned)bg, (unsigned)c[i].bg, k);
            faults++;
        }
    }
    return faults;
}

static void test_every_text_and_icon_drawn_has_7_to_1_against_what_is_behind_it(void **state)
{
    Fixture *f = *state;
    static const int sizes[][2] = { { 800, 480 }, { 720, 1280 } };
    static const UiListenState states[] = { UI_LISTEN_READY, UI_LISTEN_PAUSED };
    int faults = 0;
    char ctx[128];
    for (int theme = 0; theme < 2; theme++)
    for (size_t z = 0; z < sizeof sizes / sizeof sizes[0]; z++) {
        ui_set_size(f->ui, sizes[z][0], sizes[z][1]);
        ui_set_high_contrast(f->ui, theme == 1);
        for (int l = 0; l < LANG_COUNT; l++)
            for (int s = 0; s < SCREEN_COUNT; s++)
                for (size_t k = 0; k < 2; k++) {
                    snprintf(ctx, sizeof ctx, "%dx%d %s-%s%s%s", sizes[z][0], sizes[z][1],
                             i18n_code((Lang)l), ui_screen_name((UiScreen)s),
                             k ? " speaking" : "", theme ? " high contrast" : "");
                    ui_show(f->ui, (UiScreen)s, (Lang)l);
                    ui_set_listen(f->ui, states[k]);
                    faults += contrast_faults(f->ui, ctx);
                }
        /* over a screen: a dialog, the PIN pad, Still there?, night */
        ui_show(f->ui, SCREEN_CONTACT, LANG_EL);
        static const UiDialogKind dialogs[] = { UI_DIALOG_MESSAGE, UI_DIALOG_CONFIRM,
                                                UI_DIALOG_PIN, UI_DIALOG_BUSY };
        for (size_t d = 0; d < sizeof dialogs / sizeof dialogs[0]; d++) {
            ui_dialog(f->ui, dialogs[d], "Ενημέρωση", "Κείμενο", 5);
            snprintf(ctx, sizeof ctx, "%dx%d dialog %d", sizes[z][0], sizes[z][1], (int)d);
            faults += contrast_faults(f->ui, ctx);
        }
        ui_dialog(f->ui, UI_DIALOG_NONE, NULL, NULL, 0);
        ui_set_still_there(f->ui, true);
        faults += contrast_faults(f->ui, "still there");
        ui_set_still_there(f->ui, false);
        ui_set_night(f->ui, true);
        faults += contrast_faults(f->ui, "night");
        ui_set_night(f->ui, false);
    }
    ui_set_size(f->ui, 800, 480);
    assert_int_equal(faults, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(
            test_listen_is_heard_within_half_a_second_and_a_touch_stops_it, setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_bar_pauses_repeats_and_changes_the_volume,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_visitor_listening_is_not_reset_while_it_speaks,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_still_there_comes_25_s_before_the_idle_reset,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_still_there_is_said_in_speech_mode_and_the_reset_still_comes, setup, teardown),
        cmocka_unit_test(
            test_without_a_sound_device_there_is_no_listen_and_staff_are_told_until_one_works),
        cmocka_unit_test_setup_teardown(test_the_speech_controls_fit_every_size_language_and_state,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_the_keypad_speaks_with_the_voice_and_enter_on_listen_reads, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_every_text_and_icon_drawn_has_7_to_1_against_what_is_behind_it, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
