/* bench_app.c - the kiosk's frame times, memory and first tap after idle, measured by
 * driving the App headless (the software renderer, as on the Pi) through its step API.
 *   bench_app frames WxH   each screen in each language: the first (cold) frame, then
 *                          the median and 99th percentile of warm frames (a tap's frame:
 *                          layout and draw), a scrolling drag's frames, and whether a
 *                          frame in which nothing changed is drawn
 *   bench_app rss WxH      RSS after the first screen, then after every screen in every
 *                          language, visited three times over (the caches' steady state),
 *                          back at the first screen; and the highest RSS on the way
 *   bench_app tap WxH      after an hour without input: the first tap's input-to-frame time
 *   bench_app arabic WxH   the first switch to Arabic, the way back to Greek and to Arabic
 *                          again: each tap's input-to-frame time
 * Prints "key value" lines for tools/bench.sh. Run from the project's root. */
#include <string.h>
#include "benchutil.h"
#include "ui/ui.h"

#define BENCH_WARM 60           /* warm frames a screen */
#define BENCH_SCROLL 120        /* scrolling frames */
#define BENCH_MAX (BENCH_WARM * SCREEN_COUNT * LANG_COUNT + BENCH_SCROLL * LANG_COUNT)

static void show(Bench *b, UiScreen s, Lang l)
{
    ui_show(app_ui(b->app), s, l);
}

/* a finger's tap at (x, y), 80 ms down, and the frame it leads to: the ms from the
 * press to the end of that step; *frames is 1 when a frame was drawn, else 0 */
static double tap(Bench *b, int x, int y, int *frames)
{
    double t0 = bench_now_ms();
    bench_input(b, RENDER_PRESS, x, y);
    b->ms += 80;
    bench_input(b, RENDER_RELEASE, x, y);
    *frames = app_step(b->app, b->now, b->ms) ? 1 : 0;
    return bench_now_ms() - t0;
}

static int bench_frames(Bench *b, int w, int h)
{
    static double warm[BENCH_MAX], scroll[BENCH_MAX], screen_warm[BENCH_WARM];
    int n_warm = 0, n_scroll = 0, undrawn_ok = 0, undrawn_total = 0;
    double worst_median = 0, cold_max = 0;
    const char *worst = "";
    Ui *ui = app_ui(b->app);
    for (int l = 0; l < LANG_COUNT; l++)
        for (int s = 0; s < SCREEN_COUNT; s++) {
            show(b, (UiScreen)s, (Lang)l);
            double cold = bench_step(b);
            if (cold > cold_max)
                cold_max = cold;
            int n = 0;
            for (int i = 0; i < BENCH_WARM; i++) {
                /* a tap's frame: another screen, then this one again */
                show(b, s == SCREEN_HOME ? SCREEN_ABOUT : SCREEN_HOME, (Lang)l);
                bench_step(b);
                show(b, (UiScreen)s, (Lang)l);
                double t = bench_step(b);
                if (t >= 0)
                    warm[n_warm++] = screen_warm[n++] = t;
                b->ms += 16;
                undrawn_total++;
                undrawn_ok += bench_step(b) < 0;   /* nothing changed: no frame */
            }
            double med = bench_quantile(screen_warm, n, 0.5);
            printf("frame_%s_%s_cold_ms %.2f\nframe_%s_%s_median_ms %.2f\n",
                   i18n_code((Lang)l), ui_screen_name((UiScreen)s), cold,
                   i18n_code((Lang)l), ui_screen_name((UiScreen)s), med);
            if (med > worst_median) {
                worst_median = med;
                worst = ui_screen_name((UiScreen)s);
            }
        }
    /* a scrolling frame: the longest visitor screen, dragged up and down slowly */
    for (int l = 0; l < LANG_COUNT; l++) {
        show(b, SCREEN_COMMITTEES, (Lang)l);
        bench_step(b);
        int bx, by, bw, bh, sc;
        ui_body(ui, &bx, &by, &bw, &bh, &sc);
        int x = bx + bw / 2, y = by + bh - 10, dir = -1;
        bench_input(b, RENDER_PRESS, x, y);
        for (int i = 0; i < BENCH_SCROLL; i++) {
            b->ms += 16;
            y += dir * 6;
            if (y < by + 10 || y > by + bh - 10)
                dir = -dir, y += 2 * dir * 6;
            bench_input(b, RENDER_DRAG, x, y);
            double t = bench_step(b);
            if (t >= 0)
                scroll[n_scroll++] = t;
        }
        bench_input(b, RENDER_RELEASE, x, y);
        b->ms += 5000;
        while (bench_step(b) >= 0)
            b->ms += 16;
    }
    printf("frame_size %dx%d\n", w, h);
    printf("frame_cold_max_ms %.2f\n", cold_max);
    printf("frame_worst_screen %s\nframe_worst_screen_median_ms %.2f\n", worst, worst_median);
    printf("frame_median_ms %.2f\nframe_p99_ms %.2f\nframe_max_ms %.2f\nframe_count %d\n",
           bench_quantile(warm, n_warm, 0.5), bench_quantile(warm, n_warm, 0.99),
           bench_quantile(warm, n_warm, 1.0), n_warm);
    printf("scroll_frames %d\nscroll_median_ms %.2f\nscroll_p99_ms %.2f\n", n_scroll,
           bench_quantile(scroll, n_scroll, 0.5), bench_quantile(scroll, n_scroll, 0.99));
    printf("unchanged_not_drawn %d/%d\n", undrawn_ok, undrawn_total);
    return 0;
}

static int bench_rss(Bench *b)
{
    bench_step(b);
    long first = bench_rss_kib(0);
    long after[3], highest = first;
    /* BENCH_LANGS=N: the first N languages of the table only (2: Greek and English) */
    int nl = getenv("BENCH_LANGS") ? atoi(getenv("BENCH_LANGS")) : LANG_COUNT;
    if (nl < 1 || nl > LANG_COUNT)
        nl = LANG_COUNT;
    for (int round = 0; round < 3; round++) {
        for (int l = 0; l < nl; l++)
            for (int s = 0; s < SCREEN_COUNT; s++) {
                show(b, (UiScreen)s, (Lang)l);
                bench_step(b);
                b->ms += 100;
                long now = bench_rss_kib(0);
                highest = now > highest ? now : highest;
            }
        show(b, SCREEN_HOME, LANG_EL);
        bench_step(b);
        after[round] = bench_rss_kib(0);
    }
    printf("rss_first_screen_kib %ld\nrss_every_screen_kib %ld %ld %ld\n", first, after[0],
           after[1], after[2]);
    printf("rss_growth_kib %ld\nrss_highest_kib %ld\n", after[2] - first, highest);
    return 0;
}

/* the globe, then half a second later the language to in the picker: prints each tap's
 * ms from the press to its frame, as "picker_NAME_ms" and "NAME_ms", and the frames it
 * drew and the screen it shows for the language's tap; false if a button is missing or
 * the language is not shown */
static bool via_picker(Bench *b, Lang to, const char *picker, const char *name)
{
    Ui *ui = app_ui(b->app);
    int x, y, frames;
    if (ui_find_button(ui, SCREEN_LANGUAGES, &x, &y) != 0)
        return false;
    printf("picker_%s_ms %.2f\n", picker, tap(b, x, y, &frames));
    b->ms += 500;
    if (ui_find_lang_button(ui, to, &x, &y) != 0)
        return false;
    double t = tap(b, x, y, &frames);
    printf("%s_ms %.2f\n%s_frames %d\n%s_screen %s-%s\n", name, t, name, frames, name,
           i18n_code(ui_lang(ui)), ui_screen_name(ui_screen(ui)));
    b->ms += 500;
    return ui_lang(ui) == to;
}

/* a visitor in Greek taps the globe, then Arabic: the frame that shows Arabic for the
 * first time (the Arabic faces read, its texts shaped and rasterised) is timed from
 * the tap to the frame drawn; so is the picker's, which reads the faces its Arabic and
 * Urdu names need. Then the visitor goes back to Greek, where the kiosk lets go of
 * those faces (its frame timed too), and to Arabic again, which reads them again. */
static int bench_arabic(Bench *b)
{
    Lang ar = i18n_from_code("ar");
    if (ar == LANG_COUNT)
        return 2;
    bench_step(b);
    for (int l = 0; l < LANG_COUNT; l++)    /* idle after its first frame, the kiosk reads */
        bench_step(b);                      /* its other languages, as app_run does */
    return via_picker(b, ar, "first", "arabic_first") &&
           via_picker(b, LANG_EL, "again", "greek_after_arabic") &&
           via_picker(b, ar, "after_greek", "arabic_again") ? 0 : 1;
}

static int bench_tap(Bench *b)
{
    Ui *ui = app_ui(b->app);
    bench_step(b);
    for (int s = 0; s < SCREEN_VISITOR_COUNT; s++) {     /* a visitor looked around */
        show(b, (UiScreen)s, LANG_EN);
        bench_step(b);
    }
    b->ms += 3600u * 1000u;     /* an hour alone: idle reset, clock frames */
    b->now += 3600;
    bench_step(b);
    for (int i = 0; i < 60; i++) {
        b->ms += 60000, b->now += 60;
        bench_step(b);
    }
    int x, y, frames;
    if (ui_screen(ui) != SCREEN_HOME || ui_find_button(ui, SCREEN_CONTACT, &x, &y) != 0) {
        fprintf(stderr, "bench: not back home after an hour\n");
        return 1;
    }
    double t = tap(b, x, y, &frames);
    printf("tap_after_idle_ms %.2f\ntap_after_idle_frames %d\ntap_after_idle_screen %s\n", t,
           frames, ui_screen_name(ui_screen(ui)));
    return 0;
}

int main(int argc, char **argv)
{
    int w = 1920, h = 1080;
    if (argc < 2 || (argc > 2 && sscanf(argv[2], "%dx%d", &w, &h) != 2)) {
        fprintf(stderr, "usage: bench_app frames|rss|tap|arabic [WxH]\n");
        return 2;
    }
    Bench b;
    if (!bench_open(&b, NULL, w, h))
        return 1;
    int rc = strcmp(argv[1], "frames") == 0 ? bench_frames(&b, w, h)
           : strcmp(argv[1], "rss") == 0 ? bench_rss(&b)
           : strcmp(argv[1], "tap") == 0 ? bench_tap(&b)
           : strcmp(argv[1], "arabic") == 0 ? bench_arabic(&b) : 2;
    app_destroy(b.app);
    return rc;
}
