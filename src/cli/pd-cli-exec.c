/* pd-cli-exec.c: in paddock-cli, the commands that need the network run
 * paddock-cli-full in this process's place, with the same arguments: the
 * HTTP stack (libsoup and about twenty libraries under it) is loaded only
 * by the commands that use it, not by every command. */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "pd-cli.h"

/* Beside this program (the build folder, or one folder for both), else
 * where it is installed. */
static char *
net_program (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);
      g_autofree char *beside = g_build_filename (dir, "paddock-cli-full", NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&beside);
    }
  return g_build_filename (PADDOCK_LIBEXECDIR, "paddock-cli-full", NULL);
}

static int
run_full (void)
{
  g_autofree char *program = net_program ();
  int saved_errno;

  fflush (stdout);
  execv (program, pd_cli_original_argv);
  saved_errno = errno;
  g_printerr (_("%s: could not run %s: %s\n"), g_get_prgname (), program, g_strerror (saved_errno));
  return EXIT_FAILED;
}

int
cmd_follow (int    argc,
            char **argv)
{
  return run_full ();
}

int
cmd_refresh (int    argc,
             char **argv)
{
  return run_full ();
}

gboolean
pd_cli_fetch (const char  *url,
              char       **data,
              gsize       *length,
              GError     **error)
{
  /* Nothing was done yet: the whole command runs again there. */
  exit (run_full ());
}

int
cmd_unfollow (int    argc,
              char **argv)
{
  return run_full ();
}

int
cmd_changes (int    argc,
             char **argv)
{
  return run_full ();
}

int
pd_cli_import_ics (const char *file,
                   const char *season_id)
{
  return run_full ();
}

char *
pd_cli_export_ics (PdStore     *store,
                   const char  *season_id,
                   int          reminder,
                   GError     **error)
{
  exit (run_full ());
}
