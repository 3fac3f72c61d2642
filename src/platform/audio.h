/* audio.h - SDL's audio output as the speech's sink: a device opened only while
 * speaking, mono 16-bit samples queued to it. The device is ALSA's default or the
 * kiosk.conf audio_device (SDL's ALSA backend takes it from AUDIODEV). */
#ifndef AUDIO_H
#define AUDIO_H
#include "platform/speech.h"

typedef struct Audio Audio;

/* device: an ALSA device name, "" for the default, "off" for none. NULL if out of
 * memory; nothing is opened yet. */
Audio *audio_create(const char *device);
void audio_destroy(Audio *a);
/* the sink that speech_create takes, valid while a lives */
SpeechSink audio_sink(Audio *a);
#endif
