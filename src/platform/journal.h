/* journal.h - the last lines the kiosk wrote to the systemd journal, for the staff
 * screen, read by journalctl. Reading needs the journal's permission: the unit gives
 * the kiosk user the systemd-journal group. */
#ifndef JOURNAL_H
#define JOURNAL_H
#include <stddef.h>

/* the last lines (at most max) of unit's journal, oldest first, one a line, each
 * "HH:MM message" and cut to fit; returns how many, or -1 with a plain reason in out
 * when the journal cannot be read */
int journal_tail(const char *unit, int max, char *out, size_t n);
#endif
