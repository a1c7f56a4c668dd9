/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fd-store.h"

G_BEGIN_DECLS

typedef enum
{
  FD_CLAIM_DUE_NONE,       /* resolved or closed: nothing is due */
  FD_CLAIM_DUE_LATER,
  FD_CLAIM_DUE_TODAY,
  FD_CLAIM_DUE_OVERDUE,
} FdClaimDue;

#define FD_TYPE_CLAIM_ROW (fd_claim_row_get_type ())

G_DECLARE_FINAL_TYPE (FdClaimRow, fd_claim_row, FD, CLAIM_ROW, AdwBin)

GtkWidget  *fd_claim_row_new         (void);
FdClaim    *fd_claim_row_get_claim   (FdClaimRow *self);
/* The row shows what it is given: it never queries. */
void        fd_claim_row_set_claim   (FdClaimRow *self,
                                      FdClaim    *claim,
                                      const char *customer_name,
                                      const char *category_label);
/* How @claim's resolution date stands at @now (Unix seconds), and a short text for it
 * ("Overdue", "Due today", "Due 14 March"). */
FdClaimDue  fd_claim_row_get_due     (FdClaim    *claim,
                                      gint64      now,
                                      char      **text);

G_END_DECLS
