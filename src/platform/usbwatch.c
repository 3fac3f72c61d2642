/* usbwatch.c - the USB mount watch. One epoll descriptor holds an inotify descriptor
 * and /proc/self/mountinfo (which the kernel marks with EPOLLPRI when anything is
 * mounted or unmounted: a mount over a watched directory makes no inotify event).
 * Watches are re-armed on every check: the mount directory itself when it exists,
 * its KIOSK/ folder when present, and always the nearest existing ancestor, so
 * that a mount point created later (by udev, systemd-mount) is seen. */
#include "platform/usbwatch.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#define DIR_EVENTS (IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | \
                    IN_MOVE_SELF | IN_UNMOUNT | IN_ATTRIB | IN_ONLYDIR)

struct UsbWatch {
    int ep, ino, mnt;
    int wd_dir, wd_anc;         /* -1 when not set */
    char dir[PATH_MAX];
    char kiosk[PATH_MAX + 8];
};

/* true when path is a directory (not a symlink to one) */
static bool is_dir(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* replaces the watch in *wd by one on path; a failed add leaves no watch */
static void rewatch(UsbWatch *w, int *wd, const char *path)
{
    int nwd = path ? inotify_add_watch(w->ino, path, DIR_EVENTS) : -1;
    if (*wd >= 0 && *wd != nwd)
        inotify_rm_watch(w->ino, *wd);
    *wd = nwd;
}

/* watches the mount directory and its nearest existing ancestor; loops until the
 * tree did not grow while the watches were being set, so no creation is missed */
static void rearm(UsbWatch *w)
{
    char anc[PATH_MAX];
    for (int round = 0; round < 64; round++) {
        snprintf(anc, sizeof anc, "%s", w->dir);
        bool dir_exists = is_dir(anc);
        /* the nearest existing proper ancestor */
        char *slash;
        do {
            slash = strrchr(anc, '/');
            if (!slash)
                snprintf(anc, sizeof anc, ".");
            else if (slash == anc)
                anc[1] = '\0';
            else
                *slash = '\0';
        } while (slash && slash != anc && !is_dir(anc));
        rewatch(w, &w->wd_anc, anc);
        rewatch(w, &w->wd_dir, dir_exists ? w->dir : NULL);
        if (is_dir(w->dir) == dir_exists)
            return;
    }
}

/* starts the watch; NULL with errno set on failure */
UsbWatch *usbwatch_open(const char *dir)
{
    UsbWatch *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->ep = w->ino = w->mnt = w->wd_dir = w->wd_anc = -1;
    size_t len = strlen(dir);
    while (len > 1 && dir[len - 1] == '/')
        len--;
    if (len == 0 || len >= sizeof w->dir) {
        free(w);
        errno = ENAMETOOLONG;
        return NULL;
    }
    memcpy(w->dir, dir, len);
    snprintf(w->kiosk, sizeof w->kiosk, "%s/KIOSK", w->dir);
    w->ep = epoll_create1(EPOLL_CLOEXEC);
    w->ino = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (w->ep < 0 || w->ino < 0)
        goto fail;
    struct epoll_event ev = { .events = EPOLLIN, .data.fd = w->ino };
    if (epoll_ctl(w->ep, EPOLL_CTL_ADD, w->ino, &ev) != 0)
        goto fail;
    /* the mount table: optional (a container may hide /proc) */
    w->mnt = open("/proc/self/mountinfo", O_RDONLY | O_CLOEXEC);
    if (w->mnt >= 0) {
        struct epoll_event mev = { .events = EPOLLPRI, .data.fd = w->mnt };
        if (epoll_ctl(w->ep, EPOLL_CTL_ADD, w->mnt, &mev) != 0) {
            close(w->mnt);
            w->mnt = -1;
        }
    }
    rearm(w);
    return w;
fail:
    usbwatch_close(w);
    return NULL;
}

void usbwatch_close(UsbWatch *w)
{
    if (!w)
        return;
    if (w->mnt >= 0)
        close(w->mnt);
    if (w->ino >= 0)
        close(w->ino);
    if (w->ep >= 0)
        close(w->ep);
    free(w);
}

int usbwatch_fd(const UsbWatch *w)
{
    return w->ep;
}

const char *usbwatch_kiosk_dir(const UsbWatch *w)
{
    return w->kiosk;
}

/* reads every pending inotify event; true when one was more than the IN_IGNORED
 * that removing a stale watch makes */
static bool drain(UsbWatch *w)
{
    char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
    bool real = false;
    ssize_t len;
    while ((len = read(w->ino, buf, sizeof buf)) > 0) {
        for (char *p = buf; p < buf + len;) {
            const struct inotify_event *ev = (const struct inotify_event *)p;
            real |= !(ev->mask & IN_IGNORED);
            p += sizeof *ev + ev->len;
        }
    }
    return real;
}

/* drains both sources, re-arms, and looks for dir/KIOSK */
bool usbwatch_check(UsbWatch *w)
{
    drain(w);
    if (w->mnt >= 0) {
        char tmp[4096];
        lseek(w->mnt, 0, SEEK_SET);
        while (read(w->mnt, tmp, sizeof tmp) > 0)
            ;
    }
    /* re-arming removes stale watches (IN_IGNORED); a real event meanwhile re-arms again */
    for (int round = 0; round < 8; round++) {
        rearm(w);
        if (!drain(w))
            break;
    }
    /* once: the mount table's EPOLLPRI is taken by this poll, inotify is drained */
    struct epoll_event evs[4];
    epoll_wait(w->ep, evs, 4, 0);
    return is_dir(w->kiosk);
}
