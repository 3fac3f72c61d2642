/* main.c - the program's entry: every mode of `kiosk` is a command in src/cmd/
 * (start reading at cmd.h's CMD_LIST). */
#include "cmd/cmd.h"

int main(int argc, char **argv)
{
    return cmd_main(argc, argv);
}
