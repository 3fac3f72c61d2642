/* idset.c - the hash set of ids an import remembers per table: open addressing, the
 * strings in chunks that are never moved, the line of each key's row beside it. */
#include "core/hsds/hsds_private.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* FNV-1a: fast and spread well enough for ids */
static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    while (*s)
        h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
    /* the table takes the low bits, which FNV's last multiply leaves depending on the
       low bits alone: fold the high half in (ids that differ in a digit collided) */
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    return h ^ (h >> 33);
}

/* the line stored with key (negative when its row was not taken), 0 when absent */
int idset_find(const IdSet *s, const char *key)
{
    if (!s->cap)
        return 0;
    for (size_t i = hash_str(key) & (s->cap - 1);; i = (i + 1) & (s->cap - 1)) {
        if (!s->keys[i])
            return 0;
        if (strcmp(s->keys[i], key) == 0)
            return s->lines[i];
    }
}

/* a copy of key in the set's chunks; NULL when out of memory */
static const char *idset_copy(IdSet *s, const char *key)
{
    size_t len = strlen(key) + 1;
    if (!s->chunks || s->chunks->size - s->chunks->used < len) {
        size_t size = len > 65536 ? len : 65536;
        Chunk *c = malloc(sizeof *c + size);
        if (!c)
            return NULL;
        c->next = s->chunks;
        c->used = 0;
        c->size = size;
        s->chunks = c;
    }
    char *p = s->chunks->data + s->chunks->used;
    memcpy(p, key, len);
    s->chunks->used += len;
    return p;
}

/* doubles the table; false when out of memory */
static bool idset_grow(IdSet *s)
{
    size_t cap = s->cap ? s->cap * 2 : 1024;
    const char **keys = calloc(cap, sizeof *keys);
    int *lines = calloc(cap, sizeof *lines);
    if (!keys || !lines) {
        free(keys);
        free(lines);
        return false;
    }
    for (size_t i = 0; i < s->cap; i++) {
        if (!s->keys[i])
            continue;
        size_t j = hash_str(s->keys[i]) & (cap - 1);
        while (keys[j])
            j = (j + 1) & (cap - 1);
        keys[j] = s->keys[i];
        lines[j] = s->lines[i];
    }
    free(s->keys);
    free(s->lines);
    s->keys = keys;
    s->lines = lines;
    s->cap = cap;
    return true;
}

/* adds key at line: 0 when added, the earlier row's line when present (negative when
 * that row was not taken), INT_MIN when out of memory */
int idset_add(IdSet *s, const char *key, int line)
{
    if ((s->n + 1) * 2 > s->cap && !idset_grow(s))
        return INT_MIN;
    size_t i = hash_str(key) & (s->cap - 1);
    for (; s->keys[i]; i = (i + 1) & (s->cap - 1))
        if (strcmp(s->keys[i], key) == 0)
            return s->lines[i];
    const char *k = idset_copy(s, key);
    if (!k)
        return INT_MIN;
    s->keys[i] = k;
    s->lines[i] = line;
    s->n++;
    return 0;
}

/* marks key as seen but not taken: links to it are dangling, a second row with it
 * is still a duplicate */
void idset_reject(IdSet *s, const char *key)
{
    if (!s->cap)
        return;
    for (size_t i = hash_str(key) & (s->cap - 1); s->keys[i]; i = (i + 1) & (s->cap - 1))
        if (strcmp(s->keys[i], key) == 0) {
            s->lines[i] = -abs(s->lines[i]);
            return;
        }
}

/* true when key belongs to a row that was taken */
bool idset_taken(const IdSet *s, const char *key)
{
    return idset_find(s, key) > 0;
}

/* frees the table and the strings, leaving an empty set */
void idset_free(IdSet *s)
{
    while (s->chunks) {
        Chunk *c = s->chunks;
        s->chunks = c->next;
        free(c);
    }
    free(s->keys);
    free(s->lines);
    memset(s, 0, sizeof *s);
}
