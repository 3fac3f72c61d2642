/* fold.h - text folded for search: one key that a visitor's spelling and the data's
 * spelling share. Case, accents, Greek tonos and dialytika, final sigma, Arabic and
 * Persian letter variants and harakat fall away; Greek and Latin letters fold to one
 * Latin key, so Greeklish finds Greek ("nomiki" and "Νομική" both fold to "nomiki").
 * The search index holds folded text and every query is folded the same way. */
#ifndef FOLD_H
#define FOLD_H
#include <stddef.h>

/* writes the folded key of the UTF-8 text s into out (n bytes, n > 0): words of
 * lower-case ASCII (for Greek and Latin), Cyrillic or Arabic-script letters and
 * ASCII digits, one space between words. A longer key is cut between words'
 * letters, never inside a character. Malformed UTF-8 counts as a space.
 * Returns the length written. */
size_t fold_text(const char *s, char *out, size_t n);

#define FOLD_WORD 96

/* The last word of text's key as it may read once the visitor types one more letter:
 * when text ends in the first letter of a pair spelt as one ("ο" of "ου", "o" of
 * "ou", "m" of "mp"), the last word of fold_text(text + the second letter), for each
 * such pair, into keys (at most max, each FOLD_WORD bytes). Returns how many; 0 when
 * text ends in a space or in a letter that starts no pair. */
int fold_completions(const char *text, char (*keys)[FOLD_WORD], int max);
#endif
