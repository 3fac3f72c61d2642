/* fuzz_manifest.c - libFuzzer target: SHA256SUMS parsing and minisign verification,
 * the two readers that see a stick's bytes before anything is trusted.
 * The input is split at the first two 0xFF bytes into a signature file, a public
 * key file and the signed message; the whole input is also read as a SHA256SUMS. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/update.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static UpdateManifest m;
    char err[200];
    /* an exact-size copy, so reading past the end is caught */
    char *text = malloc(size ? size : 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    update_manifest_parse(text, size, &m, err, sizeof err);
    free(text);

    const uint8_t *a = memchr(data, 0xFF, size);
    const uint8_t *b = a ? memchr(a + 1, 0xFF, size - (size_t)(a + 1 - data)) : NULL;
    size_t sig_len = a ? (size_t)(a - data) : size;
    size_t pk_len = b ? (size_t)(b - a - 1) : 0;
    size_t msg_len = b ? size - (size_t)(b + 1 - data) : 0;
    char *sig = malloc(sig_len + 1), *pk = malloc(pk_len + 1);
    unsigned char *msg = malloc(msg_len + 1);
    if (sig && pk && msg) {
        memcpy(sig, data, sig_len);
        if (pk_len)
            memcpy(pk, a + 1, pk_len);
        if (msg_len)
            memcpy(msg, b + 1, msg_len);
        char id[17];
        update_minisign_verify(sig, sig_len, pk, pk_len, msg, msg_len, id);
    }
    free(sig);
    free(pk);
    free(msg);
    return 0;
}
