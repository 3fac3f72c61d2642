/* benchutil.h - what the benchmark programs share: the App driven headless through its
 * input and step API on a clock of the bench's own, a wall-clock timer, a process's RSS
 * and quantiles of the samples. Header only, every function static: each bench is one
 * .c file, built by the Makefile's $(BUILD)/bench/% rule. */
#ifndef BENCHUTIL_H
#define BENCHUTIL_H
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "app.h"
#include "render/render.h"

#define BENCH_NOW 1795000000    /* Wednesday 2026-11-18, 13:06 in Athens */

/* the App under test and the clocks it is stepped with: ms for input and frames, now
 * for the calendar (BENCH_NOW, moved on by the bench alone) */
typedef struct Bench {
    App *app;
    unsigned ms;
    time_t now;
} Bench;

/* the kiosk on a hidden w x h window (the software renderer, as on the Pi), with the
 * content of db_path (NULL: the default); run from the project's root. False, with
 * app_create's message on stderr, when it cannot start. */
static inline bool bench_open(Bench *b, const char *db_path, int w, int h)
{
    AppOptions o = { .config_path = NULL, .share_dir = ".", .db_path = db_path };
    *b = (Bench){ .app = app_create(&o, true, w, h), .ms = 1000, .now = BENCH_NOW };
    return b->app != NULL;
}

/* the monotonic clock, ms */
static inline double bench_now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* VmRSS of process pid (0: this process), KiB; -1 when it cannot be read */
static inline long bench_rss_kib(int pid)
{
    char path[64], line[256];
    long kib = -1;
    if (pid == 0)
        snprintf(path, sizeof path, "/proc/self/status");
    else
        snprintf(path, sizeof path, "/proc/%d/status", pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "VmRSS: %ld", &kib) == 1)
            break;
    fclose(f);
    return kib;
}

static inline int bench_cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* sorts v[0..n) up */
static inline void bench_sort(double *v, int n)
{
    qsort(v, (size_t)n, sizeof v[0], bench_cmp_double);
}

/* the q-quantile (0..1) of v[0..n), the nearest sample; sorts v. 0 when n is 0. */
static inline double bench_quantile(double *v, int n, double q)
{
    if (n == 0)
        return 0;
    bench_sort(v, n);
    return v[(int)(q * (double)(n - 1) + 0.5)];
}

/* an input event at the bench's ms */
static inline void bench_input(Bench *b, RenderEventKind kind, int x, int y)
{
    RenderEvent e = { .kind = kind, .x = x, .y = y, .ms = b->ms };
    app_input(b->app, &e);
}

/* one turn of the kiosk's loop, timed: the ms it took, or -1 when no frame was drawn */
static inline double bench_step(Bench *b)
{
    double t0 = bench_now_ms();
    bool drawn = app_step(b->app, b->now, b->ms);
    double t = bench_now_ms() - t0;
    return drawn ? t : -1;
}
#endif
