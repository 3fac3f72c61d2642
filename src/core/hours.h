/* hours.h - opening hours: open or closed at any instant, until when, and why.
 * Inputs are the HSDS schedule rows, the closures extension and the Greek public
 * holidays computed from the calendar; times are Europe/Athens wall-clock time. */
#ifndef HOURS_H
#define HOURS_H
#include <stdbool.h>
#include <stddef.h>
#include <time.h>
#include "core/i18n.h"

#define HOURS_MAX_PERIODS  64
#define HOURS_MAX_CLOSURES 128
#define HOURS_REASON_MAX   160

/* a date as yyyymmdd (20270502); 0 means open-ended */
typedef int HoursDate;

/* one HSDS schedule row: the weekdays in byday, one opening period */
typedef struct HoursPeriod {
    unsigned weekdays;          /* bit 0 = Monday .. bit 6 = Sunday */
    int opens_min, closes_min;  /* minutes after local midnight, opens < closes */
    HoursDate valid_from, valid_to;
} HoursPeriod;

/* the closures extension: a date range closed, or on special hours */
typedef struct HoursClosure {
    HoursDate from, to;         /* inclusive */
    bool closed;                /* false: special hours opens_min..closes_min */
    int opens_min, closes_min;
    char reason[LANG_COUNT][HOURS_REASON_MAX];
} HoursClosure;

typedef struct HoursTable {
    HoursPeriod periods[HOURS_MAX_PERIODS];
    int n_periods;
    HoursClosure closures[HOURS_MAX_CLOSURES];
    int n_closures;
    bool city_holiday;          /* 3 October closes the municipal office */
    bool shortened_days;        /* 24 and 31 December close early (at 14:00 unless set) */
} HoursTable;

/* "09:00" or "09:00:00" -> 540 ("24:00" -> 1440, end of day); -1 when malformed or out of range */
int hours_parse_time(const char *s);
/* "MO,TU,WE" (any case, spaces allowed) -> weekday mask; -1 on an unknown day or empty */
int hours_parse_byday(const char *s);
/* "2027-04-30" -> 20270430; -1 when malformed or not a real date */
int hours_parse_date(const char *s);
#endif
