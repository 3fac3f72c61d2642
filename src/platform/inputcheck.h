/* inputcheck.h - can the kiosk read its touch screen? Run at start-up: with no
 * readable /dev/input/event* device the screen shows but never answers a touch,
 * and the journal must say why in words a maintainer can act on. */
#ifndef INPUTCHECK_H
#define INPUTCHECK_H
#include <stddef.h>

/* number of /dev/input/event* devices this process can open for reading; when 0,
 * why holds one plain sentence naming the problem (else it is emptied) */
int inputcheck_scan(char *why, size_t n);
/* the same over the event* entries of dir (tests use a directory of their own) */
int inputcheck_scan_dir(const char *dir, char *why, size_t n);
#endif
