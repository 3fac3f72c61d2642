/* test_hours.c - opening hours: parsers, Orthodox Easter, holidays, daylight saving,
 * the instant of opening and closing, closures, and the home-screen line. */
#include "testutil.h"
#include "core/hours.h"

/* ---- parsers: what the importer reads from the schedule CSV ---- */

typedef struct { const char *in; int want; } ParseCase;

/* schedule times read as minutes after midnight, and nonsense is refused */
static void test_schedule_times_read_as_minutes_and_nonsense_is_refused(void **state)
{
    (void)state;
    static const ParseCase cases[] = {
        { "09:00", 540 }, { "17:00", 1020 }, { "00:00", 0 }, { "23:59", 1439 },
        { "09:00:00", 540 }, { "13:30:59", 810 }, { " 08:15 ", 495 }, { "24:00", 1440 },
        { "24:01", -1 }, { "25:00", -1 }, { "09:60", -1 }, { "9:00", -1 }, { "09:0", -1 },
        { "0900", -1 }, { "", -1 }, { "09:00:60", -1 }, { "09:00x", -1 }, { "ab:cd", -1 },
        { "09:00:", -1 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        if (hours_parse_time(cases[i].in) != cases[i].want)
            fail_msg("hours_parse_time(\"%s\") = %d, want %d", cases[i].in,
                     hours_parse_time(cases[i].in), cases[i].want);
    }
    assert_int_equal(hours_parse_time(NULL), -1);
}

/* byday codes become a weekday mask with Monday as bit 0, and unknown days are refused */
static void test_byday_codes_become_a_monday_first_mask(void **state)
{
    (void)state;
    static const ParseCase cases[] = {
        { "MO", 1 }, { "SU", 64 }, { "MO,TU,WE,TH,FR", 31 }, { "sa, su", 96 },
        { " Fr ", 16 }, { "MO,MO", 1 }, { "MO,TU,WE,TH,FR,SA,SU", 127 },
        { "", -1 }, { "MON", -1 }, { "MO,", -1 }, { "MO;TU", -1 }, { "XX", -1 }, { "M", -1 },
        { ",MO", -1 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        if (hours_parse_byday(cases[i].in) != cases[i].want)
            fail_msg("hours_parse_byday(\"%s\") = %d, want %d", cases[i].in,
                     hours_parse_byday(cases[i].in), cases[i].want);
    }
    assert_int_equal(hours_parse_byday(NULL), -1);
}

/* dates read as yyyymmdd, and days that do not exist are refused */
static void test_dates_read_as_yyyymmdd_and_impossible_days_are_refused(void **state)
{
    (void)state;
    static const ParseCase cases[] = {
        { "2027-04-30", 20270430 }, { "2024-02-29", 20240229 }, { "2000-02-29", 20000229 },
        { " 2027-01-01 ", 20270101 }, { "2200-12-31", 22001231 },
        { "2027-02-29", -1 }, { "1900-02-29", -1 }, { "2027-13-01", -1 }, { "2027-00-10", -1 },
        { "2027-04-31", -1 }, { "2027-4-30", -1 }, { "27-04-30", -1 }, { "2027/04/30", -1 },
        { "", -1 }, { "2027-04-30T10:00", -1 }, { "2027-04-00", -1 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        if (hours_parse_date(cases[i].in) != cases[i].want)
            fail_msg("hours_parse_date(\"%s\") = %d, want %d", cases[i].in,
                     hours_parse_date(cases[i].in), cases[i].want);
    }
    assert_int_equal(hours_parse_date(NULL), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_schedule_times_read_as_minutes_and_nonsense_is_refused),
        cmocka_unit_test(test_byday_codes_become_a_monday_first_mask),
        cmocka_unit_test(test_dates_read_as_yyyymmdd_and_impossible_days_are_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
