/* usbwatch.h - notices a USB stick with a KIOSK/ folder under the mount directory,
 * without a polling loop: inotify on the mount directory (or, while it does not
 * exist, on its nearest existing ancestor) and the kernel's mount table
 * (/proc/self/mountinfo), gathered behind one descriptor the main loop polls. */
#ifndef USBWATCH_H
#define USBWATCH_H
#include <stdbool.h>

typedef struct UsbWatch UsbWatch;

/* starts watching dir (e.g. /media/kiosk-usb, which need not exist yet); NULL with
 * errno set when inotify or epoll cannot be set up */
UsbWatch *usbwatch_open(const char *dir);
void usbwatch_close(UsbWatch *w);
/* a descriptor that becomes readable (POLLIN) when something under the mount
 * directory or the mount table changed; call usbwatch_check then */
int usbwatch_fd(const UsbWatch *w);
/* takes the pending events, follows the directory if it appeared or was mounted
 * over, and tells whether dir/KIOSK is a folder now. Cheap: call it at start-up too,
 * and act on a change from false to true. */
bool usbwatch_check(UsbWatch *w);
/* dir/KIOSK, the folder usbwatch_check looks for */
const char *usbwatch_kiosk_dir(const UsbWatch *w);
#endif
