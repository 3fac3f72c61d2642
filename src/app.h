/* app.h - the kiosk program: one App context, the loop (input -> update -> draw),
 * the idle reset, and the headless screenshot mode. */
#ifndef APP_H
#define APP_H
#include <stdbool.h>
#include <time.h>

typedef struct AppOptions {
    const char *config_path;    /* /etc/kiosk/kiosk.conf; missing file = defaults */
    bool windowed;
    int width, height;          /* 0: the config's, else the display's */
    const char *share_dir;      /* fonts/, data/; NULL: found next to the binary */
    const char *data_dir;       /* overrides the config's data_dir */
    const char *package;        /* a package folder to show instead of the live data */
    const char *db_path;        /* or a database file */
} AppOptions;

typedef struct ShotOptions {
    AppOptions app;
    const char *out;            /* a folder for <lang>-<screen>.png, or one .bmp/.png file */
    const char *screen;         /* NULL: every screen */
    const char *lang;           /* NULL: every language */
    time_t at;                  /* the clock shown; 0: now */
    bool large_text;            /* --large-text: files end in -large */
    bool high_contrast;         /* --high-contrast: files end in -contrast */
} ShotOptions;

typedef struct App App;
struct RenderEvent;

/* config, display and content: everything before the first frame. NULL with a
 * message on stderr (bad config, no display, missing font, no usable content). */
App *app_create(const AppOptions *o, bool hidden, int width, int height);
void app_destroy(App *a);
/* one input event */
void app_input(App *a, const struct RenderEvent *e);
/* the clock, the idle reset, night mode, the update countdown, scrolling momentum;
 * then a frame if something changed (true when one was drawn) */
bool app_step(App *a, time_t now, unsigned ms);
/* a USB stick's KIOSK/ folder appeared in dir (or the watch fired): the update or
 * export flow starts in a worker thread; nothing happens while a flow is on screen */
void app_usb_stick_changed(App *a, const char *usb_dir, time_t now, unsigned ms);
/* true while the worker thread has a job (copying, checking, applying, exporting) */
bool app_usb_busy(const App *a);
/* waits for the worker's job and takes its result, as app_step would once it ends
 * (for tests and screenshots) */
void app_usb_settle(App *a, unsigned ms);
/* milliseconds the loop may sleep before app_step must run again */
int app_sleep_ms(App *a, time_t now, unsigned ms);
struct Ui *app_ui(App *a);
/* what draws it (for tests: the fonts it holds) */
struct Render *app_render(App *a);
struct SpeechSink;
struct Speech;
/* the Listen control's voice, through sink (NULL: SDL's audio on the config's
 * audio_device), and the keypad's; the kiosk starts it, screenshots do not. 0, or -1
 * out of memory; without a sound device the control is not shown and the staff screen
 * says why. */
int app_start_speech(App *a, const struct SpeechSink *sink);
/* the voice, or NULL before app_start_speech (for tests and the benchmark) */
struct Speech *app_speech(App *a);
/* draws the current state and writes it to a .png or .bmp file; 0 or -1 */
int app_save(App *a, const char *path);
/* runs the kiosk until SIGTERM; the exit status */
int app_run(const AppOptions *o);
/* renders screens headless to files; the exit status */
int app_screenshots(const ShotOptions *o);
#endif
