/* test_directory_ui.c - "Find a service" without a display: a generated directory of 240
 * example services, typed into on the on-screen keyboard, filtered and opened by taps,
 * with fake font metrics (each character 0.55 of the size wide). */
#include "uifake.h"
#include "core/directory.h"
#include "core/hsds.h"
#include "layoutcheck.h"
#include "ui/ui.h"
#include "ui/ui_private.h"

typedef struct Fixture {
    char *dir;
    Db *db;
    Content content[LANG_COUNT];
    HoursTable hours;
    Ui *ui;
} Fixture;

/* imports the package in dir into tmp/name, opens it and loads its content */
static Db *load(Fixture *f, const char *dir, const char *name)
{
    char path[600], err[256];
    snprintf(path, sizeof path, "%s/%s", f->dir, name);
    HsdsReport r = { 0 };
    assert_int_equal(hsds_import(dir, path, &r), 0);
    hsds_report_free(&r);
    Db *db = db_open(path, err, sizeof err);
    assert_non_null(db);
    for (int l = 0; l < LANG_COUNT; l++) {
        content_free(&f->content[l]);
        assert_int_equal(db_load_content(db, (Lang)l, &f->content[l]), 0);
    }
    assert_int_equal(db_load_hours(db, &f->hours), 0);
    return db;
}

static int setup(void **state)
{
    hours_use_athens_time();
    Fixture *f = calloc(1, sizeof *f);
    f->dir = test_tmpdir();
    test_sh("sh tools/gen-package.sh 240 '%s/pkg' >/dev/null", f->dir);
    char pkg[600];
    snprintf(pkg, sizeof pkg, "%s/pkg", f->dir);
    f->db = load(f, pkg, "dir.db");
    f->ui = uifake_create(f->content, &f->hours, 1280, 800);
    ui_set_directory(f->ui, f->db);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    uifake_destroy(f->ui, f->content);
    db_close(f->db);
    test_rmdir(f->dir);
    free(f);
    return 0;
}

/* a tap, and the layout it leads to (the directory reads its results then) */
static void tap(Ui *ui, int x, int y)
{
    static uint32_t ms = 1000;
    ui_press(ui, x, y, ms);
    ui_release(ui, x, y, ms + 60);
    ms += 500;
    int n;
    ui_commands(ui, &n);
}

/* the first text command holding s, or NULL */
static const UiCmd *find_text(Ui *ui, const char *s)
{
    int n;
    const UiCmd *c = ui_commands(ui, &n);
    for (int i = 0; i < n; i++)
        if (c[i].kind == UI_TEXT && memmem(c[i].text, (size_t)c[i].len, s, strlen(s)))
            return &c[i];
    return NULL;
}

/* types text key by key, switching the keyboard's layout as needed */
static void type(Ui *ui, const char *text)
{
    for (const char *p = text; *p;) {
        char key[8] = "";
        const char *c = p;
        text_utf8_next(&p);
        memcpy(key, c, (size_t)(p - c));
        int x, y, tries = 0;
        while (ui_find_key(ui, key, &x, &y) != 0 && tries++ < KB_COUNT) {
            assert_int_equal(ui_find_key(ui, "\t", &x, &y), 0);
            tap(ui, x, y);
        }
        assert_int_equal(ui_find_key(ui, key, &x, &y), 0);
        tap(ui, x, y);
    }
}

static void test_home_offers_the_directory_only_with_member_services(void **state)
{
    Fixture *f = *state;
    int x, y;
    ui_reset(f->ui, LANG_EL);
    assert_int_equal(ui_find_button(f->ui, SCREEN_SERVICES, &x, &y), 0);
    tap(f->ui, x, y);
    assert_int_equal(ui_screen(f->ui), SCREEN_SERVICES);
    /* the built-in content alone: the centre's own service, no tile */
    Db *own = load(f, "data", "own.db");
    ui_set_directory(f->ui, own);
    ui_reset(f->ui, LANG_EL);
    assert_int_equal(ui_find_button(f->ui, SCREEN_SERVICES, &x, &y), -1);
    ui_set_directory(f->ui, f->db);
    db_close(own);
    char pkg[600];
    snprintf(pkg, sizeof pkg, "%s/pkg", f->dir);
    db_close(load(f, pkg, "again.db"));      /* the fixture's content back */
}

static void test_categories_come_first_with_their_counts(void **state)
{
    Fixture *f = *state;
    ui_reset(f->ui, LANG_EN);
    ui_show(f->ui, SCREEN_SERVICES, LANG_EN);
    assert_non_null(find_text(f->ui, "Rights and legal help"));
    assert_non_null(find_text(f->ui, "Health"));
    int x, y;
    assert_int_equal(ui_find_category(f->ui, 0, &x, &y), 0);
    assert_int_equal(ui_find_result(f->ui, 0, &x, &y), -1);   /* no list before a choice */
}

static void test_results_come_as_the_visitor_types_greeklish(void **state)
{
    Fixture *f = *state;
    ui_reset(f->ui, LANG_EL);
    ui_show(f->ui, SCREEN_SERVICES, LANG_EL);
    type(f->ui, "nomik");
    const UiCmd *c = find_text(f->ui, "Νομική συμβουλευτική, παράδειγμα");
    assert_non_null(c);
    assert_null(find_text(f->ui, "Στέγαση, παράδειγμα"));
    int x, y;
    assert_int_equal(ui_find_result(f->ui, 0, &x, &y), 0);
    tap(f->ui, x, y);
    assert_int_equal(ui_screen(f->ui), SCREEN_SERVICE);
    assert_non_null(find_text(f->ui, "Νομική συμβουλευτική, παράδειγμα"));
    int n, qr = 0;
    const UiCmd *cmds = ui_commands(f->ui, &n);
    for (int i = 0; i < n; i++)
        qr += cmds[i].kind == UI_QR;
    assert_true(qr >= 4);          /* phone, email, website, directions, contact */
}

/* the filters combine, and one tap clears them all */
static void test_filters_combine_and_clear_with_one_tap(void **state)
{
    Fixture *f = *state;
    ui_reset(f->ui, LANG_EN);
    ui_show(f->ui, SCREEN_SERVICES, LANG_EN);
    int x, y;
    assert_int_equal(ui_find_filter(f->ui, UI_FILTER_FREE, &x, &y), 0);
    tap(f->ui, x, y);
    assert_true(f->ui->dir.free);
    for (int i = 0; i < f->ui->dir.n_rows; i++)
        assert_true(f->ui->dir.rows[i].free);
    int free_total = f->ui->dir.total;
    assert_int_equal(ui_find_filter(f->ui, UI_FILTER_OPEN_NOW, &x, &y), 0);
    tap(f->ui, x, y);
    assert_true(f->ui->dir.open_now);
    assert_true(f->ui->dir.total < free_total);
    for (int i = 0; i < f->ui->dir.n_rows; i++)
        assert_true(f->ui->dir.rows[i].free && f->ui->dir.rows[i].hours.open);
    assert_int_equal(ui_find_filter(f->ui, UI_FILTER_CLEAR, &x, &y), 0);
    tap(f->ui, x, y);
    assert_false(f->ui->dir.free || f->ui->dir.open_now);
}

static void test_no_results_offers_the_categories_and_the_centres_phone(void **state)
{
    Fixture *f = *state;
    ui_reset(f->ui, LANG_EN);
    ui_show(f->ui, SCREEN_SERVICES, LANG_EN);
    type(f->ui, "xqzx");
    assert_non_null(find_text(f->ui, "No service found"));
    assert_non_null(find_text(f->ui, "+30 210 3638625"));
    int x, y;
    assert_int_equal(ui_find_category(f->ui, 0, &x, &y), 0);
    tap(f->ui, x, y);
    assert_int_equal(ui_find_result(f->ui, 0, &x, &y), 0);
}

static void test_the_idle_reset_clears_search_filters_and_keyboard(void **state)
{
    Fixture *f = *state;
    ui_reset(f->ui, LANG_EL);
    ui_show(f->ui, SCREEN_SERVICES, LANG_EL);
    type(f->ui, "stegasi");
    int x, y;
    assert_int_equal(ui_find_filter(f->ui, UI_FILTER_FREE, &x, &y), 0);
    tap(f->ui, x, y);
    assert_true(f->ui->dir.query[0] && f->ui->dir.free);
    ui_reset(f->ui, LANG_EL);
    assert_int_equal(ui_screen(f->ui), SCREEN_HOME);
    assert_string_equal(f->ui->dir.query, "");
    assert_false(f->ui->dir.free || f->ui->dir.open_now || f->ui->dir.keyboard);
    assert_int_equal(f->ui->dir.layout, KB_GREEK);
}

static void test_a_card_shows_an_alert_and_an_inactive_status_first(void **state)
{
    Fixture *f = *state;
    ui_reset(f->ui, LANG_EN);
    ui_show_service(f->ui, "example-svc-00053");            /* gen-package: an alert */
    const UiCmd *alert = find_text(f->ui, "Closed for renovation");
    const UiCmd *name = find_text(f->ui, "example 53");
    assert_non_null(alert);
    assert_non_null(name);
    assert_true(alert->y < name->y);
    ui_show_service(f->ui, "example-svc-00097");            /* inactive */
    const UiCmd *status = find_text(f->ui, "Not available at present");
    name = find_text(f->ui, "example 97");
    assert_non_null(status);
    assert_true(status->y < name->y);
    assert_non_null(find_text(f->ui, "Last checked"));
}

/* every state of the directory's screens, at every size, in both languages: no text
 * clipped or overlapping, no label cut, nothing left out of the draw list */
static void test_no_directory_text_is_clipped_or_overlaps_at_any_size(void **state)
{
    Fixture *f = *state;
    static const int sizes[][2] = { { 800, 480 }, { 1280, 800 }, { 1920, 1080 }, { 720, 1280 } };
    static const char *const states[] = { "browse", "typed", "filtered", "none", "alert",
                                          "card", "inactive" };
    int faults = 0;
    for (size_t z = 0; z < sizeof sizes / sizeof sizes[0]; z++) {
        ui_set_size(f->ui, sizes[z][0], sizes[z][1]);
        for (int l = 0; l < LANG_COUNT; l++)
            for (size_t k = 0; k < sizeof states / sizeof states[0]; k++) {
                int x, y, n;
                ui_reset(f->ui, (Lang)l);
                ui_show(f->ui, SCREEN_SERVICES, (Lang)l);
                if (k == 1 || k == 2)
                    type(f->ui, "nomik");
                if (k == 2 && ui_find_filter(f->ui, UI_FILTER_FREE, &x, &y) == 0)
                    tap(f->ui, x, y);
                if (k == 2 && ui_find_filter(f->ui, UI_FILTER_LANGUAGE, &x, &y) == 0)
                    tap(f->ui, x, y);
                if (k == 3)
                    type(f->ui, "xqzx");
                if (k >= 4)
                    ui_show_service(f->ui, k == 4 ? "example-svc-00053"
                                           : k == 5 ? "example-svc-00001" : "example-svc-00097");
                f->ui->in.scroll = 0;
                const UiCmd *c = ui_commands(f->ui, &n);
                char ctx[96];
                snprintf(ctx, sizeof ctx, "%dx%d %s-%s", sizes[z][0], sizes[z][1],
                         i18n_code((Lang)l), states[k]);
                faults += layout_faults(c, n, sizes[z][0], sizes[z][1], 100000, ctx);
                if (ui_dropped_lines(f->ui) || ui_cut_words(f->ui) || ui_overflows(f->ui)) {
                    fprintf(stderr, "%s: %d cut short, %d words broken, %d left out\n", ctx,
                            ui_dropped_lines(f->ui), ui_cut_words(f->ui), ui_overflows(f->ui));
                    faults++;
                }
            }
    }
    ui_set_size(f->ui, 1280, 800);
    assert_int_equal(faults, 0);
}

/* every key, chip, tile and row is at least 9 mm a side, in every layout of the keyboard */
static void test_every_directory_target_is_at_least_9_mm(void **state)
{
    Fixture *f = *state;
    static const int sizes[][2] = { { 800, 480 }, { 1280, 800 }, { 1920, 1080 }, { 720, 1280 } };
    int min = (int)(9.0 / 25.4 * 133.0), small = 0;
    for (size_t z = 0; z < sizeof sizes / sizeof sizes[0]; z++) {
        ui_set_size(f->ui, sizes[z][0], sizes[z][1]);
        for (int layout = 0; layout < KB_COUNT; layout++) {
            int x, y, w, h;
            ui_reset(f->ui, LANG_EN);
            ui_show(f->ui, SCREEN_SERVICES, LANG_EN);
            type(f->ui, "a");
            for (int k = 0; k < layout; k++) {
                assert_int_equal(ui_find_key(f->ui, "\t", &x, &y), 0);
                tap(f->ui, x, y);
            }
            int n = ui_target(f->ui, 0, &x, &y, &w, &h);
            for (int i = 0; i < n; i++) {
                ui_target(f->ui, i, &x, &y, &w, &h);
                if (w < min || h < min) {
                    fprintf(stderr, "%dx%d layout %d: a %dx%d target at %d,%d\n", sizes[z][0],
                            sizes[z][1], layout, w, h, x, y);
                    small++;
                }
            }
        }
    }
    ui_set_size(f->ui, 1280, 800);
    assert_int_equal(small, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_home_offers_the_directory_only_with_member_services),
        cmocka_unit_test(test_categories_come_first_with_their_counts),
        cmocka_unit_test(test_results_come_as_the_visitor_types_greeklish),
        cmocka_unit_test(test_filters_combine_and_clear_with_one_tap),
        cmocka_unit_test(test_no_results_offers_the_categories_and_the_centres_phone),
        cmocka_unit_test(test_the_idle_reset_clears_search_filters_and_keyboard),
        cmocka_unit_test(test_a_card_shows_an_alert_and_an_inactive_status_first),
        cmocka_unit_test(test_no_directory_text_is_clipped_or_overlaps_at_any_size),
        cmocka_unit_test(test_every_directory_target_is_at_least_9_mm),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
