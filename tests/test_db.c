/* test_db.c - the content database: what the screens get from it in each language,
 * and how a damaged or foreign file is refused. */
#include "testutil.h"
#include <fcntl.h>
#include <stdarg.h>
#include <sys/stat.h>
#include "core/db.h"
#include "core/hsds.h"

/* inserts one row into table: column/value pairs, ended by NULL */
static void insert(Db *db, const char *table, ...)
{
    int t = db_table_find(table);
    assert_true(t >= 0);
    const char *values[DB_MAX_COLUMNS] = { 0 };
    va_list ap;
    va_start(ap, table);
    for (const char *col; (col = va_arg(ap, const char *)) != NULL;) {
        int c = db_table_column(t, col);
        if (c < 0)
            fail_msg("%s has no column %s", table, col);
        values[c] = va_arg(ap, const char *);
    }
    va_end(ap);
    assert_int_equal(db_insert(db, t, values), 0);
}

/* a translation row */
static void translate(Db *db, const char *table, const char *id, const char *field,
                      const char *lang, const char *value)
{
    insert(db, "translation", "resource", table, "record_id", id, "field", field, "language", lang,
           "value", value, NULL);
}

/* a small database of a centre whose base texts are Greek: a city, its department,
 * the centre, one service with a location, a phone on the organisation, hours */
static char *make_centre(char *dir)
{
    char *path = malloc(512);
    snprintf(path, 512, "%s/centre.db", dir);
    char err[256];
    Db *db = db_create(path, err, sizeof err);
    if (!db)
        fail_msg("db_create: %s", err);
    assert_int_equal(db_begin(db), 0);
    assert_int_equal(db_package_set(db, "language", "el"), 0);
    insert(db, "organization", "id", "city", "name", "Δήμος Αθηναίων", "legal_status",
           "Τοπική αυτοδιοίκηση", NULL);
    insert(db, "organization", "id", "dept", "name", "Τμήμα Ένταξης", "parent_organization_id",
           "city", NULL);
    insert(db, "organization", "id", "centre", "name", "Κέντρο Συντονισμού", "alternate_name",
           "ACCMR", "description", "", "email", "info at accmr", "website", "https://www.accmr.gr",
           "parent_organization_id", "dept", NULL);
    insert(db, "service", "id", "svc", "organization_id", "centre", "name", "Συντονισμός",
           "last_modified", "2023-02-24T10:00:00Z", NULL);
    insert(db, "service", "id", "other", "organization_id", "city", "name", "Άλλη υπηρεσία", NULL);
    insert(db, "location", "id", "office", "organization_id", "centre", "latitude", "37.98",
           "longitude", "23.73", NULL);
    insert(db, "address", "id", "addr", "location_id", "office", "address_1", "Αγίου Ισιδώρου 4",
           "city", "Αθήνα", "country", "GR", "region", "1η Δημοτική Κοινότητα", NULL);
    insert(db, "service_at_location", "id", "sal", "service_id", "svc", "location_id", "office", NULL);
    insert(db, "phone", "id", "ph", "organization_id", "centre", "number", "+30 210 3638625", NULL);
    insert(db, "program", "id", "p1", "organization_id", "centre", "name", "Επιτροπή Υγείας", NULL);
    insert(db, "program", "id", "p2", "organization_id", "centre", "name", "Το Φόρουμ",
           "description", "Συνεδριάζει", NULL);
    insert(db, "language", "id", "l1", "service_id", "svc", "name", "Ελληνικά", NULL);
    insert(db, "schedule", "id", "s1", "service_id", "svc", "freq", "WEEKLY", "byday",
           "MO,TU,WE,TH,FR", "opens_at", "09:00", "closes_at", "17:00", NULL);
    insert(db, "schedule", "id", "s2", "service_id", "other", "byday", "SA", "opens_at", "10:00",
           "closes_at", "12:00", NULL);
    insert(db, "closure", "id", "c1", "service_id", "svc", "start_date", "2027-04-30",
           "end_date", "2027-05-02", "closed", "true", "reason", "Εκπαίδευση προσωπικού", NULL);
    insert(db, "closure", "id", "c2", "service_id", "", "start_date", "2027-12-24", "closed",
           "false", "opens_at", "09:00", "closes_at", "13:00", "reason", "", NULL);
    translate(db, "organization", "centre", "name", "en", "Coordination Centre");
    translate(db, "organization", "centre", "description", "en", "Only in English");
    translate(db, "organization", "city", "name", "en", "City of Athens");
    translate(db, "organization", "dept", "name", "en", "Integration Department");
    translate(db, "program", "p2", "name", "en", "The Forum");
    translate(db, "language", "l1", "name", "en", "Greek");
    translate(db, "closure", "c1", "reason", "en", "Staff training");
    translate(db, "closure", "c2", "reason", "en", "Christmas Eve");
    assert_int_equal(db_commit(db), 0);
    db_close(db);
    return path;
}

/* opens path or fails the test with the reason */
static Db *open_ok(const char *path)
{
    char err[256];
    Db *db = db_open(path, err, sizeof err);
    if (!db)
        fail_msg("db_open: %s", err);
    return db;
}

/* each language shows its own text, and a missing translation shows the base text */
static void test_texts_come_in_the_asked_language_or_fall_back_to_the_base(void **state)
{
    (void)state;
    char *dir = test_tmpdir(), *path = make_centre(dir);
    Db *db = open_ok(path);
    assert_string_equal(db_base_language(db), "el");
    Content el, en;
    assert_int_equal(db_load_content(db, LANG_EL, &el), 0);
    assert_int_equal(db_load_content(db, LANG_EN, &en), 0);
    assert_string_equal(el.org_name, "Κέντρο Συντονισμού");
    assert_string_equal(en.org_name, "Coordination Centre");
    assert_string_equal(en.service_name, "Συντονισμός");    /* no English: the Greek */
    assert_string_equal(en.org_short, "ACCMR");
    assert_int_equal(en.n_programs, 2);
    assert_string_equal(en.programs[0].name, "Επιτροπή Υγείας");
    assert_string_equal(en.programs[1].name, "The Forum");
    assert_string_equal(en.programs[1].description, "Συνεδριάζει");
    assert_string_equal(el.programs[0].description, "");
    assert_int_equal(en.n_languages, 1);
    assert_string_equal(en.languages[0], "Greek");
    content_free(&el);
    content_free(&en);
    db_close(db);
    free(path);
    test_rmdir(dir);
}

/* a text empty in the base language shows a translation rather than an empty box */
static void test_empty_base_text_shows_another_language(void **state)
{
    (void)state;
    char *dir = test_tmpdir(), *path = make_centre(dir);
    Db *db = open_ok(path);
    Content el;
    assert_int_equal(db_load_content(db, LANG_EL, &el), 0);
    assert_string_equal(el.org_description, "Only in English");
    assert_string_equal(el.application_process, "");   /* no language has it */
    content_free(&el);
    db_close(db);
    free(path);
    test_rmdir(dir);
}

/* the parent body is the root of the chain, the department the body just above */
static void test_parent_body_is_the_root_and_department_the_level_above(void **state)
{
    (void)state;
    char *dir = test_tmpdir(), *path = make_centre(dir);
    Db *db = open_ok(path);
    Content el, en;
    assert_int_equal(db_load_content(db, LANG_EL, &el), 0);
    assert_int_equal(db_load_content(db, LANG_EN, &en), 0);
    assert_string_equal(el.parent_name, "Δήμος Αθηναίων");
    assert_string_equal(en.parent_name, "City of Athens");
    assert_string_equal(en.parent_type, "Τοπική αυτοδιοίκηση");
    assert_string_equal(en.department, "Integration Department");
    content_free(&el);
    content_free(&en);
    db_close(db);
    free(path);
    test_rmdir(dir);
}

/* contact details: the organisation's phone when the service has none, no email
 * when the data's one is not an address, the address and map point of the service */
static void test_contact_details_fall_back_and_bad_email_is_left_out(void **state)
{
    (void)state;
    char *dir = test_tmpdir(), *path = make_centre(dir);
    Db *db = open_ok(path);
    Content c;
    assert_int_equal(db_load_content(db, LANG_EN, &c), 0);
    assert_string_equal(c.phone, "+30 210 3638625");
    assert_string_equal(c.email, "");
    assert_string_equal(c.website, "https://www.accmr.gr");
    assert_string_equal(c.address, "Αγίου Ισιδώρου 4");
    assert_string_equal(c.community, "1η Δημοτική Κοινότητα");
    assert_string_equal(c.country, "GR");
    assert_string_equal(c.postal_code, "");
    assert_true(c.has_coords);
    assert_true(c.latitude > 37.9 && c.latitude < 38.0);
    assert_string_equal(c.last_updated, "2023-02-24");
    assert_string_equal(c.category, "");
    content_free(&c);
    db_close(db);
    free(path);
    test_rmdir(dir);
}

/* the hours are the first service's weekly rows; closures carry reasons in every
 * language, the Greek one standing in where there is no English */
static void test_hours_are_the_first_services_with_reasons_in_each_language(void **state)
{
    (void)state;
    char *dir = test_tmpdir(), *path = make_centre(dir);
    Db *db = open_ok(path);
    HoursTable h;
    assert_int_equal(db_load_hours(db, &h), 0);
    assert_int_equal(h.n_periods, 1);
    assert_int_equal(h.periods[0].weekdays, 0x1F);
    assert_int_equal(h.periods[0].opens_min, 540);
    assert_int_equal(h.periods[0].closes_min, 1020);
    assert_int_equal(h.n_closures, 2);
    assert_int_equal(h.closures[0].from, 20270430);
    assert_int_equal(h.closures[0].to, 20270502);
    assert_true(h.closures[0].closed);
    assert_string_equal(h.closures[0].reason[LANG_EL], "Εκπαίδευση προσωπικού");
    assert_string_equal(h.closures[0].reason[LANG_EN], "Staff training");
    assert_int_equal(h.closures[1].to, 20271224);
    assert_false(h.closures[1].closed);
    assert_int_equal(h.closures[1].closes_min, 780);
    assert_string_equal(h.closures[1].reason[LANG_EL], "Christmas Eve");
    db_close(db);
    free(path);
    test_rmdir(dir);
}

/* writes n bytes of data to path */
static void write_bytes(const char *path, const void *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, n, f), n);
    fclose(f);
}

/* a file of random bytes is refused with a message, not opened */
static void test_random_bytes_are_refused_with_a_message(void **state)
{
    (void)state;
    char *dir = test_tmpdir(), path[512], err[256] = "";
    snprintf(path, sizeof path, "%s/noise.db", dir);
    unsigned char noise[8192];
    srand(7);
    for (size_t i = 0; i < sizeof noise; i++)
        noise[i] = (unsigned char)rand();
    write_bytes(path, noise, sizeof noise);
    assert_null(db_open(path, err, sizeof err));
    assert_non_null(strstr(err, "not a kiosk database"));
    test_rmdir(dir);
}

/* a database cut short (a copy interrupted by a pulled stick) is refused */
static void test_truncated_copy_is_refused(void **state)
{
    (void)state;
    char *dir = test_tmpdir(), *path = make_centre(dir), cut[512], err[256] = "";
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    static char buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    assert_true(n > 8192);
    snprintf(cut, sizeof cut, "%s/cut.db", dir);
    write_bytes(cut, buf, n / 2);
    assert_null(db_open(cut, err, sizeof err));
    assert_true(strstr(err, "damaged") || strstr(err, "lacks"));
    free(path);
    test_rmdir(dir);
}

/* a database of another schema version is refused, naming both versions */
static void test_other_schema_version_is_refused(void **state)
{
    (void)state;
    char *dir = test_tmpdir(), path[512], cmd[700], err[256] = "", want[64];
    snprintf(path, sizeof path, "%s/old.db", dir);
    Db *db = db_create(path, err, sizeof err);
    assert_non_null(db);
    db_close(db);
    snprintf(cmd, sizeof cmd, "sqlite3 '%s' 'PRAGMA user_version = %d'", path,
             db_schema_version() + 1);
    assert_int_equal(system(cmd), 0);
    assert_null(db_open(path, err, sizeof err));
    snprintf(want, sizeof want, "version %d", db_schema_version() + 1);
    assert_non_null(strstr(err, want));
    test_rmdir(dir);
}

/* another program's SQLite file (right version, no kiosk tables) is refused */
static void test_database_without_the_tables_is_refused(void **state)
{
    (void)state;
    char *dir = test_tmpdir(), path[512], cmd[700], err[256] = "";
    snprintf(path, sizeof path, "%s/foreign.db", dir);
    snprintf(cmd, sizeof cmd, "sqlite3 '%s' 'CREATE TABLE t(x); PRAGMA user_version = %d'", path,
             db_schema_version());
    assert_int_equal(system(cmd), 0);
    assert_null(db_open(path, err, sizeof err));
    assert_non_null(strstr(err, "lacks table"));
    snprintf(path, sizeof path, "%s/absent.db", dir);
    assert_null(db_open(path, err, sizeof err));
    assert_non_null(strstr(err, "No such file"));
    test_rmdir(dir);
}

/* db_create never overwrites a file that is there */
static void test_create_leaves_an_existing_file_alone(void **state)
{
    (void)state;
    char *dir = test_tmpdir(), path[512], err[256] = "";
    snprintf(path, sizeof path, "%s/live.db", dir);
    write_bytes(path, "keep", 4);
    assert_null(db_create(path, err, sizeof err));
    assert_non_null(strstr(err, "File exists"));
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_size, 4);
    test_rmdir(dir);
}

/* a database with no service has no content to show, and says so */
static void test_database_without_a_service_has_no_content(void **state)
{
    (void)state;
    char *dir = test_tmpdir(), path[512], err[256] = "";
    snprintf(path, sizeof path, "%s/empty.db", dir);
    Db *db = db_create(path, err, sizeof err);
    assert_non_null(db);
    db_close(db);
    db = open_ok(path);
    Content c;
    assert_int_equal(db_load_content(db, LANG_EL, &c), -1);
    assert_null(c.org_name);
    assert_non_null(strstr(db_error(db), "no service"));
    content_free(&c);
    db_close(db);
    test_rmdir(dir);
}

/* the centre's default content: its name in Greek and English, its phone, and no
 * email (the published entry lost it), so the contact screen shows no email code */
static void test_default_content_shows_the_centre_in_both_languages(void **state)
{
    (void)state;
    char *dir = test_tmpdir(), path[512];
    snprintf(path, sizeof path, "%s/content.db", dir);
    HsdsReport r = { 0 };
    assert_int_equal(hsds_import("data", path, &r), 0);
    hsds_report_free(&r);
    Db *db = open_ok(path);
    Content el, en;
    assert_int_equal(db_load_content(db, LANG_EL, &el), 0);
    assert_int_equal(db_load_content(db, LANG_EN, &en), 0);
    assert_non_null(strstr(el.org_name, "Κέντρο Συντονισμού του Δήμου Αθηναίων"));
    assert_non_null(strstr(en.org_name, "Athens Coordination Center"));
    assert_string_equal(el.org_short, "ACCMR");
    assert_string_equal(el.parent_name, "Δήμος Αθηναίων");
    assert_string_equal(en.parent_name, "City of Athens");
    assert_string_equal(el.phone, "+30 210 3638625");
    assert_string_equal(en.phone, "+30 210 3638625");
    assert_string_equal(el.email, "");
    assert_string_equal(el.last_updated, "2023-02-24");
    assert_true(el.n_programs >= 7);
    assert_string_equal(en.programs[en.n_programs - 1].name, "ACCMR Forum");
    content_free(&el);
    content_free(&en);
    db_close(db);
    test_rmdir(dir);
}

/* an update is told which texts lack a translation: the default content lacks none,
 * and a package that drops one English name is told exactly which */
static void test_untranslated_visitor_texts_are_counted_and_named(void **state)
{
    (void)state;
    char *dir = test_tmpdir();
    char db_path[512], err[256], first[160];
    test_sh("cp -r data '%s/pkg' && sed -i '/^program,committee-health,name,en,/d' "
            "'%s/pkg/translations.csv'", dir, dir);
    const char *pkgs[] = { "data", NULL };
    char pkg2[512];
    snprintf(pkg2, sizeof pkg2, "%s/pkg", dir);
    pkgs[1] = pkg2;
    for (int i = 0; i < 2; i++) {
        snprintf(db_path, sizeof db_path, "%s/c%d.db", dir, i);
        HsdsReport r;
        memset(&r, 0, sizeof r);
        assert_int_equal(hsds_import(pkgs[i], db_path, &r), 0);
        hsds_report_free(&r);
        Db *db = db_open(db_path, err, sizeof err);
        assert_non_null(db);
        assert_int_equal(db_count_untranslated(db, LANG_EL, first, sizeof first), 0);
        int k = db_count_untranslated(db, LANG_EN, first, sizeof first);
        if (i == 0)
            assert_int_equal(k, 0);
        else {
            assert_int_equal(k, 1);
            assert_string_equal(first, "program committee-health name");
        }
        db_close(db);
    }
    test_rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_texts_come_in_the_asked_language_or_fall_back_to_the_base),
        cmocka_unit_test(test_empty_base_text_shows_another_language),
        cmocka_unit_test(test_parent_body_is_the_root_and_department_the_level_above),
        cmocka_unit_test(test_contact_details_fall_back_and_bad_email_is_left_out),
        cmocka_unit_test(test_hours_are_the_first_services_with_reasons_in_each_language),
        cmocka_unit_test(test_random_bytes_are_refused_with_a_message),
        cmocka_unit_test(test_truncated_copy_is_refused),
        cmocka_unit_test(test_other_schema_version_is_refused),
        cmocka_unit_test(test_database_without_the_tables_is_refused),
        cmocka_unit_test(test_create_leaves_an_existing_file_alone),
        cmocka_unit_test(test_database_without_a_service_has_no_content),
        cmocka_unit_test(test_default_content_shows_the_centre_in_both_languages),
        cmocka_unit_test(test_untranslated_visitor_texts_are_counted_and_named),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
