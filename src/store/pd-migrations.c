#define G_LOG_DOMAIN "paddock-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-store-private.h"

/*
 * The schema, as an ordered list of steps. Step N takes a database from
 * PRAGMA user_version N to N + 1. A step is never edited once it has been
 * released: a change to the schema is a new step at the end.
 *
 * Conventions the generic row mapper in pd-store.c relies on: a record
 * type PdFooBar is kept in table "foo_bar", with one column per property
 * (dashes become underscores), "id" as the primary key; enums are stored as
 * their nicks, instants as Unix seconds (UTC), and "not known" as NULL.
 */
static const char * const migrations[] = {
  /* 0 → 1: the first schema. */
  "PRAGMA application_id = 1346652977;\n" /* PD_STORE_APPLICATION_ID */
  "CREATE TABLE series (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  name TEXT NOT NULL,\n"
  "  short_name TEXT);\n"
  "CREATE TABLE season (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  series_id TEXT REFERENCES series (id),\n"
  "  name TEXT NOT NULL,\n"
  "  year INTEGER,\n"
  "  rules_id TEXT);\n"
  "CREATE TABLE circuit (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  name TEXT NOT NULL,\n"
  "  locality TEXT,\n"
  "  country TEXT,\n"
  "  country_code TEXT,\n"
  "  zone TEXT NOT NULL,\n"
  "  length_m INTEGER CHECK (length_m IS NULL OR length_m > 0),\n"
  "  turns INTEGER CHECK (turns IS NULL OR turns > 0),\n"
  "  latitude REAL,\n"
  "  longitude REAL);\n"
  "CREATE TABLE round (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  season_id TEXT NOT NULL REFERENCES season (id) ON DELETE CASCADE,\n"
  "  number INTEGER,\n"
  "  name TEXT NOT NULL,\n"
  "  circuit_id TEXT REFERENCES circuit (id),\n"
  "  start_date TEXT,\n"
  "  end_date TEXT,\n"
  "  status TEXT NOT NULL DEFAULT 'scheduled',\n"
  "  field_size INTEGER,\n"
  "  note TEXT);\n"
  "CREATE INDEX round_season ON round (season_id);\n"
  "CREATE TABLE session (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  round_id TEXT NOT NULL REFERENCES round (id) ON DELETE CASCADE,\n"
  "  kind TEXT NOT NULL,\n"
  "  name TEXT NOT NULL,\n"
  "  position INTEGER,\n"
  "  start_utc INTEGER,\n"
  "  start_date TEXT,\n"
  "  duration_min INTEGER,\n"
  "  driver_change INTEGER NOT NULL DEFAULT 0,\n"
  "  status TEXT NOT NULL DEFAULT 'scheduled');\n"
  "CREATE INDEX session_round ON session (round_id);\n"
  "CREATE TABLE class (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  season_id TEXT NOT NULL REFERENCES season (id) ON DELETE CASCADE,\n"
  "  name TEXT NOT NULL,\n"
  "  position INTEGER);\n"
  "CREATE TABLE team (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  name TEXT NOT NULL,\n"
  "  nationality TEXT);\n"
  "CREATE TABLE driver (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  first_name TEXT,\n"
  "  last_name TEXT NOT NULL,\n"
  "  nationality TEXT,\n"
  "  grading TEXT NOT NULL DEFAULT 'none');\n"
  "CREATE TABLE entry (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  season_id TEXT NOT NULL REFERENCES season (id) ON DELETE CASCADE,\n"
  "  number TEXT,\n"
  "  team_id TEXT REFERENCES team (id),\n"
  "  class_id TEXT REFERENCES class (id),\n"
  "  car_model TEXT);\n"
  /* A car number is used once in a season. */
  "CREATE UNIQUE INDEX entry_number ON entry (season_id, number) WHERE number IS NOT NULL;\n"
  /* The crew of a car: the default crew has no round; a crew that changes
   * for one round is kept under that round. */
  "CREATE TABLE entry_crew (\n"
  "  entry_id TEXT NOT NULL REFERENCES entry (id) ON DELETE CASCADE,\n"
  "  round_id TEXT REFERENCES round (id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL,\n"
  "  driver_id TEXT NOT NULL REFERENCES driver (id));\n"
  "CREATE UNIQUE INDEX entry_crew_key ON entry_crew (entry_id, ifnull (round_id, ''), position);\n"
  "CREATE TABLE result (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  session_id TEXT NOT NULL REFERENCES session (id) ON DELETE CASCADE,\n"
  "  entry_id TEXT NOT NULL REFERENCES entry (id) ON DELETE CASCADE,\n"
  "  status TEXT NOT NULL DEFAULT 'classified',\n"
  "  laps INTEGER,\n"
  "  total_time_ms INTEGER,\n"
  "  best_lap_ms INTEGER,\n"
  "  grid INTEGER,\n"
  "  position INTEGER,\n"
  "  class_position INTEGER,\n"
  "  road_position INTEGER,\n"
  "  note TEXT);\n"
  /* Not unique per entry: in early Formula 1 a driver could drive two
   * cars of one team in one race, each result of their own. */
  "CREATE INDEX result_session ON result (session_id);\n"
  "CREATE TABLE result_driver (\n"
  "  result_id TEXT NOT NULL REFERENCES result (id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL,\n"
  "  driver_id TEXT NOT NULL REFERENCES driver (id),\n"
  "  PRIMARY KEY (result_id, position));\n"
  "CREATE TABLE penalty (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  result_id TEXT NOT NULL REFERENCES result (id) ON DELETE CASCADE,\n"
  "  kind TEXT NOT NULL,\n"
  "  time_ms INTEGER,\n"
  "  positions INTEGER,\n"
  "  points INTEGER,\n"
  "  reason TEXT,\n"
  "  document TEXT);\n"
  "CREATE INDEX penalty_result ON penalty (result_id);\n",

  /* 1 → 2: what scoring needs from history. Early Formula 1 cars changed
   * numbers from race to race and were shared by drivers, each of whom has
   * a result of their own; the fastest lap scored a point in some eras. */
  "ALTER TABLE result ADD COLUMN car_number TEXT;\n"
  "ALTER TABLE result ADD COLUMN fastest_lap INTEGER NOT NULL DEFAULT 0;\n",

  /* 2 → 3: a season's own points rules, edited from a preset. */
  "ALTER TABLE season ADD COLUMN rules TEXT;\n",

  /* 3 → 4: results entered in the app: provisional or final, and every
   * edit kept so that it can be undone, also after a restart. */
  "ALTER TABLE session ADD COLUMN final INTEGER NOT NULL DEFAULT 0;\n"
  "CREATE TABLE edit (\n"
  "  id TEXT PRIMARY KEY NOT NULL,\n"
  "  session_id TEXT NOT NULL REFERENCES session (id) ON DELETE CASCADE,\n"
  "  seq INTEGER NOT NULL,\n"
  "  description TEXT,\n"
  "  undone INTEGER NOT NULL DEFAULT 0,\n"
  "  state_before TEXT,\n"
  "  state_after TEXT);\n"
  "CREATE UNIQUE INDEX edit_session ON edit (session_id, seq);\n",

  /* 4 → 5: speed over a whole season's results. A season's entries by
   * an index of their own, not a scan of every season's; the drivers of
   * a result kept in the order of its key, without a rowid, so that
   * reading or writing one is one b-tree, not two. Nothing references
   * result_driver, so it can be rebuilt. */
  "CREATE INDEX entry_season ON entry (season_id);\n"
  "CREATE TABLE result_driver_new (\n"
  "  result_id TEXT NOT NULL REFERENCES result (id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL,\n"
  "  driver_id TEXT NOT NULL REFERENCES driver (id),\n"
  "  PRIMARY KEY (result_id, position)) WITHOUT ROWID;\n"
  "INSERT INTO result_driver_new (result_id, position, driver_id)\n"
  "  SELECT result_id, position, driver_id FROM result_driver;\n"
  "DROP TABLE result_driver;\n"
  "ALTER TABLE result_driver_new RENAME TO result_driver;\n",

  /* 5 → 6: a session's revision, the SEQUENCE of its iCalendar event,
   * raised whenever its time, day, duration or status changes, whoever
   * writes it (NULL is 0, as for every int of the row mapper). The
   * upsert of pd_store_save() writes the record's own value, which may
   * be older than the stored one: the trigger keeps the larger and adds
   * one for a change. Triggers do not recurse. */
  "ALTER TABLE session ADD COLUMN sequence INTEGER;\n"
  "CREATE TRIGGER session_sequence AFTER UPDATE ON session\n"
  "WHEN old.start_utc IS NOT new.start_utc OR old.start_date IS NOT new.start_date\n"
  "  OR old.duration_min IS NOT new.duration_min OR old.status IS NOT new.status\n"
  "  OR ifnull (new.sequence, 0) < ifnull (old.sequence, 0)\n"
  "BEGIN\n"
  "  UPDATE session SET sequence = max (ifnull (old.sequence, 0), ifnull (new.sequence, 0))\n"
  "    + (old.start_utc IS NOT new.start_utc OR old.start_date IS NOT new.start_date\n"
  "       OR old.duration_min IS NOT new.duration_min OR old.status IS NOT new.status)\n"
  "  WHERE id = new.id;\n"
  "END;\n",

  /* 6 → 7: seasons that follow a feed (a URL of a Paddock season file,
   * an iCalendar or a sportstimes calendar). The feed's row keeps what
   * the conditional requests need, when it was last tried and why that
   * failed, and the base: the values the last refresh took from the
   * feed, against which a local edit is told from a change in the feed.
   * What each refresh changed is kept until the user has seen it, and a
   * field changed both here and there waits for the user's choice. */
  "CREATE TABLE feed (\n"
  "  season_id TEXT PRIMARY KEY NOT NULL REFERENCES season (id) ON DELETE CASCADE,\n"
  "  url TEXT NOT NULL,\n"
  "  format TEXT,\n"
  "  etag TEXT,\n"
  "  last_modified TEXT,\n"
  "  checked_at TEXT,\n"
  "  refreshed_at TEXT,\n"
  "  error TEXT,\n"
  "  base TEXT);\n"
  "CREATE TABLE feed_change (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  season_id TEXT NOT NULL REFERENCES season (id) ON DELETE CASCADE,\n"
  "  at TEXT NOT NULL,\n"
  "  kind TEXT NOT NULL,\n"
  "  record_type TEXT NOT NULL,\n"
  "  record_id TEXT NOT NULL,\n"
  "  field TEXT,\n"
  "  before TEXT,\n"
  "  after TEXT,\n"
  "  label TEXT,\n"
  "  seen INTEGER NOT NULL DEFAULT 0);\n"
  "CREATE INDEX feed_change_season ON feed_change (season_id, seen);\n"
  "CREATE TABLE feed_conflict (\n"
  "  season_id TEXT NOT NULL REFERENCES season (id) ON DELETE CASCADE,\n"
  "  record_type TEXT NOT NULL,\n"
  "  record_id TEXT NOT NULL,\n"
  "  field TEXT NOT NULL,\n"
  "  local TEXT,\n"
  "  remote TEXT,\n"
  "  label TEXT,\n"
  "  at TEXT NOT NULL,\n"
  "  PRIMARY KEY (season_id, record_type, record_id, field)) WITHOUT ROWID;\n",

  /* 7 → 8: a result's drivers also in its own row, their ids joined by
   * U+001F in driving order, written with it (pd-store.c): reading a
   * season's results with their drivers is then one walk, not two.
   * result_driver stays, for the foreign keys and the queries by driver. */
  "ALTER TABLE result ADD COLUMN driver_list TEXT;\n"
  "UPDATE result SET driver_list = ifnull ((SELECT group_concat (driver_id, char (31)) FROM\n"
  "  (SELECT driver_id FROM result_driver WHERE result_id = result.id ORDER BY position)), '');\n",

  /* 8 → 9: a result's drivers only in its own row. The link table cost
   * every result saved a second write per driver, into a b-tree of its
   * own, and nothing reads it any more. What its foreign keys kept is
   * kept by the store (a driver named must exist when a result is saved)
   * and by a trigger: a driver named by a result cannot be deleted. */
  "UPDATE result SET driver_list = ifnull ((SELECT group_concat (driver_id, char (31)) FROM\n"
  "  (SELECT driver_id FROM result_driver WHERE result_id = result.id ORDER BY position)), '')\n"
  "  WHERE driver_list IS NULL;\n"
  "DROP TABLE result_driver;\n"
  "CREATE TRIGGER driver_in_result BEFORE DELETE ON driver\n"
  "WHEN EXISTS (SELECT 1 FROM result WHERE instr (char (31) || driver_list || char (31),\n"
  "                                               char (31) || old.id || char (31)) > 0)\n"
  "BEGIN\n"
  "  SELECT RAISE (ABORT, 'FOREIGN KEY constraint failed');\n"
  "END;\n",
};

int
pd_store_get_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

static int
read_user_version (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return version;
}

/**
 * pd_store_migrate_db:
 * @db: an open database, inside a write transaction
 * @target_version: the version to reach, at most the latest
 *
 * Applies the migration steps from the database's current version up to
 * @target_version. The caller owns the transaction, so a failed step leaves
 * nothing behind once the caller rolls back.
 */
gboolean
pd_store_migrate_db (sqlite3  *db,
                     int       target_version,
                     GError  **error)
{
  int version = read_user_version (db);

  g_return_val_if_fail (target_version <= (int) G_N_ELEMENTS (migrations), FALSE);

  if (version < 0)
    {
      g_set_error (error, PD_STORE_ERROR, PD_STORE_ERROR_FAILED,
                   _("Could not read the database version: %s"), sqlite3_errmsg (db));
      return FALSE;
    }

  for (; version < target_version; version++)
    {
      g_autofree char *set_version = NULL;
      char *msg = NULL;

      if (sqlite3_exec (db, migrations[version], NULL, NULL, &msg) != SQLITE_OK)
        {
          g_set_error (error, PD_STORE_ERROR, PD_STORE_ERROR_FAILED,
                       _("Could not upgrade the database to version %d: %s"),
                       version + 1, msg != NULL ? msg : sqlite3_errmsg (db));
          sqlite3_free (msg);
          return FALSE;
        }

      set_version = g_strdup_printf ("PRAGMA user_version = %d", version + 1);
      if (sqlite3_exec (db, set_version, NULL, NULL, NULL) != SQLITE_OK)
        {
          g_set_error (error, PD_STORE_ERROR, PD_STORE_ERROR_FAILED,
                       _("Could not upgrade the database to version %d: %s"),
                       version + 1, sqlite3_errmsg (db));
          return FALSE;
        }
    }

  return TRUE;
}
