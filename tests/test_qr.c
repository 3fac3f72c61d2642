/* test_qr.c - what a visitor's phone gets from each QR code: exact payloads, codes
 * withheld for bad data, and real decodes of the matrices with zbarimg (zbar-tools). */
#include "testutil.h"
#include "core/qr.h"

#define MODULE_PX 4
#define QUIET     4             /* modules of white border the standard asks for */

static char out[2048];

static const char *tel(const char *number)
{
    return qr_payload_tel(number, out, sizeof out) < 0 ? NULL : out;
}

static const char *mailto(const char *email)
{
    return qr_payload_mailto(email, out, sizeof out) < 0 ? NULL : out;
}

static const char *url(const char *u)
{
    return qr_payload_url(u, out, sizeof out) < 0 ? NULL : out;
}

static void test_phone_numbers_become_e164_tel_links(void **state)
{
    (void)state;
    assert_string_equal(tel("+30 210 3638625"), "tel:+302103638625");
    assert_string_equal(tel("210 3638625"), "tel:+302103638625");
    assert_string_equal(tel("0030 210 3638625"), "tel:+302103638625");
    assert_string_equal(tel("(+30) 210-363.8625"), "tel:+302103638625");
    assert_string_equal(tel("  +30\xC2\xA0" "210 3638625 "), "tel:+302103638625");
    assert_string_equal(tel("694 123 4567"), "tel:+306941234567");
    assert_string_equal(tel("+44 20 7946 0958"), "tel:+442079460958");
    assert_int_equal(qr_payload_tel("+30 210 3638625", out, sizeof out),
                     (int)strlen("tel:+302103638625"));
}

static void test_phone_numbers_that_cannot_be_dialled_get_no_code(void **state)
{
    (void)state;
    const char *bad[] = {
        "210 3638625 ext. 12", "Τηλ. 210 3638625", "call us", "",
        "3638625",              /* seven digits: no area code */
        "+30 1234",             /* too short */
        "+1234567890123456",    /* sixteen digits: longer than E.164 allows */
        "+30 210 363862",       /* a Greek number is ten digits after +30 */
        "210 3638625/6",        /* two numbers in one cell */
        "210 3638625, 210 3638626",
        "30 210 3638625 +",     /* '+' not in front */
        "+0 210 3638625",       /* no country code starts with 0 */
        "5551234567",           /* ten digits, but not a Greek number */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        strcpy(out, "x");
        if (qr_payload_tel(bad[i], out, sizeof out) != -1)
            fail_msg("accepted \"%s\" as %s", bad[i], out);
        assert_string_equal(out, "");
    }
    assert_int_equal(qr_payload_tel(NULL, out, sizeof out), -1);
}

static void test_email_addresses_become_mailto_links(void **state)
{
    (void)state;
    assert_string_equal(mailto("info@accmr.gr"), "mailto:info@accmr.gr");
    assert_string_equal(mailto(" info@accmr.gr\r\n"), "mailto:info@accmr.gr");
    assert_string_equal(mailto("mailto:info@accmr.gr"), "mailto:info@accmr.gr");
    assert_string_equal(mailto("first.last+kiosk@athens-city.example.org"),
                        "mailto:first.last+kiosk@athens-city.example.org");
    /* characters that mean something in a mailto: URI are percent-encoded */
    assert_string_equal(mailto("a&b=c?d%e#f@example.org"),
                        "mailto:a%26b%3Dc%3Fd%25e%23f@example.org");
}

static void test_obfuscated_or_implausible_email_gets_no_code(void **state)
{
    (void)state;
    const char *bad[] = {
        "[email protected]",   /* what a copied web page leaves behind */
        "info [at] accmr.gr", "info(at)accmr.gr", "info at accmr dot gr",
        "info@accmr", "info@@accmr.gr", "a@b@accmr.gr", "info @accmr.gr",
        "<info@accmr.gr>", ".info@accmr.gr", "info.@accmr.gr", "in..fo@accmr.gr",
        "info@-accmr.gr", "info@accmr-.gr", "info@accmr..gr", "info@accmr.g",
        "info@accmr.123", "@accmr.gr", "info@", "", "info@accmr[.]gr",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        if (qr_payload_mailto(bad[i], out, sizeof out) != -1)
            fail_msg("accepted \"%s\" as %s", bad[i], out);
    }
    assert_int_equal(qr_payload_mailto(NULL, out, sizeof out), -1);
}

static void test_websites_become_absolute_links(void **state)
{
    (void)state;
    assert_string_equal(url("https://www.accmr.gr"), "https://www.accmr.gr");
    assert_string_equal(url("http://www.accmr.gr/el/"), "http://www.accmr.gr/el/");
    assert_string_equal(url("www.accmr.gr"), "https://www.accmr.gr");
    assert_string_equal(url(" accmr.gr/en/contact?x=1#top "), "https://accmr.gr/en/contact?x=1#top");
    assert_string_equal(url("HTTPS://WWW.Example.org/Path"), "https://www.example.org/Path");
    assert_string_equal(url("https://www.example.org:8443/a"), "https://www.example.org:8443/a");
    assert_string_equal(url("https://example.org/σ"), "https://example.org/%CF%83");
}

static void test_websites_that_a_phone_should_not_open_get_no_code(void **state)
{
    (void)state;
    const char *bad[] = {
        "javascript:alert(1)", "ftp://example.org", "mailto:info@accmr.gr",
        "https://", "www example org", "https://www.accmr.gr/a b",
        "https://user@example.org", "not a url", "https://localhost/",
        "https://example.org:http/", "file:///etc/passwd", "",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        if (qr_payload_url(bad[i], out, sizeof out) != -1)
            fail_msg("accepted \"%s\" as %s", bad[i], out);
    }
    assert_int_equal(qr_payload_url(NULL, out, sizeof out), -1);
}

static const QrContact centre_en = {
    .name = "ACCMR", .organisation = "City of Athens", .phone = "+30 210 3638625",
    .email = "info@accmr.gr", .website = "www.accmr.gr", .street = "4 Agiou Isidorou",
    .city = "Athens", .postal_code = "10552", .country = "GR",
};

static const QrContact centre_el = {
    .name = "Κέντρο Συντονισμού για θέματα Μεταναστών και Προσφύγων",
    .organisation = "Δήμος Αθηναίων", .phone = "210 3638625",
    .email = "info@accmr.gr", .website = "https://www.accmr.gr",
    .street = "Αγίου Ισιδώρου 4", .city = "Αθήνα", .postal_code = "10552",
    .country = "Ελλάδα",
};

static void test_the_saved_contact_holds_every_field_a_phone_imports(void **state)
{
    (void)state;
    int len = qr_payload_vcard(&centre_en, out, sizeof out);
    assert_string_equal(out,
        "BEGIN:VCARD\r\n"
        "VERSION:3.0\r\n"
        "N:ACCMR;;;;\r\n"
        "FN:ACCMR\r\n"
        "ORG:City of Athens\r\n"
        "TEL;TYPE=WORK,VOICE:+302103638625\r\n"
        "EMAIL;TYPE=INTERNET:info@accmr.gr\r\n"
        "URL:https://www.accmr.gr\r\n"
        "ADR;TYPE=WORK:;;4 Agiou Isidorou;Athens;;10552;GR\r\n"
        "END:VCARD\r\n");
    assert_int_equal(len, (int)strlen(out));
}

static void test_a_greek_contact_keeps_its_utf8_text(void **state)
{
    (void)state;
    assert_true(qr_payload_vcard(&centre_el, out, sizeof out) > 0);
    assert_non_null(strstr(out, "\r\nFN:Κέντρο Συντονισμού για θέματα Μεταναστών και Προσφύγων\r\n"));
    assert_non_null(strstr(out, "\r\nORG:Δήμος Αθηναίων\r\n"));
    assert_non_null(strstr(out, "\r\nADR;TYPE=WORK:;;Αγίου Ισιδώρου 4;Αθήνα;;10552;Ελλάδα\r\n"));
    assert_non_null(strstr(out, "\r\nTEL;TYPE=WORK,VOICE:+302103638625\r\n"));
}

static void test_contact_text_is_escaped_so_fields_do_not_run_together(void **state)
{
    (void)state;
    QrContact c = { .name = "Forum, Committees; A\\B", .organisation = "Line one\nLine two\r\nthree" };
    assert_true(qr_payload_vcard(&c, out, sizeof out) > 0);
    assert_non_null(strstr(out, "\r\nFN:Forum\\, Committees\\; A\\\\B\r\n"));
    assert_non_null(strstr(out, "\r\nN:Forum\\, Committees\\; A\\\\B;;;;\r\n"));
    assert_non_null(strstr(out, "\r\nORG:Line one\\nLine two\\nthree\r\n"));
    /* every line ends in CRLF: no bare LF anywhere */
    for (const char *p = out; *p; p++)
        if (*p == '\n') assert_true(p > out && p[-1] == '\r');
}

static void test_a_contact_leaves_out_what_it_cannot_use(void **state)
{
    (void)state;
    QrContact c = centre_en;
    c.email = "[email protected]";
    c.phone = "ask at the desk";
    c.website = "";
    c.street = c.city = c.postal_code = c.country = NULL;
    assert_true(qr_payload_vcard(&c, out, sizeof out) > 0);
    assert_null(strstr(out, "EMAIL"));
    assert_null(strstr(out, "TEL"));
    assert_null(strstr(out, "URL"));
    assert_null(strstr(out, "ADR"));
    assert_non_null(strstr(out, "FN:ACCMR\r\n"));
    /* only an organisation: it names the card */
    QrContact org = { .organisation = "ACCMR" };
    assert_true(qr_payload_vcard(&org, out, sizeof out) > 0);
    assert_non_null(strstr(out, "\r\nFN:ACCMR\r\n"));
    QrContact nobody = { .phone = "210 3638625" };
    assert_int_equal(qr_payload_vcard(&nobody, out, sizeof out), -1);
    QrContact broken = { .name = "bad \xC0\xAF" };
    assert_int_equal(qr_payload_vcard(&broken, out, sizeof out), -1);
}

static void test_a_payload_that_does_not_fit_is_withheld_not_cut(void **state)
{
    (void)state;
    char small[40] = "x";
    assert_int_equal(qr_payload_vcard(&centre_en, small, sizeof small), -1);
    assert_string_equal(small, "");
    char tiny[10] = "x";
    assert_int_equal(qr_payload_tel("+30 210 3638625", tiny, sizeof tiny), -1);
    assert_string_equal(tiny, "");
    /* exactly the room for the payload and its NUL is enough */
    char fit[sizeof "tel:+302103638625"];
    assert_int_equal(qr_payload_tel("+30 210 3638625", fit, sizeof fit), (int)sizeof fit - 1);
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* decodes the percent-encoded query; fails the test on a character that should
 * have been encoded */
static void percent_decode(const char *s, char *dst)
{
    while (*s) {
        if (*s == '%') {
            int hi = hexval(s[1]), lo = hexval(s[2]);
            assert_true(hi >= 0 && lo >= 0);
            *dst++ = (char)(hi * 16 + lo);
            s += 3;
        } else {
            assert_non_null(strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                   "0123456789-._~", *s));
            *dst++ = *s++;
        }
    }
    *dst = '\0';
}

#define MAPS "https://www.google.com/maps/search/?api=1&query="

static void test_directions_open_a_map_at_the_coordinates(void **state)
{
    (void)state;
    assert_true(qr_payload_directions("Αγίου Ισιδώρου 4", "Αθήνα", "GR", true,
                                      37.98, 23.73, out, sizeof out) > 0);
    assert_string_equal(out, MAPS "37.98,23.73");
    qr_payload_directions(NULL, NULL, NULL, true, 37.9812345, 23.7254321, out, sizeof out);
    assert_string_equal(out, MAPS "37.981235,23.725432");
    qr_payload_directions(NULL, NULL, NULL, true, -33.5, -70.25, out, sizeof out);
    assert_string_equal(out, MAPS "-33.5,-70.25");
}

static void test_directions_without_coordinates_search_the_address(void **state)
{
    (void)state;
    assert_true(qr_payload_directions("Αγίου Ισιδώρου 4", "Αθήνα", "Ελλάδα", false, 0, 0,
                                      out, sizeof out) > 0);
    assert_memory_equal(out, MAPS, strlen(MAPS));
    char query[512];
    percent_decode(out + strlen(MAPS), query);
    assert_string_equal(query, "Αγίου Ισιδώρου 4, Αθήνα, Ελλάδα");
    /* empty parts are skipped; coordinates out of range fall back to the address */
    qr_payload_directions("Αγίου Ισιδώρου 4", "", "GR", true, 137.0, 23.7, out, sizeof out);
    percent_decode(out + strlen(MAPS), query);
    assert_string_equal(query, "Αγίου Ισιδώρου 4, GR");
    assert_int_equal(qr_payload_directions(NULL, " ", "", false, 0, 0, out, sizeof out), -1);
}

/* writes m as a binary PGM: MODULE_PX pixels a module, a QUIET-module white border */
static void write_pgm(const QrMatrix *m, const char *path)
{
    int side = (m->width + 2 * QUIET) * MODULE_PX;
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fprintf(f, "P5\n%d %d\n255\n", side, side);
    for (int y = 0; y < side; y++) {
        for (int x = 0; x < side; x++) {
            int mx = x / MODULE_PX - QUIET, my = y / MODULE_PX - QUIET;
            bool dark = mx >= 0 && my >= 0 && mx < m->width && my < m->width &&
                        m->dark[my * m->width + mx];
            fputc(dark ? 0 : 255, f);
        }
    }
    assert_int_equal(fclose(f), 0);
}

/* what a phone reads from the code of payload: the bytes zbarimg decodes */
static void check_decodes_to(const char *payload)
{
    QrMatrix *m = qr_encode(payload);
    assert_non_null(m);
    assert_true(m->width >= 21 && (m->width - 17) % 4 == 0);   /* a real QR version */
    char *dir = test_tmpdir();
    char path[256], cmd[512];
    snprintf(path, sizeof path, "%s/code.pgm", dir);
    write_pgm(m, path);
    qr_free(m);
    /* -Sbinary: the bytes as encoded, without zbar guessing a character set */
    snprintf(cmd, sizeof cmd, "zbarimg --nodbus --raw -q -Sbinary '%s' 2>/dev/null", path);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    char got[4096];
    size_t n = fread(got, 1, sizeof got - 1, p);
    int rc = pclose(p);
    test_rmdir(dir);
    assert_int_equal(rc, 0);
    got[n] = '\0';
    if (n > 0 && got[n - 1] == '\n' && strlen(payload) + 1 == n)
        got[n - 1] = '\0';      /* zbarimg ends its output with a newline */
    assert_string_equal(got, payload);
}

static void test_every_code_decodes_to_its_exact_payload(void **state)
{
    (void)state;
    char p[2048];
    assert_true(qr_payload_tel("+30 210 3638625", p, sizeof p) > 0);
    check_decodes_to(p);
    assert_true(qr_payload_mailto("info@accmr.gr", p, sizeof p) > 0);
    check_decodes_to(p);
    assert_true(qr_payload_url("www.accmr.gr", p, sizeof p) > 0);
    check_decodes_to(p);
    assert_true(qr_payload_vcard(&centre_en, p, sizeof p) > 0);
    check_decodes_to(p);
    assert_true(qr_payload_directions("Αγίου Ισιδώρου 4", "Αθήνα", "GR", false, 0, 0,
                                      p, sizeof p) > 0);
    check_decodes_to(p);
}

static void test_a_greek_contact_card_decodes_byte_for_byte(void **state)
{
    (void)state;
    char p[2048];
    assert_true(qr_payload_vcard(&centre_el, p, sizeof p) > 0);
    check_decodes_to(p);
}

static void test_codes_are_case_sensitive_and_stable(void **state)
{
    (void)state;
    /* 8-bit mode keeps lower case: a URL path may depend on it */
    check_decodes_to("https://www.example.org/MixedCase/path");
    QrMatrix *a = qr_encode("tel:+302103638625");
    QrMatrix *b = qr_encode("tel:+302103638625");
    assert_non_null(a);
    assert_non_null(b);
    assert_int_equal(a->width, b->width);
    assert_memory_equal(a->dark, b->dark, (size_t)a->width * (size_t)a->width);
    for (int i = 0; i < a->width * a->width; i++) assert_true(a->dark[i] <= 1);
    qr_free(a);
    qr_free(b);
}

static void test_a_payload_too_long_for_any_code_gives_no_matrix(void **state)
{
    (void)state;
    size_t len = 4000;          /* version 40 at level M holds 2331 bytes */
    char *big = malloc(len + 1);
    assert_non_null(big);
    memset(big, 'x', len);
    big[len] = '\0';
    assert_null(qr_encode(big));
    free(big);
    assert_null(qr_encode(""));
    assert_null(qr_encode(NULL));
    qr_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_phone_numbers_become_e164_tel_links),
        cmocka_unit_test(test_phone_numbers_that_cannot_be_dialled_get_no_code),
        cmocka_unit_test(test_email_addresses_become_mailto_links),
        cmocka_unit_test(test_obfuscated_or_implausible_email_gets_no_code),
        cmocka_unit_test(test_websites_become_absolute_links),
        cmocka_unit_test(test_websites_that_a_phone_should_not_open_get_no_code),
        cmocka_unit_test(test_the_saved_contact_holds_every_field_a_phone_imports),
        cmocka_unit_test(test_a_greek_contact_keeps_its_utf8_text),
        cmocka_unit_test(test_contact_text_is_escaped_so_fields_do_not_run_together),
        cmocka_unit_test(test_a_contact_leaves_out_what_it_cannot_use),
        cmocka_unit_test(test_a_payload_that_does_not_fit_is_withheld_not_cut),
        cmocka_unit_test(test_directions_open_a_map_at_the_coordinates),
        cmocka_unit_test(test_directions_without_coordinates_search_the_address),
        cmocka_unit_test(test_every_code_decodes_to_its_exact_payload),
        cmocka_unit_test(test_a_greek_contact_card_decodes_byte_for_byte),
        cmocka_unit_test(test_codes_are_case_sensitive_and_stable),
        cmocka_unit_test(test_a_payload_too_long_for_any_code_gives_no_matrix),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
