/* cmd.c - the table of commands (CMD_LIST in cmd.h), the dispatch on argv[1], and the
 * usage text made from the table. */
#include "cmd/cmd.h"

#include <stdio.h>
#include <string.h>

#include "app.h"

typedef struct Cmd {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *usage;
} Cmd;

static const Cmd cmds[] = {
#define CMD_ROW(id, name, usage) { name, cmd_##id, usage },
    CMD_LIST(CMD_ROW)
#undef CMD_ROW
};
#define CMD_COUNT (sizeof cmds / sizeof cmds[0])

void cmd_usage(FILE *f)
{
    for (size_t i = 0; i < CMD_COUNT; i++)
        fprintf(f, "%s kiosk %s\n", i == 0 ? "usage:" : "      ", cmds[i].usage);
}

int cmd_main(int argc, char **argv)
{
    if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        cmd_usage(stdout);
        return 0;
    }
    if (argc < 2 || argv[1][0] == '-')
        return cmds[0].run(argc, argv);     /* the kiosk; argv[0] is the program */
    for (size_t i = 1; i < CMD_COUNT; i++)
        if (strcmp(argv[1], cmds[i].name) == 0)
            return cmds[i].run(argc - 1, argv + 1);
    cmd_usage(stderr);
    return 2;
}

/* "800x480" -> w, h; -1 when malformed */
static int parse_size(const char *s, int *w, int *h)
{
    char x;
    if (sscanf(s, "%d%c%d", w, &x, h) != 3 || (x != 'x' && x != 'X') || *w < 200 ||
        *h < 200 || *w > 8192 || *h > 8192)
        return -1;
    return 0;
}

int cmd_app_option(AppOptions *o, int argc, char **argv, int *i)
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
