/* test_update_crash.c - a power cut during an update: the applying process is killed
 * with SIGKILL at 200 random instants spread over the apply, and every time the live
 * database opens, passes SQLite's integrity_check (the sqlite3 tool), holds exactly
 * the old content or exactly the new, and the next start uses it without falling
 * back. The package is staged and verified once; each round restores that state
 * and applies it in a child process, which the parent kills after a random delay
 * counted from the call of update_apply, uniform over the apply's measured length
 * (the only sleeps here: they are the random kill points). */
#include "testutil.h"

#include <signal.h>
#include <sys/wait.h>
#include <time.h>

#include "core/db.h"
#include "core/store.h"
#include "core/update.h"

#define ROUNDS 200

static void sh(const char *cmd)
{
    if (system(cmd) != 0)
        fail_msg("command failed: %s", cmd);
}

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* the sqlite3 tool's PRAGMA integrity_check says "ok" */
static bool integrity_ok(const char *db)
{
    char cmd[900], line[256] = "";
    snprintf(cmd, sizeof cmd, "sqlite3 -readonly '%s' 'PRAGMA integrity_check;' 2>&1", db);
    FILE *p = popen(cmd, "r");
    if (!p)
        return false;
    if (!fgets(line, sizeof line, p))
        line[0] = '\0';
    pclose(p);
    return strcmp(line, "ok\n") == 0;
}

/* forks a child that applies the verified update (the child's copy of it: the
 * parent's stays verified); returns its pid once the child is about to call
 * update_apply (it says so through a pipe) */
static pid_t apply_in_child(Update *verified)
{
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(fds[0]);
        if (write(fds[1], "g", 1) != 1)
            _exit(99);
        _exit(update_apply(verified));
    }
    close(fds[1]);
    char c;
    assert_int_equal(read(fds[0], &c, 1), 1);
    close(fds[0]);
    return pid;
}

/* 200 kills at random points of the apply; old or new content every time */
static void test_a_killed_update_leaves_the_old_or_the_new_content(void **state)
{
    (void)state;
    char *root = test_tmpdir();
    char cmd[8192], state_dir[600], snap[600], kiosk[600], keys[600], live[700], why[1024];
    char ref_old[700], ref_new[700], out[512], cwd[400];
    assert_non_null(getcwd(cwd, sizeof cwd));
    snprintf(state_dir, sizeof state_dir, "%s/state", root);
    snprintf(snap, sizeof snap, "%s/snapshot", root);
    snprintf(kiosk, sizeof kiosk, "%s/stick/KIOSK", root);
    snprintf(keys, sizeof keys, "%s/keys", root);
    snprintf(live, sizeof live, "%s/" STORE_LIVE, state_dir);
    snprintf(ref_old, sizeof ref_old, "%s/old.db", root);
    snprintf(ref_new, sizeof ref_new, "%s/new.db", root);
    /* the installed content (2026.1.1) and a signed update (2026.2.1, new phone, 16:00) */
    snprintf(cmd, sizeof cmd,
             "set -e; cd '%s'; mkdir -p keys base '%s'; cp -R '%s/data/.' base/; "
             "sed -i 's/\"version\": *\"[^\"]*\"/\"version\": \"2026.1.1\"/' base/datapackage.json; "
             "grep -q '2026.1.1' base/datapackage.json; cp -R base/. '%s'; "
             "sed -i 's/2026.1.1/2026.2.1/' '%s/datapackage.json'; "
             "sed -i 's/+30 210 3638625/+30 210 5202020/' '%s/phones.csv'; "
             "sed -i 's/,17:00,/,16:00,/' '%s/schedules.csv'; "
             "minisign -G -W -p keys/k.pub -s k.sec >/dev/null; "
             "'%s/tools/sign-update' stick k.sec >/dev/null",
             root, kiosk, cwd, kiosk, kiosk, kiosk, kiosk, cwd);
    sh(cmd);
    snprintf(cmd, sizeof cmd, "%s/base", root);
    Db *db = NULL;
    assert_int_equal(store_open_live(state_dir, cmd, &db, why, sizeof why), 1);
    db_close(db);
    snprintf(cmd, sizeof cmd, "cp '%s' '%s'", live, ref_old);
    sh(cmd);

    Update *verified = update_create();
    update_begin(verified, kiosk, state_dir, keys, false, LANG_EN);
    assert_int_equal(update_stage(verified), UPDATE_OK);
    assert_int_equal(update_verify(verified), UPDATE_OK);
    snprintf(cmd, sizeof cmd, "cp '%s/" STORE_NEW "' '%s' && cp -a '%s' '%s'", state_dir, ref_new,
             state_dir, snap);
    sh(cmd);
    snprintf(cmd, sizeof cmd, "rm -rf '%s' && cp -a '%s' '%s'", state_dir, snap, state_dir);

    /* how long an apply takes, from the child's signal to its exit */
    double span = 0;
    for (int i = 0; i < 5; i++) {
        sh(cmd);
        int st;
        pid_t pid = apply_in_child(verified);
        double t0 = now_s();
        waitpid(pid, &st, 0);
        span += now_s() - t0;
        assert_true(WIFEXITED(st) && WEXITSTATUS(st) == UPDATE_OK);
    }
    span = span / 5 * 1.1;

    unsigned seed = (unsigned)time(NULL);
    srand(seed);
    int saw_old = 0, saw_new = 0;
    for (int i = 0; i < ROUNDS; i++) {
        sh(cmd);
        double delay = span * rand() / (double)RAND_MAX;
        pid_t pid = apply_in_child(verified);
        struct timespec d = { (time_t)delay, (long)((delay - (double)(time_t)delay) * 1e9) };
        nanosleep(&d, NULL);
        kill(pid, SIGKILL);
        int st;
        waitpid(pid, &st, 0);
        if (!integrity_ok(live))
            fail_msg("round %d (seed %u, %.2f ms): integrity_check failed", i, seed, delay * 1e3);
        if (store_validate(live, why, sizeof why) != 0)
            fail_msg("round %d (seed %u): %s", i, seed, why);
        bool is_old = update_describe_changes(ref_old, live, LANG_EN, out, sizeof out) == 0;
        bool is_new = !is_old &&
                      update_describe_changes(ref_new, live, LANG_EN, out, sizeof out) == 0;
        if (!is_old && !is_new)
            fail_msg("round %d (seed %u): a mix of old and new: %s", i, seed, out);
        saw_old += is_old;
        saw_new += is_new;
        db = NULL;
        if (store_open_live(state_dir, snap, &db, why, sizeof why) != 0)
            fail_msg("round %d (seed %u): the next start fell back: %s", i, seed, why);
        db_close(db);
    }
    print_message("%d kills: %d left the old content, %d the new (apply %.1f ms)\n", ROUNDS,
                  saw_old, saw_new, span * 1e3);
    update_destroy(verified);
    test_rmdir(root);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_killed_update_leaves_the_old_or_the_new_content),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
