/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fd-store.h"

G_BEGIN_DECLS

#define FD_TYPE_APPLICATION (fd_application_get_type ())

G_DECLARE_FINAL_TYPE (FdApplication, fd_application, FD, APPLICATION, AdwApplication)

void           fd_application_init_i18n  (void);
FdApplication *fd_application_new        (void);
FdStore       *fd_application_get_store    (FdApplication *self);
GSettings     *fd_application_get_settings (FdApplication *self);

G_END_DECLS
