/* app_private.h - the App context, shared by app.c (content, the loop, screenshots)
 * and app_usb.c (the USB flow, the staff PIN and the staff screen). Nothing outside
 * these two files includes it. */
#ifndef APP_PRIVATE_H
#define APP_PRIVATE_H
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <time.h>
#include "app.h"
#include "core/config.h"
#include "core/content.h"
#include "core/db.h"
#include "core/hours.h"
#include "core/i18n.h"
#include "core/update.h"
#include "platform/audio.h"
#include "platform/speech.h"
#include "platform/usbwatch.h"
#include "render/render.h"
#include "ui/ui.h"

#define APP_MAX_FDS 16

/* where the USB flow is */
typedef enum {
    FLOW_IDLE,
    FLOW_BUSY,                  /* a job runs in the worker thread: its progress on screen */
    FLOW_CONFIRM,               /* a signed update, counting down */
    FLOW_UPDATE_PIN,            /* an unsigned update, waiting for the staff PIN */
    FLOW_STAFF_PIN,             /* the hidden gesture, waiting for the staff PIN */
    FLOW_RESULT                 /* a message, until OK or APP_RESULT_MS */
} AppFlow;

/* what the worker thread does: every step that reads the stick or writes the data
 * folder, so that the loop (heartbeat, frames, Cancel) never waits for storage */
typedef enum {
    JOB_NONE,
    JOB_CHECK,                  /* copy the stick, check it, build the new database */
    JOB_APPLY,                  /* put the new database in place */
    JOB_CANCEL,                 /* drop what was staged */
    JOB_EXPORT                  /* the live content to the stick */
} AppJobKind;

typedef struct AppJob {
    AppJobKind kind;            /* JOB_NONE: no thread to join */
    pthread_t thread;
    atomic_bool done;           /* set last by the worker */
    UpdateProgress progress;    /* stage, bytes, and the cancel request */
    UpdateStatus result;
    char text[1024];            /* the result for the screen */
    char usb_dir[PATH_MAX];     /* JOB_EXPORT */
    bool read_only;             /* JOB_EXPORT: the stick is mounted read-only */
    Lang lang;                  /* JOB_EXPORT: of the screen text */
    int shown_stage;            /* the stage last told to systemd */
} AppJob;

struct App {
    Config cfg;
    char data_dir[PATH_MAX];
    Render *render;
    Ui *ui;
    Db *db;
    Content content[LANG_COUNT];    /* read when first shown (app_content) */
    bool loaded[LANG_COUNT], unreadable[LANG_COUNT];
    HoursTable hours;
    UsbWatch *usb;
    int input_fds[APP_MAX_FDS];
    int n_input_fds;
    unsigned last_input_ms;
    bool live;                  /* showing data_dir's database, so updates apply */
    bool running;
    bool animating;
    /* the USB flow (app_usb.c) */
    AppFlow flow;
    Update *update;             /* the attempt of the stick in the slot */
    AppJob job;
    unsigned flow_ms;           /* when the countdown or the result ends */
    bool stick_seen;            /* this stick's folder was handled: wait for a new one */
    time_t started;
    char journal[1200];         /* the staff screen's log tail */
    long staff_key;             /* minute and language of the staff screen's facts */
    time_t journal_minute;
    Lang shown_lang;            /* the language of the last frame shown */
    bool let_go;                /* after the next frame, the faces it does not need go */
    /* the voice of the Listen control (app_start_speech), and this visit's use of it */
    Audio *audio;
    Speech *speech;
    bool visited;               /* touched since the last idle reset */
    bool speech_mode;           /* Listen or the keypad was used since the last reset */
    bool speaking_prompt;       /* what is said is "Still there?" */
    bool speaking_screen;       /* what is said is the screen, for Listen (not a label) */
    Lang voice_lang;            /* the language the waiting voice was started for */
    time_t probe_minute;        /* when a missing sound device was last looked for */
    UiKey key;                  /* the key being handled, UI_KEY_NONE between keys */
};

/* app.c: the live database again, after an update or a rollback; false with why */
bool app_reload(App *a, char *why, size_t n);
/* app.c: draws the current state (not presented) */
void app_draw(App *a);

/* app.c: a speech control's action (Listen, pause, again, softer, louder); false for
 * any other action */
bool app_speech_action(App *a, UiAction act, unsigned ms);

/* app_usb.c: what a dialog or the hidden gesture asked for */
void app_usb_act(App *a, time_t now, unsigned ms);
/* app_usb.c: the countdown, the result's timeout, the worker's progress and end */
void app_usb_step(App *a, time_t now, unsigned ms);
/* app_usb.c: the staff screen's facts, again each minute or in another language */
void app_usb_staff_info(App *a, time_t now);
/* app_usb.c: stops a job that runs (asks it to cancel, waits) and drops a staged update */
void app_usb_stop(App *a);
#endif
