/* test_speech.c - the Listen control's voice: espeak-ng's real output for Greek and
 * Arabic, the voices the kiosk's languages have, the speech process driven on a fake
 * clock into a fake sound output (start, stop on a touch, pause, volume, repeat), no
 * audio device, and `kiosk speak`. */
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include "testutil.h"
#include "platform/audio.h"
#include "platform/speech.h"

/* ---- a WAV file as a listener would judge it ---- */

typedef struct Wav {
    int rate, channels, bits;
    double seconds, rms;
    double silent_share;        /* share of 20 ms windows with an RMS under 300 */
} Wav;

static uint32_t le(const unsigned char *p, int n)
{
    uint32_t v = 0;
    for (int i = n - 1; i >= 0; i--)
        v = v << 8 | p[i];
    return v;
}

/* reads a PCM WAV file's format and loudness; fails the test if it is not one */
static Wav wav_read(const char *path)
{
    Wav w = { 0 };
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    static unsigned char buf[8 << 20];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    assert_true(n > 44);
    assert_memory_equal(buf, "RIFF", 4);
    assert_memory_equal(buf + 8, "WAVE", 4);
    const unsigned char *data = NULL;
    size_t data_len = 0;
    for (size_t at = 12; at + 8 <= n;) {
        uint32_t size = le(buf + at + 4, 4);
        if (memcmp(buf + at, "fmt ", 4) == 0) {
            w.channels = (int)le(buf + at + 10, 2);
            w.rate = (int)le(buf + at + 12, 4);
            w.bits = (int)le(buf + at + 22, 2);
        } else if (memcmp(buf + at, "data", 4) == 0) {
            data = buf + at + 8;
            data_len = size < n - (at + 8) ? size : n - (at + 8);
            break;
        }
        at += 8 + size + (size & 1);
    }
    assert_non_null(data);
    assert_int_equal(w.bits, 16);
    assert_int_equal(w.channels, 1);
    size_t samples = data_len / 2, window = (size_t)w.rate / 50, windows = 0, silent = 0;
    double sum = 0, wsum = 0;
    for (size_t i = 0; i < samples; i++) {
        double v = (int16_t)le(data + 2 * i, 2);
        sum += v * v;
        wsum += v * v;
        if ((i + 1) % window == 0) {
            windows++;
            silent += sqrt(wsum / (double)window) < 300;
            wsum = 0;
        }
    }
    w.seconds = (double)samples / w.rate;
    w.rms = samples ? sqrt(sum / (double)samples) : 0;
    w.silent_share = windows ? (double)silent / (double)windows : 1;
    return w;
}

/* speech, not silence or a click: loud enough, and sound through most of it; as long
 * as syllables take at 3 to 8 a second (the kiosk asks for 150 words a minute) */
static void assert_speech(const Wav *w, int syllables, const char *what)
{
    if (w->rms < 1000 || w->silent_share > 0.5 || w->seconds < syllables / 8.0 ||
        w->seconds > syllables / 3.0)
        fail_msg("%s: %.2f s, RMS %.0f, %.0f%% silent, for %d syllables", what, w->seconds,
                 w->rms, 100 * w->silent_share, syllables);
}

static void test_espeak_says_a_greek_and_an_arabic_sentence_aloud(void **state)
{
    (void)state;
    char *dir = test_tmpdir(), path[512], why[256] = "";
    /* 28 syllables: "the centre is open from nine in the morning to five in the afternoon" */
    snprintf(path, sizeof path, "%s/el.wav", dir);
    assert_int_equal(speech_write_wav(NULL, "el", "Το κέντρο είναι ανοιχτό από τις εννέα το "
                                      "πρωί έως τις πέντε το απόγευμα.", path, why, sizeof why), 0);
    Wav el = wav_read(path);
    assert_int_equal(el.rate, 22050);
    assert_speech(&el, 28, "Greek");
    /* 25 syllables: "the centre is open from nine in the morning until five in the evening" */
    snprintf(path, sizeof path, "%s/ar.wav", dir);
    assert_int_equal(speech_write_wav(NULL, "ar", "المركز مفتوح من الساعة التاسعة صباحا حتى "
                                      "الخامسة مساء.", path, why, sizeof why), 0);
    Wav ar = wav_read(path);
    assert_speech(&ar, 25, "Arabic");
    test_rmdir(dir);
}

static void test_the_languages_of_the_centre_have_voices_and_others_are_reported(void **state)
{
    (void)state;
    static const char *const voiced[] = { "el", "en", "ar", "fa", "ur", "fr", "uk" };
    for (size_t i = 0; i < sizeof voiced / sizeof voiced[0]; i++)
        if (!speech_voice_exists(NULL, voiced[i]))
            fail_msg("no voice for %s", voiced[i]);
    /* Pashto, Somali, Sorani, Tigrinya: espeak-ng 1.51 has none */
    static const char *const silent[] = { "ps", "so", "ckb", "ti", "xx", "", "../el", "EL" };
    for (size_t i = 0; i < sizeof silent / sizeof silent[0]; i++)
        if (speech_voice_exists(NULL, silent[i]))
            fail_msg("a voice for \"%s\"?", silent[i]);
}

/* ---- a fake sound output on a fake clock ---- */

typedef struct FakeSink {
    unsigned *now;              /* the test's clock */
    unsigned played_at;         /* when the queue was last drained to now */
    int rate;
    bool open, paused;
    int opens, clears;
    size_t queued;              /* samples not yet played */
    size_t total;               /* samples ever queued */
    double sum_sq;
    unsigned first_ms, clear_ms, close_ms, max_queued_ms;
} FakeSink;

/* plays what the fake clock says has played since the last look */
static void fake_play(FakeSink *f)
{
    if (f->open && !f->paused && *f->now > f->played_at) {
        size_t done = (size_t)(*f->now - f->played_at) * (size_t)f->rate / 1000;
        f->queued = done > f->queued ? 0 : f->queued - done;
    }
    f->played_at = *f->now;
}

static int fake_open(void *ctx, int rate, char *why, size_t n)
{
    (void)why, (void)n;
    FakeSink *f = ctx;
    f->open = true, f->paused = false, f->rate = rate, f->queued = 0, f->opens++;
    f->played_at = *f->now;
    return 0;
}

static int fake_queue(void *ctx, const int16_t *s, size_t n)
{
    FakeSink *f = ctx;
    assert_true(f->open);
    fake_play(f);
    if (!f->total)
        f->first_ms = *f->now;
    for (size_t i = 0; i < n; i++)
        f->sum_sq += (double)s[i] * s[i];
    f->queued += n, f->total += n;
    unsigned ms = (unsigned)(f->queued * 1000 / (size_t)f->rate);
    if (ms > f->max_queued_ms)
        f->max_queued_ms = ms;
    return 0;
}

static unsigned fake_queued_ms(void *ctx)
{
    FakeSink *f = ctx;
    fake_play(f);
    return f->open ? (unsigned)(f->queued * 1000 / (size_t)f->rate) : 0;
}

static void fake_clear(void *ctx)
{
    FakeSink *f = ctx;
    f->queued = 0, f->clears++, f->clear_ms = *f->now;
}

static void fake_pause(void *ctx, bool paused)
{
    FakeSink *f = ctx;
    fake_play(f);
    f->paused = paused;
}

static void fake_close(void *ctx)
{
    FakeSink *f = ctx;
    f->open = false, f->queued = 0, f->close_ms = *f->now;
}

typedef struct Fixture {
    unsigned now;
    FakeSink fake;
    SpeechSink sink;
    Speech *speech;
} Fixture;

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->now = 1000;
    f->fake.now = &f->now;
    f->sink = (SpeechSink){ fake_open, fake_queue, fake_queued_ms, fake_clear, fake_pause,
                            fake_close, &f->fake };
    f->speech = speech_create(&f->sink, NULL);
    assert_non_null(f->speech);
    assert_true(speech_available(f->speech));
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    speech_destroy(f->speech);
    free(f);
    return 0;
}

/* the kiosk's loop on the fake clock: sleeps as long as speech_sleep_ms says (waking
 * early, in real time, only when the pipe has something to read), then a step. The
 * fake clock moves by the whole sleep, so it is never behind the real one. */
static void run_loop(Fixture *f, bool (*until)(Fixture *), int max_steps)
{
    for (int i = 0; i < max_steps && !until(f); i++) {
        int sleep = speech_sleep_ms(f->speech, f->now);
        if (sleep < 0)
            return;
        struct pollfd p = { .fd = speech_fd(f->speech), .events = POLLIN };
        if (p.fd >= 0)
            poll(&p, 1, sleep);
        f->now += (unsigned)sleep;
        speech_step(f->speech, f->now);
    }
}

static bool heard_something(Fixture *f) { return f->fake.total > 0; }
static bool finished(Fixture *f) { return speech_state(f->speech) == SPEECH_IDLE; }
static bool said_a_second(Fixture *f) { return f->fake.total > 22050; }

static const char *const long_text =
    "The Athens Coordination Center for Migrant and Refugee issues links the city with "
    "about one hundred organisations. It is open from Monday to Friday, from nine in the "
    "morning to five in the afternoon. Scan the code to call, or to open the website.";

static void test_speech_starts_within_half_a_second_of_the_tap(void **state)
{
    Fixture *f = *state;
    unsigned tap = f->now;
    assert_int_equal(speech_start(f->speech, "en", long_text, tap), SPEECH_OK);
    assert_int_equal(speech_state(f->speech), SPEECH_PLAYING);
    run_loop(f, heard_something, 1000);
    assert_true(f->fake.total > 0);
    if (f->fake.first_ms - tap > 500)
        fail_msg("the first sound came %u ms after the tap", f->fake.first_ms - tap);
    assert_int_equal(speech_stats(f->speech).first_audio_ms, f->fake.first_ms);
    /* and it is said to the end, never holding more than a little ahead */
    run_loop(f, finished, 100000);
    assert_int_equal(speech_state(f->speech), SPEECH_IDLE);
    assert_true(f->fake.max_queued_ms <= SPEECH_AHEAD_MS + 200);
    double seconds = (double)f->fake.total / 22050;
    assert_true(seconds > 8 && seconds < 40);
    assert_false(f->fake.open);                 /* the device is closed when done */
    assert_true(speech_stats(f->speech).peak_rss_kb > 0);
}

static void test_speech_starts_within_half_a_second_on_the_real_clock(void **state)
{
    Fixture *f = *state;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    assert_int_equal(speech_start(f->speech, "el", "Καλημέρα σας.", f->now), SPEECH_OK);
    while (!f->fake.total) {
        struct pollfd p = { .fd = speech_fd(f->speech), .events = POLLIN };
        assert_true(p.fd >= 0);
        assert_int_equal(poll(&p, 1, 2000), 1);
        speech_step(f->speech, f->now);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double ms = (double)(t1.tv_sec - t0.tv_sec) * 1000 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
    if (ms > 500)
        fail_msg("espeak-ng's first sound took %.0f ms", ms);
}

static void test_a_touch_stops_speech_at_once(void **state)
{
    Fixture *f = *state;
    assert_int_equal(speech_start(f->speech, "en", long_text, f->now), SPEECH_OK);
    run_loop(f, said_a_second, 1000);
    assert_int_equal(speech_state(f->speech), SPEECH_PLAYING);    /* mid-sentence */
    pid_t pid = speech_stats(f->speech).pid;
    assert_true(pid > 0);
    assert_int_equal(kill(pid, 0), 0);         /* espeak-ng is still at it */
    unsigned touch = f->now;
    speech_stop(f->speech, touch);
    /* within the call: the queue is dropped, the device closed, the process gone */
    assert_int_equal(f->fake.clear_ms, touch);
    assert_int_equal(f->fake.close_ms, touch);
    assert_false(f->fake.open);
    assert_int_equal(speech_state(f->speech), SPEECH_IDLE);
    assert_int_equal(speech_stats(f->speech).stop_ms - touch, 0);
    assert_int_equal(speech_fd(f->speech), -1);
    assert_int_equal(speech_sleep_ms(f->speech, f->now), -1);
    assert_int_equal(kill(pid, 0), -1);        /* killed and reaped */
    size_t total = f->fake.total;
    f->now += 1000;
    speech_step(f->speech, f->now);
    assert_int_equal(f->fake.total, total);     /* nothing more is said */
}

static void test_pause_holds_the_speech_and_resume_goes_on(void **state)
{
    Fixture *f = *state;
    assert_int_equal(speech_start(f->speech, "en", long_text, f->now), SPEECH_OK);
    run_loop(f, heard_something, 1000);
    speech_pause(f->speech, true, f->now);
    assert_int_equal(speech_state(f->speech), SPEECH_PAUSED);
    assert_true(f->fake.paused);
    size_t total = f->fake.total, queued = f->fake.queued;
    for (int i = 0; i < 50; i++) {
        f->now += 100;
        speech_step(f->speech, f->now);
    }
    assert_int_equal(f->fake.total, total);     /* five seconds later: not a sample more */
    fake_play(&f->fake);
    assert_int_equal(f->fake.queued, queued);   /* and nothing played */
    assert_int_equal(speech_sleep_ms(f->speech, f->now), -1);
    speech_pause(f->speech, false, f->now);
    assert_false(f->fake.paused);
    run_loop(f, finished, 100000);
    assert_true(f->fake.total > total);
    assert_int_equal(speech_state(f->speech), SPEECH_IDLE);
}

static void test_repeat_says_the_same_again_from_the_start(void **state)
{
    Fixture *f = *state;
    assert_int_equal(speech_repeat(f->speech, f->now), SPEECH_FAILED);    /* nothing yet */
    assert_int_equal(speech_start(f->speech, "el", "Ανοιχτά τώρα.", f->now), SPEECH_OK);
    run_loop(f, finished, 100000);
    size_t once = f->fake.total;
    assert_true(once > 22050 / 2);
    assert_int_equal(speech_repeat(f->speech, f->now), SPEECH_OK);
    run_loop(f, finished, 100000);
    assert_int_equal(f->fake.total, 2 * once);
}

/* the RMS of what el says of text at the current volume */
static double loudness(Fixture *f, const char *text)
{
    f->fake.total = 0, f->fake.sum_sq = 0;
    assert_int_equal(speech_start(f->speech, "el", text, f->now), SPEECH_OK);
    run_loop(f, finished, 100000);
    return sqrt(f->fake.sum_sq / (double)f->fake.total);
}

static void test_volume_goes_up_and_down_and_back_to_the_default(void **state)
{
    Fixture *f = *state;
    const char *text = "Επικοινωνία.";
    assert_int_equal(speech_volume(f->speech), SPEECH_VOLUME_DEFAULT);
    double normal = loudness(f, text);
    assert_int_equal(speech_change_volume(f->speech, -3), SPEECH_VOLUME_DEFAULT - 3);
    double soft = loudness(f, text);
    assert_true(soft < normal * 0.5);
    for (int i = 0; i < 20; i++)
        speech_change_volume(f->speech, +1);
    assert_int_equal(speech_volume(f->speech), SPEECH_VOLUME_MAX);
    double loud = loudness(f, text);
    assert_true(loud > normal * 1.4);
    for (int i = 0; i < 20; i++)
        speech_change_volume(f->speech, -1);
    assert_int_equal(speech_volume(f->speech), 1);  /* never silent */
    speech_reset(f->speech, f->now);                /* the idle reset */
    assert_int_equal(speech_volume(f->speech), SPEECH_VOLUME_DEFAULT);
}

static void test_a_language_without_a_voice_is_reported_not_silent(void **state)
{
    Fixture *f = *state;
    int opens = f->fake.opens;
    assert_false(speech_has_voice(f->speech, "ps"));
    assert_int_equal(speech_start(f->speech, "ps", "سلام", f->now), SPEECH_NO_VOICE);
    assert_int_equal(speech_state(f->speech), SPEECH_IDLE);
    assert_int_equal(f->fake.opens, opens);     /* nothing was opened or run */
    assert_true(speech_has_voice(f->speech, "ar"));
}

static void test_no_audio_device_makes_speech_unavailable_with_a_reason(void **state)
{
    (void)state;
    /* a card that no machine has, through SDL's ALSA backend */
    setenv("SDL_AUDIODRIVER", "alsa", 1);
    Audio *a = audio_create("hw:CARD=NoSuchAdapter,DEV=0");
    SpeechSink sink = audio_sink(a);
    Speech *s = speech_create(&sink, NULL);
    assert_false(speech_available(s));
    if (!strstr(speech_why(s), "no audio device"))
        fail_msg("why: \"%s\"", speech_why(s));
    assert_int_equal(speech_start(s, "el", "Καλημέρα.", 100), SPEECH_NO_OUTPUT);
    assert_int_equal(speech_state(s), SPEECH_IDLE);
    speech_destroy(s);
    audio_destroy(a);
    /* switched off in kiosk.conf */
    a = audio_create("off");
    sink = audio_sink(a);
    s = speech_create(&sink, NULL);
    assert_false(speech_available(s));
    assert_non_null(strstr(speech_why(s), "audio_device = off"));
    speech_destroy(s);
    audio_destroy(a);
    unsetenv("SDL_AUDIODRIVER");
}

static void test_without_espeak_ng_speech_is_unavailable_and_says_why(void **state)
{
    Fixture *f = *state;
    Speech *s = speech_create(&f->sink, "/nonexistent/espeak-ng");
    assert_false(speech_available(s));
    assert_non_null(strstr(speech_why(s), "install the espeak-ng package"));
    assert_int_equal(speech_start(s, "el", "Καλημέρα.", f->now), SPEECH_NO_VOICE);
    assert_int_equal(f->fake.opens, 1);        /* only the probe of the fixture's speech */
    speech_destroy(s);
}

static void test_a_voice_that_never_speaks_is_stopped_after_5_s(void **state)
{
    Fixture *f = *state;
    /* a synthesiser that has voices but hangs when asked to speak */
    char *dir = test_tmpdir(), synth[512];
    snprintf(synth, sizeof synth, "%s/hang", dir);
    FILE *sh = fopen(synth, "w");
    assert_non_null(sh);
    fputs("#!/bin/sh\ncase \"$1\" in\n--version) echo 1 ;;\n"
          "--voices*) echo 'Pty Language Age/Gender VoiceName File Other'; "
          "echo ' 5  el  --/M  Greek  grk/el' ;;\n*) exec sleep 60 ;;\nesac\n", sh);
    fclose(sh);
    test_sh("chmod +x '%s'", synth);
    Speech *s = speech_create(&f->sink, synth);
    assert_true(speech_available(s));
    assert_int_equal(speech_start(s, "el", "Καλημέρα.", f->now), SPEECH_OK);
    f->now += 4900;
    speech_step(s, f->now);
    assert_int_equal(speech_state(s), SPEECH_PLAYING);
    f->now += 200;
    speech_step(s, f->now);
    assert_int_equal(speech_state(s), SPEECH_IDLE);
    int pid = speech_stats(s).pid;
    assert_int_equal(kill(pid, 0), -1);         /* killed and reaped */
    speech_destroy(s);
    test_rmdir(dir);
}

static void test_sdl_audio_plays_a_sentence_through_the_dummy_driver(void **state)
{
    (void)state;
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    Audio *a = audio_create("");
    SpeechSink sink = audio_sink(a);
    Speech *s = speech_create(&sink, NULL);
    assert_true(speech_available(s));
    assert_int_equal(speech_start(s, "en", "Hello.", 1), SPEECH_OK);
    while (speech_stats(s).samples == 0) {
        struct pollfd p = { .fd = speech_fd(s), .events = POLLIN };
        assert_int_equal(poll(&p, 1, 2000), 1);
        speech_step(s, 2);
    }
    assert_true(sink.queued_ms(sink.ctx) > 0);
    speech_stop(s, 3);
    assert_int_equal(sink.queued_ms(sink.ctx), 0);
    speech_destroy(s);
    audio_destroy(a);
    unsetenv("SDL_AUDIODRIVER");
}

/* ---- kiosk speak ---- */

static void test_kiosk_speak_writes_the_home_screen_as_speech(void **state)
{
    (void)state;
    char *dir = test_tmpdir();
    test_sh("build/kiosk speak --screen home --lang el --at 2026-11-25T10:30 --out %s/home.wav",
            dir);
    char path[512];
    snprintf(path, sizeof path, "%s/home.wav", dir);
    Wav w = wav_read(path);
    /* the header, the centre's name, open now, the date and seven tiles */
    if (w.rms < 1000 || w.seconds < 15 || w.seconds > 90)
        fail_msg("home in Greek: %.1f s, RMS %.0f", w.seconds, w.rms);
    test_rmdir(dir);
}

static void test_kiosk_speak_refuses_a_language_without_a_voice(void **state)
{
    (void)state;
    char *dir = test_tmpdir(), cmd[1024], err[1024] = "";
    snprintf(cmd, sizeof cmd, "build/kiosk speak --screen home --lang ps --out %s/x.wav "
             "2>%s/err", dir, dir);
    int rc = system(cmd);
    assert_true(WIFEXITED(rc) && WEXITSTATUS(rc) == 1);
    snprintf(cmd, sizeof cmd, "%s/err", dir);
    FILE *f = fopen(cmd, "r");
    assert_non_null(f);
    size_t n = fread(err, 1, sizeof err - 1, f);
    err[n] = '\0';
    fclose(f);
    assert_non_null(strstr(err, "ps"));         /* it names the language */
    snprintf(cmd, sizeof cmd, "%s/x.wav", dir);
    assert_int_equal(access(cmd, F_OK), -1);    /* and writes nothing */
    snprintf(cmd, sizeof cmd, "build/kiosk speak --screen nowhere --lang el --print "
             ">/dev/null 2>&1");
    rc = system(cmd);
    assert_true(WIFEXITED(rc) && WEXITSTATUS(rc) == 2);
    test_rmdir(dir);
}

int main(void)
{
    signal(SIGPIPE, SIG_IGN);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_espeak_says_a_greek_and_an_arabic_sentence_aloud),
        cmocka_unit_test(test_the_languages_of_the_centre_have_voices_and_others_are_reported),
        cmocka_unit_test_setup_teardown(test_speech_starts_within_half_a_second_of_the_tap,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_speech_starts_within_half_a_second_on_the_real_clock,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_touch_stops_speech_at_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pause_holds_the_speech_and_resume_goes_on,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_repeat_says_the_same_again_from_the_start,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_volume_goes_up_and_down_and_back_to_the_default,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_language_without_a_voice_is_reported_not_silent,
                                        setup, teardown),
        cmocka_unit_test(test_no_audio_device_makes_speech_unavailable_with_a_reason),
        cmocka_unit_test_setup_teardown(test_without_espeak_ng_speech_is_unavailable_and_says_why,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_voice_that_never_speaks_is_stopped_after_5_s,
                                        setup, teardown),
        cmocka_unit_test(test_sdl_audio_plays_a_sentence_through_the_dummy_driver),
        cmocka_unit_test(test_kiosk_speak_writes_the_home_screen_as_speech),
        cmocka_unit_test(test_kiosk_speak_refuses_a_language_without_a_voice),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
