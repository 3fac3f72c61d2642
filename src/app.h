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
} ShotOptions;

/* runs the kiosk until SIGTERM; the exit status */
int app_run(const AppOptions *o);
/* renders screens headless to files; the exit status */
int app_screenshots(const ShotOptions *o);
#endif
