#pragma once

/* What the files of paddock-cli share. */

#include <glib.h>

#include "pd-store.h"

G_BEGIN_DECLS

/* Exit statuses: 0 done, 1 the work failed, 2 the request was wrong. */
enum {
  EXIT_OK = 0,
  EXIT_FAILED = 1,
  EXIT_USAGE = 2,
};

int       usage_error     (const char          *message);
PdStore  *open_store      (int                 *status);
gboolean  parse_options   (const char          *parameter,
                           const char          *summary,
                           const GOptionEntry  *entries,
                           int                 *argc,
                           char              ***argv,
                           int                 *status);

/* The arguments the program was started with, for pd-cli-exec.c. */
extern char **pd_cli_original_argv;

int       read_then_open  (const char          *file,
                           char               **data,
                           gsize               *length,
                           PdStore            **store);

/* pd-cli-full.c in paddock-cli-full; in paddock-cli, pd-cli-exec.c, which
 * runs paddock-cli-full in its place with the same arguments. */
int       cmd_follow      (int                  argc,
                           char               **argv);
int       cmd_refresh     (int                  argc,
                           char               **argv);
int       cmd_unfollow    (int                  argc,
                           char               **argv);
int       cmd_changes     (int                  argc,
                           char               **argv);
/* Fetches an http(s) URL whole, as g_file_get_contents() reads a file. */
gboolean  pd_cli_fetch    (const char          *url,
                           char               **data,
                           gsize               *length,
                           GError             **error);
int       pd_cli_import_ics (const char        *file,
                             const char        *season_id);
char     *pd_cli_export_ics (PdStore           *store,
                             const char        *season_id,
                             int                reminder,
                             GError           **error);

G_END_DECLS
