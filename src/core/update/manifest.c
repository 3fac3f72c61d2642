/* manifest.c - SHA256SUMS in sha256sum's format: one "<64 hex>  path" a line, paths
 * inside the package only. */
#include "core/update/update_private.h"

#include <stdio.h>
#include <string.h>

#include <sodium.h>

/* a relative path inside the package: its status, or UPDATE_OK */
UpdateStatus update_path_check(const char *s, size_t len)
{
    if (len == 0 || len >= UPDATE_PATH_MAX)
        return UPDATE_BAD_MANIFEST;
    if (s[0] == '/')
        return UPDATE_ABSOLUTE_PATH;
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f || s[i] == '\\')
            return UPDATE_BAD_MANIFEST;
    for (size_t i = 0; i <= len;) {
        size_t j = i;
        while (j < len && s[j] != '/')
            j++;
        size_t c = j - i;
        if (c == 2 && s[i] == '.' && s[i + 1] == '.')
            return UPDATE_PARENT_PATH;
        if (c == 0 || (c == 1 && s[i] == '.'))
            return UPDATE_BAD_MANIFEST;
        i = j + 1;
    }
    return UPDATE_OK;
}

/* parses SHA256SUMS text */
UpdateStatus update_manifest_parse(const char *text, size_t len, UpdateManifest *m,
                                   char *err, size_t n)
{
    const char *p = text, *end = text + len, *l;
    size_t ll;
    int line = 0;
    m->n = 0;
    if (err && n)
        err[0] = '\0';
    if (memchr(text, '\0', len)) {
        if (err)
            snprintf(err, n, "SHA256SUMS holds a NUL byte");
        return UPDATE_BAD_MANIFEST;
    }
    while (update_next_line(&p, end, &l, &ll)) {
        line++;
        if (ll == 0)
            continue;
        UpdateStatus s = UPDATE_OK;
        if (ll < 67 || l[64] != ' ' || (l[65] != ' ' && l[65] != '*'))
            s = UPDATE_BAD_MANIFEST;
        else if (m->n == UPDATE_MAX_FILES)
            s = UPDATE_TOO_MANY_FILES;
        else if (sodium_hex2bin(m->entries[m->n].sha256, 32, l, 64, NULL, NULL, NULL) != 0)
            s = UPDATE_BAD_MANIFEST;
        else
            s = update_path_check(l + 66, ll - 66);
        for (int i = 0; s == UPDATE_OK && i < m->n; i++)
            if (strlen(m->entries[i].path) == ll - 66 &&
                !memcmp(m->entries[i].path, l + 66, ll - 66))
                s = UPDATE_BAD_MANIFEST;
        if (s != UPDATE_OK) {
            if (err)
                snprintf(err, n, "SHA256SUMS:%d: %.*s", line, (int)(ll > 120 ? 120 : ll), l);
            return s;
        }
        memcpy(m->entries[m->n].path, l + 66, ll - 66);
        m->entries[m->n].path[ll - 66] = '\0';
        m->n++;
    }
    return UPDATE_OK;
}
