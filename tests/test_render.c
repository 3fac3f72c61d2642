/* test_render.c - the screens drawn in software with the real fonts in SDL's offscreen
 * driver, at 800x480, 1280x800, 1920x1080 and 720x1280, in Greek and English: no text
 * is clipped or overlaps another, and the pixels show what the draw list says (every
 * text left ink on its background, the header is the header's blue, the language shown
 * is lit, scrolled texts are cut at the body's edges, a turned panel shows the UI
 * turned). */
#include "testdata.h"
#include <SDL.h>
#include "core/db.h"
#include "core/hsds.h"
#include "layoutcheck.h"
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
    const Content *cs[LANG_COUNT] = { &content[0], &content[1] };
    ui_set_content(ui, cs, &hours);
    ui_set_time(ui, 1795000000);
    ui_show(ui, screen, lang);
    return ui;
}

static void check_size(int w, int h)
{
    RenderOptions o = { .width = w, .height = h, .hidden = true, .share_dir = "." };
    Render *r = render_create(&o);
    assert_non_null(r);
    int rw, rh;
    render_size(r, &rw, &rh);
    assert_int_equal(rw, w);
    assert_int_equal(rh, h);
    Ui *ui = ui_for(r, SCREEN_HOME, LANG_EL);
    int faults = 0;
    for (int l = 0; l < LANG_COUNT; l++)
        for (int sc = 0; sc < SCREEN_COUNT; sc++) {
            char ctx[96];
            snprintf(ctx, sizeof ctx, "%dx%d %s-%s", w, h, i18n_code((Lang)l),
                     ui_screen_name((UiScreen)sc));
            ui_show(ui, (UiScreen)sc, (Lang)l);
            int n, bx, by, bw, bh, scroll;
            const UiCmd *c = ui_commands(ui, &n);
            ui_body(ui, &bx, &by, &bw, &bh, &scroll);
            faults += layout_faults(c, n, w, h, 100000, ctx);
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
            assert_int_equal(pixel(s, w / 2, 1), theme_color(COLOR_HEADER_BG));
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
            /* the language shown is the lit button of the switch */
            int lx, ly;
            assert_int_equal(ui_find_lang_button(ui, (Lang)l, &lx, &ly), 0);
            int ox, oy;
            assert_int_equal(ui_find_lang_button(ui, (Lang)(1 - l), &ox, &oy), 0);
            int tx, ty, tw, th;
            corner_of(ui, lx, ly, &tx, &ty);
            assert_int_equal(pixel(s, tx, ty), theme_color(COLOR_SWITCH_ON_BG));
            corner_of(ui, ox, oy, &tx, &ty);
            assert_int_equal(pixel(s, tx, ty), theme_color(COLOR_HEADER_BG));
            (void)tw, (void)th;
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
                if (c[i].kind == UI_RECT && c[i].color == theme_color(COLOR_ACCENT) &&
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

static void test_landscape_800x480_draws_cleanly(void **state) { (void)state; check_size(800, 480); }
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_landscape_800x480_draws_cleanly),
        cmocka_unit_test(test_landscape_1280x800_draws_cleanly),
        cmocka_unit_test(test_full_hd_1920x1080_draws_cleanly),
        cmocka_unit_test(test_portrait_720x1280_draws_cleanly),
        cmocka_unit_test(test_a_missing_font_is_a_clear_start_up_error),
        cmocka_unit_test(test_a_touch_and_the_mouse_event_sdl_makes_from_it_count_once),
        cmocka_unit_test(test_touches_turn_with_the_display),
        cmocka_unit_test(test_scrolled_texts_move_with_the_body_and_are_cut_at_its_edges),
        cmocka_unit_test(test_a_turned_panel_shows_the_ui_turned),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
