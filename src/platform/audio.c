/* audio.c - the speech's sink on SDL's audio. SDL's audio subsystem and the device
 * are up only while speaking: an open device keeps a thread writing silence to it, and
 * SDL's ALSA backend keeps a thread that looks for new cards ten times a second (the
 * idle kiosk would wake 9 times a second more, measured with strace). A small device
 * buffer (512 samples, 23 ms at 22050 Hz) is what still plays after a stop. */
#include "platform/audio.h"
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <SDL.h>

#define AUDIO_SAMPLES 512

struct Audio {
    char device[64];
    bool inited;                /* SDL's audio subsystem is up */
    SDL_AudioDeviceID dev;
    int rate;
};

Audio *audio_create(const char *device)
{
    Audio *a = calloc(1, sizeof *a);
    if (a)
        snprintf(a->device, sizeof a->device, "%s", device ? device : "");
    return a;
}

static void audio_close(void *ctx)
{
    Audio *a = ctx;
    if (a->dev) {
        SDL_CloseAudioDevice(a->dev);
        a->dev = 0;
    }
    if (a->inited) {
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        a->inited = false;
    }
}

void audio_destroy(Audio *a)
{
    if (!a)
        return;
    audio_close(a);
    free(a);
}

/* SDL's audio (and the sound servers it tries) start threads; they must not take
 * the SIGTERM that the main loop waits for, so they start with every signal blocked */
static void audio_block_signals(sigset_t *old)
{
    sigset_t all;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, old);
}

static void audio_restore_signals(const sigset_t *old)
{
    pthread_sigmask(SIG_SETMASK, old, NULL);
}

static int audio_open(void *ctx, int rate, char *why, size_t n)
{
    Audio *a = ctx;
    audio_close(a);
    if (strcmp(a->device, "off") == 0) {
        snprintf(why, n, "speech is off (audio_device = off in kiosk.conf)");
        return -1;
    }
    sigset_t old;
    audio_block_signals(&old);
    if (!a->inited) {
        if (a->device[0])
            setenv("AUDIODEV", a->device, 1);
        if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
            snprintf(why, n, "no audio device: %s", SDL_GetError());
            audio_restore_signals(&old);
            return -1;
        }
        a->inited = true;
    }
    SDL_AudioSpec want, have;
    SDL_zero(want);
    want.freq = rate;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = AUDIO_SAMPLES;
    /* no changes allowed: SDL converts to what the device takes */
    a->dev = SDL_OpenAudioDevice(NULL, 0, &want, &have, 0);
    audio_restore_signals(&old);
    if (!a->dev) {
        snprintf(why, n, "no audio device%s%s: %s", a->device[0] ? " " : "", a->device,
                 SDL_GetError());
        audio_close(a);
        return -1;
    }
    a->rate = rate;
    SDL_PauseAudioDevice(a->dev, 0);
    return 0;
}

static int audio_queue(void *ctx, const int16_t *samples, size_t n)
{
    Audio *a = ctx;
    if (!a->dev)
        return -1;
    return SDL_QueueAudio(a->dev, samples, (Uint32)(n * sizeof *samples)) == 0 ? 0 : -1;
}

static unsigned audio_queued_ms(void *ctx)
{
    Audio *a = ctx;
    if (!a->dev || a->rate <= 0)
        return 0;
    return (unsigned)((unsigned long long)SDL_GetQueuedAudioSize(a->dev) / 2 * 1000 /
                      (unsigned)a->rate);
}

static void audio_clear(void *ctx)
{
    Audio *a = ctx;
    if (a->dev)
        SDL_ClearQueuedAudio(a->dev);
}

static void audio_pause(void *ctx, bool paused)
{
    Audio *a = ctx;
    if (a->dev)
        SDL_PauseAudioDevice(a->dev, paused ? 1 : 0);
}

SpeechSink audio_sink(Audio *a)
{
    return (SpeechSink){ audio_open, audio_queue, audio_queued_ms, audio_clear, audio_pause,
                         audio_close, a };
}
