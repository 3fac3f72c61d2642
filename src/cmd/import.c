/* import.c - `kiosk import DIR --db FILE`: the package in DIR as a new database FILE
 * (the build makes build/data.db this way). */
#include "cmd/cmd.h"

#include <string.h>

#include "core/hsds.h"

int cmd_import(int argc, char **argv)
{
    if (argc != 4 || strcmp(argv[2], "--db") != 0) {
        cmd_usage(stderr);
        return 2;
    }
    HsdsReport r;
    memset(&r, 0, sizeof r);
    int rc = hsds_import(argv[1], argv[3], &r);
    hsds_report_print(&r, argv[1], stderr);
    if (rc == 0)
        printf("%s: %d records imported into %s\n", argv[1], r.n_records, argv[3]);
    else
        fprintf(stderr, "kiosk: %s was not imported\n", argv[1]);
    hsds_report_free(&r);
    return rc == 0 ? 0 : 1;
}
