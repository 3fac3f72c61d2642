/* test_theme.c - the contrast computation that the themes are held to. Which colours
 * are drawn on which is not listed here: tests/test_ui.c takes every text and icon the
 * screens emit, in both themes, and checks each against what is under it. */
#include "testutil.h"
#include "ui/theme.h"

static void test_contrast_of_known_colours_matches_wcag(void **state)
{
    (void)state;
    assert_float_equal(theme_contrast(0x000000, 0xFFFFFF), 21.0, 0.01);
    assert_float_equal(theme_contrast(0x777777, 0xFFFFFF), 4.48, 0.01);
    assert_float_equal(theme_contrast(0xFFFFFF, 0xFFFFFF), 1.0, 0.001);
    assert_float_equal(theme_contrast(0xFFFF00, 0x000000), 19.56, 0.01);
}

/* the normal theme is what every screenshot of the kiosk has shown */
static void test_the_normal_theme_is_the_default_one(void **state)
{
    (void)state;
    for (int c = 0; c < COLOR_COUNT; c++)
        assert_int_equal(theme_color((ThemeColor)c), theme_color_in(THEME_NORMAL, (ThemeColor)c));
    assert_int_equal(theme_color(COLOR_BG), 0xFFFEFF);
    assert_int_equal(theme_color_in(THEME_HIGH_CONTRAST, COLOR_BG), 0x000000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_contrast_of_known_colours_matches_wcag),
        cmocka_unit_test(test_the_normal_theme_is_the_default_one),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
