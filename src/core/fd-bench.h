/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char   *name;
  guint   samples;
  double  p50_us;
  double  p95_us;
  double  raw_p50_us;
  double  raw_p95_us;
  double  ratio;       /* p95 / raw_p95 */
  double  target_us;   /* 0 when the case is a throughput figure */
  char   *note;
} FdBenchCase;

typedef void (*FdBenchProgress) (const char *message, gpointer user_data);

/* Builds a database of @n_customers at @path (a temporary file when NULL) and times every
 * case (or, with @only, the group customers, reception, claims, followups or reports)
 * through the core API and through raw SQLite running the same statements.
 * Element type FdBenchCase (free with fd_bench_case_free). */
GPtrArray *fd_bench_run        (const char      *path,
                                guint            n_customers,
                                const char      *only,
                                FdBenchProgress  progress,
                                gpointer         user_data,
                                GError         **error);
void       fd_bench_case_free  (FdBenchCase     *bench_case);

G_END_DECLS
