/* icons.h - the Material Icons glyphs the screens draw, as UTF-8 of their code points
 * (the icon font is drawn like text, in UI_STYLE_ICON). To add one, look its code
 * point up in the font's codepoints list and write it as three UTF-8 bytes. */
#ifndef UI_ICONS_H
#define UI_ICONS_H
#define ICON_INFO      "\xee\xa2\x8e" /* e88e info */
#define ICON_GROUPS    "\xef\x88\xb3" /* f233 groups */
#define ICON_SCHEDULE  "\xee\xa2\xb5" /* e8b5 schedule */
#define ICON_CALL      "\xee\x82\xb0" /* e0b0 call */
#define ICON_PLACE     "\xee\x95\x9f" /* e55f place */
#define ICON_HANDSHAKE "\xee\xaf\x8b" /* ebcb handshake */
#define ICON_BALANCE   "\xee\xa1\x8f" /* e84f account_balance */
#define ICON_BACK      "\xee\x97\x84" /* e5c4 arrow_back */
#define ICON_FORWARD   "\xee\x97\x88" /* e5c8 arrow_forward: Back in a right-to-left layout */
#define ICON_LANGUAGE  "\xee\xa2\x94" /* e894 language: the globe of the language picker */
#define ICON_TRANSLATE "\xee\xa3\xa2" /* e8e2 translate: a text not in the visitor's language */
#define ICON_HOME      "\xee\xa2\x8a" /* e88a home */
#define ICON_EMAIL     "\xee\x82\xbe" /* e0be email */
#define ICON_PUBLIC    "\xee\xa0\x8b" /* e80b public */
#define ICON_CONTACT   "\xee\x83\x8f" /* e0cf contact_phone */
#define ICON_DIRECTIONS "\xee\x94\xae" /* e52e directions */
#define ICON_USB       "\xee\x87\xa0" /* e1e0 usb */
#define ICON_BACKSPACE "\xee\x85\x8a" /* e14a backspace */
#define ICON_CHECK     "\xee\x97\x8a" /* e5ca check */
#define ICON_LOCK      "\xee\xa2\x97" /* e897 lock */
#define ICON_CONTRAST  "\xee\x8e\xab" /* e3ab brightness_6: half dark, half light */
#define ICON_UP        "\xee\x97\x98" /* e5d8 arrow_upward */
#define ICON_DOWN      "\xee\x97\x9b" /* e5db arrow_downward */
#define ICON_LISTEN      "\xee\xa4\x9f" /* e91f record_voice_over */
#define ICON_VOICE_OFF   "\xee\xa5\x8a" /* e94a voice_over_off */
#define ICON_STOP        "\xee\x81\x87" /* e047 stop */
#define ICON_PAUSE       "\xee\x80\xb4" /* e034 pause */
#define ICON_PLAY        "\xee\x80\xb7" /* e037 play_arrow */
#define ICON_REPLAY      "\xee\x81\x82" /* e042 replay */
#define ICON_VOLUME_DOWN "\xee\x81\x8d" /* e04d volume_down */
#define ICON_VOLUME_UP   "\xee\x81\x90" /* e050 volume_up */
#define ICON_TOUCH       "\xee\xa4\x93" /* e913 touch_app */
#define ICON_SEARCH    "\xee\xa2\xb6" /* e8b6 search */
#define ICON_KEYBOARD  "\xee\x8c\x92" /* e312 keyboard */
#define ICON_KEYBOARD_HIDE "\xee\x8c\x9a" /* e31a keyboard_hide */
#define ICON_CLOSE     "\xee\x97\x8d" /* e5cd close */
#define ICON_SPACE_BAR "\xee\x89\x96" /* e256 space_bar */
#define ICON_TRANSLATE "\xee\xa3\xa2" /* e8e2 translate */
#define ICON_MONEY_OFF "\xee\x89\x9c" /* e25c money_off */
#define ICON_FILTER_OFF "\xee\xad\x97" /* eb57 filter_list_off */
#define ICON_WARNING   "\xee\x80\x82" /* e002 warning */
#define ICON_CHEVRON   "\xee\x97\x8c" /* e5cc chevron_right */
#define ICON_EXPAND    "\xee\x97\x8f" /* e5cf expand_more */
#define ICON_CATEGORY  "\xee\x95\xb4" /* e574 category */
#define ICON_WORK      "\xee\xa3\xb9" /* e8f9 work */
#define ICON_CITY      "\xee\x9f\xb1" /* e7f1 location_city */
#define ICON_SCHOOL    "\xee\xa0\x8c" /* e80c school */
#define ICON_WOMAN     "\xee\x84\xbe" /* e13e woman */
#define ICON_GAVEL     "\xee\xa4\x8e" /* e90e gavel */
#define ICON_HOSPITAL  "\xee\x95\x88" /* e548 local_hospital */
#endif
