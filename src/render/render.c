/* render.c - SDL: the window, the canvas a turned panel is drawn in, presenting a
 * frame, rotation, and the events and touch points it maps to the UI. The fonts and
 * texts are in render_text.c, drawing the command list in render_draw.c.
 *
 * Everything is drawn in software into the window's surface. Where the video driver
 * has a framebuffer of its own (X11, offscreen), SDL_HINT_FRAMEBUFFER_ACCELERATION "0"
 * keeps SDL from probing OpenGL (110 MiB instead of 22 MiB); KMSDRM (the Pi) and
 * Wayland have none, and SDL shows the surface through a GPU texture. When the panel
 * is turned, or the window is not 32 bits deep, the UI is drawn into a canvas that is
 * turned or converted onto the window. */
#include "render/render_private.h"
#include "core/share.h"
#include <SDL.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
SDL_Surface *render_begin(Render *r)
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
        if (render_faces[f].lazy)
            continue;
        snprintf(path, sizeof path, "%s/fonts/%s", r->share, render_faces[f].file);
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

void render_destroy(Render *r)
{
    if (r) {
        for (int i = 0; i < RENDER_CACHE_MAX; i++)
            render_cache_drop(r, &r->cache[i]);
        for (int i = 0; i < r->n_fonts; i++)
            if (!render_faces[r->fonts[i].face].lazy)
                TTF_CloseFont(r->fonts[i].font);
        for (int f = 0; f < FACE_COUNT; f++) {
            if (r->face_font[f])
                TTF_CloseFont(r->face_font[f]);
            SDL_free(r->face_data[f]);
        }
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
    r->faces_shown = r->faces_used, r->faces_used = 0;
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
