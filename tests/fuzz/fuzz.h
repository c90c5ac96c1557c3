#pragma once

/* The entry point of a libFuzzer target. fuzz-main.c calls it for each
 * file of a corpus when the target is built without libFuzzer. */

#include <glib.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "pd-store.h"

/* Reports a broken promise of the code under test and aborts: libFuzzer
 * saves the input for SIGABRT, but not for g_error()'s breakpoint. */
#define fuzz_fail(...) \
  G_STMT_START { \
    g_printerr ("paddock-fuzz: " __VA_ARGS__); \
    g_printerr ("\n"); \
    abort (); \
  } G_STMT_END

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* A GLib warning or critical (a failed g_return_if_fail(), say) is a bug
 * found: abort, so that libFuzzer keeps the input. */
static inline GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   log_level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  GLogWriterOutput result = g_log_writer_standard_streams (log_level, fields, n_fields, user_data);

  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return result;
}

static inline void
fuzz_init_logging (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      g_log_set_writer_func (fuzz_log_writer, NULL, NULL);
      g_once_init_leave (&done, 1);
    }
}

/* How many seasons @store holds: none after a refused input. */
static inline guint
fuzz_n_seasons (PdStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) seasons = pd_store_list_seasons (store, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (seasons);
}
