/* sheet.h - what spreadsheets do to the values of a package, read back where that
 * is safe and named where it is not (issue 14: "no silent change, ever").
 * LibreOffice and Excel save 09:00 as "09:00:00" or "9:00:00 AM", dates in the PC's
 * order ("24/2/2023"), true as "TRUE", a phone's "+30..." as "30...", long numbers
 * as "3.02104E+11", and on a Greek PC read the '.' of 23.727 as a thousands separator.
 * Each sheet_read_*() gives the value the kiosk stores in out and returns
 * SHEET_SAME (as written), SHEET_READ (normalised: tell staff how it was read) or
 * SHEET_BAD (not a value of that kind; why, when given, names the likely cause). */
#ifndef SHEET_H
#define SHEET_H
#include <stddef.h>

typedef enum { SHEET_SAME = 0, SHEET_READ = 1, SHEET_BAD = -1 } SheetRead;

/* a time of day: "09:00" as it is; "9:00", "09:00:00", "9:00 AM", "5:00 PM",
 * "9:00 π.μ." read as "HH:MM"; "24:00" is the end of the day. out: 6 bytes or more */
SheetRead sheet_read_time(const char *in, char *out, size_t n);
/* a date: "2027-04-30" as it is; "30/4/2027", "30.4.2027", "30-4-2027" (the Greek
 * order, day first) and two-digit years ("30/4/27") read as ISO. A month over 12
 * with a day that fits ("4/30/2027") is refused as the American order.
 * out: 11 bytes or more */
SheetRead sheet_read_date(const char *in, char *out, size_t n, char *why, size_t why_n);
/* true or false: "true"/"false" as they are; "TRUE", "False", "ΑΛΗΘΕΣ", "ΨΕΥΔΕΣ"
 * (Excel's Greek words), "1", "0" read as true/false. out: 6 bytes or more */
SheetRead sheet_read_bool(const char *in, char *out, size_t n);
/* 1 when a phone number looks changed by a spreadsheet: why names the cause ("the +
 * of a phone number was dropped", "written as 3.02104E+11: digits are lost"); 0.
 * why may be NULL */
int sheet_phone_damaged(const char *number, char *why, size_t why_n);
/* 1 when a coordinate out of range (lat: limit 90, lon: 180) looks like a number
 * whose '.' a Greek spreadsheet read as a thousands separator ("23727" for 23.727):
 * why (which may be NULL) names it; 0 */
int sheet_decimal_damaged(const char *value, double limit, char *why, size_t why_n);

/* the two lines kiosk check prints once when it sees what a spreadsheet did */
extern const char SHEET_HINT[];
#endif
