/* speech.c - espeak-ng as a child process writing a WAV stream to a pipe. One process
 * waits ready, its voice loaded, for the next text on its standard input: espeak-ng
 * needs 40 ms of CPU (and more on a busy or slower machine) to start, and a warm one
 * answers a line within a few milliseconds. It says that one text and ends; the next
 * is then started to wait. The loop calls speech_step whenever the pipe is readable or
 * the queued sound runs low; each step reads only what keeps SPEECH_AHEAD_MS queued,
 * so the kiosk holds a fraction of a second of sound whatever the length of the screen
 * (espeak-ng waits on the full pipe meanwhile), and a stop or a volume change is heard
 * at once. Sections: the process, the WAV stream, the public API. */
#include "platform/speech.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

#define SPEECH_RATE      22050  /* espeak-ng's own rate: the output is opened at it early */
#define SPEECH_WPM       "150"  /* words a minute: a little slower than espeak-ng's 175 */
#define SPEECH_HEADER    256    /* bytes of WAV header read before the samples at most */
#define SPEECH_MAX_VOICES 24    /* languages whose voice check is remembered */
#define SPEECH_LINE      400    /* bytes of text a line to espeak-ng at most */
#define SPEECH_SILENT_MS 5000   /* a voice not heard this long after its start is stopped */

/* a child process and its pipes */
typedef struct SpeechProc {
    pid_t pid;                  /* 0: none */
    int out;                    /* its standard output (read, non-blocking), or -1 */
    int in;                     /* its standard input, or -1 */
    char lang[16];
} SpeechProc;

struct Speech {
    SpeechSink sink;
    bool synth_ok;              /* espeak-ng runs */
    SpeechProc ready;           /* waiting with its voice loaded */
    char synth[256];
    bool available;
    char why[320];              /* synth is at most 255 */
    bool sink_open;
    int rate;                   /* the output's rate */
    /* the speech in progress */
    SpeechState state;
    SpeechProc cur;             /* saying the text; out -1 once all is read */
    unsigned char header[SPEECH_HEADER];
    size_t header_len;
    bool in_samples;            /* past the header */
    int carry;                  /* a sample's first byte read alone, or -1 */
    int volume;
    char lang[16];
    char *text;                 /* the last text, for repeat */
    SpeechStats stats;
    /* whether voice_list has a voice, looked up once per language */
    struct { char lang[16]; bool has; } voices[SPEECH_MAX_VOICES];
    int n_voices;
    char *voice_list;           /* espeak-ng --voices, asked once at speech_create */
};

/* ---- the process ---- */

/* runs argv with its standard output on a new pipe, and its standard input on another
 * when in is not NULL (else /dev/null; stderr /dev/null); the pid and the pipes' ends,
 * or -1 with errno */
static int speech_spawn(char *const argv[], pid_t *pid, int *fd, int *in)
{
    int p[2], q[2] = { -1, -1 };
    if (pipe2(p, O_CLOEXEC) != 0)
        return -1;
    if (in && pipe2(q, O_CLOEXEC) != 0) {
        close(p[0]);
        close(p[1]);
        return -1;
    }
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t attr;
    posix_spawn_file_actions_init(&fa);
    posix_spawnattr_init(&attr);
    if (in)
        posix_spawn_file_actions_adddup2(&fa, q[0], 0);
    else
        posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, p[1], 1);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    /* the child gets default signal handling and an empty mask, whatever the kiosk set */
    sigset_t none, dfl;
    sigemptyset(&none);
    sigemptyset(&dfl);
    sigaddset(&dfl, SIGPIPE);
    sigaddset(&dfl, SIGTERM);
    sigaddset(&dfl, SIGINT);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &dfl);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    int rc = posix_spawnp(pid, argv[0], &fa, &attr, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&attr);
    close(p[1]);
    if (in)
        close(q[0]);
    if (rc != 0) {
        close(p[0]);
        if (in)
            close(q[1]);
        errno = rc;
        return -1;
    }
    *fd = p[0];
    if (in)
        *in = q[1];
    return 0;
}

/* reads fd to its end into out (cap bytes, NUL-terminated; the rest is dropped) */
static void speech_drain(int fd, char *out, size_t cap)
{
    size_t len = 0;
    char tmp[512];
    for (;;) {
        ssize_t r = read(fd, len + 1 < cap ? out + len : tmp,
                         len + 1 < cap ? cap - 1 - len : sizeof tmp);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        if (len + 1 < cap)
            len += (size_t)r;
    }
    out[len] = '\0';
}

/* waits for p's process; block: until it ends. Its peak memory in KiB once it has
 * ended (0 if unknown), -1 while it runs */
static long speech_proc_reap(SpeechProc *p, bool block)
{
    if (p->pid <= 0)
        return 0;
    int status;
    struct rusage ru;
    pid_t r;
    do
        r = wait4(p->pid, &status, block ? 0 : WNOHANG, &ru);
    while (r < 0 && errno == EINTR);
    if (r == p->pid || (r < 0 && errno == ECHILD)) {
        p->pid = 0;
        return r > 0 ? ru.ru_maxrss : 0;
    }
    return -1;
}

/* p's pipes closed and its process killed; its peak memory in KiB */
static long speech_proc_end(SpeechProc *p)
{
    if (p->in >= 0)
        close(p->in);
    if (p->out >= 0)
        close(p->out);
    p->in = p->out = -1;
    if (p->pid <= 0)
        return 0;
    kill(p->pid, SIGKILL);
    return speech_proc_reap(p, true);
}

/* espeak-ng's voice name for a language code: the same but for Kurmanji */
static const char *speech_voice(const char *lang)
{
    return strcmp(lang, "kmr") == 0 ? "ku" : lang;
}

int speech_voices_ask(const char *synth, SpeechVoices *v)
{
    char *const argv[] = { (char *)(synth ? synth : "espeak-ng"), "--voices", NULL };
    v->fd = -1;
    return speech_spawn(argv, &v->pid, &v->fd, NULL);
}

char *speech_voices_answer(SpeechVoices *v)
{
    if (v->fd < 0)
        return NULL;
    size_t cap = 64 * 1024;     /* espeak-ng 1.51 lists its 130 voices in 10 KiB */
    char *out = malloc(cap);
    if (out)
        speech_drain(v->fd, out, cap);
    close(v->fd);
    v->fd = -1;
    int status;
    while (waitpid(v->pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        free(out);              /* not espeak-ng, or it failed: no voices */
        return NULL;
    }
    return out;
}

char *speech_voice_list(const char *synth)
{
    SpeechVoices v;
    return speech_voices_ask(synth, &v) == 0 ? speech_voices_answer(&v) : NULL;
}

bool speech_voice_listed(const char *list, const char *lang)
{
    if (!list || !lang || !*lang || strlen(lang) >= 16 ||
        strspn(lang, "abcdefghijklmnopqrstuvwxyz-") != strlen(lang))
        return false;
    const char *voice = speech_voice(lang);
    size_t want = strlen(voice);
    /* "Pty Language Age/Gender VoiceName File Other": a line per voice after the header;
     * a variant counts ("en" -> "en-gb"), an mbrola voice (mb/) does not: it needs a
     * package of its own */
    for (const char *line = strchr(list, '\n'); line; line = strchr(line, '\n')) {
        line++;
        char code[64], age[32], name[64], file[128];
        if (sscanf(line, "%*d %63s %31s %63s %127s", code, age, name, file) == 4 &&
            strncmp(code, voice, want) == 0 && (code[want] == '\0' || code[want] == '-') &&
            strncmp(file, "mb/", 3) != 0)
            return true;
    }
    return false;
}

bool speech_voice_exists(const char *synth, const char *lang)
{
    char *list = speech_voice_list(synth);
    bool has = speech_voice_listed(list, lang);
    free(list);
    return has;
}

/* p: espeak-ng for lang, started to wait for its text on standard input; 0, or -1
 * with errno */
static int speech_proc_start(const Speech *s, SpeechProc *p, const char *lang)
{
    char voice[32];
    snprintf(voice, sizeof voice, "%s", speech_voice(lang));
    char *const argv[] = { (char *)s->synth, "-v", voice, "-s", SPEECH_WPM, "--stdout", NULL };
    if (speech_spawn(argv, &p->pid, &p->out, &p->in) != 0)
        return -1;
    fcntl(p->out, F_SETFL, fcntl(p->out, F_GETFL) | O_NONBLOCK);
    fcntl(p->in, F_SETFL, fcntl(p->in, F_GETFL) | O_NONBLOCK);
    snprintf(p->lang, sizeof p->lang, "%s", lang);
    return 0;
}

/* hands text to p's standard input a sentence a line (espeak-ng reads a line at a
 * time, in a buffer of its own: lines are kept under SPEECH_LINE bytes, broken at a
 * space), then closes it, so that the process ends when all is said. What does not
 * fit in the pipe (over 64 KiB) is left out. 0, or -1 when the process is gone. */
static int speech_proc_say(SpeechProc *p, const char *text)
{
    char line[SPEECH_LINE + 2];
    int rc = 0;
    for (const char *t = text; *t && rc == 0;) {
        t += strspn(t, " \n");
        size_t n = 0, cut = 0;
        while (t[n] && n < SPEECH_LINE) {
            if (t[n] == ' ' || t[n] == '\n') {
                cut = n;
                if (n > 0 && strchr(".!?;", t[n - 1]))
                    break;          /* a sentence's end */
            }
            n++;
        }
        if (t[n] && t[n] != ' ' && t[n] != '\n' && cut > 0)
            n = cut;                /* a long sentence: at its last space that fits */
        if (n == 0)
            break;
        for (size_t i = 0; i < n; i++)
            line[i] = t[i] == '\n' ? ' ' : t[i];
        line[n] = '\n';
        ssize_t w;
        do
            w = write(p->in, line, n + 1);
        while (w < 0 && errno == EINTR);
        if (w < 0 && errno != EAGAIN)
            rc = -1;
        if (w != (ssize_t)(n + 1))
            break;                  /* the pipe is full: the rest is left out */
        t += n;
    }
    close(p->in);
    p->in = -1;
    return rc;
}

/* ---- the WAV stream ---- */

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* finds the samples in the header read so far: the bytes of header that are already
 * samples (>= 0), -1 while more header is needed, -2 when it is not mono 16-bit PCM */
static int speech_parse_header(Speech *s)
{
    const unsigned char *h = s->header;
    size_t n = s->header_len;
    if (n < 12)
        return -1;
    if (memcmp(h, "RIFF", 4) != 0 || memcmp(h + 8, "WAVE", 4) != 0)
        return -2;
    bool fmt_ok = false;
    for (size_t at = 12; at + 8 <= n;) {
        uint32_t size = le32(h + at + 4);
        if (memcmp(h + at, "data", 4) == 0)
            return fmt_ok ? (int)(n - (at + 8)) : -2;
        if (at + 8 + size > n)
            return -1;
        if (memcmp(h + at, "fmt ", 4) == 0 && size >= 16) {
            const unsigned char *f = h + at + 8;
            int format = f[0] | f[1] << 8, channels = f[2] | f[3] << 8;
            int bits = f[14] | f[15] << 8;
            if (format != 1 || channels != 1 || bits != 16)
                return -2;
            s->rate = (int)le32(f + 4);
            fmt_ok = s->rate >= 8000 && s->rate <= 48000;
        }
        at += 8 + size + (size & 1);
    }
    return -1;
}

/* hands bytes of samples to the sink at the volume; a sample split across reads
 * waits in carry */
static void speech_feed(Speech *s, const unsigned char *p, size_t n, unsigned ms)
{
    int16_t out[4096];
    size_t k = 0;
    while (n > 0) {
        int lo, hi;
        if (s->carry >= 0) {
            lo = s->carry, hi = *p++, n--;
            s->carry = -1;
        } else if (n >= 2) {
            lo = p[0], hi = p[1], p += 2, n -= 2;
        } else {
            s->carry = *p, n = 0;
            break;
        }
        long v = (long)(int16_t)(uint16_t)(lo | hi << 8) * s->volume / SPEECH_VOLUME_DEFAULT;
        out[k++] = (int16_t)(v > 32767 ? 32767 : v < -32768 ? -32768 : v);
        if (k == sizeof out / sizeof out[0] || n == 0) {
            if (s->sink.queue(s->sink.ctx, out, k) == 0) {
                if (!s->stats.first_audio_ms)
                    s->stats.first_audio_ms = ms ? ms : 1;
                s->stats.samples += k;
            }
            k = 0;
        }
    }
    if (k > 0 && s->sink.queue(s->sink.ctx, out, k) == 0) {
        if (!s->stats.first_audio_ms)
            s->stats.first_audio_ms = ms ? ms : 1;
        s->stats.samples += k;
    }
}

/* bytes read from the pipe: header first, then samples */
static int speech_take(Speech *s, const unsigned char *p, size_t n, unsigned ms)
{
    if (!s->in_samples) {
        size_t room = sizeof s->header - s->header_len, take = n < room ? n : room;
        memcpy(s->header + s->header_len, p, take);
        s->header_len += take;
        int have = speech_parse_header(s);
        if (have == -2 || (have == -1 && s->header_len == sizeof s->header))
            return -1;
        if (have == -1)
            return 0;
        s->in_samples = true;
        if (s->rate != SPEECH_RATE) {   /* opened at espeak-ng's usual rate: again */
            char why[128];
            s->sink.close(s->sink.ctx);
            s->sink_open = s->sink.open(s->sink.ctx, s->rate, why, sizeof why) == 0;
            if (!s->sink_open)
                return -1;
        }
        speech_feed(s, s->header + s->header_len - (size_t)have, (size_t)have, ms);
        p += take, n -= take;
    }
    speech_feed(s, p, n, ms);
    return 0;
}

/* ---- the public API ---- */

Speech *speech_create(const SpeechSink *sink, const char *synth)
{
    Speech *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->sink = *sink;
    snprintf(s->synth, sizeof s->synth, "%s", synth ? synth : "espeak-ng");
    s->cur = s->ready = (SpeechProc){ 0, -1, -1, "" };
    s->carry = -1;
    /* a write to a process that has just died must not end the kiosk */
    struct sigaction sa;
    if (sigaction(SIGPIPE, NULL, &sa) == 0 && sa.sa_handler == SIG_DFL)
        signal(SIGPIPE, SIG_IGN);
    s->volume = SPEECH_VOLUME_DEFAULT;
    /* one run of espeak-ng says that it runs and which voices it has */
    s->voice_list = speech_voice_list(s->synth);
    s->synth_ok = s->voice_list != NULL;
    speech_probe(s);
    return s;
}

void speech_destroy(Speech *s)
{
    if (!s)
        return;
    speech_stop(s, 0);
    speech_proc_end(&s->ready);
    free(s->voice_list);
    free(s->text);
    free(s);
}

bool speech_available(const Speech *s) { return s->available; }
const char *speech_why(const Speech *s) { return s->why; }

bool speech_probe(Speech *s)
{
    if (s->state != SPEECH_IDLE)
        return s->available;
    if (!s->synth_ok) {
        s->available = false;
        snprintf(s->why, sizeof s->why, "%s cannot be run: install the espeak-ng package",
                 s->synth);
        return false;
    }
    char why[200] = "";
    s->available = s->sink.open(s->sink.ctx, SPEECH_RATE, why, sizeof why) == 0;
    if (s->available) {
        s->sink.close(s->sink.ctx);
        s->why[0] = '\0';
    } else
        snprintf(s->why, sizeof s->why, "%s", why[0] ? why : "no audio device");
    return s->available;
}

void speech_prepare(Speech *s, const char *lang)
{
    if (!s->available || !lang || (s->ready.pid > 0 && strcmp(s->ready.lang, lang) == 0) ||
        !speech_has_voice(s, lang))
        return;
    speech_proc_end(&s->ready);
    if (speech_proc_start(s, &s->ready, lang) != 0)
        s->ready = (SpeechProc){ 0, -1, -1, "" };
}

bool speech_has_voice(Speech *s, const char *lang)
{
    if (!lang || strlen(lang) >= sizeof s->voices[0].lang)
        return false;
    for (int i = 0; i < s->n_voices; i++)
        if (strcmp(s->voices[i].lang, lang) == 0)
            return s->voices[i].has;
    bool has = speech_voice_listed(s->voice_list, lang);
    if (s->n_voices < SPEECH_MAX_VOICES) {
        snprintf(s->voices[s->n_voices].lang, sizeof s->voices[0].lang, "%s", lang);
        s->voices[s->n_voices++].has = has;
    }
    return has;
}

SpeechResult speech_start(Speech *s, const char *lang, const char *text, unsigned ms)
{
    speech_stop(s, ms);
    if (!speech_has_voice(s, lang))
        return SPEECH_NO_VOICE;
    if (!s->available)
        return SPEECH_NO_OUTPUT;
    if (text != s->text) {
        char *copy = strdup(text);
        if (!copy)
            return SPEECH_FAILED;
        free(s->text);
        s->text = copy;
    }
    snprintf(s->lang, sizeof s->lang, "%s", lang);
    memset(&s->stats, 0, sizeof s->stats);
    s->stats.start_ms = ms ? ms : 1;
    /* the output opens while espeak-ng starts */
    char why[200] = "";
    if (s->sink.open(s->sink.ctx, SPEECH_RATE, why, sizeof why) != 0) {
        snprintf(s->why, sizeof s->why, "%s", why[0] ? why : "no audio device");
        s->available = false;
        return SPEECH_NO_OUTPUT;
    }
    s->sink_open = true;
    s->rate = SPEECH_RATE;
    /* the process waiting for this language, else a new one; a second try when the
     * waiting one has died meanwhile */
    int rc = -1;
    for (int attempt = 0; attempt < 2 && rc != 0; attempt++) {
        if (s->ready.pid <= 0 || strcmp(s->ready.lang, lang) != 0 || attempt > 0) {
            speech_proc_end(&s->ready);
            if (speech_proc_start(s, &s->ready, lang) != 0)
                break;
        }
        s->cur = s->ready;
        s->ready = (SpeechProc){ 0, -1, -1, "" };
        s->stats.pid = s->cur.pid;
        rc = speech_proc_say(&s->cur, s->text);
        if (rc != 0)
            speech_proc_end(&s->cur);
    }
    if (rc != 0) {
        s->sink.close(s->sink.ctx);
        s->sink_open = false;
        return SPEECH_FAILED;
    }
    s->header_len = 0;
    s->in_samples = false;
    s->carry = -1;
    s->state = SPEECH_PLAYING;
    return SPEECH_OK;
}

SpeechResult speech_repeat(Speech *s, unsigned ms)
{
    if (!s->text)
        return SPEECH_FAILED;
    char lang[sizeof s->lang];
    memcpy(lang, s->lang, sizeof lang);
    return speech_start(s, lang, s->text, ms);
}

void speech_stop(Speech *s, unsigned ms)
{
    if (s->state == SPEECH_IDLE && s->cur.pid <= 0 && !s->sink_open)
        return;
    if (s->sink_open) {
        s->sink.clear(s->sink.ctx);
        s->sink.close(s->sink.ctx);
        s->sink_open = false;
    }
    if (s->cur.pid > 0 || s->cur.out >= 0)
        s->stats.peak_rss_kb = speech_proc_end(&s->cur);
    if (s->state != SPEECH_IDLE)
        s->stats.stop_ms = ms ? ms : 1;
    s->state = SPEECH_IDLE;
    speech_prepare(s, s->lang);     /* ready for the next tap */
}

void speech_pause(Speech *s, bool paused, unsigned ms)
{
    (void)ms;
    if (s->state == SPEECH_IDLE || paused == (s->state == SPEECH_PAUSED))
        return;
    s->sink.pause(s->sink.ctx, paused);
    s->state = paused ? SPEECH_PAUSED : SPEECH_PLAYING;
}

int speech_change_volume(Speech *s, int delta)
{
    int v = s->volume + delta;
    s->volume = v < 1 ? 1 : v > SPEECH_VOLUME_MAX ? SPEECH_VOLUME_MAX : v;
    return s->volume;
}

int speech_volume(const Speech *s) { return s->volume; }

void speech_reset(Speech *s, unsigned ms)
{
    speech_stop(s, ms);
    s->volume = SPEECH_VOLUME_DEFAULT;
}

void speech_step(Speech *s, unsigned ms)
{
    if (s->state != SPEECH_PLAYING)
        return;
    if (!s->stats.first_audio_ms && ms - s->stats.start_ms > SPEECH_SILENT_MS) {
        speech_stop(s, ms);     /* espeak-ng hangs: the kiosk must not wait with it */
        return;
    }
    unsigned char buf[8192];
    while (s->cur.out >= 0) {
        unsigned queued = s->sink.queued_ms(s->sink.ctx);
        if (queued >= SPEECH_AHEAD_MS)
            break;
        size_t want = (size_t)s->rate * 2 * (SPEECH_AHEAD_MS - queued) / 1000;
        if (want < 512)
            want = 512;
        if (want > sizeof buf)
            want = sizeof buf;
        ssize_t r = read(s->cur.out, buf, want);
        if (r > 0) {
            if (speech_take(s, buf, (size_t)r, ms) != 0) {
                speech_stop(s, ms);     /* not the stream espeak-ng writes */
                return;
            }
            continue;
        }
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        close(s->cur.out);      /* the end of the speech, or a read error */
        s->cur.out = -1;
    }
    long peak = s->cur.out < 0 ? speech_proc_reap(&s->cur, false) : -1;
    if (peak >= 0 && s->cur.out < 0 && s->stats.peak_rss_kb == 0)
        s->stats.peak_rss_kb = peak;
    if (s->cur.out < 0 && s->sink.queued_ms(s->sink.ctx) == 0) {
        peak = speech_proc_reap(&s->cur, true);     /* all said and played */
        if (peak > 0)
            s->stats.peak_rss_kb = peak;
        s->sink.close(s->sink.ctx);
        s->sink_open = false;
        s->state = SPEECH_IDLE;
        speech_prepare(s, s->lang);
    }
}

SpeechState speech_state(const Speech *s) { return s->state; }
const char *speech_text(const Speech *s) { return s->text ? s->text : ""; }

int speech_fd(const Speech *s)
{
    if (s->state != SPEECH_PLAYING || s->cur.out < 0)
        return -1;
    return s->sink.queued_ms(s->sink.ctx) < SPEECH_AHEAD_MS ? s->cur.out : -1;
}

int speech_sleep_ms(const Speech *s, unsigned ms)
{
    (void)ms;
    if (s->state != SPEECH_PLAYING)
        return -1;
    int queued = (int)s->sink.queued_ms(s->sink.ctx);
    if (s->cur.out < 0)         /* all read: wake when it has played */
        return queued > 0 ? queued : 0;
    /* top up before half the queue has played; the pipe's readiness wakes the loop
     * sooner when it is watched, and 10 ms bounds the wait where it is not */
    int half = queued / 2;
    return half < 10 ? 10 : half;
}

SpeechStats speech_stats(const Speech *s) { return s->stats; }

int speech_write_wav(const char *synth, const char *lang, const char *text, const char *path,
                     char *why, size_t n)
{
    char voice[32], file[4096];
    snprintf(voice, sizeof voice, "%s", speech_voice(lang));
    snprintf(file, sizeof file, "%s", path);
    char *const argv[] = { (char *)(synth ? synth : "espeak-ng"), "-v", voice, "-s", SPEECH_WPM,
                           "-w", file, NULL };
    SpeechProc p = { 0, -1, -1, "" };
    if (speech_spawn(argv, &p.pid, &p.out, &p.in) != 0) {
        snprintf(why, n, "cannot run %s: %s", argv[0], strerror(errno));
        return -1;
    }
    speech_proc_say(&p, text);      /* the lines the Listen control hands it */
    char out[256];
    speech_drain(p.out, out, sizeof out);
    close(p.out);
    int status;
    while (waitpid(p.pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        snprintf(why, n, "%s could not write %s", argv[0], path);
        return -1;
    }
    return 0;
}
