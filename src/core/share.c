/* share.c - the share folder: --share, a build tree, or the installed one. The
 * program's own path comes from /proc/self/exe, as SDL_GetBasePath finds it. */
#include "core/share.h"
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void share_find_dir(const char *given, char *out, size_t n)
{
    if (given) {
        snprintf(out, n, "%s", given);
        return;
    }
    char self[PATH_MAX], fonts[PATH_MAX + 16];
    ssize_t len = readlink("/proc/self/exe", self, sizeof self - 1);
    char *slash = len > 0 ? memrchr(self, '/', (size_t)len) : NULL;
    if (slash) {
        slash[1] = '\0';        /* "/home/me/kiosk/build/" */
        snprintf(fonts, sizeof fonts, "%s../fonts", self);
        struct stat st;
        if (stat(fonts, &st) == 0 && S_ISDIR(st.st_mode)) {
            snprintf(out, n, "%s..", self);
            return;
        }
    }
    snprintf(out, n, "%s", SHARE_INSTALLED);
}
