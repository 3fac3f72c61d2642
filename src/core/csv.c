/* csv.c - RFC 4180 CSV reader and writer.
 * Start reading at csv_next(): one call parses one record byte by byte from a 64 KiB
 * window (get_byte() refills it), storing the fields one after another, each
 * NUL-terminated, in one growing buffer. A problem inside a record (invalid UTF-8,
 * a NUL byte, an over-long field) spoils that record only; a problem with the file
 * itself (an unclosed quote, a size limit) stops the reader. */
#include "core/csv.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "core/text.h"

#define WINDOW 65536

struct CsvReader {
    FILE *f;                    /* NULL when reading from memory */
    unsigned char *window;
    const unsigned char *p, *end; /* unread bytes */
    long long taken;            /* bytes taken from the source */
    int pushback;               /* one byte given back by unget_byte(), or -1 */
    bool io_error, too_big, started, fatal;
    char *rec;                  /* the record's fields, each NUL-terminated */
    size_t len, cap;
    size_t *off;                /* where each field starts in rec */
    int n, off_cap;
    int line;                   /* the physical line being read */
    int sep;                    /* ',' or, sniffed from the first line, ';' or '\t' */
    bool bom;                   /* the file started with a UTF-8 BOM */
    int rec_line;
    long records;
    CsvStatus err;
    int err_line, err_col;
    char msg[200];
};

/* a reader with nothing read yet; NULL when out of memory */
static CsvReader *reader_new(void)
{
    CsvReader *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->pushback = -1;
    r->line = 1;
    r->sep = ',';
    return r;
}

/* opens a CSV file for reading; NULL when it cannot be opened (err gets why) */
CsvReader *csv_open(const char *path, char *err, size_t n)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (err && n)
            snprintf(err, n, "cannot open: %s", strerror(errno));
        return NULL;
    }
    CsvReader *r = reader_new();
    unsigned char *w = malloc(WINDOW);
    if (!r || !w) {
        free(r);
        free(w);
        fclose(f);
        if (err && n)
            snprintf(err, n, "out of memory");
        return NULL;
    }
    r->f = f;
    r->window = w;
    r->p = r->end = w;
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > CSV_MAX_FILE)
        r->too_big = true;
    return r;
}

/* reads from memory (data must outlive the reader); NULL only when out of memory */
CsvReader *csv_open_mem(const char *data, size_t len)
{
    CsvReader *r = reader_new();
    if (!r)
        return NULL;
    r->p = (const unsigned char *)data;
    r->end = r->p + len;
    r->taken = (long long)len;
    r->too_big = len > (size_t)CSV_MAX_FILE;
    return r;
}

/* closes the file and frees the reader; NULL is fine */
void csv_close(CsvReader *r)
{
    if (!r)
        return;
    if (r->f)
        fclose(r->f);
    free(r->window);
    free(r->rec);
    free(r->off);
    free(r);
}

/* the next byte, or EOF at the end, on a read error or past the size limit */
static inline int get_byte(CsvReader *r)
{
    if (r->pushback >= 0) {
        int c = r->pushback;
        r->pushback = -1;
        return c;
    }
    if (r->p == r->end) {
        if (!r->f || r->too_big || r->io_error)
            return EOF;
        size_t got = fread(r->window, 1, WINDOW, r->f);
        if (got == 0) {
            if (ferror(r->f))
                r->io_error = true;
            return EOF;
        }
        r->taken += (long long)got;
        if (r->taken > CSV_MAX_FILE) {
            r->too_big = true;
            return EOF;
        }
        r->p = r->window;
        r->end = r->window + got;
    }
    return *r->p++;
}

/* gives one byte back to get_byte(); EOF is not given back */
static inline void unget_byte(CsvReader *r, int c)
{
    if (c != EOF)
        r->pushback = c;
}

/* records the problem; a fatal one stops the reader. Returns the status. */
static CsvStatus set_error(CsvReader *r, CsvStatus st, int line, int col, const char *fmt, ...)
{
    va_list ap;
    r->err = st;
    r->err_line = line;
    r->err_col = col;
    va_start(ap, fmt);
    vsnprintf(r->msg, sizeof r->msg, fmt, ap);
    va_end(ap);
    if (st >= CSV_ERR_QUOTE)
        r->fatal = true;
    return st;
}

/* appends one byte to the record buffer; false when out of memory */
static bool put_byte(CsvReader *r, unsigned char c)
{
    if (r->len == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 1024;
        char *p = realloc(r->rec, cap);
        if (!p)
            return false;
        r->rec = p;
        r->cap = cap;
    }
    r->rec[r->len++] = (char)c;
    return true;
}

/* the error that stops the reader after the source ended early, or CSV_OK */
static CsvStatus source_error(CsvReader *r)
{
    if (r->too_big)
        return set_error(r, CSV_ERR_FILE_BIG, 0, 0,
                         "the file is larger than %ld MiB", CSV_MAX_FILE / (1024 * 1024));
    if (r->io_error)
        return set_error(r, CSV_ERR_IO, r->line, 0, "the file could not be read (a read error)");
    return CSV_OK;
}

/* the separator of the first line in [p, end): ';' or Tab when it has no comma
 * outside quotes but those, else ','. A first line longer than the window read
 * so far keeps ',' */
static int sniff_separator(const unsigned char *p, const unsigned char *end)
{
    int commas = 0, semis = 0, tabs = 0;
    bool quoted = false;
    for (; p < end; p++) {
        if (*p == '"')
            quoted = !quoted;
        else if (!quoted && (*p == '\n' || *p == '\r'))
            break;
        else if (!quoted)
            commas += *p == ',', semis += *p == ';', tabs += *p == '\t';
    }
    if (p == end || commas)
        return ',';
    return semis ? ';' : tabs ? '\t' : ',';
}

/* checks the start of the file: skips a UTF-8 BOM, refuses UTF-16 and a file whose
 * BOM was read as Western text ("ï»¿") and saved again, sniffs the separator */
static CsvStatus read_start(CsvReader *r)
{
    r->started = true;
    if (r->too_big)
        return source_error(r);
    if (get_byte(r) == EOF)
        return CSV_OK;          /* csv_next() sees the end (or the read error) */
    r->p--;                     /* the byte came from the window: look at it again */
    size_t avail = (size_t)(r->end - r->p);
    if (avail >= 3 && memcmp(r->p, "\xEF\xBB\xBF", 3) == 0) {
        r->p += 3;
        r->bom = true;
        avail -= 3;
    }
    if (avail >= 6 && memcmp(r->p, "\xC3\xAF\xC2\xBB\xC2\xBF", 6) == 0)
        return set_error(r, CSV_ERR_WESTERN, 0, 0,
                         "the file starts with \"\xC3\xAF\xC2\xBB\xC2\xBF\": it was opened as Western "
                         "(Latin-1) text instead of UTF-8 and saved again, which garbles every "
                         "Greek letter; export again and open the file as UTF-8");
    if (avail >= 2 && (memcmp(r->p, "\xFF\xFE", 2) == 0 || memcmp(r->p, "\xFE\xFF", 2) == 0))
        return set_error(r, CSV_ERR_UTF16, 1, 1,
                         "the file is UTF-16 text: save it as \"CSV UTF-8\"");
    r->sep = sniff_separator(r->p, r->end);
    return CSV_OK;
}

/* whether the code point at s (of n bytes) is one that UTF-8's second byte becomes
 * when read as Western (Windows-1252): U+0080..U+00BF or a 1252 punctuation sign */
static bool western_continuation(const unsigned char *s, size_t n)
{
    if (n >= 2 && s[0] == 0xC2 && s[1] >= 0x80 && s[1] <= 0xBF)
        return true;            /* U+0080..U+00BF */
    if (n >= 2 && (s[0] == 0xC5 || s[0] == 0xC6 || s[0] == 0xCB))
        return true;            /* Œ œ Š š Ÿ Ž ž ƒ ˆ ˜ */
    return n >= 3 && s[0] == 0xE2 && (s[1] == 0x80 || s[1] == 0x82 || s[1] == 0x84);
}

/* whether a field looks like UTF-8 Greek read as Western and saved as UTF-8 again:
 * twice "Î" or "Ï" (or "Â", "Ã", "â") followed by what a UTF-8 continuation byte
 * becomes in Windows-1252 ("Î±" for α, "Ï€" for π) */
static bool field_garbled(const unsigned char *s, size_t n)
{
    int hits = 0;
    for (size_t i = 0; i + 2 < n && hits < 2; i++)
        if (s[i] == 0xC3 && (s[i + 1] == 0x8E || s[i + 1] == 0x8F || s[i + 1] == 0x82 ||
                             s[i + 1] == 0x83 || s[i + 1] == 0xA2) &&
            western_continuation(s + i + 2, n - i - 2))
            hits++, i++;
    return hits >= 2;
}

/* 1 when the n bytes at s, after their leading 's, are risky: see csv.h */
static int risky(const char *s, size_t n)
{
    while (n && *s == '\'')
        s++, n--;
    if (!n)
        return 0;
    if (*s && strchr("=+-@\t\r", *s))
        return 1;
    if ((n == 4 && strncasecmp(s, "true", 4) == 0) || (n == 5 && strncasecmp(s, "false", 5) == 0))
        return 1;
    bool digit = false;
    for (size_t i = 0; i < n; i++) {
        if (s[i] >= '0' && s[i] <= '9')
            digit = true;
        else if (!s[i] || !strchr(" .,:/-+%()eEaApPmM", s[i]))
            return 0;
    }
    return digit;
}

/* 1 when a spreadsheet would not keep s as text: see csv.h */
int csv_value_risky(const char *s)
{
    return risky(s, strlen(s));
}

/* reads the next record: see csv.h */
/* one byte of the field that starts at start: a NUL or an over-long field becomes the
 * record's first problem in *bad (the byte is not kept), otherwise the byte is kept
 * when store; false only when memory runs out */
static bool field_byte(CsvReader *r, int c, size_t start, int field_line, int col, bool store,
                       CsvStatus *bad)
{
    if (c == 0) {
        if (*bad == CSV_OK)
            *bad = set_error(r, CSV_ERR_NUL, r->line, col,
                             "a NUL byte: this is not a text CSV file; save it as \"CSV UTF-8\"");
    } else if (r->len - start >= CSV_MAX_FIELD) {
        if (*bad == CSV_OK)
            *bad = set_error(r, CSV_ERR_FIELD_LONG, field_line, col,
                             "a field longer than %d bytes", CSV_MAX_FIELD);
    } else if (store && !put_byte(r, (unsigned char)c)) {
        return false;
    }
    return true;
}

CsvStatus csv_next(CsvReader *r)
{
    if (r->fatal)
        return CSV_END;
    if (!r->started) {
        CsvStatus st = read_start(r);
        if (st != CSV_OK)
            return st;
    }
    r->len = 0;
    r->n = 0;
    int c = get_byte(r);
    if (c == EOF) {
        CsvStatus st = source_error(r);
        return st != CSV_OK ? st : CSV_END;
    }
    r->rec_line = r->line;
    if (++r->records > (long)CSV_MAX_ROWS + 1)
        return set_error(r, CSV_ERR_ROWS, r->line, 0,
                         "more than %d rows: the kiosk reads at most that many", CSV_MAX_ROWS);

    CsvStatus bad = CSV_OK;     /* the first problem in this record */
    for (;;) {
        int col = r->n + 1, field_line = r->line;
        size_t start = r->len;
        bool store = r->n < CSV_MAX_FIELDS;
        if (!store && bad == CSV_OK)
            bad = set_error(r, CSV_ERR_FIELDS, r->line, col,
                            "more than %d fields in one row", CSV_MAX_FIELDS);
        if (c == '"') {
            int quote_line = r->line;
            for (;;) {
                c = get_byte(r);
                if (c == EOF) {
                    CsvStatus st = source_error(r);
                    if (st != CSV_OK)
                        return st;
                    return set_error(r, CSV_ERR_QUOTE, quote_line, col,
                                     "a quoted field is never closed: a \" is missing");
                }
                if (c == '"') {
                    c = get_byte(r);
                    if (c != '"')
                        break;          /* c follows the closing quote */
                } else if (c == '\r' || c == '\n') {
                    if (c == '\r') {
                        int d = get_byte(r);
                        if (d != '\n')
                            unget_byte(r, d);
                    }
                    r->line++;
                    c = '\n';
                }
                if (!field_byte(r, c, start, field_line, col, store, &bad))
                    return set_error(r, CSV_ERR_NOMEM, r->line, col, "out of memory");
            }
        }
        /* unquoted text, or text after a closing quote (kept as written) */
        while (c != r->sep && c != '\n' && c != '\r' && c != EOF) {
            if (!field_byte(r, c, start, field_line, col, store, &bad))
                return set_error(r, CSV_ERR_NOMEM, r->line, col, "out of memory");
            c = get_byte(r);
        }
        if (store) {
            /* rec is still NULL when nothing was stored yet (a first field of NULs) */
            if (bad == CSV_OK && r->rec && !text_utf8_valid(r->rec + start, r->len - start))
                bad = set_error(r, CSV_ERR_UTF8, field_line, col,
                                "invalid UTF-8 in field %d: the file was saved in another "
                                "encoding (Greek Windows-1253 or Western), not UTF-8; save it "
                                "as \"CSV UTF-8\"", col);
            else if (bad == CSV_OK && r->rec &&
                     field_garbled((const unsigned char *)r->rec + start, r->len - start))
                bad = set_error(r, CSV_ERR_GARBLED, field_line, col,
                                "the Greek letters of field %d are garbled (\"\xC3\x8E\xC2\xB1\" "
                                "for \"\xCE\xB1\"): the file was opened as Western (Latin-1) "
                                "instead of UTF-8 and saved again; export again and open it as "
                                "UTF-8", col);
            /* a spreadsheet mark: "'+30..." is read as "+30..." */
            if (r->rec && r->len > start && r->rec[start] == '\'' &&
                risky(r->rec + start, r->len - start)) {
                memmove(r->rec + start, r->rec + start + 1, r->len - start - 1);
                r->len--;
            }
            if (r->n == r->off_cap) {
                int cap = r->off_cap ? r->off_cap * 2 : 32;
                size_t *o = realloc(r->off, (size_t)cap * sizeof *o);
                if (!o)
                    return set_error(r, CSV_ERR_NOMEM, r->line, col, "out of memory");
                r->off = o;
                r->off_cap = cap;
            }
            r->off[r->n++] = start;
            if (!put_byte(r, 0))
                return set_error(r, CSV_ERR_NOMEM, r->line, col, "out of memory");
        }
        if (c == r->sep) {
            c = get_byte(r);
            continue;
        }
        if (c == '\r') {
            int d = get_byte(r);
            if (d != '\n')
                unget_byte(r, d);
        }
        if (c != EOF)
            r->line++;
        break;
    }
    CsvStatus st = source_error(r);
    if (st != CSV_OK)
        return st;
    if (bad != CSV_OK)
        r->n = 0;
    return bad;
}

/* fields in the current record; 0 after an error */
int csv_field_count(const CsvReader *r)
{
    return r->n;
}

/* field i of the current record; "" when out of range */
const char *csv_field(const CsvReader *r, int i)
{
    return i >= 0 && i < r->n ? r->rec + r->off[i] : "";
}

/* the length in bytes of field i; 0 when out of range */
size_t csv_field_len(const CsvReader *r, int i)
{
    if (i < 0 || i >= r->n)
        return 0;
    size_t next = i + 1 < r->n ? r->off[i + 1] : r->len;
    return next - r->off[i] - 1;
}

/* the physical line on which the current record starts */
int csv_line(const CsvReader *r)
{
    return r->rec_line;
}

/* records read so far, the header included */
long csv_records(const CsvReader *r)
{
    return r->records;
}

/* the separator the file is read with */
char csv_separator(const CsvReader *r)
{
    return (char)r->sep;
}

/* whether the file started with a UTF-8 BOM */
int csv_had_bom(const CsvReader *r)
{
    return r->bom;
}

/* the line of the last error; 0 when it is about the whole file */
int csv_error_line(const CsvReader *r)
{
    return r->err_line;
}

/* the 1-based field of the last error; 0 when not about one field */
int csv_error_column(const CsvReader *r)
{
    return r->err_col;
}

/* the last error as a sentence for staff */
const char *csv_error_message(const CsvReader *r)
{
    return r->msg;
}

/* writes the UTF-8 BOM; -1 on a write error */
int csv_write_bom(FILE *f)
{
    return fwrite("\xEF\xBB\xBF", 1, 3, f) == 3 ? 0 : -1;
}

static int csv_write_fields(FILE *f, const char *const *fields, const unsigned char *text,
                            bool quote_all, int n);

/* whether a spreadsheet could run s as a formula: it starts with = @ Tab CR, or with
 * + or - and is not a plain number ("-12.5" is one) */
static bool formula_like(const char *s)
{
    if (!*s || !strchr("=@\t\r+-", *s))
        return false;
    if (*s != '+' && *s != '-')
        return true;
    char *end;
    strtod(s, &end);
    return end == s || *end;
}

/* writes one record with CRLF, quoting where RFC 4180 requires; -1 on a write error */
int csv_write_record(FILE *f, const char *const *fields, int n)
{
    return csv_write_fields(f, fields, NULL, false, n);
}

/* writes one record, text fields quoted and marked; see csv.h. -1 on a write error */
int csv_write_row(FILE *f, const char *const *fields, const unsigned char *text, int n)
{
    return csv_write_fields(f, fields, text, true, n);
}

/* writes one record with CRLF: every non-empty field quoted when quote_all, else
 * only where RFC 4180 requires; text fields (and values that start with ') marked
 * when risky. -1 on a write error */
static int csv_write_fields(FILE *f, const char *const *fields, const unsigned char *text,
                            bool quote_all, int n)
{
    for (int i = 0; i < n; i++) {
        const char *s = fields[i] ? fields[i] : "";
        bool mark = ((text && text[i]) || *s == '\'' || formula_like(s)) && csv_value_risky(s);
        if (i > 0 && putc(',', f) == EOF)
            return -1;
        if (!mark && !(quote_all && *s) && !s[strcspn(s, ",\"\r\n")]) {
            if (fputs(s, f) == EOF && *s)
                return -1;
            continue;
        }
        if (putc('"', f) == EOF || (mark && putc('\'', f) == EOF))
            return -1;
        for (; *s; s++)
            if ((*s == '"' && putc('"', f) == EOF) || putc(*s, f) == EOF)
                return -1;
        if (putc('"', f) == EOF)
            return -1;
    }
    return fputs("\r\n", f) == EOF ? -1 : 0;
}
