/* test_theme.c - the WCAG contrast ratio the kiosk's colours are held to. That every
 * text and icon has 7:1 against what is drawn behind it, in both themes, is tested on
 * what the screens really draw (tests/test_access.c), not on a list of pairs. */
#include "testutil.h"
#include "ui/theme.h"

static void test_contrast_of_known_colours_matches_wcag(void **state)
{
    (void)state;
    assert_float_equal(theme_contrast(0x000000, 0xFFFFFF), 21.0, 0.01);
    assert_float_equal(theme_contrast(0x777777, 0xFFFFFF), 4.48, 0.01);
    assert_float_equal(theme_contrast(0xFFFFFF, 0xFFFFFF), 1.0, 0.001);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_contrast_of_known_colours_matches_wcag),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
