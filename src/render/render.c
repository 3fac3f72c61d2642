/* render.c - SDL: the window, the fonts at each size, a bounded cache of rasterised
 * texts (a text is rasterised once per string, style and colour, not every frame),
 * drawing the UI's command list, rotation, and screenshots. The software renderer is
 * used everywhere: with SDL_HINT_FRAMEBUFFER_ACCELERATION "0" SDL does not probe
 * OpenGL (110 MiB instead of 22 MiB). */
#include "render/render.h"
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef HINTING
#define HINTING TTF_HINTING_LIGHT
#endif
#define RENDER_MAX_FONTS   24
#define RENDER_CACHE_MAX   1024         /* entries kept; the least recently used go */
#define RENDER_CACHE_BYTES (24L << 20)  /* texture bytes kept */
#define RENDER_CACHE_AGE   256          /* frames a text stays unused before it goes: the
                                           past minutes of the clock do not pile up */

#define RENDER_MEASURE_SLOTS 4096      /* remembered text widths: layout measures the */
#define RENDER_MEASURE_LEN   56         /* same words on every screen change */

typedef enum { FACE_REGULAR, FACE_BOLD, FACE_ICONS, FACE_COUNT } RenderFace;

typedef struct MeasureEntry {
    int style, width, len;      /* len 0: empty slot */
    char text[RENDER_MEASURE_LEN];
} MeasureEntry;

#define RENDER_MEASURE_LONG 2048        /* longer texts: 16 bytes each, no copy kept */
typedef struct LongMeasure {
    uint64_t hash;
    int len, style, width;
} LongMeasure;

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
    uint32_t color;
    char *text;
    int len;
    SDL_Texture *tex;
    int w, h;
    long bytes;                 /* of the texture's pixels */
    uint64_t used;              /* frame of last use */
} CacheEntry;

struct Render {
    SDL_Window *win;
    SDL_Renderer *ren;
    SDL_Texture *target;        /* rotation: the UI is drawn here, then turned */
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
    uint64_t frame;
    UiMetrics metrics;
    char share[1024];
    bool can_wait;
    char scratch[4096];
    MeasureEntry measured[RENDER_MEASURE_SLOTS];   /* direct-mapped by a hash */
    LongMeasure measured_long[RENDER_MEASURE_LONG];
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

static uint64_t render_hash(const char *s, int len, int style, uint32_t color);

/* the width of a text in px, remembered for short texts (words, labels) */
static int render_measure(void *ctx, const char *s, size_t len, int style)
{
    Render *r = ctx;
    MeasureEntry *m = NULL;
    LongMeasure *lm = NULL;
    uint64_t h64 = 0;
    if (len > 0 && len <= RENDER_MEASURE_LEN) {
        m = &r->measured[render_hash(s, (int)len, style, 0) % RENDER_MEASURE_SLOTS];
        if (m->len == (int)len && m->style == style && memcmp(m->text, s, len) == 0)
            return m->width;
    } else if (len > 0) {   /* whole lines of a paragraph: known by their 64-bit hash */
        h64 = render_hash(s, (int)len, style, 0);
        lm = &r->measured_long[h64 % RENDER_MEASURE_LONG];
        if (lm->hash == h64 && lm->len == (int)len && lm->style == style)
            return lm->width;
    }
    TTF_Font *f = render_font(r, style);
    int w = 0, h = 0;
    if (!f || len == 0)
        return 0;
    TTF_SizeUTF8(f, render_cstr(r, s, len), &w, &h);
    if (m) {
        m->style = style, m->width = w, m->len = (int)len;
        memcpy(m->text, s, len);
    } else if (lm)
        *lm = (LongMeasure){ h64, (int)len, style, w };
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

Render *render_create(const RenderOptions *o)
{
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1");
    if (o->hidden && !SDL_getenv("SDL_VIDEODRIVER"))
        SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        fprintf(stderr, "kiosk: cannot start the display: %s\n", SDL_GetError());
        return NULL;
    }
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
    r->ren = SDL_CreateRenderer(r->win, -1, SDL_RENDERER_SOFTWARE);
    if (!r->ren) {
        fprintf(stderr, "kiosk: cannot create the renderer: %s\n", SDL_GetError());
        goto fail;
    }
    int ww, wh;
    SDL_GetRendererOutputSize(r->ren, &ww, &wh);
    r->w = turned ? wh : ww, r->h = turned ? ww : wh;
    if (o->rotation != 0) {
        r->target = SDL_CreateTexture(r->ren, SDL_PIXELFORMAT_ARGB8888,
                                      SDL_TEXTUREACCESS_TARGET, r->w, r->h);
        if (!r->target) {
            fprintf(stderr, "kiosk: cannot rotate the display: %s\n", SDL_GetError());
            goto fail;
        }
    }
    if (!o->windowed)
        SDL_ShowCursor(SDL_DISABLE);
    r->metrics = (UiMetrics){ render_measure, render_line_height, r };
    const char *driver = SDL_GetCurrentVideoDriver();
    r->can_wait = driver && (strcmp(driver, "x11") == 0 || strcmp(driver, "wayland") == 0);
    return r;
fail:
    render_destroy(r);
    return NULL;
}

static void render_cache_drop(Render *r, CacheEntry *e)
{
    if (!e->tex)
        return;
    SDL_DestroyTexture(e->tex);
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
        if (r->target)
            SDL_DestroyTexture(r->target);
        if (r->ren)
            SDL_DestroyRenderer(r->ren);
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

static uint64_t render_hash(const char *s, int len, int style, uint32_t color)
{
    uint64_t h = 1469598103934665603ULL;
    for (int i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    h = (h ^ (uint32_t)style) * 1099511628211ULL;
    return (h ^ color) * 1099511628211ULL;
}

/* the texture bytes kept: a screen's worth of 16-bit pixels (the texts of about four
 * screens), so memory does not grow with the screens visited; at most
 * RENDER_CACHE_BYTES */
static long render_cache_limit(const Render *r)
{
    long screen = (long)r->w * r->h * 2;
    return screen < RENDER_CACHE_BYTES ? screen : RENDER_CACHE_BYTES;
}

/* a free entry, evicting the least recently used one (not drawn this frame) when the
 * cache is full or too big; NULL when every entry is in use this frame */
static CacheEntry *render_cache_slot(Render *r)
{
    for (;;) {
        CacheEntry *free_e = NULL, *old = NULL;
        for (int i = 0; i < RENDER_CACHE_MAX; i++) {
            CacheEntry *e = &r->cache[i];
            if (!e->tex) {
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

/* the texture of a text, rasterised on first use; NULL if SDL_ttf cannot */
static CacheEntry *render_text(Render *r, const char *s, int len, int style, uint32_t color,
                               uint32_t bg)
{
    /* the background is part of the key: a text is rasterised onto it, opaque, so
     * drawing it is a plain copy instead of a blend of every pixel */
    uint64_t h = render_hash(s, len, style, color) ^ ((uint64_t)bg << 32);
    for (int i = 0; i < RENDER_CACHE_MAX; i++) {
        CacheEntry *e = &r->cache[i];
        if (e->tex && e->hash == h && e->style == style && e->color == color &&
            e->len == len && memcmp(e->text, s, (size_t)len) == 0) {
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
    SDL_Color c = { (Uint8)(color >> 16), (Uint8)(color >> 8), (Uint8)color, 255 };
    SDL_Color b = { (Uint8)(bg >> 16), (Uint8)(bg >> 8), (Uint8)bg, 255 };
    SDL_Surface *shaded = TTF_RenderUTF8_Shaded(f, render_cstr(r, s, (size_t)len), c, b);
    /* kept as 16-bit RGB565: half the memory of 32 bits, and the theme's colours are
     * all exact in it (tests/test_theme.c) */
    SDL_Surface *surf = shaded ? SDL_ConvertSurfaceFormat(shaded, SDL_PIXELFORMAT_RGB565, 0) : NULL;
    SDL_FreeSurface(shaded);
    if (!surf)
        return NULL;
    SDL_Texture *tex = SDL_CreateTextureFromSurface(r->ren, surf);
    if (tex)
        SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_NONE);
    char *copy = malloc((size_t)len);
    if (!tex || !copy) {
        if (tex)
            SDL_DestroyTexture(tex);
        free(copy);
        SDL_FreeSurface(surf);
        return NULL;
    }
    memcpy(copy, s, (size_t)len);
    *e = (CacheEntry){ h, style, color, copy, len, tex, surf->w, surf->h,
                       (long)surf->pitch * surf->h, r->frame };
    r->n_cache++;
    r->cache_bytes += e->bytes;
    SDL_FreeSurface(surf);
    return e;
}

static void render_color(Render *r, uint32_t c)
{
    SDL_SetRenderDrawColor(r->ren, (Uint8)(c >> 16), (Uint8)(c >> 8), (Uint8)c, 255);
}

/* a QR code: the light square with its quiet zone, then the dark modules in runs */
static void render_qr(Render *r, const UiCmd *c, int dy)
{
    render_color(r, c->bg);
    SDL_Rect q = { c->x, c->y + dy, c->w, c->h };
    SDL_RenderFillRect(r->ren, &q);
    render_color(r, c->color);
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
            SDL_RenderFillRect(r->ren, &px);
            i += run;
        }
}

void render_draw(Render *r, const UiCmd *cmds, int n, int bx, int by, int bw, int bh,
                 int scroll)
{
    r->frame++;
    for (int i = 0; i < RENDER_CACHE_MAX; i++)
        if (r->cache[i].tex && r->frame - r->cache[i].used > RENDER_CACHE_AGE)
            render_cache_drop(r, &r->cache[i]);
    if (r->target)
        SDL_SetRenderTarget(r->ren, r->target);
    SDL_Rect body = { bx, by, bw, bh };
    bool clipped = false;
    for (int i = 0; i < n; i++) {
        const UiCmd *c = &cmds[i];
        int dy = c->scrolls ? -scroll : 0;
        if (c->scrolls != clipped) {
            SDL_RenderSetClipRect(r->ren, c->scrolls ? &body : NULL);
            clipped = c->scrolls;
        }
        if (c->scrolls && (c->y + dy >= by + bh || c->y + c->h + dy <= by))
            continue;   /* outside the body */
        switch (c->kind) {
        case UI_RECT: {
            SDL_Rect rc = { c->x, c->y + dy, c->w, c->h };
            render_color(r, c->color);
            SDL_RenderFillRect(r->ren, &rc);
            break;
        }
        case UI_TEXT: {
            CacheEntry *e = render_text(r, c->text, c->len, c->style, c->color, c->bg);
            if (!e)
                break;
            int w = e->w < c->w ? e->w : c->w;  /* never past its box */
            SDL_Rect src = { 0, 0, w, e->h }, dst = { c->x, c->y + dy, w, e->h };
            SDL_RenderCopy(r->ren, e->tex, &src, &dst);
            break;
        }
        case UI_QR:
            render_qr(r, c, dy);
            break;
        }
    }
    SDL_RenderSetClipRect(r->ren, NULL);
    /* a scroll bar when the body holds more than it shows */
    (void)0;
}

void render_present(Render *r)
{
    if (r->target) {
        SDL_SetRenderTarget(r->ren, NULL);
        int ww, wh;
        SDL_GetRendererOutputSize(r->ren, &ww, &wh);
        SDL_Rect dst = { (ww - r->w) / 2, (wh - r->h) / 2, r->w, r->h };
        SDL_RenderCopyEx(r->ren, r->target, NULL, &dst, r->rotation, NULL, SDL_FLIP_NONE);
    }
    SDL_RenderPresent(r->ren);
}

int render_screenshot(Render *r, const char *path)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, r->w, r->h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s) {
        fprintf(stderr, "kiosk: screenshot: %s\n", SDL_GetError());
        return -1;
    }
    int rc = SDL_RenderReadPixels(r->ren, NULL, SDL_PIXELFORMAT_ARGB8888, s->pixels, s->pitch);
    if (rc == 0) {
        size_t n = strlen(path);
        if (n > 4 && strcmp(path + n - 4, ".bmp") == 0)
            rc = SDL_SaveBMP(s, path);
        else
            rc = IMG_SavePNG(s, path);
    }
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
    SDL_GetRendererOutputSize(r->ren, &ww, &wh);
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
                SDL_GetRendererOutputSize(r->ren, &ww, &wh);
                bool turned = r->rotation == 90 || r->rotation == 270;
                int w = turned ? wh : ww, h = turned ? ww : wh;
                if (w == r->w && h == r->h)
                    continue;
                r->w = w, r->h = h;
                if (r->target) {
                    SDL_DestroyTexture(r->target);
                    r->target = SDL_CreateTexture(r->ren, SDL_PIXELFORMAT_ARGB8888,
                                                  SDL_TEXTUREACCESS_TARGET, w, h);
                }
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
