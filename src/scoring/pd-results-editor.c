#define G_LOG_DOMAIN "paddock-scoring"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "pd-alkamel.h"
#include "pd-classification.h"
#include "pd-results-editor.h"
#include "pd-rules.h"
#include "pd-timing.h"

/*
 * Entering a session's results, one edit at a time, without a Save
 * button: the core of the app's results editor (no GTK here, so that it
 * is tested on its own and the command line could use it).
 *
 * The cars are kept in the order they were entered (the order on the
 * road; road-position). After every edit the classification is derived
 * again (pd-classification.c: laps and times when known, the entered
 * order when not, then the penalties), and the session's results and
 * penalties are written in one transaction together with an Edit record
 * holding the session as it was before and after. Undo writes the
 * "before" back and marks the edit undone; redo writes the "after"; a new
 * edit drops the undone ones. The log is in the database, so undo works
 * across restarts, and an edit that returned is in the file.
 */

struct _PdResultsEditor
{
  GObject      parent_instance;

  PdStore     *store;
  PdSession   *session;
  char        *season_id;
  GHashTable  *entries;     /* entry id → PdEntry */
  GPtrArray   *results;     /* PdResult, in entered order */
  GPtrArray   *penalties;   /* PdPenalty */
  GPtrArray   *edits;       /* PdEdit, by seq */
  GHashTable  *stored_penalties; /* penalty id → PdPenalty, as the file has them */
};

G_DEFINE_FINAL_TYPE (PdResultsEditor, pd_results_editor, G_TYPE_OBJECT)
G_DEFINE_QUARK (pd-results-editor-error-quark, pd_results_editor_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
pd_results_editor_finalize (GObject *object)
{
  PdResultsEditor *self = (PdResultsEditor *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->session);
  g_clear_pointer (&self->season_id, g_free);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->penalties, g_ptr_array_unref);
  g_clear_pointer (&self->edits, g_ptr_array_unref);
  g_clear_pointer (&self->stored_penalties, g_hash_table_unref);

  G_OBJECT_CLASS (pd_results_editor_parent_class)->finalize (object);
}

static void
pd_results_editor_class_init (PdResultsEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pd_results_editor_finalize;

  /**
   * PdResultsEditor::changed:
   *
   * The session's results changed and are stored: an edit, an undo or a
   * redo.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pd_results_editor_init (PdResultsEditor *self)
{
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->stored_penalties = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

static int
compare_road (gconstpointer a,
              gconstpointer b)
{
  PdResult *ra = *(PdResult **) a;
  PdResult *rb = *(PdResult **) b;
  int pa = pd_result_get_road_position (ra), pb = pd_result_get_road_position (rb);

  /* Results without a road position (imported) after, by position. */
  if ((pa > 0) != (pb > 0))
    return pa > 0 ? -1 : 1;
  if (pa != pb)
    return pa - pb;
  if ((pd_result_get_position (ra) > 0) != (pd_result_get_position (rb) > 0))
    return pd_result_get_position (ra) > 0 ? -1 : 1;
  return pd_result_get_position (ra) - pd_result_get_position (rb);
}

/* The penalties are never changed in place (an edit adds or removes
 * them), so the objects themselves tell what the file holds. */
static void
remember_penalties (PdResultsEditor *self)
{
  g_hash_table_remove_all (self->stored_penalties);
  for (guint i = 0; i < self->penalties->len; i++)
    g_hash_table_insert (self->stored_penalties, g_strdup (pd_penalty_get_id (self->penalties->pdata[i])),
                         g_object_ref (self->penalties->pdata[i]));
}

/* Reads the session's results, penalties and edits from the store. */
static gboolean
load_state (PdResultsEditor  *self,
            GError          **error)
{
  g_autoptr(GListModel) results = pd_store_list_results (self->store, pd_session_get_id (self->session), error);
  g_autoptr(GListModel) edits = NULL;

  if (results == NULL)
    return FALSE;
  edits = pd_store_list_edits (self->store, pd_session_get_id (self->session), error);
  if (edits == NULL)
    return FALSE;

  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->penalties, g_ptr_array_unref);
  g_clear_pointer (&self->edits, g_ptr_array_unref);
  self->results = g_ptr_array_new_with_free_func (g_object_unref);
  self->penalties = g_ptr_array_new_with_free_func (g_object_unref);
  self->edits = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      PdResult *result = g_list_model_get_item (results, i);
      g_autoptr(GListModel) penalties = pd_store_list_penalties (self->store, pd_result_get_id (result), error);

      g_ptr_array_add (self->results, result);
      if (penalties == NULL)
        return FALSE;
      for (guint p = 0; p < g_list_model_get_n_items (penalties); p++)
        g_ptr_array_add (self->penalties, g_list_model_get_item (penalties, p));
    }
  g_ptr_array_sort (self->results, compare_road);

  for (guint i = 0; i < g_list_model_get_n_items (edits); i++)
    g_ptr_array_add (self->edits, g_list_model_get_item (edits, i));
  remember_penalties (self);
  return TRUE;
}

/**
 * pd_results_editor_new:
 *
 * Returns: (transfer full) (nullable): an editor of @session_id's results
 */
PdResultsEditor *
pd_results_editor_new (PdStore     *store,
                       const char  *session_id,
                       GError     **error)
{
  g_autoptr(PdResultsEditor) self = g_object_new (PD_TYPE_RESULTS_EDITOR, NULL);
  g_autoptr(PdRound) round = NULL;
  g_autoptr(GListModel) entries = NULL;

  g_return_val_if_fail (PD_IS_STORE (store), NULL);
  g_return_val_if_fail (session_id != NULL, NULL);

  self->store = g_object_ref (store);
  self->session = pd_store_get (store, PD_TYPE_SESSION, session_id, error);
  if (self->session == NULL)
    return NULL;
  round = pd_store_get (store, PD_TYPE_ROUND, pd_session_get_round_id (self->session), error);
  if (round == NULL)
    return NULL;
  self->season_id = g_strdup (pd_round_get_season_id (round));
  entries = pd_store_list_entries (store, self->season_id, error);
  if (entries == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      PdEntry *entry = g_list_model_get_item (entries, i);
      g_hash_table_insert (self->entries, g_strdup (pd_entry_get_id (entry)), entry);
    }

  if (!load_state (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char *
pd_results_editor_get_session_id (PdResultsEditor *self)
{
  g_return_val_if_fail (PD_IS_RESULTS_EDITOR (self), NULL);

  return pd_session_get_id (self->session);
}

static int
compare_classified (gconstpointer a,
                    gconstpointer b)
{
  PdResult *ra = *(PdResult **) a;
  PdResult *rb = *(PdResult **) b;
  int pa = pd_result_get_position (ra), pb = pd_result_get_position (rb);

  if ((pa > 0) != (pb > 0))
    return pa > 0 ? -1 : 1;
  if (pa != pb)
    return pa - pb;
  return compare_road (a, b);
}

/**
 * pd_results_editor_get_results:
 *
 * Returns: (transfer container) (element-type PdResult): the results in
 *   classified order (positions, then the cars without one)
 */
GPtrArray *
pd_results_editor_get_results (PdResultsEditor *self)
{
  GPtrArray *sorted;

  g_return_val_if_fail (PD_IS_RESULTS_EDITOR (self), NULL);

  sorted = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->results->len; i++)
    g_ptr_array_add (sorted, g_object_ref (self->results->pdata[i]));
  g_ptr_array_sort (sorted, compare_classified);
  return sorted;
}

/**
 * pd_results_editor_get_penalties:
 * @result_id: (nullable): a result, or %NULL for the whole session
 *
 * Returns: (transfer container) (element-type PdPenalty): the penalties
 */
GPtrArray *
pd_results_editor_get_penalties (PdResultsEditor *self,
                                 const char      *result_id)
{
  GPtrArray *penalties;

  g_return_val_if_fail (PD_IS_RESULTS_EDITOR (self), NULL);

  penalties = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->penalties->len; i++)
    {
      PdPenalty *penalty = self->penalties->pdata[i];

      if (result_id == NULL || g_str_equal (pd_penalty_get_result_id (penalty), result_id))
        g_ptr_array_add (penalties, g_object_ref (penalty));
    }
  return penalties;
}

/**
 * pd_results_editor_get_entry:
 *
 * Returns: (transfer none) (nullable): a car of the season
 */
PdEntry *
pd_results_editor_get_entry (PdResultsEditor *self,
                             const char      *entry_id)
{
  g_return_val_if_fail (PD_IS_RESULTS_EDITOR (self), NULL);

  return entry_id != NULL ? g_hash_table_lookup (self->entries, entry_id) : NULL;
}

gboolean
pd_results_editor_get_final (PdResultsEditor *self)
{
  g_return_val_if_fail (PD_IS_RESULTS_EDITOR (self), FALSE);

  return pd_session_get_final (self->session);
}

/* The classification, derived again from the entered order, laps, times
 * and penalties. */
static void
reclassify (PdResultsEditor *self)
{
  g_autofree PdClassifyEntry *entries = g_new0 (PdClassifyEntry, MAX (self->results->len, 1));
  g_autoptr(GArray) outcomes = NULL;
  gint64 fastest = 0;

  for (guint i = 0; i < self->results->len; i++)
    {
      PdResult *result = self->results->pdata[i];
      PdEntry *entry = g_hash_table_lookup (self->entries, pd_result_get_entry_id (result));
      PdClassifyEntry *e = &entries[i];
      gboolean timed = pd_result_get_total_time_ms (result) > 0;
      gboolean lapped = pd_result_get_laps (result) > 0;

      pd_result_set_road_position (result, (int) i + 1);
      e->result_id = pd_result_get_id (result);
      e->class_id = entry != NULL ? pd_entry_get_class_id (entry) : NULL;
      e->status = pd_result_get_status (result);
      e->laps = lapped ? pd_result_get_laps (result) : -1;
      e->total_time_ms = timed ? pd_result_get_total_time_ms (result) : -1;
      /* Without laps or a time, the entered order is the order. */
      e->recorded_position = (!timed && !lapped) ? (int) i + 1 : 0;

      for (guint p = 0; p < self->penalties->len; p++)
        {
          PdPenalty *penalty = self->penalties->pdata[p];

          if (!g_str_equal (pd_penalty_get_result_id (penalty), e->result_id))
            continue;
          switch (pd_penalty_get_kind (penalty))
            {
            case PD_PENALTY_KIND_TIME: e->penalty_time_ms += pd_penalty_get_time_ms (penalty); break;
            case PD_PENALTY_KIND_POSITIONS: e->penalty_positions += pd_penalty_get_positions (penalty); break;
            case PD_PENALTY_KIND_DISQUALIFICATION: e->disqualified = TRUE; break;
            case PD_PENALTY_KIND_EXCLUSION: e->excluded = TRUE; break;
            default: break;
            }
        }

      if (pd_result_get_best_lap_ms (result) > 0 &&
          (fastest == 0 || pd_result_get_best_lap_ms (result) < fastest))
        fastest = pd_result_get_best_lap_ms (result);
    }

  outcomes = pd_classify (entries, self->results->len, NULL);
  for (guint i = 0; i < outcomes->len; i++)
    {
      PdClassifyOutcome *outcome = &g_array_index (outcomes, PdClassifyOutcome, i);

      for (guint r = 0; r < self->results->len; r++)
        {
          PdResult *result = self->results->pdata[r];

          if (g_str_equal (pd_result_get_id (result), outcome->result_id))
            {
              pd_result_set_position (result, outcome->position);
              pd_result_set_class_position (result, outcome->class_position);
              if (fastest > 0)
                pd_result_set_fastest_lap (result, pd_result_get_best_lap_ms (result) == fastest);
              break;
            }
        }
    }
}

/* The session's results and penalties as JSON: what an edit keeps. */
static char *
snapshot (PdResultsEditor *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "results");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->results->len; i++)
    json_builder_add_value (builder, json_gobject_serialize (self->results->pdata[i]));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "penalties");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->penalties->len; i++)
    json_builder_add_value (builder, json_gobject_serialize (self->penalties->pdata[i]));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static gboolean
read_snapshot (const char  *json,
               GPtrArray  **results,
               GPtrArray  **penalties,
               GError     **error)
{
  g_autoptr(JsonNode) root = json_from_string (json, error);
  JsonArray *array;

  if (root == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, PD_RESULTS_EDITOR_ERROR, PD_RESULTS_EDITOR_ERROR_VALUE,
                   _("A kept edit of this session is damaged"));
      return FALSE;
    }

  *results = g_ptr_array_new_with_free_func (g_object_unref);
  *penalties = g_ptr_array_new_with_free_func (g_object_unref);
  array = json_object_get_array_member (json_node_get_object (root), "results");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    g_ptr_array_add (*results, json_gobject_deserialize (PD_TYPE_RESULT, json_array_get_element (array, i)));
  array = json_object_get_array_member (json_node_get_object (root), "penalties");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    g_ptr_array_add (*penalties, json_gobject_deserialize (PD_TYPE_PENALTY, json_array_get_element (array, i)));
  return TRUE;
}

typedef struct {
  PdResultsEditor *self;
  GPtrArray       *results;
  GPtrArray       *penalties;
  PdEdit          *edit;        /* to save, or NULL */
  gboolean         drop_undone; /* a new edit: the undone ones go */
  GPtrArray       *extra;       /* records to save first (new cars), or NULL */
} Write;

static gboolean
contains_id (GPtrArray  *records,
             const char *id)
{
  for (guint i = 0; i < records->len; i++)
    {
      const char *record_id = NULL;

      g_object_get (records->pdata[i], "id", &record_id, NULL);
      if (g_strcmp0 (record_id, id) == 0)
        {
          g_free ((char *) record_id);
          return TRUE;
        }
      g_free ((char *) record_id);
    }
  return FALSE;
}

/* Whether two records of one type hold the same values. */
static gboolean
same_record (GObject *a,
             GObject *b)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n;

  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    return FALSE;
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;
      gboolean same;

      g_value_init (&va, pspecs[i]->value_type);
      g_value_init (&vb, pspecs[i]->value_type);
      g_object_get_property (a, pspecs[i]->name, &va);
      g_object_get_property (b, pspecs[i]->name, &vb);
      /* The store keeps an empty string as none, and so compares here. */
      if (G_VALUE_HOLDS_STRING (&va))
        same = g_strcmp0 (g_value_get_string (&va) != NULL && *g_value_get_string (&va) != '\0'
                            ? g_value_get_string (&va) : NULL,
                          g_value_get_string (&vb) != NULL && *g_value_get_string (&vb) != '\0'
                            ? g_value_get_string (&vb) : NULL) == 0;
      else if (G_VALUE_HOLDS (&va, G_TYPE_STRV))
        {
          const char * const *sa = g_value_get_boxed (&va);
          const char * const *sb = g_value_get_boxed (&vb);
          const char * const none[] = { NULL };

          same = g_strv_equal (sa != NULL ? sa : none, sb != NULL ? sb : none);
        }
      else
        same = g_param_values_cmp (pspecs[i], &va, &vb) == 0;
      if (!same)
        return FALSE;
    }
  return TRUE;
}

/* Makes the stored session what @w holds, and keeps the edit. Only what
 * differs from the file is written: an edit changes a car or a few, and
 * rewriting a 62-car field each time would cost most of a frame. */
static gboolean
write_cb (PdStore   *store,
          gpointer   user_data,
          GError   **error)
{
  Write *w = user_data;
  PdResultsEditor *self = w->self;
  g_autoptr(GListModel) stored = pd_store_list_results (store, pd_session_get_id (self->session), error);
  g_autoptr(GHashTable) stored_results = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key;

  if (stored == NULL)
    return FALSE;

  for (guint i = 0; w->extra != NULL && i < w->extra->len; i++)
    if (!pd_store_save (store, w->extra->pdata[i], error))
      return FALSE;

  /* Penalties first: those of a result that goes go with it. */
  g_hash_table_iter_init (&iter, self->stored_penalties);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!contains_id (w->penalties, key) && !pd_store_delete (store, PD_TYPE_PENALTY, key, error))
      return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (stored); i++)
    {
      PdResult *result = g_list_model_get_item (stored, i);

      /* The list model holds a reference as long as the table needs it. */
      g_object_unref (result);
      if (!contains_id (w->results, pd_result_get_id (result)))
        {
          if (!pd_store_delete (store, PD_TYPE_RESULT, pd_result_get_id (result), error))
            return FALSE;
          continue;
        }
      g_hash_table_insert (stored_results, (gpointer) pd_result_get_id (result), result);
    }

  for (guint i = 0; i < w->results->len; i++)
    {
      PdResult *result = w->results->pdata[i];
      PdResult *old = g_hash_table_lookup (stored_results, pd_result_get_id (result));

      if ((old == NULL || !same_record (G_OBJECT (old), G_OBJECT (result))) &&
          !pd_store_save (store, G_OBJECT (result), error))
        return FALSE;
    }
  for (guint i = 0; i < w->penalties->len; i++)
    {
      PdPenalty *penalty = w->penalties->pdata[i];
      PdPenalty *old = g_hash_table_lookup (self->stored_penalties, pd_penalty_get_id (penalty));

      if ((old == NULL || !same_record (G_OBJECT (old), G_OBJECT (penalty))) &&
          !pd_store_save (store, G_OBJECT (penalty), error))
        return FALSE;
    }

  if (w->drop_undone)
    for (guint i = 0; i < self->edits->len; i++)
      {
        PdEdit *edit = self->edits->pdata[i];

        if (pd_edit_get_undone (edit) && !pd_store_delete (store, PD_TYPE_EDIT, pd_edit_get_id (edit), error))
          return FALSE;
      }

  return w->edit == NULL || pd_store_save (store, G_OBJECT (w->edit), error);
}

/* Classifies, stores the session and the edit in one transaction, and
 * tells. On a failure the stored session is read back, unchanged. */
static gboolean
commit (PdResultsEditor  *self,
        const char       *before,
        const char       *description,
        GPtrArray        *extra,
        GError          **error)
{
  g_autofree char *after = NULL;
  g_autofree char *id = NULL;
  g_autoptr(PdEdit) edit = NULL;
  int seq = 0;
  Write w;

  reclassify (self);
  after = snapshot (self);
  for (guint i = 0; i < self->edits->len; i++)
    if (!pd_edit_get_undone (self->edits->pdata[i]))
      seq = MAX (seq, pd_edit_get_seq (self->edits->pdata[i]));
  seq++;
  id = g_strdup_printf ("%s#%d", pd_session_get_id (self->session), seq);
  edit = g_object_new (PD_TYPE_EDIT, "id", id, "session-id", pd_session_get_id (self->session), "seq", seq,
                       "description", description, "state-before", before, "state-after", after, NULL);

  w = (Write) { self, self->results, self->penalties, edit, TRUE, extra };
  if (!pd_store_transaction (self->store, write_cb, &w, error))
    {
      load_state (self, NULL);
      return FALSE;
    }

  /* The file now holds what the editor does; only the log changed. It is
   * not read back: with a long log, that alone would take a frame. */
  for (guint i = self->edits->len; i > 0; i--)
    if (pd_edit_get_undone (self->edits->pdata[i - 1]))
      g_ptr_array_remove_index (self->edits, i - 1);
  g_ptr_array_add (self->edits, g_steal_pointer (&edit));
  remember_penalties (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static PdResult *
find_result (PdResultsEditor  *self,
             const char       *result_id,
             guint            *index)
{
  for (guint i = 0; i < self->results->len; i++)
    if (g_str_equal (pd_result_get_id (self->results->pdata[i]), result_id))
      {
        if (index != NULL)
          *index = i;
        return self->results->pdata[i];
      }
  return NULL;
}

static const char *
car_of (PdResult *result)
{
  const char *number = pd_result_get_car_number (result);

  return number != NULL ? number : "";
}

static gboolean
no_such_result (const char  *result_id,
                GError     **error)
{
  g_set_error (error, PD_RESULTS_EDITOR_ERROR, PD_RESULTS_EDITOR_ERROR_VALUE,
               _("The result “%s” is not in this session"), result_id);
  return FALSE;
}

static PdEntry *
entry_by_number (PdResultsEditor *self,
                 const char      *number)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (g_strcmp0 (pd_entry_get_number (value), number) == 0)
      return value;
  return NULL;
}

/**
 * pd_results_editor_has_car_number:
 *
 * Returns: whether the season's entry list has a car of that number
 */
gboolean
pd_results_editor_has_car_number (PdResultsEditor *self,
                                  const char      *number)
{
  g_return_val_if_fail (PD_IS_RESULTS_EDITOR (self), FALSE);

  return entry_by_number (self, number) != NULL;
}

/**
 * pd_results_editor_add_car:
 * @number: a car number of the season's entry list
 *
 * Adds the car after the last one entered.
 *
 * Returns: whether the car was added; %PD_RESULTS_EDITOR_ERROR_NO_CAR
 *   when the entry list has no car of that number (see
 *   pd_results_editor_add_new_car())
 */
/* The drivers of a car in this session's round: the round's own crew
 * when the car has one there, else its usual crew. */
static char **
crew_of (PdResultsEditor *self,
         PdEntry         *entry)
{
  g_autoptr(GHashTable) crews = pd_store_list_round_crews (self->store, pd_entry_get_id (entry), NULL);
  const char * const *crew = crews != NULL ? g_hash_table_lookup (crews, pd_session_get_round_id (self->session))
                                           : NULL;

  if (crew == NULL)
    crew = pd_entry_get_crew_ids (entry);
  return crew != NULL ? g_strdupv ((char **) crew) : NULL;
}

gboolean
pd_results_editor_add_car (PdResultsEditor  *self,
                           const char       *number,
                           GError          **error)
{
  g_autofree char *clean = pd_clean_car_number (number);
  g_autofree char *before = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *id = NULL;
  g_autofree char *description = NULL;
  g_auto(GStrv) crew = NULL;
  PdEntry *entry;
  PdResult *result;

  g_return_val_if_fail (PD_IS_RESULTS_EDITOR (self), FALSE);

  if (*clean == '\0')
    {
      g_set_error (error, PD_RESULTS_EDITOR_ERROR, PD_RESULTS_EDITOR_ERROR_VALUE, _("Type a car number"));
      return FALSE;
    }
  entry = entry_by_number (self, clean);
  if (entry == NULL)
    {
      g_set_error (error, PD_RESULTS_EDITOR_ERROR, PD_RESULTS_EDITOR_ERROR_NO_CAR,
                   _("Car %s is not in the entry list"), clean);
      return FALSE;
    }
  for (guint i = 0; i < self->results->len; i++)
    if (g_str_equal (pd_result_get_entry_id (self->results->pdata[i]), pd_entry_get_id (entry)))
      {
        g_set_error (error, PD_RESULTS_EDITOR_ERROR, PD_RESULTS_EDITOR_ERROR_DUPLICATE,
                     _("Car %s is already in the results"), clean);
        return FALSE;
      }

  before = snapshot (self);
  slug = pd_make_id (clean);
  id = g_strdup_printf ("%s.%s", pd_session_get_id (self->session), *slug != '\0' ? slug : "car");
  while (find_result (self, id, NULL) != NULL)
    {
      char *longer = g_strconcat (id, "-", NULL);
      g_free (id);
      id = longer;
    }
  crew = crew_of (self, entry);
  result = g_object_new (PD_TYPE_RESULT, "id", id, "session-id", pd_session_get_id (self->session),
                         "entry-id", pd_entry_get_id (entry), "car-number", clean,
                         "driver-ids", crew, NULL);
  g_ptr_array_add (self->results, result);

  /* TRANSLATORS: an edit of a session's results, for undo */
  description = g_strdup_printf (_("Car %s added"), clean);
  return commit (self, before, description, NULL, error);
}

static gboolean
save_entry_cb (PdStore   *store,
               gpointer   user_data,
               GError   **error)
{
  return pd_store_save (store, user_data, error);
}


/**
 * pd_results_editor_add_new_car:
 *
 * Adds a car of that number to the season's entry list, then to the
 * results.
 */
gboolean
pd_results_editor_add_new_car (PdResultsEditor  *self,
                               const char       *number,
                               GError          **error)
{
  g_autofree char *clean = pd_clean_car_number (number);
  g_autofree char *slug = NULL;
  g_autofree char *id = NULL;
  g_autoptr(PdEntry) entry = NULL;

  g_return_val_if_fail (PD_IS_RESULTS_EDITOR (self), FALSE);

  slug = pd_make_id (clean);
  if (!pd_is_car_number (clean))
    {
      g_set_error (error, PD_RESULTS_EDITOR_ERROR, PD_RESULTS_EDITOR_ERROR_VALUE,
                   _("“%s” is not a car number"), clean);
      return FALSE;
    }
  if (entry_by_number (self, clean) == NULL)
    {
      id = g_strdup_printf ("%s.%s", self->season_id, slug);
      while (g_hash_table_contains (self->entries, id))
        {
          char *longer = g_strconcat (id, "-", NULL);
          g_free (id);
          id = longer;
        }
      entry = g_object_new (PD_TYPE_ENTRY, "id", id, "season-id", self->season_id, "number", clean, NULL);
      if (!pd_store_transaction (self->store, save_entry_cb, entry, error))
        return FALSE;
      g_hash_table_insert (self->entries, g_strdup (id), g_object_ref (entry));
    }
  return pd_results_editor_add_car (self, clean, error);
}

static gboolean
parse_count (const char *text,
             int         max,
             int        *out)
{
  gint64 value = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) || (value = value * 10 + (*p - '0')) > max)
      return FALSE;
  *out = (int) value;
  return TRUE;
}

/* The first car with a race time of its own, for gaps. */
static PdResult *
leader (PdResultsEditor *self)
{
  g_autoptr(GPtrArray) sorted = pd_results_editor_get_results (self);

  for (guint i = 0; i < sorted->len; i++)
    if (pd_result_get_total_time_ms (sorted->pdata[i]) > 0)
      return sorted->pdata[i];
  return NULL;
}

/**
 * pd_results_editor_set_field:
 * @text: the value as typed: laps ("25"), a time ("1:01'12.345") or a
 *   gap ("+11.2", "1 lap"), a lap time ("2:25.101"), a grid place, a
 *   status ("DNF"); empty for none
 *
 * Returns: whether the value was stored; if it is not one, @error says
 *   why (translated) and nothing changes
 */
gboolean
pd_results_editor_set_field (PdResultsEditor  *self,
                             const char       *result_id,
                             PdResultsField    field,
                             const char       *text,
                             GError          **error)
{
  g_autofree char *value = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *before = NULL;
  g_autofree char *description = NULL;
  PdResult *result;
  int count = 0;
  gint64 ms = 0;
  PdGap gap;
  PdResultStatus status;

  g_return_val_if_fail (PD_IS_RESULTS_EDITOR (self), FALSE);

  result = find_result (self, result_id, NULL);
  if (result == NULL)
    return no_such_result (result_id, error);
  before = snapshot (self);

  switch (field)
    {
    case PD_RESULTS_FIELD_LAPS:
    case PD_RESULTS_FIELD_GRID:
      if (!parse_count (value, field == PD_RESULTS_FIELD_LAPS ? 100000 : 1000, &count))
        {
          g_set_error (error, PD_RESULTS_EDITOR_ERROR, PD_RESULTS_EDITOR_ERROR_VALUE,
                       field == PD_RESULTS_FIELD_LAPS ? _("“%s” is not a number of laps")
                                                     : _("“%s” is not a grid place"), value);
          return FALSE;
        }
      if (field == PD_RESULTS_FIELD_LAPS)
        {
          pd_result_set_laps (result, count);
          /* TRANSLATORS: an edit of a session's results, for undo */
          description = g_strdup_printf (_("Laps of car %s"), car_of (result));
        }
      else
        {
          pd_result_set_grid (result, count);
          description = g_strdup_printf (_("Grid place of car %s"), car_of (result));
        }
      break;

    case PD_RESULTS_FIELD_TIME:
      if (*value == '\0' || pd_timing_parse_time (value, &ms))
        pd_result_set_total_time_ms (result, ms);
      else if (pd_timing_parse_gap (value, &gap))
        {
          PdResult *first = leader (self);

          if (first == NULL || first == result)
            {
              g_set_error (error, PD_RESULTS_EDITOR_ERROR, PD_RESULTS_EDITOR_ERROR_VALUE,
                           _("A gap such as “%s” needs the leader’s race time first"), value);
              return FALSE;
            }
          if (gap.laps)
            {
              if (pd_result_get_laps (first) <= 0 || gap.value > pd_result_get_laps (first))
                {
                  g_set_error (error, PD_RESULTS_EDITOR_ERROR, PD_RESULTS_EDITOR_ERROR_VALUE,
                               _("A gap such as “%s” needs the leader’s laps first"), value);
                  return FALSE;
                }
              pd_result_set_laps (result, pd_result_get_laps (first) - (int) gap.value);
              pd_result_set_total_time_ms (result, 0);
            }
          else
            {
              pd_result_set_total_time_ms (result, pd_result_get_total_time_ms (first) + gap.value);
              if (pd_result_get_laps (result) <= 0)
                pd_result_set_laps (result, pd_result_get_laps (first));
            }
        }
      else
        {
          g_set_error (error, PD_RESULTS_EDITOR_ERROR, PD_RESULTS_EDITOR_ERROR_VALUE,
                       _("“%s” is not a race time such as 1:01'12.345 or a gap such as +11.2 or 1 lap"), value);
          return FALSE;
        }
      description = g_strdup_printf (_("Time of car %s"), car_of (result));
      break;

    case PD_RESULTS_FIELD_BEST_LAP:
      if (*value != '\0' && !pd_timing_parse_time (value, &ms))
        {
          g_set_error (error, PD_RESULTS_EDITOR_ERROR, PD_RESULTS_EDITOR_ERROR_VALUE,
                       _("“%s” is not a lap time such as 1:45.123"), value);
          return FALSE;
        }
      pd_result_set_best_lap_ms (result, ms);
      description = g_strdup_printf (_("Best lap of car %s"), car_of (result));
      break;

    case PD_RESULTS_FIELD_STATUS:
      if (!pd_result_status_from_text (value, &status))
        {
          g_set_error (error, PD_RESULTS_EDITOR_ERROR, PD_RESULTS_EDITOR_ERROR_VALUE,
                       _("“%s” is not a status such as Classified, DNF, DNS or DSQ"), value);
          return FALSE;
        }
      pd_result_set_status (result, status);
      description = g_strdup_printf (_("Status of car %s"), car_of (result));
      break;

    default:
      g_return_val_if_reached (FALSE);
    }

  return commit (self, before, description, NULL, error);
}

/**
 * pd_results_editor_move:
 * @to_index: the place in the entered order, from 0
 *
 * Moves a car in the entered (road) order.
 */
gboolean
pd_results_editor_move (PdResultsEditor  *self,
                        const char       *result_id,
                        guint             to_index,
                        GError          **error)
{
  g_autofree char *before = NULL;
  g_autofree char *description = NULL;
  PdResult *result;
  guint index;

  g_return_val_if_fail (PD_IS_RESULTS_EDITOR (self), FALSE);

  result = find_result (self, result_id, &index);
  if (result == NULL)
    return no_such_result (result_id, error);
  to_index = MIN (to_index, self->results->len - 1);
  before = snapshot (self);

  g_object_ref (result);
  g_ptr_array_remove_index (self->results, index);
  g_ptr_array_insert (self->results, (int) to_index, result);
  /* TRANSLATORS: an edit of a session's results, for undo */
  description = g_strdup_printf (_("Car %s moved to place %u"), car_of (result), to_index + 1);
  return commit (self, before, description, NULL, error);
}

gboolean
pd_results_editor_remove (PdResultsEditor  *self,
                          const char       *result_id,
                          GError          **error)
{
  g_autofree char *before = NULL;
  g_autofree char *description = NULL;
  PdResult *result;
  guint index;

  g_return_val_if_fail (PD_IS_RESULTS_EDITOR (self), FALSE);

  result = find_result (self, result_id, &index);
  if (result == NULL)
    return no_such_result (result_id, error);
  before = snapshot (self);
  /* TRANSLATORS: an edit of a session's results, for undo */
  description = g_strdup_printf (_("Car %s removed"), car_of (result));

  for (guint p = self->penalties->len; p > 0; p--)
    if (g_str_equal (pd_penalty_get_result_id (self->penalties->pdata[p - 1]), result_id))
      g_ptr_array_remove_index (self->penalties, p - 1);
  g_ptr_array_remove_index (self->results, index);
  return commit (self, before, description, NULL, error);
}

/**
 * pd_results_editor_add_penalty:
 * @value: time ("11", "+11.0", "0:05"), positions or grid places ("3"),
 *   points ("5", "2.5"); ignored for a disqualification or exclusion
 * @reason: (nullable): as the decision gives it
 * @document: (nullable): the decision's document number
 */
gboolean
pd_results_editor_add_penalty (PdResultsEditor  *self,
                               const char       *result_id,
                               PdPenaltyKind     kind,
                               const char       *value,
                               const char       *reason,
                               const char       *document,
                               GError          **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (value != NULL ? value : ""));
  g_autofree char *before = NULL;
  g_autofree char *description = NULL;
  g_autofree char *id = NULL;
  PdPenalty *penalty;
  PdResult *result;
  const char *number = clean[0] == '+' ? clean + 1 : clean;
  gint64 ms = 0;
  int count = 0;
  PdPoints points = PD_POINTS_ZERO;
  guint n = 1;

  g_return_val_if_fail (PD_IS_RESULTS_EDITOR (self), FALSE);

  result = find_result (self, result_id, NULL);
  if (result == NULL)
    return no_such_result (result_id, error);

  switch (kind)
    {
    case PD_PENALTY_KIND_TIME:
      if (!pd_timing_parse_time (number, &ms) || ms == 0)
        {
          g_set_error (error, PD_RESULTS_EDITOR_ERROR, PD_RESULTS_EDITOR_ERROR_VALUE,
                       _("“%s” is not a time penalty such as 11 or 0:30 (seconds)"), clean);
          return FALSE;
        }
      break;
    case PD_PENALTY_KIND_POSITIONS:
    case PD_PENALTY_KIND_GRID:
      if (*number == '\0' || !parse_count (number, 1000, &count) || count == 0)
        {
          g_set_error (error, PD_RESULTS_EDITOR_ERROR, PD_RESULTS_EDITOR_ERROR_VALUE,
                       _("“%s” is not a number of places"), clean);
          return FALSE;
        }
      break;
    case PD_PENALTY_KIND_POINTS:
      if (!pd_rules_parse_points (number, &points) || points.num <= 0)
        {
          g_set_error (error, PD_RESULTS_EDITOR_ERROR, PD_RESULTS_EDITOR_ERROR_VALUE,
                       _("“%s” is not a number of points"), clean);
          return FALSE;
        }
      break;
    default:
      break;
    }

  before = snapshot (self);
  do
    {
      g_free (id);
      id = g_strdup_printf ("%s.p%u", result_id, n++);
    }
  while (contains_id (self->penalties, id));

  penalty = g_object_new (PD_TYPE_PENALTY, "id", id, "result-id", result_id, "kind", kind,
                          "time-ms", ms, "positions", count,
                          "points", (int) (points.num * 1000 / points.den),
                          "reason", reason != NULL && *reason != '\0' ? reason : NULL,
                          "document", document != NULL && *document != '\0' ? document : NULL, NULL);
  g_ptr_array_add (self->penalties, penalty);
  /* TRANSLATORS: an edit of a session's results, for undo: a kind of
   * penalty ("Time penalty"), then the car */
  description = g_strdup_printf (_("%s for car %s"), pd_penalty_kind_to_label (kind), car_of (result));
  return commit (self, before, description, NULL, error);
}

gboolean
pd_results_editor_remove_penalty (PdResultsEditor  *self,
                                  const char       *penalty_id,
                                  GError          **error)
{
  g_autofree char *before = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (PD_IS_RESULTS_EDITOR (self), FALSE);

  for (guint p = 0; p < self->penalties->len; p++)
    {
      PdPenalty *penalty = self->penalties->pdata[p];
      PdResult *result;

      if (!g_str_equal (pd_penalty_get_id (penalty), penalty_id))
        continue;
      result = find_result (self, pd_penalty_get_result_id (penalty), NULL);
      before = snapshot (self);
      /* TRANSLATORS: an edit of a session's results, for undo */
      description = g_strdup_printf (_("Penalty of car %s removed"), result != NULL ? car_of (result) : "");
      g_ptr_array_remove_index (self->penalties, p);
      return commit (self, before, description, NULL, error);
    }

  g_set_error (error, PD_RESULTS_EDITOR_ERROR, PD_RESULTS_EDITOR_ERROR_VALUE,
               _("The penalty “%s” is not in this session"), penalty_id);
  return FALSE;
}

/* An Al Kamel classification imported into the session, and logged. */
typedef struct {
  PdResultsEditor *self;
  const char      *file_name;
  const char      *data;
  gsize            length;
  const char      *before;
  guint            cars;
} ImportWork;

static gboolean
import_alkamel_cb (PdStore   *store,
                   gpointer   user_data,
                   GError   **error)
{
  ImportWork *work = user_data;
  PdResultsEditor *self = work->self;
  g_autoptr(PdRound) round = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autofree char *description = NULL;
  PdAlkamelStats stats = { 0 };
  gboolean ok;

  round = pd_store_get (store, PD_TYPE_ROUND, pd_session_get_round_id (self->session), error);
  if (round == NULL)
    return FALSE;
  ok = pd_alkamel_import (store, work->file_name, work->data, work->length, self->season_id,
                          pd_round_get_number (round), pd_session_get_name (self->session), &stats, error);
  work->cars = stats.cars;
  if (ok && g_strcmp0 (stats.session_id, pd_session_get_id (self->session)) != 0)
    {
      /* Only a round of a number the file can name is matched. */
      g_set_error (error, PD_RESULTS_EDITOR_ERROR, PD_RESULTS_EDITOR_ERROR_VALUE,
                   _("The classification could not be put in this session"));
      ok = FALSE;
    }
  pd_alkamel_stats_clear (&stats);
  if (!ok)
    return FALSE;

  /* New cars the file brought are now in the entry list. */
  entries = pd_store_list_entries (store, self->season_id, error);
  if (entries == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      PdEntry *entry = g_list_model_get_item (entries, i);
      g_hash_table_replace (self->entries, g_strdup (pd_entry_get_id (entry)), entry);
    }

  /* TRANSLATORS: an edit that can be undone: a file's name */
  description = g_strdup_printf (_("Import %s"), work->file_name);
  return load_state (self, error) && commit (self, work->before, description, NULL, error);
}

/**
 * pd_results_editor_import_alkamel:
 * @file_name: the file's name, for messages
 * @n_cars: (out) (optional): how many cars the file classified
 *
 * Imports an Al Kamel classification into the session as one edit (one
 * undo): its cars' results replace theirs, cars, teams and drivers not
 * known yet are added. A file that is not one changes nothing.
 */
gboolean
pd_results_editor_import_alkamel (PdResultsEditor  *self,
                                  const char       *file_name,
                                  const char       *data,
                                  gsize             length,
                                  guint            *n_cars,
                                  GError          **error)
{
  g_autofree char *before = NULL;
  ImportWork work = { self, file_name, data, length, NULL, 0 };

  g_return_val_if_fail (PD_IS_RESULTS_EDITOR (self), FALSE);

  before = snapshot (self);
  work.before = before;
  if (!pd_store_transaction (self->store, import_alkamel_cb, &work, error))
    {
      load_state (self, NULL);
      return FALSE;
    }
  if (n_cars != NULL)
    *n_cars = work.cars;
  return TRUE;
}

/**
 * pd_results_editor_apply_paste:
 * @paste: rows read by pd_paste_parse(), without problems
 * @add_missing: whether cars not in the entry list are added to it; if
 *   not, such a car is an error and nothing changes
 *
 * Puts pasted rows into the session as one edit (one undo): cars not
 * in it yet are added after the others in the pasted order (or at their
 * pasted position), and the values given replace the stored ones.
 */
gboolean
pd_results_editor_apply_paste (PdResultsEditor  *self,
                               const PdPaste    *paste,
                               gboolean          add_missing,
                               GError          **error)
{
  g_autofree char *before = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GPtrArray) new_entries = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (PD_IS_RESULTS_EDITOR (self), FALSE);
  g_return_val_if_fail (paste != NULL, FALSE);

  if (paste->problems->len > 0)
    {
      const PdPasteProblem *problem = paste->problems->pdata[0];
      g_set_error_literal (error, PD_RESULTS_EDITOR_ERROR, PD_RESULTS_EDITOR_ERROR_VALUE, problem->message);
      return FALSE;
    }

  for (guint i = 0; i < paste->rows->len; i++)
    {
      const PdPasteRow *row = paste->rows->pdata[i];

      if (entry_by_number (self, row->number) == NULL && !add_missing)
        {
          g_set_error (error, PD_RESULTS_EDITOR_ERROR, PD_RESULTS_EDITOR_ERROR_NO_CAR,
                       _("Car %s is not in the entry list"), row->number);
          return FALSE;
        }
    }

  before = snapshot (self);
  for (guint i = 0; i < paste->rows->len; i++)
    {
      const PdPasteRow *row = paste->rows->pdata[i];
      PdEntry *entry = entry_by_number (self, row->number);
      PdResult *result = NULL;
      guint index = 0;

      if (entry == NULL)
        {
          g_autofree char *slug = pd_make_id (row->number);
          g_autofree char *id = g_strdup_printf ("%s.%s", self->season_id, *slug != '\0' ? slug : "car");

          while (g_hash_table_contains (self->entries, id))
            {
              char *longer = g_strconcat (id, "-", NULL);
              g_free (id);
              id = longer;
            }
          entry = g_object_new (PD_TYPE_ENTRY, "id", id, "season-id", self->season_id, "number", row->number, NULL);
          g_hash_table_insert (self->entries, g_strdup (id), entry);
          g_ptr_array_add (new_entries, g_object_ref (entry));
        }

      for (guint r = 0; r < self->results->len && result == NULL; r++)
        if (g_str_equal (pd_result_get_entry_id (self->results->pdata[r]), pd_entry_get_id (entry)))
          {
            result = self->results->pdata[r];
            index = r;
          }
      if (result == NULL)
        {
          g_autofree char *slug = pd_make_id (row->number);
          g_autofree char *id = g_strdup_printf ("%s.%s", pd_session_get_id (self->session),
                                                 *slug != '\0' ? slug : "car");
          g_auto(GStrv) crew = crew_of (self, entry);

          while (find_result (self, id, NULL) != NULL)
            {
              char *longer = g_strconcat (id, "-", NULL);
              g_free (id);
              id = longer;
            }
          result = g_object_new (PD_TYPE_RESULT, "id", id, "session-id", pd_session_get_id (self->session),
                                 "entry-id", pd_entry_get_id (entry), "car-number", row->number,
                                 "driver-ids", crew, NULL);
          g_ptr_array_add (self->results, result);
          index = self->results->len - 1;
        }
      /* The pasted order is the order on the road. */
      if (row->position > 0 || paste->rows->len > 1)
        {
          guint to = row->position > 0 ? (guint) row->position - 1 : i;

          to = MIN (to, self->results->len - 1);
          g_object_ref (result);
          g_ptr_array_remove_index (self->results, index);
          g_ptr_array_insert (self->results, (int) to, result);
        }
      if (row->laps >= 0)
        pd_result_set_laps (result, row->laps);
      if (row->total_time_ms > 0)
        pd_result_set_total_time_ms (result, row->total_time_ms);
      if (row->best_lap_ms > 0)
        pd_result_set_best_lap_ms (result, row->best_lap_ms);
      if (row->has_status)
        pd_result_set_status (result, row->status);
    }

  /* TRANSLATORS: an edit of a session's results, for undo */
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row pasted", "%u rows pasted", paste->rows->len),
                                 paste->rows->len);
  /* The new cars are stored with the edit, in its transaction. */
  if (!commit (self, before, description, new_entries, error))
    {
      for (guint i = 0; i < new_entries->len; i++)
        g_hash_table_remove (self->entries, pd_entry_get_id (new_entries->pdata[i]));
      return FALSE;
    }
  return TRUE;
}

static gboolean
save_session_cb (PdStore   *store,
                 gpointer   user_data,
                 GError   **error)
{
  return pd_store_save (store, user_data, error);
}

/**
 * pd_results_editor_set_final:
 *
 * Marks the classification final, or provisional again.
 */
gboolean
pd_results_editor_set_final (PdResultsEditor  *self,
                             gboolean          final,
                             GError          **error)
{
  g_return_val_if_fail (PD_IS_RESULTS_EDITOR (self), FALSE);

  if (pd_session_get_final (self->session) == !!final)
    return TRUE;
  pd_session_set_final (self->session, final);
  if (!pd_store_transaction (self->store, save_session_cb, self->session, error))
    {
      pd_session_set_final (self->session, !final);
      return FALSE;
    }
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static PdEdit *
last_done (PdResultsEditor *self)
{
  for (guint i = self->edits->len; i > 0; i--)
    if (!pd_edit_get_undone (self->edits->pdata[i - 1]))
      return self->edits->pdata[i - 1];
  return NULL;
}

static PdEdit *
first_undone (PdResultsEditor *self)
{
  for (guint i = 0; i < self->edits->len; i++)
    if (pd_edit_get_undone (self->edits->pdata[i]))
      return self->edits->pdata[i];
  return NULL;
}

gboolean
pd_results_editor_can_undo (PdResultsEditor *self)
{
  g_return_val_if_fail (PD_IS_RESULTS_EDITOR (self), FALSE);

  return last_done (self) != NULL;
}

gboolean
pd_results_editor_can_redo (PdResultsEditor *self)
{
  g_return_val_if_fail (PD_IS_RESULTS_EDITOR (self), FALSE);

  return first_undone (self) != NULL;
}

/* Writes a kept state of the session back. */
static gboolean
restore (PdResultsEditor  *self,
         PdEdit           *edit,
         gboolean          undo,
         GError          **error)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) penalties = NULL;
  g_autoptr(PdEdit) marked = NULL;
  Write w;

  if (!read_snapshot (undo ? pd_edit_get_state_before (edit) : pd_edit_get_state_after (edit),
                      &results, &penalties, error))
    return FALSE;

  marked = g_object_new (PD_TYPE_EDIT, "id", pd_edit_get_id (edit), "session-id", pd_edit_get_session_id (edit),
                         "seq", pd_edit_get_seq (edit), "description", pd_edit_get_description (edit),
                         "undone", undo, "state-before", pd_edit_get_state_before (edit),
                         "state-after", pd_edit_get_state_after (edit), NULL);
  w = (Write) { self, results, penalties, marked, FALSE, NULL };
  if (!pd_store_transaction (self->store, write_cb, &w, error))
    return FALSE;

  /* As in commit(): the kept state is what the file holds now. */
  g_ptr_array_sort (results, compare_road);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->penalties, g_ptr_array_unref);
  self->results = g_steal_pointer (&results);
  self->penalties = g_steal_pointer (&penalties);
  for (guint i = 0; i < self->edits->len; i++)
    if (self->edits->pdata[i] == edit)
      {
        g_object_unref (self->edits->pdata[i]);
        self->edits->pdata[i] = g_steal_pointer (&marked);
        break;
      }
  remember_penalties (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/**
 * pd_results_editor_undo:
 *
 * Returns: whether the last edit was undone
 */
gboolean
pd_results_editor_undo (PdResultsEditor  *self,
                        GError          **error)
{
  PdEdit *edit;

  g_return_val_if_fail (PD_IS_RESULTS_EDITOR (self), FALSE);

  edit = last_done (self);
  if (edit == NULL)
    {
      g_set_error (error, PD_RESULTS_EDITOR_ERROR, PD_RESULTS_EDITOR_ERROR_NOTHING, _("Nothing to undo"));
      return FALSE;
    }
  return restore (self, edit, TRUE, error);
}

gboolean
pd_results_editor_redo (PdResultsEditor  *self,
                        GError          **error)
{
  PdEdit *edit;

  g_return_val_if_fail (PD_IS_RESULTS_EDITOR (self), FALSE);

  edit = first_undone (self);
  if (edit == NULL)
    {
      g_set_error (error, PD_RESULTS_EDITOR_ERROR, PD_RESULTS_EDITOR_ERROR_NOTHING, _("Nothing to redo"));
      return FALSE;
    }
  return restore (self, edit, FALSE, error);
}
