/* attempt.c - an attempt's state: created once, begun for each stick, read through
 * its getters, destroyed once. The steps themselves are in stage.c and verify.c. */
#include "core/update/update_private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* an attempt's state, zeroed; NULL when out of memory */
Update *update_create(void)
{
    return calloc(1, sizeof(Update));
}

/* frees the state; NULL is fine */
void update_destroy(Update *u)
{
    free(u);
}

/* starts an attempt, forgetting the last one; see update.h */
void update_begin(Update *u, const char *dir, const char *data_dir, const char *keys_dir,
                  bool staff_approval, Lang lang)
{
    memset(u, 0, sizeof *u);
    update_find_kiosk(dir, u->src, sizeof u->src);
    snprintf(u->data_dir, sizeof u->data_dir, "%s", data_dir);
    snprintf(u->keys_dir, sizeof u->keys_dir, "%s", keys_dir ? keys_dir : "");
    u->staff_approval = staff_approval;
    u->lang = (unsigned)lang < LANG_COUNT ? lang : LANG_DEFAULT;
    u->status = UPDATE_OK;
}

/* the report goes through the outbox: the stick is read-only */
void update_set_outbox(Update *u, bool outbox)
{
    u->outbox = outbox;
}

/* the status of the last step */
UpdateStatus update_status(const Update *u)
{
    return u->status;
}

/* the change summary of update_verify, "" before it */
const char *update_changes(const Update *u)
{
    return u->changes;
}

/* true once update_apply succeeded */
bool update_applied(const Update *u)
{
    return u->step == UPDATE_STEP_APPLIED;
}
