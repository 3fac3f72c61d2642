/* qr.h - what the QR codes say, and their module matrices (libqrencode).
 * Each payload function writes a NUL-terminated payload and returns its length, or
 * -1 when the data cannot make a valid payload (the screen then shows no code). */
#ifndef QR_H
#define QR_H
#include <stdbool.h>
#include <stddef.h>

/* "+30 210 3638625" -> "tel:+302103638625" (E.164; a national Greek number gets +30) */
int qr_payload_tel(const char *number, char *out, size_t n);
/* "mailto:info@example.org"; -1 unless the address is a plausible addr-spec */
int qr_payload_mailto(const char *email, char *out, size_t n);
/* the website as an absolute http(s) URL */
int qr_payload_url(const char *url, char *out, size_t n);

typedef struct QrContact {
    const char *name, *organisation, *phone, *email, *website;
    const char *street, *city, *postal_code, *country;
} QrContact;
/* a vCard 3.0 with CRLF line ends, escaped per RFC 2426; empty fields left out */
int qr_payload_vcard(const QrContact *c, char *out, size_t n);
/* directions: "https://www.google.com/maps/search/?api=1&query=LAT,LON" when has_coords,
 * else the same link with the percent-encoded "street, city, country" as the query.
 * Not "geo:": iPhones' cameras ignore geo: codes and many Android phones offer no app
 * for them, while every phone opens a web link, in the maps app where one is installed. */
int qr_payload_directions(const char *street, const char *city, const char *country,
                          bool has_coords, double lat, double lon, char *out, size_t n);

typedef struct QrMatrix {
    int width;                  /* modules a side, without the quiet zone */
    unsigned char *dark;        /* width*width, 1 = dark */
} QrMatrix;
/* NULL when the payload cannot be encoded (too long, or out of memory) */
QrMatrix *qr_encode(const char *payload);
void qr_free(QrMatrix *m);
#endif
