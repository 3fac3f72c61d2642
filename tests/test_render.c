/* test_render.c - the screens drawn in software with the real fonts in SDL's offscreen
 * driver, at 800x480, 1280x800, 1920x1080 and 720x1280, in every language: no text
 * is clipped or overlaps another, no code point lacks a font, and the pixels show what
 * the draw list says (every text left ink on its background, the header is the
 * header's blue, the header names the language shown and the picker lights it, scrolled texts are cut at the body's edges, a turned panel shows the UI
 * turned). */
#include "testdata.h"
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <math.h>
#include "core/db.h"
#include "core/hsds.h"
#include "layoutcheck.h"
#include "core/text.h"
#include "render/render.h"
#include "ui/theme.h"
#include "ui/ui.h"

static Content content[LANG_COUNT];
static HoursTable hours;
static char *tmp;

static int setup(void **state)
{
    (void)state;
    tmp = test_tmpdir();                /* for screenshots; also a share dir with no fonts */
    test_load_default_content(content, &hours);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    for (int l = 0; l < LANG_COUNT; l++)
        content_free(&content[l]);
    test_rmdir(tmp);
    return 0;
}

static uint32_t pixel(SDL_Surface *s, int x, int y)
{
    uint32_t p = ((uint32_t *)((uint8_t *)s->pixels + y * s->pitch))[x];
    return p & 0xFFFFFF;
}

/* pixels in the command's box that are not its background colour */
static int ink_in(SDL_Surface *s, const UiCmd *c, int scroll)
{
    int n = 0, y0 = c->y - (c->scrolls ? scroll : 0);
    for (int y = y0; y < y0 + c->h && y < s->h; y++)
        for (int x = c->x; x < c->x + c->w && x < s->w; x++)
            if (y >= 0 && x >= 0 && pixel(s, x, y) != c->bg)
                n++;
    return n;
}

/* a point just inside the top-left corner of the touch target around (cx, cy) */
static void corner_of(Ui *ui, int cx, int cy, int *px, int *py)
{
    int x, y, w, h, n = ui_target(ui, 0, &x, &y, &w, &h);
    for (int i = 0; i < n; i++) {
        ui_target(ui, i, &x, &y, &w, &h);
        if (cx >= x && cx < x + w && cy >= y && cy < y + h) {
            *px = x + 5, *py = y + 5;
            return;
        }
    }
    fail_msg("no target at %d,%d", cx, cy);
}

/* the commands drawn with the body scrolled by scroll, as a 32-bit surface read back
 * from a screenshot */
static SDL_Surface *drawn(Render *r, const UiCmd *c, int n, int scroll)
{
    static UiCmd list[4096];
    char bmp[600];
    assert_true(n <= (int)(sizeof list / sizeof list[0]));
    memcpy(list, c, (size_t)n * sizeof *c);
    for (int i = 0; i < n; i++)
        if (list[i].kind == UI_CLIP)
            list[i].scroll = scroll;
    snprintf(bmp, sizeof bmp, "%s/drawn.bmp", tmp);
    render_draw(r, list, n);
    assert_int_equal(render_screenshot(r, bmp), 0);
    render_present(r);
    SDL_Surface *raw = SDL_LoadBMP(bmp);
    assert_non_null(raw);
    SDL_Surface *s = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(raw);
    assert_non_null(s);
    return s;
}

static Ui *ui_for(Render *r, UiScreen screen, Lang lang)
{
    int w, h;
    render_size(r, &w, &h);
    Ui *ui = ui_create(render_metrics(r), w, h, 96.0);
    const Content *cs[LANG_COUNT];
    for (int l = 0; l < LANG_COUNT; l++)
        cs[l] = &content[l];
    ui_set_content(ui, cs, &hours);
    ui_set_time(ui, 1795000000);
    ui_show(ui, screen, lang);
    return ui;
}

/* every screen and dialog at w x h, drawn with the real fonts: nothing clipped, cut,
 * overlapping or inkless, no text in a box; large text and high contrast as asked */
static void check_size_in(int w, int h, bool large, bool contrast)
{
    RenderOptions o = { .width = w, .height = h, .hidden = true, .share_dir = "." };
    Render *r = render_create(&o);
    assert_non_null(r);
    int rw, rh;
    render_size(r, &rw, &rh);
    assert_int_equal(rw, w);
    assert_int_equal(rh, h);
    Ui *ui = ui_for(r, SCREEN_HOME, LANG_EL);
    ui_set_large_text(ui, large);
    ui_set_high_contrast(ui, contrast);
    ThemeMode theme = contrast ? THEME_HIGH_CONTRAST : THEME_NORMAL;
    int faults = 0;
    for (int l = 0; l < LANG_COUNT; l++)
        for (int sc = 0; sc < SCREEN_COUNT; sc++) {
            char ctx[96];
            snprintf(ctx, sizeof ctx, "%dx%d %s-%s%s%s", w, h, i18n_code((Lang)l),
                     ui_screen_name((UiScreen)sc), large ? " large" : "",
                     contrast ? " contrast" : "");
            ui_show(ui, (UiScreen)sc, (Lang)l);
            int n, bx, by, bw, bh, scroll;
            const UiCmd *c = ui_commands(ui, &n);
            ui_body(ui, &bx, &by, &bw, &bh, &scroll);
            faults += layout_faults(c, n, w, h, 100000, ctx);
            if (render_missing_glyphs(r)) {
                fprintf(stderr, "%s: %ld code points no font has\n", ctx, render_missing_glyphs(r));
                faults++;
            }
            if (ui_dropped_lines(ui)) {
                fprintf(stderr, "%s: a label is cut short\n", ctx);
                faults++;
            }
            if (ui_cut_words(ui)) {
                fprintf(stderr, "%s: %d words broken across lines\n", ctx, ui_cut_words(ui));
                faults++;
            }
            if (ui_overflows(ui)) {
                fprintf(stderr, "%s: %d things did not fit the draw list\n", ctx,
                        ui_overflows(ui));
                faults++;
            }
            SDL_Surface *s = drawn(r, c, n, scroll);
            assert_int_equal(pixel(s, w / 2, 1), theme_color_in(theme, COLOR_HEADER_BG));
            for (int i = 0; i < n; i++) {
                const UiCmd *t = &c[i];
                if (t->kind != UI_TEXT || t->len == 0)
                    continue;
                if (t->scrolls && (t->y - scroll < by || t->y + t->h - scroll > by + bh))
                    continue;   /* scrolled out of view */
                if (ink_in(s, t, scroll) == 0) {
                    fprintf(stderr, "%s: \"%.*s\" left no ink\n", ctx, t->len, t->text);
                    faults++;
                }
                /* the line's top-left corner is its background, exactly: no box */
                int cy = t->y - (t->scrolls ? scroll : 0);
                if (pixel(s, t->x, cy) != t->bg) {
                    fprintf(stderr, "%s: \"%.*s\" sits in a box of %06X on %06X\n", ctx,
                            t->len, t->text, (unsigned)pixel(s, t->x, cy), (unsigned)t->bg);
                    faults++;
                }
            }
            /* the header (in large text the top of the body) names the language shown,
               in its own script, on every screen;
               the picker lights it among the others */
            const char *name = i18n_name((Lang)l);
            bool named = false;
            for (int i = 0; i < n && !named; i++)
                named = c[i].kind == UI_TEXT && (large || (!c[i].scrolls && c[i].y < by)) &&
                        c[i].len == (int)strlen(name) && memcmp(c[i].text, name, c[i].len) == 0;
            if (!named) {
                fprintf(stderr, "%s: the header does not name the language\n", ctx);
                faults++;
            }
            int lx, ly, tx, ty;
            if (sc == SCREEN_LANGUAGES && !large) {  /* large: the list scrolls past the fold */
                assert_int_equal(ui_find_lang_button(ui, (Lang)l, &lx, &ly), 0);
                corner_of(ui, lx, ly, &tx, &ty);
                assert_int_equal(pixel(s, tx, ty), theme_color_in(theme, COLOR_HEADER_BG));
                assert_int_equal(ui_find_lang_button(ui, (Lang)((l + 1) % LANG_COUNT), &lx, &ly), 0);
                corner_of(ui, lx, ly, &tx, &ty);
                assert_int_equal(pixel(s, tx, ty), theme_color_in(theme, COLOR_TILE_BG));
            } else if (sc != SCREEN_LANGUAGES)
                assert_int_equal(ui_find_button(ui, SCREEN_LANGUAGES, &lx, &ly), 0);
            SDL_FreeSurface(s);
        }
    /* the dialogs of a USB update and of the staff PIN, over a screen */
    static const UiDialogKind kinds[] = { UI_DIALOG_BUSY, UI_DIALOG_MESSAGE,
                                          UI_DIALOG_CONFIRM, UI_DIALOG_PIN };
    for (int l = 0; l < LANG_COUNT; l++)
        for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
            char ctx[96];
            snprintf(ctx, sizeof ctx, "%dx%d %s dialog %d", w, h, i18n_code((Lang)l), (int)k);
            ui_show(ui, SCREEN_CONTACT, (Lang)l);
            ui_dialog(ui, kinds[k], i18n_str((Lang)l, STR_UPDATE_TITLE),
                      l == LANG_EL ? "Άλλαξε το ωράριο · άλλαξε το τηλέφωνο · 2 επιτροπές μετονομάστηκαν"
                                   : "Opening hours changed · phone changed · 2 committees renamed",
                      10);
            int n;
            const UiCmd *c = ui_commands(ui, &n);
            /* the dialog is drawn over the screen: check its own commands */
            int first = 0;
            for (int i = 0; i < n; i++)
                if (c[i].kind == UI_RECT && c[i].color == theme_color_in(theme, COLOR_ACCENT) &&
                    c[i].w > w / 2 && !c[i].scrolls)
                    first = i;
            faults += layout_faults(c + first, n - first, w, h, 0, ctx);
            if (ui_dropped_lines(ui) || ui_overflows(ui)) {
                fprintf(stderr, "%s: a label is cut short or did not fit\n", ctx);
                faults++;
            }
            ui_dialog(ui, UI_DIALOG_NONE, NULL, NULL, 0);
        }
    ui_destroy(ui);
    render_destroy(r);
    assert_int_equal(faults, 0);
}

static void check_size(int w, int h) { check_size_in(w, h, false, false); }

static void test_landscape_800x480_draws_cleanly(void **state) { (void)state; check_size(800, 480); }
static void test_large_text_and_high_contrast_draw_cleanly_at_every_size(void **state)
{
    (void)state;
    check_size_in(800, 480, true, true);
    check_size_in(1280, 800, true, false);
    check_size_in(1920, 1080, false, true);
    check_size_in(720, 1280, true, false);
}

/* large text on a 7" 800x480 panel of 133 dpi (as kiosk.conf says): the smallest text
 * of every screen, drawn in the font the kiosk ships, has a capital H of 6 mm or more */
static void test_a_capital_h_of_large_text_is_6_mm_on_the_7_inch_panel(void **state)
{
    (void)state;
    RenderOptions o = { .width = 800, .height = 480, .hidden = true, .share_dir = "." };
    Render *r = render_create(&o);
    assert_non_null(r);
    Ui *ui = ui_create(render_metrics(r), 800, 480, 133.0);
    const Content *cs[LANG_COUNT] = { &content[0], &content[1] };
    ui_set_content(ui, cs, &hours);
    ui_set_time(ui, 1795000000);
    ui_set_large_text(ui, true);
    int smallest = 1000;
    for (int s = 0; s < SCREEN_COUNT; s++) {
        int n;
        ui_show(ui, (UiScreen)s, LANG_EL);
        const UiCmd *c = ui_commands(ui, &n);
        for (int i = 0; i < n; i++)     /* the screen's own texts: the body */
            if (c[i].kind == UI_TEXT && c[i].scrolls && !(c[i].style & UI_STYLE_ICON) &&
                UI_STYLE_SIZE(c[i].style) < smallest)
                smallest = UI_STYLE_SIZE(c[i].style);
    }
    ui_destroy(ui);
    render_destroy(r);
    assert_int_equal(TTF_Init(), 0);
    TTF_Font *font = TTF_OpenFont("fonts/NotoSans-Regular.ttf", smallest);
    assert_non_null(font);
    int minx, maxx, miny, maxy, adv;
    assert_int_equal(TTF_GlyphMetrics32(font, 'H', &minx, &maxx, &miny, &maxy, &adv), 0);
    double mm = (double)(maxy - miny) / 133.0 * 25.4;
    if (mm < 6.0)
        fail_msg("the smallest large text, %d px, has a capital H of %.2f mm", smallest, mm);
    TTF_CloseFont(font);
}
static void test_landscape_1280x800_draws_cleanly(void **state) { (void)state; check_size(1280, 800); }
static void test_full_hd_1920x1080_draws_cleanly(void **state) { (void)state; check_size(1920, 1080); }
static void test_portrait_720x1280_draws_cleanly(void **state) { (void)state; check_size(720, 1280); }

static void test_a_missing_font_is_a_clear_start_up_error(void **state)
{
    (void)state;
    RenderOptions o = { .width = 800, .height = 480, .hidden = true, .share_dir = tmp };
    assert_null(render_create(&o));
}

static void test_a_touch_and_the_mouse_event_sdl_makes_from_it_count_once(void **state)
{
    (void)state;
    RenderOptions o = { .width = 800, .height = 480, .hidden = true, .share_dir = "." };
    Render *r = render_create(&o);
    assert_non_null(r);
    RenderEvent e;
    while (render_next_event(r, &e))
        ;   /* the window's own events */
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = SDL_FINGERDOWN;
    ev.tfinger.x = 0.5f, ev.tfinger.y = 0.25f;
    SDL_PushEvent(&ev);
    memset(&ev, 0, sizeof ev);
    ev.type = SDL_MOUSEBUTTONDOWN;
    ev.button.which = SDL_TOUCH_MOUSEID, ev.button.button = SDL_BUTTON_LEFT;
    ev.button.x = 400, ev.button.y = 120;
    SDL_PushEvent(&ev);
    int presses = 0;
    while (render_next_event(r, &e))
        if (e.kind == RENDER_PRESS) {
            presses++;
            assert_int_equal(e.x, 400);
            assert_int_equal(e.y, 120);
        }
    assert_int_equal(presses, 1);
    /* a real mouse (a development window) still clicks */
    ev.button.which = 0;
    SDL_PushEvent(&ev);
    assert_int_equal(render_next_event(r, &e), 1);
    assert_int_equal(e.kind, RENDER_PRESS);
    render_destroy(r);
}

static void test_scrolled_texts_move_with_the_body_and_are_cut_at_its_edges(void **state)
{
    (void)state;
    RenderOptions o = { .width = 800, .height = 480, .hidden = true, .share_dir = "." };
    Render *r = render_create(&o);
    assert_non_null(r);
    Ui *ui = ui_for(r, SCREEN_ABOUT, LANG_EL);
    int n, bx, by, bw, bh, scroll;
    const UiCmd *c = ui_commands(ui, &n);
    ui_body(ui, &bx, &by, &bw, &bh, &scroll);
    /* a scroll that puts the body's top edge through the middle of a line */
    int s = 0;
    for (int i = 0; i < n && !s; i++)
        if (c[i].kind == UI_TEXT && c[i].scrolls && c[i].y > by + 40)
            s = c[i].y + c[i].h / 2 - by;
    assert_true(s > 0);
    SDL_Surface *top = drawn(r, c, n, 0);
    SDL_Surface *moved = drawn(r, c, n, s);
    /* what is drawn over the body (the scroll bar, the header's edge) stays: not compared */
    static bool fixed[480][800];
    memset(fixed, 0, sizeof fixed);
    int first = 0;
    while (first < n && !c[first].scrolls)
        first++;
    for (int i = first; i < n; i++)
        if (!c[i].scrolls)
            for (int y = c[i].y; y < c[i].y + c[i].h && y < 480; y++)
                for (int x = c[i].x; x < c[i].x + c[i].w && x < 800; x++)
                    if (y >= 0 && x >= 0)
                        fixed[y][x] = true;
    int differ = 0, compared = 0;
    for (int y = 0; y < 480; y++)
        for (int x = 0; x < 800; x++) {
            bool in_body = y >= by && y < by + bh && x >= bx && x < bx + bw;
            if (!in_body)
                differ += pixel(moved, x, y) != pixel(top, x, y);
            else if (!fixed[y][x] && y + s < by + bh && !fixed[y + s][x]) {
                differ += pixel(moved, x, y) != pixel(top, x, y + s);
                compared++;
            }
        }
    assert_true(compared > bw * bh / 2);
    assert_int_equal(differ, 0);
    SDL_FreeSurface(top);
    SDL_FreeSurface(moved);
    ui_destroy(ui);
    render_destroy(r);
}

static SDL_Window *the_window(void)
{
    for (Uint32 id = 1; id < 16; id++)
        if (SDL_GetWindowFromID(id))
            return SDL_GetWindowFromID(id);
    return NULL;
}

static void test_a_turned_panel_shows_the_ui_turned(void **state)
{
    (void)state;
    /* the portrait UI drawn upright, then on a panel mounted turned by 90, 180 and 270
     * degrees: the same pixels, turned the way the touches are (see below) */
    RenderOptions o = { .width = 480, .height = 800, .hidden = true, .share_dir = "." };
    Render *r = render_create(&o);
    assert_non_null(r);
    Ui *ui = ui_for(r, SCREEN_CONTACT, LANG_EN);
    int n, bx, by, bw, bh, scroll;
    const UiCmd *c = ui_commands(ui, &n);
    ui_body(ui, &bx, &by, &bw, &bh, &scroll);
    SDL_Surface *upright = drawn(r, c, n, 0);
    ui_destroy(ui);
    render_destroy(r);

    for (int rot = 90; rot <= 270; rot += 90) {
        o.rotation = rot;
        r = render_create(&o);
        assert_non_null(r);
        ui = ui_for(r, SCREEN_CONTACT, LANG_EN);
        c = ui_commands(ui, &n);
        render_draw(r, c, n);
        render_present(r);
        SDL_Surface *panel = SDL_GetWindowSurface(the_window());
        assert_non_null(panel);
        assert_int_equal(panel->w, rot == 180 ? 480 : 800);
        assert_int_equal(panel->h, rot == 180 ? 800 : 480);
        SDL_Surface *p = SDL_ConvertSurfaceFormat(panel, SDL_PIXELFORMAT_ARGB8888, 0);
        assert_non_null(p);
        int differ = 0;
        for (int y = 0; y < 800; y++)
            for (int x = 0; x < 480; x++) {
                /* where the UI's (x, y) is on the panel: at 90 its top left is the
                 * panel's top right */
                int px = rot == 90 ? 799 - y : rot == 180 ? 479 - x : y;
                int py = rot == 90 ? x : rot == 180 ? 799 - y : 479 - x;
                differ += pixel(p, px, py) != pixel(upright, x, y);
            }
        assert_int_equal(differ, 0);
        SDL_FreeSurface(p);
        ui_destroy(ui);
        render_destroy(r);
    }
    SDL_FreeSurface(upright);
}

static void test_touches_turn_with_the_display(void **state)
{
    (void)state;
    /* a landscape panel mounted as portrait: the UI is 480x800, turned 90 degrees */
    RenderOptions o = { .width = 480, .height = 800, .hidden = true, .rotation = 90,
                        .share_dir = "." };
    Render *r = render_create(&o);
    assert_non_null(r);
    int w, h, x, y;
    render_size(r, &w, &h);
    assert_int_equal(w, 480);
    assert_int_equal(h, 800);
    render_map_touch(r, 1.0f, 0.0f, &x, &y);    /* the panel's top right is the UI's top left */
    assert_int_equal(x, 0);
    assert_int_equal(y, 0);
    render_map_touch(r, 0.0f, 0.0f, &x, &y);    /* top left: the UI's bottom left */
    assert_int_equal(x, 0);
    assert_int_equal(y, 799);
    render_map_touch(r, 1.3f, -0.2f, &x, &y);   /* SDL does not clamp: we do */
    assert_int_equal(x, 0);
    assert_int_equal(y, 0);
    const float swap_x[6] = { -1, 0, 1, 0, 1, 0 };  /* a calibration that mirrors x */
    render_set_touch_matrix(r, swap_x);
    render_map_touch(r, 0.0f, 0.0f, &x, &y);
    assert_int_equal(x, 0);
    assert_int_equal(y, 0);
    render_destroy(r);
}

/* Text in every script. A band of the screen per text, drawn black on white; a text
 * is found in another band when its inked pixels, to the last one, appear there. */
#define BAND 100
#define WHITE 0xFFFFFF

typedef struct Line { const char *text; int style; } Line;

static Render *text_render(int w, int h)
{
    RenderOptions o = { .width = w, .height = h, .hidden = true, .share_dir = "." };
    Render *r = render_create(&o);
    assert_non_null(r);
    return r;
}

/* the lines drawn one a band (right-to-left ones against the right edge) */
static SDL_Surface *draw_lines(Render *r, const Line *lines, int n)
{
    const UiMetrics *m = render_metrics(r);
    int w, h;
    render_size(r, &w, &h);
    UiCmd c[16] = { { .kind = UI_RECT, .w = w, .h = h, .color = WHITE } };
    assert_true(n < 16);
    for (int i = 0; i < n; i++) {
        int len = (int)strlen(lines[i].text), st = lines[i].style;
        int tw = m->measure(m->ctx, lines[i].text, (size_t)len, st);
        int lh = m->line_height(m->ctx, st);
        assert_true(tw + 20 <= w && lh <= BAND);
        c[i + 1] = (UiCmd){ .kind = UI_TEXT, .x = (st & TEXT_STYLE_RTL) ? w - 10 - tw : 10,
                            .y = i * BAND, .w = tw, .h = lh, .color = 0, .bg = WHITE,
                            .style = st, .text = lines[i].text, .len = len, .text_w = tw };
    }
    return drawn(r, c, n + 1, 0);
}

/* the x where band `from`'s ink appears, pixel for pixel, in band `in`; -1: nowhere */
static int find_ink(SDL_Surface *s, int from, int in)
{
    int x0 = s->w, x1 = -1, y0 = BAND, y1 = -1;
    for (int y = 0; y < BAND; y++)
        for (int x = 0; x < s->w; x++)
            if (pixel(s, x, from * BAND + y) != WHITE) {
                x0 = x < x0 ? x : x0, x1 = x > x1 ? x : x1;
                y0 = y < y0 ? y : y0, y1 = y > y1 ? y : y1;
            }
    assert_true(x1 >= x0);
    int bw = x1 - x0 + 1, bh = y1 - y0 + 1;
    for (int ty = 0; ty + bh <= BAND; ty++)
        for (int tx = 0; tx + bw <= s->w; tx++) {
            bool same = true;
            for (int y = 0; y < bh && same; y++)
                for (int x = 0; x < bw && same; x++)
                    same = pixel(s, tx + x, in * BAND + ty + y) == pixel(s, x0 + x, from * BAND + y0 + y);
            if (same)
                return tx;
        }
    return -1;
}

/* "open now: 09:00–17:00, telephone +30 210 3638625" */
static const char arabic[] = "مفتوح الآن: 09:00–17:00، هاتف +30 210 3638625";

static void test_a_time_and_a_phone_number_read_in_their_own_order_inside_arabic(void **state)
{
    (void)state;
    Render *r = text_render(1000, 6 * BAND);
    const Line lines[] = {
        { arabic, 28 | TEXT_STYLE_RTL },
        { "09:00–17:00", 28 }, { "+30 210 3638625", 28 },
        /* what a line set right to left without bidi shows, or the groups swapped */
        { "17:00–09:00", 28 }, { "3638625 210 +30", 28 }, { "00:71–00:90", 28 },
    };
    SDL_Surface *s = draw_lines(r, lines, 6);
    int time_x = find_ink(s, 1, 0), phone_x = find_ink(s, 2, 0);
    assert_true(time_x > 0);
    assert_true(phone_x >= 0);
    assert_true(phone_x < time_x);      /* read after it, from the right */
    assert_int_equal(find_ink(s, 3, 0), -1);
    assert_int_equal(find_ink(s, 4, 0), -1);
    assert_int_equal(find_ink(s, 5, 0), -1);
    assert_int_equal(render_missing_glyphs(r), 0);
    SDL_FreeSurface(s);
    render_destroy(r);
}

static void test_a_latin_name_sits_where_the_paragraph_direction_puts_it(void **state)
{
    (void)state;
    Render *r = text_render(1000, 3 * BAND);
    const char *s = "ACCMR مفتوح";     /* the same bytes, in two directions */
    const Line lines[] = { { s, 28 | TEXT_STYLE_RTL }, { s, 28 | TEXT_STYLE_LTR }, { "ACCMR", 28 } };
    SDL_Surface *surf = draw_lines(r, lines, 3);
    const UiMetrics *m = render_metrics(r);
    int tw = m->measure(m->ctx, s, strlen(s), 28 | TEXT_STYLE_RTL);
    int rtl_x = find_ink(surf, 2, 0), ltr_x = find_ink(surf, 2, 1);
    /* right to left, the name read first is on the right; left to right, on the left */
    assert_true(rtl_x > 1000 - 10 - tw + tw / 3);
    assert_true(ltr_x >= 10 && ltr_x < 10 + tw / 2);
    int entries;
    long bytes;
    render_cache_stats(r, &entries, &bytes);
    assert_int_equal(entries, 3);       /* the direction is part of the cache's key */
    SDL_FreeSurface(surf);
    render_destroy(r);
}

static void test_an_arabic_line_too_wide_for_its_box_shows_its_start(void **state)
{
    (void)state;
    Render *r = text_render(1000, 3 * BAND);
    /* "the centre" then a long tail; drawn whole in band 0, then in a box too narrow */
    const char *s = "المركز 09:00–17:00 +30 210 3638625";
    const Line lines[] = { { s, 28 | TEXT_STYLE_RTL }, { "09:00–17:00", 28 } };
    SDL_Surface *whole = draw_lines(r, lines, 2);
    int time_x = find_ink(whole, 1, 0);
    assert_true(time_x > 0);
    const UiMetrics *m = render_metrics(r);
    int st = 28 | TEXT_STYLE_RTL, tw = m->measure(m->ctx, s, strlen(s), st);
    int lh = m->line_height(m->ctx, st), keep = 1000 - 10 - time_x;  /* up to the time */
    UiCmd c[3] = {
        { .kind = UI_RECT, .w = 1000, .h = 3 * BAND, .color = WHITE },
        { .kind = UI_TEXT, .x = 1000 - 10 - keep, .y = 2 * BAND, .w = keep, .h = lh,
          .bg = WHITE, .style = st, .text = s, .len = (int)strlen(s), .text_w = tw },
        { .kind = UI_TEXT, .x = 10, .y = BAND, .w = 300, .h = lh, .bg = WHITE, .style = 28,
          .text = "09:00–17:00", .len = (int)strlen("09:00–17:00"), .text_w = 300 },
    };
    SDL_Surface *cut = drawn(r, c, 3, 0);
    /* the right part, the Arabic word and the time, is shown where it was; no ink
     * left of the box */
    assert_int_equal(find_ink(cut, 1, 2), time_x);
    for (int y = 2 * BAND; y < 3 * BAND; y++)
        for (int x = 0; x < 1000 - 10 - keep; x++)
            assert_int_equal(pixel(cut, x, y), WHITE);
    SDL_FreeSurface(whole);
    SDL_FreeSurface(cut);
    render_destroy(r);
}

static void test_arabic_letters_are_joined(void **state)
{
    (void)state;
    Render *r = text_render(800, 480);
    const UiMetrics *m = render_metrics(r);
    int st = 32 | TEXT_STYLE_RTL;
    const char *word = "مفتوح", *letters[] = { "م", "ف", "ت", "و", "ح" };
    int alone = 0;
    for (int i = 0; i < 5; i++)
        alone += m->measure(m->ctx, letters[i], strlen(letters[i]), st);
    /* joined forms are narrower than the letters alone: HarfBuzz shaped the word */
    int joined = m->measure(m->ctx, word, strlen(word), st);
    assert_true(joined < alone * 9 / 10);
    render_destroy(r);
}

static void test_urdu_lines_are_tall_enough_for_nastaliq(void **state)
{
    (void)state;
    Render *r = text_render(1000, 2 * BAND);
    const UiMetrics *m = render_metrics(r);
    int size = 32, st = size | TEXT_STYLE_RTL | TEXT_STYLE_NASTALIQ;
    int lh = m->line_height(m->ctx, st);
    assert_true(lh * 10 >= size * 23);          /* about 2.5 em */
    assert_true(lh <= size * 3);
    /* "open now: 09:00–17:00, phone +30 210 3638625": inked, nothing cut at the box */
    const Line lines[] = { { "ابھی کھلا ہے: 09:00–17:00، فون +30 210 3638625", st } };
    SDL_Surface *s = draw_lines(r, lines, 1);
    int top = -1, bottom = -1;
    for (int y = 0; y < lh; y++)
        for (int x = 0; x < s->w; x++)
            if (pixel(s, x, y) != WHITE) {
                if (top < 0) top = y;
                bottom = y;
            }
    assert_true(top > 0);
    assert_true(bottom < lh - 1);
    assert_true(bottom - top > size);           /* Nastaliq's slant: taller than an em */
    assert_int_equal(render_missing_glyphs(r), 0);
    SDL_FreeSurface(s);
    render_destroy(r);
}

static void test_every_language_has_every_glyph_even_mixed_with_numbers_and_names(void **state)
{
    (void)state;
    Render *r = text_render(800, 480);
    /* "open now" in each language, then what the centre's texts mix in */
    static const Line samples[] = {
        { "Ανοιχτά τώρα", 0 }, { "Open now", 0 }, { "مفتوح الآن", TEXT_STYLE_RTL },
        { "اکنون باز است", TEXT_STYLE_RTL },
        { "ابھی کھلا ہے", TEXT_STYLE_RTL | TEXT_STYLE_NASTALIQ },
        { "Ouvert maintenant", 0 }, { "Відчинено зараз", 0 },
        { "ما می\u200Cخواهیم", TEXT_STYLE_RTL },     /* a ZWNJ */
        { "", 0 },
    };
    static const char *const mixed[] = {
        " 09:00–17:00", " +30 210 3638625", " info@example.org", " (ACCMR)", " 25/11/2026", "",
    };
    for (size_t i = 0; samples[i].text[0]; i++)
        for (size_t k = 0; k < sizeof mixed / sizeof mixed[0]; k++)
            for (int bold = 0; bold < 2; bold++) {
                char text[256];
                snprintf(text, sizeof text, "%s%s", samples[i].text, mixed[k]);
                int st = 24 | samples[i].style | (bold ? UI_STYLE_BOLD : 0);
                if (render_text_missing(r, text, strlen(text), st) != 0)
                    fail_msg("\"%s\" has code points no font has", text);
            }
    /* what the check catches: a script the kiosk ships no font for, and an emoji */
    assert_int_equal(render_text_missing(r, "ሰላም", strlen("ሰላም"), 24), 3);
    assert_int_equal(render_text_missing(r, "Hi \xF0\x9F\x98\x80", 7, 24), 1);
    assert_int_equal(render_missing_glyphs(r), 0);   /* a check is not a draw */
    render_destroy(r);
}

/* on the portrait panel every home tile is in sight without scrolling, in every
 * language: Urdu's one-line labels do not take the height of two Nastaliq lines */
static void test_every_home_tile_is_in_sight_in_portrait_in_every_language(void **state)
{
    (void)state;
    Render *r = text_render(720, 1280);
    for (int l = 0; l < LANG_COUNT; l++) {
        Ui *ui = ui_for(r, SCREEN_HOME, (Lang)l);
        int bx, by, bw, bh, scroll, n;
        ui_commands(ui, &n);    /* laid out */
        ui_body(ui, &bx, &by, &bw, &bh, &scroll);
        for (int s = SCREEN_ABOUT; s <= SCREEN_FUNDING; s++) {
            int x, y;
            assert_int_equal(ui_find_button(ui, (UiScreen)s, &x, &y), 0);
            if (y >= by + bh)
                fail_msg("%s: the %s tile is below the fold (%d >= %d)", i18n_code((Lang)l),
                         ui_screen_name((UiScreen)s), y, by + bh);
        }
        ui_destroy(ui);
    }
    render_destroy(r);
}

static void test_greek_and_english_screens_never_read_the_arabic_or_urdu_fonts(void **state)
{
    (void)state;
    Render *r = text_render(800, 480);
    Ui *ui = ui_for(r, SCREEN_HOME, LANG_EL);
    long base_bytes, bytes;
    assert_int_equal(render_fonts_read(r, &base_bytes), 3);   /* Noto Sans, bold, icons */
    for (int l = 0; l < 2; l++)
        for (int sc = 0; sc < SCREEN_COUNT; sc++) {
            if (sc == SCREEN_LANGUAGES)
                continue;   /* it names every language in its own script: a visitor who
                               opens it reads those faces (test_render's last test) */
            ui_show(ui, (UiScreen)sc, l ? LANG_EN : LANG_EL);
            int n;
            const UiCmd *c = ui_commands(ui, &n);
            render_draw(r, c, n);
            render_present(r);
        }
    assert_int_equal(render_fonts_read(r, &bytes), 3);
    assert_int_equal(bytes, base_bytes);
    /* an Arabic word reads the Arabic face alone, not its bold nor the Urdu one */
    const UiMetrics *m = render_metrics(r);
    assert_true(m->measure(m->ctx, "مفتوح", strlen("مفتوح"), 24 | TEXT_STYLE_RTL) > 0);
    assert_int_equal(render_fonts_read(r, &bytes), 4);
    assert_in_range(bytes - base_bytes, 200000, 300000);
    ui_destroy(ui);
    render_destroy(r);
}

/* Urdu's hours, drawn by a kiosk that let go of the Urdu faces after a visitor went
 * back to Greek: the faces are read again and the screen is the same to the pixel as
 * one drawn by a kiosk that never let them go */
static SDL_Surface *urdu_hours_after_greek(bool let_go)
{
    Lang ur = i18n_from_code("ur");
    Render *r = text_render(800, 480);
    Ui *ui = ui_for(r, SCREEN_CONTACT, ur);
    int n, urdu;
    const UiCmd *c = ui_commands(ui, &n);
    SDL_FreeSurface(drawn(r, c, n, 0));
    assert_true((urdu = render_fonts_read(r, NULL)) > 3);
    render_let_go_faces(r);     /* the frame shown needs them: they stay */
    assert_int_equal(render_fonts_read(r, NULL), urdu);
    ui_show(ui, SCREEN_HOME, LANG_EL);
    c = ui_commands(ui, &n);
    SDL_FreeSurface(drawn(r, c, n, 0));
    if (let_go) {
        render_let_go_faces(r);
        assert_int_equal(render_fonts_read(r, NULL), 3);
    }
    ui_show(ui, SCREEN_HOURS, ur);
    c = ui_commands(ui, &n);
    SDL_Surface *s = drawn(r, c, n, 0);
    assert_true(render_fonts_read(r, NULL) > 3);
    assert_int_equal(render_missing_glyphs(r), 0);
    ui_destroy(ui);
    render_destroy(r);
    return s;
}

static void test_faces_let_go_are_read_again_and_draw_the_same(void **state)
{
    (void)state;
    SDL_Surface *kept = urdu_hours_after_greek(false), *again = urdu_hours_after_greek(true);
    assert_int_equal(again->w, kept->w);
    assert_int_equal(again->h, kept->h);
    int differ = 0, ink = 0;
    for (int y = 0; y < kept->h; y++)
        for (int x = 0; x < kept->w; x++) {
            differ += pixel(kept, x, y) != pixel(again, x, y);
            ink += pixel(kept, x, y) != pixel(kept, 0, kept->h - 1);
        }
    assert_true(ink > 1000);
    assert_int_equal(differ, 0);
    SDL_FreeSurface(kept);
    SDL_FreeSurface(again);
}

static void test_a_screen_of_arabic_is_drawn_quickly_the_first_time(void **state)
{
    (void)state;
    Render *r = text_render(1920, 1080);
    const UiMetrics *m = render_metrics(r);
    /* a screen of Arabic paragraphs, wrapped and drawn with no font read before */
    static const char para[] =
        "يعمل مركز التنسيق لقضايا المهاجرين واللاجئين في بلدية أثينا كمحور للتنسيق "
        "وتبادل الممارسات الجيدة بين المنظمات، من 09:00 إلى 17:00، الهاتف +30 210 3638625.";
    static UiCmd c[256];
    TextLine lines[64];
    int st = 32 | TEXT_STYLE_RTL, n = 0;
    unsigned t0 = render_ticks();
    int lh = m->line_height(m->ctx, st), y = 0;
    c[n++] = (UiCmd){ .kind = UI_RECT, .w = 1920, .h = 1080, .color = WHITE };
    while (y + lh <= 1080 && n < 200) {
        int k = text_wrap(para, 1880, (TextMeasureFn)m->measure, m->ctx, st, lines, 64);
        for (int i = 0; i < k && y + lh <= 1080; i++, y += lh) {
            int tw = m->measure(m->ctx, para + lines[i].off, lines[i].len, st);
            c[n++] = (UiCmd){ .kind = UI_TEXT, .x = 1900 - tw, .y = y, .w = tw, .h = lh,
                              .bg = WHITE, .style = st, .text = para + lines[i].off,
                              .len = (int)lines[i].len, .text_w = tw };
        }
        y += lh / 2;
    }
    render_draw(r, c, n);
    unsigned first = render_ticks() - t0;
    t0 = render_ticks();
    render_draw(r, c, n);
    unsigned again = render_ticks() - t0;
    printf("first Arabic screen at 1920x1080: %u ms (%d lines), then %u ms a frame\n",
           first, n - 1, again);
    assert_true(n > 10);
    assert_true(first < 500);   /* a visitor's tap answered within half a second */
    assert_int_equal(render_missing_glyphs(r), 0);
    render_destroy(r);
}

/* a PNG as 32-bit pixels; NULL when it cannot be read */
static SDL_Surface *load_png(const char *path)
{
    SDL_Surface *raw = IMG_Load(path);
    if (!raw)
        return NULL;
    SDL_Surface *s = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(raw);
    return s;
}

/* A few right-to-left screens against images a person looked at and found right
 * (tests/golden/README.md): mirrored, shaped, numbers in their own order, nothing
 * missing. Any pixel that moves fails; KIOSK_GOLDEN_REFRESH=1 writes them anew, to be
 * looked at again before they are committed. */
static void test_right_to_left_screens_match_their_reviewed_golden_images(void **state)
{
    (void)state;
    static const struct { UiScreen screen; const char *lang; } shots[] = {
        { SCREEN_HOME, "ar" }, { SCREEN_HOURS, "fa" }, { SCREEN_CONTACT, "ur" },
    };
    bool refresh = getenv("KIOSK_GOLDEN_REFRESH") != NULL;
    int faults = 0;
    for (size_t i = 0; i < sizeof shots / sizeof shots[0]; i++) {
        Lang lang = i18n_from_code(shots[i].lang);
        assert_int_not_equal(lang, LANG_COUNT);
        Render *r = text_render(800, 480);
        Ui *ui = ui_for(r, shots[i].screen, lang);
        ui_set_time(ui, 1795595400);    /* Wednesday 2026-11-25, 10:30 in Athens */
        int n;
        const UiCmd *c = ui_commands(ui, &n);
        render_draw(r, c, n);
        char golden[256], got[256];
        snprintf(golden, sizeof golden, "tests/golden/%s-%s.png", shots[i].lang,
                 ui_screen_name(shots[i].screen));
        snprintf(got, sizeof got, "build/tests/%s-%s.png", shots[i].lang,
                 ui_screen_name(shots[i].screen));
        assert_int_equal(render_screenshot(r, refresh ? golden : got), 0);
        assert_int_equal(render_missing_glyphs(r), 0);
        render_present(r);
        ui_destroy(ui);
        render_destroy(r);
        if (refresh)
            continue;
        SDL_Surface *want = load_png(golden), *have = load_png(got);
        assert_non_null(want);
        assert_non_null(have);
        int differ = 0;
        if (want->w != have->w || want->h != have->h)
            differ = -1;
        for (int y = 0; differ >= 0 && y < want->h; y++)
            for (int x = 0; x < want->w; x++)
                differ += pixel(want, x, y) != pixel(have, x, y);
        if (differ) {
            fprintf(stderr, "%s: %d pixels differ from the reviewed image (%s kept)\n", golden,
                    differ, got);
            faults++;
        }
        SDL_FreeSurface(want);
        SDL_FreeSurface(have);
    }
    assert_int_equal(faults, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_landscape_800x480_draws_cleanly),
        cmocka_unit_test(test_landscape_1280x800_draws_cleanly),
        cmocka_unit_test(test_full_hd_1920x1080_draws_cleanly),
        cmocka_unit_test(test_portrait_720x1280_draws_cleanly),
        cmocka_unit_test(test_large_text_and_high_contrast_draw_cleanly_at_every_size),
        cmocka_unit_test(test_a_capital_h_of_large_text_is_6_mm_on_the_7_inch_panel),
        cmocka_unit_test(test_a_missing_font_is_a_clear_start_up_error),
        cmocka_unit_test(test_a_touch_and_the_mouse_event_sdl_makes_from_it_count_once),
        cmocka_unit_test(test_touches_turn_with_the_display),
        cmocka_unit_test(test_scrolled_texts_move_with_the_body_and_are_cut_at_its_edges),
        cmocka_unit_test(test_a_turned_panel_shows_the_ui_turned),
        cmocka_unit_test(test_a_time_and_a_phone_number_read_in_their_own_order_inside_arabic),
        cmocka_unit_test(test_a_latin_name_sits_where_the_paragraph_direction_puts_it),
        cmocka_unit_test(test_an_arabic_line_too_wide_for_its_box_shows_its_start),
        cmocka_unit_test(test_arabic_letters_are_joined),
        cmocka_unit_test(test_urdu_lines_are_tall_enough_for_nastaliq),
        cmocka_unit_test(test_every_language_has_every_glyph_even_mixed_with_numbers_and_names),
        cmocka_unit_test(test_every_home_tile_is_in_sight_in_portrait_in_every_language),
        cmocka_unit_test(test_greek_and_english_screens_never_read_the_arabic_or_urdu_fonts),
        cmocka_unit_test(test_faces_let_go_are_read_again_and_draw_the_same),
        cmocka_unit_test(test_a_screen_of_arabic_is_drawn_quickly_the_first_time),
        cmocka_unit_test(test_right_to_left_screens_match_their_reviewed_golden_images),
    };
    if (getenv("KIOSK_GOLDEN_REFRESH"))     /* the golden images alone */
        cmocka_set_test_filter("test_right_to_left_screens_match_their_reviewed_golden_images");
    return cmocka_run_group_tests(tests, setup, teardown);
}
