/* render_private.h - what render.c, render_text.c and render_draw.c share: the
 * struct Render, the fonts' faces, the text cache's entries, and the few functions
 * one of them calls in another. Not for use outside src/render/. */
#ifndef RENDER_PRIVATE_H
#define RENDER_PRIVATE_H

#include "render/render.h"
#include <SDL.h>
#include <SDL_ttf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Unhinted outlines: at the kiosk's sizes (16 px and up) they look the same as light
 * hinting, and FreeType's auto-hinter, which light hinting runs, keeps data for every
 * font at every size (0.3 MiB more after all the screens, 0.5 MiB more at start-up) */
#define HINTING TTF_HINTING_NONE
#define RENDER_MAX_FONTS   40
#define RENDER_CACHE_MAX   1024         /* entries kept; the least recently used go */
#define RENDER_CACHE_BYTES (8L << 20)   /* coded coverage bytes kept, at most */
#define RENDER_CACHE_AGE   256          /* frames a text stays unused before it goes: the
                                           past minutes of the clock do not pile up */

#define RENDER_RUNS        64           /* runs a line is drawn in; more are not drawn */
#define RENDER_MEASURE_SLOTS 8192      /* remembered text widths: layout measures the
                                           same words and lines on every frame */
typedef struct MeasureEntry {
    uint64_t hash;              /* of the text, its length and style; 0: empty. No copy is
                                   kept: 64 bits tell a few thousand texts apart */
    int style, width;
} MeasureEntry;

typedef enum { FACE_REGULAR, FACE_BOLD, FACE_ICONS, FACE_ARABIC, FACE_ARABIC_BOLD,
               FACE_NASTALIQ, FACE_NASTALIQ_BOLD, FACE_COUNT } RenderFace;

/* The fonts. The first three are read at start-up: a missing one stops the kiosk with
 * a message. The others are read when a text first needs them, so Greek and English
 * use never reads them (0.8 MiB for Arabic, 1.1 MiB for Urdu), and let go when the
 * visitor's language changes to one whose frame does not need them
 * (render_let_go_faces); a missing one is a logged error and missing glyphs
 * (render_missing_glyphs). script: the ISO 15924
 * script the face is first for (NULL: the Latin face, first for every other script).
 * nastaliq: the Urdu face, first for Arabic script in a TEXT_STYLE_NASTALIQ text.
 * To add a script: its rows in textrun.c's script table, then its faces in
 * render_text.c's render_faces. */
typedef struct FaceInfo {
    const char *file;
    const char *script;
    bool bold, nastaliq, lazy;
} FaceInfo;

extern const FaceInfo render_faces[FACE_COUNT];

typedef struct RenderFont {
    RenderFace face;
    int size;
    TTF_Font *font;
    int above, below;           /* px a line needs above and below the baseline for this
                                   font; 0: not measured yet (render_font_box) */
} RenderFont;

typedef struct CacheEntry {
    uint64_t hash;
    int style;
    char *text;
    int len;
    unsigned faces;             /* the lazy faces it was made with (1 << RenderFace): its
                                   drawing keeps them open (render_let_go_faces) */
    uint8_t *cov;               /* the coverage, 0 background .. 255 ink, coded by
                                   render_code; NULL: a free entry */
    int w, h;
    long bytes;                 /* of the coded coverage */
    uint64_t used;              /* frame of last use */
} CacheEntry;

#define RENDER_LUTS 8           /* colour tables kept: the theme has a handful of pairs */
typedef struct ColorLut {
    uint32_t fg, bg, format;    /* format 0: free */
    uint32_t px[256];           /* coverage to the surface's pixel */
} ColorLut;

struct Render {
    SDL_Window *win;
    SDL_Surface *canvas;        /* a turned panel or a window not 32 bits deep: the UI is
                                   drawn here, then turned or converted onto the window */
    SDL_Surface *turned;        /* a turned canvas for a window not 32 bits deep */
    SDL_Surface *surf;          /* this frame's: the window's or the canvas */
    int w, h;                   /* the UI's size */
    int rotation;
    float touch[6];
    void *face_data[FACE_COUNT];       /* NULL: not read yet (a lazy face) */
    size_t face_size[FACE_COUNT];
    bool face_failed[FACE_COUNT];      /* a lazy face that could not be read: said once */
    long missing;               /* code points no face provides, measured or drawn */
    RenderFont fonts[RENDER_MAX_FONTS];
    int n_fonts;
    TTF_Font *face_font[FACE_COUNT];   /* a lazy face's one font, for all its sizes */
    int face_font_size[FACE_COUNT];    /* the size it is set to now */
    unsigned faces_used;        /* the lazy faces (1 << RenderFace) asked for since the
                                   last frame shown */
    unsigned faces_shown;       /* those the last frame shown asked for */
    unsigned faces_making;      /* those asked for by the text being measured or made */
    CacheEntry cache[RENDER_CACHE_MAX];  /* searched by hash: a frame has a few hundred texts */
    int n_cache;
    long cache_bytes;
    ColorLut luts[RENDER_LUTS];
    int next_lut;
    uint64_t frame;
    UiMetrics metrics;
    char share[1024];           /* holds fonts/: the lazy faces are read from it later */
    bool can_wait;
    char scratch[4096];
    MeasureEntry measured[RENDER_MEASURE_SLOTS];   /* direct-mapped by the hash */
};

/* render.c: the surface of this frame, locked for drawing; NULL with a message if SDL
 * fails */
SDL_Surface *render_begin(Render *r);

/* render_text.c: a whole font file, NULL with a message when it is missing; the
 * UI's measures (UiMetrics); dropping a cached text; a text's cached coverage,
 * rasterised on first use (NULL if SDL_ttf cannot) */
void *render_read_file(const char *path, size_t *size);
int render_measure(void *ctx, const char *s, size_t len, int style);
int render_line_height(void *ctx, int style);
void render_cache_drop(Render *r, CacheEntry *e);
CacheEntry *render_text(Render *r, const char *s, int len, int style);

#endif
