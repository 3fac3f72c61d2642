/* bench_speech.c - the Listen control's figures: from a tap on Listen (through the
 * App's input and step, as the kiosk's loop does) to the first sample handed to SDL's
 * audio (SDL_AUDIODRIVER=dummy: a device that plays in real time and discards), over
 * 20 taps on the home screen in Greek; the memory of the espeak-ng
 * process saying the whole home screen; and the kiosk's own RSS while it speaks.
 *   bench_speech [WxH]     prints "key value" lines for tools/bench.sh
 * Run from the project's root. */
#include <poll.h>
#include <unistd.h>
#include "benchutil.h"
#include "platform/speech.h"
#include "ui/speak.h"
#include "ui/ui.h"

#define BENCH_TAPS 20

/* a sink that takes everything at once: espeak-ng runs flat out */
static int instant_open(void *c, int r, char *w, size_t n) { (void)c, (void)r, (void)w, (void)n; return 0; }
static int instant_queue(void *c, const int16_t *s, size_t n) { (void)c, (void)s, (void)n; return 0; }
static unsigned instant_queued(void *c) { (void)c; return 0; }
static void instant_clear(void *c) { (void)c; }
static void instant_pause(void *c, bool p) { (void)c, (void)p; }
static void instant_close(void *c) { (void)c; }

/* what Listen says on the current screen */
static char *listen_text(App *app)
{
    static char text[64 * 1024];
    int n;
    Ui *ui = app_ui(app);
    const UiCmd *c = ui_commands(ui, &n);
    speak_text(c, n, false, i18n_code(ui_lang(ui)), text, sizeof text);
    return text;
}

/* one turn of the kiosk's loop: up to 10 ms waiting for the voice, as its poll does,
 * then a step dms later on the App's clock */
static void turn(Bench *b, Speech *s, unsigned dms)
{
    struct pollfd p = { .fd = speech_fd(s), .events = POLLIN };
    poll(&p, p.fd >= 0 ? 1 : 0, 10);
    app_step(b->app, time(NULL), b->ms += dms);
}

/* a tap on Listen at (x, y), the finger lifted at once, and the step that acts on it */
static void tap_listen(Bench *b, int x, int y)
{
    bench_input(b, RENDER_PRESS, x, y);
    bench_input(b, RENDER_RELEASE, x, y);
    app_step(b->app, time(NULL), b->ms += 1);
}

int main(int argc, char **argv)
{
    int w = 800, h = 480;
    if (argc > 1 && sscanf(argv[1], "%dx%d", &w, &h) != 2)
        return 2;
    Bench b;
    if (!bench_open(&b, NULL, w, h))
        return 1;
    App *app = b.app;
    Ui *ui = app_ui(app);
    ui_show(ui, SCREEN_HOME, LANG_EL);
    app_step(app, time(NULL), b.ms);
    long rss_before = bench_rss_kib(0);
    if (app_start_speech(app, NULL) != 0 || !speech_available(app_speech(app))) {
        fprintf(stderr, "bench_speech: %s\n", app_speech(app) ? speech_why(app_speech(app)) : "");
        return 1;
    }
    Speech *s = app_speech(app);
    app_step(app, time(NULL), b.ms += 10);   /* the voice for Greek starts to wait */
    double taps[BENCH_TAPS];
    long rss_speaking = 0;
    for (int i = 0; i < BENCH_TAPS; i++) {
        /* a visitor's taps are seconds apart: the next voice has started meanwhile */
        struct timespec pause = { 1, 0 };
        nanosleep(&pause, NULL);
        int x, y;
        if (ui_find_listen_button(ui, UI_ACTION_LISTEN, &x, &y) != 0)
            return 1;
        double t0 = bench_now_ms();   /* the finger lifts from Listen */
        tap_listen(&b, x, y);
        while (speech_stats(s).samples == 0 && speech_state(s) != SPEECH_IDLE)
            turn(&b, s, 1);     /* until the voice's first sample is handed to SDL */
        taps[i] = bench_now_ms() - t0;
        for (double end = bench_now_ms() + 300; bench_now_ms() < end;)  /* speaking a moment */
            turn(&b, s, 10);
        long r = bench_rss_kib(0);
        if (r > rss_speaking)
            rss_speaking = r;
        tap_listen(&b, x, y);   /* Listen again: stop */
    }
    bench_sort(taps, BENCH_TAPS);
    printf("listen_first_sample_median_ms %.1f\nlisten_first_sample_max_ms %.1f\n",
           (taps[BENCH_TAPS / 2 - 1] + taps[BENCH_TAPS / 2]) / 2, taps[BENCH_TAPS - 1]);
    printf("kiosk_rss_growth_speaking_kib %ld\n", rss_speaking - rss_before);
    /* the process waiting for the next tap, voice loaded */
    struct timespec settle = { 1, 0 };
    nanosleep(&settle, NULL);
    char path[64];
    snprintf(path, sizeof path, "/proc/self/task/%d/children", (int)getpid());
    FILE *f = fopen(path, "r");
    int child = 0;
    long child_kib = f && fscanf(f, "%d", &child) == 1 ? bench_rss_kib(child) : -1;
    if (child_kib >= 0)
        printf("espeak_waiting_rss_kib %ld\n", child_kib);
    if (f)
        fclose(f);
    /* the whole home screen said flat out: the process's peak memory */
    SpeechSink instant = { instant_open, instant_queue, instant_queued, instant_clear,
                           instant_pause, instant_close, NULL };
    Speech *flat = speech_create(&instant, NULL);
    speech_start(flat, "el", listen_text(app), 1);
    while (speech_state(flat) != SPEECH_IDLE) {
        struct pollfd p = { .fd = speech_fd(flat), .events = POLLIN };
        if (p.fd >= 0)
            poll(&p, 1, 1000);
        speech_step(flat, 5);
    }
    SpeechStats st = speech_stats(flat);
    printf("espeak_peak_rss_kib %ld\nhome_el_speech_s %.1f\n", st.peak_rss_kb,
           (double)st.samples / 22050);
    speech_destroy(flat);
    app_destroy(app);
    return 0;
}
