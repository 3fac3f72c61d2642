/* test_monkey.c - endurance: the kiosk, headless at 800x480 with a live data folder,
 * takes a long stream of random visitor input (taps on buttons and anywhere, drags,
 * language switches, the hidden corner hold), idle timeouts of minutes to hours, and
 * USB sticks plugged in and pulled out (without a manifest, with a wrong checksum, or
 * unsigned), on a fake clock. It must never crash or get stuck, an idle kiosk must
 * go back home, and its memory must not grow once it has seen its screens.
 *
 * The seed is fixed and printed; MONKEY_SEED=N runs (or replays) another. MONKEY_EVENTS sets the count
 * (default 100,000; 20,000 in the sanitizer build, which make test runs as well and
 * which takes about as long an event: the two together stay near four minutes of
 * make test on two cores. ASan's RSS says nothing about leaks, so there LeakSanitizer
 * checks them instead of the RSS bound). For the soak test,
 * MONKEY_SECONDS=N runs for N wall-clock seconds instead, and MONKEY_CSV=FILE writes
 * RSS, open file descriptors and frame times every MONKEY_EVERY events (default 1000).
 *
 * A second session runs on the member directory of 10,000 generated services
 * (tools/gen-package.sh; MONKEY_DIR_SERVICES, MONKEY_DIR_EVENTS): it also types on the
 * directory's keyboard, filters and opens cards. */
#include "testutil.h"
#include <dirent.h>
#include <time.h>
#include "app.h"
#include "render/render.h"
#include "ui/ui.h"

#if defined(__SANITIZE_ADDRESS__)
#define MONKEY_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MONKEY_ASAN 1
#endif
#endif
#ifndef MONKEY_ASAN
#define MONKEY_ASAN 0
#endif

#define MONKEY_W 800
#define MONKEY_H 480
#define MONKEY_IDLE_MS 90000u           /* the default idle_timeout, 90 s */
#define MONKEY_BASELINE 1000            /* RSS is compared with the RSS after this many */
#define MONKEY_RSS_SLACK_KIB 2048
#define MONKEY_FRAMES_KEPT 4096         /* frame times kept between two CSV rows */

typedef struct Monkey {
    App *app;
    char *tmp;
    char data[600], usb[600], kiosk[620];
    uint64_t rng;
    uint64_t clock_ms;                  /* the fake monotonic clock; its low 32 bits go to
                                           the App, which must live through the wrap */
    time_t base;
    bool stick_in;
    long frames, usb_inserts, idles, lang_switches;
    bool seen_lang[LANG_COUNT];     /* languages switched to */
    double frame_ms[MONKEY_FRAMES_KEPT];
    int n_frame_ms;
} Monkey;

/* xorshift64*: the same stream on every machine for a given seed */
static uint32_t rnd(Monkey *m)
{
    m->rng ^= m->rng >> 12;
    m->rng ^= m->rng << 25;
    m->rng ^= m->rng >> 27;
    return (uint32_t)((m->rng * 2685821657736338717ULL) >> 32);
}

static int rnd_in(Monkey *m, int lo, int hi) { return lo + (int)(rnd(m) % (uint32_t)(hi - lo + 1)); }

static unsigned long env_ul(const char *name, unsigned long def)
{
    const char *v = getenv(name);
    return v && *v ? strtoul(v, NULL, 10) : def;
}

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* the resident set from /proc/self/statm, KiB */
static long rss_kib(void)
{
    long size = 0, res = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f) {
        if (fscanf(f, "%ld %ld", &size, &res) != 2)
            res = 0;
        fclose(f);
    }
    return res * (sysconf(_SC_PAGESIZE) / 1024);
}

static int open_fds(void)
{
    int n = 0;
    DIR *d = opendir("/proc/self/fd");
    if (!d)
        return -1;
    for (struct dirent *e; (e = readdir(d));)
        if (e->d_name[0] != '.')
            n++;
    closedir(d);
    return n - 1;   /* the directory itself */
}


static time_t wall(const Monkey *m) { return m->base + (time_t)(m->clock_ms / 1000); }
static unsigned ms32(const Monkey *m) { return (unsigned)m->clock_ms; }

/* one turn of the loop: a frame if something changed, timed */
static void step(Monkey *m)
{
    double t0 = now_s();
    if (app_step(m->app, wall(m), ms32(m))) {
        m->frames++;
        if (m->n_frame_ms < MONKEY_FRAMES_KEPT)
            m->frame_ms[m->n_frame_ms++] = (now_s() - t0) * 1000.0;
    }
}

/* time passes the way app_run lets it: a step for the input just taken, then asleep
 * until the App's next deadline and a step there (every 16 ms while a list moves) */
static void pass(Monkey *m, uint64_t ms)
{
    step(m);
    while (ms > 0) {
        int s = app_sleep_ms(m->app, wall(m), ms32(m));
        uint64_t chunk = s <= 0 ? 1 : (uint64_t)s < ms ? (uint64_t)s : ms;
        m->clock_ms += chunk;
        ms -= chunk;
        step(m);
    }
}

static void input(Monkey *m, RenderEventKind kind, int x, int y)
{
    RenderEvent e = { .kind = kind, .x = x, .y = y, .ms = ms32(m) };
    app_input(m->app, &e);
}

static void tap(Monkey *m, int x, int y)
{
    input(m, RENDER_PRESS, x, y);
    m->clock_ms += (uint64_t)rnd_in(m, 30, 200);
    input(m, RENDER_RELEASE, x, y);
}

/* a finger dragged over the screen, a frame now and then, sometimes flicked */
static void drag(Monkey *m)
{
    int x = rnd_in(m, 0, MONKEY_W - 1), y = rnd_in(m, 0, MONKEY_H - 1);
    int moves = rnd_in(m, 2, 12), dy = rnd_in(m, -60, 60);
    input(m, RENDER_PRESS, x, y);
    for (int i = 0; i < moves; i++) {
        m->clock_ms += (uint64_t)rnd_in(m, 8, 40);
        x += rnd_in(m, -10, 10), y += dy;
        input(m, RENDER_DRAG, x, y);
        if (rnd(m) % 3 == 0)
            step(m);
    }
    input(m, RENDER_RELEASE, x, y);
}

/* the stick's KIOSK/ goes away at once, as when the stick is pulled: moved aside
 * first, because the worker may be writing its report into it, and a plain rm -rf
 * racing that write fails with "Directory not empty" */
static void stick_clear(Monkey *m)
{
    test_sh("if [ -e '%s' ]; then g=$(mktemp -d '%s/gone.XXXXXX') && mv '%s' \"$g/\" && "
            "rm -rf \"$g\"; fi", m->kiosk, m->usb, m->kiosk);
}

/* a USB stick with a copy of data/ that must be refused: no SHA256SUMS, a wrong
 * checksum, or a sound manifest without a signature */
static void stick_insert(Monkey *m)
{
    stick_clear(m);
    test_sh("cp -r data '%s' && rm -f '%s/README.md'", m->kiosk, m->kiosk);
    switch (rnd(m) % 3) {
    case 0:
        break;
    case 1:
        test_sh("cd '%s' && sha256sum *.csv datapackage.json > SHA256SUMS && "
           "sed -i 's/+30 210 3638625/+30 210 3638626/' phones.csv", m->kiosk);
        break;
    default:
        test_sh("cd '%s' && sed -i 's/\"version\": \"2023.2.24\"/\"version\": \"2099.1.1\"/' "
           "datapackage.json && sha256sum *.csv datapackage.json > SHA256SUMS", m->kiosk);
        break;
    }
    m->stick_in = true;
    m->usb_inserts++;
    app_usb_stick_changed(m->app, m->usb, wall(m), ms32(m));
}

static void stick_remove(Monkey *m)
{
    stick_clear(m);
    m->stick_in = false;
    app_usb_stick_changed(m->app, m->usb, wall(m), ms32(m));
}

/* nobody touches it past the idle timeout: home, the default language, no dialog
 * except an update still waiting for the staff PIN */
static void idle(Monkey *m)
{
    uint64_t away = MONKEY_IDLE_MS + (uint64_t)rnd_in(m, 1000, 120000);
    if (rnd(m) % 10 == 0)
        away += (uint64_t)rnd_in(m, 1, 14 * 60) * 60000u;   /* minutes to hours: night */
    m->clock_ms += away;
    m->idles++;
    step(m);
    step(m);    /* a result dialog that timed out goes first, then the reset */
    Ui *ui = app_ui(m->app);
    if (ui_dialog_kind(ui) == UI_DIALOG_NONE) {
        assert_int_equal(ui_screen(ui), SCREEN_HOME);
        assert_int_equal(ui_lang(ui), LANG_EL);
    }
}

/* a random language, through the header's globe and the picker, once a flicked list
 * has come to rest (a touch on a moving list only stops it); the screen it was on
 * stays */
static void switch_lang(Monkey *m)
{
    Ui *ui = app_ui(m->app);
    pass(m, 2000);
    Lang to = (Lang)(rnd(m) % LANG_COUNT);
    int x, y;
    bool plain = ui_dialog_kind(ui) == UI_DIALOG_NONE && !ui_night(ui);
    UiScreen on = ui_screen(ui);
    if (on != SCREEN_LANGUAGES) {
        if (ui_find_button(ui, SCREEN_LANGUAGES, &x, &y) != 0)
            return;
        tap(m, x, y);
        step(m);
        if (!plain || ui_screen(ui) != SCREEN_LANGUAGES)
            return;
    }
    if (ui_find_lang_button(ui, to, &x, &y) != 0)
        return;
    tap(m, x, y);
    step(m);
    if (plain) {
        assert_int_equal(ui_lang(ui), to);
        if (on != SCREEN_LANGUAGES)
            assert_int_equal(ui_screen(ui), on);
        m->lang_switches++;
        m->seen_lang[to] = true;
    }
}

/* one random thing a visitor, a staff member or time does */
static void event(Monkey *m)
{
    Ui *ui = app_ui(m->app);
    int r = (int)(rnd(m) % 1000), x, y, w, h;
    if (r < 400) {                      /* a button */
        int n = ui_target(ui, 0, &x, &y, &w, &h);
        if (n > 0 && ui_target(ui, (int)(rnd(m) % (uint32_t)n), &x, &y, &w, &h) > 0)
            tap(m, x + rnd_in(m, 0, w > 1 ? w - 1 : 0), y + rnd_in(m, 0, h > 1 ? h - 1 : 0));
    } else if (r < 600)                 /* anywhere, off the edges too */
        tap(m, rnd_in(m, -5, MONKEY_W + 5), rnd_in(m, -5, MONKEY_H + 5));
    else if (r < 760)
        drag(m);
    else if (r < 810)
        switch_lang(m);
    else if (r < 830)
        idle(m);
    else if (r < 836) {                 /* the hidden corner hold */
        input(m, RENDER_PRESS, rnd_in(m, 0, 20), rnd_in(m, 0, 20));
        pass(m, UI_STAFF_HOLD_MS + 300);
        input(m, RENDER_RELEASE, 10, 10);
    } else if (r < 838) {
        if (m->stick_in)
            stick_remove(m);
        else
            stick_insert(m);
    } else                              /* time passes: momentum, countdowns, the clock */
        pass(m, (uint64_t)rnd_in(m, 0, 3000));
    if (rnd(m) % 3 == 0)                /* the next event was already queued */
        m->clock_ms += (uint64_t)rnd_in(m, 0, 20);
    else
        pass(m, (uint64_t)rnd_in(m, 10, 400));
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* one CSV row: events, seconds, RSS, fds, and the frame times since the last row */
static void csv_row(Monkey *m, FILE *csv, unsigned long events, double t0)
{
    double med = 0, p99 = 0, max = 0;
    if (m->n_frame_ms > 0) {
        qsort(m->frame_ms, (size_t)m->n_frame_ms, sizeof m->frame_ms[0], cmp_double);
        med = m->frame_ms[m->n_frame_ms / 2];
        p99 = m->frame_ms[(m->n_frame_ms * 99) / 100];
        max = m->frame_ms[m->n_frame_ms - 1];
    }
    fprintf(csv, "%lu,%.1f,%ld,%d,%ld,%.3f,%.3f,%.3f\n", events, now_s() - t0, rss_kib(),
            open_fds(), m->frames, med, p99, max);
    fflush(csv);
    m->n_frame_ms = 0;
}

static void test_a_long_random_session_never_crashes_sticks_or_grows(void **state)
{
    (void)state;
    Monkey m;
    memset(&m, 0, sizeof m);
    unsigned long seed = env_ul("MONKEY_SEED", 20261118ul);
    unsigned long events = env_ul("MONKEY_EVENTS", MONKEY_ASAN ? 20000ul : 100000ul);
    unsigned long seconds = env_ul("MONKEY_SECONDS", 0);
    unsigned long every = env_ul("MONKEY_EVERY", 1000);
    const char *csv_path = getenv("MONKEY_CSV");
    printf("monkey: seed %lu (replay with MONKEY_SEED=%lu), %lu %s\n", seed, seed,
           seconds ? seconds : events, seconds ? "seconds" : "events");
    fflush(stdout);
    m.rng = seed * 0x9E3779B97F4A7C15ULL + 1;
    m.tmp = test_tmpdir();
    snprintf(m.data, sizeof m.data, "%s/state", m.tmp);
    snprintf(m.usb, sizeof m.usb, "%s/usb", m.tmp);
    snprintf(m.kiosk, sizeof m.kiosk, "%s/KIOSK", m.usb);
    test_sh("mkdir -p '%s'", m.usb);
    AppOptions o = { .config_path = NULL, .data_dir = m.data, .share_dir = "." };
    m.app = app_create(&o, true, MONKEY_W, MONKEY_H);
    assert_non_null(m.app);
    m.base = 1795000000;                /* 2026-11-18, a Wednesday morning in Athens */
    m.clock_ms = 0xFFFFFFFFull - 3600000ull;  /* the 32-bit clock wraps in the first hour */
    step(&m);
    FILE *csv = csv_path ? fopen(csv_path, "w") : NULL;
    if (csv)
        fprintf(csv, "events,seconds,rss_kib,fds,frames,frame_ms_median,frame_ms_p99,"
                     "frame_ms_max\n");
    double t0 = now_s();
    long rss_base = 0;
    int fds_base = 0;
    unsigned long i;
    for (i = 0; seconds ? now_s() - t0 < (double)seconds : i < events; i++) {
        event(&m);
        if (i + 1 == MONKEY_BASELINE) {
            rss_base = rss_kib();
            fds_base = open_fds();
        }
        if (csv && (i + 1) % every == 0)
            csv_row(&m, csv, i + 1, t0);
    }
    if (m.stick_in)
        stick_remove(&m);
    m.clock_ms += MONKEY_IDLE_MS + 60000u;     /* left alone at the end: home again */
    step(&m);
    step(&m);
    Ui *ui = app_ui(m.app);
    assert_int_equal(ui_dialog_kind(ui), UI_DIALOG_NONE);
    assert_int_equal(ui_screen(ui), SCREEN_HOME);
    long rss_end = rss_kib();
    int fds_end = open_fds();
    if (csv) {
        csv_row(&m, csv, i, t0);
        fclose(csv);
    }
    printf("monkey: %lu events in %.1f s: %ld frames, %ld idle resets, %ld language "
           "switches, %ld sticks; RSS %ld KiB after %d events, %ld KiB at the end; "
           "fds %d -> %d\n", i, now_s() - t0, m.frames, m.idles, m.lang_switches,
           m.usb_inserts, rss_base, MONKEY_BASELINE, rss_end, fds_base, fds_end);
    app_destroy(m.app);
    test_rmdir(m.tmp);
    assert_true(m.frames > 0);
    if (m.lang_switches >= 20 * LANG_COUNT)     /* enough draws to have met each one */
        for (int l = 0; l < LANG_COUNT; l++)
            assert_true(m.seen_lang[l]);
    if (i >= MONKEY_BASELINE) {
        assert_true(fds_end <= fds_base);
        if (!MONKEY_ASAN)   /* ASan's quarantine and shadow memory are not the kiosk's */
            assert_true(rss_end - rss_base <= MONKEY_RSS_SLACK_KIB);
    }
}

/* the directory's own events: a key typed, a filter, a result or a category opened */
static void directory_event(Monkey *m)
{
    Ui *ui = app_ui(m->app);
    int r = (int)(rnd(m) % 100), x, y;
    if (ui_dialog_kind(ui) != UI_DIALOG_NONE || ui_night(ui))
        return;
    if (ui_screen(ui) != SCREEN_SERVICES && ui_screen(ui) != SCREEN_SERVICE) {
        if (ui_find_button(ui, SCREEN_SERVICES, &x, &y) == 0)
            tap(m, x, y);
        else
            ui_show(ui, SCREEN_SERVICES, ui_lang(ui));
    } else if (r < 60) {
        static const char *const keys[] = { "a", "e", "i", "o", "n", "s", "t", "l", "k", "g",
                                            "α", "ε", "ι", "ο", "ν", "σ", "τ", "λ", "κ", "γ",
                                            " ", "\b", "\b", "\t", "\x1b", "4", "2" };
        const char *k = keys[rnd(m) % (sizeof keys / sizeof keys[0])];
        if (ui_find_key(ui, k, &x, &y) == 0)
            tap(m, x, y);
    } else if (r < 75) {
        if (ui_find_filter(ui, (UiFilter)(rnd(m) % 5), &x, &y) == 0)
            tap(m, x, y);
    } else if (r < 90) {
        if (ui_find_result(ui, rnd_in(m, 0, 5), &x, &y) == 0)
            tap(m, x, y);
    } else if (ui_find_category(ui, rnd_in(m, 0, 6), &x, &y) == 0)
        tap(m, x, y);
    pass(m, (uint64_t)rnd_in(m, 10, 300));
}

static void test_a_random_session_in_the_directory_never_crashes_or_grows(void **state)
{
    (void)state;
    Monkey m;
    memset(&m, 0, sizeof m);
    unsigned long seed = env_ul("MONKEY_SEED", 20261118ul);
    unsigned long services = env_ul("MONKEY_DIR_SERVICES", MONKEY_ASAN ? 2000ul : 10000ul);
    unsigned long events = env_ul("MONKEY_DIR_EVENTS", MONKEY_ASAN ? 3000ul : 10000ul);
    printf("monkey: the directory of %lu services, seed %lu, %lu events\n", services, seed,
           events);
    fflush(stdout);
    m.rng = seed * 0x9E3779B97F4A7C15ULL + 7;
    m.tmp = test_tmpdir();
    snprintf(m.usb, sizeof m.usb, "%s/usb", m.tmp);
    snprintf(m.kiosk, sizeof m.kiosk, "%s/KIOSK", m.usb);
    test_sh("mkdir -p '%s' && sh tools/gen-package.sh %lu '%s/pkg' >/dev/null &&"
            " build/kiosk import '%s/pkg' --db '%s/dir.db' >/dev/null", m.usb, services, m.tmp,
            m.tmp, m.tmp);
    char db[700];
    snprintf(db, sizeof db, "%s/dir.db", m.tmp);
    AppOptions o = { .config_path = NULL, .db_path = db, .share_dir = "." };
    m.app = app_create(&o, true, MONKEY_W, MONKEY_H);
    assert_non_null(m.app);
    m.base = 1795000000;
    m.clock_ms = 1000;
    step(&m);
    long rss_base = 0;
    unsigned long i;
    for (i = 0; i < events; i++) {
        if (rnd(&m) % 2)
            directory_event(&m);
        else
            event(&m);
        if (i + 1 == MONKEY_BASELINE)
            rss_base = rss_kib();
    }
    if (m.stick_in)
        stick_remove(&m);
    m.clock_ms += MONKEY_IDLE_MS + 60000u;
    step(&m);
    step(&m);
    Ui *ui = app_ui(m.app);
    assert_int_equal(ui_screen(ui), SCREEN_HOME);
    int x, y;     /* the idle reset left the directory as a new visitor finds it */
    ui_set_night(ui, false);
    ui_show(ui, SCREEN_SERVICES, LANG_EL);
    assert_int_equal(ui_find_result(ui, 0, &x, &y), -1);
    assert_int_equal(ui_find_category(ui, 0, &x, &y), 0);
    long rss_end = rss_kib();
    printf("monkey: directory: %lu events, %ld frames, %ld idle resets; RSS %ld KiB after %d "
           "events, %ld KiB at the end\n", i, m.frames, m.idles, rss_base, MONKEY_BASELINE,
           rss_end);
    app_destroy(m.app);
    test_rmdir(m.tmp);
    assert_true(m.frames > 0);
    if (i >= MONKEY_BASELINE && !MONKEY_ASAN)
        assert_true(rss_end - rss_base <= MONKEY_RSS_SLACK_KIB);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_random_session_in_the_directory_never_crashes_or_grows),
        cmocka_unit_test(test_a_long_random_session_never_crashes_sticks_or_grows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
