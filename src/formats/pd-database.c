#define G_LOG_DOMAIN "paddock-formats"

#include "config.h"

#include <gio/gio.h>

#include "pd-database.h"
#include "pd-season-json.h"

#define DEFAULT_SEASON_RESOURCE "/io/github/paddock/Paddock/seasons/" PD_DEFAULT_SEASON_ID ".json"

static gboolean
seed_cb (PdStore   *store,
         gpointer   user_data,
         GError   **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const char *data;

  /* The default season is compiled into the core library, so a new
   * database looks the same wherever Paddock runs. */
  bytes = g_resources_lookup_data (DEFAULT_SEASON_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &length);
  return pd_season_json_load (store, data, length, NULL, error);
}

/**
 * pd_database_open:
 * @explicit_path: (nullable): a path given by the user
 *
 * Opens the database that the app and the tool share, found by
 * pd_store_resolve_path(). A new database starts with the
 * GT4 European Series 2023.
 *
 * Returns: (transfer full) (nullable): the store
 */
PdStore *
pd_database_open (const char  *explicit_path,
                  GError     **error)
{
  g_autofree char *path = pd_store_resolve_path (explicit_path);

  return pd_store_new (path, seed_cb, NULL, error);
}
