#define G_LOG_DOMAIN "paddock"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pd-alkamel.h"
#include "pd-entry-list.h"

/*
 * A season's entry list, edited: cars (number, team, car model, class)
 * and their crews, for the season or for one round. Teams and drivers
 * are shared by every season: a team or driver typed by a name already
 * known is reused, a new one is created. Every change is stored at once
 * in its own transaction, and kept (in memory) with the records as they
 * were before and after it, so that undo and redo walk back and forth.
 */

G_DEFINE_QUARK (pd-entry-list-error-quark, pd_entry_list_error)

/* One record or one round's crew, before and after a change. */
typedef struct {
  GType    type;        /* G_TYPE_NONE: a round's crew */
  char    *id;          /* the record, or the entry of the crew */
  char    *round_id;    /* a round's crew */
  GObject *before;      /* NULL: the record did not exist */
  GObject *after;       /* NULL: the record is deleted */
  char   **crew_before; /* NULL: the round had no crew of its own */
  char   **crew_after;
} Change;

typedef struct {
  char      *description;
  GPtrArray *changes;   /* Change, in the order they are done */
} Edit;

struct _PdEntryList
{
  GObject    parent_instance;

  PdStore   *store;
  char      *season_id;
  GPtrArray *undo;      /* Edit, the last done last */
  GPtrArray *redo;      /* Edit, the next to redo last */
};

G_DEFINE_FINAL_TYPE (PdEntryList, pd_entry_list, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
change_free (Change *change)
{
  g_free (change->id);
  g_free (change->round_id);
  g_clear_object (&change->before);
  g_clear_object (&change->after);
  g_strfreev (change->crew_before);
  g_strfreev (change->crew_after);
  g_free (change);
}

static void
edit_free (Edit *edit)
{
  g_free (edit->description);
  g_ptr_array_unref (edit->changes);
  g_free (edit);
}

static Edit *
edit_new (const char *description)
{
  Edit *edit = g_new0 (Edit, 1);

  edit->description = g_strdup (description);
  edit->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  return edit;
}

/* A copy of a model record, every property the same. */
static GObject *
copy_record (GObject *record)
{
  guint n;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (record), &n);
  g_autofree const char **names = g_new0 (const char *, n);
  g_autofree GValue *values = g_new0 (GValue, n);
  GObject *copy;

  for (guint i = 0; i < n; i++)
    {
      names[i] = pspecs[i]->name;
      g_value_init (&values[i], pspecs[i]->value_type);
      g_object_get_property (record, names[i], &values[i]);
    }
  copy = g_object_new_with_properties (G_OBJECT_TYPE (record), n, names, values);
  for (guint i = 0; i < n; i++)
    g_value_unset (&values[i]);
  return copy;
}

static void
add_record_change (Edit    *edit,
                   GObject *before,
                   GObject *after)
{
  Change *change = g_new0 (Change, 1);
  GObject *either = after != NULL ? after : before;

  change->type = G_OBJECT_TYPE (either);
  g_object_get (either, "id", &change->id, NULL);
  change->before = before != NULL ? g_object_ref (before) : NULL;
  change->after = after != NULL ? g_object_ref (after) : NULL;
  g_ptr_array_add (edit->changes, change);
}

static void
add_crew_change (Edit               *edit,
                 const char         *entry_id,
                 const char         *round_id,
                 const char * const *before,
                 const char * const *after)
{
  Change *change = g_new0 (Change, 1);

  change->type = G_TYPE_NONE;
  change->id = g_strdup (entry_id);
  change->round_id = g_strdup (round_id);
  change->crew_before = before != NULL && before[0] != NULL ? g_strdupv ((char **) before) : NULL;
  change->crew_after = after != NULL && after[0] != NULL ? g_strdupv ((char **) after) : NULL;
  g_ptr_array_add (edit->changes, change);
}

typedef struct {
  Edit     *edit;
  gboolean  forward;
} Apply;

static gboolean
apply_change (PdStore  *store,
              Change   *change,
              gboolean  forward,
              GError  **error)
{
  if (change->type == G_TYPE_NONE)
    return pd_store_set_round_crew (store, change->id, change->round_id,
                                    (const char * const *) (forward ? change->crew_after : change->crew_before),
                                    error);
  if ((forward ? change->after : change->before) != NULL)
    return pd_store_save (store, forward ? change->after : change->before, error);
  return pd_store_delete (store, change->type, change->id, error);
}

static gboolean
apply_cb (PdStore   *store,
          gpointer   user_data,
          GError   **error)
{
  Apply *apply = user_data;
  GPtrArray *changes = apply->edit->changes;

  for (guint i = 0; i < changes->len; i++)
    {
      Change *change = changes->pdata[apply->forward ? i : changes->len - 1 - i];

      if (!apply_change (store, change, apply->forward, error))
        return FALSE;
    }
  return TRUE;
}

/* Stores a new edit in one transaction; kept for undo when it is. */
static gboolean
commit (PdEntryList  *self,
        Edit         *edit,
        GError      **error)
{
  Apply apply = { edit, TRUE };

  if (edit->changes->len == 0)
    {
      edit_free (edit);
      return TRUE;
    }
  if (!pd_store_transaction (self->store, apply_cb, &apply, error))
    {
      edit_free (edit);
      return FALSE;
    }
  g_ptr_array_add (self->undo, edit);
  g_ptr_array_set_size (self->redo, 0);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static void
pd_entry_list_finalize (GObject *object)
{
  PdEntryList *self = (PdEntryList *) object;

  g_clear_object (&self->store);
  g_free (self->season_id);
  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);

  G_OBJECT_CLASS (pd_entry_list_parent_class)->finalize (object);
}

static void
pd_entry_list_class_init (PdEntryListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pd_entry_list_finalize;

  /**
   * PdEntryList::changed:
   *
   * The stored entry list changed: an edit, an undo or a redo.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pd_entry_list_init (PdEntryList *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) edit_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) edit_free);
}

/**
 * pd_entry_list_new:
 *
 * Returns: (transfer full) (nullable): the entry list of @season_id, or
 *   %NULL with @error set when there is no such season
 */
PdEntryList *
pd_entry_list_new (PdStore     *store,
                   const char  *season_id,
                   GError     **error)
{
  g_autoptr(PdSeason) season = NULL;
  PdEntryList *self;

  g_return_val_if_fail (PD_IS_STORE (store), NULL);
  g_return_val_if_fail (season_id != NULL, NULL);

  season = pd_store_get (store, PD_TYPE_SEASON, season_id, error);
  if (season == NULL)
    return NULL;

  self = g_object_new (PD_TYPE_ENTRY_LIST, NULL);
  self->store = g_object_ref (store);
  self->season_id = g_strdup (season_id);
  return self;
}

const char *
pd_entry_list_get_season_id (PdEntryList *self)
{
  g_return_val_if_fail (PD_IS_ENTRY_LIST (self), NULL);

  return self->season_id;
}

/**
 * pd_entry_list_get_entries:
 *
 * Returns: (transfer container) (element-type PdEntry): the cars, by number
 */
GPtrArray *
pd_entry_list_get_entries (PdEntryList *self)
{
  g_autoptr(GListModel) entries = NULL;
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (PD_IS_ENTRY_LIST (self), out);

  entries = pd_store_list_entries (self->store, self->season_id, NULL);
  for (guint i = 0; entries != NULL && i < g_list_model_get_n_items (entries); i++)
    g_ptr_array_add (out, g_list_model_get_item (entries, i));
  return out;
}

/**
 * pd_entry_list_get_entry:
 *
 * Returns: (transfer full) (nullable): the car of that id in this season
 */
PdEntry *
pd_entry_list_get_entry (PdEntryList *self,
                         const char  *entry_id)
{
  g_autoptr(PdEntry) entry = NULL;

  g_return_val_if_fail (PD_IS_ENTRY_LIST (self), NULL);

  if (entry_id == NULL)
    return NULL;
  entry = pd_store_find (self->store, PD_TYPE_ENTRY, entry_id, NULL);
  if (entry == NULL || g_strcmp0 (pd_entry_get_season_id (entry), self->season_id) != 0)
    return NULL;
  return g_steal_pointer (&entry);
}

/**
 * pd_entry_list_get_team:
 *
 * Returns: (transfer full) (nullable):
 */
PdTeam *
pd_entry_list_get_team (PdEntryList *self,
                        const char  *team_id)
{
  g_return_val_if_fail (PD_IS_ENTRY_LIST (self), NULL);

  return team_id != NULL ? pd_store_find (self->store, PD_TYPE_TEAM, team_id, NULL) : NULL;
}

/**
 * pd_entry_list_get_driver:
 *
 * Returns: (transfer full) (nullable):
 */
PdDriver *
pd_entry_list_get_driver (PdEntryList *self,
                          const char  *driver_id)
{
  g_return_val_if_fail (PD_IS_ENTRY_LIST (self), NULL);

  return driver_id != NULL ? pd_store_find (self->store, PD_TYPE_DRIVER, driver_id, NULL) : NULL;
}

/* The round's own crew, or NULL. */
static char **
round_crew (PdEntryList *self,
            const char  *entry_id,
            const char  *round_id)
{
  g_autoptr(GHashTable) crews = NULL;

  if (round_id == NULL)
    return NULL;
  crews = pd_store_list_round_crews (self->store, entry_id, NULL);
  return crews != NULL ? g_strdupv (g_hash_table_lookup (crews, round_id)) : NULL;
}

/**
 * pd_entry_list_get_crew:
 * @round_id: (nullable): a round, or %NULL for the car's usual crew
 *
 * Returns: (transfer full): the drivers of the car in that round: its own
 *   crew there, else the usual one
 */
char **
pd_entry_list_get_crew (PdEntryList *self,
                        const char  *entry_id,
                        const char  *round_id)
{
  g_autoptr(PdEntry) entry = NULL;
  char **crew;

  g_return_val_if_fail (PD_IS_ENTRY_LIST (self), NULL);

  if ((crew = round_crew (self, entry_id, round_id)) != NULL)
    return crew;
  entry = pd_entry_list_get_entry (self, entry_id);
  if (entry == NULL || pd_entry_get_crew_ids (entry) == NULL)
    return g_new0 (char *, 1);
  return g_strdupv ((char **) pd_entry_get_crew_ids (entry));
}

gboolean
pd_entry_list_has_round_crew (PdEntryList *self,
                              const char  *entry_id,
                              const char  *round_id)
{
  g_auto(GStrv) crew = NULL;

  g_return_val_if_fail (PD_IS_ENTRY_LIST (self), FALSE);

  crew = round_crew (self, entry_id, round_id);
  return crew != NULL;
}

static gboolean
no_such_car (const char  *entry_id,
             GError     **error)
{
  g_set_error (error, PD_ENTRY_LIST_ERROR, PD_ENTRY_LIST_ERROR_VALUE,
               _("There is no car “%s” in this season"), entry_id);
  return FALSE;
}

/* A car number as typed: trimmed, without a leading "#". */
static char *
clean_number (const char  *number,
              GError     **error)
{
  g_autofree char *clean = pd_clean_car_number (number);

  if (*clean == '\0')
    {
      g_set_error (error, PD_ENTRY_LIST_ERROR, PD_ENTRY_LIST_ERROR_VALUE, _("Type a car number"));
      return NULL;
    }
  if (!pd_is_car_number (clean))
    {
      g_set_error (error, PD_ENTRY_LIST_ERROR, PD_ENTRY_LIST_ERROR_VALUE,
                   _("“%s” is not a car number"), clean);
      return NULL;
    }
  return g_steal_pointer (&clean);
}

/* Refuses a number another car of the season has. */
static gboolean
check_number_free (PdEntryList  *self,
                   const char   *number,
                   const char   *except_id,
                   GError      **error)
{
  g_autoptr(GPtrArray) entries = pd_entry_list_get_entries (self);

  for (guint i = 0; i < entries->len; i++)
    {
      PdEntry *other = entries->pdata[i];

      if (g_strcmp0 (pd_entry_get_number (other), number) == 0 &&
          g_strcmp0 (pd_entry_get_id (other), except_id) != 0)
        {
          g_autoptr(PdTeam) team = pd_entry_list_get_team (self, pd_entry_get_team_id (other));

          if (team != NULL)
            g_set_error (error, PD_ENTRY_LIST_ERROR, PD_ENTRY_LIST_ERROR_DUPLICATE,
                         _("Car number %s is already used in this season, by %s"), number,
                         pd_team_get_name (team));
          else
            g_set_error (error, PD_ENTRY_LIST_ERROR, PD_ENTRY_LIST_ERROR_DUPLICATE,
                         _("Car number %s is already used in this season"), number);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * pd_entry_list_add_car:
 *
 * Adds a car of a number no other car of the season has.
 *
 * Returns: (transfer full) (nullable): the new car's id
 */
char *
pd_entry_list_add_car (PdEntryList  *self,
                       const char   *number,
                       GError      **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *id = NULL;
  g_autoptr(PdEntry) entry = NULL;
  g_autofree char *description = NULL;
  Edit *edit;

  g_return_val_if_fail (PD_IS_ENTRY_LIST (self), NULL);

  if ((clean = clean_number (number, error)) == NULL || !check_number_free (self, clean, NULL, error))
    return NULL;

  slug = pd_make_id (clean);
  id = g_strdup_printf ("%s.%s", self->season_id, slug);
  for (;;)
    {
      g_autoptr(GObject) taken = pd_store_find (self->store, PD_TYPE_ENTRY, id, NULL);
      char *longer;

      if (taken == NULL)
        break;
      longer = g_strconcat (id, "-", NULL);
      g_free (id);
      id = longer;
    }

  entry = g_object_new (PD_TYPE_ENTRY, "id", id, "season-id", self->season_id, "number", clean, NULL);
  /* TRANSLATORS: an edit that can be undone */
  description = g_strdup_printf (_("Add car %s"), clean);
  edit = edit_new (description);
  add_record_change (edit, NULL, G_OBJECT (entry));
  if (!commit (self, edit, error))
    return NULL;
  return g_steal_pointer (&id);
}

/* Starts changing a car: its record now, and a copy to change. */
static PdEntry *
begin_entry (PdEntryList  *self,
             const char   *entry_id,
             PdEntry     **copy,
             GError      **error)
{
  PdEntry *entry = pd_entry_list_get_entry (self, entry_id);

  if (entry == NULL)
    {
      no_such_car (entry_id, error);
      return NULL;
    }
  *copy = PD_ENTRY (copy_record (G_OBJECT (entry)));
  return entry;
}

/* An edit of one car's record: @after set as the car. */
static gboolean
commit_entry (PdEntryList  *self,
              const char   *description,
              PdEntry      *before,
              PdEntry      *after,
              GError      **error)
{
  Edit *edit = edit_new (description);

  add_record_change (edit, G_OBJECT (before), G_OBJECT (after));
  return commit (self, edit, error);
}

gboolean
pd_entry_list_set_number (PdEntryList  *self,
                          const char   *entry_id,
                          const char   *number,
                          GError      **error)
{
  g_autoptr(PdEntry) entry = NULL;
  g_autoptr(PdEntry) copy = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (PD_IS_ENTRY_LIST (self), FALSE);

  if ((entry = begin_entry (self, entry_id, &copy, error)) == NULL ||
      (clean = clean_number (number, error)) == NULL ||
      !check_number_free (self, clean, entry_id, error))
    return FALSE;
  if (g_strcmp0 (pd_entry_get_number (entry), clean) == 0)
    return TRUE;

  g_object_set (copy, "number", clean, NULL);
  /* TRANSLATORS: an edit that can be undone: a car's old and new number */
  description = g_strdup_printf (_("Renumber car %s as %s"), pd_entry_get_number (entry), clean);
  return commit_entry (self, description, entry, copy, error);
}

/**
 * pd_entry_list_set_team:
 * @team_name: a team's name; a team already known by that name is the
 *   car's team, else a new team is created; empty: no team
 */
gboolean
pd_entry_list_set_team (PdEntryList  *self,
                        const char   *entry_id,
                        const char   *team_name,
                        GError      **error)
{
  g_autoptr(PdEntry) entry = NULL;
  g_autoptr(PdEntry) copy = NULL;
  g_autoptr(PdTeam) team = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (team_name != NULL ? team_name : ""));
  g_autofree char *team_id = NULL;
  g_autofree char *description = NULL;
  GError *local_error = NULL;
  Edit *edit;

  g_return_val_if_fail (PD_IS_ENTRY_LIST (self), FALSE);

  if ((entry = begin_entry (self, entry_id, &copy, error)) == NULL)
    return FALSE;

  /* TRANSLATORS: an edit that can be undone */
  description = g_strdup_printf (_("Change the team of car %s"), pd_entry_get_number (entry));
  edit = edit_new (description);
  if (*clean != '\0')
    {
      team_id = pd_make_id (clean);
      if (*team_id == '\0')
        {
          edit_free (edit);
          g_set_error (error, PD_ENTRY_LIST_ERROR, PD_ENTRY_LIST_ERROR_VALUE,
                       _("“%s” is not a team name"), clean);
          return FALSE;
        }
      team = pd_store_find (self->store, PD_TYPE_TEAM, team_id, &local_error);
      if (local_error != NULL)
        {
          edit_free (edit);
          g_propagate_error (error, local_error);
          return FALSE;
        }
      if (team == NULL)
        {
          team = g_object_new (PD_TYPE_TEAM, "id", team_id, "name", clean, NULL);
          add_record_change (edit, NULL, G_OBJECT (team));
        }
    }
  if (g_strcmp0 (pd_entry_get_team_id (entry), team_id) == 0)
    {
      edit_free (edit);
      return TRUE;
    }
  g_object_set (copy, "team-id", team_id, NULL);
  add_record_change (edit, G_OBJECT (entry), G_OBJECT (copy));
  return commit (self, edit, error);
}

gboolean
pd_entry_list_set_car_model (PdEntryList  *self,
                             const char   *entry_id,
                             const char   *car_model,
                             GError      **error)
{
  g_autoptr(PdEntry) entry = NULL;
  g_autoptr(PdEntry) copy = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (car_model != NULL ? car_model : ""));
  g_autofree char *description = NULL;

  g_return_val_if_fail (PD_IS_ENTRY_LIST (self), FALSE);

  if ((entry = begin_entry (self, entry_id, &copy, error)) == NULL)
    return FALSE;
  if (g_strcmp0 (pd_entry_get_car_model (entry) != NULL ? pd_entry_get_car_model (entry) : "", clean) == 0)
    return TRUE;

  g_object_set (copy, "car-model", *clean != '\0' ? clean : NULL, NULL);
  /* TRANSLATORS: an edit that can be undone */
  description = g_strdup_printf (_("Change the car model of car %s"), pd_entry_get_number (entry));
  return commit_entry (self, description, entry, copy, error);
}

/**
 * pd_entry_list_set_class:
 * @class_id: (nullable): one of the season's classes, or %NULL for none
 */
gboolean
pd_entry_list_set_class (PdEntryList  *self,
                         const char   *entry_id,
                         const char   *class_id,
                         GError      **error)
{
  g_autoptr(PdEntry) entry = NULL;
  g_autoptr(PdEntry) copy = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (PD_IS_ENTRY_LIST (self), FALSE);

  if ((entry = begin_entry (self, entry_id, &copy, error)) == NULL)
    return FALSE;
  if (class_id != NULL)
    {
      g_autoptr(PdClass) klass = pd_store_find (self->store, PD_TYPE_CLASS, class_id, NULL);

      if (klass == NULL || g_strcmp0 (pd_class_get_season_id (klass), self->season_id) != 0)
        {
          g_set_error (error, PD_ENTRY_LIST_ERROR, PD_ENTRY_LIST_ERROR_VALUE,
                       _("There is no class “%s” in this season"), class_id);
          return FALSE;
        }
    }
  if (g_strcmp0 (pd_entry_get_class_id (entry), class_id) == 0)
    return TRUE;

  g_object_set (copy, "class-id", class_id, NULL);
  /* TRANSLATORS: an edit that can be undone */
  description = g_strdup_printf (_("Change the class of car %s"), pd_entry_get_number (entry));
  return commit_entry (self, description, entry, copy, error);
}

/* Changes a crew, the car's usual one or a round's, within @edit. */
static void
change_crew (PdEntryList        *self,
             Edit               *edit,
             PdEntry            *entry,
             const char         *round_id,
             const char * const *crew)
{
  if (round_id == NULL)
    {
      g_autoptr(PdEntry) copy = PD_ENTRY (copy_record (G_OBJECT (entry)));

      g_object_set (copy, "crew-ids", crew, NULL);
      add_record_change (edit, G_OBJECT (entry), G_OBJECT (copy));
    }
  else
    {
      g_auto(GStrv) before = round_crew (self, pd_entry_get_id (entry), round_id);

      add_crew_change (edit, pd_entry_get_id (entry), round_id, (const char * const *) before, crew);
    }
}

static gboolean
check_round (PdEntryList  *self,
             const char   *round_id,
             GError      **error)
{
  g_autoptr(PdRound) round = NULL;

  if (round_id == NULL)
    return TRUE;
  round = pd_store_find (self->store, PD_TYPE_ROUND, round_id, NULL);
  if (round == NULL || g_strcmp0 (pd_round_get_season_id (round), self->season_id) != 0)
    {
      g_set_error (error, PD_ENTRY_LIST_ERROR, PD_ENTRY_LIST_ERROR_VALUE,
                   _("There is no round “%s” in this season"), round_id);
      return FALSE;
    }
  return TRUE;
}

/**
 * pd_entry_list_add_driver:
 * @round_id: (nullable): the round whose crew changes, or %NULL for the
 *   car's usual crew
 * @name: the driver's name, "Jessica Bäckman"; a driver already known by
 *   that name is reused, else a new one is created
 *
 * Returns: (transfer full) (nullable): the driver's id
 */
char *
pd_entry_list_add_driver (PdEntryList  *self,
                          const char   *entry_id,
                          const char   *round_id,
                          const char   *name,
                          GError      **error)
{
  g_autoptr(PdEntry) entry = NULL;
  g_autoptr(PdDriver) driver = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) crew = NULL;
  g_auto(GStrv) new_crew = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (name != NULL ? name : ""));
  g_autofree char *id = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *description = NULL;
  GError *local_error = NULL;
  Edit *edit;

  g_return_val_if_fail (PD_IS_ENTRY_LIST (self), NULL);

  if ((entry = pd_entry_list_get_entry (self, entry_id)) == NULL)
    {
      no_such_car (entry_id, error);
      return NULL;
    }
  if (!check_round (self, round_id, error))
    return NULL;
  id = pd_make_id (clean);
  if (*id == '\0')
    {
      g_set_error (error, PD_ENTRY_LIST_ERROR, PD_ENTRY_LIST_ERROR_VALUE,
                   _("“%s” is not a driver’s name"), clean);
      return NULL;
    }

  crew = pd_entry_list_get_crew (self, entry_id, round_id);
  if (g_strv_contains ((const char * const *) crew, id))
    {
      g_set_error (error, PD_ENTRY_LIST_ERROR, PD_ENTRY_LIST_ERROR_DUPLICATE,
                   _("%s is already in the crew of car %s"), clean, pd_entry_get_number (entry));
      return NULL;
    }

  /* TRANSLATORS: an edit that can be undone: a driver, a car number */
  description = g_strdup_printf (_("Add %s to car %s"), clean, pd_entry_get_number (entry));
  edit = edit_new (description);
  driver = pd_store_find (self->store, PD_TYPE_DRIVER, id, &local_error);
  if (local_error != NULL)
    {
      edit_free (edit);
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (driver == NULL)
    {
      pd_split_driver_name (clean, &first, &last);
      driver = g_object_new (PD_TYPE_DRIVER, "id", id, "first-name", *first != '\0' ? first : NULL,
                             "last-name", last, NULL);
      add_record_change (edit, NULL, G_OBJECT (driver));
    }

  g_strv_builder_addv (builder, (const char **) crew);
  g_strv_builder_add (builder, id);
  new_crew = g_strv_builder_end (builder);
  change_crew (self, edit, entry, round_id, (const char * const *) new_crew);
  if (!commit (self, edit, error))
    return NULL;
  return g_steal_pointer (&id);
}

gboolean
pd_entry_list_remove_driver (PdEntryList  *self,
                             const char   *entry_id,
                             const char   *round_id,
                             const char   *driver_id,
                             GError      **error)
{
  g_autoptr(PdEntry) entry = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) crew = NULL;
  g_auto(GStrv) new_crew = NULL;
  g_autoptr(PdDriver) driver = NULL;
  g_autofree char *description = NULL;
  Edit *edit;

  g_return_val_if_fail (PD_IS_ENTRY_LIST (self), FALSE);

  if ((entry = pd_entry_list_get_entry (self, entry_id)) == NULL)
    return no_such_car (entry_id, error);
  if (!check_round (self, round_id, error))
    return FALSE;
  crew = pd_entry_list_get_crew (self, entry_id, round_id);
  if (!g_strv_contains ((const char * const *) crew, driver_id))
    {
      g_set_error (error, PD_ENTRY_LIST_ERROR, PD_ENTRY_LIST_ERROR_VALUE,
                   _("“%s” is not in the crew of car %s"), driver_id, pd_entry_get_number (entry));
      return FALSE;
    }
  for (guint i = 0; crew[i] != NULL; i++)
    if (!g_str_equal (crew[i], driver_id))
      g_strv_builder_add (builder, crew[i]);
  new_crew = g_strv_builder_end (builder);

  driver = pd_entry_list_get_driver (self, driver_id);
  /* TRANSLATORS: an edit that can be undone: a driver, a car number */
  description = g_strdup_printf (_("Remove %s from car %s"),
                                 driver != NULL ? pd_driver_get_last_name (driver) : driver_id,
                                 pd_entry_get_number (entry));
  edit = edit_new (description);
  /* A round's crew left without drivers is the car's usual crew again. */
  change_crew (self, edit, entry, round_id, (const char * const *) new_crew);
  return commit (self, edit, error);
}

/* The round's crew is the car's usual one again. */
gboolean
pd_entry_list_reset_round_crew (PdEntryList  *self,
                                const char   *entry_id,
                                const char   *round_id,
                                GError      **error)
{
  g_autoptr(PdEntry) entry = NULL;
  g_auto(GStrv) before = NULL;
  g_autofree char *description = NULL;
  Edit *edit;

  g_return_val_if_fail (PD_IS_ENTRY_LIST (self), FALSE);
  g_return_val_if_fail (round_id != NULL, FALSE);

  if ((entry = pd_entry_list_get_entry (self, entry_id)) == NULL)
    return no_such_car (entry_id, error);
  before = round_crew (self, entry_id, round_id);
  if (before == NULL)
    return TRUE;
  /* TRANSLATORS: an edit that can be undone */
  description = g_strdup_printf (_("Give car %s its usual crew"), pd_entry_get_number (entry));
  edit = edit_new (description);
  add_crew_change (edit, entry_id, round_id, (const char * const *) before, NULL);
  return commit (self, edit, error);
}

/* Starts changing a driver: its record now, and a copy to change. */
static PdDriver *
begin_driver (PdEntryList  *self,
              const char   *driver_id,
              PdDriver    **copy,
              GError      **error)
{
  PdDriver *driver = pd_entry_list_get_driver (self, driver_id);

  if (driver == NULL)
    {
      g_set_error (error, PD_ENTRY_LIST_ERROR, PD_ENTRY_LIST_ERROR_VALUE,
                   _("There is no driver “%s”"), driver_id);
      return NULL;
    }
  *copy = PD_DRIVER (copy_record (G_OBJECT (driver)));
  return driver;
}

/**
 * pd_entry_list_set_nationality:
 * @code: an ISO 3166-1 alpha-2 code, "SE"; empty: not known
 */
gboolean
pd_entry_list_set_nationality (PdEntryList  *self,
                               const char   *driver_id,
                               const char   *code,
                               GError      **error)
{
  g_autoptr(PdDriver) driver = NULL;
  g_autoptr(PdDriver) copy = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (code != NULL ? code : ""));
  g_autofree char *clean = g_ascii_strup (trimmed, -1);
  g_autofree char *description = NULL;
  Edit *edit;

  g_return_val_if_fail (PD_IS_ENTRY_LIST (self), FALSE);

  if (*clean != '\0' && (strlen (clean) != 2 || !g_ascii_isalpha (clean[0]) || !g_ascii_isalpha (clean[1])))
    {
      g_set_error (error, PD_ENTRY_LIST_ERROR, PD_ENTRY_LIST_ERROR_VALUE,
                   _("“%s” is not a country code such as SE or GB"), code);
      return FALSE;
    }
  if ((driver = begin_driver (self, driver_id, &copy, error)) == NULL)
    return FALSE;
  if (g_strcmp0 (pd_driver_get_nationality (driver) != NULL ? pd_driver_get_nationality (driver) : "", clean) == 0)
    return TRUE;

  g_object_set (copy, "nationality", *clean != '\0' ? clean : NULL, NULL);
  /* TRANSLATORS: an edit that can be undone */
  description = g_strdup_printf (_("Change the nationality of %s"), pd_driver_get_last_name (driver));
  edit = edit_new (description);
  add_record_change (edit, G_OBJECT (driver), G_OBJECT (copy));
  return commit (self, edit, error);
}

gboolean
pd_entry_list_set_grading (PdEntryList  *self,
                           const char   *driver_id,
                           PdGrading     grading,
                           GError      **error)
{
  g_autoptr(PdDriver) driver = NULL;
  g_autoptr(PdDriver) copy = NULL;
  g_autofree char *description = NULL;
  Edit *edit;

  g_return_val_if_fail (PD_IS_ENTRY_LIST (self), FALSE);

  if (grading < PD_GRADING_NONE || grading > PD_GRADING_PLATINUM)
    {
      g_set_error (error, PD_ENTRY_LIST_ERROR, PD_ENTRY_LIST_ERROR_VALUE, _("Not a driver grading"));
      return FALSE;
    }
  if ((driver = begin_driver (self, driver_id, &copy, error)) == NULL)
    return FALSE;
  if (pd_driver_get_grading (driver) == grading)
    return TRUE;

  g_object_set (copy, "grading", grading, NULL);
  /* TRANSLATORS: an edit that can be undone */
  description = g_strdup_printf (_("Change the grading of %s"), pd_driver_get_last_name (driver));
  edit = edit_new (description);
  add_record_change (edit, G_OBJECT (driver), G_OBJECT (copy));
  return commit (self, edit, error);
}

/**
 * pd_entry_list_remove_car:
 *
 * Removes a car and its crews. A car with results in any session is
 * refused: its results would go with it.
 */
gboolean
pd_entry_list_remove_car (PdEntryList  *self,
                          const char   *entry_id,
                          GError      **error)
{
  g_autoptr(PdEntry) entry = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GHashTable) crews = NULL;
  g_autofree char *description = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint n_results = 0;
  Edit *edit;

  g_return_val_if_fail (PD_IS_ENTRY_LIST (self), FALSE);

  if ((entry = pd_entry_list_get_entry (self, entry_id)) == NULL)
    return no_such_car (entry_id, error);
  if ((results = pd_store_list_season_results (self->store, self->season_id, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(PdResult) result = g_list_model_get_item (results, i);

      if (g_str_equal (pd_result_get_entry_id (result), entry_id))
        n_results++;
    }
  if (n_results > 0)
    {
      g_set_error (error, PD_ENTRY_LIST_ERROR, PD_ENTRY_LIST_ERROR_HAS_RESULTS,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Car %s has a result; remove it from that session first",
                                "Car %s has %u results; remove them from their sessions first", n_results),
                   pd_entry_get_number (entry), n_results);
      return FALSE;
    }
  if ((crews = pd_store_list_round_crews (self->store, entry_id, error)) == NULL)
    return FALSE;

  /* TRANSLATORS: an edit that can be undone */
  description = g_strdup_printf (_("Remove car %s"), pd_entry_get_number (entry));
  edit = edit_new (description);
  /* The rounds' crews go first, and come back after the car on undo. */
  g_hash_table_iter_init (&iter, crews);
  while (g_hash_table_iter_next (&iter, &key, &value))
    add_crew_change (edit, entry_id, key, value, NULL);
  add_record_change (edit, G_OBJECT (entry), NULL);
  return commit (self, edit, error);
}

gboolean
pd_entry_list_can_undo (PdEntryList *self)
{
  g_return_val_if_fail (PD_IS_ENTRY_LIST (self), FALSE);

  return self->undo->len > 0;
}

gboolean
pd_entry_list_can_redo (PdEntryList *self)
{
  g_return_val_if_fail (PD_IS_ENTRY_LIST (self), FALSE);

  return self->redo->len > 0;
}

/**
 * pd_entry_list_get_undo_description:
 *
 * Returns: (nullable): what the edit that undo would take back did
 */
const char *
pd_entry_list_get_undo_description (PdEntryList *self)
{
  g_return_val_if_fail (PD_IS_ENTRY_LIST (self), NULL);

  return self->undo->len > 0 ? ((Edit *) self->undo->pdata[self->undo->len - 1])->description : NULL;
}

/* Moves the last edit of @from to @to, applied backward or forward. */
static gboolean
step (PdEntryList  *self,
      GPtrArray    *from,
      GPtrArray    *to,
      gboolean      forward,
      GError      **error)
{
  Apply apply;

  if (from->len == 0)
    {
      g_set_error_literal (error, PD_ENTRY_LIST_ERROR, PD_ENTRY_LIST_ERROR_NOTHING,
                           forward ? _("Nothing to redo") : _("Nothing to undo"));
      return FALSE;
    }
  apply.edit = from->pdata[from->len - 1];
  apply.forward = forward;
  if (!pd_store_transaction (self->store, apply_cb, &apply, error))
    return FALSE;
  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
pd_entry_list_undo (PdEntryList  *self,
                    GError      **error)
{
  g_return_val_if_fail (PD_IS_ENTRY_LIST (self), FALSE);

  return step (self, self->undo, self->redo, FALSE, error);
}

gboolean
pd_entry_list_redo (PdEntryList  *self,
                    GError      **error)
{
  g_return_val_if_fail (PD_IS_ENTRY_LIST (self), FALSE);

  return step (self, self->redo, self->undo, TRUE, error);
}
