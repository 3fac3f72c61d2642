/* test_csv.c - the CSV reader and writer: what a spreadsheet saves is read back
 * field for field, and every broken file gets a message with its line and column. */
#include "testutil.h"
#include "core/csv.h"

/* reads every record of text; each record's fields joined with '|' and records
 * with '/' into out. Returns the status that ended the reading. */
static CsvStatus read_all(const char *text, size_t len, char *out, size_t n, CsvReader **keep)
{
    CsvReader *r = csv_open_mem(text, len);
    assert_non_null(r);
    out[0] = 0;
    CsvStatus st;
    while ((st = csv_next(r)) == CSV_OK) {
        if (out[0])
            strncat(out, "/", n - strlen(out) - 1);
        for (int i = 0; i < csv_field_count(r); i++) {
            if (i)
                strncat(out, "|", n - strlen(out) - 1);
            strncat(out, csv_field(r, i), n - strlen(out) - 1);
        }
    }
    if (keep)
        *keep = r;
    else
        csv_close(r);
    return st;
}

/* quoted fields keep their commas, doubled quotes and line breaks */
static void test_quoted_fields_keep_commas_quotes_and_line_breaks(void **state)
{
    (void)state;
    static const char text[] = "id,name,note\n"
                               "1,\"Athens, Greece\",\"say \"\"hello\"\"\"\n"
                               "2,\"two\nlines\",\n";
    char out[256];
    assert_int_equal(read_all(text, sizeof text - 1, out, sizeof out, NULL), CSV_END);
    assert_string_equal(out, "id|name|note/1|Athens, Greece|say \"hello\"/2|two\nlines|");
}

/* CRLF, LF and a final line without a line end all end records the same way */
static void test_crlf_and_lf_line_ends_read_alike(void **state)
{
    (void)state;
    static const char crlf[] = "a,b\r\n1,2\r\n3,4", lf[] = "a,b\n1,2\n3,4\n";
    char a[128], b[128];
    assert_int_equal(read_all(crlf, sizeof crlf - 1, a, sizeof a, NULL), CSV_END);
    assert_int_equal(read_all(lf, sizeof lf - 1, b, sizeof b, NULL), CSV_END);
    assert_string_equal(a, "a|b/1|2/3|4");
    assert_string_equal(b, a);
}

/* a CRLF inside a quoted field is read as one LF, so texts show one line break */
static void test_crlf_inside_quotes_becomes_one_line_break(void **state)
{
    (void)state;
    static const char text[] = "\"one\r\n\r\ntwo\"\r\n";
    CsvReader *r = csv_open_mem(text, sizeof text - 1);
    assert_int_equal(csv_next(r), CSV_OK);
    assert_string_equal(csv_field(r, 0), "one\n\ntwo");
    assert_int_equal(csv_field_len(r, 0), 8);
    assert_int_equal(csv_next(r), CSV_END);
    csv_close(r);
}

/* the byte-order mark a spreadsheet writes is not part of the first column's name */
static void test_byte_order_mark_is_not_part_of_the_first_header(void **state)
{
    (void)state;
    static const char text[] = "\xEF\xBB\xBFid,όνομα\n1,Αθήνα\n";
    char out[128];
    assert_int_equal(read_all(text, sizeof text - 1, out, sizeof out, NULL), CSV_END);
    assert_string_equal(out, "id|όνομα/1|Αθήνα");
}

/* records report the physical line they start on, counting lines inside quotes */
static void test_records_know_the_line_they_start_on(void **state)
{
    (void)state;
    static const char text[] = "h\n\"a\nb\nc\"\nnext\n";
    CsvReader *r = csv_open_mem(text, sizeof text - 1);
    assert_int_equal(csv_next(r), CSV_OK);
    assert_int_equal(csv_line(r), 1);
    assert_int_equal(csv_next(r), CSV_OK);
    assert_int_equal(csv_line(r), 2);
    assert_int_equal(csv_next(r), CSV_OK);
    assert_int_equal(csv_line(r), 5);
    assert_string_equal(csv_field(r, 0), "next");
    assert_int_equal(csv_records(r), 3);
    csv_close(r);
}

/* empty fields, empty lines and out-of-range fields are "" */
static void test_empty_fields_read_as_empty_strings(void **state)
{
    (void)state;
    static const char text[] = ",,\n\n\"\"\n";
    CsvReader *r = csv_open_mem(text, sizeof text - 1);
    assert_int_equal(csv_next(r), CSV_OK);
    assert_int_equal(csv_field_count(r), 3);
    assert_string_equal(csv_field(r, 2), "");
    assert_string_equal(csv_field(r, 7), "");
    assert_int_equal(csv_next(r), CSV_OK);
    assert_int_equal(csv_field_count(r), 1);
    assert_int_equal(csv_next(r), CSV_OK);
    assert_int_equal(csv_field_count(r), 1);
    assert_string_equal(csv_field(r, 0), "");
    assert_int_equal(csv_next(r), CSV_END);
    csv_close(r);
}

/* invalid UTF-8 (a Windows-1253 Greek file) names the line and field, and the rows
 * after it are still read */
static void test_invalid_utf8_names_line_and_field_and_reading_goes_on(void **state)
{
    (void)state;
    static const char text[] = "id,name\n1,ok\n2,\xC1\xE8\xDE\xED\xE1\n3,fine\n";
    CsvReader *r = csv_open_mem(text, sizeof text - 1);
    assert_int_equal(csv_next(r), CSV_OK);
    assert_int_equal(csv_next(r), CSV_OK);
    assert_int_equal(csv_next(r), CSV_ERR_UTF8);
    assert_int_equal(csv_error_line(r), 3);
    assert_int_equal(csv_error_column(r), 2);
    assert_non_null(strstr(csv_error_message(r), "UTF-8"));
    assert_int_equal(csv_next(r), CSV_OK);
    assert_string_equal(csv_field(r, 1), "fine");
    csv_close(r);
}

/* a NUL byte is refused with its line and field */
static void test_nul_byte_is_refused_with_its_place(void **state)
{
    (void)state;
    static const char text[] = "a,b,c\nx,y,z\0z\n";
    CsvReader *r = csv_open_mem(text, sizeof text - 1);
    assert_int_equal(csv_next(r), CSV_OK);
    assert_int_equal(csv_next(r), CSV_ERR_NUL);
    assert_int_equal(csv_error_line(r), 2);
    assert_int_equal(csv_error_column(r), 3);
    assert_non_null(strstr(csv_error_message(r), "NUL"));
    assert_int_equal(csv_next(r), CSV_END);
    csv_close(r);
}

/* a quote that is never closed is reported where it opened and stops the reading */
static void test_unclosed_quote_is_reported_where_it_opened(void **state)
{
    (void)state;
    static const char text[] = "a,b\n1,\"open\n2,3\n4,5\n";
    CsvReader *r = csv_open_mem(text, sizeof text - 1);
    assert_int_equal(csv_next(r), CSV_OK);
    assert_int_equal(csv_next(r), CSV_ERR_QUOTE);
    assert_int_equal(csv_error_line(r), 2);
    assert_int_equal(csv_error_column(r), 2);
    assert_non_null(strstr(csv_error_message(r), "never closed"));
    assert_int_equal(csv_next(r), CSV_END);
    csv_close(r);
}

/* a field over 16 KiB is refused, one of exactly 16 KiB is read */
static void test_field_over_16_kib_is_refused_and_16_kib_is_read(void **state)
{
    (void)state;
    size_t n = CSV_MAX_FIELD + 64;
    char *text = malloc(2 * n);
    assert_non_null(text);
    char *p = text;
    p += sprintf(p, "id,text\n1,");
    memset(p, 'x', CSV_MAX_FIELD);
    p += CSV_MAX_FIELD;
    p += sprintf(p, "\n2,\"");
    memset(p, 'y', CSV_MAX_FIELD + 1);
    p += CSV_MAX_FIELD + 1;
    p += sprintf(p, "\"\n3,ok\n");
    CsvReader *r = csv_open_mem(text, (size_t)(p - text));
    assert_int_equal(csv_next(r), CSV_OK);
    assert_int_equal(csv_next(r), CSV_OK);
    assert_int_equal(csv_field_len(r, 1), CSV_MAX_FIELD);
    assert_int_equal(csv_next(r), CSV_ERR_FIELD_LONG);
    assert_int_equal(csv_error_line(r), 3);
    assert_int_equal(csv_error_column(r), 2);
    assert_non_null(strstr(csv_error_message(r), "16384"));
    assert_int_equal(csv_next(r), CSV_OK);
    assert_string_equal(csv_field(r, 1), "ok");
    csv_close(r);
    free(text);
}

/* a file over 64 MiB is refused before any row is read */
static void test_file_over_64_mib_is_refused(void **state)
{
    (void)state;
    char *dir = test_tmpdir();
    char path[256];
    snprintf(path, sizeof path, "%s/big.csv", dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs("id\n", f);
    assert_int_equal(ftruncate(fileno(f), CSV_MAX_FILE + 1), 0); /* sparse: no 64 MiB written */
    fclose(f);
    CsvReader *r = csv_open(path, NULL, 0);
    assert_non_null(r);
    assert_int_equal(csv_next(r), CSV_ERR_FILE_BIG);
    assert_non_null(strstr(csv_error_message(r), "64 MiB"));
    assert_int_equal(csv_next(r), CSV_END);
    csv_close(r);
    test_rmdir(dir);
}

/* more than a million rows after the header are refused at the row past the limit */
static void test_more_than_a_million_rows_are_refused(void **state)
{
    (void)state;
    size_t rows = CSV_MAX_ROWS + 2;             /* the header, a million, one too many */
    char *text = malloc(rows * 2);
    assert_non_null(text);
    for (size_t i = 0; i < rows; i++) {
        text[2 * i] = '1';
        text[2 * i + 1] = '\n';
    }
    CsvReader *r = csv_open_mem(text, rows * 2);
    long ok = 0;
    CsvStatus st;
    while ((st = csv_next(r)) == CSV_OK)
        ok++;
    assert_int_equal(st, CSV_ERR_ROWS);
    assert_int_equal(ok, CSV_MAX_ROWS + 1);
    assert_int_equal(csv_error_line(r), CSV_MAX_ROWS + 2);
    csv_close(r);
    free(text);
}

/* a file saved as UTF-16 is named as such */
static void test_utf16_file_is_named_as_such(void **state)
{
    (void)state;
    static const char text[] = "\xFF\xFEi\0d\0\n\0";
    CsvReader *r = csv_open_mem(text, sizeof text - 1);
    assert_int_equal(csv_next(r), CSV_ERR_UTF16);
    assert_non_null(strstr(csv_error_message(r), "UTF-16"));
    assert_int_equal(csv_next(r), CSV_END);
    csv_close(r);
}

/* a file that does not exist gives NULL and the reason */
static void test_missing_file_gives_the_reason(void **state)
{
    (void)state;
    char err[128] = "";
    assert_null(csv_open("/nonexistent/file.csv", err, sizeof err));
    assert_non_null(strstr(err, "No such file"));
}

/* what the writer writes, the reader reads back the same, with a BOM and CRLF */
static void test_written_records_read_back_the_same(void **state)
{
    (void)state;
    static const char *const rec[] = { "plain", "a,b", "say \"hi\"", "two\nlines", "", "Ελληνικά" };
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    assert_int_equal(csv_write_bom(f), 0);
    assert_int_equal(csv_write_record(f, rec, 6), 0);
    assert_int_equal(csv_write_record(f, rec, 1), 0);
    fclose(f);
    assert_memory_equal(buf, "\xEF\xBB\xBFplain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,Ελληνικά\r\nplain\r\n", len);
    CsvReader *r = csv_open_mem(buf, len);
    assert_int_equal(csv_next(r), CSV_OK);
    assert_int_equal(csv_field_count(r), 6);
    for (int i = 0; i < 6; i++)
        assert_string_equal(csv_field(r, i), rec[i]);
    assert_int_equal(csv_next(r), CSV_OK);
    assert_int_equal(csv_next(r), CSV_END);
    csv_close(r);
    free(buf);
}

/* Excel on a Greek PC saves with ';' (the Windows list separator): the first line
 * has no comma, so the file is read with ';' and the reader says so */
static void test_semicolon_file_from_greek_excel_is_read_with_semicolons(void **state)
{
    (void)state;
    static const char text[] = "\xEF\xBB\xBFid;name;note\r\n1;\"a; b\";x,y\r\n";
    char out[128];
    CsvReader *r;
    assert_int_equal(read_all(text, sizeof text - 1, out, sizeof out, &r), CSV_END);
    assert_string_equal(out, "id|name|note/1|a; b|x,y");
    assert_int_equal(csv_separator(r), ';');
    assert_true(csv_had_bom(r));
    csv_close(r);
}

/* a comma anywhere in the first line keeps the comma; a quoted ';' does not count */
static void test_comma_file_with_semicolons_in_texts_stays_comma(void **state)
{
    (void)state;
    static const char text[] = "id,name\n1,\"Κείμενο; με ερωτηματικό\"\n";
    char out[128];
    CsvReader *r;
    assert_int_equal(read_all(text, sizeof text - 1, out, sizeof out, &r), CSV_END);
    assert_string_equal(out, "id|name/1|Κείμενο; με ερωτηματικό");
    assert_int_equal(csv_separator(r), ',');
    assert_false(csv_had_bom(r));
    csv_close(r);
    static const char tabs[] = "id\tname\r1\tΑθήνα\r";
    assert_int_equal(read_all(tabs, sizeof tabs - 1, out, sizeof out, NULL), CSV_END);
    assert_string_equal(out, "id|name/1|Αθήνα");
}

/* the regression of issue 14: a file opened as Western and saved as UTF-8 starts
 * with "ï»¿" and was reported as 'required column "id" is missing' */
static void test_bom_read_as_western_names_the_wrong_encoding(void **state)
{
    (void)state;
    static const char text[] = "\xC3\xAF\xC2\xBB\xC2\xBFid,name\n1,x\n";
    CsvReader *r = csv_open_mem(text, sizeof text - 1);
    assert_int_equal(csv_next(r), CSV_ERR_WESTERN);
    assert_non_null(strstr(csv_error_message(r), "opened as Western"));
    assert_non_null(strstr(csv_error_message(r), "UTF-8"));
    assert_int_equal(csv_next(r), CSV_END);
    csv_close(r);
}

/* Greek read as Western and saved again ("Î‘Î¸Î®" for "Αθή") is refused with the
 * cause, on its line and field; a French "Ïle de France" is not */
static void test_greek_garbled_by_western_encoding_is_named(void **state)
{
    (void)state;
    static const char text[] = "id,name\n1,\xC3\x8E\xE2\x80\x98\xC3\x8E\xC2\xB8\xC3\x8E\xC2\xAE\n"
                               "2,\xC3\x8F" "le de France\n";
    CsvReader *r = csv_open_mem(text, sizeof text - 1);
    assert_int_equal(csv_next(r), CSV_OK);
    assert_int_equal(csv_next(r), CSV_ERR_GARBLED);
    assert_int_equal(csv_error_line(r), 2);
    assert_int_equal(csv_error_column(r), 2);
    assert_non_null(strstr(csv_error_message(r), "opened as Western"));
    assert_int_equal(csv_next(r), CSV_OK);
    assert_string_equal(csv_field(r, 1), "\xC3\x8F" "le de France");
    csv_close(r);
}

/* a Greek Windows-1253 file is not UTF-8: the message names the encodings */
static void test_windows_1253_file_names_the_encoding(void **state)
{
    (void)state;
    static const char text[] = "id,name\n1,\xC1\xE8\xDE\xED\xE1\n";    /* Αθήνα in 1253 */
    CsvReader *r = csv_open_mem(text, sizeof text - 1);
    assert_int_equal(csv_next(r), CSV_OK);
    assert_int_equal(csv_next(r), CSV_ERR_UTF8);
    assert_non_null(strstr(csv_error_message(r), "Windows-1253"));
    csv_close(r);
}

/* issue 15, "exported cells that spreadsheets execute": formulas and the values a
 * spreadsheet converts are written with a ' that spreadsheets keep as text, and the
 * reader gives every value back exactly, the ones that start with ' too */
static void test_risky_cells_are_marked_and_read_back_exactly(void **state)
{
    (void)state;
    static const char *const values[] = {
        "=HYPERLINK(\"http://example.org\",\"x\")", "+302103638600", "00302103638601", "012",
        "007", "-2+3+cmd|' /C calc'!A0", "@SUM(1)", "\tTab", "09:00", "24/12/2026", "23.727",
        "TRUE", "false", "'", "''", "'007", "''+30", "'plain", "it's", "Αθήνα; Πειραιάς",
        "+30 210 3638625", "MO,TU", "accmr-phone", "", "1.0", "9:00 AM", "3.02104E+11",
    };
    enum { N = sizeof values / sizeof values[0] };
    unsigned char text[N];
    memset(text, 1, sizeof text);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_int_equal(csv_write_row(f, values, text, N), 0);
    assert_int_equal(csv_write_row(f, values, NULL, N), 0);
    fclose(f);
    /* what a spreadsheet sees: no cell starts with = + - @ Tab, no bare number */
    assert_non_null(strstr(buf, "\"'=HYPERLINK(\"\"http"));
    assert_non_null(strstr(buf, ",\"'+302103638600\","));
    assert_non_null(strstr(buf, ",\"'007\","));
    assert_non_null(strstr(buf, ",\"''007\","));
    assert_non_null(strstr(buf, ",\"'plain\","));
    assert_non_null(strstr(buf, ",\"accmr-phone\","));
    assert_non_null(strstr(buf, "\r\n\"'=HYPERLINK"));    /* no text flags: still marked, a formula */
    assert_non_null(strstr(buf, ",\"09:00\","));
    CsvReader *r = csv_open_mem(buf, len);
    for (int rec = 0; rec < 2; rec++) {
        assert_int_equal(csv_next(r), CSV_OK);
        assert_int_equal(csv_field_count(r), N);
        for (int i = 0; i < N; i++)
            assert_string_equal(csv_field(r, i), values[i]);
    }
    csv_close(r);
    free(buf);
    /* what a person types with a ' in front is theirs, unless it is a mark */
    static const char typed[] = "a,b\n'hello,'+30\n";
    char out[64];
    assert_int_equal(read_all(typed, sizeof typed - 1, out, sizeof out, NULL), CSV_END);
    assert_string_equal(out, "a|b/'hello|+30");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_quoted_fields_keep_commas_quotes_and_line_breaks),
        cmocka_unit_test(test_crlf_and_lf_line_ends_read_alike),
        cmocka_unit_test(test_crlf_inside_quotes_becomes_one_line_break),
        cmocka_unit_test(test_byte_order_mark_is_not_part_of_the_first_header),
        cmocka_unit_test(test_records_know_the_line_they_start_on),
        cmocka_unit_test(test_empty_fields_read_as_empty_strings),
        cmocka_unit_test(test_invalid_utf8_names_line_and_field_and_reading_goes_on),
        cmocka_unit_test(test_nul_byte_is_refused_with_its_place),
        cmocka_unit_test(test_unclosed_quote_is_reported_where_it_opened),
        cmocka_unit_test(test_field_over_16_kib_is_refused_and_16_kib_is_read),
        cmocka_unit_test(test_file_over_64_mib_is_refused),
        cmocka_unit_test(test_more_than_a_million_rows_are_refused),
        cmocka_unit_test(test_utf16_file_is_named_as_such),
        cmocka_unit_test(test_missing_file_gives_the_reason),
        cmocka_unit_test(test_written_records_read_back_the_same),
        cmocka_unit_test(test_semicolon_file_from_greek_excel_is_read_with_semicolons),
        cmocka_unit_test(test_comma_file_with_semicolons_in_texts_stays_comma),
        cmocka_unit_test(test_bom_read_as_western_names_the_wrong_encoding),
        cmocka_unit_test(test_greek_garbled_by_western_encoding_is_named),
        cmocka_unit_test(test_windows_1253_file_names_the_encoding),
        cmocka_unit_test(test_risky_cells_are_marked_and_read_back_exactly),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
