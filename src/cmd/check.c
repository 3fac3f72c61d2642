/* check.c - `kiosk check DIR`: is the package in DIR usable? Its problems on stderr,
 * then, when a spreadsheet changed the files, how to open them (core/sheet.h); one
 * summary line on stdout; nothing is written. */
#include "cmd/cmd.h"

#include <string.h>

#include "core/hsds.h"
#include "core/sheet.h"

int cmd_check(int argc, char **argv)
{
    if (argc != 2) {
        cmd_usage(stderr);
        return 2;
    }
    HsdsReport r;
    memset(&r, 0, sizeof r);
    int rc = hsds_check(argv[1], &r);
    hsds_report_print(&r, argv[1], stderr);
    if (r.n_sheet > 0)
        fprintf(stderr, "%s\n", SHEET_HINT);
    printf("%s: %s: %d records (%d service%s of %d organisation%s), %d errors, %d warnings\n",
           argv[1], rc == 0 ? "usable" : "cannot be used", r.n_records, r.n_services,
           r.n_services == 1 ? "" : "s", r.n_organizations, r.n_organizations == 1 ? "" : "s",
           r.n_errors, r.n_warnings);
    hsds_report_free(&r);
    return rc == 0 ? 0 : 1;
}
