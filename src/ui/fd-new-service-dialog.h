/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fd-store.h"

G_BEGIN_DECLS

#define FD_TYPE_NEW_SERVICE_DIALOG (fd_new_service_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FdNewServiceDialog, fd_new_service_dialog, FD, NEW_SERVICE_DIALOG, AdwWindow)

/* Adds a renewable service for @customer_id. Emits "added" (the service's id, gint64)
 * once it is stored, before the dialog closes. */
GtkWidget *fd_new_service_dialog_new                  (GtkWindow          *parent,
                                                       FdStore            *store,
                                                       gint64              customer_id);
/* The next renewal the fields say, in Unix seconds; 0 when the time is not HH:MM. */
gint64     fd_new_service_dialog_get_next_renewal     (FdNewServiceDialog *self);
void       fd_new_service_dialog_set_next_renewal     (FdNewServiceDialog *self,
                                                       gint64              next_renewal);
/* The service added, 0 until then. */
gint64     fd_new_service_dialog_get_service_id       (FdNewServiceDialog *self);

G_END_DECLS
