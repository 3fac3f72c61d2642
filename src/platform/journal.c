/* journal.c - reading the kiosk's own journal lines back, through journalctl in a
 * child process: its JSON lines are parsed with cJSON. In a child, the journal's
 * files and the code that reads them never enter the kiosk's memory, and a journal
 * that is corrupt or slow to read can stall only the child, which is killed after
 * JOURNAL_TIMEOUT_MS. */
#include "platform/journal.h"
#include <cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define JOURNAL_TIMEOUT_MS 1000
#define JOURNAL_MAX_BYTES (64 * 1024)   /* read at most: a few entries' JSON */

extern char **environ;

static long long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* journalctl's output into buf (NUL-terminated); its length, or -1 with out saying why */
static long journal_run(const char *unit, int max, char *buf, size_t size, char *out, size_t n)
{
    char lines[16];
    snprintf(lines, sizeof lines, "%d", max);
    char *argv[] = { "journalctl", "--unit", (char *)unit, "--lines", lines, "--output",
                     "json", "--output-fields", "MESSAGE", "--no-pager", "--quiet", NULL };
    int fd[2];
    if (pipe2(fd, O_CLOEXEC) != 0) {
        snprintf(out, n, "the journal cannot be read: %s", strerror(errno));
        return -1;
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, fd[1], 1);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid;
    int rc = posix_spawnp(&pid, "journalctl", &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(fd[1]);
    if (rc != 0) {
        close(fd[0]);
        snprintf(out, n, "the journal cannot be read: journalctl: %s", strerror(rc));
        return -1;
    }
    size_t len = 0;
    bool timed_out = false;
    long long deadline = now_ms() + JOURNAL_TIMEOUT_MS;
    for (;;) {
        long long left = deadline - now_ms();
        struct pollfd p = { fd[0], POLLIN, 0 };
        int ready = left > 0 ? poll(&p, 1, (int)left) : 0;
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready == 0) {
            timed_out = true;
            break;
        }
        ssize_t got = read(fd[0], buf + len, size - 1 - len);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        len += (size_t)got;
        if (len == size - 1)
            break;              /* enough: the rest is not read */
    }
    close(fd[0]);
    buf[len] = '\0';
    if (timed_out)
        kill(pid, SIGKILL);
    while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
        ;
    if (timed_out) {
        snprintf(out, n, "the journal cannot be read: journalctl took over %d s",
                 JOURNAL_TIMEOUT_MS / 1000);
        return -1;
    }
    return (long)len;
}

int journal_tail(const char *unit, int max, char *out, size_t n)
{
    if (n)
        out[0] = '\0';
    char *buf = malloc(JOURNAL_MAX_BYTES);
    if (!buf) {
        snprintf(out, n, "the journal cannot be read: out of memory");
        return -1;
    }
    long got = journal_run(unit, max, buf, JOURNAL_MAX_BYTES, out, n);
    if (got < 0) {
        free(buf);
        return -1;
    }
    size_t len = 0;
    int count = 0;
    /* one JSON object a line, oldest first */
    for (char *line = buf, *next; line && *line && count < max; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        cJSON *e = cJSON_Parse(line);
        const cJSON *msg = cJSON_GetObjectItemCaseSensitive(e, "MESSAGE");
        const cJSON *usec = cJSON_GetObjectItemCaseSensitive(e, "__REALTIME_TIMESTAMP");
        /* a MESSAGE that is not text comes as an array of bytes: not shown */
        if (cJSON_IsString(msg) && cJSON_IsString(usec)) {
            time_t t = (time_t)(strtoull(usec->valuestring, NULL, 10) / 1000000);
            struct tm tm;
            localtime_r(&t, &tm);
            int w = snprintf(out + len, n - len, "%02d:%02d %.160s\n", tm.tm_hour, tm.tm_min,
                             msg->valuestring);
            if (w < 0 || (size_t)w >= n - len) {
                cJSON_Delete(e);
                break;
            }
            len += (size_t)w;
            count++;
        }
        cJSON_Delete(e);
    }
    free(buf);
    if (count == 0)
        snprintf(out, n, "no lines of %s in the journal (is the kiosk user in the "
                         "systemd-journal group?)", unit);
    return count;
}
