/* render.c - SDL: the window, the fonts at each size, a bounded cache of rasterised
 * texts (a text is rasterised once per string and style, not every frame), drawing the
 * UI's command list, rotation, and screenshots.
 *
 * Everything is drawn in software into the window's surface. Where the video driver
 * has a framebuffer of its own (X11, offscreen), SDL_HINT_FRAMEBUFFER_ACCELERATION "0"
 * keeps SDL from probing OpenGL (110 MiB instead of 22 MiB); KMSDRM (the Pi) and
 * Wayland have none, and SDL shows the surface through a GPU texture. A text is kept
 * as its 8-bit coverage, whatever its colours, and drawn through a 256-colour table of
 * its colour over its background: a plain copy, not a blend. Three quarters of a
 * text's pixels are empty, so the coverage is kept run-length coded: about a tenth of
 * the memory of a 32-bit texture. When the panel is turned, or the window is not 32
 * bits deep, the UI is drawn into a canvas that is turned or converted onto the
 * window.
 *
 * A text in one font and one direction, the Greek and English texts, goes to SDL_ttf
 * whole (render_text_simple). Any other text, Arabic, Farsi, Urdu, or a letter the
 * font lacks, is split by textrun.c into runs by bidi level, script and font; each
 * run is shaped by SDL_ttf's HarfBuzz in its direction and script, and the runs are
 * placed side by side in visual order on one baseline (render_text_runs). */
#include "render/render.h"
#include "core/share.h"
#include "core/text.h"
#include "render/textrun.h"
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <assert.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
 * use never reads them (0.8 MiB for Arabic, 1.1 MiB for Urdu), and a missing one is
 * a logged error and missing glyphs (render_missing_glyphs). script: the ISO 15924
 * script the face is first for (NULL: the Latin face, first for every other script).
 * nastaliq: the Urdu face, first for Arabic script in a TEXT_STYLE_NASTALIQ text.
 * To add a script: its rows in textrun.c's script table, then its faces here. */
typedef struct FaceInfo {
    const char *file;
    const char *script;
    bool bold, nastaliq, lazy;
} FaceInfo;

static const FaceInfo faces[FACE_COUNT] = {
    [FACE_REGULAR]       = { "NotoSans-Regular.ttf", NULL, false, false, false },
    [FACE_BOLD]          = { "NotoSans-Bold.ttf", NULL, true, false, false },
    [FACE_ICONS]         = { "MaterialIcons-Regular.ttf", "Zsym", false, false, false },
    [FACE_ARABIC]        = { "NotoSansArabic-Regular.ttf", "Arab", false, false, true },
    [FACE_ARABIC_BOLD]   = { "NotoSansArabic-Bold.ttf", "Arab", true, false, true },
    [FACE_NASTALIQ]      = { "NotoNastaliqUrdu-Regular.ttf", "Arab", false, true, true },
    [FACE_NASTALIQ_BOLD] = { "NotoNastaliqUrdu-Bold.ttf", "Arab", true, true, true },
};

typedef struct RenderFont {
    RenderFace face;
    int size;
    TTF_Font *font;
    int above, below;           /* px a line needs above and below the baseline for this
                                   font; 0: not measured yet (render_font_box) */
} RenderFont;

/* The letters that reach highest and lowest in Arabic script text: a lam-alef with
 * madda, a shadda with fatha, hamza above and below, and the deep tails of jeem, yeh
 * barree and jeh. Noto Sans Arabic's own box (hhea, 2.1 em) is far taller than its
 * letters: a line is as tall as these letters instead (about 1.5 em; a rare double
 * vowel sign below, as in "يٍ", may lose a pixel row at the bottom). */
static const char render_arabic_extremes[] = "لّآ لَّ أإ جےژ";

typedef struct CacheEntry {
    uint64_t hash;
    int style;
    char *text;
    int len;
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

/* reads a whole font file; NULL with a message when it is missing */
static void *render_read_file(const char *path, size_t *size)
{
    size_t n = 0;
    FILE *f = fopen(path, "rb");    /* for errno's words: SDL's are less clear here */
    if (!f) {
        fprintf(stderr, "kiosk: cannot read font %s: %s\n", path, strerror(errno));
        *size = 0;
        return NULL;
    }
    fclose(f);
    void *data = SDL_LoadFile(path, &n);
    if (!data)
        fprintf(stderr, "kiosk: cannot read font %s: %s\n", path, SDL_GetError());
    *size = n;
    return data;
}

/* the font of a face at a size, opened on first use from the bytes in memory (a lazy
 * face's file is read then); NULL if the file cannot be read or SDL_ttf fails (then
 * the text is not drawn) */
static TTF_Font *render_face_font(Render *r, RenderFace face, int size)
{
    for (int i = 0; i < r->n_fonts; i++)
        if (r->fonts[i].face == face && r->fonts[i].size == size)
            return r->fonts[i].font;
    if (r->n_fonts == RENDER_MAX_FONTS) {   /* a new window size: start again */
        for (int i = 0; i < r->n_fonts; i++)
            TTF_CloseFont(r->fonts[i].font);
        r->n_fonts = 0;
    }
    if (!r->face_data[face]) {
        if (r->face_failed[face])
            return NULL;
        char path[1200];
        snprintf(path, sizeof path, "%s/fonts/%s", r->share, faces[face].file);
        if (!(r->face_data[face] = render_read_file(path, &r->face_size[face]))) {
            r->face_failed[face] = true;
            return NULL;
        }
    }
    SDL_RWops *rw = SDL_RWFromConstMem(r->face_data[face], (int)r->face_size[face]);
    TTF_Font *f = rw ? TTF_OpenFontRW(rw, 1, size) : NULL;
    if (f)
        TTF_SetFontHinting(f, HINTING);
    if (!f) {
        fprintf(stderr, "kiosk: font %s at %d px: %s\n", faces[face].file, size, TTF_GetError());
        return NULL;
    }
    r->fonts[r->n_fonts++] = (RenderFont){ face, size, f, 0, 0 };
    return f;
}

/* px a line needs above and below the baseline for a face at a size: the font's own
 * ascent and descent, but for the Arabic faces, their tallest letters' ink (measured
 * once a size); false if the font cannot be opened */
static bool render_font_box(Render *r, RenderFace face, int size, int *above, int *below)
{
    TTF_Font *f = render_face_font(r, face, size);
    if (!f)
        return false;
    RenderFont *rf = NULL;
    for (int i = 0; i < r->n_fonts; i++)
        if (r->fonts[i].font == f)
            rf = &r->fonts[i];
    assert(rf != NULL);         /* render_face_font just opened or found it */
    if (rf->above == 0) {
        rf->above = TTF_FontAscent(f), rf->below = TTF_FontHeight(f) - rf->above;
        SDL_Surface *s = NULL;
        if (face == FACE_ARABIC || face == FACE_ARABIC_BOLD) {
            TTF_SetFontDirection(f, TTF_DIRECTION_RTL);
            TTF_SetFontScriptName(f, "Arab");
            SDL_Color ink = { 255, 255, 255, 255 }, none = { 0, 0, 0, 255 };
            s = TTF_RenderUTF8_Shaded(f, render_arabic_extremes, ink, none);
        }
        int top = -1, bottom = -1;
        for (int y = 0; s && s->h == TTF_FontHeight(f) && y < s->h; y++)
            for (int x = 0; x < s->w; x++)
                if (((const uint8_t *)s->pixels)[y * s->pitch + x]) {
                    top = top < 0 ? y : top, bottom = y;
                    break;
                }
        if (top >= 0) {     /* a pixel of room beyond the ink */
            rf->above = rf->above - top + 1;
            rf->below = bottom - TTF_FontAscent(f) + 2;
        }
        SDL_FreeSurface(s);
    }
    *above = rf->above, *below = rf->below;
    return true;
}

/* the face a style's Latin, Greek and Cyrillic letters are drawn in */
static RenderFace render_main_face(int style)
{
    return (style & UI_STYLE_ICON) ? FACE_ICONS : (style & UI_STYLE_BOLD) ? FACE_BOLD : FACE_REGULAR;
}

static TTF_Font *render_font(Render *r, int style)
{
    return render_face_font(r, render_main_face(style), UI_STYLE_SIZE(style));
}

/* The faces a style's lines are tall enough for: its main face; the Arabic face's
 * letters in a right-to-left text; the Nastaliq face (about 2.5 em) in an Urdu one.
 * A line's ascent and height are the largest of theirs, so that every run sits on
 * one baseline and nothing is cut. */
static void render_line_box(Render *r, int style, int *ascent, int *height)
{
    bool bold = style & UI_STYLE_BOLD;
    RenderFace set[3] = { render_main_face(style), FACE_COUNT, FACE_COUNT };
    if (style & TEXT_STYLE_NASTALIQ)
        set[1] = bold ? FACE_NASTALIQ_BOLD : FACE_NASTALIQ;
    else if (style & TEXT_STYLE_RTL)
        set[1] = bold ? FACE_ARABIC_BOLD : FACE_ARABIC;
    int asc = 0, below = 0;
    for (int i = 0; i < 3; i++) {
        int a, b;
        if (set[i] == FACE_COUNT || !render_font_box(r, set[i], UI_STYLE_SIZE(style), &a, &b))
            continue;
        asc = a > asc ? a : asc;
        below = b > below ? b : below;
    }
    *ascent = asc;
    *height = asc + below > 0 ? asc + below : UI_STYLE_SIZE(style);
}

typedef struct PickCtx {
    Render *r;
    int style;
} PickCtx;

/* textrun's face choice (TextRunFaceFn): a digit, sign or mark stays in the run's face
 * when it has it; then the faces of the letter's script, the style's own first
 * (Nastaliq or not), then the Latin face, then the rest. A lazy face is read only
 * when the faces before it lack the letter. */
static int render_pick_face(void *ctx, uint32_t cp, const char *script, int current,
                            bool *found)
{
    PickCtx *p = ctx;
    int size = UI_STYLE_SIZE(p->style);
    bool bold = p->style & UI_STYLE_BOLD, nastaliq = p->style & TEXT_STYLE_NASTALIQ;
    bool common = strcmp(script, "Zyyy") == 0 || strcmp(script, "Zinh") == 0;
    int order[2 * FACE_COUNT], n = 0;      /* a face may come twice: tried once more */
    if (p->style & UI_STYLE_ICON)
        order[n++] = FACE_ICONS;
    if (current >= 0 && common)
        order[n++] = current;
    for (int pass = 0; pass < 2; pass++)      /* the style's own kind first */
        for (int f = 0; f < FACE_COUNT; f++)
            if (faces[f].script && strcmp(faces[f].script, script) == 0 &&
                faces[f].bold == bold && faces[f].nastaliq == (pass == 0 ? nastaliq : !nastaliq))
                order[n++] = f;
    order[n++] = bold ? FACE_BOLD : FACE_REGULAR;
    if (common)
        for (int f = 0; f < FACE_COUNT; f++)
            if (faces[f].script && strcmp(faces[f].script, "Zsym") != 0 && faces[f].bold == bold)
                order[n++] = f;
    for (int i = 0; i < n; i++) {
        TTF_Font *f = render_face_font(p->r, (RenderFace)order[i], size);
        if (f && TTF_GlyphIsProvided32(f, cp)) {
            *found = true;
            return order[i];
        }
    }
    *found = false;
    return current >= 0 ? current : order[0];
}

/* true when SDL_ttf can take the text whole: left to right in its paragraph, no
 * right-to-left letter nor bidi control, every glyph in the style's main face */
static bool render_is_simple(Render *r, const char *s, int len, int style)
{
    if (style & UI_STYLE_ICON)
        return true;
    if (style & TEXT_STYLE_RTL)
        return false;
    TTF_Font *f = NULL;
    for (int i = 0; i < len;) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        const char *p = s + i;
        uint32_t cp = text_utf8_next(&p);
        i = (int)(p - s);
        if ((cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) ||
            (cp >= 0xFE70 && cp <= 0xFEFF) || cp == 0x200E || cp == 0x200F ||
            (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))
            return false;
        if (!f && !(f = render_font(r, style)))
            return true;
        if (!TTF_GlyphIsProvided32(f, cp))
            return false;
    }
    return true;
}

/* the text's direction for textrun: 1 right to left, -1 left to right, 0 its own */
static int render_dir(int style)
{
    return (style & TEXT_STYLE_RTL) ? 1 : (style & TEXT_STYLE_LTR) ? -1 : 0;
}

/* a run's font, set to shape in the run's direction and script; NULL if it fails */
static TTF_Font *render_run_font(Render *r, const TextRun *run, int style)
{
    TTF_Font *f = render_face_font(r, (RenderFace)run->face, UI_STYLE_SIZE(style));
    if (f) {
        TTF_SetFontDirection(f, run->rtl ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
        TTF_SetFontScriptName(f, run->script);
    }
    return f;
}

/* the style's main font as a simple text wants it: left to right, no script (as SDL_ttf
 * opens it; a run may have set them) */
static TTF_Font *render_simple_font(Render *r, int style)
{
    TTF_Font *f = render_font(r, style);
    if (f) {
        TTF_SetFontDirection(f, TTF_DIRECTION_LTR);
        TTF_SetFontScriptName(f, "Zzzz");
    }
    return f;
}

/* the runs of s[0..len) in visual order into runs[0..max); their count (at most max);
 * the code points no face has are added to r->missing */
static int render_runs(Render *r, const char *s, int len, int style, TextRun *runs, int max)
{
    PickCtx ctx = { r, style };
    int missing = 0;
    int n = textrun_split(s, len, render_dir(style), render_pick_face, &ctx, runs, max, &missing);
    r->missing += missing;
    return n < max ? n : max;
}

/* s[0..len) as a NUL-terminated string in the scratch buffer */
static const char *render_cstr(Render *r, const char *s, size_t len)
{
    if (len >= sizeof r->scratch)
        len = sizeof r->scratch - 1;
    memcpy(r->scratch, s, len);
    r->scratch[len] = '\0';
    return r->scratch;
}

/* FNV-1a of a text and its style: the key of remembered widths and cached texts */
static uint64_t render_hash(const char *s, int len, int style)
{
    uint64_t h = 1469598103934665603ULL;
    for (int i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    return (h ^ (uint32_t)style) * 1099511628211ULL;
}

/* the width of a text in px, remembered */
static int render_measure(void *ctx, const char *s, size_t len, int style)
{
    Render *r = ctx;
    if (len == 0)
        return 0;
    uint64_t h = render_hash(s, (int)len, style);
    MeasureEntry *m = &r->measured[h % RENDER_MEASURE_SLOTS];
    if (m->hash == h && m->style == style)
        return m->width;
    int w = 0, ht = 0;
    if (render_is_simple(r, s, (int)len, style)) {
        TTF_Font *f = render_simple_font(r, style);
        if (!f)
            return 0;
        TTF_SizeUTF8(f, render_cstr(r, s, len), &w, &ht);
    } else {
        TextRun runs[RENDER_RUNS];
        int n = render_runs(r, s, (int)len, style, runs, RENDER_RUNS);
        for (int i = 0; i < n; i++) {
            TTF_Font *f = render_run_font(r, &runs[i], style);
            int rw = 0;
            if (f && runs[i].len > 0 &&
                TTF_SizeUTF8(f, render_cstr(r, s + runs[i].off, (size_t)runs[i].len), &rw, &ht) == 0)
                w += rw;
        }
    }
    *m = (MeasureEntry){ h, style, w };
    return w;
}

static int render_line_height(void *ctx, int style)
{
    Render *r = ctx;
    int ascent, height;
    if (style & UI_STYLE_ICON) {
        TTF_Font *f = render_font(r, style);
        return f ? TTF_FontHeight(f) : UI_STYLE_SIZE(style);
    }
    render_line_box(r, style, &ascent, &height);
    return height;
}

/* where the UI is drawn, for the window's size: the window's own surface when the
 * panel is upright and the window 32 bits deep; else a canvas */
static int render_canvas(Render *r)
{
    SDL_FreeSurface(r->canvas);
    SDL_FreeSurface(r->turned);
    r->canvas = r->turned = r->surf = NULL;
    SDL_Surface *ws = SDL_GetWindowSurface(r->win);
    if (!ws) {
        fprintf(stderr, "kiosk: cannot draw in the window: %s\n", SDL_GetError());
        return -1;
    }
    if ((r->rotation != 0 || ws->format->BytesPerPixel != 4) &&
        !(r->canvas = SDL_CreateRGBSurfaceWithFormat(0, r->w, r->h, 32, SDL_PIXELFORMAT_XRGB8888))) {
        fprintf(stderr, "kiosk: cannot draw in the window: %s\n", SDL_GetError());
        return -1;
    }
    return 0;
}

/* the surface of this frame, locked for drawing; NULL with a message if SDL fails */
static SDL_Surface *render_begin(Render *r)
{
    if (r->surf)
        return r->surf;
    r->surf = r->canvas ? r->canvas : SDL_GetWindowSurface(r->win);
    if (!r->surf)
        fprintf(stderr, "kiosk: cannot draw: %s\n", SDL_GetError());
    else if (SDL_MUSTLOCK(r->surf))
        SDL_LockSurface(r->surf);
    return r->surf;
}

/* the canvas turned by the rotation into dst (32-bit, the window's size), in tiles of
 * 64x64 pixels so that both sides stay in the cache */
static void render_turn(const Render *r, SDL_Surface *dst)
{
    const SDL_Surface *src = r->canvas;
    int dw = dst->w, dh = dst->h;
    for (int ty = 0; ty < src->h; ty += 64)
        for (int tx = 0; tx < src->w; tx += 64)
            for (int y = ty; y < ty + 64 && y < src->h; y++) {
                const uint32_t *row = (const uint32_t *)((const uint8_t *)src->pixels +
                                                         (size_t)y * (size_t)src->pitch);
                for (int x = tx; x < tx + 64 && x < src->w; x++) {
                    int px, py;     /* where the UI's (x, y) is on the panel */
                    switch (r->rotation) {
                    case 90: px = dw - 1 - y, py = x; break;
                    case 180: px = dw - 1 - x, py = dh - 1 - y; break;
                    default: px = y, py = dh - 1 - x; break;    /* 270 */
                    }
                    if (px >= 0 && px < dw && py >= 0 && py < dh)
                        ((uint32_t *)((uint8_t *)dst->pixels + (size_t)py * (size_t)dst->pitch))[px] = row[x];
                }
            }
}

Render *render_create(const RenderOptions *o)
{
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1");
    if (o->hidden && !SDL_getenv("SDL_VIDEODRIVER"))
        SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        fprintf(stderr, "kiosk: cannot start the display: %s\n", SDL_GetError());
        return NULL;
    }
    const char *driver = SDL_GetCurrentVideoDriver();
    if (driver && (strcmp(driver, "x11") == 0 || strcmp(driver, "offscreen") == 0 ||
                   strcmp(driver, "dummy") == 0))
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    if (TTF_Init() != 0) {
        fprintf(stderr, "kiosk: cannot start SDL_ttf: %s\n", TTF_GetError());
        SDL_Quit();
        return NULL;
    }
    Render *r = calloc(1, sizeof *r);
    if (!r)
        goto fail;
    r->rotation = o->rotation;
    r->touch[0] = r->touch[4] = 1.0f;
    char path[1200];
    share_find_dir(o->share_dir, r->share, sizeof r->share);
    for (int f = 0; f < FACE_COUNT; f++) {
        if (faces[f].lazy)
            continue;
        snprintf(path, sizeof path, "%s/fonts/%s", r->share, faces[f].file);
        if (!(r->face_data[f] = render_read_file(path, &r->face_size[f])))
            goto fail;
    }
    int w = o->width, h = o->height;
    Uint32 flags = o->hidden ? SDL_WINDOW_HIDDEN : SDL_WINDOW_SHOWN;
    if (!o->windowed && !o->hidden)
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    if (w <= 0 || h <= 0) {
        SDL_DisplayMode dm;
        if (SDL_GetDesktopDisplayMode(0, &dm) == 0)
            w = dm.w, h = dm.h;
        else
            w = 800, h = 480;
    }
    bool turned = o->rotation == 90 || o->rotation == 270;
    r->win = SDL_CreateWindow("Kiosk", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                              turned ? h : w, turned ? w : h, flags);
    if (!r->win) {
        fprintf(stderr, "kiosk: cannot open a window: %s\n", SDL_GetError());
        goto fail;
    }
    int ww, wh;
    SDL_GetWindowSizeInPixels(r->win, &ww, &wh);
    r->w = turned ? wh : ww, r->h = turned ? ww : wh;
    if (render_canvas(r) != 0)
        goto fail;
    if (!o->windowed)
        SDL_ShowCursor(SDL_DISABLE);
    r->metrics = (UiMetrics){ render_measure, render_line_height, r };
    r->can_wait = driver && (strcmp(driver, "x11") == 0 || strcmp(driver, "wayland") == 0);
    return r;
fail:
    render_destroy(r);
    return NULL;
}

static void render_cache_drop(Render *r, CacheEntry *e)
{
    if (!e->cov)
        return;
    free(e->cov);
    free(e->text);
    r->cache_bytes -= e->bytes;
    r->n_cache--;
    memset(e, 0, sizeof *e);
}

void render_destroy(Render *r)
{
    if (r) {
        for (int i = 0; i < RENDER_CACHE_MAX; i++)
            render_cache_drop(r, &r->cache[i]);
        for (int i = 0; i < r->n_fonts; i++)
            TTF_CloseFont(r->fonts[i].font);
        for (int f = 0; f < FACE_COUNT; f++)
            SDL_free(r->face_data[f]);
        SDL_FreeSurface(r->canvas);
        SDL_FreeSurface(r->turned);
        if (r->win)
            SDL_DestroyWindow(r->win);
        free(r);
    }
    TTF_Quit();
    SDL_Quit();
}

const UiMetrics *render_metrics(Render *r) { return &r->metrics; }

long render_missing_glyphs(const Render *r) { return r->missing; }

int render_text_missing(Render *r, const char *s, size_t len, int style)
{
    TextRun runs[RENDER_RUNS];
    long before = r->missing;
    if (len > 0 && !(style & UI_STYLE_ICON))
        render_runs(r, s, (int)len, style, runs, RENDER_RUNS);
    int n = (int)(r->missing - before);
    r->missing = before;
    return n;
}

int render_fonts_read(const Render *r, long *bytes)
{
    int n = 0;
    long b = 0;
    for (int f = 0; f < FACE_COUNT; f++)
        if (r->face_data[f])
            n++, b += (long)r->face_size[f];
    if (bytes)
        *bytes = b;
    return n;
}

void render_size(const Render *r, int *w, int *h)
{
    *w = r->w, *h = r->h;
}

/* the coded coverage kept: a quarter of a screen's pixels in bytes, which holds the
 * texts of two or three screens (the densest screen's take an eighth), so memory does
 * not grow with the screens visited; at most RENDER_CACHE_BYTES */
static long render_cache_limit(const Render *r)
{
    long quarter = (long)r->w * r->h / 4;
    return quarter < RENDER_CACHE_BYTES ? quarter : RENDER_CACHE_BYTES;
}

/* a free entry, evicting the least recently used one (not drawn this frame) when the
 * cache is full or too big; NULL when every entry is in use this frame */
static CacheEntry *render_cache_slot(Render *r)
{
    for (;;) {
        CacheEntry *free_e = NULL, *old = NULL;
        for (int i = 0; i < RENDER_CACHE_MAX; i++) {
            CacheEntry *e = &r->cache[i];
            if (!e->cov) {
                if (!free_e)
                    free_e = e;
            } else if (e->used != r->frame && (!old || e->used < old->used))
                old = e;
        }
        if (free_e && r->cache_bytes <= render_cache_limit(r))
            return free_e;
        if (!old)
            return free_e;
        render_cache_drop(r, old);
    }
}

/* Codes w*h coverage bytes (rows pitch apart) into out, or only counts the bytes when
 * out is NULL. Each row is pairs of runs: a byte of empty pixels (0..255), a byte n
 * of inked pixels (0..255), then those n coverage bytes; a row ends at its width. */
static size_t render_code(const uint8_t *px, int w, int h, int pitch, uint8_t *out)
{
    size_t n = 0;
    for (int y = 0; y < h; y++) {
        const uint8_t *row = px + (size_t)y * (size_t)pitch;
        for (int x = 0; x < w;) {
            int empty = 0, ink = 0;
            while (x < w && !row[x] && empty < 255)
                x++, empty++;
            while (x + ink < w && row[x + ink] && ink < 255)
                ink++;
            if (out) {
                out[n] = (uint8_t)empty, out[n + 1] = (uint8_t)ink;
                memcpy(out + n + 2, row + x, (size_t)ink);
            }
            n += 2 + (size_t)ink;
            x += ink;
        }
    }
    return n;
}

/* SDL_ttf's shaded text is 8-bit: each pixel's index is the glyphs' coverage */
static const SDL_Color render_ink = { 255, 255, 255, 255 }, render_none = { 0, 0, 0, 255 };

/* the coverage of a text SDL_ttf takes whole; NULL if it cannot */
static SDL_Surface *render_text_simple(Render *r, const char *s, int len, int style)
{
    TTF_Font *f = render_simple_font(r, style);
    return f ? TTF_RenderUTF8_Shaded(f, render_cstr(r, s, (size_t)len), render_ink, render_none)
             : NULL;
}

/* the rows a run's surface has above its font's ascent: SDL_ttf makes the surface
 * taller when a glyph rises above the ascent or falls below the descent, and says
 * not which; the letters' own boxes tell */
static int render_run_top(TTF_Font *f, const char *s, int len, int surface_h)
{
    int extra = surface_h - TTF_FontHeight(f), top = 0;
    if (extra <= 0)
        return 0;
    for (const char *p = s; p < s + len;) {
        int minx, maxx, miny, maxy, adv;
        uint32_t cp = text_utf8_next(&p);
        if (cp == 0)
            break;
        if (TTF_GlyphMetrics32(f, cp, &minx, &maxx, &miny, &maxy, &adv) == 0 &&
            maxy - TTF_FontAscent(f) > top)
            top = maxy - TTF_FontAscent(f);
    }
    return top < extra ? top : extra;
}

/* The coverage of a text of several runs: each shaped alone in its font, direction
 * and script, set left to right in visual order on the line's baseline, in a box as
 * tall as the style's lines (render_line_box; what sticks out is cut, as a line box's
 * neighbours would cover it). NULL if SDL fails. */
static SDL_Surface *render_text_runs(Render *r, const char *s, int len, int style)
{
    TextRun runs[RENDER_RUNS];
    SDL_Surface *part[RENDER_RUNS];
    int n = render_runs(r, s, len, style, runs, RENDER_RUNS), w = 0, ascent, height;
    render_line_box(r, style, &ascent, &height);
    for (int i = 0; i < n; i++) {
        TTF_Font *f = render_run_font(r, &runs[i], style);
        part[i] = f && runs[i].len > 0 ? TTF_RenderUTF8_Shaded(f, render_cstr(r, s + runs[i].off,
                                                               (size_t)runs[i].len),
                                                               render_ink, render_none) : NULL;
        w += part[i] ? part[i]->w : 0;   /* a run of format characters alone draws nothing */
    }
    SDL_Surface *out = SDL_CreateRGBSurfaceWithFormat(0, w > 0 ? w : 1, height, 8,
                                                      SDL_PIXELFORMAT_INDEX8);
    if (out)
        SDL_FillRect(out, NULL, 0);
    for (int i = 0, x = 0; i < n; i++) {
        SDL_Surface *p = part[i];
        if (!p)
            continue;
        TTF_Font *f = render_face_font(r, (RenderFace)runs[i].face, UI_STYLE_SIZE(style));
        int y0 = ascent - TTF_FontAscent(f) - render_run_top(f, s + runs[i].off, runs[i].len, p->h);
        for (int y = 0; out && y < p->h; y++) {
            if (y0 + y < 0 || y0 + y >= height)
                continue;
            const uint8_t *src = (const uint8_t *)p->pixels + (size_t)y * (size_t)p->pitch;
            uint8_t *dst = (uint8_t *)out->pixels + (size_t)(y0 + y) * (size_t)out->pitch + x;
            for (int k = 0; k < p->w; k++)  /* runs may touch: the darker coverage wins */
                dst[k] = src[k] > dst[k] ? src[k] : dst[k];
        }
        x += p->w;
        SDL_FreeSurface(p);
    }
    return out;
}

/* the coverage of a text, rasterised on first use; NULL if SDL_ttf cannot */
static CacheEntry *render_text(Render *r, const char *s, int len, int style)
{
    uint64_t h = render_hash(s, len, style);
    for (int i = 0; i < RENDER_CACHE_MAX; i++) {
        CacheEntry *e = &r->cache[i];
        if (e->cov && e->hash == h && e->style == style && e->len == len &&
            memcmp(e->text, s, (size_t)len) == 0) {
            e->used = r->frame;
            return e;
        }
    }
    CacheEntry *e = render_cache_slot(r);
    if (!e)
        return NULL;
    SDL_Surface *shaded = render_is_simple(r, s, len, style) ? render_text_simple(r, s, len, style)
                                                              : render_text_runs(r, s, len, style);
    if (!shaded)
        return NULL;
    size_t n = render_code(shaded->pixels, shaded->w, shaded->h, shaded->pitch, NULL);
    uint8_t *cov = malloc(n ? n : 1);  /* an empty text is still an entry */
    char *copy = malloc((size_t)len);
    if (!cov || !copy) {
        free(cov);
        free(copy);
        SDL_FreeSurface(shaded);
        return NULL;
    }
    render_code(shaded->pixels, shaded->w, shaded->h, shaded->pitch, cov);
    memcpy(copy, s, (size_t)len);
    *e = (CacheEntry){ h, style, copy, len, cov, shaded->w, shaded->h, (long)n, r->frame };
    r->n_cache++;
    r->cache_bytes += e->bytes;
    SDL_FreeSurface(shaded);
    return e;
}

/* the surface's pixels for coverage 0..255 of fg over bg, blended as SDL_ttf blends
 * its shaded palette; kept for the few colour pairs the theme uses */
static const uint32_t *render_lut(Render *r, const SDL_PixelFormat *fmt, uint32_t fg,
                                  uint32_t bg)
{
    for (int i = 0; i < RENDER_LUTS; i++) {
        ColorLut *l = &r->luts[i];
        if (l->format == fmt->format && l->fg == fg && l->bg == bg)
            return l->px;
    }
    ColorLut *l = &r->luts[r->next_lut];
    r->next_lut = (r->next_lut + 1) % RENDER_LUTS;
    l->fg = fg, l->bg = bg, l->format = fmt->format;
    int fc[3] = { (int)(fg >> 16) & 255, (int)(fg >> 8) & 255, (int)fg & 255 };
    int bc[3] = { (int)(bg >> 16) & 255, (int)(bg >> 8) & 255, (int)bg & 255 };
    for (int i = 0; i < 256; i++) {
        int c[3];
        for (int k = 0; k < 3; k++)
            c[k] = bc[k] + (i * (fc[k] - bc[k])) / 255;
        l->px[i] = SDL_MapRGB(fmt, (Uint8)c[0], (Uint8)c[1], (Uint8)c[2]);
    }
    return l->px;
}

/* a text's w columns from column skip on at x, y, within the surface's clip rectangle:
 * each row's runs decoded straight onto the surface, the empty ones as the background */
static void render_blit(Render *r, SDL_Surface *s, const CacheEntry *e, int x, int y,
                        int skip, int w, uint32_t fg, uint32_t bg)
{
    SDL_Rect box = { x, y, w, e->h }, vis;
    if (!SDL_IntersectRect(&box, &s->clip_rect, &vis))
        return;
    const uint32_t *lut = render_lut(r, s->format, fg, bg);
    int from = vis.x - x + skip, to = from + vis.w;   /* the columns shown */
    const uint8_t *p = e->cov;
    for (int row = 0; row < vis.y - y + vis.h; row++) {
        uint32_t *dst = (uint32_t *)((uint8_t *)s->pixels + (size_t)(y + row) * (size_t)s->pitch) + x - skip;
        bool shown = row >= vis.y - y;
        for (int col = 0; col < e->w;) {
            int empty = p[0], ink = p[1];
            const uint8_t *cov = p + 2;
            p += 2 + ink;
            if (!shown) {
                col += empty + ink;
                continue;
            }
            int a = col > from ? col : from, b = col + empty < to ? col + empty : to;
            for (int i = a; i < b; i++)
                dst[i] = lut[0];
            col += empty;
            a = col > from ? col : from, b = col + ink < to ? col + ink : to;
            for (int i = a; i < b; i++)
                dst[i] = lut[cov[i - col]];
            col += ink;
        }
    }
}

static Uint32 render_color(const SDL_Surface *s, uint32_t c)
{
    return SDL_MapRGB(s->format, (Uint8)(c >> 16), (Uint8)(c >> 8), (Uint8)c);
}

/* a QR code: the light square with its quiet zone, then the dark modules in runs */
static void render_qr(SDL_Surface *s, const UiCmd *c, int dy)
{
    SDL_Rect q = { c->x, c->y + dy, c->w, c->h };
    SDL_FillRect(s, &q, render_color(s, c->bg));
    Uint32 dark = render_color(s, c->color);
    const QrMatrix *m = c->qr;
    int x0 = c->x + 4 * c->module, y0 = c->y + dy + 4 * c->module;
    for (int j = 0; j < m->width; j++)
        for (int i = 0; i < m->width;) {
            if (!m->dark[j * m->width + i]) {
                i++;
                continue;
            }
            int run = 1;
            while (i + run < m->width && m->dark[j * m->width + i + run])
                run++;
            SDL_Rect px = { x0 + i * c->module, y0 + j * c->module, run * c->module, c->module };
            SDL_FillRect(s, &px, dark);
            i += run;
        }
}

void render_draw(Render *r, const UiCmd *cmds, int n)
{
    r->frame++;
    for (int i = 0; i < RENDER_CACHE_MAX; i++)
        if (r->cache[i].cov && r->frame - r->cache[i].used > RENDER_CACHE_AGE)
            render_cache_drop(r, &r->cache[i]);
    SDL_Surface *s = render_begin(r);
    if (!s)
        return;
    SDL_Rect clip = { 0, 0, 0, 0 };
    int dy = 0;
    SDL_SetClipRect(s, NULL);
    for (int i = 0; i < n; i++) {
        const UiCmd *c = &cmds[i];
        if (c->kind == UI_CLIP) {
            clip = (SDL_Rect){ c->x, c->y, c->w, c->h };
            SDL_SetClipRect(s, clip.w > 0 ? &clip : NULL);
            dy = clip.w > 0 ? -c->scroll : 0;
            continue;
        }
        if (clip.w > 0 && (c->y + dy >= clip.y + clip.h || c->y + c->h + dy <= clip.y))
            continue;   /* outside the clip */
        switch (c->kind) {
        case UI_RECT: {
            SDL_Rect rc = { c->x, c->y + dy, c->w, c->h };
            SDL_FillRect(s, &rc, render_color(s, c->color));
            break;
        }
        case UI_TEXT: {
            CacheEntry *e = render_text(r, c->text, c->len, c->style);
            int w = e && e->w < c->w ? e->w : c->w;     /* never past its box */
            /* a right-to-left text too wide for its box shows where it is read from */
            int skip = e && (c->style & TEXT_STYLE_RTL) ? e->w - w : 0;
            if (e)
                render_blit(r, s, e, c->x, c->y + dy, skip, w, c->color, c->bg);
            break;
        }
        case UI_QR:
            render_qr(s, c, dy);
            break;
        case UI_CLIP:
            break;
        }
    }
    SDL_SetClipRect(s, NULL);
}

void render_present(Render *r)
{
    SDL_Surface *s = r->surf;
    if (!s)
        return;
    if (SDL_MUSTLOCK(s))
        SDL_UnlockSurface(s);
    r->surf = NULL;
    SDL_Surface *ws = r->canvas ? SDL_GetWindowSurface(r->win) : NULL;
    if (ws && r->rotation == 0)
        SDL_BlitSurface(r->canvas, NULL, ws, NULL);     /* SDL converts the depth */
    else if (ws) {
        bool direct = ws->format->format == r->canvas->format->format;
        if (!direct && !r->turned)
            r->turned = SDL_CreateRGBSurfaceWithFormat(0, ws->w, ws->h, 32,
                                                       SDL_PIXELFORMAT_XRGB8888);
        SDL_Surface *to = direct ? ws : r->turned;
        if (to && SDL_LockSurface(to) == 0) {
            render_turn(r, to);
            SDL_UnlockSurface(to);
        }
        if (!direct && r->turned)
            SDL_BlitSurface(r->turned, NULL, ws, NULL);
    }
    SDL_UpdateWindowSurface(r->win);
}

int render_screenshot(Render *r, const char *path)
{
    SDL_Surface *drawn = render_begin(r);
    SDL_Surface *s = drawn ? SDL_ConvertSurfaceFormat(drawn, SDL_PIXELFORMAT_ARGB8888, 0) : NULL;
    if (!s) {
        fprintf(stderr, "kiosk: screenshot: %s\n", SDL_GetError());
        return -1;
    }
    size_t n = strlen(path);
    int rc = n > 4 && strcmp(path + n - 4, ".bmp") == 0 ? SDL_SaveBMP(s, path) : IMG_SavePNG(s, path);
    if (rc != 0)
        fprintf(stderr, "kiosk: cannot write %s: %s\n", path, SDL_GetError());
    SDL_FreeSurface(s);
    return rc == 0 ? 0 : -1;
}

/* a point on the panel (0..1) to the UI's pixels, undoing the rotation */
static void render_unrotate(const Render *r, float px, float py, int *x, int *y)
{
    float ux = px, uy = py;
    switch (r->rotation) {
    case 90: ux = py, uy = 1.0f - px; break;
    case 180: ux = 1.0f - px, uy = 1.0f - py; break;
    case 270: ux = 1.0f - py, uy = px; break;
    default: break;
    }
    if (ux < 0) ux = 0;
    if (ux > 1) ux = 1;
    if (uy < 0) uy = 0;
    if (uy > 1) uy = 1;
    *x = (int)(ux * (float)(r->w - 1) + 0.5f);
    *y = (int)(uy * (float)(r->h - 1) + 0.5f);
}

void render_map_touch(const Render *r, float nx, float ny, int *x, int *y)
{
    const float *m = r->touch;
    float cx = m[0] * nx + m[1] * ny + m[2];
    float cy = m[3] * nx + m[4] * ny + m[5];
    render_unrotate(r, cx, cy, x, y);
}

void render_map_mouse(const Render *r, int wx, int wy, int *x, int *y)
{
    int ww, wh;
    SDL_GetWindowSize(r->win, &ww, &wh);
    render_unrotate(r, ww > 1 ? (float)wx / (float)(ww - 1) : 0,
                    wh > 1 ? (float)wy / (float)(wh - 1) : 0, x, y);
}

void render_cache_stats(const Render *r, int *entries, long *bytes)
{
    *entries = r->n_cache, *bytes = r->cache_bytes;
}

void render_set_touch_matrix(Render *r, const float m[6])
{
    memcpy(r->touch, m, sizeof r->touch);
}

/* what a key of a keypad or keyboard does; UI_KEY_NONE for every other key. Keypads
 * for kiosks present themselves as a USB keyboard: arrows, Enter, Backspace or
 * Escape for Back, F1 or '?' for Help, and the media volume keys or + and -. */
static UiKey render_key(SDL_Keycode k)
{
    switch (k) {
    case SDLK_UP:           return UI_KEY_UP;
    case SDLK_DOWN:         return UI_KEY_DOWN;
    case SDLK_LEFT:         return UI_KEY_LEFT;
    case SDLK_RIGHT:        return UI_KEY_RIGHT;
    case SDLK_RETURN: case SDLK_KP_ENTER: case SDLK_SELECT: case SDLK_SPACE:
        return UI_KEY_ENTER;
    case SDLK_ESCAPE: case SDLK_BACKSPACE: case SDLK_AC_BACK:
        return UI_KEY_BACK;
    case SDLK_F1: case SDLK_HELP: case SDLK_QUESTION: case SDLK_SLASH:
        return UI_KEY_HELP;
    case SDLK_VOLUMEUP: case SDLK_PLUS: case SDLK_KP_PLUS: case SDLK_EQUALS:
        return UI_KEY_VOLUME_UP;
    case SDLK_VOLUMEDOWN: case SDLK_MINUS: case SDLK_KP_MINUS:
        return UI_KEY_VOLUME_DOWN;
    default:                return UI_KEY_NONE;
    }
}

int render_next_event(Render *r, RenderEvent *e)
{
    SDL_Event ev;
    while (SDL_PollEvent(&ev)) {
        memset(e, 0, sizeof *e);
        e->ms = ev.common.timestamp;
        switch (ev.type) {
        case SDL_QUIT:
            e->kind = RENDER_QUIT;
            return 1;
        case SDL_FINGERDOWN:
        case SDL_FINGERMOTION:
        case SDL_FINGERUP:
            e->kind = ev.type == SDL_FINGERDOWN ? RENDER_PRESS
                    : ev.type == SDL_FINGERUP ? RENDER_RELEASE : RENDER_DRAG;
            render_map_touch(r, ev.tfinger.x, ev.tfinger.y, &e->x, &e->y);
            return 1;
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
            if (ev.button.which == SDL_TOUCH_MOUSEID || ev.button.button != SDL_BUTTON_LEFT)
                continue;   /* SDL made it from a touch we already had */
            e->kind = ev.type == SDL_MOUSEBUTTONDOWN ? RENDER_PRESS : RENDER_RELEASE;
            render_map_mouse(r, ev.button.x, ev.button.y, &e->x, &e->y);
            return 1;
        case SDL_MOUSEMOTION:
            if (ev.motion.which == SDL_TOUCH_MOUSEID || !(ev.motion.state & SDL_BUTTON_LMASK))
                continue;
            e->kind = RENDER_DRAG;
            render_map_mouse(r, ev.motion.x, ev.motion.y, &e->x, &e->y);
            return 1;
        case SDL_WINDOWEVENT:
            if (ev.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
                int ww, wh;
                SDL_GetWindowSizeInPixels(r->win, &ww, &wh);
                bool turned = r->rotation == 90 || r->rotation == 270;
                int w = turned ? wh : ww, h = turned ? ww : wh;
                if (w == r->w && h == r->h)
                    continue;
                r->w = w, r->h = h;
                render_present(r);      /* lets go of the old size's surface */
                render_canvas(r);
                e->kind = RENDER_RESIZE, e->x = w, e->y = h;
                return 1;
            }
            if (ev.window.event == SDL_WINDOWEVENT_EXPOSED) {
                e->kind = RENDER_RESIZE, e->x = r->w, e->y = r->h;
                return 1;
            }
            continue;
        case SDL_KEYDOWN:
            if ((e->key = render_key(ev.key.keysym.sym)) == UI_KEY_NONE)
                continue;
            e->kind = RENDER_KEY;
            return 1;
        default:
            continue;
        }
    }
    return 0;
}

bool render_wait(Render *r, int timeout_ms)
{
    if (!r->can_wait)
        return false;
    /* SDL's X11 wait sleeps through signals: wake each second to see a SIGTERM */
    SDL_WaitEventTimeout(NULL, timeout_ms < 1000 ? timeout_ms : 1000);
    return true;
}

bool render_can_wait(const Render *r) { return r->can_wait; }
unsigned render_ticks(void) { return SDL_GetTicks(); }
