/* test_fold.c - the search key: what a visitor types and what the data says meet at
 * one folded key, in Greek, Greeklish, Latin with accents, Arabic, Farsi and Cyrillic. */
#include "testutil.h"
#include "core/fold.h"

static const char *fold(const char *s)
{
    static char buf[4][256];
    static int k;
    char *b = buf[k++ % 4];
    fold_text(s, b, sizeof buf[0]);
    return b;
}

/* fails unless a and b fold to the same key */
#define assert_same_key(a, b) assert_string_equal(fold(a), fold(b))

static void test_greek_case_tonos_and_final_sigma_fold_away(void **state)
{
    (void)state;
    /* FTS5's unicode61 keeps the tonos: νομικη would not find Νομική without this */
    assert_same_key("Νομική", "νομικη");
    assert_same_key("ΝΟΜΙΚΗ", "νομική");
    assert_same_key("Στέγαση", "ΣΤΕΓΑΣΗ");
    assert_same_key("νόμος", "ΝΟΜΟΣ");
    assert_same_key("Ϊ ϋ ΐ ΰ", "ι υ ι υ");
    assert_same_key("προϊόν", "προιον");
}

static void test_greeklish_finds_greek(void **state)
{
    (void)state;
    assert_string_equal(fold("Νομική"), "nomiki");
    assert_string_equal(fold("nomiki"), "nomiki");
    assert_string_equal(fold("Στέγαση"), "stegasi");
    assert_string_equal(fold("stegasi"), "stegasi");
    assert_same_key("nomikh", "νομική");          /* h for η */
    assert_same_key("ellinika", "Ελληνικά");
    assert_same_key("elinika", "Ελληνικά");       /* a doubled letter typed once */
    assert_same_key("asylo", "άσυλο");
    assert_same_key("asilo", "άσυλο");
    assert_same_key("psychologos", "ψυχολόγος");
    assert_same_key("psixologos", "ψυχολόγος");
    assert_same_key("douleia", "δουλειά");
    assert_same_key("doulia", "δουλειά");
    assert_same_key("giatros", "γιατρός");
    assert_same_key("xenodoxeio", "ξενοδοχείο");
    assert_same_key("ksenodoxeio", "ξενοδοχείο");
    assert_same_key("thessaloniki", "Θεσσαλονίκη");
    assert_same_key("paidia", "παιδιά");
    assert_same_key("pedia", "παιδιά");
    assert_same_key("kentro", "κέντρο");
    assert_same_key("mpanio", "μπάνιο");
    assert_same_key("banio", "μπάνιο");
    assert_same_key("agglika", "αγγλικά");
    assert_same_key("anglika", "αγγλικά");
    assert_same_key("eurw", "ευρώ");
    assert_same_key("evro", "ευρώ");
    assert_same_key("symvouleftiki", "συμβουλευτική");   /* ευ before τ sounds "ef" */
    assert_same_key("symvouleutiki", "συμβουλευτική");
    assert_same_key("efxaristo", "ευχαριστώ");
    assert_same_key("afto", "αυτό");
    assert_same_key("avgo", "αυγό");
    assert_same_key("filoxenia", "φιλοξενία");
    assert_same_key("philoxenia", "φιλοξενία");
}

static void test_different_words_keep_different_keys(void **state)
{
    (void)state;
    assert_string_not_equal(fold("νομική"), fold("ιατρική"));
    assert_string_not_equal(fold("στέγαση"), fold("εργασία"));
    assert_string_not_equal(fold("legal"), fold("health"));
}

static void test_latin_accents_and_case_fold_away(void **state)
{
    (void)state;
    assert_same_key("Café Société", "cafe societe");
    assert_same_key("ÉCOLE", "école");
    assert_same_key("Straße", "strasse");
    assert_same_key("Ærø Œuvre", "aero oeuvre");
    assert_same_key("Łódź", "lodz");
    assert_same_key("TÜRKÇE", "turkce");
}

static void test_arabic_and_farsi_letter_variants_and_harakat_fold_away(void **state)
{
    (void)state;
    assert_same_key("عربي", "عربی");            /* Arabic yeh, Farsi yeh */
    assert_same_key("مستشفى", "مستشفي");        /* alef maksura */
    assert_same_key("كتاب", "کتاب");            /* Arabic kaf, Farsi keheh */
    assert_same_key("مَدْرَسَة", "مدرسة");          /* harakat */
    assert_same_key("أحمد", "احمد");            /* hamza on alef */
    assert_same_key("لجـــوء", "لجوء");          /* tatweel */
    assert_same_key("می‌خواهم", "میخواهم");     /* zero-width non-joiner */
    assert_string_equal(fold("١٢٣ ۴۵۶"), "123 456");
    assert_string_not_equal(fold("لجوء"), fold("طبيب"));
}

static void test_cyrillic_case_folds_away(void **state)
{
    (void)state;
    assert_same_key("УКРАЇНА", "україна");
    assert_same_key("Юридична ДОПОМОГА", "юридична допомога");
    assert_same_key("Ёлка", "елка");
    assert_same_key("Ґанок", "ґанок");
}

static void test_punctuation_separates_words_and_spaces_collapse(void **state)
{
    (void)state;
    assert_string_equal(fold("  Legal,help!  (free) "), "legal ielp fre");  /* one of a doubled letter */
    assert_string_equal(fold("«Νομική»·βοήθεια"), "nomiki voithia");
    assert_string_equal(fold("Example Organisation 0042"), "exable organisation 0042"); /* mp as μπ */
    assert_string_equal(fold(""), "");
    assert_string_equal(fold("...---"), "");
    assert_string_equal(fold(NULL), "");
}

static void test_a_long_key_is_cut_between_characters(void **state)
{
    (void)state;
    char out[8];
    size_t n = fold_text("Ελληνικά", out, sizeof out);
    assert_int_equal(n, 7);
    assert_string_equal(out, "elinika");
    n = fold_text("юридична", out, sizeof out);
    assert_int_equal(n, 6);                    /* three 2-byte letters; a 4th would not fit */
    assert_string_equal(out, "юри");
    n = fold_text("ab", out, 1);
    assert_int_equal(n, 0);
    assert_string_equal(out, "");
}

static void test_malformed_utf8_is_a_separator(void **state)
{
    (void)state;
    assert_string_equal(fold("abc\xff" "def"), "abk def");
    assert_string_equal(fold("\xce"), "");
}

/* "symvo" is on its way to "symvou" (συμβου-), whose key has "u" where "symvo" has
 * "o": the search also asks for the completed pair */
static void test_a_word_being_typed_also_finds_its_completed_pairs(void **state)
{
    (void)state;
    char keys[8][FOLD_WORD];
    int n = fold_completions("nomiki symvo", keys, 8);
    assert_int_equal(n, 2);                 /* ou, oi */
    assert_string_equal(keys[0], "simvu");
    assert_string_equal(keys[1], "simvi");
    n = fold_completions("συμβο", keys, 8);
    assert_int_equal(n, 2);
    assert_string_equal(keys[0], "simvu");
    n = fold_completions("exam", keys, 8);
    assert_int_equal(n, 1);
    assert_string_equal(keys[0], "exab");
    assert_int_equal(fold_completions("stegasi ", keys, 8), 0);
    assert_int_equal(fold_completions("stegasi", keys, 8), 0);
    assert_int_equal(fold_completions("", keys, 8), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_greek_case_tonos_and_final_sigma_fold_away),
        cmocka_unit_test(test_greeklish_finds_greek),
        cmocka_unit_test(test_different_words_keep_different_keys),
        cmocka_unit_test(test_latin_accents_and_case_fold_away),
        cmocka_unit_test(test_arabic_and_farsi_letter_variants_and_harakat_fold_away),
        cmocka_unit_test(test_cyrillic_case_folds_away),
        cmocka_unit_test(test_punctuation_separates_words_and_spaces_collapse),
        cmocka_unit_test(test_a_long_key_is_cut_between_characters),
        cmocka_unit_test(test_malformed_utf8_is_a_separator),
        cmocka_unit_test(test_a_word_being_typed_also_finds_its_completed_pairs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
