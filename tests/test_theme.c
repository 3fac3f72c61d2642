/* test_theme.c - every text colour against its background has a contrast ratio of at
 * least 7:1 (WCAG AAA), computed from the theme table itself. */
#include "testutil.h"
#include "ui/theme.h"

static void test_contrast_of_known_colours_matches_wcag(void **state)
{
    (void)state;
    assert_float_equal(theme_contrast(0x000000, 0xFFFFFF), 21.0, 0.01);
    assert_float_equal(theme_contrast(0x777777, 0xFFFFFF), 4.48, 0.01);
    assert_float_equal(theme_contrast(0xFFFFFF, 0xFFFFFF), 1.0, 0.001);
}

static void test_every_text_colour_has_7_to_1_contrast(void **state)
{
    (void)state;
    int n;
    const ThemePair *p = theme_pairs(&n);
    assert_true(n >= 10);
    for (int i = 0; i < n; i++) {
        double c = theme_contrast(theme_color(p[i].fg), theme_color(p[i].bg));
        if (c < 7.0)
            fail_msg("pair %d: %06X on %06X has contrast %.2f", i,
                     (unsigned)theme_color(p[i].fg), (unsigned)theme_color(p[i].bg), c);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_contrast_of_known_colours_matches_wcag),
        cmocka_unit_test(test_every_text_colour_has_7_to_1_contrast),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
