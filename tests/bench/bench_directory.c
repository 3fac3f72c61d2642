/* bench_directory.c - the member directory's speed and memory, driving the App headless
 * (the software renderer, as on the Pi) on a content database:
 *   bench_directory keys DB [WxH]   words typed key by key on the on-screen keyboard:
 *                                   each keystroke's time from the key's release to its
 *                                   redrawn results (median, p99); then opening a
 *                                   service card from the results (each card's frame,
 *                                   QR codes encoded); then a category opened and its
 *                                   list scrolled (frame median)
 *   bench_directory rss DB [WxH]    RSS after browsing categories, lists and cards and
 *                                   searching; bench.sh runs it on the 10,000-service
 *                                   content and on the built-in one and compares
 * Prints "key value" lines for tools/bench.sh. Run from the project's root. */
#include <string.h>
#include "benchutil.h"
#include "core/text.h"
#include "ui/ui.h"

#define MAX_SAMPLES 4096

/* this thread's CPU time: on a machine shared with other work, what the step itself
 * costs (wall time adds the waits for a core) */
static double cpu_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static double last_cpu;     /* the CPU time of the last tap() */

/* a tap at (x, y): the press, and 80 ms later the release and its frame, timed from
 * the release (a button acts on release) */
static double tap(Bench *b, int x, int y)
{
    bench_input(b, RENDER_PRESS, x, y);
    app_step(b->app, b->now, b->ms);
    b->ms += 80;
    double t0 = bench_now_ms(), c0 = cpu_ms();
    bench_input(b, RENDER_RELEASE, x, y);
    bool drawn = app_step(b->app, b->now, b->ms);
    double t = bench_now_ms() - t0;
    last_cpu = cpu_ms() - c0;
    b->ms += 120;
    return drawn ? t : -1;
}

/* the character at *p (UTF-8) into key, a key's label; *p moves past it */
static void next_key(const char **p, char key[8])
{
    const char *c = *p;
    text_utf8_next(p);
    memset(key, 0, 8);
    memcpy(key, c, (size_t)(*p - c));
}

/* types one character on the directory's keyboard, switching layouts as needed; the
 * keystroke's time, or -1 when no key types it */
static double type_key(Bench *b, const char *key)
{
    Ui *ui = app_ui(b->app);
    int x, y;
    for (int tries = 0; tries < 5 && ui_find_key(ui, key, &x, &y) != 0; tries++) {
        if (ui_find_key(ui, "\t", &x, &y) != 0)
            return -1;
        tap(b, x, y);
    }
    return ui_find_key(ui, key, &x, &y) == 0 ? tap(b, x, y) : -1;
}

static const char *const typed[] = {
    "nomiki symvouleftiki", "stegasi", "γιατρος", "legal help", "greek lessons", "psychol",
    "example 4242", "asylo", "ergasia", "αραβικα",
};

static int bench_keys(Bench *b)
{
    static double keys[MAX_SAMPLES], keys_cpu[MAX_SAMPLES], cards[64], cards_cpu[64], scroll[512];
    int n_keys = 0, n_cards = 0, n_scroll = 0, x, y;
    Ui *ui = app_ui(b->app);
    ui_show(ui, SCREEN_SERVICES, LANG_EL);
    app_step(b->app, b->now, b->ms);
    for (size_t w = 0; w < sizeof typed / sizeof typed[0]; w++) {
        if (ui_find_key(ui, "\x1b", &x, &y) == 0)     /* clear the query */
            tap(b, x, y);
        for (const char *p = typed[w]; *p;) {
            char key[8];
            next_key(&p, key);
            double t = type_key(b, key);
            if (t >= 0 && n_keys < MAX_SAMPLES) {
                keys_cpu[n_keys] = last_cpu;
                if (getenv("BENCH_VERBOSE"))
                    fprintf(stderr, "%-24s %-4s %6.2f ms cpu\n", typed[w], key, last_cpu);
                keys[n_keys++] = t;
            }
        }
        /* open the first results' cards, coming back each time */
        for (int i = 0; i < 3 && n_cards < 64; i++) {
            if (ui_find_result(ui, i, &x, &y) != 0)
                break;
            double t = tap(b, x, y);
            if (t >= 0) {
                cards_cpu[n_cards] = last_cpu;
                cards[n_cards++] = t;
            }
            ui_show(ui, SCREEN_SERVICES, LANG_EL);     /* back, as the back button does */
            app_step(b->app, b->now, b->ms);
        }
    }
    /* a category opened, its list scrolled */
    if (ui_find_key(ui, "\x1b", &x, &y) == 0)
        tap(b, x, y);
    if (ui_find_category(ui, 0, &x, &y) == 0) {
        tap(b, x, y);
        int bx, by, bw, bh, sc;
        ui_body(ui, &bx, &by, &bw, &bh, &sc);
        int sx = bx + bw - bw / 6, sy = by + bh - 10, dir = -1;
        bench_input(b, RENDER_PRESS, sx, sy);
        for (int i = 0; i < 240; i++) {
            b->ms += 16;
            sy += dir * 8;
            if (sy < by + 10 || sy > by + bh - 10)
                dir = -dir, sy += 2 * dir * 8;
            bench_input(b, RENDER_DRAG, sx, sy);
            double t = bench_step(b);
            if (t >= 0 && n_scroll < 512)
                scroll[n_scroll++] = t;
        }
        bench_input(b, RENDER_RELEASE, sx, sy);
    }
    printf("keys %d\nkey_median_ms %.2f\nkey_p99_ms %.2f\nkey_max_ms %.2f\n", n_keys,
           bench_quantile(keys, n_keys, 0.5), bench_quantile(keys, n_keys, 0.99), bench_quantile(keys, n_keys, 1));
    printf("key_cpu_median_ms %.2f\nkey_cpu_p99_ms %.2f\n", bench_quantile(keys_cpu, n_keys, 0.5),
           bench_quantile(keys_cpu, n_keys, 0.99));
    printf("cards %d\ncard_median_ms %.2f\ncard_max_ms %.2f\n", n_cards,
           bench_quantile(cards, n_cards, 0.5), bench_quantile(cards, n_cards, 1));
    printf("card_cpu_median_ms %.2f\ncard_cpu_max_ms %.2f\n", bench_quantile(cards_cpu, n_cards, 0.5),
           bench_quantile(cards_cpu, n_cards, 1));
    printf("category_scroll_frames %d\ncategory_scroll_median_ms %.2f\n", n_scroll,
           bench_quantile(scroll, n_scroll, 0.5));
    return n_keys > 0 ? 0 : 1;
}

/* browsing and searching as a visitor does, three times over; RSS at the end */
static int bench_rss(Bench *b)
{
    Ui *ui = app_ui(b->app);
    int x, y;
    app_step(b->app, b->now, b->ms);
    for (int round = 0; round < 3; round++)
        for (int l = 0; l < LANG_COUNT; l++) {
            ui_show(ui, SCREEN_SERVICES, (Lang)l);
            app_step(b->app, b->now, b->ms);
            for (int c = 0; c < 7 && ui_find_category(ui, c, &x, &y) == 0; c++) {
                tap(b, x, y);
                for (int i = 0; i < 2 && ui_find_result(ui, i, &x, &y) == 0; i++) {
                    tap(b, x, y);
                    ui_show(ui, SCREEN_SERVICES, (Lang)l);
                    app_step(b->app, b->now, b->ms);
                }
                if (ui_find_key(ui, "\x1b", &x, &y) == 0)
                    tap(b, x, y);
                ui_reset(ui, (Lang)l);
                ui_show(ui, SCREEN_SERVICES, (Lang)l);
                app_step(b->app, b->now, b->ms);
            }
            for (size_t w = 0; w < sizeof typed / sizeof typed[0]; w++) {
                for (const char *p = typed[w]; *p;) {
                    char key[8];
                    next_key(&p, key);
                    type_key(b, key);
                }
                if (ui_find_key(ui, "\x1b", &x, &y) == 0)
                    tap(b, x, y);
            }
            ui_reset(ui, (Lang)l);
        }
    app_step(b->app, b->now, b->ms);
    printf("rss_after_browsing_kib %ld\n", bench_rss_kib(0));
    return 0;
}

int main(int argc, char **argv)
{
    int w = 1920, h = 1080;
    if (argc < 3 || (argc > 3 && sscanf(argv[3], "%dx%d", &w, &h) != 2)) {
        fprintf(stderr, "usage: bench_directory keys|rss DB [WxH]\n");
        return 2;
    }
    Bench b;
    if (!bench_open(&b, argv[2], w, h))
        return 1;
    int rc = strcmp(argv[1], "keys") == 0 ? bench_keys(&b)
           : strcmp(argv[1], "rss") == 0 ? bench_rss(&b) : 2;
    app_destroy(b.app);
    return rc;
}
