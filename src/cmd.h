/* cmd.h - the kiosk's command-line modes for staff, IT and tests. Each takes the
 * arguments after the program name (argv[0] is the mode's name), prints what it did,
 * and returns the process exit status: 0 done, 1 refused or failed, 2 bad usage. */
#ifndef CMD_H
#define CMD_H

/* update DIR --data-dir STATE --trusted-keys KEYS [--default-data PKG] [--lang el|en]:
 * applies the USB package in DIR (the folder holding KIOSK/, or KIOSK/ itself) */
int cmd_update(int argc, char **argv);
/* export DIR --data-dir STATE [--lang el|en]: writes the live content to DIR's KIOSK/export/ */
int cmd_export(int argc, char **argv);
/* rollback --data-dir STATE: swaps the live content and the previous one */
int cmd_rollback(int argc, char **argv);
/* search QUERY [--package DIR | --db FILE] [--lang CODE]: prints "ID<TAB>name" of the
 * services the directory's search finds, best first */
int cmd_search(int argc, char **argv);
/* pin-hash: reads a staff PIN on stdin, prints its Argon2 hash for kiosk.conf */
int cmd_pin_hash(int argc, char **argv);
#endif
