/* render_text.c - the fonts and the texts: the faces, read at start-up or when a text
 * first needs them; a font per face and size; measuring a text; and a bounded cache
 * of rasterised texts (a text is rasterised once per string and style, not every
 * frame).
 *
 * A text is kept as its 8-bit coverage, whatever its colours, and drawn
 * (render_draw.c) through a 256-colour table of its colour over its background: a
 * plain copy, not a blend. Three quarters of a text's pixels are empty, so the
 * coverage is kept run-length coded: about a tenth of the memory of a 32-bit texture.
 *
 * A text in one font and one direction, the Greek and English texts, goes to SDL_ttf
 * whole (render_text_simple). Any other text, Arabic, Farsi, Urdu, or a letter the
 * font lacks, is split by textrun.c into runs by bidi level, script and font; each
 * run is shaped by SDL_ttf's HarfBuzz in its direction and script, and the runs are
 * placed side by side in visual order on one baseline (render_text_runs). */
#include "render/render_private.h"
#include "core/text.h"
#include "render/textrun.h"
#include <SDL.h>
#include <SDL_ttf.h>
#include <errno.h>
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const FaceInfo render_faces[FACE_COUNT] = {
    [FACE_REGULAR]       = { "NotoSans-Regular.ttf", NULL, false, false, false },
    [FACE_BOLD]          = { "NotoSans-Bold.ttf", NULL, true, false, false },
    [FACE_ICONS]         = { "MaterialIcons-Regular.ttf", "Zsym", false, false, false },
    [FACE_ARABIC]        = { "NotoSansArabic-Regular.ttf", "Arab", false, false, true },
    [FACE_ARABIC_BOLD]   = { "NotoSansArabic-Bold.ttf", "Arab", true, false, true },
    [FACE_NASTALIQ]      = { "NotoNastaliqUrdu-Regular.ttf", "Arab", false, true, true },
    [FACE_NASTALIQ_BOLD] = { "NotoNastaliqUrdu-Bold.ttf", "Arab", true, true, true },
};

/* The letters that reach highest and lowest in Arabic script text: a lam-alef with
 * madda, a shadda with fatha, hamza above and below, and the deep tails of jeem, yeh
 * barree and jeh. Noto Sans Arabic's own box (hhea, 2.1 em) is far taller than its
 * letters: a line is as tall as these letters instead (about 1.5 em; a rare double
 * vowel sign below, as in "يٍ", may lose a pixel row at the bottom). */
static const char render_arabic_extremes[] = "لّآ لَّ أإ جےژ";

/* reads a whole font file; NULL with a message when it is missing */
void *render_read_file(const char *path, size_t *size)
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

/* a font table entry of a face at a size, opened on first use from the bytes in
 * memory (a lazy face's file is read then); NULL if the file cannot be read or SDL_ttf
 * fails (then the text is not drawn). A lazy face, one of the Arabic-script ones, has
 * one TTF_Font for all its sizes (r->face_font), resized by render_face_font: a font
 * of its own per size would keep its own copy of the face's shaping tables, 0.2 MiB a
 * size for Noto Sans Arabic and 0.5 MiB for Nastaliq, and a screen uses four sizes or
 * more. Its texts are shaped once and kept (render_text, render_measure), so the
 * resizing, which drops SDL_ttf's glyphs of the other size, is rare. A lazy face let
 * go (render_let_go_faces) keeps its entries, and their measured line boxes, with no
 * font: it is opened again here when a text needs it. */
static RenderFont *render_face_entry(Render *r, RenderFace face, int size)
{
    bool lazy = render_faces[face].lazy;
    if (lazy)
        r->faces_used |= 1u << face, r->faces_making |= 1u << face;
    RenderFont *e = NULL;
    for (int i = 0; i < r->n_fonts && !e; i++)
        if (r->fonts[i].face == face && r->fonts[i].size == size)
            e = &r->fonts[i];
    if (e && e->font)
        return e;
    if (!e && r->n_fonts == RENDER_MAX_FONTS) {   /* a new window size: start again */
        for (int i = 0; i < r->n_fonts; i++)
            if (!render_faces[r->fonts[i].face].lazy)
                TTF_CloseFont(r->fonts[i].font);
        r->n_fonts = 0;
    }
    TTF_Font *f = lazy ? r->face_font[face] : NULL;
    if (!f) {
        if (!r->face_data[face]) {
            if (r->face_failed[face])
                return NULL;
            char path[1200];
            snprintf(path, sizeof path, "%s/fonts/%s", r->share, render_faces[face].file);
            if (!(r->face_data[face] = render_read_file(path, &r->face_size[face]))) {
                r->face_failed[face] = true;
                return NULL;
            }
        }
        SDL_RWops *rw = SDL_RWFromConstMem(r->face_data[face], (int)r->face_size[face]);
        if (!rw || !(f = TTF_OpenFontRW(rw, 1, size))) {
            fprintf(stderr, "kiosk: font %s at %d px: %s\n", render_faces[face].file, size,
                    TTF_GetError());
            return NULL;
        }
        TTF_SetFontHinting(f, HINTING);
        if (lazy)
            r->face_font[face] = f, r->face_font_size[face] = size;
    }
    if (!e) {
        e = &r->fonts[r->n_fonts++];
        *e = (RenderFont){ face, size, NULL, 0, 0 };
    }
    e->font = f;
    return e;
}

/* (render.h) A lazy face that neither the frame last shown nor anything since needed
 * (made, or drawn from the cache) goes: its font with SDL_ttf's glyphs, FreeType's
 * and HarfBuzz's copies of its tables, and its file's bytes, about 3 MiB for the
 * four; then the freed pages go back to the system. */
void render_let_go_faces(Render *r)
{
    bool freed = false;
    for (int f = 0; f < FACE_COUNT; f++) {
        if (!render_faces[f].lazy || ((r->faces_shown | r->faces_used) & (1u << f)) ||
            !r->face_data[f])
            continue;
        for (int i = 0; i < r->n_fonts; i++)
            if (r->fonts[i].face == (RenderFace)f)
                r->fonts[i].font = NULL;
        if (r->face_font[f])
            TTF_CloseFont(r->face_font[f]);
        SDL_free(r->face_data[f]);
        r->face_font[f] = NULL, r->face_data[f] = NULL, r->face_size[f] = 0;
        freed = true;
    }
    if (freed)
        malloc_trim(0);
}

/* the font of a face at a size (render_face_entry), a lazy face's set to that size */
static TTF_Font *render_face_font(Render *r, RenderFace face, int size)
{
    RenderFont *rf = render_face_entry(r, face, size);
    if (!rf)
        return NULL;
    if (render_faces[face].lazy && r->face_font_size[face] != size) {
        if (TTF_SetFontSize(rf->font, size) != 0) {
            fprintf(stderr, "kiosk: font %s at %d px: %s\n", render_faces[face].file, size,
                    TTF_GetError());
            return NULL;
        }
        r->face_font_size[face] = size;
    }
    return rf->font;
}

/* px a line needs above and below the baseline for a face at a size: the font's own
 * ascent and descent, but for the Arabic faces, their tallest letters' ink (measured
 * once a size); false if the font cannot be opened */
static bool render_font_box(Render *r, RenderFace face, int size, int *above, int *below)
{
    RenderFont *rf = render_face_entry(r, face, size);
    if (!rf)
        return false;
    if (rf->above == 0) {       /* measured once: a one-font face is not resized again */
        TTF_Font *f = render_face_font(r, face, size);
        if (!f)
            return false;
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
            if (render_faces[f].script && strcmp(render_faces[f].script, script) == 0 &&
                render_faces[f].bold == bold && render_faces[f].nastaliq == (pass == 0 ? nastaliq : !nastaliq))
                order[n++] = f;
    order[n++] = bold ? FACE_BOLD : FACE_REGULAR;
    if (common)
        for (int f = 0; f < FACE_COUNT; f++)
            if (render_faces[f].script && strcmp(render_faces[f].script, "Zsym") != 0 && render_faces[f].bold == bold)
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
int render_measure(void *ctx, const char *s, size_t len, int style)
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

int render_line_height(void *ctx, int style)
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

void render_cache_drop(Render *r, CacheEntry *e)
{
    if (!e->cov)
        return;
    free(e->cov);
    free(e->text);
    r->cache_bytes -= e->bytes;
    r->n_cache--;
    memset(e, 0, sizeof *e);
}

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
CacheEntry *render_text(Render *r, const char *s, int len, int style)
{
    uint64_t h = render_hash(s, len, style);
    for (int i = 0; i < RENDER_CACHE_MAX; i++) {
        CacheEntry *e = &r->cache[i];
        if (e->cov && e->hash == h && e->style == style && e->len == len &&
            memcmp(e->text, s, (size_t)len) == 0) {
            e->used = r->frame;
            r->faces_used |= e->faces;
            return e;
        }
    }
    CacheEntry *e = render_cache_slot(r);
    if (!e)
        return NULL;
    r->faces_making = 0;
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
    *e = (CacheEntry){ h, style, copy, len, r->faces_making, cov, shaded->w, shaded->h, (long)n,
                       r->frame };
    r->n_cache++;
    r->cache_bytes += e->bytes;
    SDL_FreeSurface(shaded);
    return e;
}

void render_cache_stats(const Render *r, int *entries, long *bytes)
{
    *entries = r->n_cache, *bytes = r->cache_bytes;
}
