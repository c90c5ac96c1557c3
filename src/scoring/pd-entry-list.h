#pragma once

#include "pd-store.h"

G_BEGIN_DECLS

#define PD_ENTRY_LIST_ERROR (pd_entry_list_error_quark ())

typedef enum {
  PD_ENTRY_LIST_ERROR_VALUE,       /* a value that is not one: nothing changed */
  PD_ENTRY_LIST_ERROR_DUPLICATE,   /* a car number used twice, a driver twice in a crew */
  PD_ENTRY_LIST_ERROR_HAS_RESULTS, /* a car with results cannot be removed */
  PD_ENTRY_LIST_ERROR_NOTHING,     /* nothing to undo or redo */
} PdEntryListError;

#define PD_TYPE_ENTRY_LIST (pd_entry_list_get_type ())
G_DECLARE_FINAL_TYPE (PdEntryList, pd_entry_list, PD, ENTRY_LIST, GObject)

GQuark       pd_entry_list_error_quark  (void);

PdEntryList *pd_entry_list_new          (PdStore      *store,
                                         const char   *season_id,
                                         GError      **error);
const char  *pd_entry_list_get_season_id (PdEntryList *self);
GPtrArray   *pd_entry_list_get_entries  (PdEntryList  *self);
PdEntry     *pd_entry_list_get_entry    (PdEntryList  *self,
                                         const char   *entry_id);
PdTeam      *pd_entry_list_get_team     (PdEntryList  *self,
                                         const char   *team_id);
PdDriver    *pd_entry_list_get_driver   (PdEntryList  *self,
                                         const char   *driver_id);
char       **pd_entry_list_get_crew     (PdEntryList  *self,
                                         const char   *entry_id,
                                         const char   *round_id);
gboolean     pd_entry_list_has_round_crew (PdEntryList *self,
                                         const char   *entry_id,
                                         const char   *round_id);

char        *pd_entry_list_add_car      (PdEntryList  *self,
                                         const char   *number,
                                         GError      **error);
gboolean     pd_entry_list_set_number   (PdEntryList  *self,
                                         const char   *entry_id,
                                         const char   *number,
                                         GError      **error);
gboolean     pd_entry_list_set_team     (PdEntryList  *self,
                                         const char   *entry_id,
                                         const char   *team_name,
                                         GError      **error);
gboolean     pd_entry_list_set_car_model (PdEntryList *self,
                                         const char   *entry_id,
                                         const char   *car_model,
                                         GError      **error);
gboolean     pd_entry_list_set_class    (PdEntryList  *self,
                                         const char   *entry_id,
                                         const char   *class_id,
                                         GError      **error);
char        *pd_entry_list_add_driver   (PdEntryList  *self,
                                         const char   *entry_id,
                                         const char   *round_id,
                                         const char   *name,
                                         GError      **error);
gboolean     pd_entry_list_remove_driver (PdEntryList *self,
                                         const char   *entry_id,
                                         const char   *round_id,
                                         const char   *driver_id,
                                         GError      **error);
gboolean     pd_entry_list_reset_round_crew (PdEntryList *self,
                                         const char   *entry_id,
                                         const char   *round_id,
                                         GError      **error);
gboolean     pd_entry_list_set_nationality (PdEntryList *self,
                                         const char   *driver_id,
                                         const char   *code,
                                         GError      **error);
gboolean     pd_entry_list_set_grading  (PdEntryList  *self,
                                         const char   *driver_id,
                                         PdGrading     grading,
                                         GError      **error);
gboolean     pd_entry_list_remove_car   (PdEntryList  *self,
                                         const char   *entry_id,
                                         GError      **error);

gboolean     pd_entry_list_can_undo     (PdEntryList  *self);
gboolean     pd_entry_list_can_redo     (PdEntryList  *self);
const char  *pd_entry_list_get_undo_description (PdEntryList *self);
gboolean     pd_entry_list_undo         (PdEntryList  *self,
                                         GError      **error);
gboolean     pd_entry_list_redo         (PdEntryList  *self,
                                         GError      **error);

G_END_DECLS
