/* content.h - what the screens show, in one language, loaded from the database.
 * Every string is owned by the Content and freed by content_free. A text that has no
 * translation in the asked language holds its English text, else the Greek (the base
 * texts), and is listed in fell_back so that the screens can say which language it
 * is in; a field that the data does not have at all is "" (never NULL), and the
 * screens leave it out. */
#ifndef CONTENT_H
#define CONTENT_H
#include <stdbool.h>
#include "core/i18n.h"

#define CONTENT_MAX_PROGRAMS  32
#define CONTENT_MAX_LANGUAGES 16
#define CONTENT_MAX_FELL_BACK 64

typedef struct ContentProgram {
    char *name;
    char *description;          /* "" when the data has none */
} ContentProgram;

/* a text of the content in another language than the content's */
typedef struct ContentFellBack {
    const char *text;
    Lang lang;
} ContentFellBack;

typedef struct Content {
    Lang lang;
    /* the organisation */
    char *org_name;             /* full name */
    char *org_short;            /* alternate_name, "ACCMR" */
    char *org_description;      /* about text; paragraphs separated by "\n\n" */
    char *parent_name;          /* "Δήμος Αθηναίων" / "City of Athens" */
    char *parent_type;          /* parent's legal status: "Local government" */
    char *department;           /* the department within the parent body */
    /* the service */
    char *service_name;
    char *service_description;  /* how the centre works: the committees */
    char *application_process;  /* how to join / take part */
    char *category;             /* taxonomy term of the service category */
    char *audience;             /* taxonomy term of the audience */
    char *last_updated;         /* "2023-02-24": service.last_modified, date part */
    /* contact: raw data values; payloads are made by qr.h */
    char *phone;                /* as written in the data: "+30 210 3638625" */
    char *email;                /* "" when the data holds no valid email */
    char *website;
    /* location */
    char *address;              /* "Αγίου Ισιδώρου 4" */
    char *city;
    char *postal_code;
    char *country;              /* ISO code, "GR" */
    char *community;            /* municipal community: address.region */
    bool has_coords;
    double latitude, longitude;
    char *funding;              /* funding.source, paragraphs separated by "\n\n" */
    char *languages[CONTENT_MAX_LANGUAGES]; /* service languages, names in this language */
    int n_languages;
    ContentProgram programs[CONTENT_MAX_PROGRAMS]; /* committees first, the Forum last */
    int n_programs;
    /* the visitor texts above that are in another language than lang (names, words and
       numbers that read the same in every language, such as the phone, are not listed) */
    ContentFellBack fell_back[CONTENT_MAX_FELL_BACK];
    int n_fell_back;
} Content;

void content_free(Content *c);
/* the language text (one of c's own strings) is in: c->lang unless it fell back */
Lang content_text_lang(const Content *c, const char *text);
#endif
