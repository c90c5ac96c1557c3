#define G_LOG_DOMAIN "paddock"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-application.h"
#include "pd-user-prefs.h"

/*
 * The driver's own choices, kept in GSettings: the car they drive or run
 * in each season ("my-cars", season id to entry id) and the seasons they
 * are reminded of ("reminder-seasons"). The views, the preferences and
 * the reminders read them through these functions.
 */

/**
 * pd_user_prefs_get_settings:
 *
 * Returns: (transfer none) (nullable): the settings of the running
 *   Paddock, %NULL when there are none (a bare widget in a test)
 */
GSettings *
pd_user_prefs_get_settings (void)
{
  GApplication *app = g_application_get_default ();

  return PD_IS_APPLICATION (app) ? pd_application_get_settings (PD_APPLICATION (app)) : NULL;
}

/**
 * pd_user_prefs_get_my_car:
 *
 * Returns: (transfer full) (nullable): the id of the user's car in
 *   @season_id, %NULL when none is chosen
 */
char *
pd_user_prefs_get_my_car (GSettings  *settings,
                          const char *season_id)
{
  g_autoptr(GVariant) cars = NULL;
  char *entry_id = NULL;

  if (settings == NULL || season_id == NULL)
    return NULL;

  cars = g_settings_get_value (settings, "my-cars");
  if (!g_variant_lookup (cars, season_id, "s", &entry_id))
    return NULL;
  return entry_id;
}

/**
 * pd_user_prefs_set_my_car:
 * @entry_id: (nullable): the user's car, or %NULL for none
 */
void
pd_user_prefs_set_my_car (GSettings  *settings,
                          const char *season_id,
                          const char *entry_id)
{
  g_autoptr(GVariant) cars = NULL;
  g_autofree char *current = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key, *value;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (season_id != NULL);

  if (entry_id != NULL && *entry_id == '\0')
    entry_id = NULL;
  current = pd_user_prefs_get_my_car (settings, season_id);
  if (g_strcmp0 (current, entry_id) == 0)
    return;

  cars = g_settings_get_value (settings, "my-cars");
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_iter_init (&iter, cars);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &value))
    if (!g_str_equal (key, season_id))
      g_variant_builder_add (&builder, "{ss}", key, value);
  if (entry_id != NULL)
    g_variant_builder_add (&builder, "{ss}", season_id, entry_id);
  g_settings_set_value (settings, "my-cars", g_variant_builder_end (&builder));
}

/**
 * pd_user_prefs_get_reminded:
 *
 * Returns: whether the user is reminded of @season_id's sessions
 */
gboolean
pd_user_prefs_get_reminded (GSettings  *settings,
                            const char *season_id)
{
  g_auto(GStrv) seasons = NULL;

  if (settings == NULL || season_id == NULL)
    return FALSE;
  seasons = g_settings_get_strv (settings, "reminder-seasons");
  return g_strv_contains ((const char * const *) seasons, season_id);
}

void
pd_user_prefs_set_reminded (GSettings  *settings,
                            const char *season_id,
                            gboolean    reminded)
{
  g_auto(GStrv) seasons = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) changed = NULL;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (season_id != NULL);

  if (pd_user_prefs_get_reminded (settings, season_id) == !!reminded)
    return;

  seasons = g_settings_get_strv (settings, "reminder-seasons");
  for (guint i = 0; seasons[i] != NULL; i++)
    if (!g_str_equal (seasons[i], season_id))
      g_strv_builder_add (builder, seasons[i]);
  if (reminded)
    g_strv_builder_add (builder, season_id);
  changed = g_strv_builder_end (builder);
  g_settings_set_strv (settings, "reminder-seasons", (const char * const *) changed);
}

/**
 * pd_user_prefs_describe_car:
 *
 * Returns: (transfer full): a car as the user knows it, such as
 *   "#2 · Hofor Racing by Bonk Motorsport · Silver"
 */
char *
pd_user_prefs_describe_car (PdStore *store,
                            PdEntry *entry)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *number = pd_entry_get_number (entry);
  g_autoptr(PdTeam) team = NULL;
  g_autoptr(PdClass) klass = NULL;

  if (pd_entry_get_team_id (entry) != NULL)
    team = pd_store_get (store, PD_TYPE_TEAM, pd_entry_get_team_id (entry), NULL);
  if (pd_entry_get_class_id (entry) != NULL)
    klass = pd_store_get (store, PD_TYPE_CLASS, pd_entry_get_class_id (entry), NULL);

  if (number != NULL && *number != '\0')
    /* TRANSLATORS: a car's number, such as "#2" */
    g_string_append_printf (text, _("#%s"), number);
  if (team != NULL)
    g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "", pd_team_get_name (team));
  else if (pd_entry_get_car_model (entry) != NULL)
    g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "", pd_entry_get_car_model (entry));
  if (klass != NULL)
    g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "", pd_class_get_name (klass));
  if (text->len == 0)
    g_string_append (text, pd_entry_get_id (entry));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * pd_user_prefs_reminder_label:
 *
 * Returns: (transfer full): when a reminder comes, such as "10 minutes
 *   before" or "1 hour before"; "Off" for 0
 */
char *
pd_user_prefs_reminder_label (int minutes)
{
  if (minutes <= 0)
    return g_strdup (C_("reminder", "Off"));
  if (minutes % 60 == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour before", "%d hours before", minutes / 60),
                            minutes / 60);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute before", "%d minutes before", minutes), minutes);
}
