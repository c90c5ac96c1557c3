#pragma once

#include "pd-paste.h"
#include "pd-store.h"

G_BEGIN_DECLS

#define PD_RESULTS_EDITOR_ERROR (pd_results_editor_error_quark ())

typedef enum {
  PD_RESULTS_EDITOR_ERROR_VALUE,     /* a value that is not one: not saved */
  PD_RESULTS_EDITOR_ERROR_NO_CAR,    /* a car number not in the entry list */
  PD_RESULTS_EDITOR_ERROR_DUPLICATE, /* a car already in the session */
  PD_RESULTS_EDITOR_ERROR_NOTHING,   /* nothing to undo or redo */
} PdResultsEditorError;

typedef enum {
  PD_RESULTS_FIELD_LAPS,
  PD_RESULTS_FIELD_TIME,        /* race time, or a gap to the leader */
  PD_RESULTS_FIELD_BEST_LAP,
  PD_RESULTS_FIELD_GRID,
  PD_RESULTS_FIELD_STATUS,
} PdResultsField;

#define PD_TYPE_RESULTS_EDITOR (pd_results_editor_get_type ())
G_DECLARE_FINAL_TYPE (PdResultsEditor, pd_results_editor, PD, RESULTS_EDITOR, GObject)

GQuark           pd_results_editor_error_quark   (void);

PdResultsEditor *pd_results_editor_new           (PdStore          *store,
                                                  const char       *session_id,
                                                  GError          **error);
const char      *pd_results_editor_get_session_id (PdResultsEditor *self);
GPtrArray       *pd_results_editor_get_results   (PdResultsEditor  *self);
GPtrArray       *pd_results_editor_get_penalties (PdResultsEditor  *self,
                                                  const char       *result_id);
PdEntry         *pd_results_editor_get_entry     (PdResultsEditor  *self,
                                                  const char       *entry_id);
gboolean         pd_results_editor_get_final     (PdResultsEditor  *self);
gboolean         pd_results_editor_has_car_number (PdResultsEditor *self,
                                                  const char       *number);

gboolean         pd_results_editor_add_car       (PdResultsEditor  *self,
                                                  const char       *number,
                                                  GError          **error);
gboolean         pd_results_editor_add_new_car   (PdResultsEditor  *self,
                                                  const char       *number,
                                                  GError          **error);
gboolean         pd_results_editor_set_field     (PdResultsEditor  *self,
                                                  const char       *result_id,
                                                  PdResultsField    field,
                                                  const char       *text,
                                                  GError          **error);
gboolean         pd_results_editor_move          (PdResultsEditor  *self,
                                                  const char       *result_id,
                                                  guint             to_index,
                                                  GError          **error);
gboolean         pd_results_editor_remove        (PdResultsEditor  *self,
                                                  const char       *result_id,
                                                  GError          **error);
gboolean         pd_results_editor_add_penalty   (PdResultsEditor  *self,
                                                  const char       *result_id,
                                                  PdPenaltyKind     kind,
                                                  const char       *value,
                                                  const char       *reason,
                                                  const char       *document,
                                                  GError          **error);
gboolean         pd_results_editor_remove_penalty (PdResultsEditor *self,
                                                  const char       *penalty_id,
                                                  GError          **error);
gboolean         pd_results_editor_apply_paste   (PdResultsEditor  *self,
                                                  const PdPaste    *paste,
                                                  gboolean          add_missing,
                                                  GError          **error);
gboolean         pd_results_editor_import_alkamel (PdResultsEditor *self,
                                                  const char       *file_name,
                                                  const char       *data,
                                                  gsize             length,
                                                  guint            *n_cars,
                                                  GError          **error);
gboolean         pd_results_editor_set_final     (PdResultsEditor  *self,
                                                  gboolean          final,
                                                  GError          **error);

gboolean         pd_results_editor_can_undo      (PdResultsEditor  *self);
gboolean         pd_results_editor_can_redo      (PdResultsEditor  *self);
gboolean         pd_results_editor_undo          (PdResultsEditor  *self,
                                                  GError          **error);
gboolean         pd_results_editor_redo          (PdResultsEditor  *self,
                                                  GError          **error);

G_END_DECLS
