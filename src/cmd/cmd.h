/* cmd.h - the kiosk's commands: `kiosk` alone runs the kiosk, `kiosk NAME ...` runs
 * the command NAME, for staff, IT, tests and the build. One file a command (or a
 * family) in src/cmd/, each `int cmd_ID(int argc, char **argv)`: argv[0] is the
 * command's name and its arguments follow; it prints what it did and returns the exit
 * status: 0 done, 1 refused or failed, 2 bad usage.
 *
 * To add a command: write src/cmd/<name>.c with its cmd_<id> function and add its row
 * to CMD_LIST below; `kiosk --help` and the dispatch in cmd.c follow from the row. */
#ifndef CMD_H
#define CMD_H
#include <stdio.h>

/* The commands, in the order `kiosk --help` lists them. Columns: id (the function is
 * cmd_<id>), the name typed after `kiosk` ("" for the first row: the kiosk itself,
 * run when no name is given), and its line of usage after "kiosk " (a second line,
 * indented, where the options do not fit in one). Files: run.c, screenshot.c, check.c,
 * import.c, hours.c, pin_hash.c, speak.c, search.c; update.c holds update, export and rollback,
 * which share their options. */
#define CMD_LIST(X) \
    X(run, "", \
      "[--config FILE] [--windowed] [--size WxH] [--share DIR] [--data-dir DIR]\n" \
      "             [--package DIR | --db FILE]                 run the kiosk") \
    X(screenshot, "screenshot", \
      "screenshot --out DIR|FILE.bmp [--size WxH] [--screen NAME] [--lang CODE]\n" \
      "             [--at YYYY-MM-DDTHH:MM] [--package DIR | --db FILE]\n" \
      "             [--large-text] [--high-contrast]") \
    X(check, "check", \
      "check DIR                                   validate a content package") \
    X(import, "import", \
      "import DIR --db FILE                        build a database from it") \
    X(hours, "hours", \
      "hours --at YYYY-MM-DDTHH:MM | --from YYYY-MM-DD --days N\n" \
      "             [--package DIR | --db FILE]") \
    X(update, "update", "update DIR --data-dir STATE --trusted-keys KEYS") \
    X(export, "export", "export DIR --data-dir STATE") \
    X(rollback, "rollback", "rollback --data-dir STATE") \
    X(pin_hash, "pin-hash", "pin-hash  (reads a PIN on standard input)") \
    X(speak, "speak", \
      "speak --screen NAME --lang CODE --out FILE.wav | --print\n" \
      "             [--at YYYY-MM-DDTHH:MM]              what the Listen control says") \
    X(search, "search", \
      "search QUERY [--package DIR | --db FILE] [--lang CODE]\n" \
      "             the services the directory's search finds, best first")

#define CMD_DECLARE(id, name, usage) int cmd_##id(int argc, char **argv);
CMD_LIST(CMD_DECLARE)
#undef CMD_DECLARE

struct AppOptions;

/* the program: picks the command by argv[1] (none, or an option: run) and runs it;
 * --help prints the usage on stdout; an unknown name, the usage on stderr and 2 */
int cmd_main(int argc, char **argv);
/* every command's usage line, as `kiosk --help` prints it */
void cmd_usage(FILE *f);
/* argv[*i] when it is one of the options of the commands that show content (--config,
 * --windowed, --size, --share, --data-dir, --package, --db): 1 with it stored in o and
 * *i on its value; 0 when it is another; -1 (said on stderr) when its value is bad */
int cmd_app_option(struct AppOptions *o, int argc, char **argv, int *i);
#endif
