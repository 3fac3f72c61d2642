/* test_sheet.c - values as LibreOffice and Excel save them (issue 14): read back
 * where the meaning is certain, refused with the cause where it is not. */
#include "testutil.h"
#include "core/sheet.h"

/* what "Detect special numbers" and Excel make of 09:00 and 17:00 reads back */
static void test_spreadsheet_times_read_as_hh_mm(void **state)
{
    (void)state;
    static const struct { const char *in, *out; SheetRead r; } cases[] = {
        { "09:00", "09:00", SHEET_SAME },        { "9:00", "09:00", SHEET_READ },
        { "09:00:00", "09:00", SHEET_READ },     { "09:00:00 AM", "09:00", SHEET_READ },
        { "9:00 AM", "09:00", SHEET_READ },      { "5:00 PM", "17:00", SHEET_READ },
        { "05:00:00 PM", "17:00", SHEET_READ },  { "12:30 PM", "12:30", SHEET_READ },
        { "12:15 AM", "00:15", SHEET_READ },     { "5:00 μ.μ.", "17:00", SHEET_READ },
        { "9:00 π.μ.", "09:00", SHEET_READ },    { "24:00", "24:00", SHEET_SAME },
        { "9", "", SHEET_BAD },                  { "0.375", "", SHEET_BAD },
        { "13:00 PM", "", SHEET_BAD },           { "09:00:30", "", SHEET_BAD },
        { "25:00", "", SHEET_BAD },              { "9:60", "", SHEET_BAD },
        { "09:00 ish", "", SHEET_BAD },          { "", "", SHEET_BAD },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[16] = "";
        SheetRead r = sheet_read_time(cases[i].in, out, sizeof out);
        if (r != cases[i].r || (r != SHEET_BAD && strcmp(out, cases[i].out) != 0))
            fail_msg("time \"%s\": %d \"%s\", expected %d \"%s\"", cases[i].in, r, out,
                     cases[i].r, cases[i].out);
    }
}

/* the Greek day-first order reads as ISO; the American order is refused by name */
static void test_day_first_dates_read_as_iso_and_american_order_is_named(void **state)
{
    (void)state;
    static const struct { const char *in, *out; SheetRead r; } cases[] = {
        { "2023-02-24", "2023-02-24", SHEET_SAME }, { "24/2/2023", "2023-02-24", SHEET_READ },
        { "24/02/2023", "2023-02-24", SHEET_READ }, { "24.2.2023", "2023-02-24", SHEET_READ },
        { "3/4/2027", "2027-04-03", SHEET_READ },   { "24/12/26", "2026-12-24", SHEET_READ },
        { "2027/4/30", "2027-04-30", SHEET_READ },  { "31/2/2027", "", SHEET_BAD },
        { "2/24/2023", "", SHEET_BAD },             { "24/2", "", SHEET_BAD },
        { "tomorrow", "", SHEET_BAD },              { "24/2/2023x", "", SHEET_BAD },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[16] = "", why[160];
        SheetRead r = sheet_read_date(cases[i].in, out, sizeof out, why, sizeof why);
        if (r != cases[i].r || (r != SHEET_BAD && strcmp(out, cases[i].out) != 0))
            fail_msg("date \"%s\": %d \"%s\", expected %d \"%s\"", cases[i].in, r, out,
                     cases[i].r, cases[i].out);
    }
    char out[16], why[160];
    assert_int_equal(sheet_read_date("2/24/2023", out, sizeof out, why, sizeof why), SHEET_BAD);
    assert_non_null(strstr(why, "American"));
    assert_non_null(strstr(why, "2023-02-24"));
}

/* TRUE, False and Excel's Greek ΑΛΗΘΕΣ/ΨΕΥΔΕΣ read as true and false */
static void test_spreadsheet_booleans_read_as_true_and_false(void **state)
{
    (void)state;
    char out[8];
    assert_int_equal(sheet_read_bool("true", out, sizeof out), SHEET_SAME);
    assert_int_equal(sheet_read_bool("TRUE", out, sizeof out), SHEET_READ);
    assert_string_equal(out, "true");
    assert_int_equal(sheet_read_bool("False", out, sizeof out), SHEET_READ);
    assert_string_equal(out, "false");
    assert_int_equal(sheet_read_bool("ΑΛΗΘΕΣ", out, sizeof out), SHEET_READ);
    assert_string_equal(out, "true");
    assert_int_equal(sheet_read_bool("ΨΕΥΔΕΣ", out, sizeof out), SHEET_READ);
    assert_string_equal(out, "false");
    assert_int_equal(sheet_read_bool("yes", out, sizeof out), SHEET_BAD);
}

/* a number that lost its + or its digits is named; written numbers are not */
static void test_phone_numbers_changed_by_a_spreadsheet_are_named(void **state)
{
    (void)state;
    char why[200];
    assert_int_equal(sheet_phone_damaged("302103638699", why, sizeof why), 1);
    assert_non_null(strstr(why, "the + of a phone number was dropped"));
    assert_non_null(strstr(why, "'+302103638699"));
    assert_int_equal(sheet_phone_damaged("3.02104E+11", why, sizeof why), 1);
    assert_non_null(strstr(why, "3.02104E+11"));
    static const char *const fine[] = { "+30 210 3638625", "+302103638600", "00302103638601",
                                        "2103638625", "210 3638625", "1564", "" };
    for (size_t i = 0; i < sizeof fine / sizeof fine[0]; i++)
        if (sheet_phone_damaged(fine[i], why, sizeof why))
            fail_msg("\"%s\" was named as changed: %s", fine[i], why);
}

/* 23.727 read on a Greek PC is 23727: out of range, and the message shows 23.727 */
static void test_greek_thousands_separator_is_named_with_the_number(void **state)
{
    (void)state;
    char why[200];
    assert_int_equal(sheet_decimal_damaged("23727", 180, why, sizeof why), 1);
    assert_non_null(strstr(why, "read the '.' of 23.727 as a thousands separator"));
    assert_int_equal(sheet_decimal_damaged("-37975", 90, why, sizeof why), 1);
    assert_non_null(strstr(why, "-37.975"));
    assert_int_equal(sheet_decimal_damaged("23.727", 180, why, sizeof why), 0);
    assert_int_equal(sheet_decimal_damaged("200", 180, why, sizeof why), 0);
    assert_int_equal(sheet_decimal_damaged("950000", 90, why, sizeof why), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spreadsheet_times_read_as_hh_mm),
        cmocka_unit_test(test_day_first_dates_read_as_iso_and_american_order_is_named),
        cmocka_unit_test(test_spreadsheet_booleans_read_as_true_and_false),
        cmocka_unit_test(test_phone_numbers_changed_by_a_spreadsheet_are_named),
        cmocka_unit_test(test_greek_thousands_separator_is_named_with_the_number),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
