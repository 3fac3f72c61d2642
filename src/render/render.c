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
 * window. */
#include "render/render.h"
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Unhinted outlines: at the kiosk's sizes (16 px and up) they look the same as light
 * hinting, and FreeType's auto-hinter, which light hinting runs, keeps data for every
 * font at every size (0.3 MiB more after all the screens, 0.5 MiB more at start-up) */
#define HINTING TTF_HINTING_NONE
#define RENDER_MAX_FONTS   24
#define RENDER_CACHE_MAX   1024         /* entries kept; the least recently used go */
#define RENDER_CACHE_BYTES (8L << 20)   /* coded coverage bytes kept, at most */
#define RENDER_CACHE_AGE   256          /* frames a text stays unused before it goes: the
                                           past minutes of the clock do not pile up */

#define RENDER_MEASURE_SLOTS 8192      /* remembered text widths: layout measures the
                                           same words and lines on every frame */
typedef struct MeasureEntry {
    uint64_t hash;              /* of the text, its length and style; 0: empty. No copy is
                                   kept: 64 bits tell a few thousand texts apart */
    int style, width;
} MeasureEntry;

typedef enum { FACE_REGULAR, FACE_BOLD, FACE_ICONS, FACE_COUNT } RenderFace;

static const char *const face_files[FACE_COUNT] = {
    "NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "MaterialIcons-Regular.ttf",
};

typedef struct RenderFont {
    RenderFace face;
    int size;
    TTF_Font *font;
} RenderFont;

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
    void *face_data[FACE_COUNT];
    size_t face_size[FACE_COUNT];
    RenderFont fonts[RENDER_MAX_FONTS];
    int n_fonts;
    CacheEntry cache[RENDER_CACHE_MAX];  /* searched by hash: a frame has a few hundred texts */
    int n_cache;
    long cache_bytes;
    ColorLut luts[RENDER_LUTS];
    int next_lut;
    uint64_t frame;
    UiMetrics metrics;
    char share[1024];
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

/* the font of a face at a size, opened on first use from the bytes in memory; NULL
 * only if SDL_ttf fails (then the text is not drawn) */
static TTF_Font *render_font(Render *r, int style)
{
    RenderFace face = (style & UI_STYLE_ICON) ? FACE_ICONS
                    : (style & UI_STYLE_BOLD) ? FACE_BOLD : FACE_REGULAR;
    int size = UI_STYLE_SIZE(style);
    for (int i = 0; i < r->n_fonts; i++)
        if (r->fonts[i].face == face && r->fonts[i].size == size)
            return r->fonts[i].font;
    if (r->n_fonts == RENDER_MAX_FONTS) {   /* a new window size: start again */
        for (int i = 0; i < r->n_fonts; i++)
            TTF_CloseFont(r->fonts[i].font);
        r->n_fonts = 0;
    }
    SDL_RWops *rw = SDL_RWFromConstMem(r->face_data[face], (int)r->face_size[face]);
    TTF_Font *f = rw ? TTF_OpenFontRW(rw, 1, size) : NULL;
    if (f)
        TTF_SetFontHinting(f, HINTING);
    if (!f) {
        fprintf(stderr, "kiosk: font %s at %d px: %s\n", face_files[face], size, TTF_GetError());
        return NULL;
    }
    r->fonts[r->n_fonts++] = (RenderFont){ face, size, f };
    return f;
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
    TTF_Font *f = render_font(r, style);
    int w = 0, ht = 0;
    if (!f)
        return 0;
    TTF_SizeUTF8(f, render_cstr(r, s, len), &w, &ht);
    *m = (MeasureEntry){ h, style, w };
    return w;
}

static int render_line_height(void *ctx, int style)
{
    Render *r = ctx;
    TTF_Font *f = render_font(r, style);
    return f ? TTF_FontHeight(f) : UI_STYLE_SIZE(style);
}

/* the share directory: --share, else the folder above the binary when it holds
 * fonts/ (a build tree), else the installed /usr/share/kiosk */
static void render_find_share(const char *given, char *out, size_t n)
{
    if (given) {
        snprintf(out, n, "%s", given);
        return;
    }
    char *base = SDL_GetBasePath();
    if (base) {
        snprintf(out, n, "%s../fonts/%s", base, face_files[0]);
        FILE *f = fopen(out, "rb");
        if (f) {
            fclose(f);
            snprintf(out, n, "%s..", base);
            SDL_free(base);
            return;
        }
        SDL_free(base);
    }
    snprintf(out, n, "/usr/share/kiosk");
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
    render_find_share(o->share_dir, r->share, sizeof r->share);
    for (int f = 0; f < FACE_COUNT; f++) {
        snprintf(path, sizeof path, "%s/fonts/%s", r->share, face_files[f]);
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
    TTF_Font *f = render_font(r, style);
    if (!f)
        return NULL;
    /* SDL_ttf's shaded text is 8-bit: each pixel's index is the glyphs' coverage */
    SDL_Color ink = { 255, 255, 255, 255 }, none = { 0, 0, 0, 255 };
    SDL_Surface *shaded = TTF_RenderUTF8_Shaded(f, render_cstr(r, s, (size_t)len), ink, none);
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

/* a text's first w columns at x, y, within the surface's clip rectangle: each row's runs
 * decoded straight onto the surface, the empty ones as the background */
static void render_blit(Render *r, SDL_Surface *s, const CacheEntry *e, int x, int y, int w,
                        uint32_t fg, uint32_t bg)
{
    SDL_Rect box = { x, y, w, e->h }, vis;
    if (!SDL_IntersectRect(&box, &s->clip_rect, &vis))
        return;
    const uint32_t *lut = render_lut(r, s->format, fg, bg);
    int from = vis.x - x, to = from + vis.w;   /* the columns shown */
    const uint8_t *p = e->cov;
    for (int row = 0; row < vis.y - y + vis.h; row++) {
        uint32_t *dst = (uint32_t *)((uint8_t *)s->pixels + (size_t)(y + row) * (size_t)s->pitch) + x;
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
            if (e)  /* never past its box */
                render_blit(r, s, e, c->x, c->y + dy, e->w < c->w ? e->w : c->w, c->color, c->bg);
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
            e->kind = RENDER_KEY, e->key = ev.key.keysym.sym;
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
const char *render_share_dir(const Render *r) { return r->share; }
