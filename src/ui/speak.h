/* speak.h - what the Listen control says on a screen: the texts of a draw list in
 * reading order, written for a speech synthesiser. Only the public draw list is read
 * (ui.h's UiCmd), so any screen that draws is spoken as it is shown. No SDL. */
#ifndef SPEAK_H
#define SPEAK_H
#include <stdbool.h>
#include <stddef.h>
#include "ui/ui.h"

/* The texts of cmds in reading order: the fixed top (the header), the scrolling body
 * whole (also what is scrolled out of sight), then the fixed bottom; within each, top
 * to bottom, and a row left to right (right to left when rtl). The lines of a wrapped
 * paragraph are one sentence; the texts on one box (a card, a tile, a dialog) are read
 * together. Icons are not read; a QR code is read as the caption drawn with it. Times,
 * ranges and "&" are written as lang ("el", "en") says them. Writes at most cap bytes,
 * NUL-terminated, cut at a whole character; returns the length it needed. */
size_t speak_text(const UiCmd *cmds, int n, bool rtl, const char *lang, char *out, size_t cap);
#endif
