/* inputcheck.c - counts the input event devices the kiosk can read.
 * Each /dev/input/event* is opened read-only and non-blocking and closed again at
 * once (nothing is read, nothing is grabbed). The first device that fails, in name
 * order, is the one the message names, with a hint for the two usual causes: the
 * kiosk user is not in the input group, or no touch screen is connected. */
#include "platform/inputcheck.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* scandir filter: the evdev nodes (event0, event1, ...), not mice or joysticks */
static int is_event_node(const struct dirent *d)
{
    return strncmp(d->d_name, "event", 5) == 0;
}

/* what to do about an open() failure, for the maintainer reading the journal */
static const char *hint_for(int err)
{
    if (err == EACCES || err == EPERM)
        return "; is the kiosk user in the input group?";
    if (err == ENOENT || err == ENODEV || err == ENXIO)
        return "; was the device unplugged?";
    return "";
}

/* counts the readable event* entries of dir; a missing or unreadable dir counts 0 */
int inputcheck_scan_dir(const char *dir, char *why, size_t n)
{
    struct dirent **names = NULL;
    char first_bad[300] = "";
    int first_err = 0, bad = 0, ok = 0;

    if (why && n)
        why[0] = '\0';
    int count = scandir(dir, &names, is_event_node, versionsort);
    if (count < 0) {
        int err = errno;
        if (why && n)
            snprintf(why, n, "cannot list %s: %s; is a touch screen connected?", dir,
                     strerror(err));
        return 0;
    }
    for (int i = 0; i < count; i++) {
        char path[300];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]->d_name);
        int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
        if (fd >= 0) {
            close(fd);
            ok++;
        } else {
            if (bad++ == 0) {
                first_err = errno;
                snprintf(first_bad, sizeof first_bad, "%s", path);
            }
        }
        free(names[i]);
    }
    free(names);

    if (ok > 0 || !why || !n)
        return ok;
    if (count == 0)
        snprintf(why, n, "no input devices in %s; is a touch screen connected?", dir);
    else if (bad == 1)
        snprintf(why, n, "cannot read %s: %s%s", first_bad, strerror(first_err),
                 hint_for(first_err));
    else
        snprintf(why, n, "cannot read %s (nor %d other input devices): %s%s", first_bad,
                 bad - 1, strerror(first_err), hint_for(first_err));
    return 0;
}

/* inputcheck_scan_dir over /dev/input */
int inputcheck_scan(char *why, size_t n)
{
    return inputcheck_scan_dir("/dev/input", why, n);
}
