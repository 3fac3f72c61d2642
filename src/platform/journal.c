/* journal.c - reading the kiosk's own journal lines back with libsystemd's sd-journal. */
#include "platform/journal.h"
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <systemd/sd-journal.h>
#include <time.h>

int journal_tail(const char *unit, int max, char *out, size_t n)
{
    sd_journal *j = NULL;
    char match[128];
    if (n)
        out[0] = '\0';
    int rc = sd_journal_open(&j, SD_JOURNAL_LOCAL_ONLY | SD_JOURNAL_SYSTEM);
    if (rc < 0) {
        snprintf(out, n, "the journal cannot be opened: %s", strerror(-rc));
        return -1;
    }
    snprintf(match, sizeof match, "_SYSTEMD_UNIT=%s", unit);
    if ((rc = sd_journal_add_match(j, match, 0)) < 0 || (rc = sd_journal_seek_tail(j)) < 0) {
        snprintf(out, n, "the journal cannot be read: %s", strerror(-rc));
        sd_journal_close(j);
        return -1;
    }
    int back = sd_journal_previous_skip(j, (uint64_t)max);
    if (back <= 0) {
        snprintf(out, n, "no lines of %s in the journal (is the kiosk user in the "
                         "systemd-journal group?)", unit);
        sd_journal_close(j);
        return back < 0 ? -1 : 0;
    }
    size_t len = 0;
    int count = 0;
    /* previous_skip left us on the oldest of the last max entries */
    do {
        const void *data;
        size_t size;
        uint64_t usec;
        if (sd_journal_get_data(j, "MESSAGE", &data, &size) < 0 ||
            sd_journal_get_realtime_usec(j, &usec) < 0)
            continue;
        time_t t = (time_t)(usec / 1000000);
        struct tm tm;
        localtime_r(&t, &tm);
        const char *msg = (const char *)data + 8;   /* after "MESSAGE=" */
        int mlen = (int)(size - 8);
        if (mlen > 160)
            mlen = 160;
        int w = snprintf(out + len, n - len, "%02d:%02d %.*s\n", tm.tm_hour, tm.tm_min, mlen, msg);
        if (w < 0 || (size_t)w >= n - len)
            break;
        len += (size_t)w;
        count++;
    } while (count < max && sd_journal_next(j) > 0);
    sd_journal_close(j);
    return count;
}
