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

/* pd-cli-feeds.c */
int       cmd_follow      (int                  argc,
                           char               **argv);
int       cmd_unfollow    (int                  argc,
                           char               **argv);
int       cmd_refresh     (int                  argc,
                           char               **argv);
int       cmd_changes     (int                  argc,
                           char               **argv);
/* Reads a file, or fetches an http(s) URL, whole. */
gboolean  pd_cli_read_source (const char       *path_or_url,
                              char            **data,
                              gsize            *length,
                              GError          **error);

G_END_DECLS
