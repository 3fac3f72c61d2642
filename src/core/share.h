/* share.h - where the kiosk's read-only files are: fonts/ (render), data/ and data.db
 * (the built-in content, store). A build tree keeps them in the folder above
 * build/kiosk; an installed kiosk in /usr/share/kiosk. */
#ifndef SHARE_H
#define SHARE_H
#include <stddef.h>

#define SHARE_INSTALLED "/usr/share/kiosk"

/* the share folder into out: given (--share) when not NULL, else the folder above the
 * program's own when it holds fonts/ (a build tree), else SHARE_INSTALLED. Never
 * fails; a path longer than n is cut. */
void share_find_dir(const char *given, char *out, size_t n);
#endif
