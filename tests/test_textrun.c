/* test_textrun.c - a line split into runs in visual order, as a reader sees it: the
 * runs are read back left to right into the characters a screen shows (a right-to-
 * left run backwards, its brackets mirrored as HarfBuzz mirrors them). The fonts are
 * fake: face 1 has the Arabic letters, face 0 the rest, nothing has U+1F600. */
#include "testutil.h"
#include "core/text.h"
#include "render/textrun.h"

enum { FACE_LATIN, FACE_ARABIC };

static int fake_face(void *ctx, uint32_t cp, const char *script, int current, bool *found)
{
    (void)ctx;
    *found = cp != 0x1F600;
    if (strcmp(script, "Arab") == 0)
        return FACE_ARABIC;
    if (current >= 0 && (strcmp(script, "Zyyy") == 0 || strcmp(script, "Zinh") == 0))
        return current;
    return FACE_LATIN;
}

/* UTF-8 of one code point into out; its length */
static int put(uint32_t cp, char *out)
{
    if (cp < 0x80) { out[0] = (char)cp; return 1; }
    if (cp < 0x800) { out[0] = (char)(0xC0 | (cp >> 6)); out[1] = (char)(0x80 | (cp & 0x3F)); return 2; }
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
}

/* the code points of s[0..len) (at most 3-byte sequences, as in these tests) */
static int decode_all(const char *s, int len, uint32_t *cps)
{
    int n = 0;
    for (int i = 0; i < len;) {
        unsigned char b = (unsigned char)s[i];
        if (b < 0x80) cps[n++] = b, i += 1;
        else if (b < 0xE0) cps[n++] = ((b & 0x1Fu) << 6) | (s[i + 1] & 0x3F), i += 2;
        else cps[n++] = ((b & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3F), i += 3;
    }
    return n;
}

static uint32_t mirror(uint32_t cp)
{
    return cp == '(' ? ')' : cp == ')' ? '(' : cp == '[' ? ']' : cp == ']' ? '[' : cp;
}

/* what the screen shows of s in direction dir, left to right; *nruns: the runs */
static const char *visual(const char *s, int dir, int *nruns)
{
    static char out[2048];
    TextRun runs[64];
    int n = textrun_split(s, (int)strlen(s), dir, fake_face, NULL, runs, 64, NULL), o = 0;
    assert_in_range(n, 1, 64);
    for (int i = 0; i < n; i++) {
        uint32_t cps[512];
        int k = decode_all(s + runs[i].off, runs[i].len, cps);
        for (int j = 0; j < k; j++)
            o += put(runs[i].rtl ? mirror(cps[k - 1 - j]) : cps[j], out + o);
    }
    out[o] = '\0';
    if (nruns)
        *nruns = n;
    return out;
}

/* s with its code points simply reversed: a whole line set right to left, no bidi */
static const char *reversed(const char *s)
{
    static char out[2048];
    uint32_t cps[512];
    int k = decode_all(s, (int)strlen(s), cps), o = 0;
    for (int j = k - 1; j >= 0; j--)
        o += put(cps[j], out + o);
    out[o] = '\0';
    return out;
}

/* "open now: 09:00–17:00, telephone +30 210 3638625" */
static const char ar[] = "مفتوح الآن: 09:00–17:00، هاتف +30 210 3638625";

static void test_a_time_and_a_phone_number_keep_their_order_inside_arabic(void **state)
{
    (void)state;
    const char *v = visual(ar, 1, NULL);
    assert_non_null(strstr(v, "09:00–17:00"));
    assert_non_null(strstr(v, "+30 210 3638625"));
    /* what a line set right to left without bidi shows, which this test tells apart */
    assert_non_null(strstr(reversed(ar), "00:71–00:90"));
    assert_null(strstr(v, "00:71"));
    /* and the Arabic reads from the right: its first word is at the right end */
    assert_non_null(strstr(v, reversed("مفتوح")));
    assert_true(strstr(v, reversed("مفتوح")) > strstr(v, "09:00"));
    assert_true(strstr(v, "09:00") > strstr(v, "+30"));
}

static void test_latin_names_brackets_and_email_keep_their_order_inside_farsi(void **state)
{
    (void)state;
    /* "open now (ACCMR) info@example.org" in Farsi */
    const char *v = visual("اکنون باز است (ACCMR) info@example.org", 1, NULL);
    assert_non_null(strstr(v, "(ACCMR)"));
    assert_non_null(strstr(v, "info@example.org"));
    assert_true(strstr(v, "info@") < strstr(v, "(ACCMR)"));  /* read last: leftmost */
}

static void test_urdu_with_a_range_keeps_the_range_in_order(void **state)
{
    (void)state;
    const char *v = visual("ابھی کھلا ہے 09:00 – 17:00", 1, NULL);
    assert_non_null(strstr(v, "09:00 – 17:00"));
}

static void test_a_left_to_right_line_keeps_an_arabic_word_inside_it_right_to_left(void **state)
{
    (void)state;
    int n;
    const char *v = visual("Γλώσσες: العربية, English", -1, &n);
    assert_string_equal(v, "Γλώσσες: ةيبرعلا, English");
    assert_int_equal(n, 3);
}

static void test_greek_alone_is_one_left_to_right_run(void **state)
{
    (void)state;
    TextRun runs[8];
    const char *s = "Ανοιχτά τώρα 09:00–17:00";
    int n = textrun_split(s, (int)strlen(s), 0, fake_face, NULL, runs, 8, NULL);
    assert_int_equal(n, 1);
    assert_false(runs[0].rtl);
    assert_string_equal(runs[0].script, "Grek");
    assert_int_equal(runs[0].len, (int)strlen(s));
}

static void test_the_direction_comes_from_the_first_strong_letter_when_not_given(void **state)
{
    (void)state;
    assert_true(text_is_rtl("09:00 مفتوح", strlen("09:00 مفتوح")));
    assert_false(text_is_rtl("(ACCMR) مفتوح", strlen("(ACCMR) مفتوح")));
    assert_string_equal(visual("مفتوح الآن", 0, NULL), reversed("مفتوح الآن"));
}

static void test_runs_change_with_the_font_and_carry_the_script_for_harfbuzz(void **state)
{
    (void)state;
    TextRun runs[8];
    const char *s = "مفتوح ACCMR";
    int n = textrun_split(s, (int)strlen(s), 1, fake_face, NULL, runs, 8, NULL);
    assert_int_equal(n, 2);
    /* visual order: the Latin name on the left, then the Arabic word */
    assert_int_equal(runs[0].face, FACE_LATIN);
    assert_string_equal(runs[0].script, "Latn");
    assert_false(runs[0].rtl);
    assert_int_equal(runs[1].face, FACE_ARABIC);
    assert_string_equal(runs[1].script, "Arab");
    assert_true(runs[1].rtl);
    assert_int_equal(runs[1].off, 0);   /* with its space: the space is Arabic's */
    assert_int_equal(runs[1].len, (int)strlen("مفتوح "));
}

static void test_a_code_point_no_font_has_is_counted(void **state)
{
    (void)state;
    TextRun runs[8];
    int missing = -1;
    const char *s = "Open \xF0\x9F\x98\x80 now";
    textrun_split(s, (int)strlen(s), 0, fake_face, NULL, runs, 8, &missing);
    assert_int_equal(missing, 1);
    textrun_split(ar, (int)strlen(ar), 1, fake_face, NULL, runs, 8, &missing);
    assert_int_equal(missing, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_time_and_a_phone_number_keep_their_order_inside_arabic),
        cmocka_unit_test(test_latin_names_brackets_and_email_keep_their_order_inside_farsi),
        cmocka_unit_test(test_urdu_with_a_range_keeps_the_range_in_order),
        cmocka_unit_test(test_a_left_to_right_line_keeps_an_arabic_word_inside_it_right_to_left),
        cmocka_unit_test(test_greek_alone_is_one_left_to_right_run),
        cmocka_unit_test(test_the_direction_comes_from_the_first_strong_letter_when_not_given),
        cmocka_unit_test(test_runs_change_with_the_font_and_carry_the_script_for_harfbuzz),
        cmocka_unit_test(test_a_code_point_no_font_has_is_counted),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
