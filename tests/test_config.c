/* test_config.c - kiosk.conf as the maintainer writes it: defaults, every key, and
 * the "path:line: message" that a mistake gives at start-up. */
#include "testutil.h"
#include "core/config.h"

typedef struct Fixture {
    char *dir;
    char path[256];
} Fixture;

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->dir = test_tmpdir();
    snprintf(f->path, sizeof f->path, "%s/kiosk.conf", f->dir);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    test_rmdir(f->dir);
    free(f);
    return 0;
}

/* writes text as the config file */
static const char *write_conf(Fixture *f, const char *text)
{
    FILE *fp = fopen(f->path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(text, 1, strlen(text), fp), strlen(text));
    assert_int_equal(fclose(fp), 0);
    return f->path;
}

static void assert_defaults(const Config *c)
{
    assert_int_equal(c->width, 0);
    assert_int_equal(c->height, 0);
    assert_int_equal(c->rotation, 0);
    assert_true(c->dpi == 96.0);
    const float identity[6] = { 1, 0, 0, 0, 1, 0 };
    assert_memory_equal(c->touch_matrix, identity, sizeof identity);
    assert_int_equal(c->default_lang, LANG_EL);
    assert_int_equal(c->idle_timeout_s, 90);
    assert_int_equal(c->night_after_close_min, 30);
    assert_string_equal(c->data_dir, "/var/lib/kiosk");
    assert_string_equal(c->default_data, "/usr/share/kiosk/data");
    assert_true(c->city_holiday);
    assert_true(c->shortened_days);
    assert_string_equal(c->usb_dir, "/media/kiosk-usb");
    assert_string_equal(c->trusted_keys, "/etc/kiosk/trusted-keys");
    assert_false(c->staff_approval);
    assert_string_equal(c->staff_pin_hash, "");
    assert_string_equal(c->audio_device, "");
    assert_string_equal(c->organization, "");
}

static void test_defaults_need_no_file(void **state)
{
    Fixture *f = *state;
    Config c;
    config_defaults(&c);
    assert_defaults(&c);
    char missing[300], err[256] = "";
    snprintf(missing, sizeof missing, "%s/no-such.conf", f->dir);
    memset(&c, 0x55, sizeof c);
    assert_int_equal(config_load(&c, missing, err, sizeof err), 0);
    assert_defaults(&c);
    assert_string_equal(err, "");
}

static void test_an_empty_or_comment_only_file_means_the_defaults(void **state)
{
    Fixture *f = *state;
    Config c;
    char err[256];
    assert_int_equal(config_load(&c, write_conf(f, ""), err, sizeof err), 0);
    assert_defaults(&c);
    assert_int_equal(config_load(&c, write_conf(f, "# kiosk.conf\n; nothing set\n\n[display]\n"),
                                 err, sizeof err), 0);
    assert_defaults(&c);
}

static void test_every_key_is_read(void **state)
{
    Fixture *f = *state;
    Config c;
    char err[256] = "";
    const char *text =
        "\xEF\xBB\xBF# saved by a text editor that writes a BOM\r\n"
        "[display]\r\n"
        "width = 800\r\n"
        "height = 480\r\n"
        "rotation = 270\r\n"
        "dpi = 141.5\r\n"
        "touch_matrix = 0 -1 1, 1 0 0\r\n"
        "[kiosk]\r\n"
        "default_language = en\r\n"
        "idle_timeout = 120 ; two minutes\r\n"
        "night_after_close = off\r\n"
        "data_dir = /srv/kiosk\r\n"
        "default_data = /opt/kiosk/data\r\n"
        "[hours]\r\n"
        "city_holiday = no\r\n"
        "shortened_days = FALSE\r\n"
        "[update]\r\n"
        "usb_dir = /media/usb0\r\n"
        "trusted_keys = /etc/kiosk/keys.d\r\n"
        "staff_approval = yes\r\n"
        "staff_pin_hash = $argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g\r\n"
        "organization = accmr\r\n"
        "[speech]\r\n"
        "audio_device = plughw:CARD=Device,DEV=0\r\n";
    int rc = config_load(&c, write_conf(f, text), err, sizeof err);
    if (rc != 0) fail_msg("%s", err);
    assert_int_equal(c.width, 800);
    assert_int_equal(c.height, 480);
    assert_int_equal(c.rotation, 270);
    assert_true(c.dpi == 141.5);
    const float m[6] = { 0, -1, 1, 1, 0, 0 };
    assert_memory_equal(c.touch_matrix, m, sizeof m);
    assert_int_equal(c.default_lang, LANG_EN);
    assert_int_equal(c.idle_timeout_s, 120);
    assert_int_equal(c.night_after_close_min, -1);
    assert_string_equal(c.data_dir, "/srv/kiosk");
    assert_string_equal(c.default_data, "/opt/kiosk/data");
    assert_false(c.city_holiday);
    assert_false(c.shortened_days);
    assert_string_equal(c.usb_dir, "/media/usb0");
    assert_string_equal(c.trusted_keys, "/etc/kiosk/keys.d");
    assert_true(c.staff_approval);
    assert_string_equal(c.staff_pin_hash, "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g");
    assert_string_equal(c.audio_device, "plughw:CARD=Device,DEV=0");
    assert_string_equal(c.organization, "accmr");
}

static void test_keys_not_in_the_file_keep_their_defaults(void **state)
{
    Fixture *f = *state;
    Config c;
    char err[256];
    assert_int_equal(config_load(&c, write_conf(f, "[kiosk]\nidle_timeout = 10\n"),
                                 err, sizeof err), 0);
    assert_int_equal(c.idle_timeout_s, 10);
    c.idle_timeout_s = 90;
    assert_defaults(&c);
}

/* loads text and expects an error at line, whose message contains word */
static void expect_error(Fixture *f, const char *text, int line, const char *word)
{
    Config c;
    char err[256] = "", prefix[300];
    if (config_load(&c, write_conf(f, text), err, sizeof err) != -1)
        fail_msg("accepted: %s", text);
    snprintf(prefix, sizeof prefix, "%s:%d: ", f->path, line);
    if (strncmp(err, prefix, strlen(prefix)) != 0 || !strstr(err, word))
        fail_msg("for \"%s\" got \"%s\", wanted \"%s...%s...\"", text, err, prefix, word);
    assert_defaults(&c);        /* nothing half-read is used */
}

static void test_bad_values_name_the_file_and_line(void **state)
{
    Fixture *f = *state;
    expect_error(f, "[display]\nwidth = 800\nrotation = 45\n", 3, "rotation");
    expect_error(f, "[display]\nrotation = ninety\n", 2, "rotation");
    expect_error(f, "[kiosk]\nidle_timeout = 5\n", 2, "idle_timeout");
    expect_error(f, "[kiosk]\nidle_timeout = 3601\n", 2, "idle_timeout");
    expect_error(f, "[kiosk]\nidle_timeout = 90s\n", 2, "idle_timeout");
    /* a language the kiosk does not speak; the message lists those it does */
    expect_error(f, "[kiosk]\ndefault_language = de\n", 2, "must be el, en, ar, fa, ur, fr or uk");
    expect_error(f, "[kiosk]\nnight_after_close = -5\n", 2, "night_after_close");
    expect_error(f, "[kiosk]\ndata_dir = var/lib/kiosk\n", 2, "absolute");
    expect_error(f, "[display]\ntouch_matrix = 1 0 0 0 1\n", 2, "touch_matrix");
    expect_error(f, "[display]\ntouch_matrix = 1 0 0 0 1 0 0\n", 2, "touch_matrix");
    expect_error(f, "[display]\ntouch_matrix = 1 0 x 0 1 0\n", 2, "touch_matrix");
    expect_error(f, "[display]\ndpi = 0\n", 2, "dpi");
    expect_error(f, "[display]\nwidth = -800\n", 2, "size");
    expect_error(f, "[hours]\ncity_holiday = maybe\n", 2, "true or false");
    expect_error(f, "[update]\nstaff_pin_hash = 1234\n", 2, "Argon2");
    /* a device name with a space would reach ALSA as two words: refused at start-up */
    expect_error(f, "[speech]\naudio_device = USB Audio\n", 2, "audio_device");
    expect_error(f, "[speech]\naudio_device = plughw:CARD=" "0123456789012345678901234567890123456789"
                    "0123456789,DEV=0\n", 2, "audio_device");
    expect_error(f, "[kiosk]\naudio_device = off\n", 2, "audio_device");
    expect_error(f, "[update]\norganization = city of athens\n", 2, "record id");
}

static void test_unknown_keys_and_sections_are_errors(void **state)
{
    Fixture *f = *state;
    /* a typo must not silently leave a default in force */
    expect_error(f, "[kiosk]\nidle_timout = 60\n", 2, "idle_timout");
    expect_error(f, "[kiosk]\nrotation = 90\n", 2, "rotation");
    expect_error(f, "[dispaly]\nwidth = 800\n", 2, "dispaly");
    expect_error(f, "width = 800\n", 1, "section");
}

static void test_malformed_lines_are_errors_too(void **state)
{
    Fixture *f = *state;
    expect_error(f, "[display]\n\nthis is not a setting\nwidth = 800\n", 3, "key = value");
    expect_error(f, "[display\nwidth = 800\n", 1, "section");
    /* the first mistake is the one reported */
    expect_error(f, "[kiosk]\nidle_timeout = 1\ngarbage\n", 2, "idle_timeout");
    expect_error(f, "[kiosk]\ngarbage\nidle_timeout = 1\n", 2, "key = value");
}

static void test_a_line_too_long_to_read_is_an_error_not_two_lines(void **state)
{
    Fixture *f = *state;
    char text[600] = "[kiosk]\ndata_dir = /";
    size_t len = strlen(text);
    memset(text + len, 'a', 300);
    strcpy(text + len + 300, "\nidle_timeout = 60\n");
    expect_error(f, text, 2, "line");
}

static void test_a_directory_instead_of_a_file_is_an_error(void **state)
{
    Fixture *f = *state;
    Config c;
    char err[256] = "";
    assert_int_equal(config_load(&c, f->dir, err, sizeof err), -1);
    assert_memory_equal(err, f->dir, strlen(f->dir));
    assert_non_null(strstr(err, "directory"));
    /* no room for the message is fine */
    assert_int_equal(config_load(&c, write_conf(f, "[x]\ny = 1\n"), NULL, 0), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_defaults_need_no_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_an_empty_or_comment_only_file_means_the_defaults,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_every_key_is_read, setup, teardown),
        cmocka_unit_test_setup_teardown(test_keys_not_in_the_file_keep_their_defaults,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_values_name_the_file_and_line, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unknown_keys_and_sections_are_errors,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_malformed_lines_are_errors_too, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_line_too_long_to_read_is_an_error_not_two_lines,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_directory_instead_of_a_file_is_an_error,
                                        setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
