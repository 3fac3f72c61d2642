/* pin_hash.c - `kiosk pin-hash`: the staff PIN's Argon2 hash for kiosk.conf, from a
 * PIN read on standard input (so it is in no shell history). */
#include "cmd/cmd.h"

#include <string.h>

#include "core/pin.h"

/* pin-hash: one line on stdin, the hash on stdout */
int cmd_pin_hash(int argc, char **argv)
{
    (void)argv;
    if (argc > 1) {
        fprintf(stderr, "usage: echo PIN | kiosk pin-hash\n");
        return 2;
    }
    char pin[64] = "", hash[256];
    if (!fgets(pin, sizeof pin, stdin)) {
        fprintf(stderr, "pin-hash: no PIN on standard input\n");
        return 1;
    }
    pin[strcspn(pin, "\r\n")] = '\0';
    if (!pin_is_valid(pin)) {
        fprintf(stderr, "pin-hash: a PIN is %d to %d digits\n", PIN_MIN_DIGITS, PIN_MAX_DIGITS);
        return 1;
    }
    if (pin_hash(pin, hash, sizeof hash) != 0) {
        fprintf(stderr, "pin-hash: cannot hash (out of memory?)\n");
        return 1;
    }
    printf("%s\n", hash);
    return 0;
}
