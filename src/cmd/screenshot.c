/* screenshot.c - `kiosk screenshot`: screens rendered headless to .png or .bmp files,
 * for the README, the tests and the byte-for-byte comparisons of a refactoring. */
#include "cmd/cmd.h"

#include <stdio.h>
#include <string.h>

#include "app.h"
#include "core/hours.h"

int cmd_screenshot(int argc, char **argv)
{
    ShotOptions o = { .app = { .config_path = NULL } };
    for (int i = 1; i < argc; i++) {
        int r = cmd_app_option(&o.app, argc, argv, &i);
        if (r < 0)
            return 2;
        if (r == 1)
            continue;
        if (strcmp(argv[i], "--large-text") == 0 || strcmp(argv[i], "--high-contrast") == 0) {
            *(argv[i][2] == 'l' ? &o.large_text : &o.high_contrast) = true;
            continue;
        }
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!v) {
            cmd_usage(stderr);
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
            cmd_usage(stderr);
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
