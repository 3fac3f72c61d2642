/* test_speak.c - what the Listen control says: the screens' draw lists read in
 * reading order (with fake font metrics, as test_ui), and draw lists made by hand for
 * the rules: rows, right to left, boxes, icons, QR codes, the fixed header and footer
 * around the scrolling body, and times said as words. */
#include "uifake.h"
#include "ui/speak.h"
#include "ui/ui.h"

/* what the Listen control says on screen s in lang */
static const char *say(UiFake *f, UiScreen s, Lang lang)
{
    static char text[32 * 1024];
    int n;
    ui_show(f->ui, s, lang);
    const UiCmd *c = ui_commands(f->ui, &n);
    size_t len = speak_text(c, n, false, i18n_code(lang), text, sizeof text);
    assert_true(len < sizeof text);
    return text;
}

/* where needle is in text; fails the test when it is not there */
static size_t at(const char *text, const char *needle)
{
    const char *p = strstr(text, needle);
    if (!p)
        fail_msg("\"%s\" is not in \"%s\"", needle, text);
    return (size_t)(p - text);
}

static void test_home_is_read_title_first_then_open_now_then_the_tiles(void **state)
{
    UiFake *f = *state;
    static const char *const open_now[LANG_COUNT] = { "Ανοιχτά τώρα, κλείνει στις 17.",
                                                      "Open now, closes at 17." };
    static const char *const date[LANG_COUNT] = { "Τετάρτη 18 Νοεμβρίου 2026.",
                                                  "Wednesday 18 November 2026." };
    /* the title: the centre's full name, with "&" said */
    static const char *const name[LANG_COUNT] = {
        "Κέντρο Συντονισμού του Δήμου Αθηναίων για θέματα Μεταναστών και Προσφύγων.",
        "Athens Coordination Center for Migrant and Refugee issues." };
    int wrapped = 0;
    for (int z = 0; z < 2; z++) {
        ui_set_size(f->ui, z ? 720 : 800, z ? 1280 : 480);
        for (int l = LANG_EL; l <= LANG_EN; l++) {   /* the languages written out above */
            const char *t = say(f, SCREEN_HOME, (Lang)l);
            /* the name is drawn on two lines somewhere, and always said as one sentence */
            int n;
            const UiCmd *c = ui_commands(f->ui, &n);
            const char *drawn = f->content[l].org_name;
            for (int i = 0; i < n; i++)
                wrapped += c[i].kind == UI_TEXT && c[i].len > 10 &&
                           !strncmp(c[i].text, drawn, 10) && (size_t)c[i].len < strlen(drawn);
            /* the header (the short name, and the clock where it has room) first */
            size_t header = at(t, z ? "ACCMR, " : "ACCMR, 13:06, ");
            size_t title = at(t, name[l]);
            size_t status = at(t, open_now[l]);
            size_t day = at(t, date[l]);
            size_t tile = at(t, i18n_str((Lang)l, STR_ABOUT));
            assert_true(header < title && title < status && status < day && day < tile);
            /* the tiles row by row, left to right */
            assert_true(at(t, i18n_str((Lang)l, STR_ABOUT)) <
                        at(t, i18n_str((Lang)l, STR_CONTACT)));
            assert_true(at(t, i18n_str((Lang)l, STR_LOCATION)) <
                        at(t, i18n_str((Lang)l, STR_JOIN)));
        }
    }
    assert_true(wrapped > 0);
    ui_set_size(f->ui, 800, 480);
}

/* the words of "Last updated: %s" before its date */
static const char *last_updated_words(Lang l)
{
    static char words[128];
    const char *m = i18n_str(l, STR_LAST_UPDATED);
    size_t n = strcspn(m, "%");
    while (n > 0 && strchr(" :\xc2\xa0", m[n - 1]))
        n--;
    snprintf(words, sizeof words, "%.*s", (int)n, m);
    return words;
}

static void test_every_screen_is_read_with_every_control_it_shows(void **state)
{
    UiFake *f = *state;
    static const int sizes[][2] = { { 800, 480 }, { 720, 1280 }, { 1920, 1080 } };
    for (size_t z = 0; z < sizeof sizes / sizeof sizes[0]; z++) {
        ui_set_size(f->ui, sizes[z][0], sizes[z][1]);
        for (int l = 0; l < LANG_COUNT; l++)
            for (int s = 0; s < SCREEN_VISITOR_COUNT; s++) {
                const char *t = say(f, (UiScreen)s, (Lang)l);
                assert_true(strlen(t) > 20);
                assert_int_equal(t[strlen(t) - 1], '.');
                /* no icon glyph (Material Icons, U+E000..U+F8FF) is handed to the voice */
                for (const char *p = t; *p; p++)
                    assert_false((unsigned char)p[0] == 0xEE || (unsigned char)p[0] == 0xEF);
                if (s != SCREEN_HOME && s != SCREEN_LANGUAGES)  /* the content's date, after it */
                    assert_true(at(t, last_updated_words((Lang)l)) > strlen(t) / 2);
                /* every word shown is said: each drawn line that is not an icon, a
                 * heading in capitals or written with signs said as words */
                int n;
                const UiCmd *c = ui_commands(f->ui, &n);
                for (int i = 0; i < n; i++) {
                    if (c[i].kind != UI_TEXT || (c[i].style & UI_STYLE_ICON) || !c[i].len)
                        continue;
                    char line[512];
                    snprintf(line, sizeof line, "%.*s", c[i].len, c[i].text);
                    char caps[512];
                    text_upper(line, caps, sizeof caps);
                    if (strpbrk(line, "0123456789&") || strstr(line, "\xc2\xb7") ||
                        strstr(line, "\xe2\x80\x93") || strcmp(caps, line) == 0)
                        continue;
                    at(t, line);
                }
            }
        const char *t = say(f, SCREEN_HOME, LANG_EN);
        for (StrId id = STR_ABOUT; id <= STR_FUNDING; id++)
            at(t, id == STR_HOURS ? "Hours and languages" : id == STR_COMMITTEES
                  ? "Committees and Forum" : id == STR_FUNDING ? "Funding and support"
                  : i18n_str(LANG_EN, id));
    }
    ui_set_size(f->ui, 800, 480);
}

static void test_a_qr_card_is_read_whole_with_its_caption(void **state)
{
    UiFake *f = *state;
    const char *t = say(f, SCREEN_CONTACT, LANG_EN);
    /* card by card, not the labels of a row of cards and then their captions */
    size_t phone = at(t, "Phone. "), call = at(t, "Scan to call."),
           web = at(t, "Website. "), open = at(t, "Scan to open the website.");
    assert_true(phone < call && call < web && web < open);
    at(t, f->content[LANG_EN].phone);
}

static void test_the_hours_are_said_as_words_in_each_language(void **state)
{
    UiFake *f = *state;
    at(say(f, SCREEN_HOURS, LANG_EL), "Δευτέρα, 9 έως 17.");
    at(say(f, SCREEN_HOURS, LANG_EN), "Monday, 9 to 17.");
    /* headings are drawn in capitals, which lose Greek's accents: said as written */
    const char *said = say(f, SCREEN_HOURS, LANG_EL);
    at(said, "Ωράριο λειτουργίας.");
    assert_null(strstr(said, "ΩΡΑΡΙΟ"));
    at(say(f, SCREEN_HOURS, LANG_EN), "Opening hours.");
    at(say(f, SCREEN_HOME, LANG_EN), "Hours and languages");   /* "&" said */
    at(say(f, SCREEN_HOME, LANG_EL), "Ωράριο και γλώσσες");
}

/* ---- hand-made draw lists ---- */

static UiCmd text_cmd(int x, int y, int w, const char *s, int style, bool scrolls)
{
    UiCmd c = { .kind = UI_TEXT, .x = x, .y = y, .w = w, .h = 20, .style = style,
                .text = s, .len = (int)strlen(s), .scrolls = scrolls };
    return c;
}

static UiCmd rect_cmd(int x, int y, int w, int h, bool scrolls)
{
    UiCmd c = { .kind = UI_RECT, .x = x, .y = y, .w = w, .h = h, .scrolls = scrolls };
    return c;
}

static void test_a_row_reads_left_to_right_or_right_to_left(void **state)
{
    (void)state;
    char out[256];
    UiCmd c[] = {
        rect_cmd(0, 0, 800, 480, false),
        text_cmd(20, 100, 200, "one", 16, true),
        text_cmd(420, 104, 200, "two", 16, true),  /* a little lower: the same row */
        text_cmd(20, 200, 200, "three", 16, true),
    };
    speak_text(c, 4, false, "en", out, sizeof out);
    assert_string_equal(out, "one, two. three.");
    speak_text(c, 4, true, "ar", out, sizeof out);
    assert_string_equal(out, "two, one. three.");
}

static void test_icons_are_not_read_and_a_qr_code_is_read_as_its_caption(void **state)
{
    (void)state;
    char out[256];
    UiCmd c[] = {
        text_cmd(20, 100, 30, "\xee\x82\xb0", 24 | UI_STYLE_ICON, true),
        text_cmd(60, 100, 200, "Phone", 16 | UI_STYLE_BOLD, true),
        { .kind = UI_QR, .x = 60, .y = 130, .w = 120, .h = 120, .scrolls = true },
        text_cmd(60, 260, 200, "Scan to call", 14, true),
    };
    speak_text(c, 4, false, "en", out, sizeof out);
    assert_string_equal(out, "Phone. Scan to call.");
}

static void test_the_header_first_the_whole_body_then_the_footer(void **state)
{
    (void)state;
    char out[256];
    UiCmd c[] = {
        text_cmd(20, 80, 700, "Body top", 16, true),
        text_cmd(20, 900, 700, "Body end, below the fold", 16, true),
        rect_cmd(0, 0, 800, 60, false),
        text_cmd(20, 20, 100, "Back", 16, false),
        text_cmd(20, 450, 700, "Last updated", 14, false),
    };
    speak_text(c, 5, false, "en", out, sizeof out);
    assert_string_equal(out, "Back. Body top. Body end, below the fold. Last updated.");
}

static void test_the_lines_of_a_paragraph_are_one_sentence(void **state)
{
    (void)state;
    char out[256];
    UiCmd c[] = {
        text_cmd(20, 100, 300, "The centre links the", 16, true),
        text_cmd(20, 120, 300, "city with a hundred", 16, true),
        text_cmd(20, 140, 300, "organisations.", 16, true),
        text_cmd(20, 160, 300, "Next paragraph", 16 | UI_STYLE_BOLD, true),
    };
    speak_text(c, 4, false, "en", out, sizeof out);
    assert_string_equal(out, "The centre links the city with a hundred organisations. "
                             "Next paragraph.");
}

static void test_cards_side_by_side_are_read_one_after_the_other(void **state)
{
    (void)state;
    char out[256];
    UiCmd c[] = {
        rect_cmd(20, 100, 300, 300, true),
        text_cmd(40, 120, 260, "Phone", 16, true),
        text_cmd(40, 360, 260, "Scan to call", 14, true),
        rect_cmd(340, 100, 300, 300, true),
        text_cmd(360, 120, 260, "Website", 16, true),
        text_cmd(360, 360, 260, "Scan to open", 14, true),
    };
    speak_text(c, 6, false, "en", out, sizeof out);
    assert_string_equal(out, "Phone. Scan to call. Website. Scan to open.");
}

static void test_times_ranges_and_signs_are_said_as_words(void **state)
{
    (void)state;
    char out[256];
    UiCmd c = text_cmd(0, 0, 800, "Open now · 09:00-17:00 & 18:30–20:00, Plaka – Omonia", 16,
                       false);
    speak_text(&c, 1, false, "el", out, sizeof out);
    assert_string_equal(out, "Open now, 9 έως 17 και 18:30 έως 20, Plaka, Omonia.");
    speak_text(&c, 1, false, "en", out, sizeof out);
    assert_string_equal(out, "Open now, 9 to 17 and 18:30 to 20, Plaka, Omonia.");
    /* a language with no words for them (no catalogue): a pause, and "&" left to the voice */
    speak_text(&c, 1, false, "ps", out, sizeof out);
    assert_string_equal(out, "Open now, 9, 17 & 18:30, 20, Plaka, Omonia.");
    /* not times: a phone number and a year stay as written */
    c = text_cmd(0, 0, 800, "+30 210 3638625 (2026-11-25) 123:45", 16, false);
    speak_text(&c, 1, false, "en", out, sizeof out);
    assert_string_equal(out, "+30 210 3638625 (2026-11-25) 123:45.");
}

static void test_a_short_buffer_gets_whole_characters_and_the_length_needed(void **state)
{
    (void)state;
    char out[12];
    UiCmd c = text_cmd(0, 0, 800, "Ανοιχτά τώρα", 16, false);
    size_t need = speak_text(&c, 1, false, "el", out, sizeof out);
    assert_int_equal(need, strlen("Ανοιχτά τώρα."));
    assert_true(strlen(out) < sizeof out);
    const char *p = out;
    while (*p)
        assert_true(text_utf8_next(&p) != 0);  /* no half character at the end */
    assert_int_equal(speak_text(&c, 0, false, "el", out, sizeof out), 0);
    assert_string_equal(out, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_home_is_read_title_first_then_open_now_then_the_tiles,
                                        uifake_setup, uifake_teardown),
        cmocka_unit_test_setup_teardown(test_every_screen_is_read_with_every_control_it_shows,
                                        uifake_setup, uifake_teardown),
        cmocka_unit_test_setup_teardown(test_a_qr_card_is_read_whole_with_its_caption,
                                        uifake_setup, uifake_teardown),
        cmocka_unit_test_setup_teardown(test_the_hours_are_said_as_words_in_each_language,
                                        uifake_setup, uifake_teardown),
        cmocka_unit_test(test_a_row_reads_left_to_right_or_right_to_left),
        cmocka_unit_test(test_icons_are_not_read_and_a_qr_code_is_read_as_its_caption),
        cmocka_unit_test(test_the_header_first_the_whole_body_then_the_footer),
        cmocka_unit_test(test_the_lines_of_a_paragraph_are_one_sentence),
        cmocka_unit_test(test_cards_side_by_side_are_read_one_after_the_other),
        cmocka_unit_test(test_times_ranges_and_signs_are_said_as_words),
        cmocka_unit_test(test_a_short_buffer_gets_whole_characters_and_the_length_needed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
