/* sdnotify.c - sd_notify(3) messages for the kiosk's systemd unit.
 * The heartbeat is rate-limited here so the main loop can call sdnotify_watchdog()
 * every frame: a datagram is sent only when a quarter of WATCHDOG_USEC has passed,
 * so that a loop that wakes up late (a frame, a busy moment) still beats within half
 * of it, as sd_watchdog_enabled(3) advises. The loop sleeps no longer than
 * sdnotify_watchdog_due_ms(): an idle wake-up just before the heartbeat is due must
 * not sleep a whole interval more. The time of the last heartbeat is the one piece of
 * mutable file state in the kiosk: like NOTIFY_SOCKET itself, it belongs to the process,
 * not to any context. */
#include "platform/sdnotify.h"

#include <stdio.h>
#include <systemd/sd-daemon.h>
#include <time.h>

/* monotonic microseconds of the last heartbeat sent; 0 = none yet */
static uint64_t last_heartbeat_us;

/* microseconds on the monotonic clock; 0 if the clock cannot be read */
static uint64_t now_us(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
        return 0;
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

/* "READY=1"; returns sd_notify's result (0 when NOTIFY_SOCKET is unset) */
int sdnotify_ready(void)
{
    return sd_notify(0, "READY=1");
}

/* a quarter of WATCHDOG_USEC when the watchdog is on for this process, else 0 */
uint64_t sdnotify_watchdog_usec(void)
{
    uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) <= 0)
        return 0;
    return usec / 4 > 0 ? usec / 4 : 1;
}

/* milliseconds until the next heartbeat is due: 0 when due now, -1 without a watchdog */
long sdnotify_watchdog_due_ms(void)
{
    uint64_t period = sdnotify_watchdog_usec();
    if (period == 0)
        return -1;
    uint64_t now = now_us();
    if (last_heartbeat_us == 0 || now - last_heartbeat_us >= period)
        return 0;
    return (long)((period - (now - last_heartbeat_us) + 999) / 1000);
}

/* "WATCHDOG=1" when due; a failed send is retried a second later */
int sdnotify_watchdog(void)
{
    uint64_t period = sdnotify_watchdog_usec();
    if (period == 0)
        return 0;
    uint64_t now = now_us();
    if (last_heartbeat_us != 0 && now - last_heartbeat_us < period)
        return 0;
    int r = sd_notify(0, "WATCHDOG=1");
    if (r > 0)
        last_heartbeat_us = now ? now : 1;
    else if (period > 1000000)  /* not sent: again in a second, not in a busy loop */
        last_heartbeat_us = now - period + 1000000;
    return r;
}

/* "STATUS=<status>", cut to one line of at most 200 bytes: a newline in the text
 * would otherwise start another assignment (READY=1, ...) */
int sdnotify_status(const char *status)
{
    char msg[sizeof "STATUS=" + 200] = "STATUS=";
    size_t n = sizeof "STATUS=" - 1;
    for (const char *p = status ? status : ""; *p && n < sizeof msg - 1; p++)
        msg[n++] = (unsigned char)*p < 0x20 || *p == 0x7f ? ' ' : *p;
    if (n == sizeof msg - 1) /* cut: never leave half a UTF-8 character */
        while (n > sizeof "STATUS=" - 1 && ((unsigned char)msg[n - 1] & 0x80))
            if (((unsigned char)msg[--n] & 0xc0) == 0xc0)
                break;
    msg[n] = '\0';
    return sd_notify(0, msg);
}
