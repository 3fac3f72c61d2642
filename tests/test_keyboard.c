/* test_keyboard.c - the directory's keyboard: every key is one character, each layout
 * types its own script, erasing removes whole characters. */
#include "testutil.h"
#include "core/text.h"
#include "ui/keyboard.h"

static void test_every_key_is_one_whole_character(void **state)
{
    (void)state;
    for (int l = 0; l < KB_COUNT; l++) {
        const char *const *rows;
        int n = kb_rows((KbLayout)l, &rows);
        assert_true(n >= 3 && n <= KB_MAX_ROWS);
        for (int r = 0; r < n; r++) {
            int keys = kb_row_keys((KbLayout)l, r);
            assert_true(keys > 0 && keys <= KB_MAX_KEYS);
            for (int k = 0; k < keys; k++) {
                char key[8];
                assert_int_equal(kb_key((KbLayout)l, r, k, key), 0);
                const char *p = key;
                assert_true(text_utf8_valid(key, strlen(key)));
                assert_true(text_utf8_next(&p) != 0);
                assert_int_equal(*p, 0);          /* exactly one code point */
            }
            char key[8];
            assert_int_equal(kb_key((KbLayout)l, r, keys, key), -1);
        }
    }
}

static void test_typing_and_erasing_edit_whole_characters(void **state)
{
    (void)state;
    char text[16] = "";
    char key[8];
    assert_int_equal(kb_key(KB_GREEK, 2, 0, key), 0);
    assert_string_equal(key, "α");
    kb_type(text, sizeof text, "ν");
    kb_type(text, sizeof text, "ο");
    kb_type(text, sizeof text, "μ");
    assert_string_equal(text, "νομ");
    kb_erase(text);
    assert_string_equal(text, "νο");
    kb_type(text, sizeof text, "لج");
    kb_erase(text);
    kb_erase(text);
    kb_erase(text);
    kb_erase(text);
    assert_string_equal(text, "");
    for (int i = 0; i < 20; i++)
        kb_type(text, sizeof text, "ж");     /* 2 bytes: 7 fit in 16 with the NUL */
    assert_int_equal(strlen(text), 14);
    assert_true(text_utf8_valid(text, strlen(text)));
}

static void test_each_layout_types_its_own_script(void **state)
{
    (void)state;
    char key[8];
    kb_key(KB_LATIN, 1, 0, key);
    assert_string_equal(key, "q");
    kb_key(KB_ARABIC, 1, 0, key);
    assert_string_equal(key, "ش");
    kb_key(KB_CYRILLIC, 0, 0, key);
    assert_string_equal(key, "й");
    assert_string_equal(kb_label(KB_GREEK), "ΑΒΓ");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_key_is_one_whole_character),
        cmocka_unit_test(test_typing_and_erasing_edit_whole_characters),
        cmocka_unit_test(test_each_layout_types_its_own_script),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
