/* render_draw.c - the UI's command list drawn onto the frame's surface: rectangles,
 * texts from the cache (render_text.c) decoded straight onto the surface through a
 * colour table, QR codes, clipping and scrolling; and screenshots of it. */
#include "render/render_private.h"
#include "core/text.h"
#include <SDL.h>
#include <SDL_image.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

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
