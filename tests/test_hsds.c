/* test_hsds.c - HSDS packages: the HSDS example is taken with its faults named, each
 * broken package gets its own message and no crash, an import never leaves a partial
 * file, and an export imports back to the same content. */
#include "testutil.h"
#include <sys/stat.h>
#include "core/db.h"
#include "core/hsds.h"
#include "core/hsds/hsds_private.h"
#include "core/text.h"

#define EXAMPLE "tests/fixtures/hsds-3.0-example"
#define BROKEN  "tests/fixtures/broken"

/* the report as "kiosk check" prints it (free it) */
static char *report_text(const HsdsReport *r, const char *dir)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    hsds_report_print(r, dir, f);
    fclose(f);
    return buf;
}

/* fails unless the printed report has a line starting with want */
static void assert_reported(const char *text, const char *want)
{
    for (const char *s = text; s && *s; s = strchr(s, '\n') ? strchr(s, '\n') + 1 : NULL)
        if (strncmp(s, want, strlen(want)) == 0)
            return;
    fail_msg("no line starts with\n  %s\nin the report:\n%s", want, text);
}

static bool file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* imports dir into a fresh file in tmp and opens it; the report goes to r */
static Db *import_open(const char *dir, const char *tmp, const char *name, HsdsReport *r)
{
    char path[512], err[256];
    snprintf(path, sizeof path, "%s/%s", tmp, name);
    if (hsds_import(dir, path, r) != 0) {
        char *text = report_text(r, dir);
        fail_msg("%s did not import:\n%s", dir, text);
    }
    Db *db = db_open(path, err, sizeof err);
    if (!db)
        fail_msg("db_open: %s", err);
    return db;
}

/* the HSDS example is usable, and each link to a record it lacks is named with its
 * file, line and column */
static void test_hsds_example_is_usable_and_names_each_dangling_link(void **state)
{
    (void)state;
    HsdsReport r = { 0 };
    assert_int_equal(hsds_check(EXAMPLE, &r), 0);
    assert_int_equal(r.n_errors, 0);
    char *text = report_text(&r, EXAMPLE);
    assert_reported(text, EXAMPLE "/contacts.csv:2:2: warning: organization_id "
                          "\"ae67a707-5893-4225-b0b1-320ab9cb596b\" is not in organizations.csv; "
                          "the link is dropped");
    assert_reported(text, EXAMPLE "/contacts.csv:2:4: warning: service_at_location_id "
                          "\"93eaf18d-1cd2-4ec7-bffb-3c9172ee5070\" is not in service_at_location.csv");
    assert_reported(text, EXAMPLE "/locations.csv:2:4: warning: organization_id "
                          "\"985e4a42-bd9f-4edc-911d-0243a4640aca\" is not in organizations.csv");
    assert_reported(text, EXAMPLE "/taxonomy_terms.csv:2:8: warning: taxonomy_id "
                          "\"07ff6aee-a219-438c-b694-d2fcb6c5373b\" is not in taxonomies.csv");
    assert_string_equal(r.product, "human_services_data");
    assert_string_equal(r.version, "3.0.0");
    assert_string_equal(r.language, "en");      /* the example does not say: English */
    free(text);
    hsds_report_free(&r);
}

/* the quoted phone number and the placeholder schedule are warned about, and taken */
static void test_hsds_example_quoted_phone_and_placeholder_schedule_are_taken(void **state)
{
    (void)state;
    char *tmp = test_tmpdir();
    HsdsReport r = { 0 };
    Db *db = import_open(EXAMPLE, tmp, "example.db", &r);
    char *text = report_text(&r, EXAMPLE);
    assert_reported(text, EXAMPLE "/phones.csv:2:7: warning: number \"+44 1234 234567\" has quotes");
    assert_reported(text, EXAMPLE "/schedules.csv:2:8: warning: timezone \"3\" is not read");
    assert_reported(text, EXAMPLE "/schedules.csv:2:9: warning: until, count, byweekno, bymonthday, "
                          "byyearday: not read");
    Content c;
    assert_int_equal(db_load_content(db, LANG_EN, &c), 0);
    assert_string_equal(c.phone, "+44 1234 234567");
    assert_string_equal(c.org_name, "Example Organization Inc.");
    assert_string_equal(c.service_name, "Community Counselling");
    assert_string_equal(c.city, "MyCity");
    assert_false(c.has_coords);                 /* latitude 100 is off the globe */
    assert_string_equal(c.last_updated, "2023-03-15");
    HoursTable h;
    assert_int_equal(db_load_hours(db, &h), 0);
    assert_int_equal(h.n_periods, 1);
    assert_int_equal(h.periods[0].weekdays, (1 << 3) | (1 << 4)); /* TH,FR */
    assert_int_equal(h.periods[0].opens_min, 600);
    assert_int_equal(h.periods[0].closes_min, 1080);
    content_free(&c);
    db_close(db);
    free(text);
    hsds_report_free(&r);
    test_rmdir(tmp);
}

/* each resource the kiosk does not use is read, then left out with one note */
static void test_resources_the_kiosk_does_not_use_get_one_note_each(void **state)
{
    (void)state;
    static const char *const unused[] = { "accessibility", "service_areas", "metadata",
                                          "organization_identifiers" };
    HsdsReport r = { 0 };
    assert_int_equal(hsds_check(EXAMPLE, &r), 0);
    char *text = report_text(&r, EXAMPLE);
    for (size_t i = 0; i < sizeof unused / sizeof unused[0]; i++) {
        char want[256];
        snprintf(want, sizeof want, EXAMPLE "/%s.csv: note: ", unused[i]);
        assert_reported(text, want);
    }
    free(text);
    hsds_report_free(&r);
}

typedef struct Broken {
    const char *folder;
    const char *line;           /* the start of the line the report must hold */
    bool usable;
} Broken;

/* every broken package gives its own message at its place; a refused one leaves no
 * database file behind, a usable one imports */
static void test_each_broken_package_gets_its_own_message_and_leaves_no_file(void **state)
{
    (void)state;
    static const Broken cases[] = {
        { "invalid-utf8", "organizations.csv:3:2: error: invalid UTF-8", false },
        { "missing-column", "services.csv:1: error: required column \"name\" is missing", false },
        { "long-field", "services.csv:2:4: error: a field longer than 16384 bytes", false },
        { "duplicate-id", "services.csv:3:1: warning: duplicate id \"svc\" (first on line 2)", true },
        { "nul-byte", "services.csv:2:3: error: a NUL byte", false },
        { "closes-before-opens", "schedules.csv:2:6: error: closes_at 09:00 is not after opens_at 17:00",
          false },
        { "bad-weekday", "schedules.csv:2:4: error: byday \"MO,TU,XX\" names an unknown weekday", false },
        { "closure-ends-before-it-starts",
          "closures.csv:2:4: error: end_date 2027-12-24 is before start_date 2027-12-27", false },
        { "no-datapackage", "datapackage.json: error: missing", false },
        { "garbage-datapackage", "datapackage.json:4:3: error: not valid JSON", false },
    };
    char *tmp = test_tmpdir();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char dir[256], want[512], db[512];
        snprintf(dir, sizeof dir, BROKEN "/%s", cases[i].folder);
        snprintf(want, sizeof want, "%s/%s", dir, cases[i].line);
        snprintf(db, sizeof db, "%s/%s.db", tmp, cases[i].folder);
        HsdsReport checked = { 0 }, imported = { 0 };
        int rc = hsds_check(dir, &checked);
        char *text = report_text(&checked, dir);
        assert_reported(text, want);
        if (rc != (cases[i].usable ? 0 : -1))
            fail_msg("%s: check says %d\n%s", dir, rc, text);
        assert_int_equal(hsds_import(dir, db, &imported), rc);
        assert_int_equal(imported.n_errors, checked.n_errors);
        if (file_exists(db) != cases[i].usable)
            fail_msg("%s: the database file is %s", dir, cases[i].usable ? "missing" : "left behind");
        free(text);
        hsds_report_free(&checked);
        hsds_report_free(&imported);
    }
    test_rmdir(tmp);
}

/* an import never replaces a file that is there, nor writes outside a folder */
static void test_import_never_replaces_an_existing_file(void **state)
{
    (void)state;
    char *tmp = test_tmpdir();
    write_file(tmp, "live.db", "the live database");
    char path[512];
    snprintf(path, sizeof path, "%s/live.db", tmp);
    HsdsReport r = { 0 };
    assert_int_equal(hsds_import(EXAMPLE, path, &r), -1);
    char *text = report_text(&r, EXAMPLE);
    assert_non_null(strstr(text, "File exists"));
    FILE *f = fopen(path, "rb");
    char buf[64] = "";
    assert_non_null(fgets(buf, sizeof buf, f));
    fclose(f);
    assert_string_equal(buf, "the live database");
    free(text);
    hsds_report_free(&r);
    memset(&r, 0, sizeof r);
    snprintf(path, sizeof path, "%s/no/such/folder/new.db", tmp);
    assert_int_equal(hsds_import(EXAMPLE, path, &r), -1);
    assert_int_equal(r.n_errors, 1);
    hsds_report_free(&r);
    test_rmdir(tmp);
}

/* a small Greek package with English translations, some of them faulty */
static void write_translated_package(const char *dir)
{
    write_file(dir, "datapackage.json",
               "{ \"name\": \"t\", \"version\": \"1\", \"language\": \"el\", \"resources\": [\n"
               "  { \"name\": \"organization\", \"path\": \"organizations.csv\" },\n"
               "  { \"name\": \"service\", \"path\": \"services.csv\", \"schema\": { \"fields\": [\n"
               "    { \"name\": \"id\" }, { \"name\": \"organization_id\" }, { \"name\": \"name\" } ],\n"
               "    \"foreignKeys\": [ { \"fields\": \"organization_id\",\n"
               "      \"reference\": { \"resource\": \"organization\", \"fields\": \"id\" } } ] } },\n"
               "  { \"name\": \"translation\", \"path\": \"translations.csv\" } ] }\n");
    write_file(dir, "organizations.csv", "id,name\r\norg,Κέντρο\r\n");
    write_file(dir, "services.csv", "id,organization_id,name\r\nsvc,org,Συμβουλές\r\n");
    write_file(dir, "translations.csv",
               "resource,record_id,field,language,value\r\n"
               "organization,org,name,EN,Centre\r\n"
               "organization,nobody,name,en,Nobody\r\n"
               "organization,org,colour,en,Blue\r\n"
               "building,org,name,en,House\r\n"
               "organization,org,name,en,Centre again\r\n"
               "service,svc,name,el,Συμβουλές ξανά\r\n");
}

/* translations of records or fields that do not exist are named and skipped, and
 * the sound ones are shown */
static void test_translations_of_missing_records_or_fields_are_skipped(void **state)
{
    (void)state;
    char *tmp = test_tmpdir();
    write_translated_package(tmp);
    HsdsReport r = { 0 };
    Db *db = import_open(tmp, tmp, "t.db", &r);
    char *text = report_text(&r, NULL);
    assert_reported(text, "translations.csv:3:2: warning: record_id \"nobody\" is not in organizations.csv");
    assert_reported(text, "translations.csv:4:3: warning: field \"colour\" is not a text of organization");
    assert_reported(text, "translations.csv:5:1: warning: resource \"building\" is not a table");
    assert_reported(text, "translations.csv:6:4: warning: a second en translation");
    assert_reported(text, "translations.csv:7:4: warning: el is the language of the package's own texts");
    assert_int_equal(r.n_warnings, 5);
    Content el, en;
    assert_int_equal(db_load_content(db, LANG_EL, &el), 0);
    assert_int_equal(db_load_content(db, LANG_EN, &en), 0);
    assert_string_equal(el.org_name, "Κέντρο");
    assert_string_equal(en.org_name, "Centre");
    assert_string_equal(en.service_name, "Συμβουλές");
    content_free(&el);
    content_free(&en);
    db_close(db);
    free(text);
    hsds_report_free(&r);
    test_rmdir(tmp);
}

/* fails unless two strings of the same field are equal */
static void same_text(const char *what, const char *a, const char *b)
{
    if (!a || !b || strcmp(a, b) != 0)
        fail_msg("%s differs: \"%s\" / \"%s\"", what, a ? a : "(null)", b ? b : "(null)");
}

/* fails unless two contents show the same */
static void assert_same_content(const Content *a, const Content *b)
{
#define SAME(f) same_text(#f, a->f, b->f)
    SAME(org_name); SAME(org_short); SAME(org_description); SAME(parent_name);
    SAME(parent_type); SAME(department); SAME(service_name); SAME(service_description);
    SAME(application_process); SAME(category); SAME(audience); SAME(last_updated);
    SAME(phone); SAME(email); SAME(website); SAME(address); SAME(city); SAME(postal_code);
    SAME(country); SAME(community); SAME(funding);
#undef SAME
    assert_int_equal(a->has_coords, b->has_coords);
    assert_int_equal(a->n_languages, b->n_languages);
    for (int i = 0; i < a->n_languages; i++)
        same_text("language", a->languages[i], b->languages[i]);
    assert_int_equal(a->n_programs, b->n_programs);
    for (int i = 0; i < a->n_programs; i++) {
        same_text("program name", a->programs[i].name, b->programs[i].name);
        same_text("program description", a->programs[i].description, b->programs[i].description);
    }
}

/* translations.csv carries any language the same way: the visitors' languages in any
 * case ("AR"), each read back in its own language, and a language the kiosk does not
 * speak yet (Pashto) kept for the day it does */
static void test_translations_in_any_language_are_taken_and_read_back(void **state)
{
    (void)state;
    char *tmp = test_tmpdir();
    write_translated_package(tmp);
    write_file(tmp, "translations.csv",
               "resource,record_id,field,language,value\r\n"
               "organization,org,name,en,Centre\r\n"
               "organization,org,name,AR,مركز\r\n"
               "organization,org,name,fa,مرکز\r\n"
               "organization,org,name,ur,مرکز\r\n"
               "organization,org,name,fr,Centre d'accueil\r\n"
               "organization,org,name,uk,Центр\r\n"
               "organization,org,name,ps,مرکز (پښتو)\r\n"
               "service,svc,name,uk,Поради\r\n");
    HsdsReport r = { 0 };
    Db *db = import_open(tmp, tmp, "t.db", &r);
    assert_int_equal(r.n_warnings, 0);
    static const struct { Lang lang; const char *org, *svc; } want[] = {
        { LANG_EL, "Κέντρο", "Συμβουλές" }, { LANG_EN, "Centre", "Συμβουλές" },
        { LANG_AR, "مركز", "Συμβουλές" },    { LANG_FA, "مرکز", "Συμβουλές" },
        { LANG_UR, "مرکز", "Συμβουλές" },    { LANG_FR, "Centre d'accueil", "Συμβουλές" },
        { LANG_UK, "Центр", "Поради" },
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        Content c;
        assert_int_equal(db_load_content(db, want[i].lang, &c), 0);
        same_text(i18n_code(want[i].lang), c.org_name, want[i].org);
        same_text(i18n_code(want[i].lang), c.service_name, want[i].svc);
        content_free(&c);
    }
    db_close(db);
    hsds_report_free(&r);
    /* the Pashto text goes out with an export, so that it is not lost */
    char path[512], out[512];
    snprintf(path, sizeof path, "%s/t.db", tmp);
    snprintf(out, sizeof out, "%s/stick", tmp);
    memset(&r, 0, sizeof r);
    assert_int_equal(hsds_export(path, out, &r), 0);
    hsds_report_free(&r);
    /* (an export quotes every value) */
    test_sh("grep -q 'organization\"*,\"*org\"*,\"*name\"*,\"*ps\"*,\"*مرکز (پښتو)' "
            "'%s/translations.csv'", out);
    test_rmdir(tmp);
}

/* true when s holds a letter of the block [lo, hi] */
static bool has_script(const char *s, uint32_t lo, uint32_t hi)
{
    uint32_t cp;
    while ((cp = text_utf8_next(&s)) != 0)
        if (cp >= lo && cp <= hi) return true;
    return false;
}

/* the default content has every visitor text in each of the kiosk's languages, in
 * that language's script; the phone number, for dialling, is the same in all */
static void test_the_default_content_reads_in_each_of_the_kiosks_languages(void **state)
{
    (void)state;
    char *tmp = test_tmpdir();
    HsdsReport r = { 0 };
    Db *db = import_open("data", tmp, "c.db", &r);
    assert_int_equal(r.n_warnings, 0);
    Content el;
    assert_int_equal(db_load_content(db, LANG_EL, &el), 0);
    for (int l = 0; l < LANG_COUNT; l++) {
        char first[160];
        if (db_count_untranslated(db, (Lang)l, first, sizeof first) != 0)
            fail_msg("%s: %s has no translation", i18n_code((Lang)l), first);
        if (l == LANG_EL)
            continue;
        Content c;
        assert_int_equal(db_load_content(db, (Lang)l, &c), 0);
        const char *texts[] = { c.org_name, c.org_description, c.service_description,
                                c.application_process, c.funding, c.parent_name, c.community,
                                c.programs[0].name, c.languages[0] };
        for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
            bool own = l == LANG_UK ? has_script(texts[i], 0x0400, 0x04FF)
                     : i18n_direction((Lang)l) == I18N_RTL ? has_script(texts[i], 0x0600, 0x06FF)
                     : !has_script(texts[i], 0x0370, 0x03FF);
            if (!own)
                fail_msg("%s: text %zu is not in the language's script: %.60s",
                         i18n_code((Lang)l), i, texts[i]);
        }
        assert_int_equal(c.n_programs, el.n_programs);
        same_text("phone", c.phone, el.phone);
        content_free(&c);
    }
    content_free(&el);
    db_close(db);
    hsds_report_free(&r);
    test_rmdir(tmp);
}

/* the default content, exported for a USB stick and imported again, shows the same
 * in both languages, with the same hours */
static void test_default_content_survives_export_and_import(void **state)
{
    (void)state;
    char *tmp = test_tmpdir(), out[512], first[512];
    HsdsReport r = { 0 };
    Db *a = import_open("data", tmp, "first.db", &r);
    hsds_report_free(&r);
    memset(&r, 0, sizeof r);
    snprintf(first, sizeof first, "%s/first.db", tmp);
    snprintf(out, sizeof out, "%s/stick", tmp);
    assert_int_equal(hsds_export(first, out, &r), 0);
    assert_int_equal(r.n_errors, 0);
    assert_string_equal(r.product, "accmr-kiosk");
    hsds_report_free(&r);
    memset(&r, 0, sizeof r);
    Db *b = import_open(out, tmp, "second.db", &r);
    assert_int_equal(r.n_errors, 0);
    assert_string_equal(r.version, "2023.2.24");
    assert_string_equal(r.language, "el");
    for (int l = 0; l < LANG_COUNT; l++) {
        Content ca, cb;
        assert_int_equal(db_load_content(a, (Lang)l, &ca), 0);
        assert_int_equal(db_load_content(b, (Lang)l, &cb), 0);
        assert_same_content(&ca, &cb);
        content_free(&ca);
        content_free(&cb);
    }
    HoursTable ha, hb;
    assert_int_equal(db_load_hours(a, &ha), 0);
    assert_int_equal(db_load_hours(b, &hb), 0);
    assert_memory_equal(&ha, &hb, sizeof ha);
    db_close(a);
    db_close(b);
    hsds_report_free(&r);
    test_rmdir(tmp);
}

/* exported CSV files open in a spreadsheet with Greek intact: a BOM, CRLF line ends */
static void test_exported_files_start_with_a_bom_and_end_lines_with_crlf(void **state)
{
    (void)state;
    char *tmp = test_tmpdir(), path[700], out[512];
    HsdsReport r = { 0 };
    db_close(import_open("data", tmp, "c.db", &r));
    snprintf(path, sizeof path, "%s/c.db", tmp);
    snprintf(out, sizeof out, "%s/stick", tmp);
    assert_int_equal(hsds_export(path, out, &r), 0);
    snprintf(path, sizeof path, "%s/organizations.csv", out);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char buf[256] = "";
    assert_non_null(fgets(buf, sizeof buf, f));
    fclose(f);
    assert_memory_equal(buf, "\xEF\xBB\xBFid,name,", 11);
    assert_non_null(strstr(buf, "parent_organization_id\r\n"));
    snprintf(path, sizeof path, "%s/datapackage.json", out);
    assert_true(file_exists(path));
    hsds_report_free(&r);
    test_rmdir(tmp);
}

/* the default content has no errors and no warnings: staff see a clean report */
static void test_default_content_checks_clean(void **state)
{
    (void)state;
    HsdsReport r = { 0 };
    int rc = hsds_check("data", &r);
    char *text = report_text(&r, "data");
    if (rc != 0 || r.n_warnings != 0)
        fail_msg("data/ is not clean:\n%s", text);
    assert_true(r.n_records > 0);
    assert_string_equal(r.product, "accmr-kiosk");
    free(text);
    hsds_report_free(&r);
}

/* versions compare number by number, so 2023.10 is newer than 2023.9 */
static void test_versions_compare_number_by_number(void **state)
{
    (void)state;
    static const struct { const char *a, *b; int want; } cases[] = {
        { "2023.2.24", "2023.2.24", 0 }, { "2023.10", "2023.9", 1 }, { "2023.2.24", "2024", -1 },
        { "1.0", "1", 0 }, { "1.0.1", "1", 1 }, { "007", "7", 0 },
        { "99999999999999999999.1", "99999999999999999999.2", -1 }, { "abc", "1", -1 },
        { "1", "1.x", 1 }, { "", "", 0 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int got = hsds_version_compare(cases[i].a, cases[i].b);
        int sign = (got > 0) - (got < 0);
        if (sign != cases[i].want)
            fail_msg("compare(\"%s\", \"%s\") = %d, want %d", cases[i].a, cases[i].b, got,
                     cases[i].want);
    }
    assert_true(hsds_version_valid("2023.2.24"));
    assert_false(hsds_version_valid("2023..2"));
    assert_false(hsds_version_valid("2023.2."));
    assert_false(hsds_version_valid("v1"));
    assert_false(hsds_version_valid(NULL));
}

/* ---- issue 14: what spreadsheets do to a package ---- */

#define SHEET_PKG "tests/fixtures/spreadsheet"

/* a copy of the spreadsheet fixture in a fresh folder (free it with test_rmdir) */
static char *sheet_copy(void)
{
    char *tmp = test_tmpdir();
    test_sh("mkdir -p '%s/p' && cp " SHEET_PKG "/*.csv " SHEET_PKG "/datapackage.json '%s/p/'",
            tmp, tmp);
    return tmp;
}

/* the value of column in the row of table whose first column is id, copied into out */
typedef struct Cell {
    const char *id;
    int column;
    char out[256];
    bool found;
} Cell;

static int cell_row(void *ctx, const char *const *values, int n)
{
    Cell *c = ctx;
    if (n > c->column && values[0] && strcmp(values[0], c->id) == 0) {
        snprintf(c->out, sizeof c->out, "%s", values[c->column] ? values[c->column] : "");
        c->found = true;
    }
    return 0;
}

/* fails unless the database's table holds value in column of the row with id */
static void assert_cell(Db *db, const char *table, const char *id, const char *column,
                        const char *value)
{
    int t = db_table_find(table);
    Cell c = { id, db_table_column(t, column), "", false };
    assert_int_equal(db_each_row(db, t, cell_row, &c), 0);
    if (!c.found || strcmp(c.out, value) != 0)
        fail_msg("%s %s %s is \"%s\", expected \"%s\"", table, id, column, c.found ? c.out : "(no row)",
                 value);
}

/* times, dates and booleans as LibreOffice and Excel save them are stored as the
 * kiosk writes them, each with a note saying how it was read */
static void test_spreadsheet_times_dates_and_booleans_are_read_with_a_note(void **state)
{
    (void)state;
    char *tmp = sheet_copy(), dir[600];
    snprintf(dir, sizeof dir, "%s/p", tmp);
    write_file(dir, "schedules.csv",
               "id,service_id,freq,byday,opens_at,closes_at,valid_from,valid_to,description\r\n"
               "accmr-weekdays,accmr-coordination,WEEKLY,\"MO,TU,WE,TH,FR\",09:00:00 AM,5:00 PM,"
               "1/1/2026,31/12/2030,x\r\n");
    write_file(dir, "closures.csv",
               "id,service_id,start_date,end_date,closed,opens_at,closes_at,reason\r\n"
               "closure-1,accmr-coordination,24/12/2026,31/12/2026,TRUE,,,x\r\n"
               "closure-2,accmr-coordination,2027-01-05,2027-01-05,FALSE,10:00:00,2:30 PM,y\r\n");
    HsdsReport r = { 0 };
    Db *db = import_open(dir, tmp, "t.db", &r);
    char *text = report_text(&r, NULL);
    assert_reported(text, "schedules.csv:2:5: note: read \"09:00:00 AM\" as 09:00");
    assert_reported(text, "schedules.csv:2:6: note: read \"5:00 PM\" as 17:00");
    assert_reported(text, "schedules.csv:2:7: note: read \"1/1/2026\" as 2026-01-01");
    assert_reported(text, "closures.csv:2:3: note: read \"24/12/2026\" as 2026-12-24");
    assert_reported(text, "closures.csv:2:5: note: read \"TRUE\" as true");
    assert_reported(text, "closures.csv:3:7: note: read \"2:30 PM\" as 14:30");
    assert_int_equal(r.n_errors, 0);
    assert_true(r.n_sheet >= 6);
    assert_cell(db, "schedule", "accmr-weekdays", "opens_at", "09:00");
    assert_cell(db, "schedule", "accmr-weekdays", "closes_at", "17:00");
    assert_cell(db, "schedule", "accmr-weekdays", "valid_to", "2030-12-31");
    assert_cell(db, "closure", "closure-1", "start_date", "2026-12-24");
    assert_cell(db, "closure", "closure-1", "closed", "true");
    assert_cell(db, "closure", "closure-2", "opens_at", "10:00");
    db_close(db);
    free(text);
    hsds_report_free(&r);
    test_rmdir(tmp);
}

/* the regression of issue 14: a Greek text cut at its ';' left its second half in a
 * column with no name, which the kiosk dropped without a word; now an error with the
 * cause, also for values past the header's last column */
static void test_a_value_in_a_column_with_no_name_is_an_error_with_the_cause(void **state)
{
    (void)state;
    char *tmp = sheet_copy(), dir[600];
    snprintf(dir, sizeof dir, "%s/p", tmp);
    write_file(dir, "programs.csv",
               "id,organization_id,name,alternate_name,description,\r\n"
               "committee-skills,accmr,Επιτροπή,,Συνεδριάζει μία φορά τον μήνα, ανοιχτή σε όλα\r\n"
               "committee-urban,accmr,Επιτροπή,,,\r\n"
               "committee-forum,accmr,Forum,,x,,spill\r\n");
    HsdsReport r = { 0 };
    assert_int_equal(hsds_check(dir, &r), -1);
    char *text = report_text(&r, NULL);
    assert_reported(text, "programs.csv:2:6: error: a value in a column with no name: a text "
                          "containing ';' was split into two columns by the spreadsheet");
    assert_reported(text, "programs.csv:4:7: error: a value in a column with no name");
    assert_int_equal(r.n_errors, 2);
    assert_true(r.n_sheet >= 2);
    free(text);
    hsds_report_free(&r);
    test_rmdir(tmp);
}

/* Excel on a Greek PC saves with ';': read with ';', and said so once a file */
static void test_semicolon_file_is_read_and_the_separator_named(void **state)
{
    (void)state;
    char *tmp = sheet_copy(), dir[600];
    snprintf(dir, sizeof dir, "%s/p", tmp);
    write_file(dir, "phones.csv",
               "\xEF\xBB\xBFid;organization_id;service_id;number;extension;type;description\r\n"
               "accmr-phone;accmr;accmr-coordination;+30 210 3638625;;voice;\"a; b\"\r\n");
    HsdsReport r = { 0 };
    Db *db = import_open(dir, tmp, "t.db", &r);
    char *text = report_text(&r, NULL);
    assert_reported(text, "phones.csv: note: saved with ';' as separator: that is Excel's Greek "
                          "list separator; the file is read with ';'");
    assert_int_equal(r.n_errors, 0);
    assert_cell(db, "phone", "accmr-phone", "number", "+30 210 3638625");
    assert_cell(db, "phone", "accmr-phone", "description", "a; b");
    db_close(db);
    free(text);
    hsds_report_free(&r);
    test_rmdir(tmp);
}

/* a phone number that lost its + (or its digits, as 3.02104E+11) and a coordinate
 * whose '.' a Greek PC took for a thousands separator refuse the package, by cause */
static void test_phone_and_coordinate_damage_is_refused_by_cause(void **state)
{
    (void)state;
    char *tmp = sheet_copy(), dir[600];
    snprintf(dir, sizeof dir, "%s/p", tmp);
    write_file(dir, "phones.csv",
               "id,organization_id,service_id,number,extension,type,description\r\n"
               "accmr-phone,accmr,accmr-coordination,302103638625,,voice,\r\n"
               "7,accmr,,3.02104E+11,,voice,\r\n");
    write_file(dir, "locations.csv",
               "id,location_type,organization_id,name,latitude,longitude\r\n"
               "accmr-office,physical,accmr,ACCMR,37.9838,23727\r\n");
    HsdsReport r = { 0 };
    assert_int_equal(hsds_check(dir, &r), -1);
    char *text = report_text(&r, NULL);
    assert_reported(text, "phones.csv:2:4: error: the + of a phone number was dropped");
    assert_reported(text, "phones.csv:3:4: error: the phone number was written as 3.02104E+11");
    assert_reported(text, "locations.csv:2:6: error: longitude 23727 is out of range: a Greek "
                          "spreadsheet read the '.' of 23.727 as a thousands separator");
    assert_null(strstr(text, "the map uses the address"));
    assert_int_equal(r.n_errors, 3);
    free(text);
    hsds_report_free(&r);
    test_rmdir(tmp);
}

/* the regression of issue 14: a file opened as Western and saved again was reported
 * as 'required column "id" is missing'; now the cause is named */
static void test_file_opened_as_western_is_named_not_a_missing_column(void **state)
{
    (void)state;
    char *tmp = sheet_copy(), dir[600];
    snprintf(dir, sizeof dir, "%s/p", tmp);
    write_file(dir, "languages.csv", "\xC3\xAF\xC2\xBB\xC2\xBFid,service_id,name,code\r\n"
                                     "accmr-lang-el,accmr-coordination,\xC3\x8E\xE2\x80\xA2\xC3\x8E"
                                     "\xC2\xBB\xC3\x8E\xC2\xBB,el\r\n");
    HsdsReport r = { 0 };
    assert_int_equal(hsds_check(dir, &r), -1);
    char *text = report_text(&r, NULL);
    assert_reported(text, "languages.csv: error: the file starts with \"\xC3\xAF\xC2\xBB\xC2\xBF\": "
                          "it was opened as Western (Latin-1) text instead of UTF-8");
    assert_null(strstr(text, "required column"));
    assert_true(r.n_sheet >= 1);
    free(text);
    hsds_report_free(&r);
    test_rmdir(tmp);
}

/* the export quotes every value and marks the risky text cells with a ', declares
 * utf-8-sig and tabular-data-resource for every resource, and imports back the same */
static void test_export_protects_cells_and_imports_back_the_same(void **state)
{
    (void)state;
    char *tmp = test_tmpdir(), first[600], out[600], path[700];
    HsdsReport r = { 0 };
    db_close(import_open(SHEET_PKG, tmp, "a.db", &r));
    hsds_report_free(&r);
    memset(&r, 0, sizeof r);
    snprintf(first, sizeof first, "%s/a.db", tmp);
    snprintf(out, sizeof out, "%s/stick", tmp);
    assert_int_equal(hsds_export(first, out, &r), 0);
    hsds_report_free(&r);
    memset(&r, 0, sizeof r);
    snprintf(path, sizeof path, "%s/phones.csv", out);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char text[4096] = "";
    size_t len = fread(text, 1, sizeof text - 1, f);
    text[len] = 0;
    fclose(f);
    assert_memory_equal(text, "\xEF\xBB\xBF", 3);
    assert_non_null(strstr(text, "\r\n\"'007\","));
    assert_non_null(strstr(text, ",\"'+302103638600\",\"'012\","));
    assert_non_null(strstr(text, ",\"'00302103638601\","));
    assert_non_null(strstr(text, ",\"'=HYPERLINK(\"\"http://example.org\"\""));
    assert_non_null(strstr(text, ",\"'+30 210 3638625\","));
    snprintf(path, sizeof path, "%s/locations.csv", out);
    f = fopen(path, "rb");
    assert_non_null(f);
    len = fread(text, 1, sizeof text - 1, f);
    text[len] = 0;
    fclose(f);
    assert_non_null(strstr(text, ",\"37.9838\",\"23.727\""));    /* numbers: quoted, unmarked */
    snprintf(path, sizeof path, "%s/datapackage.json", out);
    f = fopen(path, "rb");
    assert_non_null(f);
    static char desc[200000];
    len = fread(desc, 1, sizeof desc - 1, f);
    desc[len] = 0;
    fclose(f);
    int resources = 0, profiles = 0, sig = 0;
    for (const char *s = desc; (s = strstr(s, "\"path\":")); s++)
        resources++;
    for (const char *s = desc; (s = strstr(s, "\"tabular-data-resource\"")); s++)
        profiles++;
    for (const char *s = desc; (s = strstr(s, "\"utf-8-sig\"")); s++)
        sig++;
    assert_int_equal(profiles, db_table_count());
    assert_int_equal(sig, db_table_count());
    assert_true(resources >= db_table_count());
    Db *b = import_open(out, tmp, "b.db", &r);
    assert_int_equal(r.n_sheet, 0);
    assert_cell(b, "phone", "007", "number", "+302103638600");
    assert_cell(b, "phone", "007", "extension", "012");
    assert_cell(b, "phone", "090025537", "number", "00302103638601");
    assert_cell(b, "phone", "090025537", "description", "=HYPERLINK(\"http://example.org\",\"δοκιμή\")");
    assert_cell(b, "program", "committee-urban", "description", "- Αστικοποίηση και συνύπαρξη");
    assert_cell(b, "location", "test-point", "longitude", "23.727");
    db_close(b);
    hsds_report_free(&r);
    test_rmdir(tmp);
}

/* a rules flag given to a table without the columns the rule reads would read past
 * the row (the quoted number and the translation's language are changed in place) */
static void test_every_table_has_the_columns_its_import_rules_read(void **state)
{
    (void)state;
    int with_rules = 0;
    for (int i = 0; i < db_table_count(); i++) {
        const char *missing = hsds_rules_missing_column(i);
        if (missing)
            fail_msg("table %s has no column %s, which its rules read", db_table(i)->name,
                     missing);
        with_rules += db_table(i)->rules != 0;
    }
    assert_true(with_rules >= 7);   /* schedule, closure, phone, emails, location, ... */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hsds_example_is_usable_and_names_each_dangling_link),
        cmocka_unit_test(test_hsds_example_quoted_phone_and_placeholder_schedule_are_taken),
        cmocka_unit_test(test_resources_the_kiosk_does_not_use_get_one_note_each),
        cmocka_unit_test(test_each_broken_package_gets_its_own_message_and_leaves_no_file),
        cmocka_unit_test(test_import_never_replaces_an_existing_file),
        cmocka_unit_test(test_translations_of_missing_records_or_fields_are_skipped),
        cmocka_unit_test(test_translations_in_any_language_are_taken_and_read_back),
        cmocka_unit_test(test_the_default_content_reads_in_each_of_the_kiosks_languages),
        cmocka_unit_test(test_default_content_survives_export_and_import),
        cmocka_unit_test(test_exported_files_start_with_a_bom_and_end_lines_with_crlf),
        cmocka_unit_test(test_default_content_checks_clean),
        cmocka_unit_test(test_versions_compare_number_by_number),
        cmocka_unit_test(test_spreadsheet_times_dates_and_booleans_are_read_with_a_note),
        cmocka_unit_test(test_a_value_in_a_column_with_no_name_is_an_error_with_the_cause),
        cmocka_unit_test(test_semicolon_file_is_read_and_the_separator_named),
        cmocka_unit_test(test_phone_and_coordinate_damage_is_refused_by_cause),
        cmocka_unit_test(test_file_opened_as_western_is_named_not_a_missing_column),
        cmocka_unit_test(test_export_protects_cells_and_imports_back_the_same),
        cmocka_unit_test(test_every_table_has_the_columns_its_import_rules_read),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
