/* config.h - /etc/kiosk/kiosk.conf (INI, read with inih). Every option has a default
 * here, so a missing file means the defaults; a bad value is a start-up error. */
#ifndef CONFIG_H
#define CONFIG_H
#include <stdbool.h>
#include <stddef.h>
#include "core/i18n.h"

typedef struct Config {
    /* [display] */
    int width, height;          /* 0 = the display's own size */
    int rotation;               /* 0, 90, 180, 270 */
    double dpi;                 /* for QR and touch-target sizes; default 96 */
    float touch_matrix[6];      /* calibration: x' = a*x + b*y + c, y' = d*x + e*y + f */
    /* [kiosk] */
    Lang default_lang;
    int idle_timeout_s;         /* back home in the default language; default 90 */
    int night_after_close_min;  /* night mode this long after closing; default 30, -1 off */
    char data_dir[256];         /* live database and its previous copy; /var/lib/kiosk */
    char default_data[256];     /* the built-in package; /usr/share/kiosk/data */
    /* [hours] */
    bool city_holiday;          /* 3 October; default true */
    bool shortened_days;        /* 24 and 31 December; default true */
    /* [update] */
    char usb_dir[256];          /* /media/kiosk-usb */
    char trusted_keys[256];     /* /etc/kiosk/trusted-keys */
    bool staff_approval;        /* unsigned packages with the staff PIN; default false */
    char staff_pin_hash[160];   /* Argon2 (crypto_pwhash_str), "" = no PIN set */
    /* [speech] */
    char audio_device[64];      /* ALSA device for the Listen control; "" = ALSA's default,
                                   "off" = no speech */
    /* [update] */
    char organization[64];      /* the id of the organization the kiosk is about: an
                                   update without it is refused; "" = the one the live
                                   content is about (the built-in one at first) */
} Config;

/* fills *c with the defaults */
void config_defaults(Config *c);
/* reads path over the defaults; a missing file is not an error. Returns 0, or -1
 * with "path:line: message" in err. */
int config_load(Config *c, const char *path, char *err, size_t n);
#endif
