/* test_cmd.c - the command table and where content comes from (src/cmd/, store_source.c,
 * share.c):
 * every command is reached by its name and says its usage under that name, and each kind
 * of content source opens what it names, or falls back and says so. */
#include "testutil.h"

#include <stdbool.h>
#include <sys/stat.h>

#include "cmd/cmd.h"
#include "core/share.h"
#include "core/store.h"

/* runs `kiosk ARGS...` through the table with stdout and stderr sent to /dev/null */
#define KIOSK(...) run_kiosk((char *[]){ "kiosk", __VA_ARGS__, NULL })
static int run_kiosk(char **argv)
{
    int argc = 0;
    while (argv[argc])
        argc++;
    fflush(stdout);
    fflush(stderr);
    int out = dup(1), err = dup(2);
    assert_non_null(freopen("/dev/null", "w", stdout));
    assert_non_null(freopen("/dev/null", "w", stderr));
    int rc = cmd_main(argc, argv);
    fflush(stdout);
    fflush(stderr);
    dup2(out, 1);
    dup2(err, 2);
    close(out);
    close(err);
    return rc;
}

static void test_every_command_is_listed_in_the_usage_under_its_own_name(void **state)
{
    (void)state;
    char text[4096] = "";
    FILE *f = fmemopen(text, sizeof text - 1, "w");
    assert_non_null(f);
    cmd_usage(f);
    fclose(f);
    int rows = 0;
#define CHECK_ROW(id, name, usage) \
    do { \
        char line[256]; \
        snprintf(line, sizeof line, "kiosk %s", usage); \
        if (!strstr(text, line)) \
            fail_msg("`kiosk --help` does not list %s", #id); \
        if (strncmp(usage, name, strlen(name)) != 0) \
            fail_msg("the usage of \"%s\" starts with another name: %s", name, usage); \
        rows++; \
    } while (0);
    CMD_LIST(CHECK_ROW)
#undef CHECK_ROW
    assert_int_equal(rows, 11);
    assert_non_null(strstr(text, "usage: kiosk [--config FILE]"));   /* the kiosk, first */
}

static void test_a_command_is_found_by_its_name_and_a_bad_name_is_bad_usage(void **state)
{
    (void)state;
    assert_int_equal(KIOSK("check", "data"), 0);
    assert_int_equal(KIOSK("check", "/nonexistent"), 1);
    assert_int_equal(KIOSK("check"), 2);
    assert_int_equal(KIOSK("chek", "data"), 2);
    assert_int_equal(KIOSK("--help"), 0);
    assert_int_equal(KIOSK("hours", "--at", "2026-11-25T10:30"), 0);
    assert_int_equal(KIOSK("hours", "--at", "2026-11-25T10:30", "--db", "/nonexistent"), 1);
    assert_int_equal(KIOSK("hours", "--at"), 2);
}

static void test_a_package_and_a_database_file_open_as_they_are(void **state)
{
    (void)state;
    char why[512], *tmp = test_tmpdir(), path[600];
    Db *db = NULL;
    bool live = true;
    StoreSource pkg = { .package = "data" };
    assert_int_equal(store_open_source(&pkg, &db, &live, why, sizeof why), 0);
    assert_non_null(db);
    assert_false(live);
    db_close(db);
    StoreSource broken = { .package = tmp };    /* an empty folder is no package */
    assert_int_equal(store_open_source(&broken, &db, &live, why, sizeof why), -1);
    assert_non_null(strstr(why, "cannot be used"));
    snprintf(path, sizeof path, "%s/none.db", tmp);
    StoreSource file = { .db_path = path, .package = "data" };     /* --db wins */
    assert_int_equal(store_open_source(&file, &db, &live, why, sizeof why), -1);
    test_rmdir(tmp);
}

static void test_the_live_folder_is_made_and_filled_with_the_built_in_content(void **state)
{
    (void)state;
    char why[512], *tmp = test_tmpdir(), dir[600], live_db[700];
    snprintf(dir, sizeof dir, "%s/state", tmp);
    Db *db = NULL;
    bool live = false;
    StoreSource src = { .data_dir = dir, .default_pkg = "data" };
    assert_int_equal(store_open_source(&src, &db, &live, why, sizeof why), 1);
    assert_true(live);
    assert_non_null(strstr(why, "the built-in content is used"));
    db_close(db);
    snprintf(live_db, sizeof live_db, "%s/%s", dir, STORE_LIVE);
    assert_int_equal(access(live_db, F_OK), 0);
    assert_int_equal(store_open_source(&src, &db, &live, why, sizeof why), 0);   /* again */
    assert_true(live);
    db_close(db);
    test_rmdir(tmp);
}

static void test_a_data_folder_that_cannot_be_made_shows_the_built_in_content(void **state)
{
    (void)state;
    char why[512], *tmp = test_tmpdir(), dir[600];
    test_sh("touch '%s/file'", tmp);
    snprintf(dir, sizeof dir, "%s/file/state", tmp);
    Db *db = NULL;
    bool live = true;
    StoreSource src = { .data_dir = dir, .default_pkg = "/nonexistent", .share_dir = "." };
    assert_int_equal(store_open_source(&src, &db, &live, why, sizeof why), 1);
    assert_false(live);
    assert_non_null(strstr(why, "showing the built-in content"));
    assert_non_null(db);
    db_close(db);
    test_rmdir(tmp);
}

static void test_the_built_in_package_is_the_share_folders_data_when_none_is_installed(
    void **state)
{
    (void)state;
    char buf[256];
    assert_string_equal(store_builtin_package("data", NULL, buf, sizeof buf), "data");
    assert_string_equal(store_builtin_package("/nonexistent", "/opt/k", buf, sizeof buf),
                        "/opt/k/data");
}

/* build/tests/ has no ../fonts: a test program is not a build tree's kiosk */
static void test_the_share_folder_is_the_given_one_else_the_installed_one(void **state)
{
    (void)state;
    char dir[256];
    share_find_dir("/opt/kiosk", dir, sizeof dir);
    assert_string_equal(dir, "/opt/kiosk");
    share_find_dir(NULL, dir, sizeof dir);
    assert_string_equal(dir, SHARE_INSTALLED);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_command_is_listed_in_the_usage_under_its_own_name),
        cmocka_unit_test(test_a_command_is_found_by_its_name_and_a_bad_name_is_bad_usage),
        cmocka_unit_test(test_a_package_and_a_database_file_open_as_they_are),
        cmocka_unit_test(test_the_live_folder_is_made_and_filled_with_the_built_in_content),
        cmocka_unit_test(test_a_data_folder_that_cannot_be_made_shows_the_built_in_content),
        cmocka_unit_test(test_the_built_in_package_is_the_share_folders_data_when_none_is_installed),
        cmocka_unit_test(test_the_share_folder_is_the_given_one_else_the_installed_one),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
