/* test_i18n.c - the interface words in every language, the catalogues they come
 * from (the .po files in assets/locale), and dates as each language writes them. */
#include "testutil.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/update.h"

/* true when s holds at least one Greek letter */
static bool has_greek(const char *s)
{
    uint32_t cp;
    while ((cp = text_utf8_next(&s)) != 0)
        if (cp >= 0x0370 && cp <= 0x03FF) return true;
    return false;
}

static void test_every_interface_word_exists_in_both_languages(void **state)
{
    (void)state;
    for (int id = 0; id < STR_COUNT; id++) {
        for (int l = 0; l < LANG_COUNT; l++) {
            const char *s = i18n_str((Lang)l, (StrId)id);
            if (!s || !s[0]) fail_msg("string %d is missing in %s", id, i18n_code((Lang)l));
            assert_true(text_utf8_valid(s, strlen(s)));
            /* no stray spaces that would misalign a centred label */
            assert_false(s[0] == ' ' || s[strlen(s) - 1] == ' ');
        }
    }
}

static void test_greek_words_are_written_in_greek_and_english_ones_are_not(void **state)
{
    (void)state;
    for (int id = 0; id < STR_COUNT; id++) {
        const char *el = i18n_str(LANG_EL, (StrId)id);
        const char *en = i18n_str(LANG_EN, (StrId)id);
        assert_false(has_greek(en));
        /* "Email" is the word Greek uses too, and the formats that only place a date's
         * or a line's parts ("%d %s %d") hold no words; every other label is translated */
        bool wordless = id == STR_DATE || id == STR_DATE_DAY_MONTH || id == STR_DATE_LONG ||
                        id == STR_DATE_FIRST || id == STR_DATE_DAY_MONTH_FIRST ||
                        id == STR_TIME || id == STR_STATUS_THEN;
        if (id != STR_EMAIL && !wordless && !has_greek(el))
            fail_msg("string %d is not Greek: \"%s\"", id, el);
    }
}

static void test_the_tile_labels_read_as_the_centre_asked(void **state)
{
    (void)state;
    assert_string_equal(i18n_str(LANG_EL, STR_HOURS), "Ωράριο & γλώσσες");
    assert_string_equal(i18n_str(LANG_EN, STR_HOURS), "Hours & languages");
    assert_string_equal(i18n_str(LANG_EL, STR_COMMITTEES), "Επιτροπές & Φόρουμ");
    assert_string_equal(i18n_str(LANG_EN, STR_COMMITTEES), "Committees & Forum");
    assert_string_equal(i18n_str(LANG_EL, STR_JOIN), "Συμμετοχή");
    assert_string_equal(i18n_str(LANG_EN, STR_JOIN), "How to join");
    assert_string_equal(i18n_str(LANG_EL, STR_SCAN_CALL), "Σαρώστε για κλήση");
    assert_string_equal(i18n_str(LANG_EN, STR_SCAN_SAVE), "Scan to save the contact");
}

static void test_greek_tile_labels_become_accent_free_headings(void **state)
{
    (void)state;
    char h[128];
    text_upper(i18n_str(LANG_EL, STR_HOURS), h, sizeof h);
    assert_string_equal(h, "ΩΡΑΡΙΟ & ΓΛΩΣΣΕΣ");
    text_upper(i18n_str(LANG_EL, STR_CONTACT), h, sizeof h);
    assert_string_equal(h, "ΕΠΙΚΟΙΝΩΝΙΑ");
}

static void test_an_unknown_word_or_language_still_shows_text(void **state)
{
    (void)state;
    assert_true(strlen(i18n_str(LANG_EL, STR_COUNT)) > 0);
    assert_string_equal(i18n_str(LANG_COUNT, STR_HOME), i18n_str(LANG_DEFAULT, STR_HOME));
}

static void test_language_codes_and_names_round_trip(void **state)
{
    (void)state;
    for (int l = 0; l < LANG_COUNT; l++)
        assert_int_equal(i18n_from_code(i18n_code((Lang)l)), l);
    assert_string_equal(i18n_code(LANG_EL), "el");
    assert_string_equal(i18n_code(LANG_EN), "en");
    assert_int_equal(i18n_from_code("EN"), LANG_EN);
    assert_int_equal(i18n_from_code("gr"), LANG_COUNT);
    assert_int_equal(i18n_from_code(""), LANG_COUNT);
    assert_int_equal(i18n_from_code(NULL), LANG_COUNT);
    assert_string_equal(i18n_name(LANG_EL), "Ελληνικά");
    assert_string_equal(i18n_name(LANG_EN), "English");
}

static void test_weekdays_start_on_monday_and_are_all_different(void **state)
{
    (void)state;
    assert_string_equal(i18n_weekday(LANG_EL, 0), "Δευτέρα");
    assert_string_equal(i18n_weekday(LANG_EN, 0), "Monday");
    assert_string_equal(i18n_weekday(LANG_EL, 6), "Κυριακή");
    assert_string_equal(i18n_weekday(LANG_EN, 6), "Sunday");
    for (int l = 0; l < LANG_COUNT; l++) {
        for (int a = 0; a < 7; a++) {
            const char *full = i18n_weekday((Lang)l, a);
            const char *abbr = i18n_weekday_short((Lang)l, a);
            /* Persian and Urdu do not abbreviate weekdays (CLDR's abbreviated forms
             * are the full names); every other language here does */
            bool abbreviates = l != LANG_FA && l != LANG_UR;
            assert_true(strlen(abbr) > 0 && strlen(abbr) <= strlen(full));
            if (abbreviates && strlen(abbr) == strlen(full))
                fail_msg("%s: \"%s\" is not shorter than \"%s\"", i18n_code((Lang)l), abbr, full);
            for (int b = a + 1; b < 7; b++) {
                assert_string_not_equal(full, i18n_weekday((Lang)l, b));
                assert_string_not_equal(abbr, i18n_weekday_short((Lang)l, b));
            }
        }
        assert_string_equal(i18n_weekday((Lang)l, 7), "");
        assert_string_equal(i18n_weekday((Lang)l, -1), "");
        assert_string_equal(i18n_weekday_short((Lang)l, 7), "");
    }
}

static void test_dates_read_naturally_in_each_language(void **state)
{
    (void)state;
    char d[64];
    i18n_format_date(LANG_EL, 2026, 11, 25, d, sizeof d);
    assert_string_equal(d, "25 Νοεμβρίου 2026");
    i18n_format_date(LANG_EN, 2026, 11, 25, d, sizeof d);
    assert_string_equal(d, "25 November 2026");
    i18n_format_date(LANG_EL, 2023, 2, 24, d, sizeof d);
    assert_string_equal(d, "24 Φεβρουαρίου 2023");
    i18n_format_date(LANG_EL, 2027, 5, 1, d, sizeof d);
    assert_string_equal(d, "1 Μαΐου 2027");
}

static void test_each_new_language_writes_dates_its_own_way(void **state)
{
    (void)state;
    char d[96];
    /* Arabic: both the Levantine and the Egyptian month, digits 0-9 */
    i18n_format_long_date(LANG_AR, 2026, 11, 25, 2, d, sizeof d);
    assert_string_equal(d, "الأربعاء، 25 تشرين الثاني/نوفمبر 2026");
    /* Persian: Persian digits in dates and times */
    i18n_format_date(LANG_FA, 2026, 11, 25, d, sizeof d);
    assert_string_equal(d, "۲۵ نوامبر ۲۰۲۶");
    i18n_format_time(LANG_FA, 9 * 60 + 5, d, sizeof d);
    assert_string_equal(d, "۰۹:۰۵");
    /* Urdu: 0-9, the weekday then the date after the Urdu comma */
    i18n_format_long_date(LANG_UR, 2026, 11, 25, 2, d, sizeof d);
    assert_string_equal(d, "بدھ، 25 نومبر 2026");
    /* French: lower case, "9 h 00" with no-break spaces */
    i18n_format_long_date(LANG_FR, 2026, 11, 25, 2, d, sizeof d);
    assert_string_equal(d, "Mercredi 25 novembre 2026");
    i18n_format_time(LANG_FR, 9 * 60, d, sizeof d);
    assert_string_equal(d, "9\u00a0h\u00a000");
    /* the first of the month is "1er", in a date and in a holiday's day */
    i18n_format_long_date(LANG_FR, 2026, 12, 1, 1, d, sizeof d);
    assert_string_equal(d, "Mardi 1er décembre 2026");
    i18n_format_day_month(LANG_FR, 5, 1, d, sizeof d);
    assert_string_equal(d, "1er mai");
    i18n_format_day_month(LANG_FR, 5, 2, d, sizeof d);
    assert_string_equal(d, "2 mai");
    /* Ukrainian: the month in the genitive, "р." for the year */
    i18n_format_long_date(LANG_UK, 2026, 11, 25, 2, d, sizeof d);
    assert_string_equal(d, "Середа, 25 листопада 2026\u00a0р.");
    i18n_format_day_month(LANG_UK, 1, 7, d, sizeof d);
    assert_string_equal(d, "7 січня");
}

/* the "opens on" line as hours.c builds it: the weekday as weekday_on, the date, the time */
static void opens_on(Lang l, int weekday, int month, int day, int minutes, char *out, size_t n)
{
    char date[64], time[32];
    i18n_format_day_month(l, month, day, date, sizeof date);
    i18n_format_time(l, minutes, time, sizeof time);
    i18n_format(l, out, n, STR_OPENS_DATE, i18n_str(l, (StrId)(STR_WEEKDAY_ON_MONDAY + weekday)),
                date, time);
}

static void test_the_opening_line_reads_in_each_language_word_order(void **state)
{
    (void)state;
    char s[160];
    opens_on(LANG_UK, 2, 1, 7, 9 * 60, s, sizeof s);
    assert_string_equal(s, "відчиняється у середу, 7 січня, о 09:00");
    opens_on(LANG_FR, 2, 1, 7, 9 * 60, s, sizeof s);
    assert_string_equal(s, "ouvre le mercredi 7 janvier à 9\u00a0h\u00a000");
    opens_on(LANG_AR, 2, 1, 7, 9 * 60, s, sizeof s);
    assert_string_equal(s, "يفتح يوم الأربعاء 7 كانون الثاني/يناير الساعة 09:00");
    /* Persian and Urdu put the verb last; Urdu reorders the date before the weekday */
    opens_on(LANG_FA, 2, 1, 7, 9 * 60, s, sizeof s);
    assert_string_equal(s, "چهارشنبه ۷ ژانویه ساعت ۰۹:۰۰ باز می\u200cشود");
    opens_on(LANG_UR, 2, 1, 7, 9 * 60, s, sizeof s);
    assert_string_equal(s, "7 جنوری، بدھ کو 09:00 بجے کھلے گا");
}

static void test_greek_dates_put_every_month_in_the_genitive(void **state)
{
    (void)state;
    char d[64];
    for (int m = 1; m <= 12; m++) {
        i18n_format_date(LANG_EL, 2026, m, 1, d, sizeof d);
        /* "1 <month>ου 2026": the genitive of every Greek month ends in -ου */
        const char *year = strstr(d, " 2026");
        assert_non_null(year);
        assert_true(year - d >= 4);
        assert_memory_equal(year - 4, "ου", 4);
    }
}

static void test_long_dates_lead_with_the_weekday(void **state)
{
    (void)state;
    char d[96];
    i18n_format_long_date(LANG_EL, 2026, 11, 25, 2, d, sizeof d);
    assert_string_equal(d, "Τετάρτη 25 Νοεμβρίου 2026");
    i18n_format_long_date(LANG_EN, 2026, 11, 25, 2, d, sizeof d);
    assert_string_equal(d, "Wednesday 25 November 2026");
}

static void test_a_date_that_does_not_fit_or_make_sense_is_left_empty(void **state)
{
    (void)state;
    char small[10] = "xxxxxxxxx";
    i18n_format_date(LANG_EL, 2026, 11, 25, small, sizeof small);
    assert_string_equal(small, "");
    char d[64] = "x";
    i18n_format_date(LANG_EN, 2026, 13, 1, d, sizeof d);
    assert_string_equal(d, "");
    strcpy(d, "x");
    i18n_format_date(LANG_EN, 2026, 0, 1, d, sizeof d);
    assert_string_equal(d, "");
    strcpy(d, "x");
    i18n_format_long_date(LANG_EN, 2026, 11, 25, 9, d, sizeof d);
    assert_string_equal(d, "");
    char mid[20] = "x";     /* the date fits, the weekday before it does not */
    i18n_format_long_date(LANG_EN, 2026, 11, 25, 2, mid, sizeof mid);
    assert_string_equal(mid, "");
}

/* the compiled catalogue of po (msgfmt without --check, so that a broken .po still
 * compiles and the kiosk's own check must find the fault); *size gets its length */
static unsigned char *compile_po(const char *dir, const char *po, size_t *size)
{
    test_sh("msgfmt --endianness=little -o %s/test.mo %s 2>/dev/null", dir, po);
    char path[512];
    snprintf(path, sizeof path, "%s/test.mo", dir);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    unsigned char *mo = malloc(1 << 20);
    assert_non_null(mo);
    *size = fread(mo, 1, 1 << 20, f);
    fclose(f);
    return mo;
}

/* el.po changed by a sed script, compiled, and checked: 0, or 1 and why */
static int check_edited_po(const char *dir, const char *sed, char *why, size_t n)
{
    test_sh("sed -e '%s' assets/locale/el.po > %s/test.po", sed, dir);
    char po[512];
    snprintf(po, sizeof po, "%s/test.po", dir);
    size_t size;
    unsigned char *mo = compile_po(dir, po, &size);
    why[0] = '\0';
    int rc = i18n_check_catalogue(LANG_EL, mo, size, why, n);
    free(mo);
    return rc;
}

static void test_every_language_has_every_message_with_the_english_placeholders(void **state)
{
    (void)state;
    char why[512];
    for (int l = 0; l < LANG_COUNT; l++)
        if (i18n_check((Lang)l, why, sizeof why) != 0)
            fail_msg("%s.po: %s", i18n_code((Lang)l), why);
}

static void test_the_check_finds_a_missing_an_empty_a_fuzzy_or_a_stale_entry(void **state)
{
    (void)state;
    char *dir = test_tmpdir(), why[512];
    assert_int_equal(check_edited_po(dir, "", why, sizeof why), 0);
    /* the entry removed */
    assert_int_equal(check_edited_po(dir, "/^msgctxt \"pin.wrong\"$/,/^msgstr/d", why, sizeof why), 1);
    assert_non_null(strstr(why, "\"pin.wrong\" is missing or empty"));
    /* left untranslated */
    assert_int_equal(check_edited_po(dir, "s/^msgstr \"Λάθος κωδικός\"$/msgstr \"\"/", why, sizeof why), 1);
    assert_non_null(strstr(why, "\"pin.wrong\" is missing or empty"));
    /* marked fuzzy (a guess msgmerge made): msgfmt leaves it out */
    assert_int_equal(check_edited_po(dir, "s/^msgctxt \"pin.wrong\"$/#, fuzzy\\n&/", why, sizeof why), 1);
    assert_non_null(strstr(why, "\"pin.wrong\" is missing or empty"));
    /* translated from an English text that has changed since */
    assert_int_equal(check_edited_po(dir, "s/^msgid \"Wrong PIN\"$/msgid \"Wrong code\"/", why, sizeof why), 1);
    assert_non_null(strstr(why, "\"pin.wrong\" translates \"Wrong code\", but English now says \"Wrong PIN\""));
    test_rmdir(dir);
}

static void test_the_check_finds_placeholders_unlike_english(void **state)
{
    (void)state;
    char *dir = test_tmpdir(), why[512];
    /* a number shown as a string would crash the kiosk: %s for English's %d */
    assert_int_equal(check_edited_po(dir, "s/^msgstr \"Εφαρμόζεται σε %d δευτ.\"$/msgstr \"Εφαρμόζεται σε %s δευτ.\"/",
                                     why, sizeof why), 1);
    assert_non_null(strstr(why, "\"update.applies_in\": the placeholders"));
    /* a placeholder dropped */
    assert_int_equal(check_edited_po(dir, "s/^msgstr \"ανοίγει %s στις %s\"$/msgstr \"ανοίγει στις %s\"/",
                                     why, sizeof why), 1);
    assert_non_null(strstr(why, "\"hours.opens_weekday\""));
    /* reordered by number, as a translator may: the same placeholders */
    assert_int_equal(check_edited_po(dir, "s/^msgstr \"ανοίγει %s στις %s\"$/msgstr \"στις %2$s ανοίγει %1$s\"/",
                                     why, sizeof why), 0);
    test_rmdir(dir);
}

static void test_a_catalogue_built_in_has_its_language_row_and_each_row_its_catalogue(void **state)
{
    (void)state;
    int n = 0;
    for (; i18n_catalogue_codes[n]; n++)
        if (i18n_from_code(i18n_catalogue_codes[n]) == LANG_COUNT)
            fail_msg("assets/locale/%s.po has no row in I18N_LANGUAGES", i18n_catalogue_codes[n]);
    assert_int_equal(n, LANG_COUNT);
}

static void test_english_is_the_source_and_every_translation_says_it_is_a_draft(void **state)
{
    (void)state;
    assert_true(i18n_reviewed(LANG_EN));
    /* every translation, Greek too, waits for the centre's interpreters */
    static const Lang drafts[] = { LANG_EL, LANG_AR, LANG_FA, LANG_UR, LANG_FR, LANG_UK };
    for (size_t i = 0; i < sizeof drafts / sizeof drafts[0]; i++)
        if (i18n_reviewed(drafts[i]))
            fail_msg("%s.po says reviewed; the centre has not read it", i18n_code(drafts[i]));
    char *dir = test_tmpdir();
    size_t size;
    test_sh("sed -e 's/^\"X-Kiosk-Review: reviewed\\\\n\"$/\"X-Kiosk-Review: draft\\\\n\"/' "
            "assets/locale/en.po > %s/draft.po && grep -q 'Review: draft' %s/draft.po", dir, dir);
    char po[512];
    snprintf(po, sizeof po, "%s/draft.po", dir);
    unsigned char *mo = compile_po(dir, po, &size);
    assert_false(i18n_catalogue_reviewed(mo, size));
    free(mo);
    mo = compile_po(dir, "assets/locale/en.po", &size);
    assert_true(i18n_catalogue_reviewed(mo, size));
    free(mo);
    test_rmdir(dir);
}

static void test_a_message_with_placeholders_is_filled_and_cut_at_a_whole_character(void **state)
{
    (void)state;
    char full[128], buf[128];
    int len = i18n_format(LANG_EL, full, sizeof full, STR_CLOSED_TODAY_FOR, "Θεοφάνια");
    assert_string_equal(full, "Κλειστά σήμερα: Θεοφάνια");
    assert_int_equal(len, (int)strlen(full));
    for (size_t n = 1; n <= strlen(full) + 1; n++) {
        memset(buf, 'x', sizeof buf);
        assert_int_equal(i18n_format(LANG_EL, buf, n, STR_CLOSED_TODAY_FOR, "Θεοφάνια"), len);
        assert_true(strlen(buf) < n);
        assert_memory_equal(buf, full, strlen(buf));
        assert_true(text_utf8_valid(buf, strlen(buf)));
    }
    i18n_format(LANG_EN, buf, sizeof buf, STR_PIN_LOCKED, 5);
    assert_string_equal(buf, "Locked for 5 minutes");
}

static void test_times_and_dates_without_a_year(void **state)
{
    (void)state;
    char d[64];
    i18n_format_time(LANG_EL, 9 * 60, d, sizeof d);
    assert_string_equal(d, "09:00");
    i18n_format_time(LANG_EN, 23 * 60 + 59, d, sizeof d);
    assert_string_equal(d, "23:59");
    i18n_format_time(LANG_EN, 24 * 60, d, sizeof d);
    assert_string_equal(d, "");
    i18n_format_day_month(LANG_EL, 1, 7, d, sizeof d);
    assert_string_equal(d, "7 Ιανουαρίου");
    i18n_format_day_month(LANG_EN, 1, 7, d, sizeof d);
    assert_string_equal(d, "7 January");
}

static void test_every_message_has_a_key_of_its_own(void **state)
{
    (void)state;
    for (int a = 0; a < STR_COUNT; a++) {
        assert_true(strchr(i18n_key((StrId)a), '.') != NULL);
        for (int b = a + 1; b < STR_COUNT; b++)
            assert_string_not_equal(i18n_key((StrId)a), i18n_key((StrId)b));
    }
    assert_string_equal(i18n_key(STR_HOME), "screen.home");
    assert_string_equal(i18n_key(STR_COUNT), "?");
}

static void test_a_counted_message_takes_the_form_its_number_needs(void **state)
{
    (void)state;
    char buf[128];
    i18n_format_count(LANG_EL, buf, sizeof buf, STR_COMMITTEES_ADDED, 1, 1);
    assert_string_equal(buf, "1 επιτροπή προστέθηκε");
    i18n_format_count(LANG_EL, buf, sizeof buf, STR_COMMITTEES_ADDED, 3, 3);
    assert_string_equal(buf, "3 επιτροπές προστέθηκαν");
    i18n_format_count(LANG_EN, buf, sizeof buf, STR_COMMITTEES_REMOVED, 0, 0);
    assert_string_equal(buf, "0 committees removed");
    i18n_format_count(LANG_EN, buf, sizeof buf, STR_COMMITTEES_RENAMED, 1, 1);
    assert_string_equal(buf, "1 committee renamed");
    /* Ukrainian: one, a few, many */
    i18n_format_count(LANG_UK, buf, sizeof buf, STR_COMMITTEES_ADDED, 21, 21);
    assert_string_equal(buf, "Додано 21 комітет");
    i18n_format_count(LANG_UK, buf, sizeof buf, STR_COMMITTEES_ADDED, 3, 3);
    assert_string_equal(buf, "Додано 3 комітети");
    i18n_format_count(LANG_UK, buf, sizeof buf, STR_COMMITTEES_ADDED, 11, 11);
    assert_string_equal(buf, "Додано 11 комітетів");
    /* French: 0 and 1 take the singular */
    i18n_format_count(LANG_FR, buf, sizeof buf, STR_COMMITTEES_REMOVED, 0, 0);
    assert_string_equal(buf, "0 comité supprimé");
    i18n_format_count(LANG_FR, buf, sizeof buf, STR_COMMITTEES_REMOVED, 2, 2);
    assert_string_equal(buf, "2 comités supprimés");
}

static void test_each_plural_rule_picks_the_forms_its_languages_use(void **state)
{
    (void)state;
    static const struct { I18nPlural rule; unsigned long n; int form; } cases[] = {
        { I18N_PLURAL_ONE, 0, 1 }, { I18N_PLURAL_ONE, 1, 0 }, { I18N_PLURAL_ONE, 2, 1 },
        { I18N_PLURAL_ZERO_ONE, 0, 0 }, { I18N_PLURAL_ZERO_ONE, 1, 0 }, { I18N_PLURAL_ZERO_ONE, 2, 1 },
        /* Ukrainian: 1, 21 "комітет"; 2-4, 22 "комітети"; 5, 11, 12 "комітетів" */
        { I18N_PLURAL_SLAVIC, 1, 0 }, { I18N_PLURAL_SLAVIC, 21, 0 }, { I18N_PLURAL_SLAVIC, 2, 1 },
        { I18N_PLURAL_SLAVIC, 22, 1 }, { I18N_PLURAL_SLAVIC, 5, 2 }, { I18N_PLURAL_SLAVIC, 11, 2 },
        { I18N_PLURAL_SLAVIC, 12, 2 },
        /* Arabic: zero, one, two, few (3-10), many (11-99), other (100, 101, 102) */
        { I18N_PLURAL_ARABIC, 0, 0 }, { I18N_PLURAL_ARABIC, 1, 1 }, { I18N_PLURAL_ARABIC, 2, 2 },
        { I18N_PLURAL_ARABIC, 3, 3 }, { I18N_PLURAL_ARABIC, 110, 3 }, { I18N_PLURAL_ARABIC, 11, 4 },
        { I18N_PLURAL_ARABIC, 99, 4 }, { I18N_PLURAL_ARABIC, 100, 5 }, { I18N_PLURAL_ARABIC, 102, 5 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (i18n_plural_form(cases[i].rule, cases[i].n) != cases[i].form)
            fail_msg("rule %d, n %lu: form %d, expected %d", cases[i].rule, cases[i].n,
                     i18n_plural_form(cases[i].rule, cases[i].n), cases[i].form);
}

static void test_the_check_finds_a_missing_plural_form_and_a_wrong_plural_rule(void **state)
{
    (void)state;
    char *dir = test_tmpdir(), why[512];
    assert_int_equal(check_edited_po(dir, "/^msgstr\\[1\\] \"%d επιτροπές προστέθηκαν\"$/d", why, sizeof why), 1);
    assert_non_null(strstr(why, "\"update.committees_added\""));
    assert_int_equal(check_edited_po(dir, "s/^\"Plural-Forms: .*$/\"Plural-Forms: nplurals=2; plural=(n > 1);\\\\n\"/",
                                     why, sizeof why), 1);
    assert_non_null(strstr(why, "Plural-Forms should be \"nplurals=2; plural=(n != 1);\""));
    test_rmdir(dir);
}

/* the update screen's sentences were a table with a column per language, which read
 * past its two columns once a third language was added: now they are messages */
static void test_every_update_status_has_its_own_sentence_in_every_language(void **state)
{
    (void)state;
    for (int l = 0; l < LANG_COUNT; l++)
        for (int a = 0; a < UPDATE_STATUS_COUNT; a++) {
            const char *s = update_status_text((UpdateStatus)a, (Lang)l);
            assert_non_null(s);
            assert_true(strlen(s) > 3);
            for (int b = a + 1; b < UPDATE_STATUS_COUNT; b++)
                if (strcmp(s, update_status_text((UpdateStatus)b, (Lang)l)) == 0)
                    fail_msg("%s: statuses %d and %d both read \"%s\"", i18n_code((Lang)l), a, b, s);
        }
    assert_string_equal(update_status_text(UPDATE_OK, LANG_EN), "The update is done.");
    assert_string_equal(update_status_text(UPDATE_OK, LANG_UK), "Оновлення завершено.");
    assert_string_equal(update_status_text(UPDATE_STATUS_COUNT, LANG_EN), "?");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_interface_word_exists_in_both_languages),
        cmocka_unit_test(test_greek_words_are_written_in_greek_and_english_ones_are_not),
        cmocka_unit_test(test_the_tile_labels_read_as_the_centre_asked),
        cmocka_unit_test(test_greek_tile_labels_become_accent_free_headings),
        cmocka_unit_test(test_an_unknown_word_or_language_still_shows_text),
        cmocka_unit_test(test_language_codes_and_names_round_trip),
        cmocka_unit_test(test_weekdays_start_on_monday_and_are_all_different),
        cmocka_unit_test(test_dates_read_naturally_in_each_language),
        cmocka_unit_test(test_each_new_language_writes_dates_its_own_way),
        cmocka_unit_test(test_every_update_status_has_its_own_sentence_in_every_language),
        cmocka_unit_test(test_the_opening_line_reads_in_each_language_word_order),
        cmocka_unit_test(test_greek_dates_put_every_month_in_the_genitive),
        cmocka_unit_test(test_long_dates_lead_with_the_weekday),
        cmocka_unit_test(test_a_date_that_does_not_fit_or_make_sense_is_left_empty),
        cmocka_unit_test(test_every_language_has_every_message_with_the_english_placeholders),
        cmocka_unit_test(test_the_check_finds_a_missing_an_empty_a_fuzzy_or_a_stale_entry),
        cmocka_unit_test(test_the_check_finds_placeholders_unlike_english),
        cmocka_unit_test(test_a_catalogue_built_in_has_its_language_row_and_each_row_its_catalogue),
        cmocka_unit_test(test_english_is_the_source_and_every_translation_says_it_is_a_draft),
        cmocka_unit_test(test_a_message_with_placeholders_is_filled_and_cut_at_a_whole_character),
        cmocka_unit_test(test_times_and_dates_without_a_year),
        cmocka_unit_test(test_every_message_has_a_key_of_its_own),
        cmocka_unit_test(test_a_counted_message_takes_the_form_its_number_needs),
        cmocka_unit_test(test_each_plural_rule_picks_the_forms_its_languages_use),
        cmocka_unit_test(test_the_check_finds_a_missing_plural_form_and_a_wrong_plural_rule),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
