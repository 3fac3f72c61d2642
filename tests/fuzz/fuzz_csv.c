/* fuzz_csv.c - libFuzzer target: the CSV reader that every package's tables go
 * through (csv.h), read to the end with every field touched, as the importer does. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *copy = malloc(size ? size : 1);
    if (!copy)
        return 0;
    memcpy(copy, data, size);
    CsvReader *r = csv_open_mem(copy, size);
    if (r) {
        CsvStatus s;
        unsigned sum = 0;
        while ((s = csv_next(r)) != CSV_END) {
            if (s != CSV_OK) {
                sum += (unsigned)csv_error_line(r) + (unsigned)csv_error_column(r);
                sum += (unsigned)strlen(csv_error_message(r));
                continue;
            }
            int n = csv_field_count(r);
            for (int i = 0; i <= n; i++) {
                const char *f = csv_field(r, i);
                size_t len = csv_field_len(r, i);
                if (len)
                    sum += (unsigned char)f[len - 1];
                sum += (unsigned)strlen(f);
            }
            sum += (unsigned)csv_line(r);
        }
        (void)sum;
        csv_close(r);
    }
    free(copy);
    return 0;
}
