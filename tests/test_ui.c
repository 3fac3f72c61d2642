/* test_ui.c - the screens without a display: taps, drags, the language switch and the
 * idle reset by injected input, and the layout at every size with fake font metrics
 * (each character as wide as 0.55 of the size, which is wider than Noto Sans). */
#include "testdata.h"
#include "core/db.h"
#include "core/hsds.h"
#include "core/text.h"
#include "layoutcheck.h"
#include "ui/theme.h"
#include "ui/ui.h"
#include "ui/ui_private.h"     /* the screen table */

static int fake_measure(void *ctx, const char *s, size_t len, int style)
{
    (void)ctx;
    int n = 0;
    const char *p = s, *end = s + len;
    while (p < end && text_utf8_next(&p))
        n++;
    return (int)((float)n * 0.55f * (float)UI_STYLE_SIZE(style) + 0.5f);
}

static int fake_line_height(void *ctx, int style)
{
    (void)ctx;
    return UI_STYLE_SIZE(style) * 14 / 10;
}

static const UiMetrics metrics = { fake_measure, fake_line_height, NULL };

typedef struct Fixture {
    Content content[LANG_COUNT];
    HoursTable hours;
    Ui *ui;
} Fixture;

/* the default content of data/, imported as the kiosk does */
static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof *f);
    test_load_default_content(f->content, &f->hours);
    f->ui = ui_create(&metrics, 800, 480, 133.0);
    const Content *cs[LANG_COUNT] = { &f->content[0], &f->content[1] };
    ui_set_content(f->ui, cs, &f->hours);
    ui_set_time(f->ui, 1795000000);     /* a Wednesday, 2026-11-18, at 11:46 in Athens */
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    ui_destroy(f->ui);
    for (int l = 0; l < LANG_COUNT; l++)
        content_free(&f->content[l]);
    free(f);
    return 0;
}

static void tap(Ui *ui, int x, int y, uint32_t ms)
{
    ui_press(ui, x, y, ms);
    ui_release(ui, x, y, ms + 60);
}

static void test_every_tile_opens_its_screen_and_back_returns_home(void **state)
{
    Fixture *f = *state;
    for (int s = SCREEN_HOME + 1; s < SCREEN_VISITOR_COUNT; s++) {
        int x, y;
        if (s == SCREEN_SERVICES)
            continue;           /* no member services here: test_directory_ui has its tile */
        ui_reset(f->ui, LANG_EL);
        assert_int_equal(ui_find_button(f->ui, (UiScreen)s, &x, &y), 0);
        tap(f->ui, x, y, 1000);
        assert_int_equal(ui_screen(f->ui), s);
        assert_int_equal(ui_find_button(f->ui, SCREEN_HOME, &x, &y), 0);
        tap(f->ui, x, y, 2000);
        assert_int_equal(ui_screen(f->ui), SCREEN_HOME);
    }
}

static void test_back_returns_to_the_screen_before(void **state)
{
    Fixture *f = *state;
    int x, y;
    ui_reset(f->ui, LANG_EL);
    ui_show(f->ui, SCREEN_CONTACT, LANG_EL);
    ui_show(f->ui, SCREEN_LOCATION, LANG_EL);   /* as its "where to find us" link does */
    (void)x, (void)y;
    assert_int_equal(ui_screen(f->ui), SCREEN_LOCATION);
    /* back is the header's first button: at the top left */
    tap(f->ui, 20, 20, 300);
    assert_int_equal(ui_screen(f->ui), SCREEN_CONTACT);
    tap(f->ui, 20, 20, 500);
    assert_int_equal(ui_screen(f->ui), SCREEN_HOME);
}

static void test_language_switch_keeps_the_screen(void **state)
{
    Fixture *f = *state;
    int x, y;
    ui_reset(f->ui, LANG_EL);
    ui_show(f->ui, SCREEN_HOURS, LANG_EL);
    assert_int_equal(ui_find_lang_button(f->ui, LANG_EN, &x, &y), 0);
    tap(f->ui, x, y, 100);
    assert_int_equal(ui_screen(f->ui), SCREEN_HOURS);
    assert_int_equal(ui_lang(f->ui), LANG_EN);
    assert_int_equal(ui_find_lang_button(f->ui, LANG_EL, &x, &y), 0);
    tap(f->ui, x, y, 300);
    assert_int_equal(ui_lang(f->ui), LANG_EL);
}

static void test_a_drag_scrolls_and_is_not_a_tap(void **state)
{
    Fixture *f = *state;
    int bx, by, bw, bh, scroll;
    ui_reset(f->ui, LANG_EN);
    ui_show(f->ui, SCREEN_ABOUT, LANG_EN);
    ui_body(f->ui, &bx, &by, &bw, &bh, &scroll);
    assert_int_equal(scroll, 0);
    int x = bw / 2, y = by + bh - 20;
    ui_press(f->ui, x, y, 0);
    for (int i = 1; i <= 10; i++)
        ui_drag(f->ui, x, y - i * 20, (uint32_t)(i * 16));
    ui_release(f->ui, x, y - 200, 176);
    ui_body(f->ui, &bx, &by, &bw, &bh, &scroll);
    assert_true(scroll >= 190);
    assert_int_equal(ui_screen(f->ui), SCREEN_ABOUT);
}

static void test_a_flick_keeps_moving_then_stops(void **state)
{
    Fixture *f = *state;
    int bx, by, bw, bh, s1, s2;
    ui_reset(f->ui, LANG_EL);
    ui_show(f->ui, SCREEN_ABOUT, LANG_EL);
    ui_body(f->ui, &bx, &by, &bw, &bh, &s1);
    int x = bw / 2, y = by + bh - 10;
    ui_press(f->ui, x, y, 0);
    for (int i = 1; i <= 4; i++)
        ui_drag(f->ui, x, y - i * 30, (uint32_t)(i * 10));
    ui_release(f->ui, x, y - 120, 40);
    ui_body(f->ui, &bx, &by, &bw, &bh, &s1);
    uint32_t ms = 40;
    int frames = 0;
    while (ui_animate(f->ui, ms += 16) && frames < 1000)
        frames++;
    ui_body(f->ui, &bx, &by, &bw, &bh, &s2);
    assert_true(s2 > s1 + 50);  /* momentum carried it on */
    assert_true(frames < 200);  /* and it settled within about three seconds */
}

/* render learns the body's place and scroll from the list alone: a UI_CLIP before the
 * body's commands, and one that ends it before the header */
static void test_the_body_clip_carries_the_scroll_to_render(void **state)
{
    Fixture *f = *state;
    int bx, by, bw, bh, scroll, n;
    ui_reset(f->ui, LANG_EN);
    ui_show(f->ui, SCREEN_ABOUT, LANG_EN);
    ui_body(f->ui, &bx, &by, &bw, &bh, &scroll);
    ui_press(f->ui, 400, by + bh - 10, 0);
    ui_drag(f->ui, 400, by + 10, 200);
    ui_release(f->ui, 400, by + 10, 400);
    ui_body(f->ui, &bx, &by, &bw, &bh, &scroll);
    assert_true(scroll > 0);
    const UiCmd *c = ui_commands(f->ui, &n);
    int clips = 0, body = 0;
    bool in_clip = false;
    for (int i = 0; i < n; i++) {
        if (c[i].kind == UI_CLIP) {
            in_clip = c[i].w > 0;
            if (in_clip) {
                assert_int_equal(c[i].x, bx);
                assert_int_equal(c[i].y, by);
                assert_int_equal(c[i].w, bw);
                assert_int_equal(c[i].h, bh);
                assert_int_equal(c[i].scroll, scroll);
            }
            clips++;
            continue;
        }
        assert_int_equal(c[i].scrolls, in_clip);
        body += in_clip;
    }
    assert_int_equal(clips, 2);
    assert_true(body > 10);
}

static void test_idle_reset_goes_home_in_greek(void **state)
{
    Fixture *f = *state;
    ui_show(f->ui, SCREEN_FUNDING, LANG_EN);
    ui_reset(f->ui, LANG_EL);
    assert_int_equal(ui_screen(f->ui), SCREEN_HOME);
    assert_int_equal(ui_lang(f->ui), LANG_EL);
}

static void test_no_text_is_clipped_or_overlaps_at_any_size(void **state)
{
    Fixture *f = *state;
    static const int sizes[][2] = { { 800, 480 }, { 1280, 800 }, { 1920, 1080 }, { 720, 1280 } };
    int faults = 0;
    for (size_t z = 0; z < sizeof sizes / sizeof sizes[0]; z++) {
        ui_set_size(f->ui, sizes[z][0], sizes[z][1]);
        for (int l = 0; l < LANG_COUNT; l++)
            for (int s = 0; s < SCREEN_COUNT; s++) {
                char ctx[96];
                int n;
                ui_show(f->ui, (UiScreen)s, (Lang)l);
                const UiCmd *c = ui_commands(f->ui, &n);
                snprintf(ctx, sizeof ctx, "%dx%d %s-%s", sizes[z][0], sizes[z][1],
                         i18n_code((Lang)l), ui_screen_name((UiScreen)s));
                faults += layout_faults(c, n, sizes[z][0], sizes[z][1], 100000, ctx);
                if (ui_dropped_lines(f->ui)) {
                    fprintf(stderr, "%s: a label is cut short\n", ctx);
                    faults++;
                }
                if (ui_cut_words(f->ui)) {
                    fprintf(stderr, "%s: a word is broken across lines\n", ctx);
                    faults++;
                }
                if (ui_overflows(f->ui)) {
                    fprintf(stderr, "%s: %d things did not fit the draw list\n", ctx,
                            ui_overflows(f->ui));
                    faults++;
                }
            }
    }
    ui_set_size(f->ui, 800, 480);
    assert_int_equal(faults, 0);
}

static void test_touch_targets_are_at_least_9_mm(void **state)
{
    Fixture *f = *state;
    int min = (int)(9.0 / 25.4 * 133.0);
    for (int s = 0; s < SCREEN_COUNT; s++) {
        ui_show(f->ui, (UiScreen)s, LANG_EL);
        int x, y, w, h, n = ui_target(f->ui, 0, &x, &y, &w, &h);
        assert_true(n > 0);
        for (int i = 0; i < n; i++) {
            ui_target(f->ui, i, &x, &y, &w, &h);
            assert_true(w >= min);
            assert_true(h >= min);
        }
    }
}

static void test_every_screen_has_a_whole_row_in_the_table(void **state)
{
    (void)state;
    for (int s = 0; s < SCREEN_COUNT; s++) {
        const UiScreenDef *d = ui_screen_def((UiScreen)s);
        assert_non_null(d->name);
        assert_true(*d->name);
        assert_non_null(d->layout);
        assert_true(d->title < STR_COUNT);
        /* an icon is one private-use code point of the icon font, U+E000..U+F8FF */
        assert_non_null(d->icon);
        assert_true(d->icon[0] == '\xee' || d->icon[0] == '\xef');
        assert_int_equal(strlen(d->icon), 3);
        /* only the staff screen and a service's card (reached from a directory's row) are
           hidden, and they come after the visitors' */
        assert_int_equal(d->hidden, s >= SCREEN_VISITOR_COUNT);
        for (int t = 0; t < s; t++) {   /* a row copied and not changed shows here */
            assert_string_not_equal(d->name, ui_screen_def((UiScreen)t)->name);
            assert_int_not_equal(d->title, ui_screen_def((UiScreen)t)->title);
        }
        const UiScreen *rel;
        int n = ui_screen_related((UiScreen)s, &rel);
        for (int i = 0; i < n; i++) {
            assert_true(rel[i] < SCREEN_COUNT && (int)rel[i] != s);
            assert_false(ui_screen_def(rel[i])->hidden);
        }
    }
}

/* taps through every link and tile in a window tall enough to show each screen whole */
static void test_every_visitor_screen_is_reachable_from_home_and_staff_is_not(void **state)
{
    Fixture *f = *state;
    bool seen[SCREEN_COUNT] = { [SCREEN_HOME] = true };
    UiScreen queue[SCREEN_COUNT] = { SCREEN_HOME };
    int head = 0, tail = 1;
    ui_set_size(f->ui, 1280, 8000);
    while (head < tail) {
        UiScreen from = queue[head++];
        for (int t = 0; t < SCREEN_COUNT; t++) {
            int x, y;
            ui_reset(f->ui, LANG_EN);
            ui_show(f->ui, from, LANG_EN);
            if (t == (int)from || ui_find_button(f->ui, (UiScreen)t, &x, &y) != 0)
                continue;
            tap(f->ui, x, y, 100);
            assert_int_equal(ui_screen(f->ui), t);
            if (!seen[t]) {
                seen[t] = true;
                queue[tail++] = (UiScreen)t;
            }
        }
    }
    ui_set_size(f->ui, 800, 480);
    /* the built-in content has no member services: no tile leads to the directory
       (test_directory_ui reaches it with them) */
    for (int s = 0; s < SCREEN_COUNT; s++)
        assert_int_equal(seen[s], s < SCREEN_VISITOR_COUNT && s != SCREEN_SERVICES);
}

/* commands, buttons and texts past their fixed lists are counted, and what was in
 * the list stays as it was (the last command used to be overwritten) */
static void test_what_does_not_fit_the_draw_list_is_counted_not_lost(void **state)
{
    Fixture *f = *state;
    Ui *ui = f->ui;
    ui_list_clear(ui);
    for (int i = 0; i < UI_MAX_CMDS; i++)
        ui_rect(ui, 0, i, 1, 1, COLOR_BG);
    for (int i = 0; i < UI_MAX_BUTTONS; i++)
        ui_button(ui, 0, i, 1, 1, BTN_ACTION, i);
    assert_int_equal(ui->list.overflows, 0);
    ui_rect(ui, 0, -1, 5, 5, COLOR_ACCENT);
    ui_button(ui, 0, -1, 5, 5, BTN_ACTION, -1);
    assert_int_equal(ui->list.overflows, 2);
    assert_int_equal(ui->list.n_cmds, UI_MAX_CMDS);
    assert_int_equal(ui->list.cmds[UI_MAX_CMDS - 1].y, UI_MAX_CMDS - 1);
    assert_int_equal(ui->list.n_buttons, UI_MAX_BUTTONS);
    assert_int_equal(ui->list.buttons[UI_MAX_BUTTONS - 1].target, UI_MAX_BUTTONS - 1);
    const char *first = ui_printf(ui, "%s", "first");
    char chunk[1000];
    memset(chunk, 'x', sizeof chunk - 1);
    chunk[sizeof chunk - 1] = '\0';
    for (int i = 0; i < UI_ARENA / 1000 + 1; i++)
        ui_printf(ui, "%s", chunk);
    assert_int_equal(ui->list.overflows, 3);
    assert_string_equal(first, "first");
    ui_invalidate(ui);                  /* the next layout starts clean */
    assert_int_equal(ui_overflows(ui), 0);
}

/* a text of more lines than a text may have (UI_MAX_LINES) is counted too */
static void test_a_text_longer_than_the_line_limit_is_counted(void **state)
{
    Fixture *f = *state;
    static char lines[2 * (UI_MAX_LINES + 10) + 1];
    for (size_t i = 0; i + 1 < sizeof lines; i += 2)
        memcpy(lines + i, "a\n", 2);
    char *funding = f->content[LANG_EN].funding;
    f->content[LANG_EN].funding = lines;
    ui_reset(f->ui, LANG_EN);
    ui_show(f->ui, SCREEN_FUNDING, LANG_EN);
    assert_int_equal(ui_overflows(f->ui), 1);
    f->content[LANG_EN].funding = funding;
    ui_show(f->ui, SCREEN_HOME, LANG_EN);
    ui_show(f->ui, SCREEN_FUNDING, LANG_EN);
    assert_int_equal(ui_overflows(f->ui), 0);
}

static void test_screen_names_round_trip(void **state)
{
    (void)state;
    for (int s = 0; s < SCREEN_COUNT; s++)
        assert_int_equal(ui_screen_from_name(ui_screen_name((UiScreen)s)), s);
    assert_int_equal(ui_screen_from_name("settings"), SCREEN_COUNT);
}

static void test_a_frame_is_drawn_only_when_something_changed(void **state)
{
    Fixture *f = *state;
    int n;
    ui_show(f->ui, SCREEN_HOME, LANG_EL);
    ui_commands(f->ui, &n);
    assert_false(ui_dirty(f->ui));
    ui_set_time(f->ui, 1795000000 + 5);     /* the same minute */
    assert_false(ui_dirty(f->ui));
    ui_set_time(f->ui, 1795000000 + 60);
    assert_true(ui_dirty(f->ui));
}

static void test_night_mode_is_dim_and_a_touch_wakes_it(void **state)
{
    Fixture *f = *state;
    int n;
    ui_reset(f->ui, LANG_EL);
    ui_set_night(f->ui, true);
    const UiCmd *c = ui_commands(f->ui, &n);
    assert_int_equal(c[0].kind, UI_RECT);
    assert_int_equal(c[0].color, theme_color(COLOR_NIGHT_BG));
    int texts = 0;
    for (int i = 0; i < n; i++)
        if (c[i].kind == UI_TEXT) {
            assert_int_equal(c[i].color, theme_color(COLOR_NIGHT_TEXT));
            texts++;
        }
    assert_true(texts >= 3);    /* the clock, the date and the next opening */
    tap(f->ui, 400, 240, 100);
    assert_false(ui_night(f->ui));
    assert_int_equal(ui_screen(f->ui), SCREEN_HOME);    /* the waking touch opened nothing */
    c = ui_commands(f->ui, &n);
    assert_int_not_equal(c[0].color, theme_color(COLOR_NIGHT_BG));
}

/* the scroll bar's thumb: the last accent-coloured rect at the window's right edge */
static const UiCmd *thumb_of(Ui *ui)
{
    int n;
    const UiCmd *c = ui_commands(ui, &n), *t = NULL;
    for (int i = 0; i < n; i++)
        if (c[i].kind == UI_RECT && c[i].color == theme_color(COLOR_ACCENT) &&
            c[i].x + c[i].w >= 790 && c[i].w < 20)
            t = &c[i];
    return t;
}

static void test_a_long_screen_shows_a_scroll_bar_that_follows_the_scroll(void **state)
{
    Fixture *f = *state;
    ui_reset(f->ui, LANG_EN);
    ui_show(f->ui, SCREEN_ABOUT, LANG_EN);
    const UiCmd *t = thumb_of(f->ui);
    assert_non_null(t);
    int top = t->y;
    int bx, by, bw, bh, scroll;
    ui_body(f->ui, &bx, &by, &bw, &bh, &scroll);
    ui_press(f->ui, 400, by + bh - 10, 0);
    ui_drag(f->ui, 400, by + 10, 200);
    ui_release(f->ui, 400, by + 10, 400);
    t = thumb_of(f->ui);
    assert_non_null(t);
    assert_true(t->y > top);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_tile_opens_its_screen_and_back_returns_home),
        cmocka_unit_test(test_back_returns_to_the_screen_before),
        cmocka_unit_test(test_language_switch_keeps_the_screen),
        cmocka_unit_test(test_a_drag_scrolls_and_is_not_a_tap),
        cmocka_unit_test(test_a_flick_keeps_moving_then_stops),
        cmocka_unit_test(test_the_body_clip_carries_the_scroll_to_render),
        cmocka_unit_test(test_idle_reset_goes_home_in_greek),
        cmocka_unit_test(test_no_text_is_clipped_or_overlaps_at_any_size),
        cmocka_unit_test(test_touch_targets_are_at_least_9_mm),
        cmocka_unit_test(test_screen_names_round_trip),
        cmocka_unit_test(test_every_screen_has_a_whole_row_in_the_table),
        cmocka_unit_test(test_every_visitor_screen_is_reachable_from_home_and_staff_is_not),
        cmocka_unit_test(test_what_does_not_fit_the_draw_list_is_counted_not_lost),
        cmocka_unit_test(test_a_text_longer_than_the_line_limit_is_counted),
        cmocka_unit_test(test_a_frame_is_drawn_only_when_something_changed),
        cmocka_unit_test(test_night_mode_is_dim_and_a_touch_wakes_it),
        cmocka_unit_test(test_a_long_screen_shows_a_scroll_bar_that_follows_the_scroll),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
