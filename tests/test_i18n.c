/* test_i18n.c - the interface words in both languages, and dates as each language
 * writes them. */
#include "testutil.h"
#include "core/i18n.h"
#include "core/text.h"

/* true when s holds at least one Greek letter */
static bool has_greek(const char *s)
{
    uint32_t cp;
    while ((cp = text_utf8_next(&s)) != 0)
        if (cp >= 0x0370 && cp <= 0x03FF) return true;
    return false;
}

static void test_every_interface_word_exists_in_both_languages(void **state)
{
    (void)state;
    for (int id = 0; id < STR_COUNT; id++) {
        for (int l = 0; l < LANG_COUNT; l++) {
            const char *s = i18n_str((Lang)l, (StrId)id);
            if (!s || !s[0]) fail_msg("string %d is missing in %s", id, i18n_code((Lang)l));
            assert_true(text_utf8_valid(s, strlen(s)));
            /* no stray spaces that would misalign a centred label */
            assert_false(s[0] == ' ' || s[strlen(s) - 1] == ' ');
        }
    }
}

static void test_greek_words_are_written_in_greek_and_english_ones_are_not(void **state)
{
    (void)state;
    for (int id = 0; id < STR_COUNT; id++) {
        const char *el = i18n_str(LANG_EL, (StrId)id);
        const char *en = i18n_str(LANG_EN, (StrId)id);
        assert_false(has_greek(en));
        /* "Email" is the word Greek uses too, and the formats that only place a date's
         * or a line's parts ("%d %s %d") hold no words; every other label is translated */
        bool wordless = id == STR_DATE || id == STR_DATE_DAY_MONTH || id == STR_DATE_LONG ||
                        id == STR_TIME || id == STR_STATUS_THEN;
        if (id != STR_EMAIL && !wordless && !has_greek(el))
            fail_msg("string %d is not Greek: \"%s\"", id, el);
    }
}

static void test_the_tile_labels_read_as_the_centre_asked(void **state)
{
    (void)state;
    assert_string_equal(i18n_str(LANG_EL, STR_HOURS), "Ωράριο & γλώσσες");
    assert_string_equal(i18n_str(LANG_EN, STR_HOURS), "Hours & languages");
    assert_string_equal(i18n_str(LANG_EL, STR_COMMITTEES), "Επιτροπές & Φόρουμ");
    assert_string_equal(i18n_str(LANG_EN, STR_COMMITTEES), "Committees & Forum");
    assert_string_equal(i18n_str(LANG_EL, STR_JOIN), "Συμμετοχή");
    assert_string_equal(i18n_str(LANG_EN, STR_JOIN), "How to join");
    assert_string_equal(i18n_str(LANG_EL, STR_SCAN_CALL), "Σαρώστε για κλήση");
    assert_string_equal(i18n_str(LANG_EN, STR_SCAN_SAVE), "Scan to save the contact");
}

static void test_greek_tile_labels_become_accent_free_headings(void **state)
{
    (void)state;
    char h[128];
    text_upper(i18n_str(LANG_EL, STR_HOURS), h, sizeof h);
    assert_string_equal(h, "ΩΡΑΡΙΟ & ΓΛΩΣΣΕΣ");
    text_upper(i18n_str(LANG_EL, STR_CONTACT), h, sizeof h);
    assert_string_equal(h, "ΕΠΙΚΟΙΝΩΝΙΑ");
}

static void test_an_unknown_word_or_language_still_shows_text(void **state)
{
    (void)state;
    assert_true(strlen(i18n_str(LANG_EL, STR_COUNT)) > 0);
    assert_string_equal(i18n_str(LANG_COUNT, STR_HOME), i18n_str(LANG_DEFAULT, STR_HOME));
}

static void test_language_codes_and_names_round_trip(void **state)
{
    (void)state;
    for (int l = 0; l < LANG_COUNT; l++)
        assert_int_equal(i18n_from_code(i18n_code((Lang)l)), l);
    assert_string_equal(i18n_code(LANG_EL), "el");
    assert_string_equal(i18n_code(LANG_EN), "en");
    assert_int_equal(i18n_from_code("EN"), LANG_EN);
    assert_int_equal(i18n_from_code("gr"), LANG_COUNT);
    assert_int_equal(i18n_from_code(""), LANG_COUNT);
    assert_int_equal(i18n_from_code(NULL), LANG_COUNT);
    assert_string_equal(i18n_name(LANG_EL), "Ελληνικά");
    assert_string_equal(i18n_name(LANG_EN), "English");
}

static void test_weekdays_start_on_monday_and_are_all_different(void **state)
{
    (void)state;
    assert_string_equal(i18n_weekday(LANG_EL, 0), "Δευτέρα");
    assert_string_equal(i18n_weekday(LANG_EN, 0), "Monday");
    assert_string_equal(i18n_weekday(LANG_EL, 6), "Κυριακή");
    assert_string_equal(i18n_weekday(LANG_EN, 6), "Sunday");
    for (int l = 0; l < LANG_COUNT; l++) {
        for (int a = 0; a < 7; a++) {
            const char *full = i18n_weekday((Lang)l, a);
            const char *abbr = i18n_weekday_short((Lang)l, a);
            assert_true(strlen(abbr) > 0 && strlen(abbr) < strlen(full));
            for (int b = a + 1; b < 7; b++) {
                assert_string_not_equal(full, i18n_weekday((Lang)l, b));
                assert_string_not_equal(abbr, i18n_weekday_short((Lang)l, b));
            }
        }
        assert_string_equal(i18n_weekday((Lang)l, 7), "");
        assert_string_equal(i18n_weekday((Lang)l, -1), "");
        assert_string_equal(i18n_weekday_short((Lang)l, 7), "");
    }
}

static void test_dates_read_naturally_in_each_language(void **state)
{
    (void)state;
    char d[64];
    i18n_format_date(LANG_EL, 2026, 11, 25, d, sizeof d);
    assert_string_equal(d, "25 Νοεμβρίου 2026");
    i18n_format_date(LANG_EN, 2026, 11, 25, d, sizeof d);
    assert_string_equal(d, "25 November 2026");
    i18n_format_date(LANG_EL, 2023, 2, 24, d, sizeof d);
    assert_string_equal(d, "24 Φεβρουαρίου 2023");
    i18n_format_date(LANG_EL, 2027, 5, 1, d, sizeof d);
    assert_string_equal(d, "1 Μαΐου 2027");
}

static void test_greek_dates_put_every_month_in_the_genitive(void **state)
{
    (void)state;
    char d[64];
    for (int m = 1; m <= 12; m++) {
        i18n_format_date(LANG_EL, 2026, m, 1, d, sizeof d);
        /* "1 <month>ου 2026": the genitive of every Greek month ends in -ου */
        const char *year = strstr(d, " 2026");
        assert_non_null(year);
        assert_true(year - d >= 4);
        assert_memory_equal(year - 4, "ου", 4);
    }
}

static void test_long_dates_lead_with_the_weekday(void **state)
{
    (void)state;
    char d[96];
    i18n_format_long_date(LANG_EL, 2026, 11, 25, 2, d, sizeof d);
    assert_string_equal(d, "Τετάρτη 25 Νοεμβρίου 2026");
    i18n_format_long_date(LANG_EN, 2026, 11, 25, 2, d, sizeof d);
    assert_string_equal(d, "Wednesday 25 November 2026");
}

static void test_a_date_that_does_not_fit_or_make_sense_is_left_empty(void **state)
{
    (void)state;
    char small[10] = "xxxxxxxxx";
    i18n_format_date(LANG_EL, 2026, 11, 25, small, sizeof small);
    assert_string_equal(small, "");
    char d[64] = "x";
    i18n_format_date(LANG_EN, 2026, 13, 1, d, sizeof d);
    assert_string_equal(d, "");
    strcpy(d, "x");
    i18n_format_date(LANG_EN, 2026, 0, 1, d, sizeof d);
    assert_string_equal(d, "");
    strcpy(d, "x");
    i18n_format_long_date(LANG_EN, 2026, 11, 25, 9, d, sizeof d);
    assert_string_equal(d, "");
    char mid[20] = "x";     /* the date fits, the weekday before it does not */
    i18n_format_long_date(LANG_EN, 2026, 11, 25, 2, mid, sizeof mid);
    assert_string_equal(mid, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_interface_word_exists_in_both_languages),
        cmocka_unit_test(test_greek_words_are_written_in_greek_and_english_ones_are_not),
        cmocka_unit_test(test_the_tile_labels_read_as_the_centre_asked),
        cmocka_unit_test(test_greek_tile_labels_become_accent_free_headings),
        cmocka_unit_test(test_an_unknown_word_or_language_still_shows_text),
        cmocka_unit_test(test_language_codes_and_names_round_trip),
        cmocka_unit_test(test_weekdays_start_on_monday_and_are_all_different),
        cmocka_unit_test(test_dates_read_naturally_in_each_language),
        cmocka_unit_test(test_greek_dates_put_every_month_in_the_genitive),
        cmocka_unit_test(test_long_dates_lead_with_the_weekday),
        cmocka_unit_test(test_a_date_that_does_not_fit_or_make_sense_is_left_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
