/* sdnotify.h - telling systemd how the kiosk is doing (Type=notify, WatchdogSec).
 * Outside systemd (no NOTIFY_SOCKET) every call does nothing and returns 0, so the
 * kiosk runs the same from a terminal. Call sdnotify_watchdog() from the main loop
 * only after a frame was really handled: a hung loop must stop the heartbeat, and
 * systemd then restarts the kiosk. */
#ifndef SDNOTIFY_H
#define SDNOTIFY_H
#include <stdint.h>

/* tells systemd that start-up is over ("READY=1"); 1 sent, 0 not under systemd, <0 -errno */
int sdnotify_ready(void);
/* sends the heartbeat ("WATCHDOG=1") when a quarter of the watchdog interval has
 * passed since the last one (so it comes within half of it even from a late loop); 1 sent, 0 not due or no watchdog, <0 -errno. Cheap enough for every frame. */
int sdnotify_watchdog(void);
/* one line for `systemctl status kiosk` ("STATUS=..."); 1 sent, 0 not under systemd, <0 -errno */
int sdnotify_status(const char *status);
/* the interval between heartbeats in microseconds: a quarter of systemd's
 * WATCHDOG_USEC; 0 when there is no watchdog */
uint64_t sdnotify_watchdog_usec(void);
/* milliseconds until sdnotify_watchdog() is due, for the main loop's sleep deadline:
 * 0 when due now, -1 when there is no watchdog */
long sdnotify_watchdog_due_ms(void);
#endif
