/* hours.c - opening hours: open or closed at any instant, until when, and why.
 * Start reading at hours_status_at(): it asks hours_day() for each local day from
 * today on, and hours_day() layers the weekly schedule, the Greek public holidays
 * and the staff-entered closures. Wall-clock conversions go through the C library
 * with TZ set to Europe/Athens (hours_use_athens_time), so daylight saving comes
 * from the system tz database, never from a fixed offset. */
#include "core/hours.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DAY_MIN      1440
#define LOOKAHEAD    366     /* days hours_status_at searches for the next change */
#define SHORT_CLOSE  (14 * 60)

/* a public holiday: a fixed day (month, day) or a day moving with Easter (offset) */
typedef struct Holiday {
    int month, day;             /* month 0: moving, see offset */
    int offset;                 /* days from Orthodox Easter Sunday */
    bool city;                  /* only when HoursTable.city_holiday is set */
    StrId name;                 /* its name in every language (assets/locale) */
} Holiday;

/* the Greek public-sector closed days; the moving feasts come first, so that one of
 * them names a day it shares with 1 May. To add a day, add a row and its name to the
 * .po files (i18n_messages.h says how). */
static const Holiday holidays[] = {
    { 0, 0, -48, false, STR_HOLIDAY_CLEAN_MONDAY },
    { 0, 0, -2, false, STR_HOLIDAY_GOOD_FRIDAY },
    { 0, 0, -1, false, STR_HOLIDAY_HOLY_SATURDAY },
    { 0, 0, 0, false, STR_HOLIDAY_EASTER_SUNDAY },
    { 0, 0, 1, false, STR_HOLIDAY_EASTER_MONDAY },
    { 0, 0, 50, false, STR_HOLIDAY_WHIT_MONDAY },
    { 1, 1, 0, false, STR_HOLIDAY_NEW_YEAR },
    { 1, 6, 0, false, STR_HOLIDAY_EPIPHANY },
    { 3, 25, 0, false, STR_HOLIDAY_INDEPENDENCE_DAY },
    { 5, 1, 0, false, STR_HOLIDAY_LABOUR_DAY },
    { 8, 15, 0, false, STR_HOLIDAY_DORMITION },
    { 10, 3, 0, true, STR_HOLIDAY_ST_DIONYSIUS },
    { 10, 28, 0, false, STR_HOLIDAY_OCHI_DAY },
    { 12, 25, 0, false, STR_HOLIDAY_CHRISTMAS },
    { 12, 26, 0, false, STR_HOLIDAY_SYNAXIS },
};

/* the shortened days (HoursTable.shortened_days): 24 and 31 December */
static const StrId shortened_names[2] = { STR_HOLIDAY_CHRISTMAS_EVE, STR_HOLIDAY_NEW_YEARS_EVE };

/* the status line's second half, by whether the office is about to close and when:
 * [closing][today, tomorrow, a weekday within six days, a later date] */
static const StrId when_msgs[2][4] = {
    { STR_OPENS_AT, STR_OPENS_TOMORROW, STR_OPENS_WEEKDAY, STR_OPENS_DATE },
    { STR_CLOSES_AT, STR_CLOSES_TOMORROW, STR_CLOSES_WEEKDAY, STR_CLOSES_DATE },
};

/* days in a month of the Gregorian calendar; 0 when the month is out of range */
static int days_in_month(int y, int m)
{
    static const int dim[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (m < 1 || m > 12)
        return 0;
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dim[m - 1];
}

/* reads exactly n digits at *p into *v and advances; 0 when a digit is missing */
static int read_digits(const char **p, int n, int *v)
{
    int x = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)(*p)[i]))
            return 0;
        x = x * 10 + ((*p)[i] - '0');
    }
    *p += n;
    *v = x;
    return 1;
}

/* "09:00" or "09:00:00" (seconds ignored; "24:00" allowed as end of day) -> minutes; -1 when malformed */
int hours_parse_time(const char *s)
{
    int h, m, sec = 0;
    if (!s)
        return -1;
    while (*s == ' ')
        s++;
    if (!read_digits(&s, 2, &h) || *s++ != ':' || !read_digits(&s, 2, &m))
        return -1;
    if (*s == ':' && (s++, !read_digits(&s, 2, &sec)))
        return -1;
    while (*s == ' ')
        s++;
    if (*s || m > 59 || sec > 59 || h > 24 || (h == 24 && (m || sec)))
        return -1;
    return h * 60 + m;
}

/* "MO,TU,WE" (any case, spaces allowed) -> weekday mask; -1 on an unknown day or empty */
int hours_parse_byday(const char *s)
{
    static const char codes[7][3] = { "MO", "TU", "WE", "TH", "FR", "SA", "SU" };
    int mask = 0;
    if (!s)
        return -1;
    for (;;) {
        while (*s == ' ' || *s == '\t')
            s++;
        int d = 7;
        for (int i = 0; i < 7; i++)
            if (toupper((unsigned char)s[0]) == codes[i][0] &&
                toupper((unsigned char)s[1]) == codes[i][1])
                d = i;
        if (d == 7)
            return -1;
        mask |= 1 << d;
        s += 2;
        while (*s == ' ' || *s == '\t')
            s++;
        if (!*s)
            return mask;
        if (*s++ != ',')
            return -1;
    }
}

/* "2027-04-30" -> 20270430; -1 when malformed or not a real date */
int hours_parse_date(const char *s)
{
    int y, m, d;
    if (!s)
        return -1;
    while (*s == ' ')
        s++;
    if (!read_digits(&s, 4, &y) || *s++ != '-' || !read_digits(&s, 2, &m) ||
        *s++ != '-' || !read_digits(&s, 2, &d))
        return -1;
    while (*s == ' ')
        s++;
    if (*s || y < 1 || d < 1 || d > days_in_month(y, m))
        return -1;
    return y * 10000 + m * 100 + d;
}

/* ---- calendar arithmetic on proleptic Gregorian dates (no time zone involved) ---- */

/* days since 1970-01-01 (H. Hinnant's days_from_civil) */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* the date z days after 1970-01-01 */
static HoursDate civil_from_days(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int d = (int)(doy - (153 * mp + 2) / 5 + 1);
    int m = (int)(mp < 10 ? mp + 3 : mp - 9);
    int y = (int)(yoe + era * 400) + (m <= 2);
    return y * 10000 + m * 100 + d;
}

/* days since 1970-01-01 of a yyyymmdd date */
static long date_days(HoursDate date)
{
    return days_from_civil(date / 10000, date / 100 % 100, date % 100);
}

/* the date n days after date */
static HoursDate date_add(HoursDate date, long n)
{
    return civil_from_days(date_days(date) + n);
}

/* 0 = Monday .. 6 = Sunday; 1970-01-01 was a Thursday */
static int date_weekday(HoursDate date)
{
    long z = date_days(date);
    return (int)(((z % 7) + 7 + 3) % 7);
}

/* 1 when y-m-d exists */
static int date_valid(int y, int m, int d)
{
    return y >= 1 && y <= 9999 && d >= 1 && d <= days_in_month(y, m);
}

/* Orthodox Easter Sunday (Julian computus, as a Gregorian date) for 1583..9999; -1 outside */
int hours_easter(int year, int *month, int *day)
{
    if (year < 1583 || year > 9999)
        return -1;
    /* Meeus' Julian algorithm: Easter Sunday in the Julian calendar, 22 March..25 April */
    int a = year % 4, b = year % 7, c = year % 19;
    int d = (19 * c + 15) % 30;
    int e = (2 * a + 4 * b - d + 34) % 7;
    int jm = (d + e + 114) / 31, jd = (d + e + 114) % 31 + 1;
    /* the calendars drift apart by one day at each Julian-only leap day (29 February of
     * 1700, 1800, 1900, 2100, ...): 13 days 1900-2099, 14 from 1 March 2100. Easter is
     * after February, so the year's own century counts. */
    int drift = year / 100 - year / 400 - 2;
    HoursDate g = date_add(year * 10000 + jm * 100 + jd, drift);
    if (month)
        *month = g / 100 % 100;
    if (day)
        *day = g % 100;
    return 0;
}

/* the row of holidays[] that y-m-d is, or -1 */
static int holiday_index(const HoursTable *t, int y, int m, int d)
{
    int em = 0, ed = 0;
    long easter = 0, today = days_from_civil(y, m, d);
    int have_easter = hours_easter(y, &em, &ed) == 0;
    if (have_easter)
        easter = days_from_civil(y, em, ed);
    for (size_t i = 0; i < sizeof holidays / sizeof holidays[0]; i++) {
        const Holiday *h = &holidays[i];
        if (h->city && !(t && t->city_holiday))
            continue;
        if (h->month == 0 ? have_easter && today - easter == h->offset
                          : h->month == m && h->day == d)
            return (int)i;
    }
    return -1;
}

/* 1 and *name when y-m-d is a public holiday for t (t may be NULL: no city holiday) */
int hours_holiday(const HoursTable *t, int y, int m, int d, Lang lang, const char **name)
{
    if (!date_valid(y, m, d))
        return 0;
    int i = holiday_index(t, y, m, d);
    if (i < 0)
        return 0;
    if (name)
        *name = i18n_str(lang, holidays[i].name);
    return 1;
}

/* ---- one local day ---- */

/* copies reasons per language; an empty one takes another language's text */
static void copy_names(char dst[LANG_COUNT][HOURS_REASON_MAX], const char *const src[LANG_COUNT])
{
    for (int l = 0; l < LANG_COUNT; l++) {
        const char *txt = src[l] && src[l][0] ? src[l] : "";
        for (int k = 0; !txt[0] && k < LANG_COUNT; k++)
            if (src[k] && src[k][0])
                txt = src[k];
        snprintf(dst[l], HOURS_REASON_MAX, "%s", txt);
    }
}

/* copies a holiday's name in every language */
static void copy_message(char dst[LANG_COUNT][HOURS_REASON_MAX], StrId id)
{
    for (int l = 0; l < LANG_COUNT; l++)
        snprintf(dst[l], HOURS_REASON_MAX, "%s", i18n_str((Lang)l, id));
}

/* the closure covering date; the shortest range wins (a day inside a long closure),
 * the later row on a tie; NULL when none */
static const HoursClosure *closure_on(const HoursTable *t, HoursDate date)
{
    const HoursClosure *best = NULL;
    long best_len = 0;
    for (int i = 0; i < t->n_closures && i < HOURS_MAX_CLOSURES; i++) {
        const HoursClosure *c = &t->closures[i];
        if (c->from <= 0 || c->to < c->from || date < c->from || date > c->to)
            continue;
        long len = date_days(c->to) - date_days(c->from);
        if (!best || len <= best_len) {
            best = c;
            best_len = len;
        }
    }
    return best;
}

/* orders spans by opening time */
static int span_cmp(const void *a, const void *b)
{
    const HoursSpan *x = a, *y = b;
    return (x->opens_min > y->opens_min) - (x->opens_min < y->opens_min);
}

/* sorts the day's spans and merges those that overlap or touch */
static void merge_spans(HoursDay *day)
{
    qsort(day->spans, (size_t)day->n_spans, sizeof day->spans[0], span_cmp);
    int n = 0;
    for (int i = 0; i < day->n_spans; i++) {
        if (n > 0 && day->spans[i].opens_min <= day->spans[n - 1].closes_min) {
            if (day->spans[i].closes_min > day->spans[n - 1].closes_min)
                day->spans[n - 1].closes_min = day->spans[i].closes_min;
        } else {
            day->spans[n++] = day->spans[i];
        }
    }
    day->n_spans = n;
}

/* 1 when a span is usable: opens < closes within one day */
static int span_ok(int opens, int closes)
{
    return opens >= 0 && opens < closes && closes <= DAY_MIN;
}

/* the spans of one local day after holidays, closures and shortened days; -1 on an impossible date */
int hours_day(const HoursTable *t, int y, int m, int d, HoursDay *out)
{
    memset(out, 0, sizeof *out);
    out->reason = HOURS_NO_SCHEDULE;
    if (!t || !date_valid(y, m, d))
        return -1;
    HoursDate date = y * 10000 + m * 100 + d;
    out->date = date;
    out->weekday = date_weekday(date);

    /* staff-entered data wins over the calendar: it is how a moved holiday is expressed */
    const HoursClosure *c = closure_on(t, date);
    if (c) {
        const char *src[LANG_COUNT];
        for (int l = 0; l < LANG_COUNT; l++)
            src[l] = c->reason[l];
        copy_names(out->name, src);
        if (!c->closed && span_ok(c->opens_min, c->closes_min)) {
            out->spans[0] = (HoursSpan){ c->opens_min, c->closes_min };
            out->n_spans = 1;
            out->reason = HOURS_SPECIAL;
        } else {
            out->reason = HOURS_CLOSURE;    /* bad special hours: closed, never guessed */
        }
        return 0;
    }
    int h = holiday_index(t, y, m, d);
    if (h >= 0) {
        copy_message(out->name, holidays[h].name);
        out->reason = HOURS_HOLIDAY;
        return 0;
    }

    bool any_valid = false;
    for (int i = 0; i < t->n_periods && i < HOURS_MAX_PERIODS; i++) {
        const HoursPeriod *p = &t->periods[i];
        if ((p->valid_from && date < p->valid_from) || (p->valid_to && date > p->valid_to) ||
            !span_ok(p->opens_min, p->closes_min))
            continue;
        any_valid = true;
        if (p->weekdays & (1u << out->weekday))
            out->spans[out->n_spans++] = (HoursSpan){ p->opens_min, p->closes_min };
    }
    if (out->n_spans == 0) {
        out->reason = any_valid ? HOURS_WEEKEND : HOURS_NO_SCHEDULE;
        return 0;
    }
    merge_spans(out);
    out->reason = HOURS_OPEN;

    if (t->shortened_days && m == 12 && (d == 24 || d == 31)) {
        int n = 0;
        bool changed = false;
        for (int i = 0; i < out->n_spans; i++) {
            HoursSpan sp = out->spans[i];
            if (sp.closes_min > SHORT_CLOSE) {
                changed = true;
                sp.closes_min = SHORT_CLOSE;
            }
            if (sp.opens_min < sp.closes_min)
                out->spans[n++] = sp;
        }
        out->n_spans = n;
        if (changed) {
            out->reason = HOURS_SPECIAL;
            copy_message(out->name, shortened_names[d == 31]);
        }
    }
    return 0;
}

/* hours_day for a yyyymmdd date */
static void day_of(const HoursTable *t, HoursDate date, HoursDay *out)
{
    hours_day(t, date / 10000, date / 100 % 100, date % 100, out);
}

/* ---- time zone ---- */

/* set TZ to Europe/Athens; 0, or -1 when the zone does not load */
int hours_use_athens_time(void)
{
    if (setenv("TZ", ":Europe/Athens", 1) != 0)
        return -1;
    tzset();
    /* the zone loaded only if winter is UTC+2 and summer UTC+3 (a missing file means UTC) */
    time_t winter = (time_t)days_from_civil(2027, 1, 15) * 86400;
    time_t summer = (time_t)days_from_civil(2027, 7, 15) * 86400;
    struct tm a, b;
    if (!localtime_r(&winter, &a) || !localtime_r(&summer, &b))
        return -1;
    return a.tm_gmtoff == 7200 && b.tm_gmtoff == 10800 ? 0 : -1;
}

/* minutes since 1970-01-01 of a local wall time, for ordering wall times */
static long wall_key(const struct tm *tm)
{
    return days_from_civil(tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday) * DAY_MIN +
           tm->tm_hour * 60 + tm->tm_min;
}

/* the instants whose Athens wall clock reads date, min (0..1439): 0 (the clocks skip
 * it), 1, or 2 (the repeated hour in October), earliest first in out[]; probe[] gets
 * what mktime made of it as winter and as summer time, for searching a gap */
static int wall_instants(HoursDate date, int min, time_t out[2], time_t probe[2])
{
    int n = 0;
    for (int dst = 0; dst < 2; dst++) {
        struct tm tm = { 0 };
        tm.tm_year = date / 10000 - 1900;
        tm.tm_mon = date / 100 % 100 - 1;
        tm.tm_mday = date % 100;
        tm.tm_hour = min / 60;
        tm.tm_min = min % 60;
        tm.tm_isdst = dst;
        time_t t = mktime(&tm);
        probe[dst] = t;
        if (tm.tm_year == date / 10000 - 1900 && tm.tm_mon == date / 100 % 100 - 1 &&
            tm.tm_mday == date % 100 && tm.tm_hour == min / 60 && tm.tm_min == min % 60 &&
            tm.tm_isdst == dst && (n == 0 || out[0] != t))
            out[n++] = t;
    }
    if (n == 2 && out[1] < out[0]) {
        time_t x = out[0];
        out[0] = out[1];
        out[1] = x;
    }
    return n;
}

/* the first instant after `after` at which the wall clock has reached date, min; when
 * the clocks skip that minute, the instant they jump past it */
static time_t wall_to_time(HoursDate date, int min, time_t after)
{
    if (min >= DAY_MIN) {
        date = date_add(date, min / DAY_MIN);
        min %= DAY_MIN;
    }
    time_t at[2], probe[2];
    int n = wall_instants(date, min, at, probe);
    if (n > 0)
        return n == 2 && at[0] <= after ? at[1] : at[0];
    /* a gap: the wall clock passes the minute somewhere between the two readings */
    long want = date_days(date) * DAY_MIN + min;
    time_t lo = probe[0] < probe[1] ? probe[0] : probe[1];
    time_t hi = probe[0] < probe[1] ? probe[1] : probe[0];
    while (hi - lo > 1) {
        time_t mid = lo + (hi - lo) / 2;
        struct tm tm;
        if (localtime_r(&mid, &tm) && wall_key(&tm) >= want)
            hi = mid;
        else
            lo = mid;
    }
    return hi;
}

/* ---- the state at an instant ---- */

/* open or closed at now, why, and until when (looking ahead up to 366 days) */
void hours_status_at(const HoursTable *t, time_t now, HoursStatus *s)
{
    memset(s, 0, sizeof *s);
    s->reason = HOURS_NO_SCHEDULE;
    s->all_day = true;
    struct tm lt;
    if (!t || !localtime_r(&now, &lt))
        return;
    HoursDate today = (lt.tm_year + 1900) * 10000 + (lt.tm_mon + 1) * 100 + lt.tm_mday;
    int min = lt.tm_hour * 60 + lt.tm_min;
    HoursDay day, next;
    day_of(t, today, &day);
    memcpy(s->name, day.name, sizeof s->name);

    int in = -1;
    for (int i = 0; i < day.n_spans; i++)
        if (day.spans[i].opens_min <= min && min < day.spans[i].closes_min)
            in = i;
    HoursDate until = 0;
    int until_min = 0;
    if (in >= 0) {
        s->open = true;
        s->all_day = false;
        s->reason = day.reason;
        HoursDate d = today;
        int end = day.spans[in].closes_min;
        /* a span to midnight continues if the next day opens at midnight */
        int k = 0;
        for (; end == DAY_MIN && k < LOOKAHEAD; k++) {
            day_of(t, date_add(d, 1), &next);
            if (next.n_spans == 0 || next.spans[0].opens_min != 0)
                break;
            d = date_add(d, 1);
            end = next.spans[0].closes_min;
        }
        if (k < LOOKAHEAD) {
            until = end == DAY_MIN ? date_add(d, 1) : d;
            until_min = end % DAY_MIN;
        }
    } else {
        s->all_day = day.n_spans == 0;
        s->reason = day.n_spans == 0 ? day.reason
                  : day.reason == HOURS_SPECIAL ? HOURS_SPECIAL : HOURS_AFTER_HOURS;
        for (int i = 0; i < day.n_spans && !until; i++)
            if (day.spans[i].opens_min > min) {
                until = today;
                until_min = day.spans[i].opens_min;
            }
        for (int k = 1; k <= LOOKAHEAD && !until; k++) {
            day_of(t, date_add(today, k), &next);
            if (next.n_spans > 0) {
                until = next.date;
                until_min = next.spans[0].opens_min;
            }
        }
    }
    if (until) {
        s->until_date = until;
        s->until_min = until_min;
        s->next_change = wall_to_time(until, until_min, now);
    }
}

/* ---- words ---- */

/* appends printf-style text at *len, never past n */
static void put(char *out, size_t n, size_t *len, const char *fmt, ...)
{
    if (*len + 1 >= n)
        return;
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(out + *len, n - *len, fmt, ap);
    va_end(ap);
    if (k > 0)
        *len = *len + (size_t)k < n ? *len + (size_t)k : n - 1;
}

/* the second half of the status line, "closes at 17:00", "opens tomorrow at 09:00",
 * "opens Monday at 09:00", "opens on Thursday 7 January [2028] at 09:00": the year
 * when the date is half a year away or more */
static void format_when(char *out, size_t n, HoursDate today, HoursDate when, int min,
                        bool closing, Lang lang)
{
    const StrId *msg = when_msgs[closing];
    long diff = date_days(when) - date_days(today);
    const char *weekday = i18n_str(lang, (StrId)(STR_WEEKDAY_ON_MONDAY + date_weekday(when)));
    char time[32], date[96];
    i18n_format_time(lang, min, time, sizeof time);
    if (diff == 0 || diff == 1) {
        i18n_format(lang, out, n, msg[diff], time);
    } else if (diff >= 2 && diff <= 6) {
        i18n_format(lang, out, n, msg[2], weekday, time);
    } else {
        if (diff >= 183)
            i18n_format_date(lang, when / 10000, when / 100 % 100, when % 100, date, sizeof date);
        else
            i18n_format_day_month(lang, when / 100 % 100, when % 100, date, sizeof date);
        i18n_format(lang, out, n, msg[3], weekday, date, time);
    }
}

/* the status line's first half: "Open now", "Closed today", ... */
static StrId state_msg(const HoursStatus *s, bool named)
{
    if (s->open)
        return s->reason == HOURS_SPECIAL ? STR_OPEN_NOW_SPECIAL : STR_OPEN_NOW;
    if (!s->until_date && s->reason == HOURS_NO_SCHEDULE)
        return STR_NO_SCHEDULE;
    if (s->all_day && (s->reason == HOURS_HOLIDAY || s->reason == HOURS_CLOSURE ||
                       s->reason == HOURS_SPECIAL))
        return named ? STR_CLOSED_TODAY_FOR : STR_CLOSED_TODAY;
    return s->reason == HOURS_SPECIAL ? STR_CLOSED_NOW_SPECIAL : STR_CLOSED_NOW;
}

/* the home-screen line, "Open now · closes at 17:00"; truncated at a character boundary */
void hours_format_status(const HoursStatus *s, time_t now, Lang lang, char *out, size_t n)
{
    if (!out || n == 0)
        return;
    out[0] = '\0';
    if (!s)
        return;
    if ((unsigned)lang >= LANG_COUNT)
        lang = LANG_DEFAULT;
    struct tm lt;
    HoursDate today = 0;
    if (localtime_r(&now, &lt))
        today = (lt.tm_year + 1900) * 10000 + (lt.tm_mon + 1) * 100 + lt.tm_mday;
    const char *name = s->name[lang][0] ? s->name[lang] : NULL;
    StrId state = state_msg(s, name != NULL);
    if (!s->until_date || !today) {
        i18n_format(lang, out, n, state, name);
        return;
    }
    char first[HOURS_REASON_MAX + 128], second[256];
    i18n_format(lang, first, sizeof first, state, name);
    format_when(second, sizeof second, today, s->until_date, s->until_min, s->open, lang);
    i18n_format(lang, out, n, STR_STATUS_THEN, first, second);
}

/* ---- the hours screen: coming closures ---- */

/* holidays, closures and special hours from today for days days, runs merged */
int hours_upcoming_closures(const HoursTable *t, time_t now, int days, HoursClosing *out, int max)
{
    struct tm lt;
    if (!t || !out || max <= 0 || !localtime_r(&now, &lt))
        return 0;
    if (days > LOOKAHEAD)
        days = LOOKAHEAD;
    HoursDate today = (lt.tm_year + 1900) * 10000 + (lt.tm_mon + 1) * 100 + lt.tm_mday;
    int count = 0;
    HoursDay day;
    for (int k = 0; k < days; k++) {
        HoursDate date = date_add(today, k);
        day_of(t, date, &day);
        if (day.reason != HOURS_HOLIDAY && day.reason != HOURS_CLOSURE &&
            day.reason != HOURS_SPECIAL)
            continue;
        int o = day.n_spans ? day.spans[0].opens_min : 0, c = day.n_spans ? day.spans[0].closes_min : 0;
        HoursClosing *last = count ? &out[count - 1] : NULL;
        if (last && last->reason == day.reason && last->to == date_add(date, -1) &&
            last->opens_min == o && last->closes_min == c &&
            memcmp(last->name, day.name, sizeof day.name) == 0) {
            last->to = date;
            continue;
        }
        if (count == max)
            break;
        HoursClosing *e = &out[count++];
        e->from = e->to = date;
        e->reason = day.reason;
        e->opens_min = o;
        e->closes_min = c;
        memcpy(e->name, day.name, sizeof e->name);
    }
    return count;
}

/* ---- command line ---- */

/* "2027-04-30T10:00[:ss]" local Athens time, or with "Z" or "+03:00"; -1 when malformed
 * or a local time the clocks skip */
int hours_parse_instant(const char *s, time_t *out)
{
    char date[11];
    int h, mi, sec = 0, off = 0, oh, om;
    bool local = true;
    if (!s || strlen(s) < 16)
        return -1;
    memcpy(date, s, 10);
    date[10] = '\0';
    int dv = hours_parse_date(date);
    const char *p = s + 10;
    if (dv < 0 || (*p != 'T' && *p != 't' && *p != ' '))
        return -1;
    p++;
    if (!read_digits(&p, 2, &h) || *p++ != ':' || !read_digits(&p, 2, &mi))
        return -1;
    if (*p == ':' && (p++, !read_digits(&p, 2, &sec)))
        return -1;
    if (*p == 'Z' || *p == 'z') {
        local = false;
        p++;
    } else if (*p == '+' || *p == '-') {
        int sign = *p++ == '-' ? -1 : 1;
        if (!read_digits(&p, 2, &oh))
            return -1;
        if (*p == ':')
            p++;
        if (!read_digits(&p, 2, &om) || oh > 14 || om > 59)
            return -1;
        off = sign * (oh * 3600 + om * 60);
        local = false;
    }
    if (*p || h > 23 || mi > 59 || sec > 59)
        return -1;
    if (!local) {
        *out = (time_t)days_from_civil(dv / 10000, dv / 100 % 100, dv % 100) * 86400 +
               h * 3600 + mi * 60 + sec - off;
        return 0;
    }
    time_t at[2], probe[2];
    if (wall_instants(dv, h * 60 + mi, at, probe) == 0)
        return -1;
    *out = at[0] + sec;      /* the repeated October hour: its first (summer-time) pass */
    return 0;
}

/* `kiosk hours --at WHEN`: "el: ..." and "en: ..." lines */
int hours_cli_at(const HoursTable *t, const char *when, FILE *out)
{
    time_t at;
    if (hours_parse_instant(when, &at) != 0) {
        fprintf(stderr, "hours: cannot read the time \"%s\": expected YYYY-MM-DDTHH:MM "
                "(Athens time; add Z or +03:00 for another offset); a time the clocks "
                "skip in March does not exist\n", when ? when : "");
        return 1;
    }
    HoursStatus s;
    char line[512];
    hours_status_at(t, at, &s);
    for (int l = 0; l < LANG_COUNT; l++) {
        hours_format_status(&s, at, (Lang)l, line, sizeof line);
        fprintf(out, "%s: %s\n", i18n_code((Lang)l), line);
    }
    return 0;
}

/* what the staff table says about a day: "09:00-13:00, 17:00-20:00" or "closed" */
static void put_day_hours(char *buf, size_t n, const HoursDay *day)
{
    size_t len = 0;
    buf[0] = '\0';
    if (day->n_spans == 0)
        put(buf, n, &len, "closed");
    for (int i = 0; i < day->n_spans; i++)
        put(buf, n, &len, "%s%02d:%02d-%02d:%02d", i ? ", " : "", day->spans[i].opens_min / 60,
            day->spans[i].opens_min % 60, day->spans[i].closes_min / 60,
            day->spans[i].closes_min % 60);
}

/* `kiosk hours --from DATE --days N`: a day-by-day table for staff */
int hours_cli_table(const HoursTable *t, const char *from, int days, FILE *out)
{
    int start = hours_parse_date(from);
    if (start < 0 || days < 1 || days > LOOKAHEAD) {
        fprintf(stderr, "hours: expected --from YYYY-MM-DD and --days 1..%d\n", LOOKAHEAD);
        return 1;
    }
    static const char *const kind[] = {
        [HOURS_OPEN] = "", [HOURS_SPECIAL] = "special hours: ", [HOURS_AFTER_HOURS] = "",
        [HOURS_WEEKEND] = "", [HOURS_HOLIDAY] = "public holiday: ",
        [HOURS_CLOSURE] = "closure: ", [HOURS_NO_SCHEDULE] = "no schedule" };
    fprintf(out, "Opening hours, Europe/Athens, %d day%s from %.10s\n", days,
            days == 1 ? "" : "s", from);
    fprintf(out, "%-10s  %-7s  %-26s  %s\n", "date", "day", "hours", "why");
    HoursDay day;
    char hrs[256], line[1024];
    for (int k = 0; k < days; k++) {
        HoursDate d = date_add(start, k);
        size_t len = 0;
        day_of(t, d, &day);
        put_day_hours(hrs, sizeof hrs, &day);
        put(line, sizeof line, &len, "%04d-%02d-%02d  %s %s  %-26s  %s", d / 10000,
            d / 100 % 100, d % 100, i18n_weekday_short(LANG_EN, day.weekday),
            i18n_weekday_short(LANG_EL, day.weekday), hrs, kind[day.reason]);
        if (day.name[LANG_EN][0] && strcmp(day.name[LANG_EN], day.name[LANG_EL]) != 0)
            put(line, sizeof line, &len, "%s / %s", day.name[LANG_EN], day.name[LANG_EL]);
        else
            put(line, sizeof line, &len, "%s", day.name[LANG_EN]);
        while (len > 0 && line[len - 1] == ' ')
            line[--len] = '\0';
        fprintf(out, "%s\n", line);
    }
    return 0;
}
