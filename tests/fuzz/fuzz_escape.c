/* fuzz_escape.c - libFuzzer target: text_escape, which every name from a stick goes
 * through before the screen, REPORT.txt and the journal see it. Whatever the bytes,
 * the result is one line of well-formed UTF-8 with no control character, within the
 * buffer, at every buffer size. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *in = malloc(size ? size : 1);     /* exact size: reading past the end is caught */
    if (!in)
        return 0;
    memcpy(in, data, size);
    size_t n = size ? (size_t)data[0] % 64 + 1 : 1;  /* a small buffer too, to cut */
    size_t sizes[2] = { n, 4 * size + 1 };
    for (int k = 0; k < 2; k++) {
        char *out = malloc(sizes[k]);
        if (!out)
            break;
        text_escape(in, size, out, sizes[k]);
        size_t len = strlen(out);
        if (len >= sizes[k] || !text_utf8_valid(out, len))
            abort();
        for (size_t i = 0; i < len; i++)
            if ((unsigned char)out[i] < 0x20 || out[i] == 0x7f)
                abort();
        for (const char *p = out; *p;)
            if (text_utf8_next(&p) - 0x80u < 0x20u)    /* a C1 control */
                abort();
        free(out);
    }
    free(in);
    return 0;
}
