/* run.c - `kiosk [options]`: the kiosk itself, until systemd stops it (app.c). */
#include "cmd/cmd.h"

#include "app.h"

int cmd_run(int argc, char **argv)
{
    AppOptions o = { .config_path = "/etc/kiosk/kiosk.conf" };
    for (int i = 1; i < argc; i++)
        if (cmd_app_option(&o, argc, argv, &i) != 1) {
            cmd_usage(stderr);
            return 2;
        }
    return app_run(&o);
}
