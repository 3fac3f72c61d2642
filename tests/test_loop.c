/* test_loop.c - the real kiosk (the kiosk binary beside this test's folder, in the
 * offscreen video driver) under systemd's watchdog, with a stick left in at start-up
 * that reads at USB 2 speed: tests/faultio.c slows every read from the stick to
 * 8 MB/s and notes the time of every frame. The test is systemd: it binds the
 * NOTIFY_SOCKET, sets WATCHDOG_USEC, and reads READY, WATCHDOG and STATUS messages.
 * Regression (issue 15): staging, checking and importing ran inside the main loop, so
 * a big package stopped the heartbeat and the screen for as long as the copy took,
 * and systemd killed the kiosk; a stick left in did the same at every start. */
#include "testutil.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>

#include "core/store.h"

#define WATCHDOG_US 4000000L    /* heartbeats due every 2 s at most */
#define BIG_MB 48               /* 6 s of copying at 8 MB/s */
#define MAX_BEATS 4096
#define MAX_STATUS 64

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* the kiosk binary beside this test's build folder (build/ or build-san/) */
static void kiosk_path(char *out, size_t n)
{
    char self[PATH_MAX];
    ssize_t len = readlink("/proc/self/exe", self, sizeof self - 1);
    assert_true(len > 0);
    self[len] = '\0';
    snprintf(out, n, "%s/../kiosk", dirname(self));
}

typedef struct Run {
    double ready, beats[MAX_BEATS], status_at[MAX_STATUS];
    int n_beats, n_status;
    char status[MAX_STATUS][256];
} Run;

/* the time of the first STATUS that contains text, or -1 */
static double status_time(const Run *r, const char *text)
{
    for (int i = 0; i < r->n_status; i++)
        if (strstr(r->status[i], text))
            return r->status_at[i];
    return -1;
}

/* the longest gap between the times in t[0..n) and between from, to and them; *at
 * is where it starts */
static double longest_gap(const double *t, int n, double from, double to, double *at)
{
    double prev = from, gap = 0;
    *at = from;
    for (int i = 0; i < n; i++) {
        if (t[i] < from || t[i] > to)
            continue;
        if (t[i] - prev > gap)
            gap = t[i] - prev, *at = prev;
        prev = t[i];
    }
    if (to - prev > gap)
        gap = to - prev, *at = prev;
    return gap;
}

static void test_a_slow_stick_in_at_start_up_stops_neither_the_heartbeat_nor_the_screen(void **state)
{
    (void)state;
    char *root = test_tmpdir();
    char kiosk[PATH_MAX + 16], conf[600], sock[600], frames[600], usb[600], data[600];
    char shim[PATH_MAX + 32], cwd[PATH_MAX];
    kiosk_path(kiosk, sizeof kiosk);
    assert_non_null(getcwd(cwd, sizeof cwd));
    snprintf(shim, sizeof shim, "%s/build/tests/faultio.so", cwd);
    if (access(shim, R_OK) != 0)
        fail_msg("%s is missing (make build/tests/faultio.so)", shim);
    snprintf(conf, sizeof conf, "%s/kiosk.conf", root);
    snprintf(sock, sizeof sock, "%s/notify", root);
    snprintf(frames, sizeof frames, "%s/frames", root);
    snprintf(usb, sizeof usb, "%s/usb", root);
    snprintf(data, sizeof data, "%s/state", root);
    /* a signed package with a big file, on the stick before the kiosk starts */
    test_sh("mkdir -p '%s/keys' '%s/pkg' && minisign -G -W -p '%s/keys/staff.pub' -s '%s/sec' "
            ">/dev/null && cp -R data/. '%s/pkg/' && "
            "sed -i 's/\"version\": \"[^\"]*\"/\"version\": \"2099.1.1\"/' '%s/pkg/datapackage.json' && "
            "head -c %dM /dev/zero >'%s/pkg/archive.bin' && tools/sign-update '%s/pkg' '%s/sec' "
            ">/dev/null && mkdir -p '%s' && mv '%s/pkg' '%s/KIOSK'",
            root, root, root, root, root, root, BIG_MB, root, root, root, usb, root, usb);
    FILE *c = fopen(conf, "w");
    assert_non_null(c);
    fprintf(c, "[kiosk]\ndata_dir = %s\ndefault_language = en\n[update]\nusb_dir = %s\ntrusted_keys = %s/keys\n",
            data, usb, root);
    fclose(c);

    int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    assert_true(fd >= 0);
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    if (strlen(sock) >= sizeof addr.sun_path)
        fail_msg("%s is too long for a socket", sock);
    memcpy(addr.sun_path, sock, strlen(sock) + 1);
    assert_int_equal(bind(fd, (struct sockaddr *)&addr, sizeof addr), 0);

    double start = now_s();
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        char wd[32], asan[512];
        snprintf(wd, sizeof wd, "%ld", WATCHDOG_US);
        const char *old = getenv("ASAN_OPTIONS");
        snprintf(asan, sizeof asan, "%s%sverify_asan_link_order=0", old ? old : "", old ? ":" : "");
        setenv("ASAN_OPTIONS", asan, 1);
        setenv("NOTIFY_SOCKET", sock, 1);
        setenv("WATCHDOG_USEC", wd, 1);
        unsetenv("WATCHDOG_PID");
        setenv("SDL_VIDEODRIVER", "offscreen", 1);
        setenv("FAULTIO_SLOW_DIR", usb, 1);
        setenv("FAULTIO_SLOW_BPS", "8000000", 1);
        setenv("FAULTIO_FRAMES", frames, 1);
        setenv("LD_PRELOAD", shim, 1);
        execl(kiosk, kiosk, "--config", conf, "--size", "800x480", (char *)NULL);
        _exit(127);
    }
    /* systemd's side: every message with its time, until the update's result */
    static Run r;
    memset(&r, 0, sizeof r);
    r.ready = -1;
    double done = -1;
    while (done < 0 && now_s() - start < 120) {
        struct pollfd p = { .fd = fd, .events = POLLIN };
        if (poll(&p, 1, 500) <= 0)
            continue;
        char msg[512];
        ssize_t len = recv(fd, msg, sizeof msg - 1, 0);
        if (len <= 0)
            continue;
        msg[len] = '\0';
        double t = now_s();
        if (!strcmp(msg, "READY=1"))
            r.ready = t;
        else if (!strcmp(msg, "WATCHDOG=1") && r.n_beats < MAX_BEATS)
            r.beats[r.n_beats++] = t;
        else if (!strncmp(msg, "STATUS=", 7) && r.n_status < MAX_STATUS) {
            snprintf(r.status[r.n_status], sizeof r.status[0], "%.250s", msg + 7);
            r.status_at[r.n_status++] = t;
            if (strstr(msg, "The update is done") || strstr(msg, "unchanged"))
                done = t;
        }
    }
    kill(pid, SIGTERM);
    int st;
    assert_int_equal(waitpid(pid, &st, 0), pid);
    close(fd);
    for (int i = 0; i < r.n_status; i++)
        printf("    status at %5.2f s: %s\n", r.status_at[i] - start, r.status[i]);

    /* the frames, as the library noted them */
    static double f[65536];
    int n_frames = 0;
    FILE *ff = fopen(frames, "r");
    while (ff && n_frames < 65536 && fscanf(ff, "%lf", &f[n_frames]) == 1)
        n_frames++;
    if (ff)
        fclose(ff);
    if (r.ready < 0 || done < 0)
        fail_msg("no READY=1 or no result within 120 s (exit status %d)", st);
    double beat_at, frame_at = start;
    double beat_gap = longest_gap(r.beats, r.n_beats, r.ready, done, &beat_at);
    double frame_gap = n_frames ? longest_gap(f, n_frames, f[0], done, &frame_at) : done - start;
    printf("    %d heartbeats, longest gap %.2f s from %.2f s (at most %.2f s allowed); %d frames, "
           "longest gap %.2f s from %.2f s\n", r.n_beats, beat_gap, beat_at - start,
           WATCHDOG_US / 2e6, n_frames, frame_gap, frame_at - start);
    assert_non_null(strstr(r.status[r.n_status - 1], "The update is done"));
    char live[700], product[64], version[32];
    snprintf(live, sizeof live, "%s/" STORE_LIVE, data);
    assert_int_equal(store_package_of(live, product, sizeof product, version, sizeof version), 0);
    assert_string_equal(version, "2099.1.1");
    /* the heartbeat never waits for the stick */
    assert_true(r.n_beats > 0);
    assert_true(beat_gap <= WATCHDOG_US / 2e6);
    /* the screen moves on while the stick is read (progress, then the countdown) */
    assert_true(n_frames > 0);
    assert_true(frame_gap <= 1.5);
    /* the first screen and the first heartbeat come before the stick is read */
    double copying = status_time(&r, "copying");
    assert_true(copying > 0);
    assert_true(r.beats[0] <= copying && f[0] <= copying);
    /* the 10 s to cancel start once the package is checked */
    double ready_to_apply = status_time(&r, "applies in");
    assert_true(ready_to_apply > copying);
    assert_true(done - ready_to_apply >= 9.5);
    test_rmdir(root);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_slow_stick_in_at_start_up_stops_neither_the_heartbeat_nor_the_screen),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
