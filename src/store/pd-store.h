#pragma once

#include <gio/gio.h>

#include "pd-model-types.h"

G_BEGIN_DECLS

#define PD_STORE_ERROR (pd_store_error_quark ())

typedef enum {
  PD_STORE_ERROR_FAILED,
  PD_STORE_ERROR_NOT_PADDOCK,
  PD_STORE_ERROR_TOO_NEW,
  PD_STORE_ERROR_CORRUPT,
  PD_STORE_ERROR_BUSY,
  PD_STORE_ERROR_CONSTRAINT,
  PD_STORE_ERROR_NOT_FOUND,
} PdStoreError;

/* "PDK1": written to PRAGMA application_id so that a Paddock database can be
 * told from any other SQLite file without reading its tables. */
#define PD_STORE_APPLICATION_ID 0x50444b31

#define PD_TYPE_STORE (pd_store_get_type ())
G_DECLARE_FINAL_TYPE (PdStore, pd_store, PD, STORE, GObject)

/**
 * PdStoreSeedFunc:
 *
 * Called once, inside the transaction that creates a new database, to fill
 * it with its first content. Returning %FALSE rolls the creation back.
 */
typedef gboolean (*PdStoreSeedFunc) (PdStore   *store,
                                     gpointer   user_data,
                                     GError   **error);

typedef gboolean (*PdStoreTransactionFunc) (PdStore   *store,
                                            gpointer   user_data,
                                            GError   **error);

GQuark      pd_store_error_quark          (void);
char       *pd_store_resolve_path         (const char              *explicit_path);
int         pd_store_get_latest_version   (void);

PdStore    *pd_store_new                  (const char              *path,
                                           PdStoreSeedFunc          seed,
                                           gpointer                 seed_data,
                                           GError                 **error);
const char *pd_store_get_path             (PdStore                 *self);
int         pd_store_get_schema_version   (PdStore                 *self);
gboolean    pd_store_get_was_created      (PdStore                 *self);

gboolean    pd_store_transaction          (PdStore                 *self,
                                           PdStoreTransactionFunc   func,
                                           gpointer                 user_data,
                                           GError                 **error);

gboolean    pd_store_bulk_transaction     (PdStore                 *self,
                                           PdStoreTransactionFunc   func,
                                           gpointer                 user_data,
                                           GError                 **error);

gboolean    pd_store_save                 (PdStore                 *self,
                                           GObject                 *record,
                                           GError                 **error);
gboolean    pd_store_delete               (PdStore                 *self,
                                           GType                    record_type,
                                           const char              *id,
                                           GError                 **error);
gpointer    pd_store_get                  (PdStore                 *self,
                                           GType                    record_type,
                                           const char              *id,
                                           GError                 **error);

gpointer    pd_store_find                 (PdStore                 *self,
                                           GType                    record_type,
                                           const char              *id,
                                           GError                 **error);

GListModel *pd_store_list_seasons         (PdStore                 *self,
                                           GError                 **error);
GListModel *pd_store_list_rounds          (PdStore                 *self,
                                           const char              *season_id,
                                           GError                 **error);
GListModel *pd_store_list_sessions        (PdStore                 *self,
                                           const char              *round_id,
                                           GError                 **error);
GListModel *pd_store_list_season_sessions (PdStore                 *self,
                                           const char              *season_id,
                                           GError                 **error);
GListModel *pd_store_list_classes         (PdStore                 *self,
                                           const char              *season_id,
                                           GError                 **error);
GListModel *pd_store_list_entries         (PdStore                 *self,
                                           const char              *season_id,
                                           GError                 **error);
GListModel *pd_store_list_results         (PdStore                 *self,
                                           const char              *session_id,
                                           GError                 **error);
GListModel *pd_store_list_season_results  (PdStore                 *self,
                                           const char              *season_id,
                                           GError                 **error);
GHashTable *pd_store_list_sessions_with_results (PdStore           *self,
                                                 const char        *season_id,
                                                 GError           **error);
GListModel *pd_store_list_penalties       (PdStore                 *self,
                                           const char              *result_id,
                                           GError                 **error);
GListModel *pd_store_list_season_penalties (PdStore                *self,
                                           const char              *season_id,
                                           GError                 **error);
GListModel *pd_store_list_season_points_penalties (PdStore         *self,
                                           const char              *season_id,
                                           GError                 **error);
GListModel *pd_store_list_edits           (PdStore                 *self,
                                           const char              *session_id,
                                           GError                 **error);
GHashTable *pd_store_list_round_crews     (PdStore                 *self,
                                           const char              *entry_id,
                                           GError                 **error);
gboolean    pd_store_set_round_crew       (PdStore                 *self,
                                           const char              *entry_id,
                                           const char              *round_id,
                                           const char * const      *driver_ids,
                                           GError                 **error);

/*
 * Records as plain rows instead of a GObject per record, for work over
 * thousands: reading a season for scoring, where strings and lists are
 * borrowed (valid until the callback returns), and saving what an import
 * writes most.
 */
typedef struct {
  const char    *id;
  int            number;
  PdRoundStatus  status;
} PdStoreRoundRow;

typedef struct {
  const char      *id;
  const char      *round_id;
  PdSessionKind    kind;
  PdSessionStatus  status;
} PdStoreSessionRow;

typedef struct {
  const char         *id;
  const char         *season_id;
  const char         *team_id;
  const char         *class_id;
  const char         *number;
  const char         *car_model;
  const char * const *crew_ids;       /* the default crew, never NULL */
} PdStoreEntryRow;

typedef struct {
  const char         *id;
  const char         *session_id;
  const char         *entry_id;
  PdResultStatus      status;
  int                 laps;           /* -1 when not known */
  gint64              total_time_ms;  /* -1 when not known */
  int                 grid;
  int                 position;
  int                 class_position;
  gboolean            fastest_lap;
  const char         *car_number;
  const char * const *driver_ids;     /* never NULL when read */
  /* Saved, but not read by pd_store_read_season(): scoring has no use
   * for them. */
  gint64              best_lap_ms;    /* -1 when not known */
  int                 road_position;
  const char         *note;
} PdStoreResultRow;

typedef struct {
  gboolean (*round)   (const PdStoreRoundRow   *row,
                       gpointer                 user_data,
                       GError                 **error);
  gboolean (*session) (const PdStoreSessionRow *row,
                       gpointer                 user_data,
                       GError                 **error);
  gboolean (*entry)   (const PdStoreEntryRow   *row,
                       gpointer                 user_data,
                       GError                 **error);
  gboolean (*result)  (const PdStoreResultRow  *row,
                       gpointer                 user_data,
                       GError                 **error);
  /* NULL: the results of every session; or the kinds of session whose
   * results are read, as their nicks between commas (",race,sprint,"). */
  const char *session_kinds;
  /* NULL: the results of every session; or the one session whose
   * results are read. */
  const char *session_id;
} PdStoreSeasonReader;

gboolean    pd_store_save_entry_row       (PdStore                    *self,
                                           const PdStoreEntryRow      *row,
                                           GError                    **error);
gboolean    pd_store_save_result_row      (PdStore                    *self,
                                           const PdStoreResultRow     *row,
                                           GError                    **error);
gboolean    pd_store_read_season          (PdStore                    *self,
                                           const char                 *season_id,
                                           const PdStoreSeasonReader  *reader,
                                           gpointer                    user_data,
                                           GError                    **error);

G_END_DECLS
