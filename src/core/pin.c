/* pin.c - the staff PIN: Argon2 hashing and verification through libsodium, and the
 * wrong-try lock kept in a two-number state file ("failures locked_until\n"). A
 * missing or unreadable state file means no failures; a lock that reaches further
 * ahead than PIN_LOCK_S (the clock went back) is cut to PIN_LOCK_S from now. */
#include "core/pin.h"

#include <ctype.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sodium.h>

typedef struct PinState {
    int failures;
    long long locked_until;
} PinState;

/* true when pin is PIN_MIN_DIGITS..PIN_MAX_DIGITS ASCII digits */
int pin_is_valid(const char *pin)
{
    size_t n = pin ? strlen(pin) : 0;
    if (n < PIN_MIN_DIGITS || n > PIN_MAX_DIGITS)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (pin[i] < '0' || pin[i] > '9')
            return 0;
    return 1;
}

/* hashes with the interactive limits (about half a second on a Pi 4); -1 on failure */
int pin_hash(const char *pin, char *out, size_t n)
{
    if (!pin_is_valid(pin) || n < crypto_pwhash_STRBYTES || sodium_init() < 0)
        return -1;
    if (crypto_pwhash_str(out, pin, strlen(pin), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return -1;
    return 0;
}

/* reads the state; a missing or malformed file reads as no failures */
static PinState state_load(const char *path, time_t now)
{
    PinState s = { 0, 0 };
    FILE *f = fopen(path, "r");
    if (f) {
        if (fscanf(f, "%d %lld", &s.failures, &s.locked_until) != 2 || s.failures < 0)
            s.failures = 0, s.locked_until = 0;
        fclose(f);
    }
    if (s.failures > PIN_MAX_TRIES)
        s.failures = PIN_MAX_TRIES;
    if (s.locked_until > (long long)now + PIN_LOCK_S)
        s.locked_until = (long long)now + PIN_LOCK_S;
    return s;
}

/* writes the state through a temporary file and rename; -1 when it cannot */
static int state_save(const char *path, PinState s)
{
    char tmp[4096];
    if (snprintf(tmp, sizeof tmp, "%s.tmp", path) >= (int)sizeof tmp)
        return -1;
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return -1;
    char buf[64];
    int len = snprintf(buf, sizeof buf, "%d %lld\n", s.failures, s.locked_until);
    int ok = write(fd, buf, (size_t)len) == len && fsync(fd) == 0;
    ok = close(fd) == 0 && ok;
    if (!ok || rename(tmp, path) != 0) {
        unlink(tmp);
        return -1;
    }
    return 0;
}

/* seconds until the lock ends; 0 when not locked */
int pin_locked_for(const char *state_path, time_t now)
{
    PinState s = state_load(state_path, now);
    return s.locked_until > (long long)now ? (int)(s.locked_until - (long long)now) : 0;
}

/* wrong tries left before the lock */
int pin_tries_left(const char *state_path, time_t now)
{
    PinState s = state_load(state_path, now);
    if (s.locked_until > (long long)now)
        return 0;
    return PIN_MAX_TRIES - s.failures;
}

/* checks pin. The try is counted as wrong in the state file before the hash is
 * checked (half a second), so cutting the power meanwhile wins no extra guess;
 * when the count cannot be saved nothing is checked (PIN_FAILED). */
PinResult pin_verify(const char *hash, const char *pin, const char *state_path, time_t now)
{
    if (!hash || !hash[0])
        return PIN_UNSET;
    if (sodium_init() < 0 || strnlen(hash, crypto_pwhash_STRBYTES) == crypto_pwhash_STRBYTES ||
        strncmp(hash, "$argon2", 7) != 0)
        return PIN_FAILED;
    PinState s = state_load(state_path, now);
    if (s.locked_until > (long long)now)
        return PIN_LOCKED;
    if (s.locked_until)
        s.failures = 0, s.locked_until = 0;     /* the lock has ended: a fresh count */
    s.failures++;
    PinResult r = PIN_WRONG;
    if (s.failures >= PIN_MAX_TRIES) {
        s.failures = 0;
        s.locked_until = (long long)now + PIN_LOCK_S;
        r = PIN_LOCKED;
    }
    if (state_save(state_path, s) != 0)
        return PIN_FAILED;
    if (pin_is_valid(pin) && crypto_pwhash_str_verify(hash, pin, strlen(pin)) == 0) {
        s.failures = 0;
        s.locked_until = 0;
        state_save(state_path, s);
        return PIN_OK;
    }
    return r;
}
