#define G_LOG_DOMAIN "paddock-sheet"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pd-results-sheet.h"
#include "pd-results-table.h"
#include "pd-schedule.h"
#include "pd-sheet-private.h"
#include "pd-timing.h"

/*
 * A session's classification as the sheet the timekeepers post: the
 * series and season, the round, the session, the track, the day and
 * whether the classification is provisional or final above one row per
 * car: position overall and in its class, number, drivers, team, car,
 * laps, time, the gaps to the winner and to the car ahead ("+1 lap" for
 * a lapped car), best lap (the fastest in bold), status, and a mark
 * ("[1]") for a note below the table that gives the car's penalties
 * (kind, value, reason, document) and what else the result notes.
 *
 * The times shown are the times the classification orders by: a time
 * penalty is added to the car's race time, as pd-classification.c adds
 * it, so the gaps agree with the positions.
 *
 * Laid out and drawn by the sheets' page engine (pd-sheet.c), so the PDF
 * export and printing give the same pages.
 */

#define DRIVERS_WIDTH_MAX 200.0
#define TEAM_WIDTH_MAX    120.0
#define CAR_WIDTH_MAX     100.0

enum {
  FIELD_POSITION,
  FIELD_NUMBER,
  FIELD_CLASS,
  FIELD_CLASS_POSITION,
  FIELD_DRIVERS,
  FIELD_TEAM,
  FIELD_CAR,
  FIELD_LAPS,
  FIELD_TIME,
  FIELD_GAP,
  FIELD_INTERVAL,
  FIELD_BEST_LAP,
  FIELD_STATUS,
  FIELD_NOTE,
  N_FIELDS
};

typedef struct {
  char     *fields[N_FIELDS];
  gboolean  fastest;          /* the best lap is the session's fastest */
} SheetRow;

typedef struct {
  PdSheet    parent;
  char      *subtitle;
  char      *details;         /* the track, the day, the length */
  char      *state;           /* "Final classification" */
  char      *legend;
  char      *fastest;         /* "Fastest lap: ..." or NULL */
  GPtrArray *rows;            /* SheetRow */
  GPtrArray *notes;           /* char *: "[1] #89 ...: ..." */
} PdResultsSheet;

static void
sheet_row_free (gpointer data)
{
  SheetRow *row = data;

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (row->fields[i]);
  g_free (row);
}

static void
results_sheet_free (PdSheet *sheet)
{
  PdResultsSheet *self = (PdResultsSheet *) sheet;

  g_free (self->subtitle);
  g_free (self->details);
  g_free (self->state);
  g_free (self->legend);
  g_free (self->fastest);
  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->notes);
}

/* ---------------------------------------------------------------------- */
/* The sheet's contents */

/* The time the classification orders by: the race time with the time
 * penalties added; -1 when not known. */
static gint64
classified_time (PdResultRow *row)
{
  gint64 time = pd_result_get_total_time_ms (row->result);

  if (time <= 0)
    return -1;
  for (guint p = 0; p < row->penalties->len; p++)
    if (pd_penalty_get_kind (row->penalties->pdata[p]) == PD_PENALTY_KIND_TIME)
      time += MAX (0, pd_penalty_get_time_ms (row->penalties->pdata[p]));
  return time;
}

/* Whether a car has a gap to show: it took part and was not thrown out. */
static gboolean
has_gap (PdResultRow *row)
{
  switch (pd_result_get_status (row->result))
    {
    case PD_RESULT_STATUS_DNS:
    case PD_RESULT_STATUS_DSQ:
    case PD_RESULT_STATUS_EXCLUDED:
      return FALSE;
    default:
      return TRUE;
    }
}

/* The gap of @row behind @ahead: in laps when it has done fewer, else in
 * time (race time in a race, best lap in practice and qualifying); NULL
 * when it cannot be told. */
static char *
gap_text (PdResultRow *ahead,
          PdResultRow *row,
          gboolean     race)
{
  PdGap gap = { FALSE, 0 };

  if (ahead == NULL || row == NULL || !has_gap (ahead) || !has_gap (row))
    return NULL;

  if (race)
    {
      int ahead_laps = pd_result_get_laps (ahead->result), laps = pd_result_get_laps (row->result);
      gint64 ahead_time = classified_time (ahead), time = classified_time (row);

      if (ahead_laps >= 0 && laps >= 0 && laps < ahead_laps)
        {
          gap.laps = TRUE;
          gap.value = ahead_laps - laps;
        }
      else if (ahead_time > 0 && time >= ahead_time && (ahead_laps < 0 || laps < 0 || laps == ahead_laps))
        gap.value = time - ahead_time;
      else
        return NULL;
    }
  else
    {
      gint64 ahead_best = pd_result_get_best_lap_ms (ahead->result), best = pd_result_get_best_lap_ms (row->result);

      if (ahead_best <= 0 || best < ahead_best)
        return NULL;
      gap.value = best - ahead_best;
    }
  return pd_timing_format_gap (gap);
}

/* "#89 Andreas Bäckman / Jessica Bäckman", or the names alone. */
static char *
car_label (PdResultRow *row)
{
  g_autofree char *drivers = g_strjoinv (" / ", row->driver_names);

  if (*row->number == '\0')
    return g_steal_pointer (&drivers);
  return g_strdup_printf ("#%s %s", row->number, drivers);
}

/* The rows with the session's fastest lap: those marked so, else those
 * with the shortest best lap. */
static GHashTable *
fastest_rows (GPtrArray *rows)
{
  GHashTable *fastest = g_hash_table_new (NULL, NULL);
  gint64 shortest = G_MAXINT64;

  for (guint i = 0; i < rows->len; i++)
    {
      PdResultRow *row = rows->pdata[i];

      if (pd_result_get_fastest_lap (row->result))
        g_hash_table_add (fastest, row);
      if (pd_result_get_best_lap_ms (row->result) > 0)
        shortest = MIN (shortest, pd_result_get_best_lap_ms (row->result));
    }
  if (g_hash_table_size (fastest) == 0)
    for (guint i = 0; i < rows->len; i++)
      {
        PdResultRow *row = rows->pdata[i];

        if (pd_result_get_best_lap_ms (row->result) == shortest)
          g_hash_table_add (fastest, row);
      }
  return fastest;
}

static char *
number_text (int value)
{
  return value > 0 ? g_strdup_printf ("%d", value) : NULL;
}

static char *
time_text (gint64 ms)
{
  return ms > 0 ? pd_timing_format_time (ms) : NULL;
}

/* Where and when: "Circuit de Spa-Francorchamps, Stavelot, Belgium ·
 * 2 July 2023 at 14:30 CEST · 60 minutes". */
static char *
describe_session (PdStore   *store,
                  PdRound   *round,
                  PdSession *session)
{
  g_autoptr(PdCircuit) circuit = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *day = NULL;
  GDateTime *start = pd_session_get_start_utc (session);

  if (pd_round_get_circuit_id (round) != NULL)
    circuit = pd_store_get (store, PD_TYPE_CIRCUIT, pd_round_get_circuit_id (round), NULL);
  if (circuit != NULL)
    {
      const char *place[] = { pd_circuit_get_name (circuit), pd_circuit_get_locality (circuit),
                              pd_circuit_get_country (circuit) };
      g_autoptr(GString) track = g_string_new (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (place); i++)
        {
          if (place[i] == NULL || *place[i] == '\0')
            continue;
          if (track->len > 0)
            /* TRANSLATORS: the separator in a list of names: "Race 1, Race 2" */
            g_string_append (track, _(", "));
          g_string_append (track, place[i]);
        }
      if (track->len > 0)
        g_ptr_array_add (parts, g_string_free (g_steal_pointer (&track), FALSE));
    }

  day = pd_sheet_format_date (pd_session_get_start_date (session));
  if (start != NULL && circuit != NULL && pd_circuit_get_zone (circuit) != NULL)
    {
      g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (pd_circuit_get_zone (circuit));
      g_autoptr(GDateTime) local = zone != NULL ? g_date_time_to_timezone (start, zone) : NULL;

      if (local != NULL)
        {
          g_autofree char *clock = pd_format_clock (start, zone);

          if (day == NULL)
            day = pd_sheet_format_day (local);
          /* TRANSLATORS: a session's day and its start at the track, such as "2 July 2023 at 14:30 CEST" */
          g_ptr_array_add (parts, g_strdup_printf (_("%s at %s"), day, clock));
          g_clear_pointer (&day, g_free);
        }
    }
  if (day != NULL)
    g_ptr_array_add (parts, g_steal_pointer (&day));

  if (pd_session_get_duration_min (session) > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes",
                                                          pd_session_get_duration_min (session)),
                                             pd_session_get_duration_min (session)));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

/* "Round 3, Spa-Francorchamps: Race 2"; "Round 3: Race 2" for a round
 * without a name of its own (an import names it "Round 3"). */
static char *
describe_round (PdRound    *round,
                const char *session_name)
{
  int number = pd_round_get_number (round);
  const char *name = pd_round_get_name (round);
  /* TRANSLATORS: the name of a round created by an import, such as "Round 3" */
  g_autofree char *plain = g_strdup_printf (_("Round %d"), number);

  if (number > 0 && (name == NULL || *name == '\0' || g_str_equal (name, plain)))
    /* TRANSLATORS: a session's classification sheet: "Round 3: Race 2" */
    return g_strdup_printf (_("Round %d: %s"), number, session_name);
  if (number > 0)
    /* TRANSLATORS: a session's classification sheet: "Round 3, Spa-Francorchamps: Race 2" */
    return g_strdup_printf (_("Round %d, %s: %s"), number, name, session_name);
  /* TRANSLATORS: the classification sheet of a session of an event outside the championship */
  return g_strdup_printf (_("%s: %s"), name != NULL ? name : "", session_name);
}

static SheetRow *
sheet_row_new (PdResultRow *row,
               PdResultRow *leader,
               PdResultRow *ahead,
               gboolean     race)
{
  SheetRow *sheet_row = g_new0 (SheetRow, 1);
  PdResult *result = row->result;
  PdResultStatus status = pd_result_get_status (result);
  char **fields = sheet_row->fields;

  fields[FIELD_POSITION] = number_text (pd_result_get_position (result));
  fields[FIELD_NUMBER] = g_strdup (row->number);
  fields[FIELD_CLASS] = g_strdup (row->class_name);
  fields[FIELD_CLASS_POSITION] = number_text (pd_result_get_class_position (result));
  fields[FIELD_DRIVERS] = g_strjoinv (" / ", row->driver_names);
  fields[FIELD_TEAM] = g_strdup (row->team_name);
  fields[FIELD_CAR] = g_strdup (row->car_model);
  if (pd_result_get_laps (result) >= 0 && status != PD_RESULT_STATUS_DNS)
    fields[FIELD_LAPS] = g_strdup_printf ("%d", pd_result_get_laps (result));
  if (race && has_gap (row))
    fields[FIELD_TIME] = time_text (classified_time (row));
  if (row != leader)
    {
      fields[FIELD_GAP] = gap_text (leader, row, race);
      fields[FIELD_INTERVAL] = gap_text (ahead, row, race);
    }
  fields[FIELD_BEST_LAP] = time_text (pd_result_get_best_lap_ms (result));
  if (status != PD_RESULT_STATUS_CLASSIFIED)
    fields[FIELD_STATUS] = g_strdup (pd_result_status_to_label (status));
  return sheet_row;
}

static void
add_rows (PdResultsSheet *self,
          GPtrArray      *rows,
          gboolean        race)
{
  g_autoptr(GHashTable) fastest = fastest_rows (rows);
  PdResultRow *leader = NULL, *ahead = NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      PdResultRow *row = rows->pdata[i];
      SheetRow *sheet_row;
      g_autofree char *notes = pd_result_describe_notes (row->result, row->penalties);

      /* The winner: the first car with something to measure gaps by. */
      if (leader == NULL && has_gap (row))
        leader = row;
      sheet_row = sheet_row_new (row, leader, ahead, race);
      g_ptr_array_add (self->rows, sheet_row);
      if (has_gap (row))
        ahead = row;

      if (g_hash_table_contains (fastest, row) && pd_result_get_best_lap_ms (row->result) > 0)
        {
          g_autofree char *car = car_label (row);

          sheet_row->fastest = TRUE;
          if (self->fastest == NULL)
            /* TRANSLATORS: under a session's classification: the lap time, then the car */
            self->fastest = g_strdup_printf (_("Fastest lap: %s, %s"), sheet_row->fields[FIELD_BEST_LAP], car);
        }

      /* Penalties and notes: a mark on the row, the words below. */
      if (*notes != '\0')
        {
          g_autofree char *car = car_label (row);
          g_autofree char *what = g_strdup_printf (_("%s: %s"), car, notes);

          sheet_row->fields[FIELD_NOTE] = g_strdup_printf ("[%u]", self->notes->len + 1);
          g_ptr_array_add (self->notes, g_strdup_printf ("%s %s", sheet_row->fields[FIELD_NOTE], what));
        }
    }
}

/* The sheet's own ways; the page engine does the rest. */
static void results_sheet_measure (PdSheet *sheet);
static void results_sheet_lay_out (PdSheet *sheet);
static void results_sheet_draw_table_header (PdSheet *sheet, cairo_t *cr, guint table);
static void results_sheet_draw_row (PdSheet *sheet, cairo_t *cr, guint table, guint row);

static const PdSheetClass results_sheet_class = {
  results_sheet_measure,
  results_sheet_lay_out,
  results_sheet_draw_table_header,
  results_sheet_draw_row,
  results_sheet_free,
};

/**
 * pd_results_sheet_new:
 * @session_id: the session
 *
 * Reads a session's classification and everything its sheet shows
 * around it.
 *
 * Returns: (transfer full) (nullable): the sheet, or %NULL with @error set
 */
PdSheet *
pd_results_sheet_new (PdStore     *store,
                      const char  *session_id,
                      GError     **error)
{
  g_autoptr(PdSession) session = NULL;
  g_autoptr(PdRound) round = NULL;
  g_autoptr(PdSeason) season = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) legend = g_ptr_array_new ();
  PdResultsSheet *self;
  PdSessionKind kind;
  const char *session_name;
  gboolean race;

  g_return_val_if_fail (PD_IS_STORE (store), NULL);
  g_return_val_if_fail (session_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((session = pd_store_get (store, PD_TYPE_SESSION, session_id, error)) == NULL ||
      (round = pd_store_get (store, PD_TYPE_ROUND, pd_session_get_round_id (session), error)) == NULL ||
      (season = pd_store_get (store, PD_TYPE_SEASON, pd_round_get_season_id (round), error)) == NULL ||
      (rows = pd_results_load (store, session_id, error)) == NULL)
    return NULL;

  kind = pd_session_get_kind (session);
  race = kind == PD_SESSION_KIND_RACE || kind == PD_SESSION_KIND_SPRINT;
  session_name = pd_session_get_name (session) != NULL ? pd_session_get_name (session)
                                                       : pd_session_kind_to_label (kind);

  self = g_new0 (PdResultsSheet, 1);
  pd_sheet_init (&self->parent, &results_sheet_class);
  self->rows = g_ptr_array_new_with_free_func (sheet_row_free);
  self->notes = g_ptr_array_new_with_free_func (g_free);

  self->parent.title = pd_sheet_season_title (store, season);
  self->subtitle = describe_round (round, session_name);
  self->details = describe_session (store, round, session);
  self->state = g_strdup (pd_session_get_final (session) ? _("Final classification")
                                                          : _("Provisional classification"));
  /* TRANSLATORS: the page header of a classification sheet: the round and session, then whether it is final */
  self->parent.header_right = g_strdup_printf (_("%s · %s"), self->subtitle, self->state);
  self->parent.footer_left = pd_sheet_made_with ();

  add_rows (self, rows, race);

  /* What the marks mean, as far as the sheet has them. */
  for (guint i = 0; i < self->rows->len && legend->len == 0; i++)
    if (((SheetRow *) self->rows->pdata[i])->fields[FIELD_GAP] != NULL)
      /* TRANSLATORS: the legend of a classification sheet */
      g_ptr_array_add (legend, race ? _("Gap: to the winner · Int.: to the car ahead")
                                    : _("Gap: to the fastest · Int.: to the car ahead"));
  if (self->fastest != NULL)
    g_ptr_array_add (legend, _("bold: the fastest lap"));
  if (self->notes->len > 0)
    g_ptr_array_add (legend, _("[1]: see the notes below the table"));
  g_ptr_array_add (legend, NULL);
  self->legend = g_strjoinv (" · ", (char **) legend->pdata);

  return (PdSheet *) self;
}

/* ---------------------------------------------------------------------- */
/* Layout */

static const char *
field_heading (int field)
{
  switch (field)
    {
    /* TRANSLATORS: classification sheet column headings; keep them short */
    case FIELD_POSITION: return C_("sheet column", "Pos.");
    case FIELD_NUMBER: return C_("sheet column", "No.");
    case FIELD_CLASS: return C_("sheet column", "Class");
    /* TRANSLATORS: classification sheet column: the position within the car's class */
    case FIELD_CLASS_POSITION: return C_("sheet column", "In class");
    case FIELD_DRIVERS: return C_("sheet column", "Drivers");
    case FIELD_TEAM: return C_("sheet column", "Team");
    case FIELD_CAR: return C_("sheet column", "Car");
    case FIELD_LAPS: return C_("sheet column", "Laps");
    case FIELD_TIME: return C_("sheet column", "Time");
    /* TRANSLATORS: classification sheet column: the gap to the winner */
    case FIELD_GAP: return C_("sheet column", "Gap");
    /* TRANSLATORS: classification sheet column: the gap to the car ahead (interval) */
    case FIELD_INTERVAL: return C_("sheet column", "Int.");
    case FIELD_BEST_LAP: return C_("sheet column", "Best lap");
    case FIELD_STATUS: return C_("sheet column", "Status");
    /* TRANSLATORS: classification sheet column: a mark such as "[1]" for a note below the table */
    case FIELD_NOTE: return C_("sheet column", "Note");
    default: return "";
    }
}

/* Positions in bold, and the fastest lap. */
static const char *
cell_font (SheetRow *row,
           int       field)
{
  if (field == FIELD_POSITION || (field == FIELD_BEST_LAP && row->fastest))
    return PD_SHEET_BOLD_FONT;
  return PD_SHEET_BODY_FONT;
}

/* The columns of the fields some car has, measured once. */
static void
results_sheet_measure (PdSheet *sheet)
{
  PdResultsSheet *self = (PdResultsSheet *) sheet;

  for (int field = 0; field < N_FIELDS; field++)
    {
      gboolean right = field != FIELD_CLASS && field != FIELD_DRIVERS && field != FIELD_TEAM &&
                       field != FIELD_CAR && field != FIELD_STATUS && field != FIELD_NOTE;
      double max = field == FIELD_DRIVERS ? DRIVERS_WIDTH_MAX
                   : field == FIELD_TEAM ? TEAM_WIDTH_MAX
                   : field == FIELD_CAR ? CAR_WIDTH_MAX : 0;
      PdSheetColumn *column = NULL;

      for (guint r = 0; r < self->rows->len; r++)
        {
          SheetRow *row = self->rows->pdata[r];
          const char *text = row->fields[field];

          if (text == NULL || *text == '\0')
            continue;
          if (column == NULL)
            {
              column = pd_sheet_add_column (sheet, field, 0, right, max);
              pd_sheet_column_measure (sheet, column, PD_SHEET_BOLD_FONT, field_heading (field));
            }
          pd_sheet_column_measure (sheet, column, cell_font (row, field), text);
        }
    }
  pd_sheet_columns_done (sheet);
}

static void
results_sheet_lay_out (PdSheet *sheet)
{
  PdResultsSheet *self = (PdResultsSheet *) sheet;

  pd_sheet_add_paragraph (sheet, PD_SHEET_TITLE_FONT, sheet->title, FALSE, 2);
  pd_sheet_add_paragraph (sheet, PD_SHEET_SUBTITLE_FONT, self->subtitle, FALSE, 4);
  if (*self->details != '\0')
    pd_sheet_add_paragraph (sheet, PD_SHEET_SMALL_FONT, self->details, TRUE, 2);
  if (*self->legend != '\0')
    pd_sheet_add_paragraph (sheet, PD_SHEET_SMALL_FONT, self->legend, TRUE, 2);
  pd_sheet_add_space (sheet, PD_SHEET_SECTION_GAP);

  if (self->rows->len == 0)
    {
      pd_sheet_add_paragraph (sheet, PD_SHEET_HEADING_FONT, self->state, FALSE, 4);
      pd_sheet_add_paragraph (sheet, PD_SHEET_SUBTITLE_FONT, _("No classification has been stored for this session."),
                              FALSE, PD_SHEET_SECTION_GAP);
      return;
    }

  pd_sheet_add_table (sheet, 0, self->state, self->rows->len);
  if (self->fastest != NULL)
    pd_sheet_add_paragraph (sheet, PD_SHEET_SMALL_FONT, self->fastest, FALSE, 2);
  pd_sheet_add_space (sheet, PD_SHEET_SECTION_GAP);

  if (self->notes->len > 0)
    {
      pd_sheet_add_paragraph (sheet, PD_SHEET_BOLD_FONT, _("Notes"), FALSE, 2);
      for (guint i = 0; i < self->notes->len; i++)
        pd_sheet_add_paragraph (sheet, PD_SHEET_SMALL_FONT, self->notes->pdata[i], FALSE, 2);
    }
}

/* ---------------------------------------------------------------------- */
/* Drawing */

static void
results_sheet_draw_table_header (PdSheet *sheet,
                                 cairo_t *cr,
                                 guint    table)
{
  double x = 0;

  pd_sheet_begin_header (sheet, cr);
  for (guint c = 0; c < sheet->columns->len; c++)
    {
      PdSheetColumn *column = &g_array_index (sheet->columns, PdSheetColumn, c);

      pd_sheet_draw_cell (sheet, cr, column, x, 0, PD_SHEET_BOLD_FONT, field_heading (column->field), NULL);
      x += column->width;
    }
  pd_sheet_end_header (sheet, cr);
}

static void
results_sheet_draw_row (PdSheet *sheet,
                        cairo_t *cr,
                        guint    table,
                        guint    index)
{
  PdResultsSheet *self = (PdResultsSheet *) sheet;
  SheetRow *row = self->rows->pdata[index];
  double x = 0;

  pd_sheet_begin_row (sheet, cr, index);
  for (guint c = 0; c < sheet->columns->len; c++)
    {
      PdSheetColumn *column = &g_array_index (sheet->columns, PdSheetColumn, c);

      pd_sheet_draw_cell (sheet, cr, column, x, 0, cell_font (row, column->field), row->fields[column->field], NULL);
      x += column->width;
    }
}
