/* test_directory.c - the member directory as a visitor meets it: a generated package of
 * 240 example services (tools/gen-package.sh) and the HSDS 3.0 example, imported by
 * the real importer, searched in Greek, Greeklish, English and Arabic, filtered, and
 * paged; "open now" agrees with the hours engine service by service. */
#include "testutil.h"
#include "core/directory.h"
#include "core/hsds.h"
#include "core/update.h"

#define SERVICES 240
#define EXAMPLE  "tests/fixtures/hsds-3.0-example"

typedef struct Fixture {
    char *dir;
    Db *db;
} Fixture;

/* imports dir into tmp/name and opens it */
static Db *import_open(const char *dir, const char *tmp, const char *name)
{
    char path[512], err[256];
    snprintf(path, sizeof path, "%s/%s", tmp, name);
    HsdsReport r = { 0 };
    int rc = hsds_import(dir, path, &r);
    if (rc != 0)
        hsds_report_print(&r, dir, stderr);
    hsds_report_free(&r);
    assert_int_equal(rc, 0);
    Db *db = db_open(path, err, sizeof err);
    if (!db)
        fail_msg("db_open: %s", err);
    return db;
}

static int setup(void **state)
{
    hours_use_athens_time();
    Fixture *f = calloc(1, sizeof *f);
    f->dir = test_tmpdir();
    test_sh("sh tools/gen-package.sh %d '%s/pkg'", SERVICES, f->dir);
    /* a closure of one service on Tuesday 24 November 2026, special hours of another */
    test_sh("printf '%%s\\n' 'test-closed,example-svc-00002,2026-11-24,2026-11-24,true,,,Κλειστό'"
            " 'test-special,example-svc-00004,2026-11-24,,false,10:00,12:00,Έκτακτο ωράριο'"
            " >> '%s/pkg/closures.csv'", f->dir);
    char pkg[512];
    snprintf(pkg, sizeof pkg, "%s/pkg", f->dir);
    f->db = import_open(pkg, f->dir, "dir.db");
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    db_close(f->db);
    test_rmdir(f->dir);
    free(f);
    return 0;
}

static time_t at(const char *when)
{
    time_t t;
    assert_int_equal(hours_parse_instant(when, &t), 0);
    return t;
}

/* the rows of a query (all of them, up to 400) */
static int search(Db *db, const DirQuery *q, Lang lang, DirRow *rows, int *total)
{
    int n = db_directory_search(db, q, lang, 0, 400, rows, total);
    if (n < 0)
        fail_msg("search: %s", db_error(db));
    return n;
}

/* fails unless every row's name contains want */
static void assert_all_named(const DirRow *rows, int n, const char *want)
{
    assert_true(n > 0);
    for (int i = 0; i < n; i++)
        if (!strstr(rows[i].name, want))
            fail_msg("row %d \"%s\" (%s) lacks \"%s\"", i, rows[i].name, rows[i].id, want);
}

static DirRow rows[400];

static void test_greeklish_and_unaccented_greek_find_the_greek_name(void **state)
{
    Fixture *f = *state;
    /* 240 services, 12 categories: 20 "Νομική συμβουλευτική", 20 "Στέγαση" */
    DirQuery q = { .words = "nomiki symvouleftiki", .now = at("2026-11-24T10:30") };
    int total, n = search(f->db, &q, LANG_EL, rows, &total);
    assert_int_equal(total, 20);
    assert_all_named(rows, n, "Νομική συμβουλευτική");
    q.words = "stegasi";
    n = search(f->db, &q, LANG_EL, rows, &total);
    assert_int_equal(total, 20);
    assert_all_named(rows, n, "Στέγαση");
    q.words = "ΣΤΕΓΑΣΗ";
    assert_int_equal(search(f->db, &q, LANG_EL, rows, NULL), 20);
    q.words = "στεγαση";
    assert_int_equal(search(f->db, &q, LANG_EL, rows, NULL), 20);
}

static void test_a_word_prefix_finds_as_the_visitor_types(void **state)
{
    Fixture *f = *state;
    DirQuery q = { .words = "Στέγ", .now = at("2026-11-24T10:30") };
    int n = search(f->db, &q, LANG_EL, rows, NULL);
    assert_all_named(rows, n, "Στέγαση");
    q.words = "hous";
    n = search(f->db, &q, LANG_EN, rows, NULL);
    assert_all_named(rows, n, "Housing");
    /* "symvo" on its way to "symvou": its key "simvo" would miss "simvu..." */
    q.words = "nomiki symvo";
    n = search(f->db, &q, LANG_EL, rows, NULL);
    assert_all_named(rows, n, "Νομική συμβουλευτική");
}

static void test_the_english_translation_is_searched_and_shown(void **state)
{
    Fixture *f = *state;
    DirQuery q = { .words = "greek lessons", .now = at("2026-11-24T10:30") };
    int total, n = search(f->db, &q, LANG_EN, rows, &total);
    assert_int_equal(total, 20);
    assert_all_named(rows, n, "Greek lessons, example");
    assert_non_null(strstr(rows[0].org, "Example Organisation"));
    n = search(f->db, &q, LANG_EL, rows, NULL);
    assert_all_named(rows, n, "Μαθήματα ελληνικών");
}

static void test_an_organisation_is_found_by_its_name(void **state)
{
    Fixture *f = *state;
    DirQuery q = { .words = "Example Organisation 0003", .now = at("2026-11-24T10:30") };
    int total, n = search(f->db, &q, LANG_EN, rows, &total);
    assert_true(total >= 10);
    for (int i = 0; i < 10; i++)     /* its ten services come first */
        assert_string_equal(rows[i].org, "Example Organisation 0003");
    (void)n;
}

static void test_a_synonym_in_another_script_finds_the_service(void **state)
{
    Fixture *f = *state;
    /* data/synonyms.csv: άσυλο / asylum / لجوء ...; no service text is in Arabic */
    DirQuery q = { .words = "لجوء", .now = at("2026-11-24T10:30") };
    int n = search(f->db, &q, LANG_EN, rows, NULL);
    assert_true(n >= 20);
    int asylum = 0;
    for (int i = 0; i < n; i++)
        asylum += strncmp(rows[i].name, "Asylum, example", 15) == 0;
    assert_int_equal(asylum, 20);
    q.words = "xyzzy";
    assert_int_equal(search(f->db, &q, LANG_EN, rows, NULL), 0);
}

static void test_filters_free_language_and_category_combine(void **state)
{
    Fixture *f = *state;
    DirQuery q = { .now = at("2026-11-24T10:30") };
    int all, n = search(f->db, &q, LANG_EN, rows, &all);
    assert_int_equal(all, SERVICES + 1);           /* and the centre's own */
    assert_int_equal(n, all);
    q.free = true;
    int free_n;
    n = search(f->db, &q, LANG_EN, rows, &free_n);
    assert_int_equal(free_n, SERVICES * 3 / 4);     /* gen-package: 3 in 4 are free */
    for (int i = 0; i < n; i++)
        assert_true(rows[i].free);
    q.language = "ar";
    int ar;
    n = search(f->db, &q, LANG_EN, rows, &ar);
    assert_true(ar > 0 && ar < free_n);
    for (int i = 0; i < n; i++)
        assert_non_null(strstr(rows[i].languages, "Arabic"));
    q.category = "area-health";
    int health;
    n = search(f->db, &q, LANG_EN, rows, &health);
    assert_true(health > 0 && health < ar);
    for (int i = 0; i < n; i++)
        assert_true(strncmp(rows[i].name, "Medical care", 12) == 0 ||
                    strncmp(rows[i].name, "Psychological support", 21) == 0);
    q.words = "medic";
    int both;
    n = search(f->db, &q, LANG_EN, rows, &both);
    assert_true(both > 0 && both <= health);
    assert_all_named(rows, n, "Medical care");
}

static void test_open_now_agrees_with_the_hours_engine_service_by_service(void **state)
{
    Fixture *f = *state;
    const char *const instants[] = { "2026-11-24T10:30", "2026-11-24T08:00", "2026-11-28T11:00",
                                     "2026-11-24T18:30", "2026-12-25T10:30" };
    for (size_t k = 0; k < sizeof instants / sizeof instants[0]; k++) {
        DirQuery q = { .now = at(instants[k]) };
        int n = search(f->db, &q, LANG_EN, rows, NULL), open = 0;
        for (int i = 0; i < n; i++)
            open += rows[i].hours.open;
        q.open_now = true;
        int total, m = search(f->db, &q, LANG_EN, rows, &total);
        if (total != open)
            fail_msg("%s: the filter finds %d open, the engine %d", instants[k], total, open);
        for (int i = 0; i < m; i++)
            assert_true(rows[i].hours.open);
    }
}

static void test_closures_and_holidays_close_a_service(void **state)
{
    Fixture *f = *state;
    DirQuery q = { .now = at("2026-11-24T10:30") };
    bool seen2 = false, seen4 = false;
    int n = search(f->db, &q, LANG_EN, rows, NULL);
    for (int i = 0; i < n; i++) {
        if (strcmp(rows[i].id, "example-svc-00002") == 0) {
            seen2 = true;       /* its schedule says Tuesday 09:30-16:00; the closure wins */
            assert_true(rows[i].has_hours);
            assert_false(rows[i].hours.open);
            assert_int_equal(rows[i].hours.reason, HOURS_CLOSURE);
        }
        if (strcmp(rows[i].id, "example-svc-00004") == 0) {
            seen4 = true;       /* weekends only, but special hours 10:00-12:00 today */
            assert_true(rows[i].hours.open);
            assert_int_equal(rows[i].hours.reason, HOURS_SPECIAL);
        }
    }
    assert_true(seen2 && seen4);
    q.now = at("2026-12-25T10:30");         /* Christmas Day */
    q.open_now = true;
    int total;
    search(f->db, &q, LANG_EN, rows, &total);
    assert_int_equal(total, 0);
    HoursTable *t = malloc(sizeof *t);
    assert_int_equal(db_directory_load_hours(f->db, "example-svc-00002", t), 0);
    assert_true(t->n_periods >= 1);
    assert_int_equal(t->n_closures, 1);
    assert_string_equal(t->closures[0].reason[LANG_EL], "Κλειστό");
    free(t);
}

static void test_a_card_holds_what_a_visitor_needs_to_go_there(void **state)
{
    Fixture *f = *state;
    DirCard *c = malloc(sizeof *c);
    assert_int_equal(db_directory_card(f->db, "example-svc-00001", LANG_EL, c), 0);
    assert_string_equal(c->name, "Συμβουλευτική εργασίας, παράδειγμα 1");
    assert_string_equal(c->org, "Οργάνωση-παράδειγμα 0000");
    assert_string_equal(c->cost, "Δωρεάν");
    assert_true(c->free);
    assert_string_equal(c->documents, "Διαβατήριο ή άλλο έγγραφο ταυτότητας\n"
                                      "Άδεια διαμονής ή κάρτα αιτούντος άσυλο");
    assert_string_equal(c->phone, "+30 210 0000001");
    assert_string_equal(c->email, "svc1@example.org");
    assert_true(c->has_coords);
    assert_string_equal(c->address, "Οδός 1 2");
    assert_int_equal(db_directory_card(f->db, "example-svc-00001", LANG_EN, c), 0);
    assert_string_equal(c->name, "Job counselling, example 1");
    assert_string_equal(c->org, "Example Organisation 0000");
    assert_string_equal(c->cost, "Free");
    assert_string_equal(c->eligibility, "For asylum seekers and recognised refugees.");
    assert_int_equal(db_directory_card(f->db, "example-svc-00097", LANG_EN, c), 0);
    assert_false(c->active);                 /* gen-package: every 97th is inactive */
    assert_string_equal(c->status, "inactive");
    free(c);
}

static void test_pages_follow_each_other_without_gaps(void **state)
{
    Fixture *f = *state;
    DirQuery q = { .words = "example", .now = at("2026-11-24T10:30") };
    int total, n = search(f->db, &q, LANG_EN, rows, &total);
    assert_int_equal(n, total);
    DirRow page[25];
    for (int off = 0; off < total; off += 25) {
        int m = db_directory_search(f->db, &q, LANG_EN, off, 25, page, NULL);
        assert_int_equal(m, total - off < 25 ? total - off : 25);
        for (int i = 0; i < m; i++)
            assert_string_equal(page[i].id, rows[off + i].id);
    }
}

static void test_categories_start_with_the_six_committee_areas(void **state)
{
    Fixture *f = *state;
    DirCategory c[16];
    int n = db_directory_categories(f->db, NULL, LANG_EN, c, 16);
    /* the six areas, and the centre's own "Information" */
    assert_int_equal(n, 7);
    const char *const areas[] = { "Skills and work", "City life", "Education", "Gender",
                                  "Rights and legal help", "Health" };
    int sum = 0;
    for (int i = 0; i < 6; i++) {
        bool found = false;
        for (int k = 0; k < n; k++)
            if (strcmp(c[k].name, areas[i]) == 0) {
                found = true;
                assert_int_equal(c[k].count, SERVICES / 6);
                sum += c[k].count;
            }
        if (!found)
            fail_msg("no first-level category %s", areas[i]);
    }
    assert_int_equal(sum, SERVICES);
    n = db_directory_categories(f->db, "area-health", LANG_EL, c, 16);
    assert_int_equal(n, 2);
    assert_string_equal(c[0].name, "Ιατρική φροντίδα");
    assert_int_equal(c[0].count + c[1].count, SERVICES / 6);
}

/* the update's summary: "3 services added, 1 changed, 2 removed" */
static void test_services_added_changed_and_removed_are_counted(void **state)
{
    Fixture *f = *state;
    char *tmp = test_tmpdir(), path[512];
    test_sh("sh tools/gen-package.sh 12 '%s/pkg' >/dev/null", tmp);
    Db *old = import_open("data", tmp, "old.db");  /* the centre's own service alone */
    db_close(old);
    snprintf(path, sizeof path, "%s/old.db", tmp);
    int c[3];
    assert_int_equal(db_directory_compare(f->db, path, c), 0);
    assert_int_equal(c[0], SERVICES);
    assert_int_equal(c[1], 0);
    assert_int_equal(c[2], 0);
    /* 12 services; then drop 2, change the schedule of 1, a translation of another */
    char pkg[512];
    snprintf(pkg, sizeof pkg, "%s/pkg", tmp);
    Db *a = import_open(pkg, tmp, "a.db");
    test_sh("cd '%s/pkg' && grep -v 'example-svc-00011\\|example-svc-00012' services.csv > s &&"
            " mv s services.csv && sed -i 's/^example-sch-3,\\(.*\\),09:45,/example-sch-3,\\1,10:00,/'"
            " schedules.csv && sed -i 's/^service,example-svc-00005,name,en,.*/service,"
            "example-svc-00005,name,en,Renamed/' translations.csv", tmp);
    Db *b = import_open(pkg, tmp, "b.db");
    snprintf(path, sizeof path, "%s/a.db", tmp);
    assert_int_equal(db_directory_compare(b, path, c), 0);
    assert_int_equal(c[0], 0);
    assert_int_equal(c[1], 2);
    assert_int_equal(c[2], 2);
    /* the update's summary says so, in each language */
    char b_path[512], said[512];
    snprintf(b_path, sizeof b_path, "%s/b.db", tmp);
    assert_true(update_describe_changes(path, b_path, LANG_EN, said, sizeof said) >= 2);
    if (!strstr(said, "2 services changed") || !strstr(said, "2 services removed"))
        fail_msg("the summary says: %s", said);
    assert_true(update_describe_changes(path, b_path, LANG_EL, said, sizeof said) >= 2);
    if (!strstr(said, "2 υπηρεσίες άλλαξαν") || !strstr(said, "2 υπηρεσίες αφαιρέθηκαν"))
        fail_msg("the summary says: %s", said);
    db_close(a);
    db_close(b);
    test_rmdir(tmp);
}

/* every directory column survives an export and a new import: nothing compares as changed */
static void test_an_export_round_trips_every_directory_column(void **state)
{
    Fixture *f = *state;
    char *tmp = test_tmpdir(), out[512], path[512];
    snprintf(out, sizeof out, "%s/export", tmp);
    snprintf(path, sizeof path, "%s/dir.db", f->dir);
    HsdsReport r = { 0 };
    assert_int_equal(hsds_export(path, out, &r), 0);
    hsds_report_free(&r);
    Db *db = import_open(out, tmp, "again.db");
    int c[3];
    assert_int_equal(db_directory_compare(db, path, c), 0);
    assert_int_equal(c[0], 0);
    assert_int_equal(c[1], 0);
    assert_int_equal(c[2], 0);
    DirCard *a = malloc(sizeof *a), *b = malloc(sizeof *b);
    assert_int_equal(db_directory_card(db, "example-svc-00053", LANG_EN, a), 0);
    assert_int_equal(db_directory_card(f->db, "example-svc-00053", LANG_EN, b), 0);
    assert_string_equal(a->name, b->name);
    assert_string_equal(a->org, b->org);
    assert_string_equal(a->description, b->description);
    assert_string_equal(a->documents, b->documents);
    assert_string_equal(a->cost, b->cost);
    assert_string_equal(a->alert, b->alert);
    assert_string_equal(a->address, b->address);
    assert_string_equal(a->eligibility, b->eligibility);
    assert_string_equal(a->application, b->application);
    assert_string_equal(a->languages, b->languages);
    assert_string_equal(a->phone, b->phone);
    assert_string_equal(a->email, b->email);
    assert_string_equal(a->website, b->website);
    assert_string_equal(a->last_checked, b->last_checked);
    assert_true(a->free == b->free && a->active == b->active && a->has_coords == b->has_coords);
    assert_true(a->latitude == b->latitude && a->longitude == b->longitude);
    assert_true(a->alert[0] && a->documents[0] && a->cost[0] && a->eligibility[0]);
    free(a);
    free(b);
    DirCategory ca[16], cb[16];
    assert_int_equal(db_directory_categories(db, NULL, LANG_EN, ca, 16),
                     db_directory_categories(f->db, NULL, LANG_EN, cb, 16));
    for (int i = 0; i < 7; i++) {
        assert_string_equal(ca[i].name, cb[i].name);
        assert_int_equal(ca[i].count, cb[i].count);
    }
    db_close(db);
    test_rmdir(tmp);
}

/* kiosk check counts the directory and warns of a cost that cannot say "free" */
static void test_check_counts_services_and_warns_of_a_cost_that_is_no_number(void **state)
{
    (void)state;
    char *tmp = test_tmpdir();
    test_sh("sh tools/gen-package.sh 20 '%s/pkg' >/dev/null && sed -i"
            " 's/^example-cost-3,\\(.*\\),EUR,0,/example-cost-3,\\1,EUR,free,/'"
            " '%s/pkg/cost_options.csv'", tmp, tmp);
    char pkg[512];
    snprintf(pkg, sizeof pkg, "%s/pkg", tmp);
    HsdsReport r = { 0 };
    assert_int_equal(hsds_check(pkg, &r), 0);
    assert_int_equal(r.n_services, 21);            /* and the centre's own */
    assert_int_equal(r.n_warnings, 1);
    assert_non_null(strstr(r.problems[0].message, "amount \"free\" is not a number"));
    assert_string_equal(r.problems[0].file, "cost_options.csv");
    assert_int_equal(r.problems[0].line, 4);
    hsds_report_free(&r);
    test_rmdir(tmp);
}

static void test_only_member_services_make_a_directory(void **state)
{
    Fixture *f = *state;
    assert_int_equal(db_directory_has_members(f->db), 1);
    char *tmp = test_tmpdir();
    Db *db = import_open("data", tmp, "data.db");
    assert_int_equal(db_directory_has_members(db), 0);
    db_close(db);
    test_rmdir(tmp);
}

static void test_the_hsds_example_imports_and_its_service_is_found(void **state)
{
    (void)state;
    char *tmp = test_tmpdir();
    Db *db = import_open(EXAMPLE, tmp, "example.db");
    DirQuery q = { .words = "counselling", .now = at("2026-11-24T10:30") };
    int n = db_directory_search(db, &q, LANG_EN, 0, 10, rows, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(rows[0].id, "ac148810-d857-441c-9679-408f346de14b");
    assert_string_equal(rows[0].name, "Community Counselling");
    assert_string_equal(rows[0].org, "Example Organization Inc.");
    assert_string_equal(rows[0].languages, "Urdu");
    assert_true(rows[0].alert);
    q.words = "anxiety depression";   /* words of its description */
    assert_int_equal(db_directory_search(db, &q, LANG_EN, 0, 10, rows, NULL), 1);
    DirCard *c = malloc(sizeof *c);
    assert_int_equal(db_directory_card(db, rows[0].id, LANG_EN, c), 0);
    assert_string_equal(c->name, "Community Counselling");
    assert_true(c->active);
    assert_non_null(strstr(c->alert, "Following COVID-19"));
    assert_non_null(strstr(c->eligibility, "aged 12 and over"));
    assert_int_equal(c->min_age, 12);
    assert_int_equal(c->max_age, 100);
    assert_non_null(strstr(c->application, "referral letter"));
    assert_non_null(strstr(c->documents, "Any official identification document"));
    assert_string_equal(c->cost, "Under 18s and Over 60s: 35 GBP (per 1 hour session)");
    assert_false(c->free);
    assert_string_equal(c->languages, "Urdu");
    assert_string_equal(c->email, "email@example.com");
    assert_string_equal(c->website, "http://example.com/counselling");
    assert_string_equal(c->address, "1-30 Main Street");
    assert_string_equal(c->city, "MyCity");
    assert_false(c->has_coords);              /* latitude 100 is no latitude */
    assert_string_equal(c->last_checked, "2005-01-01");
    assert_int_equal(db_directory_card(db, "no-such-service", LANG_EN, c), -1);
    free(c);
    db_close(db);
    test_rmdir(tmp);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_greeklish_and_unaccented_greek_find_the_greek_name),
        cmocka_unit_test(test_a_word_prefix_finds_as_the_visitor_types),
        cmocka_unit_test(test_the_english_translation_is_searched_and_shown),
        cmocka_unit_test(test_an_organisation_is_found_by_its_name),
        cmocka_unit_test(test_a_synonym_in_another_script_finds_the_service),
        cmocka_unit_test(test_filters_free_language_and_category_combine),
        cmocka_unit_test(test_open_now_agrees_with_the_hours_engine_service_by_service),
        cmocka_unit_test(test_closures_and_holidays_close_a_service),
        cmocka_unit_test(test_a_card_holds_what_a_visitor_needs_to_go_there),
        cmocka_unit_test(test_pages_follow_each_other_without_gaps),
        cmocka_unit_test(test_categories_start_with_the_six_committee_areas),
        cmocka_unit_test(test_services_added_changed_and_removed_are_counted),
        cmocka_unit_test(test_an_export_round_trips_every_directory_column),
        cmocka_unit_test(test_check_counts_services_and_warns_of_a_cost_that_is_no_number),
        cmocka_unit_test(test_only_member_services_make_a_directory),
        cmocka_unit_test(test_the_hsds_example_imports_and_its_service_is_found),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
