/* keyboard.c - the on-screen keyboard's layouts and its typing. The rows follow each
 * script's usual keyboard (Greek and Latin QWERTY, Arabic as on Arabic keyboards with
 * the Persian letters پ چ ژ گ ک ی added, Ukrainian ЙЦУКЕН), without punctuation: a
 * search folds it away anyway. To add a layout: a row of kb_layouts[], a KbLayout. */
#include "ui/keyboard.h"

#include <string.h>

static const struct {
    const char *label;
    const char *rows[KB_MAX_ROWS];
} kb_layouts[KB_COUNT] = {
    [KB_GREEK] = { "ΑΒΓ", { "1 2 3 4 5 6 7 8 9 0", "ε ρ τ υ θ ι ο π", "α σ δ φ γ η ξ κ λ",
                            "ζ χ ψ ω β ν μ" } },
    [KB_LATIN] = { "ABC", { "1 2 3 4 5 6 7 8 9 0", "q w e r t y u i o p", "a s d f g h j k l",
                            "z x c v b n m" } },
    [KB_ARABIC] = { "ابت", { "ض ص ث ق ف غ ع ه خ ح ج چ", "ش س ي ب ل ا ت ن م ك گ",
                             "ئ ء ؤ ر ى ة و ز ظ ط ذ د", "پ ژ ی ک آ أ إ" } },
    [KB_CYRILLIC] = { "АБВ", { "й ц у к е н г ш щ з х ї", "ф і в а п р о л д ж є",
                               "я ч с м и т ь б ю ґ" } },
};

int kb_rows(KbLayout l, const char *const **rows)
{
    int n = 0;
    while (n < KB_MAX_ROWS && kb_layouts[l].rows[n])
        n++;
    *rows = kb_layouts[l].rows;
    return n;
}

int kb_row_keys(KbLayout l, int r)
{
    if (r < 0 || r >= KB_MAX_ROWS || !kb_layouts[l].rows[r])
        return 0;
    int n = 1;
    for (const char *p = kb_layouts[l].rows[r]; *p; p++)
        n += *p == ' ';
    return n;
}

int kb_key(KbLayout l, int r, int k, char key[8])
{
    if (k < 0 || k >= kb_row_keys(l, r))
        return -1;
    const char *p = kb_layouts[l].rows[r];
    while (k-- > 0)
        p = strchr(p, ' ') + 1;
    size_t len = strcspn(p, " ");
    if (len > 7)
        len = 7;
    memcpy(key, p, len);
    key[len] = 0;
    return 0;
}

const char *kb_label(KbLayout l)
{
    return kb_layouts[l].label;
}

void kb_type(char *text, size_t n, const char *key)
{
    size_t len = strlen(text), k = strlen(key);
    if (len + k < n) {
        memcpy(text + len, key, k + 1);
    }
}

void kb_erase(char *text)
{
    size_t len = strlen(text);
    while (len > 0 && ((unsigned char)text[len - 1] & 0xC0) == 0x80)
        len--;
    if (len > 0)
        len--;
    text[len] = 0;
}
