/* keyboard.h - the directory's on-screen keyboard: only the keys a search needs (letters
 * and digits, space, erase), in the scripts visitors type: Greek, Latin, Arabic/Persian
 * and Cyrillic (Ukrainian). Layouts are data; typing edits a UTF-8 string. */
#ifndef UI_KEYBOARD_H
#define UI_KEYBOARD_H
#include <stddef.h>

typedef enum { KB_GREEK, KB_LATIN, KB_ARABIC, KB_CYRILLIC, KB_COUNT } KbLayout;

#define KB_MAX_ROWS 4
#define KB_MAX_KEYS 12          /* keys in a row: 12 touch targets fit a portrait screen */

/* the rows of a layout, top first, each its keys separated by single spaces; the
 * number of rows */
int kb_rows(KbLayout l, const char *const **rows);
/* the key of row r, column k of layout l into key (8 bytes); 0, or -1 past the row */
int kb_key(KbLayout l, int r, int k, char key[8]);
/* the number of keys in row r of l */
int kb_row_keys(KbLayout l, int r);
/* what the layout switch shows for l: "ΑΒΓ", "ABC", "ابت", "АБВ" */
const char *kb_label(KbLayout l);
/* appends key (one character) to text, which holds n bytes; nothing when it does not fit */
void kb_type(char *text, size_t n, const char *key);
/* removes text's last character */
void kb_erase(char *text);
#endif
