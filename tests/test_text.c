/* test_text.c - UTF-8 checks, heading capitals and word wrapping as a visitor sees them.
 * Wrapping measures with a fake font: every character is 10 px wide. */
#include "testutil.h"
#include "core/text.h"

#define CHAR_PX 10

/* the fake font: 10 px per code point, whatever the style */
static int measure_fixed(void *ctx, const char *s, size_t len, int style)
{
    (void)style;
    int *calls = ctx;
    if (calls) (*calls)++;
    int cps = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) cps++;
    return cps * CHAR_PX;
}

static const char *upper(const char *s)
{
    static char buf[512];
    text_upper(s, buf, sizeof buf);
    return buf;
}

static void test_heading_capitals_drop_greek_accents(void **state)
{
    (void)state;
    assert_string_equal(upper("Επικοινωνία"), "ΕΠΙΚΟΙΝΩΝΙΑ");
    assert_string_equal(upper("Ωράριο"), "ΩΡΑΡΙΟ");
    assert_string_equal(upper("Χρηματοδότηση"), "ΧΡΗΜΑΤΟΔΟΤΗΣΗ");
    assert_string_equal(upper("άέήίόύώ"), "ΑΕΗΙΟΥΩ");
    assert_string_equal(upper("ΆΈΉΊΌΎΏ"), "ΑΕΗΙΟΥΩ");
}

static void test_heading_capitals_turn_final_sigma_into_sigma(void **state)
{
    (void)state;
    assert_string_equal(upper("Επιτροπές & Φόρουμ"), "ΕΠΙΤΡΟΠΕΣ & ΦΟΡΟΥΜ");
    assert_string_equal(upper("γλώσσες"), "ΓΛΩΣΣΕΣ");
}

static void test_heading_capitals_keep_the_dialytika(void **state)
{
    (void)state;
    assert_string_equal(upper("ΐ ΰ ϊ ϋ"), "Ϊ Ϋ Ϊ Ϋ");
    assert_string_equal(upper("πρωτεΐνη"), "ΠΡΩΤΕΪΝΗ");
    assert_string_equal(upper("Ευρωπαϊκή"), "ΕΥΡΩΠΑΪΚΗ");
}

static void test_heading_capitals_show_a_dialytika_where_the_accent_split_a_pair(void **state)
{
    (void)state;
    /* the accent says the pair is two sounds; without it the capitals need a dialytika */
    assert_string_equal(upper("Μάιος"), "ΜΑΪΟΣ");
    assert_string_equal(upper("κορόιδο"), "ΚΟΡΟΪΔΟ");
    assert_string_equal(upper("άυλος"), "ΑΫΛΟΣ");
    /* a true digraph keeps its letters plain */
    assert_string_equal(upper("Ευρώπη"), "ΕΥΡΩΠΗ");
    assert_string_equal(upper("Αθηναίων"), "ΑΘΗΝΑΙΩΝ");
    assert_string_equal(upper("ούτε"), "ΟΥΤΕ");
}

static void test_heading_capitals_upper_case_latin_and_leave_the_rest(void **state)
{
    (void)state;
    assert_string_equal(upper("Hours & languages"), "HOURS & LANGUAGES");
    assert_string_equal(upper("café Müller, ÿ, øre"), "CAFÉ MÜLLER, Ÿ, ØRE");
    assert_string_equal(upper("09:00 - 17:00 ÷ ß € 🙂"), "09:00 - 17:00 ÷ ß € 🙂");
    assert_string_equal(upper("ACCMR"), "ACCMR");
    assert_string_equal(upper(""), "");
}

static void test_heading_capitals_truncate_at_a_character_boundary(void **state)
{
    (void)state;
    char buf[6];
    /* five bytes of room: two Greek letters (four bytes), never half of the third */
    text_upper("ωράριο", buf, sizeof buf);
    assert_true(text_utf8_valid(buf, strlen(buf)));
    assert_string_equal(buf, "ΩΡ");
    char one[1] = { 'x' };
    text_upper("ωράριο", one, sizeof one);
    assert_string_equal(one, "");
}

static void test_valid_utf8_is_accepted(void **state)
{
    (void)state;
    const char *ok[] = { "", "ACCMR", "Αγίου Ισιδώρου 4", "€ 5", "🙂 U+1F642",
                         "\xF4\x8F\xBF\xBF" /* U+10FFFF, the last code point */ };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        assert_true(text_utf8_valid(ok[i], strlen(ok[i])));
}

static void test_invalid_utf8_is_rejected(void **state)
{
    (void)state;
    static const struct { const char *bytes; size_t n; const char *why; } bad[] = {
        { "\xC0\xAF", 2, "overlong slash, two bytes" },
        { "\xC1\xBF", 2, "overlong, two bytes" },
        { "\xE0\x80\xAF", 3, "overlong slash, three bytes" },
        { "\xE0\x9F\xBF", 3, "overlong U+07FF" },
        { "\xF0\x80\x80\xAF", 4, "overlong slash, four bytes" },
        { "\xF0\x8F\xBF\xBF", 4, "overlong U+FFFF" },
        { "\xED\xA0\x80", 3, "high surrogate" },
        { "\xED\xBF\xBF", 3, "low surrogate" },
        { "\xF4\x90\x80\x80", 4, "above U+10FFFF" },
        { "\xF5\x80\x80\x80", 4, "lead byte F5" },
        { "\xFF", 1, "byte FF" },
        { "a\0b", 3, "NUL inside" },
        { "\xCE", 1, "truncated two-byte sequence" },
        { "\xE2\x82", 2, "truncated three-byte sequence" },
        { "\xF0\x9F\x99", 3, "truncated four-byte sequence" },
        { "\x80", 1, "lone continuation byte" },
        { "\xCE\x41", 2, "lead byte followed by ASCII" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        if (text_utf8_valid(bad[i].bytes, bad[i].n))
            fail_msg("accepted: %s", bad[i].why);
    }
}

static void test_decoding_walks_code_points_and_stops_at_the_end(void **state)
{
    (void)state;
    const char *s = "Aω€🙂";
    assert_int_equal(text_utf8_next(&s), 0x41);
    assert_int_equal(text_utf8_next(&s), 0x3C9);
    assert_int_equal(text_utf8_next(&s), 0x20AC);
    assert_int_equal(text_utf8_next(&s), 0x1F642);
    const char *end = s;
    assert_int_equal(text_utf8_next(&s), 0);
    assert_ptr_equal(s, end);
}

static void test_decoding_replaces_malformed_bytes_and_moves_on(void **state)
{
    (void)state;
    const char *s = "\xC0\xAF" "x";
    assert_int_equal(text_utf8_next(&s), 0xFFFD);
    assert_int_equal(text_utf8_next(&s), 0xFFFD);
    assert_int_equal(text_utf8_next(&s), 'x');
    /* a sequence cut short by the end of the string is never read past its NUL */
    char *cut = strdup("\xE2\x82");
    const char *p = cut;
    assert_int_equal(text_utf8_next(&p), 0xFFFD);
    assert_int_equal(text_utf8_next(&p), 0xFFFD);
    assert_int_equal(text_utf8_next(&p), 0);
    free(cut);
}

static bool is_gap(char c)
{
    return c == ' ' || c == '\n' || c == '\0';
}

/* the width of the whole word of s around position p */
static int word_px(const char *s, const char *p)
{
    const char *a = p, *b = p;
    while (a > s && !is_gap(a[-1])) a--;
    while (!is_gap(*b)) b++;
    return measure_fixed(NULL, a, (size_t)(b - a), 0);
}

/* checks what a reader would notice in one wrap of s: no line too wide, no word cut
 * unless it is wider than the line alone, every word of s present once and in
 * order, and (greedy) no line that could have taken the next line's first word */
static void check_wrap(const char *s, int width)
{
    TextLine lines[256];
    int n = text_wrap(s, width, measure_fixed, NULL, 0, lines, 256);
    assert_in_range(n, 0, 256);
    char words[4096] = "", rebuilt[4096] = "";
    for (const char *p = s; *p; ) {         /* the words of s, one space apart */
        while (*p == ' ' || *p == '\n') p++;
        const char *w = p;
        while (!is_gap(*p)) p++;
        if (p > w) {
            if (words[0]) strcat(words, " ");
            strncat(words, w, (size_t)(p - w));
        }
    }
    for (int i = 0; i < n; i++) {
        const char *line = s + lines[i].off;
        size_t len = lines[i].len;
        assert_true(text_utf8_valid(line, len));
        if (len == 0) continue;
        int px = measure_fixed(NULL, line, len, 0);
        if (px > width)
            fail_msg("line %d is %d px in %d: \"%.*s\"", i, px, width, (int)len, line);
        assert_false(line[0] == ' ' || line[len - 1] == ' ');
        bool starts_mid = lines[i].off > 0 && !is_gap(line[-1]);
        bool ends_mid = !is_gap(line[len]);
        if (starts_mid && word_px(s, line) <= width)
            fail_msg("word cut before \"%.*s\" at %d px", (int)len, line, width);
        if (ends_mid && word_px(s, line + len - 1) <= width)
            fail_msg("word cut after \"%.*s\" at %d px", (int)len, line, width);
        if (rebuilt[0] && !starts_mid) strcat(rebuilt, " ");
        strncat(rebuilt, line, len);
        /* greedy: the next line's first word did not fit at the end of this one */
        if (i + 1 < n && lines[i + 1].len > 0 &&
            !memchr(line + len, '\n', lines[i + 1].off - lines[i].off - len)) {
            const char *next = s + lines[i + 1].off;
            size_t next_len = strcspn(next, " \n");
            if (next_len > lines[i + 1].len) next_len = lines[i + 1].len;
            assert_true(measure_fixed(NULL, line, (size_t)(next + next_len - line), 0) > width);
        }
    }
    assert_string_equal(rebuilt, words);
}

static const char about_el[] =
    "Το Κέντρο Συντονισμού του Δήμου Αθηναίων για θέματα Μεταναστών και Προσφύγων "
    "λειτουργεί ως ένας κόμβος συντονισμού για την ανάπτυξη και ανταλλαγή καλών "
    "πρακτικών.\n\nΟι 6 Επιτροπές εργασίας συνεδριάζουν μία φορά τον μήνα.";

static void test_wrapped_lines_never_exceed_the_width_nor_split_a_word(void **state)
{
    (void)state;
    /* the longest word, "συντονισμού", is 11 characters: 110 px */
    for (int width = 110; width <= 800; width += 7)
        check_wrap(about_el, width);
    check_wrap("Hours & languages", 170);
    check_wrap("  leading and  double  spaces  ", 80);
}

static void test_a_word_wider_than_the_line_is_broken_between_characters(void **state)
{
    (void)state;
    TextLine lines[16];
    const char *s = "Τηλ. Επικοινωνία";     /* 4 + 1 + 11 characters */
    int n = text_wrap(s, 40, measure_fixed, NULL, 0, lines, 16);
    int total = 0;
    for (int i = 0; i < n; i++) {
        assert_true(measure_fixed(NULL, s + lines[i].off, lines[i].len, 0) <= 40);
        assert_true(text_utf8_valid(s + lines[i].off, lines[i].len));
        assert_true(lines[i].len > 0);
        total += measure_fixed(NULL, s + lines[i].off, lines[i].len, 0);
    }
    assert_int_equal(total, 15 * CHAR_PX);  /* every character shown, the space dropped */
    assert_int_equal(n, 1 + (11 * CHAR_PX + 39) / 40);
    for (int width = 10; width <= 120; width += 5)
        check_wrap("Τηλ. Επικοινωνία 210", width);
}

static void test_a_letter_keeps_its_combining_accent_when_a_word_is_broken(void **state)
{
    (void)state;
    TextLine lines[16];
    const char *s = "ε\xCC\x81ε\xCC\x81ε\xCC\x81";   /* three e + combining acute */
    /* even on a line narrower than one letter with its accent */
    for (int width = 10; width <= 40; width += 10) {
        int n = text_wrap(s, width, measure_fixed, NULL, 0, lines, 16);
        assert_in_range(n, 1, 3);
        for (int i = 0; i < n; i++) {
            const char *line = s + lines[i].off;
            assert_false(line[0] == '\xCC');    /* no line starts with a bare accent */
        }
    }
}

/* the lines of s wrapped at width, as "line|line|..." */
static const char *wrapped(const char *s, int width)
{
    static char out[1024];
    TextLine lines[32];
    int n = text_wrap(s, width, measure_fixed, NULL, 0, lines, 32);
    out[0] = '\0';
    for (int i = 0; i < n && i < 32; i++) {
        if (i) strcat(out, "|");
        strncat(out, s + lines[i].off, lines[i].len);
    }
    return out;
}

static void test_arabic_farsi_and_urdu_wrap_between_words_like_greek(void **state)
{
    (void)state;
    /* "the centre is open now" (ar), "the centre is open now" (fa), "open now" (ur) */
    const char *ar = "المركز مفتوح الآن من 09:00 إلى 17:00";
    const char *fa = "مرکز اکنون باز است";
    for (int width = 60; width <= 400; width += 10) {
        check_wrap(ar, width);
        check_wrap(fa, width);
        check_wrap("ابھی کھلا ہے", width);
        check_wrap("Відчинено зараз, ласкаво просимо", width);
    }
    assert_string_equal(wrapped(ar, 130), "المركز مفتوح|الآن من 09:00|إلى 17:00");
}

static void test_a_persian_word_with_a_zero_width_non_joiner_stays_whole(void **state)
{
    (void)state;
    /* "we want" in Farsi: the ZWNJ (U+200C) keeps its halves unjoined, not apart */
    const char *s = "ما می\u200Cخواهیم";
    for (int width = 90; width <= 200; width += 10)     /* 12 code points, 9 in the verb */
        assert_string_equal(wrapped(s, width), width >= 120 ? s : "ما|می\u200Cخواهیم");
}

static void test_a_hyphenated_word_may_break_after_its_hyphen_but_a_time_never_inside(void **state)
{
    (void)state;
    TextLine lines[4];
    assert_int_equal(text_wrap("Co-operation", 90, measure_fixed, NULL, 0, lines, 4), 2);
    assert_false(lines[0].cut);         /* a break at the hyphen is no broken word */
    assert_int_equal(text_wrap("Cooperation", 90, measure_fixed, NULL, 0, lines, 4), 2);
    assert_true(lines[0].cut);
    /* the Unicode line breaking rules, not only spaces: after '-', never in "09:00" */
    assert_string_equal(wrapped("Λαϊκής-Αγοράς", 100), "Λαϊκής-|Αγοράς");
    assert_string_equal(wrapped("open 09:00 today", 60), "open|09:00|today");
    assert_string_equal(wrapped("(ACCMR) centre", 80), "(ACCMR)|centre");
}

static void test_a_phone_number_is_never_broken_across_lines(void **state)
{
    (void)state;
    /* 15 characters: a line of 150 px holds it, a narrower one moves it whole */
    assert_string_equal(wrapped("Call +30 210 3638625 now", 150), "Call|+30 210 3638625|now");
    assert_string_equal(wrapped("هاتف +30 210 3638625", 160), "هاتف|+30 210 3638625");
    assert_string_equal(wrapped("Room 2, floor 3", 80), "Room 2,|floor 3");
}

static void test_an_arabic_vowel_sign_stays_with_its_letter_when_a_word_is_broken(void **state)
{
    (void)state;
    TextLine lines[16];
    const char *s = "كَتَبَ";        /* three letters, each with a fatha (U+064E) */
    for (int width = 10; width <= 40; width += 10) {
        int n = text_wrap(s, width, measure_fixed, NULL, 0, lines, 16);
        for (int i = 0; i < n; i++)
            assert_false(memcmp(s + lines[i].off, "\xD9\x8E", 2) == 0);
    }
}

static void test_a_paragraph_reads_the_way_its_first_letter_does(void **state)
{
    (void)state;
    assert_true(text_is_rtl("09:00–17:00 مفتوح الآن", strlen("09:00–17:00 مفتوح الآن")));
    assert_true(text_is_rtl("اکنون باز است", strlen("اکنون باز است")));
    assert_false(text_is_rtl("(ACCMR) مفتوح", strlen("(ACCMR) مفتوح")));
    assert_false(text_is_rtl("Ανοιχτά τώρα", strlen("Ανοιχτά τώρα")));
    assert_false(text_is_rtl("+30 210 3638625", strlen("+30 210 3638625")));
    /* only the first len bytes count */
    assert_false(text_is_rtl("12 مفتوح", 3));
}

static void test_paragraphs_and_blank_lines_are_kept(void **state)
{
    (void)state;
    TextLine lines[16];
    const char *s = "Ωράριο\n\nΔευτέρα έως Παρασκευή\n  \nτέλος\n";
    int n = text_wrap(s, 1000, measure_fixed, NULL, 0, lines, 16);
    assert_int_equal(n, 5);
    const char *want[] = { "Ωράριο", "", "Δευτέρα έως Παρασκευή", "", "τέλος" };
    for (int i = 0; i < n; i++) {
        assert_int_equal(lines[i].len, strlen(want[i]));
        assert_memory_equal(s + lines[i].off, want[i], lines[i].len);
    }
    assert_int_equal(text_wrap("", 100, measure_fixed, NULL, 0, lines, 16), 0);
    assert_int_equal(text_wrap("\n", 100, measure_fixed, NULL, 0, lines, 16), 1);
}

static void test_windows_line_ends_wrap_like_unix_ones(void **state)
{
    (void)state;
    TextLine a[16], b[16];
    int na = text_wrap("ένα δύο\r\n\r\nτρία", 1000, measure_fixed, NULL, 0, a, 16);
    int nb = text_wrap("ένα δύο\n\nτρία", 1000, measure_fixed, NULL, 0, b, 16);
    assert_int_equal(na, nb);
    for (int i = 0; i < na; i++) assert_int_equal(a[i].len, b[i].len);
}

static void test_wrapping_counts_every_line_even_beyond_the_array(void **state)
{
    (void)state;
    TextLine lines[2] = { { 99, 99, true }, { 99, 99, true } };
    TextLine all[64];
    int full = text_wrap(about_el, 200, measure_fixed, NULL, 0, all, 64);
    int n = text_wrap(about_el, 200, measure_fixed, NULL, 0, lines, 2);
    assert_int_equal(n, full);
    assert_true(n > 2);
    assert_int_equal(lines[1].off, all[1].off);
    assert_int_equal(text_wrap(about_el, 200, measure_fixed, NULL, 0, NULL, 0), full);
}

static void test_wrapping_measures_a_long_text_a_bounded_number_of_times(void **state)
{
    (void)state;
    /* a slow font (the render one) must not be called once per pair of characters */
    int calls = 0;
    TextLine lines[64];
    text_wrap(about_el, 300, measure_fixed, &calls, 0, lines, 64);
    int words = 1;
    for (const char *p = about_el; *p; p++) words += *p == ' ' || *p == '\n';
    assert_true(calls <= 2 * words);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_heading_capitals_drop_greek_accents),
        cmocka_unit_test(test_heading_capitals_turn_final_sigma_into_sigma),
        cmocka_unit_test(test_heading_capitals_keep_the_dialytika),
        cmocka_unit_test(test_heading_capitals_show_a_dialytika_where_the_accent_split_a_pair),
        cmocka_unit_test(test_heading_capitals_upper_case_latin_and_leave_the_rest),
        cmocka_unit_test(test_heading_capitals_truncate_at_a_character_boundary),
        cmocka_unit_test(test_valid_utf8_is_accepted),
        cmocka_unit_test(test_invalid_utf8_is_rejected),
        cmocka_unit_test(test_decoding_walks_code_points_and_stops_at_the_end),
        cmocka_unit_test(test_decoding_replaces_malformed_bytes_and_moves_on),
        cmocka_unit_test(test_wrapped_lines_never_exceed_the_width_nor_split_a_word),
        cmocka_unit_test(test_a_word_wider_than_the_line_is_broken_between_characters),
        cmocka_unit_test(test_a_letter_keeps_its_combining_accent_when_a_word_is_broken),
        cmocka_unit_test(test_arabic_farsi_and_urdu_wrap_between_words_like_greek),
        cmocka_unit_test(test_a_persian_word_with_a_zero_width_non_joiner_stays_whole),
        cmocka_unit_test(test_a_hyphenated_word_may_break_after_its_hyphen_but_a_time_never_inside),
        cmocka_unit_test(test_a_phone_number_is_never_broken_across_lines),
        cmocka_unit_test(test_an_arabic_vowel_sign_stays_with_its_letter_when_a_word_is_broken),
        cmocka_unit_test(test_a_paragraph_reads_the_way_its_first_letter_does),
        cmocka_unit_test(test_paragraphs_and_blank_lines_are_kept),
        cmocka_unit_test(test_windows_line_ends_wrap_like_unix_ones),
        cmocka_unit_test(test_wrapping_counts_every_line_even_beyond_the_array),
        cmocka_unit_test(test_wrapping_measures_a_long_text_a_bounded_number_of_times),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
