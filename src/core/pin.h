/* pin.h - the staff PIN that lets an unsigned USB package in (when the config allows
 * it). Only an Argon2 hash is kept (libsodium crypto_pwhash_str); five wrong tries
 * lock the PIN for ten minutes, and the count survives a restart in a small state
 * file, so pulling the plug does not buy more guesses. */
#ifndef PIN_H
#define PIN_H
#include <stddef.h>
#include <time.h>

#define PIN_MIN_DIGITS 4
#define PIN_MAX_DIGITS 16
#define PIN_MAX_TRIES  5
#define PIN_LOCK_S     600

typedef enum {
    PIN_OK,         /* the PIN matches; the wrong-try count is reset */
    PIN_WRONG,      /* it does not; more tries remain */
    PIN_LOCKED,     /* too many wrong tries: nothing is checked until the lock ends */
    PIN_UNSET,      /* no PIN hash configured: staff approval cannot be given */
    PIN_FAILED      /* the hash is malformed, libsodium cannot run, or the count cannot be saved */
} PinResult;

/* true when pin is PIN_MIN_DIGITS..PIN_MAX_DIGITS ASCII digits */
int pin_is_valid(const char *pin);
/* writes the crypto_pwhash_str hash of pin to out (n >= crypto_pwhash_STRBYTES);
 * returns 0, or -1 when the PIN is not valid or out of memory */
int pin_hash(const char *pin, char *out, size_t n);
/* checks pin against hash at time now, keeping the wrong-try count and the lock in
 * state_path (rewritten atomically). The try is counted before the hash is checked;
 * when the count cannot be saved, nothing is checked and the answer is PIN_FAILED. */
PinResult pin_verify(const char *hash, const char *pin, const char *state_path, time_t now);
/* seconds until the lock in state_path ends at time now; 0 when not locked */
int pin_locked_for(const char *state_path, time_t now);
/* wrong tries left before the lock, as recorded in state_path */
int pin_tries_left(const char *state_path, time_t now);
#endif
