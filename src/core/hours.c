/* hours.c - opening hours: open or closed at any instant, until when, and why.
 * Start reading at hours_status_at(): it asks hours_day() for each local day from
 * today on, and hours_day() layers the weekly schedule, the Greek public holidays
 * and the staff-entered closures. Wall-clock conversions go through the C library
 * with TZ set to Europe/Athens (hours_use_athens_time), so daylight saving comes
 * from the system tz database, never from a fixed offset. */
#include "core/hours.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
