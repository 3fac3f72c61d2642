/* main.c - the kiosk's modes: run the kiosk (the default), render screenshots,
 * check or import a content package, ask about opening hours, and the update
 * commands staff and IT use. Each mode parses its own options. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "app.h"
#include "cmd.h"
#include "core/config.h"
#include "core/db.h"
#include "core/hours.h"
#include "core/hsds.h"

static const char usage[] =
    "usage: kiosk [--config FILE] [--windowed] [--size WxH] [--share DIR] [--data-dir DIR]\n"
    "             [--package DIR | --db FILE]                 run the kiosk\n"
    "       kiosk screenshot --out DIR|FILE.bmp [--size WxH] [--screen NAME] [--lang el|en]\n"
    "             [--at YYYY-MM-DDTHH:MM] [--package DIR | --db FILE]\n"
    "       kiosk check DIR                                   validate a content package\n"
    "       kiosk import DIR --db FILE                        build a database from it\n"
    "       kiosk hours --at YYYY-MM-DDTHH:MM | --from YYYY-MM-DD --days N\n"
    "             [--package DIR | --db FILE]\n"
    "       kiosk update DIR --data-dir STATE --trusted-keys KEYS\n"
    "       kiosk export DIR --data-dir STATE\n"
    "       kiosk rollback --data-dir STATE\n"
    "       kiosk search QUERY [--package DIR | --db FILE] [--lang CODE]\n"
    "       kiosk pin-hash  (reads a PIN on standard input)\n";

/* "800x480" -> w, h; -1 when malformed */
static int parse_size(const char *s, int *w, int *h)
{
    char x;
    if (sscanf(s, "%d%c%d", w, &x, h) != 3 || (x != 'x' && x != 'X') || *w < 200 ||
        *h < 200 || *w > 8192 || *h > 8192)
        return -1;
    return 0;
}

/* the common options of the modes that show content; 1 taken (with *i advanced), 0
 * not one of them, -1 malformed */
static int app_option(AppOptions *o, int argc, char **argv, int *i)
{
    const char *a = argv[*i];
    const char *v = *i + 1 < argc ? argv[*i + 1] : NULL;
    if (strcmp(a, "--windowed") == 0) {
        o->windowed = true;
        return 1;
    }
    static const char *const with_value[] = { "--config", "--size", "--share", "--data-dir",
                                              "--package", "--db" };
    for (size_t k = 0; k < sizeof with_value / sizeof with_value[0]; k++) {
        if (strcmp(a, with_value[k]) != 0)
            continue;
        if (!v) {
            fprintf(stderr, "kiosk: %s needs a value\n", a);
            return -1;
        }
        ++*i;
        switch (k) {
        case 0: o->config_path = v; break;
        case 1:
            if (parse_size(v, &o->width, &o->height) != 0) {
                fprintf(stderr, "kiosk: --size takes WIDTHxHEIGHT, e.g. 800x480\n");
                return -1;
            }
            break;
        case 2: o->share_dir = v; break;
        case 3: o->data_dir = v; break;
        case 4: o->package = v; break;
        case 5: o->db_path = v; break;
        }
        return 1;
    }
    return 0;
}

static int mode_run(int argc, char **argv)
{
    AppOptions o = { .config_path = "/etc/kiosk/kiosk.conf" };
    for (int i = 1; i < argc; i++)
        if (app_option(&o, argc, argv, &i) != 1) {
            fputs(usage, stderr);
            return 2;
        }
    return app_run(&o);
}

static int mode_screenshot(int argc, char **argv)
{
    ShotOptions o = { .app = { .config_path = NULL } };
    for (int i = 2; i < argc; i++) {
        int r = app_option(&o.app, argc, argv, &i);
        if (r < 0)
            return 2;
        if (r == 1)
            continue;
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!v) {
            fputs(usage, stderr);
            return 2;
        }
        if (strcmp(argv[i], "--out") == 0)
            o.out = v;
        else if (strcmp(argv[i], "--screen") == 0)
            o.screen = v;
        else if (strcmp(argv[i], "--lang") == 0)
            o.lang = v;
        else if (strcmp(argv[i], "--at") == 0) {
            hours_use_athens_time();
            if (hours_parse_instant(v, &o.at) != 0) {
                fprintf(stderr, "kiosk: --at takes a time like 2027-04-30T10:00\n");
                return 2;
            }
        } else {
            fputs(usage, stderr);
            return 2;
        }
        i++;
    }
    if (!o.out) {
        fprintf(stderr, "kiosk: screenshot needs --out DIR or --out FILE.bmp\n");
        return 2;
    }
    return app_screenshots(&o);
}

static int mode_check(int argc, char **argv)
{
    if (argc != 3) {
        fputs(usage, stderr);
        return 2;
    }
    HsdsReport r;
    memset(&r, 0, sizeof r);
    int rc = hsds_check(argv[2], &r);
    hsds_report_print(&r, argv[2], stderr);
    printf("%s: %s: %d records (%d service%s of %d organisation%s), %d errors, %d warnings\n",
           argv[2], rc == 0 ? "usable" : "cannot be used", r.n_records, r.n_services,
           r.n_services == 1 ? "" : "s", r.n_organizations, r.n_organizations == 1 ? "" : "s",
           r.n_errors, r.n_warnings);
    hsds_report_free(&r);
    return rc == 0 ? 0 : 1;
}

static int mode_import(int argc, char **argv)
{
    if (argc != 5 || strcmp(argv[3], "--db") != 0) {
        fputs(usage, stderr);
        return 2;
    }
    HsdsReport r;
    memset(&r, 0, sizeof r);
    int rc = hsds_import(argv[2], argv[4], &r);
    hsds_report_print(&r, argv[2], stderr);
    if (rc == 0)
        printf("%s: %d records imported into %s\n", argv[2], r.n_records, argv[4]);
    else
        fprintf(stderr, "kiosk: %s was not imported\n", argv[2]);
    hsds_report_free(&r);
    return rc == 0 ? 0 : 1;
}

/* the opening hours of the default content, a package or a database */
static int mode_hours(int argc, char **argv)
{
    const char *at = NULL, *from = NULL, *days = "14", *db_path = NULL;
    const char *package = "data";
    for (int i = 2; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--at") == 0) at = argv[i + 1];
        else if (strcmp(argv[i], "--from") == 0) from = argv[i + 1];
        else if (strcmp(argv[i], "--days") == 0) days = argv[i + 1];
        else if (strcmp(argv[i], "--db") == 0) db_path = argv[i + 1];
        else if (strcmp(argv[i], "--package") == 0) package = argv[i + 1];
        else {
            fputs(usage, stderr);
            return 2;
        }
    }
    if ((argc % 2) != 0 || (!at && !from)) {
        fputs(usage, stderr);
        return 2;
    }
    if (hours_use_athens_time() != 0)
        fprintf(stderr, "kiosk: the Europe/Athens time zone is missing (install tzdata)\n");
    char err[512], tmp[] = "/tmp/kiosk-hours-XXXXXX";
    if (!db_path) {
        int fd = mkstemp(tmp);
        if (fd < 0) {
            perror("kiosk: mkstemp");
            return 1;
        }
        close(fd);
        remove(tmp);
        HsdsReport r;
        memset(&r, 0, sizeof r);
        int rc = hsds_import(package, tmp, &r);
        if (rc != 0)
            hsds_report_print(&r, package, stderr);
        hsds_report_free(&r);
        if (rc != 0)
            return 1;
    }
    Db *db = db_open(db_path ? db_path : tmp, err, sizeof err);
    if (!db_path)
        remove(tmp);
    if (!db) {
        fprintf(stderr, "kiosk: %s\n", err);
        return 1;
    }
    HoursTable t;
    memset(&t, 0, sizeof t);
    Config cfg;
    config_defaults(&cfg);
    int rc = db_load_hours(db, &t);
    db_close(db);
    if (rc != 0) {
        fprintf(stderr, "kiosk: cannot read the opening hours\n");
        return 1;
    }
    t.city_holiday = cfg.city_holiday, t.shortened_days = cfg.shortened_days;
    char *end;
    long n = strtol(days, &end, 10);
    if (*end || n < 1 || n > 366) {
        fprintf(stderr, "kiosk: --days takes 1 to 366\n");
        return 2;
    }
    return at ? hours_cli_at(&t, at, stdout) : hours_cli_table(&t, from, (int)n, stdout);
}

int main(int argc, char **argv)
{
    static const struct { const char *name; int (*run)(int, char **); int shift; } modes[] = {
        { "screenshot", mode_screenshot, 0 }, { "check", mode_check, 0 },
        { "import", mode_import, 0 },         { "hours", mode_hours, 0 },
        { "update", cmd_update, 1 },          { "export", cmd_export, 1 },
        { "rollback", cmd_rollback, 1 },      { "pin-hash", cmd_pin_hash, 1 },
        { "search", cmd_search, 1 },
    };
    if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        fputs(usage, stdout);
        return 0;
    }
    if (argc > 1 && argv[1][0] != '-') {
        for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++)
            if (strcmp(argv[1], modes[i].name) == 0)
                return modes[i].run(argc - modes[i].shift, argv + modes[i].shift);
        fputs(usage, stderr);
        return 2;
    }
    return mode_run(argc, argv);
}
