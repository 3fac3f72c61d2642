/* minisign.c - minisign signatures (Ed25519 through libsodium): the legacy "Ed" and
 * the prehashed "ED" forms, and the global signature over the trusted comment. */
#include "core/update/update_private.h"

#include <stdio.h>
#include <string.h>

#include <sodium.h>

/* the next line of [*p, end) without its line end; false at the end */
bool update_next_line(const char **p, const char *end, const char **line, size_t *len)
{
    if (*p >= end)
        return false;
    const char *nl = memchr(*p, '\n', (size_t)(end - *p));
    const char *stop = nl ? nl : end;
    *line = *p;
    *len = (size_t)(stop - *p);
    if (*len && (*line)[*len - 1] == '\r')
        (*len)--;
    *p = nl ? nl + 1 : end;
    return true;
}

/* decodes exactly want bytes of standard base64; -1 otherwise */
static int b64_exact(const char *s, size_t len, unsigned char *out, size_t want)
{
    size_t got = 0;
    const char *end = NULL;
    if (sodium_base642bin(out, want, s, len, NULL, &got, &end, sodium_base64_VARIANT_ORIGINAL) != 0)
        return -1;
    return got == want && end == s + len ? 0 : -1;
}

/* minisign prints key ids as the 8 bytes read little-endian, in hex */
static void key_id_text(const unsigned char id[8], char out[17])
{
    static const char hex[] = "0123456789ABCDEF";
    for (int i = 0; i < 8; i++) {
        out[2 * i] = hex[id[7 - i] >> 4];
        out[2 * i + 1] = hex[id[7 - i] & 15];
    }
    out[16] = '\0';
}

#define UNTRUSTED "untrusted comment:"
#define TRUSTED   "trusted comment: "

/* verifies sig (the .minisig text) over msg with one public key file's text */
UpdateStatus update_minisign_verify(const char *sig, size_t sig_len, const char *pubkey,
                                    size_t pk_len, const unsigned char *msg, size_t msg_len,
                                    char key_id[17])
{
    const char *p = sig, *end = sig + sig_len, *l[4];
    size_t n[4];
    unsigned char s[74], global[64], pk[42];
    if (key_id)
        key_id[0] = '\0';
    if (sodium_init() < 0)
        return UPDATE_BAD_SIGNATURE;
    for (int i = 0; i < 4; i++)
        if (!update_next_line(&p, end, &l[i], &n[i]))
            return UPDATE_BAD_SIGNATURE;
    if (n[0] < strlen(UNTRUSTED) || memcmp(l[0], UNTRUSTED, strlen(UNTRUSTED)) ||
        b64_exact(l[1], n[1], s, sizeof s) ||
        n[2] < strlen(TRUSTED) || memcmp(l[2], TRUSTED, strlen(TRUSTED)) ||
        b64_exact(l[3], n[3], global, sizeof global))
        return UPDATE_BAD_SIGNATURE;
    bool prehashed = s[0] == 'E' && s[1] == 'D', legacy = s[0] == 'E' && s[1] == 'd';
    if (!prehashed && !legacy)
        return UPDATE_BAD_SIGNATURE;
    if (key_id)
        key_id_text(s + 2, key_id);

    /* the public key: a comment line, then base64 of "Ed" || key id || key */
    const char *kl[2];
    size_t kn[2];
    p = pubkey, end = pubkey + pk_len;
    if (!update_next_line(&p, end, &kl[0], &kn[0]) || !update_next_line(&p, end, &kl[1], &kn[1]) ||
        kn[0] < strlen(UNTRUSTED) || memcmp(kl[0], UNTRUSTED, strlen(UNTRUSTED)) ||
        b64_exact(kl[1], kn[1], pk, sizeof pk) || pk[0] != 'E' || pk[1] != 'd')
        return UPDATE_UNKNOWN_KEY;
    if (memcmp(pk + 2, s + 2, 8) != 0)
        return UPDATE_UNKNOWN_KEY;

    unsigned char hash[crypto_generichash_BYTES_MAX];
    const unsigned char *m = msg;
    size_t mlen = msg_len;
    if (prehashed) {
        crypto_generichash(hash, sizeof hash, msg, msg_len, NULL, 0);
        m = hash, mlen = sizeof hash;
    }
    if (crypto_sign_verify_detached(s + 10, m, mlen, pk + 10) != 0)
        return UPDATE_BAD_SIGNATURE;
    /* the global signature: signature || trusted comment text */
    size_t clen = n[2] - strlen(TRUSTED);
    unsigned char *g = malloc(64 + clen + 1);
    if (!g)
        return UPDATE_BAD_SIGNATURE;
    memcpy(g, s + 10, 64);
    memcpy(g + 64, l[2] + strlen(TRUSTED), clen);
    int bad = crypto_sign_verify_detached(global, g, 64 + clen, pk + 10);
    free(g);
    return bad ? UPDATE_BAD_SIGNATURE : UPDATE_OK;
}
