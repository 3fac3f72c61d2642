/* render.h - the only module that calls SDL, SDL_ttf and SDL_image: the window, the
 * fonts, the text cache, drawing the UI's command list, and screenshots. */
#ifndef RENDER_H
#define RENDER_H
#include <stdbool.h>
#include "ui/drawlist.h"

typedef struct Render Render;

typedef struct RenderOptions {
    int width, height;          /* 0: the display's size (fullscreen) */
    bool windowed;              /* a window on a desktop, for development */
    bool hidden;                /* headless: screenshots and tests */
    int rotation;               /* 0, 90, 180, 270: the panel is mounted turned */
    const char *share_dir;      /* holds fonts/; NULL: share_find_dir finds it */
} RenderOptions;

/* opens SDL, the window and the fonts; NULL with a message on stderr that says what
 * is missing (no display, a font file) */
Render *render_create(const RenderOptions *o);
void render_destroy(Render *r);
/* measuring functions for the UI, backed by the real fonts. A style's TEXT_STYLE_RTL,
 * _LTR and _NASTALIQ bits (core/text.h) set the paragraph's direction and its face;
 * line_height of a TEXT_STYLE_NASTALIQ style is about 2.5 em */
const UiMetrics *render_metrics(Render *r);
/* code points measured or drawn since start-up that no font provides: 0 on every
 * screen in every language */
long render_missing_glyphs(const Render *r);
/* the code points of s[0..len) in the style that no font provides (reads the fonts
 * the text needs, as drawing it would) */
int render_text_missing(Render *r, const char *s, size_t len, int style);
/* the font files read into memory and their bytes: the Arabic and Urdu faces are
 * read only when a text needs them */
int render_fonts_read(const Render *r, long *bytes);
/* lets go of the Arabic and Urdu faces that the frame last shown did not need: the
 * kiosk calls it when the visitor's language changes and at the idle reset, so that
 * once a visitor has gone back to Greek the kiosk holds what Greek-only use holds;
 * a face let go is read again when a text needs it */
void render_let_go_faces(Render *r);
/* the size the UI lays out for: the window turned by the rotation */
void render_size(const Render *r, int *w, int *h);
/* draws the commands, each cut to and moved by the UI_CLIP before it */
void render_draw(Render *r, const UiCmd *cmds, int n);
/* shows what render_draw drew */
void render_present(Render *r);
/* writes what was drawn (before present) to a .png or .bmp file; 0 or -1 with a message */
int render_screenshot(Render *r, const char *path);
/* window coordinates of a touch (normalised 0..1, unclamped) or a mouse event, turned
 * back by the rotation and the calibration matrix, in UI pixels */
void render_map_touch(const Render *r, float nx, float ny, int *x, int *y);
void render_map_mouse(const Render *r, int wx, int wy, int *x, int *y);
typedef enum { RENDER_NONE, RENDER_PRESS, RENDER_DRAG, RENDER_RELEASE, RENDER_RESIZE,
               RENDER_QUIT, RENDER_KEY } RenderEventKind;

typedef struct RenderEvent {
    RenderEventKind kind;
    int x, y;                   /* PRESS, DRAG, RELEASE: UI pixels; RESIZE: the new size */
    unsigned ms;                /* when, on SDL's millisecond clock */
    UiKey key;                  /* KEY: what the key does (keypad, keyboard) */
} RenderEvent;

/* the next input as plain data, or 0 when none is pending. A touch and the mouse
 * event SDL synthesises from it come out once. */
int render_next_event(Render *r, RenderEvent *e);
/* waits up to timeout_ms for input where the video driver can wait (X11, Wayland);
 * false where it cannot (KMSDRM, offscreen): the caller waits with poll(2) instead */
bool render_wait(Render *r, int timeout_ms);
bool render_can_wait(const Render *r);
/* milliseconds since start, SDL's clock */
unsigned render_ticks(void);
/* the text cache's entries and bytes, for the benchmarks */
void render_cache_stats(const Render *r, int *entries, long *bytes);
/* a calibration matrix for touches: x' = a*x + b*y + c, y' = d*x + e*y + f, on 0..1 */
void render_set_touch_matrix(Render *r, const float m[6]);
#endif
