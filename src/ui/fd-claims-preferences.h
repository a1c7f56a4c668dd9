/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fd-store.h"

G_BEGIN_DECLS

#define FD_TYPE_CLAIMS_PREFERENCES (fd_claims_preferences_get_type ())

G_DECLARE_FINAL_TYPE (FdClaimsPreferences, fd_claims_preferences, FD, CLAIMS_PREFERENCES, AdwPreferencesPage)

FdStore  *fd_claims_preferences_get_store             (FdClaimsPreferences *self);
void      fd_claims_preferences_set_store             (FdClaimsPreferences *self,
                                                       FdStore             *store);
/* Whether the reply template shown has edits that are not saved. */
gboolean  fd_claims_preferences_get_template_modified (FdClaimsPreferences *self);
/* Saves the template shown; FALSE with the error shown beside the text when it is refused. */
gboolean  fd_claims_preferences_save_template         (FdClaimsPreferences *self);
/* Shows the template as stored again, dropping edits. */
void      fd_claims_preferences_revert_template       (FdClaimsPreferences *self);

G_END_DECLS
