/* hours.c - `kiosk hours`: when is the centre open, from the content of a package
 * (data/ by default) or a database: at one instant, or a table of days. */
#include "cmd/cmd.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/config.h"
#include "core/db.h"
#include "core/hours.h"
#include "core/store.h"

/* the opening hours of the source, with the configured holidays; -1 said on stderr */
static int load_hours(const StoreSource *src, HoursTable *t)
{
    char why[512];
    bool live;
    Db *db = NULL;
    if (store_open_source(src, &db, &live, why, sizeof why) < 0) {
        fprintf(stderr, "kiosk: %s\n", why);
        return -1;
    }
    memset(t, 0, sizeof *t);
    int rc = db_load_hours(db, t);
    db_close(db);
    if (rc != 0) {
        fprintf(stderr, "kiosk: cannot read the opening hours\n");
        return -1;
    }
    Config cfg;
    config_defaults(&cfg);
    t->city_holiday = cfg.city_holiday, t->shortened_days = cfg.shortened_days;
    return 0;
}

int cmd_hours(int argc, char **argv)
{
    const char *at = NULL, *from = NULL, *days = "14";
    StoreSource src = { .package = "data", .problems = stderr };
    for (int i = 1; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--at") == 0) at = argv[i + 1];
        else if (strcmp(argv[i], "--from") == 0) from = argv[i + 1];
        else if (strcmp(argv[i], "--days") == 0) days = argv[i + 1];
        else if (strcmp(argv[i], "--db") == 0) src.db_path = argv[i + 1];
        else if (strcmp(argv[i], "--package") == 0) src.package = argv[i + 1];
        else {
            cmd_usage(stderr);
            return 2;
        }
    }
    if ((argc % 2) != 1 || (!at && !from)) {
        cmd_usage(stderr);
        return 2;
    }
    if (hours_use_athens_time() != 0)
        fprintf(stderr, "kiosk: the Europe/Athens time zone is missing (install tzdata)\n");
    HoursTable t;
    if (load_hours(&src, &t) != 0)
        return 1;
    char *end;
    long n = strtol(days, &end, 10);
    if (*end || n < 1 || n > 366) {
        fprintf(stderr, "kiosk: --days takes 1 to 366\n");
        return 2;
    }
    return at ? hours_cli_at(&t, at, stdout) : hours_cli_table(&t, from, (int)n, stdout);
}
