/* speech.h - the Listen control's voice: espeak-ng run as a separate process (it is
 * GPL-3 and the kiosk is MIT, so it is never linked), its audio read from a pipe
 * without blocking the loop and handed to a sound output a little ahead of playback.
 * Every call takes the caller's millisecond clock, so tests drive it on a fake one.
 * Start reading at speech_start and speech_step. */
#ifndef SPEECH_H
#define SPEECH_H
#include <stdbool.h>
#include <sys/types.h>
#include <stddef.h>
#include <stdint.h>

/* where the samples go (platform/audio.c: SDL's audio; tests: a fake). Mono, signed
 * 16-bit, at the rate open was given. */
typedef struct SpeechSink {
    /* 0, or -1 with why (no device, device busy) */
    int (*open)(void *ctx, int rate, char *why, size_t n);
    /* appends samples to what plays; 0 or -1 */
    int (*queue)(void *ctx, const int16_t *samples, size_t n);
    /* milliseconds of sound queued and not yet played */
    unsigned (*queued_ms)(void *ctx);
    /* drops everything queued; what the device already holds plays out (< 50 ms) */
    void (*clear)(void *ctx);
    void (*pause)(void *ctx, bool paused);
    void (*close)(void *ctx);
    void *ctx;
} SpeechSink;

typedef struct Speech Speech;

typedef enum { SPEECH_IDLE, SPEECH_PLAYING, SPEECH_PAUSED } SpeechState;

/* volume steps; the idle reset goes back to SPEECH_VOLUME_DEFAULT */
#define SPEECH_VOLUME_MAX 10
#define SPEECH_VOLUME_DEFAULT 5
/* sound queued ahead of playback: a volume change or a stop is heard within this */
#define SPEECH_AHEAD_MS 300

/* synth: the espeak-ng program (NULL: "espeak-ng" on the PATH). The sink is borrowed.
 * The output is opened once to see that it works: if not, speech is unavailable and
 * speech_why says why. NULL only when out of memory. */
Speech *speech_create(const SpeechSink *sink, const char *synth);
/* stops any speech (the process is killed) and frees s */
void speech_destroy(Speech *s);
/* whether there is a sound output; when not, why ("no audio device: ...") */
bool speech_available(const Speech *s);
const char *speech_why(const Speech *s);
/* opens the output again to see whether it works now (an adapter plugged in later);
 * nothing happens while speaking. The new speech_available. */
bool speech_probe(Speech *s);
/* whether espeak-ng has a voice for the language code ("el", "ar"; "ps": none), from
 * its list of voices, asked for once by speech_create */
bool speech_has_voice(Speech *s, const char *lang);
/* synth's (NULL: espeak-ng's) list of voices, "synth --voices", malloc'd; NULL if it
 * cannot be run or fails */
char *speech_voice_list(const char *synth);
/* the same in two halves, so that the kiosk works while espeak-ng answers: ask starts
 * it (0, or -1 with errno), answer waits for its list (as speech_voice_list) */
typedef struct SpeechVoices { pid_t pid; int fd; } SpeechVoices;
int speech_voices_ask(const char *synth, SpeechVoices *v);
char *speech_voices_answer(SpeechVoices *v);
/* whether list (speech_voice_list; NULL: none) has a voice for the language code */
bool speech_voice_listed(const char *list, const char *lang);
/* speech_voice_listed of a list asked for now */
bool speech_voice_exists(const char *synth, const char *lang);
typedef enum { SPEECH_OK, SPEECH_NO_VOICE, SPEECH_NO_OUTPUT, SPEECH_FAILED } SpeechResult;
/* starts espeak-ng for lang to wait, its voice loaded, for the next text: call it
 * when the screen's language changes (speech_start and the end of a speech do it
 * for theirs). Nothing when speech is unavailable or lang has no voice. */
void speech_prepare(Speech *s, const char *lang);
/* says text in lang from the start, stopping what was said before. SPEECH_NO_VOICE:
 * espeak-ng has no voice for lang; NO_OUTPUT: no sound device; FAILED: the process
 * could not start (espeak-ng missing). Nothing is playing after a failure. */
SpeechResult speech_start(Speech *s, const char *lang, const char *text, unsigned ms);
/* the last text again from its start; SPEECH_FAILED when nothing was said yet */
SpeechResult speech_repeat(Speech *s, unsigned ms);
/* silence now: the process killed, the queued sound dropped */
void speech_stop(Speech *s, unsigned ms);
void speech_pause(Speech *s, bool paused, unsigned ms);
/* one step louder (+1) or softer (-1), 0..SPEECH_VOLUME_MAX; the new step */
int speech_change_volume(Speech *s, int delta);
int speech_volume(const Speech *s);
/* what the idle reset does: silence and the default volume */
void speech_reset(Speech *s, unsigned ms);
/* reads what the process wrote and queues it; ends the speech once all is played.
 * Call it from the loop when speech_fd is readable or speech_sleep_ms has passed. */
void speech_step(Speech *s, unsigned ms);
SpeechState speech_state(const Speech *s);
/* the last text started ("" before any) */
const char *speech_text(const Speech *s);
/* the pipe to wait on while more sound is wanted, else -1 */
int speech_fd(const Speech *s);
/* how long the loop may sleep before speech_step must run; -1 when not speaking */
int speech_sleep_ms(const Speech *s, unsigned ms);
/* the last speech's times on the caller's clock (0 = not yet) and the process's peak
 * memory in KiB (once it has ended), for tests and the benchmark */
typedef struct SpeechStats {
    unsigned start_ms, first_audio_ms, stop_ms;
    long peak_rss_kb;
    int pid;                    /* the process that said it */
    size_t samples;             /* handed to the sink */
} SpeechStats;
SpeechStats speech_stats(const Speech *s);
/* the process's output for text in lang written to a WAV file; 0, or -1 with why */
int speech_write_wav(const char *synth, const char *lang, const char *text, const char *path,
                     char *why, size_t n);
#endif
