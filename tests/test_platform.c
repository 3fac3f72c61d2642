/* test_platform.c - the systemd notifications and the input-device check.
 * The notify tests play systemd: they bind a datagram socket, point NOTIFY_SOCKET
 * at it, and read what the kiosk sent. The input tests build a directory of fake
 * event nodes, since the test machine has no touch screen. The last tests read the
 * /etc/kiosk/kiosk.conf that the package installs (assets/kiosk.conf). */
#include "testutil.h"

#include <fcntl.h>
#include <grp.h>
#include <errno.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>

#include "core/config.h"
#include "platform/inputcheck.h"
#include "platform/journal.h"
#include "platform/sdnotify.h"

typedef struct FakeSystemd {
    char *dir;
    int fd;
} FakeSystemd;

/* binds a datagram socket in a fresh directory and exports NOTIFY_SOCKET */
static void fake_systemd_start(FakeSystemd *s)
{
    struct sockaddr_un a = { .sun_family = AF_UNIX };
    s->dir = test_tmpdir();
    snprintf(a.sun_path, sizeof a.sun_path, "%s/notify", s->dir);
    s->fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    assert_true(s->fd >= 0);
    assert_int_equal(bind(s->fd, (struct sockaddr *)&a, sizeof a), 0);
    assert_int_equal(setenv("NOTIFY_SOCKET", a.sun_path, 1), 0);
}

/* the next message sent to the fake systemd, or "" when none is waiting */
static void fake_systemd_read(FakeSystemd *s, char *buf, size_t n)
{
    ssize_t r = recv(s->fd, buf, n - 1, 0);
    if (r < 0) {
        assert_true(errno == EAGAIN || errno == EWOULDBLOCK);
        r = 0;
    }
    buf[r] = '\0';
}

static void fake_systemd_stop(FakeSystemd *s)
{
    close(s->fd);
    unsetenv("NOTIFY_SOCKET");
    unsetenv("WATCHDOG_USEC");
    unsetenv("WATCHDOG_PID");
    test_rmdir(s->dir);
}

/* sets WATCHDOG_USEC for this process (or, with other_pid, for another one) */
static void set_watchdog(const char *usec, int other_pid)
{
    char pid[32];
    snprintf(pid, sizeof pid, "%ld", (long)getpid() + (other_pid ? 1 : 0));
    assert_int_equal(setenv("WATCHDOG_USEC", usec, 1), 0);
    assert_int_equal(setenv("WATCHDOG_PID", pid, 1), 0);
}

static void test_started_from_a_terminal_the_kiosk_notifies_nobody(void **state)
{
    (void)state;
    unsetenv("NOTIFY_SOCKET");
    unsetenv("WATCHDOG_USEC");
    assert_int_equal(sdnotify_ready(), 0);
    assert_int_equal(sdnotify_status("Showing the home screen"), 0);
    assert_int_equal(sdnotify_watchdog(), 0);
    assert_int_equal(sdnotify_watchdog_usec(), 0);
}

static void test_systemd_hears_that_the_kiosk_is_ready(void **state)
{
    (void)state;
    FakeSystemd s;
    char msg[256];
    fake_systemd_start(&s);
    assert_int_equal(sdnotify_ready(), 1);
    fake_systemd_read(&s, msg, sizeof msg);
    assert_string_equal(msg, "READY=1");
    fake_systemd_stop(&s);
}

static void test_a_status_with_a_newline_cannot_pretend_to_be_another_message(void **state)
{
    (void)state;
    FakeSystemd s;
    char msg[256];
    fake_systemd_start(&s);
    assert_int_equal(sdnotify_status("Update refused\nREADY=1"), 1);
    fake_systemd_read(&s, msg, sizeof msg);
    assert_string_equal(msg, "STATUS=Update refused READY=1");
    fake_systemd_stop(&s);
}

static void test_a_long_greek_status_is_cut_between_characters(void **state)
{
    (void)state;
    FakeSystemd s;
    char msg[512], status[400] = "";
    fake_systemd_start(&s);
    while (strlen(status) + strlen("Ενημέρωση ") < sizeof status)
        strcat(status, "Ενημέρωση ");
    assert_int_equal(sdnotify_status(status), 1);
    fake_systemd_read(&s, msg, sizeof msg);
    size_t len = strlen(msg);
    assert_true(len > strlen("STATUS=") && len < strlen("STATUS=") + strlen(status));
    /* what is shown is the start of the status, ending on a whole character */
    assert_memory_equal(msg + 7, status, len - 7);
    assert_true(((unsigned char)status[len - 7] & 0xc0) != 0x80);
    fake_systemd_stop(&s);
}

static void test_the_heartbeat_period_is_a_quarter_of_the_units_watchdog(void **state)
{
    (void)state;
    set_watchdog("30000000", 0);
    assert_int_equal(sdnotify_watchdog_usec(), 7500000);
    unsetenv("WATCHDOG_USEC");
    unsetenv("WATCHDOG_PID");
}

static void test_a_frame_loop_sends_one_heartbeat_per_quarter_interval(void **state)
{
    (void)state;
    FakeSystemd s;
    char msg[256];
    fake_systemd_start(&s);
    set_watchdog("600000000", 0); /* ten minutes: the second call is surely early */
    assert_int_equal(sdnotify_watchdog(), 1);
    for (int frame = 0; frame < 100; frame++)
        assert_int_equal(sdnotify_watchdog(), 0);
    fake_systemd_read(&s, msg, sizeof msg);
    assert_string_equal(msg, "WATCHDOG=1");
    fake_systemd_read(&s, msg, sizeof msg);
    assert_string_equal(msg, "");
    fake_systemd_stop(&s);
}

/* regression: the loop slept a whole interval after any wake-up, so an idle wake-up
 * just before the heartbeat was due delayed it to almost the full WATCHDOG_USEC */
static void test_the_loop_sleeps_only_until_the_next_heartbeat_is_due(void **state)
{
    (void)state;
    FakeSystemd s;
    char msg[256];
    fake_systemd_start(&s);
    set_watchdog("600000000", 0); /* heartbeats every 150 s */
    sdnotify_watchdog();          /* whatever an earlier test left: a fresh interval */
    fake_systemd_read(&s, msg, sizeof msg);
    long due = sdnotify_watchdog_due_ms();
    assert_true(due > 149000 && due <= 150000);
    set_watchdog("4", 0);         /* 1 us: due again at once */
    assert_int_equal(sdnotify_watchdog_due_ms(), 0);
    unsetenv("WATCHDOG_USEC");
    unsetenv("WATCHDOG_PID");
    assert_int_equal(sdnotify_watchdog_due_ms(), -1);
    fake_systemd_stop(&s);
}

static void test_a_watchdog_meant_for_another_process_is_ignored(void **state)
{
    (void)state;
    FakeSystemd s;
    char msg[256];
    fake_systemd_start(&s);
    set_watchdog("30000000", 1);
    assert_int_equal(sdnotify_watchdog_usec(), 0);
    assert_int_equal(sdnotify_watchdog(), 0);
    fake_systemd_read(&s, msg, sizeof msg);
    assert_string_equal(msg, "");
    fake_systemd_stop(&s);
}

/* creates dir/name as an empty file */
static void touch(const char *dir, const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
    assert_true(fd >= 0);
    close(fd);
}

/* a journalctl of our own first in PATH: a shell script with the given body */
static char *fake_journalctl(const char *body)
{
    char *dir = test_tmpdir();
    test_sh("printf '#!/bin/sh\n%%s\n' '%s' >%s/journalctl && chmod +x %s/journalctl", body, dir, dir);
    char path[1024];
    snprintf(path, sizeof path, "%s:%s", dir, getenv("PATH"));
    assert_int_equal(setenv("PATH", path, 1), 0);
    return dir;
}

static void no_fake_journalctl(char *dir, const char *old_path)
{
    assert_int_equal(setenv("PATH", old_path, 1), 0);
    test_rmdir(dir);
}

static void test_the_staff_screen_shows_the_last_journal_lines_oldest_first(void **state)
{
    (void)state;
    char old_path[4096], out[1200];
    snprintf(old_path, sizeof old_path, "%s", getenv("PATH"));
    assert_int_equal(setenv("TZ", "UTC", 1), 0);
    tzset();
    /* journalctl's JSON, as systemd 252 writes it: the asked-for unit and count are
     * checked, a binary MESSAGE (an array of bytes) is left out */
    char *dir = fake_journalctl(
        "[ \"$2\" = kiosk.service ] && [ \"$4\" = 3 ] || exit 1\n"
        "echo \"{\\\"__REALTIME_TIMESTAMP\\\":\\\"1795000000000000\\\",\\\"MESSAGE\\\":\\\"kiosk: started, 800x480\\\"}\"\n"
        "echo \"{\\\"__REALTIME_TIMESTAMP\\\":\\\"1795000060000000\\\",\\\"MESSAGE\\\":[107,105,0]}\"\n"
        "echo \"{\\\"__REALTIME_TIMESTAMP\\\":\\\"1795003600000000\\\",\\\"MESSAGE\\\":\\\"kiosk: update 2027-01 applied\\\"}\"");
    assert_int_equal(journal_tail("kiosk.service", 3, out, sizeof out), 2);
    assert_string_equal(out, "11:06 kiosk: started, 800x480\n12:06 kiosk: update 2027-01 applied\n");
    no_fake_journalctl(dir, old_path);

    dir = fake_journalctl("exit 0");    /* no lines: no access, or a fresh install */
    assert_int_equal(journal_tail("kiosk.service", 6, out, sizeof out), 0);
    assert_non_null(strstr(out, "systemd-journal group"));
    no_fake_journalctl(dir, old_path);
    unsetenv("TZ");
    tzset();
}

static void test_a_journal_that_hangs_does_not_hang_the_kiosk(void **state)
{
    (void)state;
    char old_path[4096], out[1200];
    snprintf(old_path, sizeof old_path, "%s", getenv("PATH"));
    char *dir = fake_journalctl("echo \"{\\\"MESSAGE\\\":\\\"half\"; exec sleep 30");
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    assert_int_equal(journal_tail("kiosk.service", 6, out, sizeof out), -1);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    assert_non_null(strstr(out, "journalctl took over"));
    assert_true(t1.tv_sec - t0.tv_sec < 5);     /* killed, not waited for */
    no_fake_journalctl(dir, old_path);

    assert_int_equal(setenv("PATH", "/nonexistent", 1), 0);   /* no journalctl at all */
    assert_int_equal(journal_tail("kiosk.service", 6, out, sizeof out), -1);
    assert_non_null(strstr(out, "journalctl"));
    assert_int_equal(setenv("PATH", old_path, 1), 0);
}

static void test_without_a_touch_screen_the_journal_says_none_is_connected(void **state)
{
    (void)state;
    char *dir = test_tmpdir(), why[256];
    assert_int_equal(inputcheck_scan_dir(dir, why, sizeof why), 0);
    assert_non_null(strstr(why, "no input devices"));
    assert_non_null(strstr(why, dir));
    test_rmdir(dir);
}

static void test_readable_event_devices_are_counted_and_others_ignored(void **state)
{
    (void)state;
    char *dir = test_tmpdir(), why[256] = "stale";
    touch(dir, "event0");
    touch(dir, "event1");
    touch(dir, "mouse0");
    touch(dir, "js0");
    assert_int_equal(inputcheck_scan_dir(dir, why, sizeof why), 2);
    assert_string_equal(why, "");
    test_rmdir(dir);
}

static void test_an_unopenable_device_is_named_in_the_message(void **state)
{
    (void)state;
    char *dir = test_tmpdir(), why[256], link[512];
    snprintf(link, sizeof link, "%s/event3", dir);
    assert_int_equal(symlink("gone", link), 0); /* a device that vanished */
    assert_int_equal(inputcheck_scan_dir(dir, why, sizeof why), 0);
    assert_non_null(strstr(why, "cannot read"));
    assert_non_null(strstr(why, link));
    test_rmdir(dir);
}

static void test_one_readable_device_is_enough(void **state)
{
    (void)state;
    char *dir = test_tmpdir(), why[256], link[512];
    snprintf(link, sizeof link, "%s/event0", dir);
    assert_int_equal(symlink("gone", link), 0);
    touch(dir, "event1");
    assert_int_equal(inputcheck_scan_dir(dir, why, sizeof why), 1);
    assert_string_equal(why, "");
    test_rmdir(dir);
}

/* inputcheck_scan_dir(dir) as an unprivileged user: in a child that drops to
 * nobody when the test runs as root (root opens a mode-000 file all the same).
 * Returns 1 when no device was readable and the message names the input group. */
static int scan_blames_input_group_unprivileged(const char *dir)
{
    char why[256];
    if (geteuid() != 0)
        return inputcheck_scan_dir(dir, why, sizeof why) == 0 && strstr(why, "input group");
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        if (setgroups(0, NULL) != 0 || setgid(65534) != 0 || setuid(65534) != 0)
            _exit(2);
        _exit(inputcheck_scan_dir(dir, why, sizeof why) == 0 && strstr(why, "input group")
                  ? 0 : 1);
    }
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_not_equal(WEXITSTATUS(status), 2);
    return WEXITSTATUS(status) == 0;
}

static void test_a_permission_problem_points_at_the_input_group(void **state)
{
    (void)state;
    char *dir = test_tmpdir(), path[512];
    assert_int_equal(chmod(dir, 0755), 0);
    touch(dir, "event0");
    snprintf(path, sizeof path, "%s/event0", dir);
    assert_int_equal(chmod(path, 0), 0);
    assert_true(scan_blames_input_group_unprivileged(dir));
    test_rmdir(dir);
}

static void test_a_missing_input_directory_is_reported(void **state)
{
    (void)state;
    char *dir = test_tmpdir(), why[256], missing[512];
    snprintf(missing, sizeof missing, "%s/input", dir);
    assert_int_equal(inputcheck_scan_dir(missing, why, sizeof why), 0);
    assert_non_null(strstr(why, missing));
    test_rmdir(dir);
}

/* assets/kiosk.conf with every "#name = value" line made active, into a temp file */
static char *shipped_config_uncommented(char **dir)
{
    FILE *in = fopen("assets/kiosk.conf", "r");
    assert_non_null(in);
    *dir = test_tmpdir();
    char *path = malloc(strlen(*dir) + 16);
    assert_non_null(path);
    sprintf(path, "%s/kiosk.conf", *dir);
    FILE *out = fopen(path, "w");
    assert_non_null(out);
    char line[512];
    int options = 0;
    while (fgets(line, sizeof line, in)) {
        /* an option line: '#', a lowercase name, " =" */
        size_t name = strspn(line + 1, "abcdefghijklmnopqrstuvwxyz_");
        if (line[0] == '#' && name > 0 && strncmp(line + 1 + name, " =", 2) == 0) {
            fputs(line + 1, out);
            options++;
        } else {
            fputs(line, out);
        }
    }
    fclose(in);
    fclose(out);
    assert_int_equal(options, 18); /* every option of Config is documented */
    return path;
}

static void test_the_shipped_config_file_means_the_defaults(void **state)
{
    (void)state;
    Config shipped, defaults;
    char err[256] = "";
    config_defaults(&defaults);
    assert_int_equal(config_load(&shipped, "assets/kiosk.conf", err, sizeof err), 0);
    assert_string_equal(err, "");
    assert_memory_equal(&shipped, &defaults, sizeof shipped);
}

static void test_every_documented_default_is_a_value_the_kiosk_accepts(void **state)
{
    (void)state;
    char *dir, err[256] = "";
    char *path = shipped_config_uncommented(&dir);
    Config uncommented, defaults;
    config_defaults(&defaults);
    assert_int_equal(config_load(&uncommented, path, err, sizeof err), 0);
    assert_string_equal(err, "");
    /* and the values written in the comments are the real defaults */
    assert_memory_equal(&uncommented, &defaults, sizeof uncommented);
    free(path);
    test_rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_started_from_a_terminal_the_kiosk_notifies_nobody),
        cmocka_unit_test(test_systemd_hears_that_the_kiosk_is_ready),
        cmocka_unit_test(test_a_status_with_a_newline_cannot_pretend_to_be_another_message),
        cmocka_unit_test(test_a_long_greek_status_is_cut_between_characters),
        cmocka_unit_test(test_the_heartbeat_period_is_a_quarter_of_the_units_watchdog),
        cmocka_unit_test(test_a_frame_loop_sends_one_heartbeat_per_quarter_interval),
        cmocka_unit_test(test_the_loop_sleeps_only_until_the_next_heartbeat_is_due),
        cmocka_unit_test(test_a_watchdog_meant_for_another_process_is_ignored),
        cmocka_unit_test(test_without_a_touch_screen_the_journal_says_none_is_connected),
        cmocka_unit_test(test_the_staff_screen_shows_the_last_journal_lines_oldest_first),
        cmocka_unit_test(test_a_journal_that_hangs_does_not_hang_the_kiosk),
        cmocka_unit_test(test_readable_event_devices_are_counted_and_others_ignored),
        cmocka_unit_test(test_an_unopenable_device_is_named_in_the_message),
        cmocka_unit_test(test_one_readable_device_is_enough),
        cmocka_unit_test(test_a_permission_problem_points_at_the_input_group),
        cmocka_unit_test(test_a_missing_input_directory_is_reported),
        cmocka_unit_test(test_the_shipped_config_file_means_the_defaults),
        cmocka_unit_test(test_every_documented_default_is_a_value_the_kiosk_accepts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
