/* hours.h - opening hours: open or closed at any instant, until when, and why.
 * Inputs are the HSDS schedule rows, the closures extension and the Greek public
 * holidays computed from the calendar; times are Europe/Athens wall-clock time. */
#ifndef HOURS_H
#define HOURS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
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

/* why the office is open or closed; a day or an instant has exactly one */
typedef enum {
    HOURS_OPEN,         /* the weekly schedule */
    HOURS_SPECIAL,      /* special hours: a staff-entered closure or a shortened day */
    HOURS_AFTER_HOURS,  /* a working day, outside its periods */
    HOURS_WEEKEND,      /* the weekly schedule has no period on this weekday */
    HOURS_HOLIDAY,      /* a Greek public holiday (or the 3 October city holiday) */
    HOURS_CLOSURE,      /* a staff-entered closure */
    HOURS_NO_SCHEDULE   /* no schedule row is valid on this date */
} HoursReason;

/* one opening span of a day, minutes after local midnight, opens < closes <= 1440 */
typedef struct HoursSpan {
    int opens_min, closes_min;
} HoursSpan;

/* one local day after holidays and closures: what the hours screen shows */
typedef struct HoursDay {
    HoursDate date;
    int weekday;                /* 0 = Monday .. 6 = Sunday */
    int n_spans;                /* 0: closed all day */
    HoursSpan spans[HOURS_MAX_PERIODS]; /* sorted, overlaps merged */
    HoursReason reason;         /* OPEN or SPECIAL when n_spans > 0, else why closed */
    char name[LANG_COUNT][HOURS_REASON_MAX]; /* holiday name or closure reason, else "" */
} HoursDay;

/* the state at one instant: what the home screen shows */
typedef struct HoursStatus {
    bool open;
    HoursReason reason;         /* open: OPEN or SPECIAL; closed: any but OPEN */
    bool all_day;               /* closed: closed the whole local day */
    char name[LANG_COUNT][HOURS_REASON_MAX]; /* today's holiday or closure reason, else "" */
    time_t next_change;         /* the first instant the state differs; 0: none within 366 days */
    HoursDate until_date;       /* local date and time of next_change (closing when open, */
    int until_min;              /* next opening when closed); until_date 0 with next_change 0 */
} HoursStatus;

/* one holiday, closure or special-hours run of days, for "closures in the next N days" */
typedef struct HoursClosing {
    HoursDate from, to;         /* inclusive */
    HoursReason reason;         /* HOURS_HOLIDAY, HOURS_CLOSURE or HOURS_SPECIAL */
    int opens_min, closes_min;  /* SPECIAL: the first span of those days; else 0 */
    char name[LANG_COUNT][HOURS_REASON_MAX];
} HoursClosing;

/* Time zone: set TZ=":Europe/Athens" (setenv + tzset) once at start-up, before any
 * thread starts, then every conversion below uses localtime_r/mktime with the system
 * tz database (package tzdata), daylight saving included. Returns 0, or -1 when the
 * zone does not load (tzdata missing: the C library would silently use UTC). */
int hours_use_athens_time(void);

/* Orthodox Easter Sunday (Julian computus, as a Gregorian date) for 1583..9999; -1 outside */
int hours_easter(int year, int *month, int *day);
/* 1 and *name (static, never NULL) when y-m-d is a public holiday for t (t may be NULL:
 * no city holiday); 0 otherwise or on an impossible date */
int hours_holiday(const HoursTable *t, int y, int m, int d, Lang lang, const char **name);
/* the spans of one local day after holidays, closures and shortened days; -1 on an impossible date */
int hours_day(const HoursTable *t, int y, int m, int d, HoursDay *out);
/* open or closed at now, why, and until when (looking ahead up to 366 days) */
void hours_status_at(const HoursTable *t, time_t now, HoursStatus *s);
/* the home-screen line, "Open now · closes at 17:00"; truncated at a character boundary */
void hours_format_status(const HoursStatus *s, time_t now, Lang lang, char *out, size_t n);
/* holidays, closures and special hours from today for days days, runs of the same
 * reason merged; fills at most max and returns how many were filled */
int hours_upcoming_closures(const HoursTable *t, time_t now, int days, HoursClosing *out, int max);
/* "2027-04-30T10:00[:ss]" local Athens time, or with "Z" or "+03:00": 0 and *out; -1 when
 * malformed, or a local time that does not exist (clocks go forward) */
int hours_parse_instant(const char *s, time_t *out);

/* `kiosk hours --at WHEN`: "el: ..." and "en: ..." lines; non-zero and a message on stderr if malformed */
int hours_cli_at(const HoursTable *t, const char *when, FILE *out);
/* `kiosk hours --from DATE --days N`: a day-by-day table for staff; non-zero if malformed */
int hours_cli_table(const HoursTable *t, const char *from, int days, FILE *out);
#endif
