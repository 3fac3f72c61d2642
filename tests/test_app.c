/* test_app.c - the kiosk as a whole, headless, driven through the App's step API:
 * a USB stick with a signed update shows its changes, counts down and applies; Cancel
 * keeps the old content; an unsigned one asks for the staff PIN; a tampered one is
 * refused; the hidden corner hold asks for the PIN and opens the staff screen.
 * Packages are signed with the real minisign tool (tools/sign-update). */
#include "testutil.h"
#include "app.h"
#include "core/db.h"
#include "core/hours.h"
#include "core/i18n.h"
#include "core/pin.h"
#include "core/update.h"
#include "render/render.h"
#include "ui/ui.h"

typedef struct Fixture {
    char *tmp;
    char data[512], usb[512], keys[512], sec[512], conf[512];
    App *app;
    unsigned ms;
    time_t now;
} Fixture;


static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof *f);
    f->tmp = test_tmpdir();
    snprintf(f->data, sizeof f->data, "%s/state", f->tmp);
    snprintf(f->usb, sizeof f->usb, "%s/usb", f->tmp);
    snprintf(f->keys, sizeof f->keys, "%s/keys", f->tmp);
    snprintf(f->sec, sizeof f->sec, "%s/staff.key", f->tmp);
    snprintf(f->conf, sizeof f->conf, "%s/kiosk.conf", f->tmp);
    test_sh("mkdir -p '%s' '%s' && minisign -G -W -p '%s/staff.pub' -s '%s' >/dev/null", f->usb,
       f->keys, f->keys, f->sec);
    char hash[256];
    assert_int_equal(pin_hash("2468", hash, sizeof hash), 0);
    FILE *c = fopen(f->conf, "w");
    assert_non_null(c);
    fprintf(c, "[update]\nusb_dir = %s\ntrusted_keys = %s\nstaff_approval = true\n"
               "staff_pin_hash = %s\n", f->usb, f->keys, hash);
    fclose(c);
    AppOptions o = { .config_path = f->conf, .data_dir = f->data, .share_dir = "." };
    f->app = app_create(&o, true, 800, 480);
    assert_non_null(f->app);
    f->ms = 1000, f->now = 1795000000;
    app_step(f->app, f->now, f->ms);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    app_destroy(f->app);
    test_rmdir(f->tmp);
    free(f);
    return 0;
}

/* the phone number the live database holds now */
static void live_phone(Fixture *f, char *out, size_t n)
{
    char path[600], err[256];
    snprintf(path, sizeof path, "%s/content.db", f->data);
    Db *db = db_open(path, err, sizeof err);
    assert_non_null(db);
    Content c;
    memset(&c, 0, sizeof c);
    assert_int_equal(db_load_content(db, LANG_EL, &c), 0);
    snprintf(out, n, "%s", c.phone);
    content_free(&c);
    db_close(db);
}

/* a stick with data/ as a newer package whose phone is changed; signed or not */
static void make_stick(Fixture *f, const char *version, bool sign)
{
    test_sh("rm -rf '%s/KIOSK' && cp -r data '%s/KIOSK' && rm -f '%s/KIOSK/README.md' && "
       "sed -i 's/\"version\": \"2023.2.24\"/\"version\": \"%s\"/' '%s/KIOSK/datapackage.json' && "
       "sed -i 's/+30 210 3638625/+30 210 3638626/' '%s/KIOSK/phones.csv'",
       f->usb, f->usb, f->usb, version, f->usb, f->usb);
    if (sign)
        test_sh("tools/sign-update '%s' '%s' >/dev/null", f->usb, f->sec);
}

/* time passes; a job the step started (applying, cancelling) is waited for */
static void step(Fixture *f, unsigned ms)
{
    f->ms += ms;
    f->now += (time_t)(ms / 1000);
    app_step(f->app, f->now, f->ms);
    app_usb_settle(f->app, f->ms);
    app_step(f->app, f->now, f->ms);
}

/* the stick watch fired; the worker's check is waited for */
static void stick(Fixture *f)
{
    app_usb_stick_changed(f->app, f->usb, f->now, f->ms);
    app_usb_settle(f->app, f->ms);
    app_step(f->app, f->now, f->ms);
}

static void tap(Fixture *f, int x, int y)
{
    RenderEvent e = { .kind = RENDER_PRESS, .x = x, .y = y, .ms = f->ms };
    app_input(f->app, &e);
    e.kind = RENDER_RELEASE, e.ms = f->ms + 50;
    app_input(f->app, &e);
    step(f, 100);
}

/* taps the i-th touch target of what is on screen */
static void tap_target(Fixture *f, int i)
{
    int x, y, w, h;
    int n = ui_target(app_ui(f->app), i, &x, &y, &w, &h);
    assert_true(i < n);
    tap(f, x + w / 2, y + h / 2);
}

/* types digits on the PIN keypad (targets 0-8: 1-9, 9: erase, 10: 0, 11: OK) */
static void type_pin(Fixture *f, const char *pin)
{
    for (const char *p = pin; *p; p++)
        tap_target(f, *p == '0' ? 10 : *p - '1');
    tap_target(f, 11);
}

/* true when a line of text on screen starts with text */
static bool on_screen(Fixture *f, const char *text)
{
    int n;
    const UiCmd *c = ui_commands(app_ui(f->app), &n);
    for (int i = 0; i < n; i++)
        if (c[i].kind == UI_TEXT && c[i].len >= (int)strlen(text) &&
            !memcmp(c[i].text, text, strlen(text)))
            return true;
    return false;
}

static void test_a_signed_update_counts_down_and_applies(void **state)
{
    Fixture *f = *state;
    char phone[64];
    make_stick(f, "2023.2.25", true);
    stick(f);
    assert_int_equal(ui_dialog_kind(app_ui(f->app)), UI_DIALOG_CONFIRM);
    step(f, 5000);
    live_phone(f, phone, sizeof phone);
    assert_string_equal(phone, "+30 210 3638625");     /* not yet: 5 s left */
    step(f, 5100);
    live_phone(f, phone, sizeof phone);
    assert_string_equal(phone, "+30 210 3638626");
    assert_int_equal(ui_dialog_kind(app_ui(f->app)), UI_DIALOG_MESSAGE);
    step(f, 15100);                                      /* the result goes by itself */
    assert_int_equal(ui_dialog_kind(app_ui(f->app)), UI_DIALOG_NONE);
    char report[700];
    snprintf(report, sizeof report, "%s/KIOSK/REPORT.txt", f->usb);
    assert_int_equal(access(report, R_OK), 0);           /* and the stick has the report */
}

static void test_cancel_keeps_the_old_content(void **state)
{
    Fixture *f = *state;
    char phone[64];
    make_stick(f, "2023.2.26", true);
    stick(f);
    assert_int_equal(ui_dialog_kind(app_ui(f->app)), UI_DIALOG_CONFIRM);
    tap_target(f, 0);                                    /* Cancel */
    step(f, 11000);
    live_phone(f, phone, sizeof phone);
    assert_string_equal(phone, "+30 210 3638625");
}

/* Cancel while the stick is still being copied and checked (issue 15: there was no
 * Cancel before the countdown, and the loop was blocked meanwhile) */
static void test_cancel_while_checking_keeps_the_old_content_and_no_copy(void **state)
{
    Fixture *f = *state;
    char phone[64], staging[600];
    make_stick(f, "2023.2.26", true);
    app_usb_stick_changed(f->app, f->usb, f->now, f->ms);
    assert_true(app_usb_busy(f->app));
    assert_int_equal(ui_dialog_kind(app_ui(f->app)), UI_DIALOG_PROGRESS);
    tap_target(f, 0);                                    /* Cancel */
    assert_false(app_usb_busy(f->app));
    assert_int_equal(ui_dialog_kind(app_ui(f->app)), UI_DIALOG_MESSAGE);
    assert_true(on_screen(f, update_status_text(UPDATE_CANCELLED, ui_lang(app_ui(f->app)))));
    live_phone(f, phone, sizeof phone);
    assert_string_equal(phone, "+30 210 3638625");
    snprintf(staging, sizeof staging, "%s/staging", f->data);
    assert_int_not_equal(access(staging, F_OK), 0);
}

static void test_the_same_stick_is_not_taken_twice(void **state)
{
    Fixture *f = *state;
    make_stick(f, "2023.2.27", true);
    stick(f);
    tap_target(f, 0);                                    /* Cancel */
    tap_target(f, 0);                                    /* OK on the result */
    stick(f);             /* the watch fires again */
    assert_int_equal(ui_dialog_kind(app_ui(f->app)), UI_DIALOG_NONE);
    test_sh("rm -rf '%s/KIOSK'", f->usb);                    /* pulled out, plugged in again */
    stick(f);
    make_stick(f, "2023.2.27", true);
    stick(f);
    assert_int_equal(ui_dialog_kind(app_ui(f->app)), UI_DIALOG_CONFIRM);
}

static void test_a_tampered_stick_is_refused_and_changes_nothing(void **state)
{
    Fixture *f = *state;
    char phone[64];
    make_stick(f, "2023.2.28", true);
    test_sh("sed -i 's/3638626/3638627/' '%s/KIOSK/phones.csv'", f->usb);
    stick(f);
    assert_int_equal(ui_dialog_kind(app_ui(f->app)), UI_DIALOG_MESSAGE);
    step(f, 11000);
    live_phone(f, phone, sizeof phone);
    assert_string_equal(phone, "+30 210 3638625");
}

static void test_an_unsigned_stick_needs_the_staff_pin(void **state)
{
    Fixture *f = *state;
    char phone[64];
    make_stick(f, "2023.2.29", false);
    stick(f);
    assert_int_equal(ui_dialog_kind(app_ui(f->app)), UI_DIALOG_PIN);
    type_pin(f, "1111");
    assert_int_equal(ui_dialog_kind(app_ui(f->app)), UI_DIALOG_PIN);   /* wrong: asked again */
    live_phone(f, phone, sizeof phone);
    assert_string_equal(phone, "+30 210 3638625");
    type_pin(f, "2468");
    live_phone(f, phone, sizeof phone);
    assert_string_equal(phone, "+30 210 3638626");
}

static void test_a_corner_hold_and_the_pin_open_the_staff_screen(void **state)
{
    Fixture *f = *state;
    RenderEvent e = { .kind = RENDER_PRESS, .x = 8, .y = 8, .ms = f->ms };
    app_input(f->app, &e);
    step(f, 1000);
    assert_int_equal(ui_dialog_kind(app_ui(f->app)), UI_DIALOG_NONE);  /* not yet */
    step(f, 2100);
    e.kind = RENDER_RELEASE, e.ms = f->ms;
    app_input(f->app, &e);
    step(f, 50);
    assert_int_equal(ui_dialog_kind(app_ui(f->app)), UI_DIALOG_PIN);
    type_pin(f, "2468");
    assert_int_equal(ui_dialog_kind(app_ui(f->app)), UI_DIALOG_NONE);
    assert_int_equal(ui_screen(app_ui(f->app)), SCREEN_STAFF);
    assert_true(on_screen(f, "accmr-kiosk 2023.2.24, "));
}

/* regression: without a data folder (screenshots, --package) the staff screen's
 * Content line lacked the built-in package's name and version: ", 2026-... (built-in)" */
static void test_the_staff_screen_names_the_built_in_package(void **state)
{
    Fixture *f = *state;
    AppOptions o = { .share_dir = "." };
    App *builtin = app_create(&o, true, 800, 480);
    assert_non_null(builtin);
    App *live = f->app;
    f->app = builtin;
    ui_show(app_ui(builtin), SCREEN_STAFF, LANG_EN);
    app_step(builtin, f->now, f->ms);
    bool named = on_screen(f, "accmr-kiosk 2023.2.24, ");
    f->app = live;
    app_destroy(builtin);
    assert_true(named);
}

static void test_a_short_corner_tap_does_not_open_anything(void **state)
{
    Fixture *f = *state;
    tap(f, 8, 8);
    step(f, 4000);
    assert_int_equal(ui_dialog_kind(app_ui(f->app)), UI_DIALOG_NONE);
    assert_int_not_equal(ui_screen(app_ui(f->app)), SCREEN_STAFF);
}

/* the night screen comes 30 minutes after closing, once nobody is touching the
 * kiosk, and goes at opening time */
static void test_night_mode_follows_the_opening_hours(void **state)
{
    Fixture *f = *state;
    static const struct { const char *at; bool night; } when[] = {
        { "2026-11-25T16:59", false },  /* Wednesday, open */
        { "2026-11-25T17:10", false },  /* closed for 10 minutes only */
        { "2026-11-25T17:30", true },
        { "2026-11-26T03:00", true },
        { "2026-11-26T08:59", true },
        { "2026-11-26T09:00", false },  /* open again */
        { "2026-11-28T12:00", true },   /* Saturday */
    };
    for (size_t i = 0; i < sizeof when / sizeof when[0]; i++) {
        time_t t;
        assert_int_equal(hours_parse_instant(when[i].at, &t), 0);
        f->ms += 200000;                /* long enough without a touch */
        f->now = t;
        app_step(f->app, f->now, f->ms);
        if (ui_night(app_ui(f->app)) != when[i].night)
            fail_msg("%s: night mode should be %s", when[i].at, when[i].night ? "on" : "off");
    }
    tap(f, 400, 240);                   /* a touch wakes it */
    assert_false(ui_night(app_ui(f->app)));
}

/* a visitor who turned on large text and high contrast and used the keypad walks
 * away: after the idle timeout the next visitor finds the kiosk as it starts */
static void test_the_idle_reset_undoes_large_text_contrast_and_the_keypad(void **state)
{
    Fixture *f = *state;
    Ui *ui = app_ui(f->app);
    RenderEvent e = { .kind = RENDER_KEY, .key = UI_KEY_DOWN, .ms = f->ms };
    app_input(f->app, &e);
    e.key = UI_KEY_BACK, e.ms = f->ms + 10;     /* Escape, Backspace: never a way out */
    app_input(f->app, &e);
    ui_set_large_text(ui, true);
    ui_set_high_contrast(ui, true);
    step(f, 1000);
    assert_true(ui_keypad(ui) && ui_large_text(ui) && ui_high_contrast(ui));
    step(f, 60 * 1000);                         /* less than the 90 s: all still on */
    assert_true(ui_keypad(ui) && ui_large_text(ui) && ui_high_contrast(ui));
    step(f, 31 * 1000);
    assert_false(ui_keypad(ui));
    assert_false(ui_large_text(ui));
    assert_false(ui_high_contrast(ui));
}

/* Arabic and Urdu faces are read when a visitor's language needs them and let go when
 * the language changes or the kiosk resets: moving between screens in one language
 * keeps them; back in Greek, the kiosk holds the three faces Greek-only use holds */
static void test_a_visitor_back_in_greek_leaves_only_the_greek_fonts_read(void **state)
{
    Fixture *f = *state;
    Ui *ui = app_ui(f->app);
    Render *r = app_render(f->app);
    Lang ar = i18n_from_code("ar");
    int x, y;
    long base;
    assert_int_equal(render_fonts_read(r, &base), 3);
    assert_int_equal(ui_find_button(ui, SCREEN_LANGUAGES, &x, &y), 0);
    tap(f, x, y);       /* the picker names Arabic and Urdu in their scripts */
    assert_int_equal(ui_screen(ui), SCREEN_LANGUAGES);
    long picker_bytes, arabic_bytes, bytes;
    int picker = render_fonts_read(r, &picker_bytes);
    assert_true(picker >= 5);
    assert_int_equal(ui_find_lang_button(ui, ar, &x, &y), 0);
    tap(f, x, y);
    assert_int_equal(ui_lang(ui), ar);
    int arabic = render_fonts_read(r, &arabic_bytes);
    assert_true(arabic >= 4);
    /* Urdu's Nastaliq (0.57 MB) went with the Greek; Arabic's bold (0.25 MB) came */
    assert_true(arabic_bytes < picker_bytes);
    for (int s = 0, held = arabic; s < SCREEN_VISITOR_COUNT; s++) {
        if (s == SCREEN_HOME || ui_find_button(ui, (UiScreen)s, &x, &y) != 0)
            continue;
        tap(f, x, y);   /* a screen may read a face (the picker's Urdu); none goes */
        assert_int_equal(ui_screen(ui), s);
        int n = render_fonts_read(r, NULL);
        assert_true(n >= held);
        ui_show(ui, SCREEN_HOME, ar);
        step(f, 100);
        assert_int_equal(render_fonts_read(r, NULL), n);
        held = n;
    }
    assert_int_equal(ui_find_button(ui, SCREEN_LANGUAGES, &x, &y), 0);
    tap(f, x, y);
    assert_int_equal(ui_find_lang_button(ui, LANG_EL, &x, &y), 0);
    tap(f, x, y);
    assert_int_equal(ui_lang(ui), LANG_EL);
    assert_int_equal(render_fonts_read(r, &bytes), 3);
    assert_int_equal(bytes, base);
    /* a Greek visitor looks at the picker and walks away: the idle reset lets go */
    assert_int_equal(ui_find_button(ui, SCREEN_LANGUAGES, &x, &y), 0);
    tap(f, x, y);
    assert_int_equal(render_fonts_read(r, NULL), picker);
    step(f, 91 * 1000);
    assert_int_equal(ui_screen(ui), SCREEN_HOME);
    assert_int_equal(render_fonts_read(r, &bytes), 3);
    assert_int_equal(bytes, base);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_a_signed_update_counts_down_and_applies, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cancel_keeps_the_old_content, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cancel_while_checking_keeps_the_old_content_and_no_copy,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_same_stick_is_not_taken_twice, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_tampered_stick_is_refused_and_changes_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_an_unsigned_stick_needs_the_staff_pin, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_corner_hold_and_the_pin_open_the_staff_screen, setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_staff_screen_names_the_built_in_package, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_short_corner_tap_does_not_open_anything, setup, teardown),
        cmocka_unit_test_setup_teardown(test_night_mode_follows_the_opening_hours, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_visitor_back_in_greek_leaves_only_the_greek_fonts_read,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_the_idle_reset_undoes_large_text_contrast_and_the_keypad,
                                        setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
