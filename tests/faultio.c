/* faultio.c - an LD_PRELOAD library for tests: storage faults and slow sticks.
 * Storage faults (FAULTIO_DIR set): every write-side call on a file or folder under
 * FAULTIO_DIR is counted - open with O_CREAT, write, pwrite, fsync, fdatasync,
 * ftruncate, close of a file opened for writing, rename, link, mkdir, unlink, rmdir
 * (and their *at and *64 forms, which SQLite's VFS calls) - and the FAULTIO_FAIL-th
 * one fails with FAULTIO_ERRNO (EIO or ENOSPC, by name; EIO when unset) without
 * doing anything, except close, which closes and then reports the error, as a
 * kernel does. Every other call goes through. FAULTIO_FAIL=0 fails nothing: a run
 * that only counts. At exit the count and the failed call go to FAULTIO_LOG:
 *     calls 182
 *     failed 37 rename /tmp/x/content.db.new EIO
 * FAULTIO_TRACE names a file that gets every counted call, one a line.
 * Slow stick (FAULTIO_SLOW_DIR set): a read from a file opened under it takes as
 * long as FAULTIO_SLOW_BPS bytes a second allow (8 MB/s when unset), in the thread
 * that reads; other threads go on.
 * Frames (FAULTIO_FRAMES set): the monotonic time of every SDL_UpdateWindowSurface,
 * one line each ("12.345678"), appended to that file, for tests that measure the
 * longest time the screen stood still.
 * Under ASan the library comes first in the list of loaded libraries: run with
 * ASAN_OPTIONS=verify_asan_link_order=0 (its interceptors are then the "next"
 * functions this library calls). Built without sanitizers, as a shared object. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#define MAX_FDS 4096
#define FD_FAULT 1      /* under FAULTIO_DIR, opened for writing */
#define FD_IN 2         /* under FAULTIO_DIR, any mode (a folder opened to be synced) */
#define FD_SLOW 4       /* under FAULTIO_SLOW_DIR */

static char fault_dir[PATH_MAX], slow_dir[PATH_MAX], log_path[PATH_MAX];
static size_t fault_len, slow_len;
static long fail_at;            /* 0: count only */
static int fail_errno = EIO;
static double slow_bps = 8e6;
static long calls;              /* atomic */
static int trace_fd = -1;       /* FAULTIO_TRACE: every counted call, one a line */
static int frames_fd = -1;      /* FAULTIO_FRAMES: the time of every frame */
static char failed[PATH_MAX + 64];
static unsigned char fd_kind[MAX_FDS];  /* atomic bytes */

/* the real functions, looked up once */
#define REAL(ret, name, ...) \
    static ret (*real_##name)(__VA_ARGS__); \
    if (!real_##name) \
        real_##name = (ret (*)(__VA_ARGS__))dlsym(RTLD_NEXT, #name)

/* a directory from the environment, made absolute and canonical */
static size_t env_dir(const char *var, char *out)
{
    const char *v = getenv(var);
    if (!v || !*v || !realpath(v, out)) {
        out[0] = '\0';
        return 0;
    }
    return strlen(out);
}

__attribute__((constructor)) static void faultio_init(void)
{
    fault_len = env_dir("FAULTIO_DIR", fault_dir);
    slow_len = env_dir("FAULTIO_SLOW_DIR", slow_dir);
    const char *v = getenv("FAULTIO_FAIL");
    fail_at = v ? atol(v) : 0;
    v = getenv("FAULTIO_ERRNO");
    fail_errno = v && !strcmp(v, "ENOSPC") ? ENOSPC : EIO;
    v = getenv("FAULTIO_SLOW_BPS");
    if (v && atof(v) > 0)
        slow_bps = atof(v);
    v = getenv("FAULTIO_TRACE");
    if (v && *v)
        trace_fd = (int)syscall(SYS_openat, AT_FDCWD, v, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND |
                                O_CLOEXEC, 0644);
    /* no O_TRUNC: a child of the kiosk (the espeak-ng voice) loads this library too,
     * and truncating would drop the frames the kiosk noted before it started */
    v = getenv("FAULTIO_FRAMES");
    if (v && *v)
        frames_fd = (int)syscall(SYS_openat, AT_FDCWD, v, O_WRONLY | O_CREAT | O_APPEND |
                                 O_CLOEXEC, 0644);
    v = getenv("FAULTIO_LOG");
    snprintf(log_path, sizeof log_path, "%s", v ? v : "");
}

__attribute__((destructor)) static void faultio_report(void)
{
    if (!log_path[0])
        return;
    REAL(int, open, const char *, int, ...);
    REAL(ssize_t, write, int, const void *, size_t);
    REAL(int, close, int);
    int fd = real_open(log_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return;
    char buf[sizeof failed + 64];
    int n = snprintf(buf, sizeof buf, "calls %ld\n%s%s", __atomic_load_n(&calls, __ATOMIC_SEQ_CST),
                     failed[0] ? failed : "", failed[0] ? "\n" : "");
    if (real_write(fd, buf, (size_t)n) < 0)
        n = 0;
    real_close(fd);
}

/* true when the absolute form of dirfd/path lies under dir */
static int under(const char *dir, size_t len, int dirfd, const char *path)
{
    if (!len || !path)
        return 0;
    char base[PATH_MAX], full[2 * PATH_MAX + 2], parent[PATH_MAX];
    if (path[0] == '/') {
        base[0] = '\0';
    } else if (dirfd == AT_FDCWD) {
        if (!getcwd(base, sizeof base))
            return 0;
    } else {
        char link[64];
        snprintf(link, sizeof link, "/proc/self/fd/%d", dirfd);
        ssize_t n = readlink(link, base, sizeof base - 1);
        if (n < 0)
            return 0;
        base[n] = '\0';
    }
    snprintf(full, sizeof full, "%s%s%s", base, base[0] ? "/" : "", path);
    /* the parent exists (the name itself may not yet): canonical parent + name */
    char *slash = strrchr(full, '/');
    const char *name = slash + 1;
    *slash = '\0';
    if (!realpath(full[0] ? full : "/", parent))
        return 0;
    snprintf(full, sizeof full, "%s/%s", parent, name);
    return strncmp(full, dir, len) == 0 && (full[len] == '/' || full[len] == '\0');
}

/* counts a call; true (errno set) when this one is to fail */
static int fault(const char *what, const char *path)
{
    long n = __atomic_add_fetch(&calls, 1, __ATOMIC_SEQ_CST);
    if (trace_fd >= 0) {
        char line[PATH_MAX + 64];
        int len = snprintf(line, sizeof line, "%ld %s %s\n", n, what, path ? path : "");
        if (syscall(SYS_write, trace_fd, line, (size_t)len) < 0)
            trace_fd = -1;
    }
    if (n != fail_at)
        return 0;
    snprintf(failed, sizeof failed, "failed %ld %s %s %s", n, what, path ? path : "",
             fail_errno == ENOSPC ? "ENOSPC" : "EIO");
    errno = fail_errno;
    return 1;
}

static int fd_is(int fd, int kind)
{
    return fd >= 0 && fd < MAX_FDS && (__atomic_load_n(&fd_kind[fd], __ATOMIC_RELAXED) & kind);
}

static void fd_set_kind(int fd, int kind)
{
    if (fd >= 0 && fd < MAX_FDS)
        __atomic_store_n(&fd_kind[fd], (unsigned char)kind, __ATOMIC_RELAXED);
}

/* the fd's name, for the log */
static const char *fd_name(int fd, char *buf, size_t n)
{
    char link[64];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t len = readlink(link, buf, n - 1);
    buf[len < 0 ? 0 : len] = '\0';
    return buf;
}

/* the kinds a new descriptor for dirfd/path opened with flags has */
static int kind_of(int dirfd, const char *path, int flags)
{
    int k = 0;
    if (under(fault_dir, fault_len, dirfd, path))
        k |= (flags & O_ACCMODE) != O_RDONLY ? FD_FAULT | FD_IN : FD_IN;
    if (under(slow_dir, slow_len, dirfd, path))
        k |= FD_SLOW;
    return k;
}

/* ---- opening ---- */

/* before an open: true (errno set) when this creation is the one to fail */
static int open_fails(int dirfd, const char *path, int flags)
{
    return (flags & O_CREAT) && under(fault_dir, fault_len, dirfd, path) && fault("open", path);
}

/* after an open: what the new descriptor is */
static int opened(int fd, int dirfd, const char *path, int flags)
{
    if (fd >= 0)
        fd_set_kind(fd, kind_of(dirfd, path, flags));
    return fd;
}

#define MODE_ARG(flags) \
    mode_t mode = 0; \
    if ((flags) & (O_CREAT | __O_TMPFILE)) { \
        va_list ap; \
        va_start(ap, flags); \
        mode = va_arg(ap, mode_t); \
        va_end(ap); \
    }

int open(const char *path, int flags, ...)
{
    MODE_ARG(flags);
    REAL(int, open, const char *, int, ...);
    if (open_fails(AT_FDCWD, path, flags))
        return -1;
    return opened(real_open(path, flags, mode), AT_FDCWD, path, flags);
}

int open64(const char *path, int flags, ...)
{
    MODE_ARG(flags);
    REAL(int, open64, const char *, int, ...);
    if (open_fails(AT_FDCWD, path, flags))
        return -1;
    return opened(real_open64(path, flags, mode), AT_FDCWD, path, flags);
}

int openat(int dirfd, const char *path, int flags, ...)
{
    MODE_ARG(flags);
    REAL(int, openat, int, const char *, int, ...);
    if (open_fails(dirfd, path, flags))
        return -1;
    return opened(real_openat(dirfd, path, flags, mode), dirfd, path, flags);
}

int openat64(int dirfd, const char *path, int flags, ...)
{
    MODE_ARG(flags);
    REAL(int, openat64, int, const char *, int, ...);
    if (open_fails(dirfd, path, flags))
        return -1;
    return opened(real_openat64(dirfd, path, flags, mode), dirfd, path, flags);
}

int close(int fd)
{
    REAL(int, close, int);
    int faulty = fd_is(fd, FD_FAULT);
    char name[PATH_MAX] = "";
    if (faulty)
        fd_name(fd, name, sizeof name);
    fd_set_kind(fd, 0);
    int rc = real_close(fd);
    if (rc == 0 && faulty && fault("close", name))
        return -1;
    return rc;
}

/* ---- writing ---- */

#define FD_FAULT_CHECK(what, fd) \
    do { \
        if (fd_is(fd, FD_FAULT)) { \
            char name_[PATH_MAX]; \
            if (fault(what, fd_name(fd, name_, sizeof name_))) \
                return -1; \
        } \
    } while (0)

ssize_t write(int fd, const void *buf, size_t n)
{
    REAL(ssize_t, write, int, const void *, size_t);
    FD_FAULT_CHECK("write", fd);
    return real_write(fd, buf, n);
}

ssize_t writev(int fd, const struct iovec *iov, int cnt)
{
    REAL(ssize_t, writev, int, const struct iovec *, int);
    FD_FAULT_CHECK("writev", fd);
    return real_writev(fd, iov, cnt);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
    REAL(ssize_t, pwrite, int, const void *, size_t, off_t);
    FD_FAULT_CHECK("pwrite", fd);
    return real_pwrite(fd, buf, n, off);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off_t off)
{
    REAL(ssize_t, pwrite64, int, const void *, size_t, off_t);
    FD_FAULT_CHECK("pwrite", fd);
    return real_pwrite64(fd, buf, n, off);
}

int fsync(int fd)
{
    REAL(int, fsync, int);
    if (fd_is(fd, FD_IN)) {   /* a folder is opened read-only to be synced */
        char name[PATH_MAX];
        if (fault("fsync", fd_name(fd, name, sizeof name)))
            return -1;
    }
    return real_fsync(fd);
}

int fdatasync(int fd)
{
    REAL(int, fdatasync, int);
    if (fd_is(fd, FD_IN)) {
        char name[PATH_MAX];
        if (fault("fdatasync", fd_name(fd, name, sizeof name)))
            return -1;
    }
    return real_fdatasync(fd);
}

int ftruncate(int fd, off_t len)
{
    REAL(int, ftruncate, int, off_t);
    FD_FAULT_CHECK("ftruncate", fd);
    return real_ftruncate(fd, len);
}

int ftruncate64(int fd, off_t len)
{
    REAL(int, ftruncate64, int, off_t);
    FD_FAULT_CHECK("ftruncate", fd);
    return real_ftruncate64(fd, len);
}

/* ---- names ---- */

#define PATH_FAULT_CHECK(what, dirfd, path) \
    do { \
        if (under(fault_dir, fault_len, dirfd, path) && fault(what, path)) \
            return -1; \
    } while (0)

int rename(const char *from, const char *to)
{
    REAL(int, rename, const char *, const char *);
    if (under(fault_dir, fault_len, AT_FDCWD, from) || under(fault_dir, fault_len, AT_FDCWD, to))
        if (fault("rename", to))
            return -1;
    return real_rename(from, to);
}

int renameat(int fd1, const char *from, int fd2, const char *to)
{
    REAL(int, renameat, int, const char *, int, const char *);
    if (under(fault_dir, fault_len, fd1, from) || under(fault_dir, fault_len, fd2, to))
        if (fault("renameat", to))
            return -1;
    return real_renameat(fd1, from, fd2, to);
}

int renameat2(int fd1, const char *from, int fd2, const char *to, unsigned flags)
{
    REAL(int, renameat2, int, const char *, int, const char *, unsigned);
    if (under(fault_dir, fault_len, fd1, from) || under(fault_dir, fault_len, fd2, to))
        if (fault("renameat2", to))
            return -1;
    return real_renameat2(fd1, from, fd2, to, flags);
}

int link(const char *from, const char *to)
{
    REAL(int, link, const char *, const char *);
    PATH_FAULT_CHECK("link", AT_FDCWD, to);
    return real_link(from, to);
}

int linkat(int fd1, const char *from, int fd2, const char *to, int flags)
{
    REAL(int, linkat, int, const char *, int, const char *, int);
    PATH_FAULT_CHECK("linkat", fd2, to);
    return real_linkat(fd1, from, fd2, to, flags);
}

int mkdir(const char *path, mode_t mode)
{
    REAL(int, mkdir, const char *, mode_t);
    PATH_FAULT_CHECK("mkdir", AT_FDCWD, path);
    return real_mkdir(path, mode);
}

int mkdirat(int dirfd, const char *path, mode_t mode)
{
    REAL(int, mkdirat, int, const char *, mode_t);
    PATH_FAULT_CHECK("mkdirat", dirfd, path);
    return real_mkdirat(dirfd, path, mode);
}

int unlink(const char *path)
{
    REAL(int, unlink, const char *);
    PATH_FAULT_CHECK("unlink", AT_FDCWD, path);
    return real_unlink(path);
}

int unlinkat(int dirfd, const char *path, int flags)
{
    REAL(int, unlinkat, int, const char *, int);
    PATH_FAULT_CHECK("unlinkat", dirfd, path);
    return real_unlinkat(dirfd, path, flags);
}

int rmdir(const char *path)
{
    REAL(int, rmdir, const char *);
    PATH_FAULT_CHECK("rmdir", AT_FDCWD, path);
    return real_rmdir(path);
}

/* ---- the slow stick ---- */

/* n, the bytes a read from fd returned: on the slow stick after as long as they take
 * at its speed, with errno as the read left it */
static ssize_t slow_down(int fd, ssize_t n)
{
    if (n <= 0 || !fd_is(fd, FD_SLOW))
        return n;
    int e = errno;
    double s = (double)n / slow_bps;
    struct timespec ts = { (time_t)s, (long)((s - (double)(time_t)s) * 1e9) };
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
    errno = e;
    return n;
}

ssize_t read(int fd, void *buf, size_t n)
{
    REAL(ssize_t, read, int, void *, size_t);
    return slow_down(fd, real_read(fd, buf, n));
}

ssize_t pread(int fd, void *buf, size_t n, off_t off)
{
    REAL(ssize_t, pread, int, void *, size_t, off_t);
    return slow_down(fd, real_pread(fd, buf, n, off));
}

ssize_t pread64(int fd, void *buf, size_t n, off_t off)
{
    REAL(ssize_t, pread64, int, void *, size_t, off_t);
    return slow_down(fd, real_pread64(fd, buf, n, off));
}

/* ---- frames ---- */

int SDL_UpdateWindowSurface(void *window)
{
    REAL(int, SDL_UpdateWindowSurface, void *);
    int rc = real_SDL_UpdateWindowSurface(window);
    if (frames_fd >= 0) {
        struct timespec t;
        clock_gettime(CLOCK_MONOTONIC, &t);
        char line[64];
        int len = snprintf(line, sizeof line, "%ld.%06ld\n", (long)t.tv_sec, t.tv_nsec / 1000);
        if (syscall(SYS_write, frames_fd, line, (size_t)len) < 0)
            frames_fd = -1;
    }
    return rc;
}
