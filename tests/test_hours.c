/* test_hours.c - opening hours: parsers, Orthodox Easter, holidays, daylight saving,
 * the instant of opening and closing, closures, and the home-screen line. */
#include "testutil.h"
#include "core/hours.h"

#include <time.h>

/* an instant from a UTC wall time minus an explicit offset in hours: the tests state
 * the Athens offset (+2 winter, +3 summer) themselves instead of asking the module */
static time_t at(int y, int mo, int d, int h, int mi, int sec, int offset_hours)
{
    struct tm tm = { 0 };
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = sec;
    return timegm(&tm) - offset_hours * 3600;
}

/* the office of the tests: Monday to Friday 09:00-17:00 */
static HoursTable *office(void)
{
    HoursTable *t = calloc(1, sizeof *t);
    assert_non_null(t);
    t->periods[t->n_periods++] = (HoursPeriod){ 0x1f, 9 * 60, 17 * 60, 0, 0 };
    return t;
}

/* a closure row; special hours when opens < closes, closed otherwise */
static void add_closure(HoursTable *t, HoursDate from, HoursDate to, int opens, int closes,
                        const char *el, const char *en)
{
    HoursClosure *c = &t->closures[t->n_closures++];
    c->from = from;
    c->to = to;
    c->closed = opens >= closes;
    c->opens_min = opens;
    c->closes_min = closes;
    snprintf(c->reason[LANG_EL], sizeof c->reason[LANG_EL], "%s", el);
    snprintf(c->reason[LANG_EN], sizeof c->reason[LANG_EN], "%s", en);
}

/* asserts the home-screen line at now in both languages */
static void assert_line(const HoursTable *t, time_t now, const char *el, const char *en)
{
    HoursStatus s;
    char buf[512];
    hours_status_at(t, now, &s);
    hours_format_status(&s, now, LANG_EL, buf, sizeof buf);
    assert_string_equal(buf, el);
    hours_format_status(&s, now, LANG_EN, buf, sizeof buf);
    assert_string_equal(buf, en);
}

/* the state at now, open or not */
static bool open_at(const HoursTable *t, time_t now)
{
    HoursStatus s;
    hours_status_at(t, now, &s);
    return s.open;
}

/* every test runs in Athens time, as the kiosk does after start-up */
static int athens(void **state)
{
    (void)state;
    return hours_use_athens_time();
}

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

/* ---- Orthodox Easter ---- */

/* Orthodox Easter Sunday 2000-2100 (Gregorian dates). The rows 2010-2030 are the table
 * published at https://userz.net/post/fd0c9415faaaa7c5176288e0424cf647 ("Year | Western
 * Easter | Orthodox Easter"); 1900, 2000, 2099 and 2100 also match the published test
 * rows of Nager.Date and other holiday libraries; every row was checked against
 * python-dateutil 2.9 easter(y, EASTER_ORTHODOX). To add a year, add a row. */
static const struct { int y, m, d; } orthodox_easter[] = {
    { 2000, 4, 30 }, { 2001, 4, 15 }, { 2002, 5,  5 }, { 2003, 4, 27 }, { 2004, 4, 11 },
    { 2005, 5,  1 }, { 2006, 4, 23 }, { 2007, 4,  8 }, { 2008, 4, 27 }, { 2009, 4, 19 },
    { 2010, 4,  4 }, { 2011, 4, 24 }, { 2012, 4, 15 }, { 2013, 5,  5 }, { 2014, 4, 20 },
    { 2015, 4, 12 }, { 2016, 5,  1 }, { 2017, 4, 16 }, { 2018, 4,  8 }, { 2019, 4, 28 },
    { 2020, 4, 19 }, { 2021, 5,  2 }, { 2022, 4, 24 }, { 2023, 4, 16 }, { 2024, 5,  5 },
    { 2025, 4, 20 }, { 2026, 4, 12 }, { 2027, 5,  2 }, { 2028, 4, 16 }, { 2029, 4,  8 },
    { 2030, 4, 28 }, { 2031, 4, 13 }, { 2032, 5,  2 }, { 2033, 4, 24 }, { 2034, 4,  9 },
    { 2035, 4, 29 }, { 2036, 4, 20 }, { 2037, 4,  5 }, { 2038, 4, 25 }, { 2039, 4, 17 },
    { 2040, 5,  6 }, { 2041, 4, 21 }, { 2042, 4, 13 }, { 2043, 5,  3 }, { 2044, 4, 24 },
    { 2045, 4,  9 }, { 2046, 4, 29 }, { 2047, 4, 21 }, { 2048, 4,  5 }, { 2049, 4, 25 },
    { 2050, 4, 17 }, { 2051, 5,  7 }, { 2052, 4, 21 }, { 2053, 4, 13 }, { 2054, 5,  3 },
    { 2055, 4, 18 }, { 2056, 4,  9 }, { 2057, 4, 29 }, { 2058, 4, 14 }, { 2059, 5,  4 },
    { 2060, 4, 25 }, { 2061, 4, 10 }, { 2062, 4, 30 }, { 2063, 4, 22 }, { 2064, 4, 13 },
    { 2065, 4, 26 }, { 2066, 4, 18 }, { 2067, 4, 10 }, { 2068, 4, 29 }, { 2069, 4, 14 },
    { 2070, 5,  4 }, { 2071, 4, 19 }, { 2072, 4, 10 }, { 2073, 4, 30 }, { 2074, 4, 22 },
    { 2075, 4,  7 }, { 2076, 4, 26 }, { 2077, 4, 18 }, { 2078, 5,  8 }, { 2079, 4, 23 },
    { 2080, 4, 14 }, { 2081, 5,  4 }, { 2082, 4, 19 }, { 2083, 4, 11 }, { 2084, 4, 30 },
    { 2085, 4, 15 }, { 2086, 4,  7 }, { 2087, 4, 27 }, { 2088, 4, 18 }, { 2089, 5,  1 },
    { 2090, 4, 23 }, { 2091, 4,  8 }, { 2092, 4, 27 }, { 2093, 4, 19 }, { 2094, 4, 11 },
    { 2095, 4, 24 }, { 2096, 4, 15 }, { 2097, 5,  5 }, { 2098, 4, 27 }, { 2099, 4, 12 },
    { 2100, 5,  2 },
};

/* every Orthodox Easter 2000-2100 falls on its published date */
static void test_orthodox_easter_matches_the_published_dates_2000_to_2100(void **state)
{
    (void)state;
    size_t n = sizeof orthodox_easter / sizeof orthodox_easter[0];
    assert_int_equal(n, 101);
    for (size_t i = 0; i < n; i++) {
        int m = 0, d = 0;
        assert_int_equal(hours_easter(orthodox_easter[i].y, &m, &d), 0);
        if (m != orthodox_easter[i].m || d != orthodox_easter[i].d)
            fail_msg("Easter %d: got %d-%d, published %d-%d", orthodox_easter[i].y, m, d,
                     orthodox_easter[i].m, orthodox_easter[i].d);
    }
}

/* Orthodox Easter by a second, differently written computus (the "G, I, J, L" form of
 * the Julian Easter), moved to the Gregorian calendar with timegm's own day arithmetic */
static void other_easter(int y, int *m, int *d)
{
    int g = y % 19, i = (19 * g + 15) % 30, j = (y + y / 4 + i) % 7, l = i - j;
    int jm = 3 + (l + 40) / 44, jd = l + 28 - 31 * (jm / 4);
    struct tm tm = { .tm_year = y - 1900, .tm_mon = jm - 1, .tm_mday = jd + y / 100 - y / 400 - 2 };
    time_t t = timegm(&tm);
    gmtime_r(&t, &tm);
    *m = tm.tm_mon + 1;
    *d = tm.tm_mday;
}

/* 1900 to 2200, the centuries where the calendars drift apart included, Easter is a Sunday
 * between 3 April and 10 May and agrees with a second computus */
static void test_easter_1900_to_2200_is_a_sane_sunday_agreeing_with_a_second_computus(void **state)
{
    (void)state;
    for (int y = 1900; y <= 2200; y++) {
        int m, d, om, od;
        assert_int_equal(hours_easter(y, &m, &d), 0);
        other_easter(y, &om, &od);
        if (m != om || d != od)
            fail_msg("Easter %d: %d-%d, second computus %d-%d", y, m, d, om, od);
        struct tm tm = { .tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d };
        time_t t = timegm(&tm);
        gmtime_r(&t, &tm);
        assert_int_equal(tm.tm_wday, 0);
        assert_true((m == 4 && d >= 3) || (m == 5 && d <= 10));
    }
    assert_int_equal(hours_easter(1582, NULL, NULL), -1);
    assert_int_equal(hours_easter(10000, NULL, NULL), -1);
}

/* ---- holidays ---- */

typedef struct { int y, m, d; bool city; const char *el, *en; } HolidayCase;

/* the fixed and the moving Greek holidays carry their names in both languages; ordinary
 * days, the shortened days and 3 October without the switch are no holidays */
static void test_public_holidays_are_named_in_greek_and_english(void **state)
{
    (void)state;
    static const HolidayCase cases[] = {
        { 2027, 1, 1, false, "Πρωτοχρονιά", "New Year's Day" },
        { 2027, 1, 6, false, "Θεοφάνια", "Epiphany" },
        { 2027, 3, 15, false, "Καθαρά Δευτέρα", "Clean Monday" },
        { 2027, 3, 25, false, "Ευαγγελισμός της Θεοτόκου / Εθνική Επέτειος", "Independence Day / Annunciation" },
        { 2027, 4, 30, false, "Μεγάλη Παρασκευή", "Good Friday" },
        { 2027, 5, 1, false, "Μεγάλο Σάββατο", "Holy Saturday" },
        { 2027, 5, 3, false, "Δευτέρα του Πάσχα", "Easter Monday" },
        { 2026, 5, 1, false, "Πρωτομαγιά", "Labour Day" },
        { 2027, 6, 21, false, "Αγίου Πνεύματος", "Whit Monday" },
        { 2027, 8, 15, false, "Κοίμηση της Θεοτόκου", "Dormition of the Virgin" },
        { 2028, 10, 3, true, "Αγίου Διονυσίου Αρεοπαγίτου", "St Dionysius the Areopagite" },
        { 2027, 10, 28, false, "Επέτειος του «Όχι»", "Ochi Day" },
        { 2027, 12, 25, false, "Χριστούγεννα", "Christmas Day" },
        { 2027, 12, 26, false, "Σύναξη της Θεοτόκου", "Synaxis of the Theotokos" },
        { 2100, 3, 15, false, "Καθαρά Δευτέρα", "Clean Monday" },   /* Easter 2 May 2100 */
        { 2100, 6, 21, false, "Αγίου Πνεύματος", "Whit Monday" },
        { 2027, 1, 2, false, NULL, NULL },
        { 2027, 5, 4, false, NULL, NULL },
        { 2027, 12, 24, false, NULL, NULL },
        { 2027, 12, 31, false, NULL, NULL },
        { 2028, 10, 3, false, NULL, NULL },
        { 2027, 2, 29, false, NULL, NULL },
    };
    HoursTable *t = office();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const HolidayCase *c = &cases[i];
        const char *el = NULL, *en = NULL;
        t->city_holiday = c->city;
        int h = hours_holiday(t, c->y, c->m, c->d, LANG_EL, &el);
        hours_holiday(t, c->y, c->m, c->d, LANG_EN, &en);
        if (h != (c->el != NULL))
            fail_msg("%d-%02d-%02d: holiday %d", c->y, c->m, c->d, h);
        if (c->el) {
            assert_string_equal(el, c->el);
            assert_string_equal(en, c->en);
        }
    }
    free(t);
}

/* the city holiday of 3 October closes the office only when switched on */
static void test_city_holiday_closes_the_office_only_when_switched_on(void **state)
{
    (void)state;
    HoursTable *t = office();
    time_t tue_10 = at(2028, 10, 3, 10, 0, 0, 3);
    assert_true(open_at(t, tue_10));
    t->city_holiday = true;
    assert_false(open_at(t, tue_10));
    assert_line(t, tue_10, "Κλειστά σήμερα: Αγίου Διονυσίου Αρεοπαγίτου · ανοίγει αύριο στις 09:00",
                "Closed today: St Dionysius the Areopagite · opens tomorrow at 09:00");
    free(t);
}

/* ---- the instant of opening and closing ---- */

typedef struct { int h, mi, sec; bool open; } InstantCase;

/* the office opens at 09:00:00 and closes at 17:00:00 exactly */
static void test_office_opens_and_closes_at_the_exact_minute(void **state)
{
    (void)state;
    static const InstantCase cases[] = {
        { 8, 59, 0, false }, { 8, 59, 59, false }, { 9, 0, 0, true }, { 12, 0, 0, true },
        { 16, 59, 0, true }, { 16, 59, 59, true }, { 17, 0, 0, false }, { 23, 59, 59, false },
        { 0, 0, 0, false },
    };
    HoursTable *t = office();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        /* Thursday 29 April 2027, summer time */
        time_t now = at(2027, 4, 29, cases[i].h, cases[i].mi, cases[i].sec, 3);
        if (open_at(t, now) != cases[i].open)
            fail_msg("%02d:%02d:%02d open should be %d", cases[i].h, cases[i].mi, cases[i].sec,
                     cases[i].open);
    }
    HoursStatus s;
    hours_status_at(t, at(2027, 4, 29, 8, 59, 0, 3), &s);
    assert_int_equal(s.next_change, at(2027, 4, 29, 9, 0, 0, 3));
    assert_int_equal(s.until_date, 20270429);
    assert_int_equal(s.until_min, 9 * 60);
    hours_status_at(t, at(2027, 4, 29, 16, 59, 0, 3), &s);
    assert_true(s.open);
    assert_int_equal(s.reason, HOURS_OPEN);
    assert_int_equal(s.next_change, at(2027, 4, 29, 17, 0, 0, 3));
    free(t);
}

/* the state changes exactly at next_change and not one second before, all year round,
 * both clock changes and the holidays included */
static void test_next_change_is_the_exact_instant_the_state_flips(void **state)
{
    (void)state;
    HoursTable *t = office();
    t->shortened_days = true;
    t->periods[t->n_periods++] = (HoursPeriod){ 0x40, 1 * 60, 6 * 60, 0, 0 };  /* Sunday night */
    add_closure(t, 20270809, 20270813, 0, 0, "Απολύμανση", "Disinfection");
    add_closure(t, 20270604, 20270604, 10 * 60, 14 * 60, "Εκπαίδευση", "Training");
    time_t start = at(2027, 1, 1, 0, 0, 0, 2), end = at(2028, 1, 1, 0, 0, 0, 2);
    int checked = 0;
    for (time_t now = start; now < end; now += 97 * 60 + 13) {
        HoursStatus s, later, before;
        hours_status_at(t, now, &s);
        assert_true(s.next_change > now);
        hours_status_at(t, s.next_change, &later);
        hours_status_at(t, s.next_change - 1, &before);
        if (later.open == s.open || before.open != s.open)
            fail_msg("at %lld: next change %lld does not flip the state", (long long)now,
                     (long long)s.next_change);
        checked++;
    }
    assert_true(checked > 5000);
    free(t);
}

/* ---- daylight saving ---- */

/* on the last Sunday of March the clocks go 03:00 -> 04:00: a night period that spans
 * the change lasts one hour less, one that starts in the skipped hour opens as the clocks
 * jump, and Monday opens at 09:00 summer time */
static void test_spring_clock_change_is_followed_to_the_second(void **state)
{
    (void)state;
    HoursTable *t = office();
    t->periods[t->n_periods++] = (HoursPeriod){ 0x40, 1 * 60, 6 * 60, 0, 0 };
    HoursStatus s;
    /* Friday 26 March 17:00 winter time: closed until Sunday 01:00 winter time */
    hours_status_at(t, at(2027, 3, 26, 17, 0, 0, 2), &s);
    assert_int_equal(s.next_change, at(2027, 3, 28, 1, 0, 0, 2));
    /* open at 02:59:59 winter time, still open one second later at 04:00 summer time */
    assert_true(open_at(t, at(2027, 3, 28, 2, 59, 59, 2)));
    hours_status_at(t, at(2027, 3, 28, 4, 0, 0, 3), &s);
    assert_true(s.open);
    assert_int_equal(s.next_change, at(2027, 3, 28, 6, 0, 0, 3));
    assert_int_equal(at(2027, 3, 28, 6, 0, 0, 3) - at(2027, 3, 28, 1, 0, 0, 2), 4 * 3600);
    assert_line(t, at(2027, 3, 28, 4, 0, 0, 3), "Ανοιχτά τώρα · κλείνει στις 06:00",
                "Open now · closes at 06:00");
    /* after 06:00 summer time: Monday 09:00 summer time */
    hours_status_at(t, at(2027, 3, 28, 6, 0, 0, 3), &s);
    assert_false(s.open);
    assert_int_equal(s.next_change, at(2027, 3, 29, 9, 0, 0, 3));

    /* a period starting in the skipped hour opens when the clocks jump to 04:00 */
    t->periods[1] = (HoursPeriod){ 0x40, 3 * 60 + 30, 5 * 60, 0, 0 };
    hours_status_at(t, at(2027, 3, 28, 2, 30, 0, 2), &s);
    assert_false(s.open);
    assert_int_equal(s.next_change, at(2027, 3, 28, 4, 0, 0, 3));
    assert_true(open_at(t, s.next_change));
    free(t);
}

/* on the last Sunday of October the clocks go 04:00 -> 03:00: the repeated hour is open
 * both times, the period lasts one hour more, and Monday opens at 09:00 winter time */
static void test_autumn_clock_change_is_followed_to_the_second(void **state)
{
    (void)state;
    HoursTable *t = office();
    t->periods[t->n_periods++] = (HoursPeriod){ 0x40, 1 * 60, 6 * 60, 0, 0 };
    HoursStatus s;
    hours_status_at(t, at(2027, 10, 29, 17, 0, 0, 3), &s);
    assert_int_equal(s.next_change, at(2027, 10, 31, 1, 0, 0, 3));
    time_t first = at(2027, 10, 31, 3, 30, 0, 3), second = at(2027, 10, 31, 3, 30, 0, 2);
    assert_int_equal(second - first, 3600);
    assert_true(open_at(t, first));
    assert_true(open_at(t, second));
    hours_status_at(t, first, &s);
    assert_int_equal(s.next_change, at(2027, 10, 31, 6, 0, 0, 2));
    assert_int_equal(s.next_change - at(2027, 10, 31, 1, 0, 0, 3), 6 * 3600);
    hours_status_at(t, at(2027, 10, 31, 6, 0, 0, 2), &s);
    assert_false(s.open);
    assert_int_equal(s.next_change, at(2027, 11, 1, 9, 0, 0, 2));
    assert_line(t, at(2027, 10, 31, 23, 0, 0, 2), "Κλειστά · ανοίγει αύριο στις 09:00",
                "Closed · opens tomorrow at 09:00");
    free(t);
}

/* ---- the home-screen line ---- */

/* New Year's Day 2027, a Friday: closed, named, opening on Monday */
static void test_new_year_says_closed_today_and_opens_monday(void **state)
{
    (void)state;
    HoursTable *t = office();
    assert_line(t, at(2027, 1, 1, 10, 0, 0, 2),
                "Κλειστά σήμερα: Πρωτοχρονιά · ανοίγει τη Δευτέρα στις 09:00",
                "Closed today: New Year's Day · opens Monday at 09:00");
    free(t);
}

/* Good Friday 2027 (30 April): closed, and the office opens again on Tuesday after Easter */
static void test_good_friday_2027_is_closed_until_the_tuesday_after_easter(void **state)
{
    (void)state;
    HoursTable *t = office();
    HoursStatus s;
    hours_status_at(t, at(2027, 4, 30, 10, 0, 0, 3), &s);
    assert_false(s.open);
    assert_true(s.all_day);
    assert_int_equal(s.reason, HOURS_HOLIDAY);
    assert_string_equal(s.name[LANG_EN], "Good Friday");
    assert_int_equal(s.next_change, at(2027, 5, 4, 9, 0, 0, 3));
    assert_line(t, at(2027, 4, 30, 10, 0, 0, 3),
                "Κλειστά σήμερα: Μεγάλη Παρασκευή · ανοίγει την Τρίτη στις 09:00",
                "Closed today: Good Friday · opens Tuesday at 09:00");
    free(t);
}

/* weekdays, tomorrow and today read naturally in both languages */
static void test_opening_words_say_today_tomorrow_or_the_weekday(void **state)
{
    (void)state;
    HoursTable *t = office();
    assert_line(t, at(2027, 4, 29, 12, 0, 0, 3), "Ανοιχτά τώρα · κλείνει στις 17:00",
                "Open now · closes at 17:00");
    assert_line(t, at(2027, 4, 27, 18, 0, 0, 3), "Κλειστά · ανοίγει αύριο στις 09:00",
                "Closed · opens tomorrow at 09:00");
    assert_line(t, at(2027, 4, 27, 7, 0, 0, 3), "Κλειστά · ανοίγει στις 09:00",
                "Closed · opens at 09:00");
    assert_line(t, at(2027, 6, 5, 12, 0, 0, 3), "Κλειστά · ανοίγει τη Δευτέρα στις 09:00",
                "Closed · opens Monday at 09:00");
    /* every weekday in the Greek accusative, with its article */
    static const char *const el[] = { "την Τρίτη", "την Τετάρτη", "την Πέμπτη",
                                      "την Παρασκευή", "το Σάββατο", "την Κυριακή" };
    static const char *const en[] = { "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                                      "Sunday" };
    for (int i = 0; i < 6; i++) {
        HoursTable *one = calloc(1, sizeof *one);
        assert_non_null(one);
        one->periods[one->n_periods++] = (HoursPeriod){ 1u << (i + 1), 9 * 60, 17 * 60, 0, 0 };
        char want_el[128], want_en[128];
        snprintf(want_el, sizeof want_el, "Κλειστά · ανοίγει %s στις 09:00", el[i]);
        snprintf(want_en, sizeof want_en, "Closed · opens %s at 09:00", en[i]);
        /* from Saturday 5 June 2027 the next Tuesday..Sunday opening is 3..8 days away;
         * from Sunday 30 May it is 2..7 days: use the one within a week */
        time_t now = i == 5 ? at(2027, 6, 1, 12, 0, 0, 3) : at(2027, 5, 30, 12, 0, 0, 3);
        assert_line(one, now, want_el, want_en);
        free(one);
    }
    free(t);
}

/* beyond a week the line names the date */
static void test_an_opening_beyond_a_week_names_the_date(void **state)
{
    (void)state;
    HoursTable *t = office();
    add_closure(t, 20270107, 20270120, 0, 0, "Ανακαίνιση", "Renovation");
    assert_line(t, at(2027, 1, 6, 10, 0, 0, 2),
                "Κλειστά σήμερα: Θεοφάνια · ανοίγει την Πέμπτη 21 Ιανουαρίου στις 09:00",
                "Closed today: Epiphany · opens on Thursday 21 January at 09:00");
    free(t);
}

/* a closure over several days is named in both languages every day, and a reason given in
 * one language only is shown in the other too */
static void test_closure_over_several_days_names_its_reason_in_both_languages(void **state)
{
    (void)state;
    HoursTable *t = office();
    add_closure(t, 20270809, 20270813, 0, 0, "Απολύμανση χώρων", "Disinfection of the premises");
    for (int d = 9; d <= 13; d++) {
        HoursStatus s;
        hours_status_at(t, at(2027, 8, d, 10, 0, 0, 3), &s);
        assert_false(s.open);
        assert_int_equal(s.reason, HOURS_CLOSURE);
        assert_int_equal(s.next_change, at(2027, 8, 16, 9, 0, 0, 3));
    }
    assert_line(t, at(2027, 8, 11, 10, 0, 0, 3),
                "Κλειστά σήμερα: Απολύμανση χώρων · ανοίγει τη Δευτέρα στις 09:00",
                "Closed today: Disinfection of the premises · opens Monday at 09:00");
    assert_true(open_at(t, at(2027, 8, 16, 10, 0, 0, 3)));
    add_closure(t, 20270820, 20270820, 0, 0, "", "Inventory");
    assert_line(t, at(2027, 8, 20, 10, 0, 0, 3),
                "Κλειστά σήμερα: Inventory · ανοίγει τη Δευτέρα στις 09:00",
                "Closed today: Inventory · opens Monday at 09:00");
    free(t);
}

/* special hours replace the day's hours, also on a holiday (staff data wins) */
static void test_special_hours_replace_the_day_and_say_so(void **state)
{
    (void)state;
    HoursTable *t = office();
    add_closure(t, 20270604, 20270604, 10 * 60, 14 * 60, "Εκπαίδευση προσωπικού", "Staff training");
    assert_line(t, at(2027, 6, 4, 9, 30, 0, 3), "Κλειστά (ειδικό ωράριο) · ανοίγει στις 10:00",
                "Closed (special hours) · opens at 10:00");
    assert_line(t, at(2027, 6, 4, 11, 0, 0, 3),
                "Ανοιχτά τώρα (ειδικό ωράριο) · κλείνει στις 14:00",
                "Open now (special hours) · closes at 14:00");
    assert_false(open_at(t, at(2027, 6, 4, 14, 0, 0, 3)));
    /* 1 May moved by decision: the office opens on the holiday */
    add_closure(t, 20260501, 20260501, 9 * 60, 17 * 60, "Η αργία μεταφέρεται", "Holiday moved");
    assert_true(open_at(t, at(2026, 5, 1, 10, 0, 0, 3)));
    free(t);
}

/* 24 and 31 December close at 14:00 when the switch is on */
static void test_shortened_days_close_at_two_when_switched_on(void **state)
{
    (void)state;
    HoursTable *t = office();
    assert_true(open_at(t, at(2027, 12, 24, 15, 0, 0, 2)));
    t->shortened_days = true;
    assert_line(t, at(2027, 12, 24, 13, 59, 0, 2),
                "Ανοιχτά τώρα (ειδικό ωράριο) · κλείνει στις 14:00",
                "Open now (special hours) · closes at 14:00");
    assert_false(open_at(t, at(2027, 12, 24, 14, 0, 0, 2)));
    assert_false(open_at(t, at(2027, 12, 31, 14, 0, 0, 2)));
    assert_true(open_at(t, at(2027, 12, 31, 13, 0, 0, 2)));
    HoursDay day;
    assert_int_equal(hours_day(t, 2027, 12, 31, &day), 0);
    assert_string_equal(day.name[LANG_EN], "New Year's Eve");
    free(t);
}

/* a day with two periods is closed between them and opens again the same day */
static void test_a_split_day_is_closed_at_lunch_and_opens_again_at_five(void **state)
{
    (void)state;
    HoursTable *t = calloc(1, sizeof *t);
    assert_non_null(t);
    t->periods[t->n_periods++] = (HoursPeriod){ 0x1f, 17 * 60, 20 * 60, 0, 0 };
    t->periods[t->n_periods++] = (HoursPeriod){ 0x1f, 9 * 60, 13 * 60, 0, 0 };
    assert_line(t, at(2027, 4, 29, 12, 0, 0, 3), "Ανοιχτά τώρα · κλείνει στις 13:00",
                "Open now · closes at 13:00");
    assert_line(t, at(2027, 4, 29, 14, 0, 0, 3), "Κλειστά · ανοίγει στις 17:00",
                "Closed · opens at 17:00");
    /* the next day is Good Friday, then Easter: Tuesday */
    assert_line(t, at(2027, 4, 29, 20, 0, 0, 3), "Κλειστά · ανοίγει την Τρίτη στις 09:00",
                "Closed · opens Tuesday at 09:00");
    HoursDay day;
    hours_day(t, 2027, 4, 29, &day);
    assert_int_equal(day.n_spans, 2);
    assert_int_equal(day.spans[0].opens_min, 9 * 60);
    assert_int_equal(day.spans[1].closes_min, 20 * 60);
    free(t);
}

/* schedule rows apply only between valid_from and valid_to */
static void test_schedule_rows_apply_only_within_their_validity(void **state)
{
    (void)state;
    HoursTable *t = calloc(1, sizeof *t);
    assert_non_null(t);
    t->periods[t->n_periods++] = (HoursPeriod){ 0x1f, 9 * 60, 17 * 60, 0, 20270630 };
    t->periods[t->n_periods++] = (HoursPeriod){ 0x1f, 9 * 60, 14 * 60, 20270701, 20270831 };
    t->periods[t->n_periods++] = (HoursPeriod){ 0x1f, 9 * 60, 17 * 60, 20270901, 20271231 };
    static const struct { int m, d, closes; } cases[] = {
        { 6, 30, 17 * 60 }, { 7, 1, 14 * 60 }, { 8, 31, 14 * 60 }, { 9, 1, 17 * 60 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        HoursDay day;
        assert_int_equal(hours_day(t, 2027, cases[i].m, cases[i].d, &day), 0);
        assert_int_equal(day.n_spans, 1);
        assert_int_equal(day.spans[0].closes_min, cases[i].closes);
    }
    /* after the last row ends nothing is known: the kiosk says so instead of guessing */
    HoursDay day;
    hours_day(t, 2028, 1, 3, &day);
    assert_int_equal(day.reason, HOURS_NO_SCHEDULE);
    assert_line(t, at(2028, 1, 3, 10, 0, 0, 2), "Το ωράριο δεν είναι διαθέσιμο",
                "Opening hours not available");
    /* before a row starts, the line points to its first day */
    assert_line(t, at(2027, 12, 30, 18, 0, 0, 2), "Κλειστά · ανοίγει αύριο στις 09:00",
                "Closed · opens tomorrow at 09:00");
    free(t);
}

/* an empty table never claims the office is open or closed */
static void test_no_schedule_says_hours_not_available(void **state)
{
    (void)state;
    HoursTable *t = calloc(1, sizeof *t);
    assert_non_null(t);
    HoursStatus s;
    hours_status_at(t, at(2027, 4, 29, 10, 0, 0, 3), &s);
    assert_false(s.open);
    assert_int_equal(s.reason, HOURS_NO_SCHEDULE);
    assert_int_equal(s.next_change, 0);
    assert_line(t, at(2027, 4, 29, 10, 0, 0, 3), "Το ωράριο δεν είναι διαθέσιμο",
                "Opening hours not available");
    free(t);
}

/* a line cut short by a small buffer still ends on a whole character */
static void test_a_short_buffer_cuts_the_line_at_a_whole_character(void **state)
{
    (void)state;
    HoursTable *t = office();
    HoursStatus s;
    time_t now = at(2027, 4, 30, 10, 0, 0, 3);
    hours_status_at(t, now, &s);
    char full[256];
    hours_format_status(&s, now, LANG_EL, full, sizeof full);
    for (size_t n = 1; n < strlen(full) + 2; n++) {
        char buf[256];
        memset(buf, 'x', sizeof buf);
        hours_format_status(&s, now, LANG_EL, buf, n);
        size_t len = strlen(buf);
        assert_true(len < n);
        assert_memory_equal(buf, full, len);
        if (len < strlen(full))
            assert_true(((unsigned char)full[len] & 0xC0) != 0x80);
    }
    free(t);
}

/* years 1900 and 2200: no crash, and the moving holidays follow that year's Easter */
static void test_years_1900_and_2200_work(void **state)
{
    (void)state;
    HoursTable *t = office();
    for (int y = 1900; y <= 2200; y += 300) {
        int m, d;
        assert_int_equal(hours_easter(y, &m, &d), 0);
        const char *name = NULL;
        struct tm tm = { .tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d - 2 };
        time_t gf = timegm(&tm);
        gmtime_r(&gf, &tm);
        assert_int_equal(hours_holiday(t, y, tm.tm_mon + 1, tm.tm_mday, LANG_EN, &name), 1);
        assert_string_equal(name, "Good Friday");
        HoursStatus s;
        char buf[256];
        time_t now = at(y, 6, 1, 12, 0, 0, 2);
        hours_status_at(t, now, &s);
        hours_format_status(&s, now, LANG_EN, buf, sizeof buf);
        assert_true(strncmp(buf, "Open now", 8) == 0 || strncmp(buf, "Closed", 6) == 0);
        assert_true(s.next_change > now);
    }
    free(t);
}

/* the hours screen lists holidays and closures, a closure over several days once */
static void test_upcoming_closures_list_holidays_and_merged_closures(void **state)
{
    (void)state;
    HoursTable *t = office();
    add_closure(t, 20270809, 20270813, 0, 0, "Απολύμανση", "Disinfection");
    HoursClosing list[8];
    int n = hours_upcoming_closures(t, at(2027, 8, 1, 10, 0, 0, 3), 30, list, 8);
    assert_int_equal(n, 2);
    assert_int_equal(list[0].from, 20270809);
    assert_int_equal(list[0].to, 20270813);
    assert_int_equal(list[0].reason, HOURS_CLOSURE);
    assert_string_equal(list[0].name[LANG_EL], "Απολύμανση");
    assert_int_equal(list[1].from, 20270815);
    assert_int_equal(list[1].reason, HOURS_HOLIDAY);
    assert_string_equal(list[1].name[LANG_EN], "Dormition of the Virgin");
    assert_int_equal(hours_upcoming_closures(t, at(2027, 8, 1, 10, 0, 0, 3), 30, list, 1), 1);
    assert_int_equal(hours_upcoming_closures(t, at(2027, 8, 1, 10, 0, 0, 3), 8, list, 8), 0);
    free(t);
}

/* ---- command line ---- */

/* runs f into a string; the caller frees it */
static char *capture_at(const HoursTable *t, const char *when, int *rc)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    assert_non_null(f);
    *rc = hours_cli_at(t, when, f);
    fclose(f);
    return text;
}

/* `kiosk hours --at 2027-04-30T10:00` names Good Friday in both languages */
static void test_cli_at_good_friday_prints_closed_in_every_language(void **state)
{
    (void)state;
    HoursTable *t = office();
    int rc;
    char *text = capture_at(t, "2027-04-30T10:00", &rc);
    assert_int_equal(rc, 0);
    assert_string_equal(text,
        "el: Κλειστά σήμερα: Μεγάλη Παρασκευή · ανοίγει την Τρίτη στις 09:00\n"
        "en: Closed today: Good Friday · opens Tuesday at 09:00\n"
        "ar: مغلق اليوم: الجمعة العظيمة · يفتح يوم الثلاثاء الساعة 09:00\n"
        "fa: امروز بسته است: جمعه مقدس · سه\u200cشنبه ساعت ۰۹:۰۰ باز می\u200cشود\n"
        "ur: آج بند ہے: گڈ فرائیڈے · منگل کو 09:00 بجے کھلے گا\n"
        "fr: Fermé aujourd'hui\u00a0: Vendredi saint · ouvre mardi à 9\u00a0h\u00a000\n"
        "uk: Сьогодні зачинено: Страсна п\u02bcятниця · відчиняється у вівторок о 09:00\n");
    free(text);
    text = capture_at(t, "2027-04-29T13:59:59Z", &rc);      /* 16:59:59 in Athens */
    assert_int_equal(rc, 0);
    assert_non_null(strstr(text, "en: Open now · closes at 17:00\n"));
    free(text);
    text = capture_at(t, "2027-04-28T17:00:00+03:00", &rc);
    assert_non_null(strstr(text, "en: Closed · opens tomorrow at 09:00\n"));
    free(text);
    static const char *const bad[] = { "2027-04-30", "2027-04-30T25:00", "tomorrow",
                                       "2027-02-30T10:00", "2027-03-28T03:30", "" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        text = capture_at(t, bad[i], &rc);
        assert_int_not_equal(rc, 0);
        assert_string_equal(text, "");
        free(text);
    }
    free(t);
}

/* local times parse in Athens time, offsets as given; the repeated hour takes its first pass */
static void test_instants_parse_in_athens_time_or_with_their_offset(void **state)
{
    (void)state;
    static const struct { const char *in; time_t want; } cases[] = {
        { "2027-01-15T10:00", 0 }, { "2027-07-15T10:00", 0 }, { "2027-07-15T07:00Z", 0 },
        { "2027-07-15 10:00:30+03:00", 0 }, { "2027-10-31T03:30", 0 }, { "2027-10-31T04:00", 0 },
    };
    time_t want[] = { at(2027, 1, 15, 10, 0, 0, 2), at(2027, 7, 15, 10, 0, 0, 3),
                      at(2027, 7, 15, 10, 0, 0, 3), at(2027, 7, 15, 10, 0, 30, 3),
                      at(2027, 10, 31, 3, 30, 0, 3), at(2027, 10, 31, 4, 0, 0, 2) };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        time_t got = 0;
        assert_int_equal(hours_parse_instant(cases[i].in, &got), 0);
        if (got != want[i])
            fail_msg("%s: %lld, want %lld", cases[i].in, (long long)got, (long long)want[i]);
    }
    time_t got;
    assert_int_equal(hours_parse_instant("2027-03-28T03:00", &got), -1);
    assert_int_equal(hours_parse_instant("2027-03-28T04:00", &got), 0);
    assert_int_equal(got, at(2027, 3, 28, 4, 0, 0, 3));
}

/* `kiosk hours --from 2027-04-26 --days 14`: a line a day, holidays named in both languages */
static void test_cli_table_lists_each_day_with_hours_or_the_reason(void **state)
{
    (void)state;
    HoursTable *t = office();
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    assert_non_null(f);
    assert_int_equal(hours_cli_table(t, "2027-04-26", 14, f), 0);
    fclose(f);
    int lines = 0;
    for (char *p = text; *p; p++)
        lines += *p == '\n';
    assert_int_equal(lines, 2 + 14);
    assert_non_null(strstr(text, "2027-04-29  Thu Πεμ  09:00-17:00\n"));
    assert_non_null(strstr(text, "2027-04-30  Fri Παρ  closed"));
    assert_non_null(strstr(text, "public holiday: Good Friday / Μεγάλη Παρασκευή\n"));
    assert_non_null(strstr(text, "2027-05-04  Tue Τρι  09:00-17:00\n"));
    assert_null(strstr(text, "2027-05-10"));
    free(text);
    f = open_memstream(&text, &len);
    assert_non_null(f);
    assert_int_not_equal(hours_cli_table(t, "2027-04-31", 14, f), 0);
    assert_int_not_equal(hours_cli_table(t, "2027-04-26", 0, f), 0);
    fclose(f);
    free(text);
    free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_schedule_times_read_as_minutes_and_nonsense_is_refused),
        cmocka_unit_test(test_byday_codes_become_a_monday_first_mask),
        cmocka_unit_test(test_dates_read_as_yyyymmdd_and_impossible_days_are_refused),
        cmocka_unit_test(test_orthodox_easter_matches_the_published_dates_2000_to_2100),
        cmocka_unit_test(test_easter_1900_to_2200_is_a_sane_sunday_agreeing_with_a_second_computus),
        cmocka_unit_test(test_public_holidays_are_named_in_greek_and_english),
        cmocka_unit_test(test_city_holiday_closes_the_office_only_when_switched_on),
        cmocka_unit_test(test_office_opens_and_closes_at_the_exact_minute),
        cmocka_unit_test(test_next_change_is_the_exact_instant_the_state_flips),
        cmocka_unit_test(test_spring_clock_change_is_followed_to_the_second),
        cmocka_unit_test(test_autumn_clock_change_is_followed_to_the_second),
        cmocka_unit_test(test_new_year_says_closed_today_and_opens_monday),
        cmocka_unit_test(test_good_friday_2027_is_closed_until_the_tuesday_after_easter),
        cmocka_unit_test(test_opening_words_say_today_tomorrow_or_the_weekday),
        cmocka_unit_test(test_an_opening_beyond_a_week_names_the_date),
        cmocka_unit_test(test_closure_over_several_days_names_its_reason_in_both_languages),
        cmocka_unit_test(test_special_hours_replace_the_day_and_say_so),
        cmocka_unit_test(test_shortened_days_close_at_two_when_switched_on),
        cmocka_unit_test(test_a_split_day_is_closed_at_lunch_and_opens_again_at_five),
        cmocka_unit_test(test_schedule_rows_apply_only_within_their_validity),
        cmocka_unit_test(test_no_schedule_says_hours_not_available),
        cmocka_unit_test(test_a_short_buffer_cuts_the_line_at_a_whole_character),
        cmocka_unit_test(test_years_1900_and_2200_work),
        cmocka_unit_test(test_upcoming_closures_list_holidays_and_merged_closures),
        cmocka_unit_test(test_cli_at_good_friday_prints_closed_in_every_language),
        cmocka_unit_test(test_instants_parse_in_athens_time_or_with_their_offset),
        cmocka_unit_test(test_cli_table_lists_each_day_with_hours_or_the_reason),
    };
    return cmocka_run_group_tests(tests, athens, NULL);
}
