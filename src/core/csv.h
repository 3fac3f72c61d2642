/* csv.h - RFC 4180 CSV: a streaming reader that names the line and column of each
 * problem, and a writer that spreadsheets open with Greek intact.
 * Reading: quoted fields, doubled quotes, CRLF or LF (a lone CR too), newlines inside
 * quotes (a CRLF there is read as LF), a UTF-8 byte-order mark at the start skipped.
 * A file whose first line has no comma but ';' (Excel's list separator on a Greek PC)
 * or Tab is read with that separator: csv_separator() says which.
 * Spreadsheet marks: a cell that a spreadsheet would turn into a number, a date or a
 * formula ("+30...", "007", "=HYPERLINK(...)") is written with a ' in front (OWASP's
 * advice against CSV injection), which LibreOffice and Excel keep as part of the text;
 * the reader takes that one ' off again, so the round trip is lossless. Exactly:
 * csv_write_row() marks a value that is "risky" after its leading 's
 * (csv_value_risky()) when it is a text field, starts with ' or could run as a
 * formula; reading takes one ' off every value that starts with ' and is risky after
 * its leading 's (so "'007" typed in another program is read as "007").
 * Lines are physical lines of the file, 1-based; a "column" is the 1-based index of
 * the field in its record (not a character position), as a spreadsheet numbers them.
 * The reader holds one record at a time: memory does not grow with the file. */
#ifndef CSV_H
#define CSV_H
#include <stddef.h>
#include <stdio.h>

#define CSV_MAX_FIELD   16384               /* bytes in one field */
#define CSV_MAX_FIELDS  4096                /* fields in one record */
#define CSV_MAX_FILE    (64L * 1024 * 1024) /* bytes in one file */
#define CSV_MAX_ROWS    1000000             /* records after the header */

typedef enum {
    CSV_OK = 0,         /* a record is ready: csv_field() */
    CSV_END,            /* no more records (also after a fatal error) */
    /* the record is unusable, the next csv_next() goes on with the following one */
    CSV_ERR_UTF8,       /* a field is not valid UTF-8 */
    CSV_ERR_NUL,        /* a NUL byte: a binary or UTF-16 file */
    CSV_ERR_GARBLED,    /* UTF-8 text read as Western (Latin-1) and saved again: "Î±" */
    CSV_ERR_FIELD_LONG, /* a field over CSV_MAX_FIELD */
    CSV_ERR_FIELDS,     /* a record over CSV_MAX_FIELDS */
    /* fatal: reading stops */
    CSV_ERR_QUOTE,      /* a quoted field never closed before the end of the file */
    CSV_ERR_UTF16,      /* the file starts with a UTF-16 byte-order mark */
    CSV_ERR_WESTERN,    /* the file starts with "ï»¿": opened as Western and saved again */
    CSV_ERR_FILE_BIG,   /* the file is over CSV_MAX_FILE */
    CSV_ERR_ROWS,       /* more than CSV_MAX_ROWS records after the header */
    CSV_ERR_IO,         /* a read failed */
    CSV_ERR_NOMEM,
} CsvStatus;

typedef struct CsvReader CsvReader;

/* opens a CSV file for reading; NULL when it cannot be opened (err gets why) */
CsvReader *csv_open(const char *path, char *err, size_t n);
/* reads from memory (data must outlive the reader); NULL only when out of memory */
CsvReader *csv_open_mem(const char *data, size_t len);
void csv_close(CsvReader *r);

/* reads the next record. CSV_OK: fields are ready; CSV_END: done; an error: the line,
 * column and message are in csv_error_*() and the record's fields are not valid */
CsvStatus csv_next(CsvReader *r);
int csv_field_count(const CsvReader *r);
/* field i (0-based) of the current record, NUL-terminated; "" when i is out of range */
const char *csv_field(const CsvReader *r, int i);
size_t csv_field_len(const CsvReader *r, int i);
/* the physical line on which the current record starts */
int csv_line(const CsvReader *r);
/* records read so far, the header included */
long csv_records(const CsvReader *r);
/* the separator the file was read with: ',' or, sniffed from the first line, ';' or '\t' */
char csv_separator(const CsvReader *r);
/* whether the file started with a UTF-8 byte-order mark */
int csv_had_bom(const CsvReader *r);

/* where the last error is: line 0 when it is about the whole file */
int csv_error_line(const CsvReader *r);
int csv_error_column(const CsvReader *r);
/* a sentence a member of staff can act on: "invalid UTF-8 ... save as CSV UTF-8" */
const char *csv_error_message(const CsvReader *r);

/* writes the UTF-8 byte-order mark that makes spreadsheets read the file as UTF-8 */
int csv_write_bom(FILE *f);
/* writes one record with a CRLF line end; fields holding a comma, quote, CR or LF
 * are quoted, quotes doubled. NULL fields are written empty. 0, or -1 on a write error */
int csv_write_record(FILE *f, const char *const *fields, int n);
/* writes one record as csv_write_record() does, but every non-empty field quoted (so
 * no ';' or Tab splits it in a spreadsheet, and "Format quoted field as text" keeps
 * it) and each field i with text[i] marked when risky; any field that starts with '
 * and is risky after its 's is marked too, so that reading gives it back, and any
 * that a spreadsheet could run as a formula (not a plain number like -12.5). text may
 * be NULL: no text fields. 0, or -1 on a write error */
int csv_write_row(FILE *f, const char *const *fields, const unsigned char *text, int n);
/* 1 when a spreadsheet would not keep s as text (after its leading 's): it starts
 * with = + - @ Tab or CR, is TRUE/FALSE, or holds only digits, spaces and . , : / - +
 * % ( ) E AM PM with at least one digit ("007", "23.727", "09:00", "24/12/2026") */
int csv_value_risky(const char *s);
#endif
