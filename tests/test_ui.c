/* test_ui.c - the screens without a display: taps, drags, the language switch and the
 * idle reset by injected input, and the layout at every size with fake font metrics
 * (each character as wide as 0.55 of the size, which is wider than Noto Sans). */
#include <math.h>
#include "uifake.h"
#include "core/db.h"
#include "core/hsds.h"
#include "core/text.h"
#include "layoutcheck.h"
#include "ui/theme.h"
#include "ui/ui.h"
#include "ui/ui_private.h"     /* the screen table */

static void tap(Ui *ui, int x, int y, uint32_t ms)
{
    ui_press(ui, x, y, ms);
    ui_release(ui, x, y, ms + 60);
}

/* the i-th button of kind in the layout, for the buttons ui.h has no finder for */
static const UiButton *button_of(Ui *ui, UiButtonKind kind, int target)
{
    int n;
    ui_commands(ui, &n);
    for (int i = 0; i < ui->list.n_buttons; i++)
        if (ui->list.buttons[i].kind == kind && ui->list.buttons[i].target == target)
            return &ui->list.buttons[i];
    return NULL;
}

/* the button to target, tapping the footer's page-down button until it is in sight,
 * as a visitor who cannot drag would: 0, or -1 */
static int find_scrolling(Ui *ui, UiScreen target, int *x, int *y)
{
    for (int page = 0; page < 20; page++) {
        if (ui_find_button(ui, target, x, y) == 0)
            return 0;
        const UiButton *down = button_of(ui, BTN_SCROLL, 1);
        if (!down)
            return -1;
        tap(ui, down->x + down->w / 2, down->y + down->h / 2, (uint32_t)(10000 + page * 100));
    }
    return -1;
}

static void test_every_tile_opens_its_screen_and_back_returns_home(void **state)
{
    UiFake *f = *state;
    for (int s = SCREEN_HOME + 1; s < SCREEN_VISITOR_COUNT; s++) {
        int x, y;
        if (s == SCREEN_SERVICES)
            continue;           /* no member services here: test_directory_ui has its tile */
        ui_reset(f->ui, LANG_EL);
        assert_int_equal(find_scrolling(f->ui, (UiScreen)s, &x, &y), 0);
        tap(f->ui, x, y, 1000);
        assert_int_equal(ui_screen(f->ui), s);
        assert_int_equal(ui_find_button(f->ui, SCREEN_HOME, &x, &y), 0);
        tap(f->ui, x, y, 2000);
        assert_int_equal(ui_screen(f->ui), SCREEN_HOME);
    }
}

static void test_back_returns_to_the_screen_before(void **state)
{
    UiFake *f = *state;
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

/* the globe of the header, then lang's button on the picker */
static void switch_language(Ui *ui, Lang lang, uint32_t ms)
{
    int x, y;
    assert_int_equal(ui_find_button(ui, SCREEN_LANGUAGES, &x, &y), 0);
    tap(ui, x, y, ms);
    assert_int_equal(ui_screen(ui), SCREEN_LANGUAGES);
    assert_int_equal(ui_find_lang_button(ui, lang, &x, &y), 0);
    tap(ui, x, y, ms + 200);
}

static void test_language_switch_keeps_the_screen(void **state)
{
    UiFake *f = *state;
    int x, y;
    ui_reset(f->ui, LANG_EL);
    ui_show(f->ui, SCREEN_HOURS, LANG_EL);
    assert_int_equal(ui_find_lang_button(f->ui, LANG_EN, &x, &y), -1);  /* not in the header */
    for (int l = 0; l < LANG_COUNT; l++) {
        switch_language(f->ui, (Lang)(LANG_COUNT - 1 - l), 100 + 1000 * (uint32_t)l);
        assert_int_equal(ui_screen(f->ui), SCREEN_HOURS);
        assert_int_equal(ui_lang(f->ui), (Lang)(LANG_COUNT - 1 - l));
    }
    /* the globe a second time closes the picker where it was opened */
    int gx, gy;
    assert_int_equal(ui_find_button(f->ui, SCREEN_LANGUAGES, &gx, &gy), 0);
    tap(f->ui, gx, gy, 9000);
    assert_int_equal(ui_screen(f->ui), SCREEN_LANGUAGES);
    assert_int_equal(ui_find_button(f->ui, SCREEN_LANGUAGES, &x, &y), -1);
    tap(f->ui, gx, gy, 9200);
    assert_int_equal(ui_screen(f->ui), SCREEN_HOURS);
}

/* the header's globe: the picker's control, one tap from every screen, at the same
 * place and size on each (for a language), and each language named in its own
 * script on the picker */
static void test_the_language_picker_is_one_tap_from_every_screen_and_looks_the_same(void **state)
{
    UiFake *f = *state;
    static const int sizes[][2] = { { 800, 480 }, { 720, 1280 } };
    for (size_t z = 0; z < sizeof sizes / sizeof sizes[0]; z++) {
        ui_set_size(f->ui, sizes[z][0], sizes[z][1]);
        for (int l = 0; l < LANG_COUNT; l++) {
            int first[4] = { -1 };
            for (int s = 0; s < SCREEN_VISITOR_COUNT; s++) {
                if (s == SCREEN_LANGUAGES)
                    continue;
                ui_reset(f->ui, (Lang)l);
                ui_show(f->ui, (UiScreen)s, (Lang)l);
                int n = ui_target(f->ui, 0, &(int){ 0 }, &(int){ 0 }, &(int){ 0 }, &(int){ 0 });
                int found = 0;
                for (int i = 0; i < n; i++) {
                    const UiButton *b = &f->ui->list.buttons[i];
                    if (b->kind != BTN_SCREEN || b->target != SCREEN_LANGUAGES)
                        continue;
                    found++;
                    assert_false(b->scrolls);   /* in the header, never scrolled away */
                    if (first[0] < 0)
                        first[0] = b->x, first[1] = b->y, first[2] = b->w, first[3] = b->h;
                    assert_int_equal(b->x, first[0]);
                    assert_int_equal(b->w, first[2]);
                    assert_int_equal(b->h, first[3]);
                    assert_true(b->h >= f->ui->target && b->w >= f->ui->target);
                }
                assert_int_equal(found, 1);
            }
            /* the picker: every language's button, its own name in it, none off screen */
            ui_show(f->ui, SCREEN_LANGUAGES, (Lang)l);
            int n;
            const UiCmd *c = ui_commands(f->ui, &n);
            for (int k = 0; k < LANG_COUNT; k++) {
                int x, y;
                assert_int_equal(ui_find_lang_button(f->ui, (Lang)k, &x, &y), 0);
                const char *name = i18n_name((Lang)k);
                bool shown = false;
                for (int i = 0; i < n && !shown; i++)
                    shown = c[i].kind == UI_TEXT && c[i].len == (int)strlen(name) &&
                            memcmp(c[i].text, name, strlen(name)) == 0 &&
                            c[i].x <= x && x <= c[i].x + c[i].w + 1;
                assert_true(shown);
            }
        }
    }
    ui_set_size(f->ui, 800, 480);
}

/* the command that draws the whole text s; NULL when none does */
static const UiCmd *text_cmd(Ui *ui, const char *s)
{
    int n;
    const UiCmd *c = ui_commands(ui, &n);
    for (int i = 0; i < n; i++)
        if (c[i].kind == UI_TEXT && c[i].len == (int)strlen(s) &&
            memcmp(c[i].text, s, strlen(s)) == 0)
            return &c[i];
    return NULL;
}

/* the leftmost x of the first text command that reads s (its style in *style); -1 */
static int text_x(Ui *ui, const char *s, int *style)
{
    const UiCmd *c = text_cmd(ui, s);
    if (c && style)
        *style = c->style;
    return c ? c->x : -1;
}

static void test_a_right_to_left_language_mirrors_the_layout(void **state)
{
    UiFake *f = *state;
    int bx, by, hx, hy, ax, ay, cx, cy;
    for (int l = 0; l < LANG_COUNT; l++) {
        bool rtl = i18n_direction((Lang)l) == I18N_RTL;
        ui_reset(f->ui, (Lang)l);
        /* the first tile (about) on the reading side, the next one after it */
        assert_int_equal(ui_find_button(f->ui, SCREEN_ABOUT, &ax, &ay), 0);
        assert_int_equal(ui_find_button(f->ui, SCREEN_HOURS, &cx, &cy), 0);
        assert_int_equal(ay, cy);
        assert_true(rtl ? ax > cx : ax < cx);
        /* Back on the reading side, the globe at the other end */
        ui_show(f->ui, SCREEN_HOURS, (Lang)l);
        assert_int_equal(ui_find_button(f->ui, SCREEN_HOME, &bx, &by), 0);
        assert_int_equal(ui_find_button(f->ui, SCREEN_LANGUAGES, &hx, &hy), 0);
        assert_true(rtl ? bx > 400 && hx < 400 : bx < 400 && hx > 400);
        /* the week: a day's name on the reading side of its hours, its text set right
           to left (and in Nastaliq for Urdu), ending at the right edge when mirrored */
        const char *monday = i18n_weekday((Lang)l, 0);
        int style = 0, mx = text_x(f->ui, monday, &style);
        int hours_x = text_x(f->ui, "09:00 – 17:00", NULL);
        assert_true(mx >= 0);
        if (hours_x >= 0)   /* the hours in Western digits */
            assert_true(rtl ? mx > hours_x : mx < hours_x);
        assert_int_equal(!!(style & TEXT_STYLE_RTL), rtl);
        assert_int_equal(!!(style & TEXT_STYLE_NASTALIQ), strcmp(i18n_code((Lang)l), "ur") == 0);
        /* the back arrow points the way back */
        assert_true(text_x(f->ui, rtl ? ICON_FORWARD : ICON_BACK, NULL) >= 0);
        assert_true(text_x(f->ui, rtl ? ICON_BACK : ICON_FORWARD, NULL) < 0);
    }
}

/* issue 11: a text of the centre with no translation in the visitor's language shows
 * in English under a line, in the visitor's language, that says so */
static void test_a_text_without_translation_is_shown_marked_in_the_visitors_language(void **state)
{
    UiFake *f = *state;
    for (int l = 0; l < LANG_COUNT; l++) {
        Content *c = &f->content[l];
        ContentFellBack saved[CONTENT_MAX_FELL_BACK];
        int n_saved = c->n_fell_back;
        memcpy(saved, c->fell_back, sizeof saved);
        Lang from = l == LANG_EN ? LANG_EL : LANG_EN;
        c->n_fell_back = 1;
        c->fell_back[0] = (ContentFellBack){ c->org_description, from };
        const char *note = i18n_str((Lang)l, from == LANG_EN ? STR_IN_ENGLISH : STR_IN_GREEK);
        ui_reset(f->ui, (Lang)l);
        ui_show(f->ui, SCREEN_ABOUT, (Lang)l);
        ui_set_content(f->ui, (const Content *[LANG_COUNT]){ 0 }, &f->hours);
        const Content *cs[LANG_COUNT];
        for (int k = 0; k < LANG_COUNT; k++)
            cs[k] = &f->content[k];
        ui_set_content(f->ui, cs, &f->hours);
        int note_y = -1, text_style = 0, n;
        const UiCmd *cmd = ui_commands(f->ui, &n);
        for (int i = 0; i < n; i++) {
            if (cmd[i].kind != UI_TEXT)
                continue;
            if (cmd[i].len == (int)strlen(note) && memcmp(cmd[i].text, note, strlen(note)) == 0)
                note_y = cmd[i].y;
            if (cmd[i].text == c->org_description && note_y >= 0) {
                assert_true(cmd[i].y > note_y);     /* the note comes first */
                text_style = cmd[i].style;
            }
        }
        assert_true(note_y >= 0);
        /* set in its own language's direction, not the visitor's */
        assert_false(text_style & TEXT_STYLE_RTL);
        /* translated: no note */
        c->n_fell_back = 0;
        ui_set_content(f->ui, cs, &f->hours);
        cmd = ui_commands(f->ui, &n);
        for (int i = 0; i < n; i++)
            assert_false(cmd[i].kind == UI_TEXT && cmd[i].len == (int)strlen(note) &&
                         memcmp(cmd[i].text, note, strlen(note)) == 0);
        c->n_fell_back = n_saved;
        memcpy(c->fell_back, saved, sizeof saved);
    }
}

/* an address is made of the street, the postal code and the city: when the city has
 * no translation, the whole address is marked, not shown as if translated */
static void test_an_address_with_an_untranslated_part_is_marked_too(void **state)
{
    UiFake *f = *state;
    for (int l = 0; l < LANG_COUNT; l++) {
        if (l == LANG_EL)
            continue;
        Content *c = &f->content[l];
        int n_saved = c->n_fell_back;
        ContentFellBack saved = c->fell_back[0];
        c->n_fell_back = 1;
        c->fell_back[0] = (ContentFellBack){ c->city, LANG_EN };
        const char *note = i18n_str((Lang)l, STR_IN_ENGLISH);
        ui_reset(f->ui, (Lang)l);
        ui_show(f->ui, SCREEN_LOCATION, (Lang)l);
        const Content *cs[LANG_COUNT];
        for (int k = 0; k < LANG_COUNT; k++)
            cs[k] = &f->content[k];
        ui_set_content(f->ui, cs, &f->hours);
        const UiCmd *noted = text_cmd(f->ui, note);
        int n, note_y = noted ? noted->y : -1, city_y = -1;
        const UiCmd *cmd = ui_commands(f->ui, &n);
        for (int i = 0; i < n; i++)     /* the city is a line of the composed address */
            if (cmd[i].kind == UI_TEXT && &cmd[i] != noted &&
                memmem(cmd[i].text, (size_t)cmd[i].len, c->city, strlen(c->city)))
                city_y = cmd[i].y;
        if (l == LANG_EN)       /* English text in English: nothing to say */
            assert_int_equal(note_y, -1);
        else {
            assert_true(note_y >= 0);
            assert_true(city_y > note_y);
        }
        c->n_fell_back = n_saved;
        c->fell_back[0] = saved;
    }
}

static void test_a_drag_scrolls_and_is_not_a_tap(void **state)
{
    UiFake *f = *state;
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
    UiFake *f = *state;
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
    UiFake *f = *state;
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
    UiFake *f = *state;
    ui_show(f->ui, SCREEN_FUNDING, LANG_EN);
    ui_reset(f->ui, LANG_EL);
    assert_int_equal(ui_screen(f->ui), SCREEN_HOME);
    assert_int_equal(ui_lang(f->ui), LANG_EL);
}

static const int sizes[][2] = { { 800, 480 }, { 1280, 800 }, { 1920, 1080 }, { 720, 1280 } };
#define N_SIZES (sizeof sizes / sizeof sizes[0])

/* no text clipped, overlapping, cut short or broken, in normal and in large text */
static void test_no_text_is_clipped_or_overlaps_at_any_size(void **state)
{
    UiFake *f = *state;
    int faults = 0;
    for (int large = 0; large < 2; large++)
    for (size_t z = 0; z < N_SIZES; z++) {
        ui_set_size(f->ui, sizes[z][0], sizes[z][1]);
        for (int l = 0; l < LANG_COUNT; l++)
            for (int s = 0; s < SCREEN_COUNT; s++) {
                char ctx[96];
                int n;
                ui_show(f->ui, (UiScreen)s, (Lang)l);
                ui_set_large_text(f->ui, large);
                const UiCmd *c = ui_commands(f->ui, &n);
                snprintf(ctx, sizeof ctx, "%dx%d %s-%s%s", sizes[z][0], sizes[z][1],
                         i18n_code((Lang)l), ui_screen_name((UiScreen)s),
                         large ? " large text" : "");
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
    ui_set_large_text(f->ui, false);
    ui_set_size(f->ui, 800, 480);
    assert_int_equal(faults, 0);
}

/* the dialogs a screen may show, for the tests that go over every state */
static const UiDialogKind dialogs[] = { UI_DIALOG_NONE, UI_DIALOG_BUSY, UI_DIALOG_MESSAGE,
                                        UI_DIALOG_CONFIRM, UI_DIALOG_PIN };
#define N_DIALOGS (sizeof dialogs / sizeof dialogs[0])

static void test_touch_targets_are_at_least_9_mm_at_every_size_in_every_mode(void **state)
{
    UiFake *f = *state;
    int min = (int)(9.0 / 25.4 * 133.0), checked = 0;
    for (int mode = 0; mode < 4; mode++)
        for (size_t z = 0; z < N_SIZES; z++)
            for (int s = 0; s < SCREEN_COUNT; s++)
                for (size_t d = 0; d < N_DIALOGS; d++) {
                    ui_set_size(f->ui, sizes[z][0], sizes[z][1]);
                    ui_show(f->ui, (UiScreen)s, LANG_EL);
                    ui_set_large_text(f->ui, mode & 1);
                    ui_set_high_contrast(f->ui, mode & 2);
                    ui_dialog(f->ui, dialogs[d], "Title", "Text", 10);
                    int x, y, w, h, n = ui_target(f->ui, 0, &x, &y, &w, &h);
                    assert_true(n > 0 || dialogs[d] == UI_DIALOG_BUSY);
                    for (int i = 0; i < n; i++, checked++) {
                        ui_target(f->ui, i, &x, &y, &w, &h);
                        if (w < min || h < min)
                            fail_msg("%dx%d %s mode %d dialog %d: target %d is %dx%d px",
                                     sizes[z][0], sizes[z][1], ui_screen_name((UiScreen)s),
                                     mode, (int)d, i, w, h);
                    }
                }
    ui_dialog(f->ui, UI_DIALOG_NONE, NULL, NULL, 0);
    ui_reset(f->ui, LANG_EL);
    ui_set_size(f->ui, 800, 480);
    assert_true(checked > 1000);
}

/* the colour of the last rectangle drawn before command i under (x, y): what a text
 * is really drawn on. A body rectangle counts only inside the body, where it shows. */
static int colour_under(const UiCmd *c, int i, int x, int y, const int clip[4], uint32_t *rgb)
{
    for (int j = i - 1; j >= 0; j--) {
        if (c[j].kind != UI_RECT || x < c[j].x || x >= c[j].x + c[j].w || y < c[j].y ||
            y >= c[j].y + c[j].h)
            continue;
        if (c[j].scrolls && (y < clip[1] || y >= clip[1] + clip[3]))
            continue;
        *rgb = c[j].color;
        return 0;
    }
    return -1;
}

/* every text and icon that any screen draws, in both themes, at every size, in large
 * text and not, over every dialog: 7:1 of its ink against its background, and that
 * background is the colour of what is really under it. A pair no list names is caught. */
static void test_every_text_and_icon_drawn_has_7_to_1_against_what_is_behind_it(void **state)
{
    UiFake *f = *state;
    int texts = 0, faults = 0;
    for (int mode = 0; mode < 4; mode++)
        for (size_t z = 0; z < N_SIZES; z++)
            for (int l = 0; l < LANG_COUNT; l++)
                for (int s = 0; s <= SCREEN_COUNT; s++)   /* SCREEN_COUNT: the night screen */
                    for (size_t d = 0; d < (s == SCREEN_COUNT ? 1 : N_DIALOGS); d++) {
                        ui_set_size(f->ui, sizes[z][0], sizes[z][1]);
                        ui_show(f->ui, s == SCREEN_COUNT ? SCREEN_HOME : (UiScreen)s, (Lang)l);
                        ui_set_night(f->ui, s == SCREEN_COUNT);
                        ui_set_large_text(f->ui, mode & 1);
                        ui_set_high_contrast(f->ui, mode & 2);
                        ui_dialog(f->ui, dialogs[d], "Title", "Text", 10);
                        int n, clip[4] = { 0, 0, 0, 0 };
                        const UiCmd *c = ui_commands(f->ui, &n);
                        for (int i = 0; i < n; i++) {
                            if (c[i].kind == UI_CLIP && c[i].w > 0)
                                clip[0] = c[i].x, clip[1] = c[i].y, clip[2] = c[i].w, clip[3] = c[i].h;
                            if (c[i].kind != UI_TEXT)
                                continue;
                            texts++;
                            double ratio = theme_contrast(c[i].color, c[i].bg);
                            int tw = c[i].text_w < c[i].w ? c[i].text_w : c[i].w;
                            uint32_t under;
                            if (c[i].scrolls && c[i].y + c[i].h / 2 >= clip[1] + clip[3])
                                continue;   /* below the fold: seen once scrolled, on the body */
                            int got = colour_under(c, i, c[i].x + tw / 2, c[i].y + c[i].h / 2,
                                                   clip, &under);
                            if (ratio < 7.0 || got != 0 || under != c[i].bg) {
                                fprintf(stderr, "%dx%d %s %s mode %d dialog %d: \"%.*s\" "
                                        "%06X on %06X (%.2f:1), drawn on %06X\n", sizes[z][0],
                                        sizes[z][1], i18n_code((Lang)l),
                                        s == SCREEN_COUNT ? "night" : ui_screen_name((UiScreen)s),
                                        mode, (int)d, c[i].len, c[i].text, (unsigned)c[i].color,
                                        (unsigned)c[i].bg, ratio, got ? 0u : (unsigned)under);
                                faults++;
                            }
                        }
                    }
    ui_set_night(f->ui, false);
    ui_dialog(f->ui, UI_DIALOG_NONE, NULL, NULL, 0);
    ui_reset(f->ui, LANG_EL);
    ui_set_size(f->ui, 800, 480);
    assert_true(texts > 10000);
    assert_int_equal(faults, 0);
}

/* the high-contrast theme really is light on black, and a mode that is on is lit */
static void test_high_contrast_is_light_text_on_black(void **state)
{
    UiFake *f = *state;
    int n;
    ui_reset(f->ui, LANG_EL);
    ui_show(f->ui, SCREEN_ABOUT, LANG_EL);
    ui_set_high_contrast(f->ui, true);
    const UiCmd *c = ui_commands(f->ui, &n);
    assert_int_equal(c[0].kind, UI_RECT);
    assert_int_equal(c[0].color, 0x000000);
    int light = 0;
    for (int i = 0; i < n; i++)
        if (c[i].kind == UI_TEXT && c[i].bg == 0x000000) {
            assert_true(theme_contrast(c[i].color, 0x000000) >= 15.0);
            light++;
        }
    assert_true(light > 10);
    ui_reset(f->ui, LANG_EL);
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
    UiFake *f = *state;
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
    UiFake *f = *state;
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
    UiFake *f = *state;
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
    UiFake *f = *state;
    int n;
    ui_show(f->ui, SCREEN_HOME, LANG_EL);
    ui_commands(f->ui, &n);
    assert_false(ui_dirty(f->ui));
    ui_set_time(f->ui, UIFAKE_NOW + 5);     /* the same minute */
    assert_false(ui_dirty(f->ui));
    ui_set_time(f->ui, UIFAKE_NOW + 60);
    assert_true(ui_dirty(f->ui));
}

static void test_night_mode_is_dim_and_a_touch_wakes_it(void **state)
{
    UiFake *f = *state;
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
    UiFake *f = *state;
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

/* what the keypad said, for the tests */
typedef struct Spoken {
    char last[512];
    int count, volume;
} Spoken;

static void spoken_say(void *ctx, const char *text, Lang lang)
{
    Spoken *sp = ctx;
    (void)lang;
    snprintf(sp->last, sizeof sp->last, "%s", text);
    sp->count++;
}

static void spoken_volume(void *ctx, int step)
{
    ((Spoken *)ctx)->volume += step;
}

/* from every screen, in both languages, both themes, normal and large text, at every
 * size: the Down key visits every control of the screen once before it comes round,
 * each with a visible ring, each spoken by its label */
static void test_the_keypad_reaches_every_control_of_every_screen_and_speaks_it(void **state)
{
    UiFake *f = *state;
    Spoken sp = { "", 0, 0 };
    UiSpeech speech = { spoken_say, spoken_volume, &sp };
    ui_set_speech(f->ui, &speech);
    int visits = 0;
    for (int mode = 0; mode < 4; mode++)
        for (size_t z = 0; z < N_SIZES; z++)
            for (int l = 0; l < LANG_COUNT; l++)
                for (int s = 0; s < SCREEN_COUNT; s++) {
                    ui_reset(f->ui, (Lang)l);
                    ui_set_size(f->ui, sizes[z][0], sizes[z][1]);
                    ui_show(f->ui, (UiScreen)s, (Lang)l);
                    ui_set_large_text(f->ui, mode & 1);
                    ui_set_high_contrast(f->ui, mode & 2);
                    int x, y, w, h, n = ui_target(f->ui, 0, &x, &y, &w, &h);
                    bool seen[UI_MAX_BUTTONS] = { false };
                    assert_false(ui_keypad(f->ui));
                    assert_null(ui_focus(f->ui, &x, &y, &w, &h));
                    for (int k = 0; k < n; k++) {
                        int before = sp.count;
                        ui_key(f->ui, UI_KEY_DOWN);
                        assert_true(ui_keypad(f->ui));
                        const char *label = ui_focus(f->ui, &x, &y, &w, &h);
                        assert_non_null(label);
                        assert_true(*label);
                        assert_int_equal(sp.count, before + 1);
                        assert_string_equal(sp.last, label);
                        /* the focused control is in sight, and a ring is drawn round it */
                        if (y < 0 || y + h > sizes[z][1])
                            fail_msg("%s: \"%s\" is focused out of sight", ui_screen_name((UiScreen)s), label);
                        int nc, ring = 0;
                        const UiCmd *c = ui_commands(f->ui, &nc);
                        for (int i = 0; i < nc; i++)
                            ring += c[i].kind == UI_RECT &&
                                    c[i].color == ui_color(f->ui, COLOR_FOCUS) && !c[i].scrolls &&
                                    c[i].x >= x && c[i].x < x + w && c[i].y >= y && c[i].y < y + h;
                        assert_true(ring >= 4);
                        int tx, ty, tw, th;
                        for (int i = 0; i < n; i++) {
                            ui_target(f->ui, i, &tx, &ty, &tw, &th);
                            if (tx == x && ty == y && tw == w && th == h)
                                seen[i] = true;
                        }
                        visits++;
                    }
                    for (int i = 0; i < n; i++)
                        if (!seen[i])
                            fail_msg("%dx%d %s-%s mode %d: control %d of %d never focused",
                                     sizes[z][0], sizes[z][1], i18n_code((Lang)l),
                                     ui_screen_name((UiScreen)s), mode, i, n);
                }
    ui_reset(f->ui, LANG_EL);
    ui_set_size(f->ui, 800, 480);
    UiSpeech none = { NULL, NULL, NULL };
    ui_set_speech(f->ui, &none);
    assert_true(visits > 1000);
}

/* Enter opens what is focused, Back goes back, Help and the volume keys reach speech */
static void test_enter_acts_back_goes_back_and_help_speaks(void **state)
{
    UiFake *f = *state;
    Spoken sp = { "", 0, 0 };
    UiSpeech speech = { spoken_say, spoken_volume, &sp };
    ui_set_speech(f->ui, &speech);
    ui_reset(f->ui, LANG_EN);
    int x, y, w, h;
    const char *label = NULL;
    ui_key(f->ui, UI_KEY_DOWN);     /* the first key: the first control, nothing done */
    assert_int_equal(ui_screen(f->ui), SCREEN_HOME);
    for (int i = 0; i < UI_MAX_BUTTONS; i++) {
        label = ui_focus(f->ui, &x, &y, &w, &h);
        if (strcmp(label, i18n_str(LANG_EN, STR_HOURS)) == 0)
            break;
        ui_key(f->ui, UI_KEY_RIGHT);
    }
    assert_string_equal(label, i18n_str(LANG_EN, STR_HOURS));
    ui_key(f->ui, UI_KEY_ENTER);
    assert_int_equal(ui_screen(f->ui), SCREEN_HOURS);
    assert_non_null(ui_focus(f->ui, &x, &y, &w, &h));     /* the new screen's first control */
    ui_key(f->ui, UI_KEY_UP);                               /* round to the last one */
    assert_non_null(ui_focus(f->ui, &x, &y, &w, &h));
    ui_key(f->ui, UI_KEY_BACK);
    assert_int_equal(ui_screen(f->ui), SCREEN_HOME);
    ui_key(f->ui, UI_KEY_HELP);
    assert_string_equal(sp.last, i18n_str(LANG_EN, STR_KEYPAD_HELP));
    ui_key(f->ui, UI_KEY_VOLUME_UP);
    ui_key(f->ui, UI_KEY_VOLUME_UP);
    ui_key(f->ui, UI_KEY_VOLUME_DOWN);
    assert_int_equal(sp.volume, 1);
    UiSpeech none = { NULL, NULL, NULL };
    ui_set_speech(f->ui, &none);
    ui_reset(f->ui, LANG_EL);
}

/* a visitor leaves with large text, high contrast and the keypad on: the idle reset
 * turns all three off for the next one */
static void test_the_idle_reset_undoes_every_mode(void **state)
{
    UiFake *f = *state;
    int n, x, y, w, h;
    ui_reset(f->ui, LANG_EL);
    const UiCmd *c = ui_commands(f->ui, &n);
    uint32_t normal_bg = c[0].color;
    int normal_n = n;
    ui_show(f->ui, SCREEN_HOURS, LANG_EN);
    ui_set_large_text(f->ui, true);
    ui_set_high_contrast(f->ui, true);
    ui_key(f->ui, UI_KEY_DOWN);
    assert_true(ui_large_text(f->ui) && ui_high_contrast(f->ui) && ui_keypad(f->ui));
    ui_reset(f->ui, LANG_EL);
    assert_false(ui_large_text(f->ui));
    assert_false(ui_high_contrast(f->ui));
    assert_false(ui_keypad(f->ui));
    assert_null(ui_focus(f->ui, &x, &y, &w, &h));
    c = ui_commands(f->ui, &n);
    assert_int_equal(c[0].color, normal_bg);
    assert_int_equal(n, normal_n);      /* the same home screen as before, command for command */
}

/* the header's switches turn the modes on and off by a tap */
static void test_the_mode_switches_toggle_by_a_tap(void **state)
{
    UiFake *f = *state;
    ui_reset(f->ui, LANG_EL);
    const UiButton *b = button_of(f->ui, BTN_LARGE_TEXT, 0);
    assert_non_null(b);
    tap(f->ui, b->x + b->w / 2, b->y + b->h / 2, 100);
    assert_true(ui_large_text(f->ui));
    b = button_of(f->ui, BTN_CONTRAST, 0);
    assert_non_null(b);
    tap(f->ui, b->x + b->w / 2, b->y + b->h / 2, 300);
    assert_true(ui_high_contrast(f->ui));
    b = button_of(f->ui, BTN_LARGE_TEXT, 0);
    tap(f->ui, b->x + b->w / 2, b->y + b->h / 2, 500);
    assert_false(ui_large_text(f->ui));
    ui_reset(f->ui, LANG_EL);
}

/* large text: every text at least twice its normal size and a capital H of at least
 * 6 mm on the 7" 800x480 panel (133 dpi, as kiosk.conf says); QR codes keep their size */
static void test_large_text_doubles_every_text_and_keeps_qr_codes_whole(void **state)
{
    UiFake *f = *state;
    int min_px = (int)ceil(6.0 / 25.4 * 133.0 / 0.72);    /* Noto Sans: H is 0.72 em */
    for (int s = 0; s < SCREEN_COUNT; s++)
        for (int l = 0; l < LANG_COUNT; l++) {
            int n, smallest_normal = 1000, smallest_large = 1000, qr_normal = 0, qr_large = 0;
            ui_reset(f->ui, (Lang)l);
            ui_show(f->ui, (UiScreen)s, (Lang)l);
            for (int large = 0; large < 2; large++) {
                ui_set_large_text(f->ui, large);
                const UiCmd *c = ui_commands(f->ui, &n);
                for (int i = 0; i < n; i++) {
                    int size = UI_STYLE_SIZE(c[i].style);
                    /* the header's switches and the footer keep their size, and the
                     * clock; the screen's own texts are what grows */
                    if (c[i].kind == UI_TEXT && c[i].scrolls && !(c[i].style & UI_STYLE_ICON)) {
                        int *m = large ? &smallest_large : &smallest_normal;
                        if (size < *m)
                            *m = size;
                    }
                    if (c[i].kind == UI_QR) {
                        *(large ? &qr_large : &qr_normal) += c[i].w;
                        assert_true(c[i].w >= (int)(30.0 / 25.4 * 133.0));
                        assert_true(c[i].x >= 0 && c[i].x + c[i].w <= 800);
                    }
                }
            }
            assert_true(smallest_large >= 2 * smallest_normal);
            assert_true(smallest_large >= min_px);
            assert_int_equal(qr_large, qr_normal);
        }
    ui_reset(f->ui, LANG_EL);
}

/* nothing needs a drag: on every screen, size and mode, the footer's page-down button
 * reaches the end of the body, and page-up comes back to the top */
static void test_the_scroll_buttons_reach_the_end_of_every_screen(void **state)
{
    UiFake *f = *state;
    int scrolled = 0;
    for (int large = 0; large < 2; large++)
        for (size_t z = 0; z < N_SIZES; z++)
            for (int s = 0; s < SCREEN_COUNT; s++) {
                ui_reset(f->ui, LANG_EL);
                ui_set_size(f->ui, sizes[z][0], sizes[z][1]);
                ui_show(f->ui, (UiScreen)s, LANG_EL);
                ui_set_large_text(f->ui, large);
                int n, bx, by, bw, bh, scroll;
                ui_commands(f->ui, &n);
                const UiButton *down = button_of(f->ui, BTN_SCROLL, 1);
                bool scrolls = f->ui->content_h > f->ui->body_h;
                assert_int_equal(down != NULL, scrolls);
                assert_int_equal(button_of(f->ui, BTN_SCROLL, -1) != NULL, scrolls);
                if (!scrolls)
                    continue;
                scrolled++;
                int max = f->ui->content_h - f->ui->body_h;
                for (int page = 0; page < 100; page++) {
                    down = button_of(f->ui, BTN_SCROLL, 1);
                    tap(f->ui, down->x + down->w / 2, down->y + down->h / 2, (uint32_t)(page * 200));
                }
                ui_body(f->ui, &bx, &by, &bw, &bh, &scroll);
                assert_int_equal(scroll, max);
                const UiButton *up = button_of(f->ui, BTN_SCROLL, -1);
                for (int page = 0; page < 100; page++)
                    tap(f->ui, up->x + up->w / 2, up->y + up->h / 2, (uint32_t)(30000 + page * 200));
                ui_body(f->ui, &bx, &by, &bw, &bh, &scroll);
                assert_int_equal(scroll, 0);
            }
    ui_reset(f->ui, LANG_EL);
    ui_set_size(f->ui, 800, 480);
    assert_true(scrolled > 20);
}

/* a button acts when the finger lifts, not when it lands; a finger that slides off
 * the button, or onto another, does nothing */
static void test_buttons_act_on_release_and_sliding_off_cancels(void **state)
{
    UiFake *f = *state;
    int x, y;
    ui_reset(f->ui, LANG_EL);
    assert_int_equal(ui_find_button(f->ui, SCREEN_ABOUT, &x, &y), 0);
    ui_press(f->ui, x, y, 0);
    assert_int_equal(ui_screen(f->ui), SCREEN_HOME);       /* not yet */
    ui_release(f->ui, x, y, 80);
    assert_int_equal(ui_screen(f->ui), SCREEN_ABOUT);
    /* slid off sideways onto the next tile, a little at a time */
    ui_reset(f->ui, LANG_EL);
    int hx, hy;
    assert_int_equal(ui_find_button(f->ui, SCREEN_HOURS, &hx, &hy), 0);
    ui_press(f->ui, x, y, 0);
    for (int i = 1; i <= 10; i++)
        ui_drag(f->ui, x + (hx - x) * i / 10, y, (uint32_t)(i * 16));
    ui_release(f->ui, hx, hy, 200);
    assert_int_equal(ui_screen(f->ui), SCREEN_HOME);
    /* in a dialog, which does not scroll: from Cancel onto Apply now */
    ui_dialog(f->ui, UI_DIALOG_CONFIRM, "Update", "Changes", 10);
    const UiButton *cancel = button_of(f->ui, BTN_ACTION, UI_ACTION_CANCEL);
    const UiButton *apply = button_of(f->ui, BTN_ACTION, UI_ACTION_CONFIRM);
    int cx = cancel->x + cancel->w / 2, cy = cancel->y + cancel->h / 2;
    int ax = apply->x + apply->w / 2;
    ui_press(f->ui, cx, cy, 1000);
    ui_drag(f->ui, ax, cy, 1100);
    ui_release(f->ui, ax, cy, 1200);
    assert_int_equal(ui_take_action(f->ui, NULL, 0), UI_ACTION_NONE);
    /* and out of the button into empty space */
    ui_press(f->ui, ax, cy, 2000);
    ui_drag(f->ui, ax, 2, 2100);
    ui_release(f->ui, ax, 2, 2200);
    assert_int_equal(ui_take_action(f->ui, NULL, 0), UI_ACTION_NONE);
    tap(f->ui, ax, cy, 3000);
    assert_int_equal(ui_take_action(f->ui, NULL, 0), UI_ACTION_CONFIRM);
    ui_dialog(f->ui, UI_DIALOG_NONE, NULL, NULL, 0);
    ui_reset(f->ui, LANG_EL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_tile_opens_its_screen_and_back_returns_home),
        cmocka_unit_test(test_back_returns_to_the_screen_before),
        cmocka_unit_test(test_language_switch_keeps_the_screen),
        cmocka_unit_test(test_the_language_picker_is_one_tap_from_every_screen_and_looks_the_same),
        cmocka_unit_test(test_a_right_to_left_language_mirrors_the_layout),
        cmocka_unit_test(test_a_text_without_translation_is_shown_marked_in_the_visitors_language),
        cmocka_unit_test(test_an_address_with_an_untranslated_part_is_marked_too),
        cmocka_unit_test(test_a_drag_scrolls_and_is_not_a_tap),
        cmocka_unit_test(test_a_flick_keeps_moving_then_stops),
        cmocka_unit_test(test_the_body_clip_carries_the_scroll_to_render),
        cmocka_unit_test(test_idle_reset_goes_home_in_greek),
        cmocka_unit_test(test_no_text_is_clipped_or_overlaps_at_any_size),
        cmocka_unit_test(test_touch_targets_are_at_least_9_mm_at_every_size_in_every_mode),
        cmocka_unit_test(test_every_text_and_icon_drawn_has_7_to_1_against_what_is_behind_it),
        cmocka_unit_test(test_high_contrast_is_light_text_on_black),
        cmocka_unit_test(test_the_keypad_reaches_every_control_of_every_screen_and_speaks_it),
        cmocka_unit_test(test_enter_acts_back_goes_back_and_help_speaks),
        cmocka_unit_test(test_the_idle_reset_undoes_every_mode),
        cmocka_unit_test(test_the_mode_switches_toggle_by_a_tap),
        cmocka_unit_test(test_large_text_doubles_every_text_and_keeps_qr_codes_whole),
        cmocka_unit_test(test_the_scroll_buttons_reach_the_end_of_every_screen),
        cmocka_unit_test(test_buttons_act_on_release_and_sliding_off_cancels),
        cmocka_unit_test(test_screen_names_round_trip),
        cmocka_unit_test(test_every_screen_has_a_whole_row_in_the_table),
        cmocka_unit_test(test_every_visitor_screen_is_reachable_from_home_and_staff_is_not),
        cmocka_unit_test(test_what_does_not_fit_the_draw_list_is_counted_not_lost),
        cmocka_unit_test(test_a_text_longer_than_the_line_limit_is_counted),
        cmocka_unit_test(test_a_frame_is_drawn_only_when_something_changed),
        cmocka_unit_test(test_night_mode_is_dim_and_a_touch_wakes_it),
        cmocka_unit_test(test_a_long_screen_shows_a_scroll_bar_that_follows_the_scroll),
    };
    return cmocka_run_group_tests(tests, uifake_setup, uifake_teardown);
}
