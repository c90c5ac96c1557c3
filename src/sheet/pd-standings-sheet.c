#define G_LOG_DOMAIN "paddock-sheet"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pd-provisional.h"
#include "pd-score-loader.h"
#include "pd-sheet-private.h"
#include "pd-standings-sheet.h"
#include "pd-title.h"

/*
 * The standings sheet: the printed table a team hands out, laid out and
 * drawn by the sheets' page engine (pd-sheet.c), so that the PDF export
 * and GtkPrintOperation's draw-page give the same pages. All sizes are in
 * points (1/72 inch).
 */

#define CELL_PAD      PD_SHEET_CELL_PAD
#define CELL_VPAD     PD_SHEET_CELL_VPAD
#define NAME_WIDTH_MAX      150.0
#define TEAM_WIDTH_MAX      130.0
#define SECTION_GAP   PD_SHEET_SECTION_GAP
#define BODY_FONT     PD_SHEET_BODY_FONT
#define BOLD_FONT     PD_SHEET_BOLD_FONT
#define SMALL_FONT    PD_SHEET_SMALL_FONT
#define TITLE_FONT    PD_SHEET_TITLE_FONT
#define SUBTITLE_FONT PD_SHEET_SUBTITLE_FONT

/* ---------------------------------------------------------------------- */
/* What a standings row says, as the app, the command line and the sheet
 * show it. */

/**
 * pd_standings_row_position_text:
 *
 * Returns: (transfer full): "3", "=3" for a shared position, or "EX"
 */
char *
pd_standings_row_position_text (const PdStandingsRow *row)
{
  g_return_val_if_fail (row != NULL, NULL);

  if (row->excluded)
    /* TRANSLATORS: in a standings table, for a competitor excluded from the championship */
    return g_strdup (C_("standings", "EX"));
  if (row->shared)
    return g_strdup_printf ("=%d", row->position);
  return g_strdup_printf ("%d", row->position);
}

/**
 * pd_standings_row_note:
 *
 * Returns: (transfer full): how the row's place was decided, or a
 *   deduction, in a sentence; "" when there is nothing to say
 */
char *
pd_standings_row_note (const PdStandingsRow *row)
{
  g_return_val_if_fail (row != NULL, NULL);

  if (row->excluded)
    return g_strdup (_("Excluded from the championship; results kept"));
  if (row->shared)
    return g_strdup (_("Level on points and countback: position shared"));
  if (row->tie_place == 1)
    return g_strdup (_("Ahead on countback: more wins"));
  if (row->tie_place > 1)
    return g_strdup_printf (_("Ahead on countback: more finishes in place %d"), row->tie_place);
  if (!pd_points_is_zero (row->deducted))
    {
      g_autofree char *points = pd_points_format (row->deducted);
      return g_strdup_printf (_("%s points deducted"), points);
    }
  return g_strdup ("");
}

/**
 * pd_standings_row_session_text:
 *
 * Returns: (transfer full): the row's points in @session_id: "" when it
 *   has no result there, the points dropped in brackets ("(12)") when
 *   they do not count, as in the official tables
 */
char *
pd_standings_row_session_text (const PdStandingsRow *row,
                               const char           *session_id)
{
  PdPoints counted = PD_POINTS_ZERO, dropped = PD_POINTS_ZERO;
  gboolean any = FALSE;

  g_return_val_if_fail (row != NULL, NULL);

  for (guint s = 0; s < row->scores->len; s++)
    {
      PdStandingsScore *score = &g_array_index (row->scores, PdStandingsScore, s);

      if (g_strcmp0 (score->session_id, session_id) != 0)
        continue;
      any = TRUE;
      if (score->counted)
        counted = pd_points_add (counted, score->points);
      else
        dropped = pd_points_add (dropped, score->points);
    }

  if (!any)
    return g_strdup ("");
  if (!pd_points_is_zero (dropped))
    {
      g_autofree char *text = pd_points_format (dropped);
      return g_strdup_printf ("(%s)", text);
    }
  return pd_points_format (counted);
}

/* ---------------------------------------------------------------------- */
/* The sheet's contents */

enum {
  FIELD_POSITION,
  FIELD_NUMBER,
  FIELD_NAME,
  FIELD_TEAM,
  FIELD_NATIONALITY,
  FIELD_POINTS,
  N_FIELDS,
  FIELD_SESSION = N_FIELDS,
};

enum {
  MARK_POLE    = 1 << 0,
  MARK_FASTEST = 1 << 1,
};

typedef struct {
  int            round;
  int            position;   /* in its round */
  char          *session_id;
  char          *label;      /* "R1", "Q" */
  PdSessionKind  kind;
} SessionColumn;

typedef struct {
  char      *fields[N_FIELDS];
  GPtrArray *cells;          /* one text per session column */
  GByteArray *marks;         /* MARK_* per session column */
  char      *note;           /* NULL: none */
} SheetRow;

typedef struct {
  char      *title;
  GPtrArray *rows;           /* SheetRow */
  GPtrArray *title_lines;    /* char *: the title maths; NULL: none */
} SheetSection;

/* One table column: a field, or a session (its index). */
typedef PdSheetColumn TableColumn;

struct _PdStandingsSheet
{
  PdSheet          parent;
  PdStandingsKind  kind;
  char            *subtitle;
  char            *rounds_text;
  char            *legend;
  GArray          *sessions;      /* SessionColumn */
  GHashTable      *round_names;   /* number → name */
  GPtrArray       *sections;      /* SheetSection */
  GPtrArray       *notes;         /* char *: the sheet's closing notes */
};

static void
session_column_clear (gpointer data)
{
  SessionColumn *column = data;

  g_free (column->session_id);
  g_free (column->label);
}

static void
sheet_row_free (gpointer data)
{
  SheetRow *row = data;

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (row->fields[i]);
  g_ptr_array_unref (row->cells);
  g_byte_array_unref (row->marks);
  g_free (row->note);
  g_free (row);
}

static void
sheet_section_free (gpointer data)
{
  SheetSection *section = data;

  g_free (section->title);
  g_ptr_array_unref (section->rows);
  g_clear_pointer (&section->title_lines, g_ptr_array_unref);
  g_free (section);
}

static void
standings_sheet_free (PdSheet *sheet)
{
  PdStandingsSheet *self = (PdStandingsSheet *) sheet;

  g_free (self->subtitle);
  g_free (self->rounds_text);
  g_free (self->legend);
  g_array_unref (self->sessions);
  g_hash_table_unref (self->round_names);
  g_ptr_array_unref (self->sections);
  g_ptr_array_unref (self->notes);
}

void
pd_standings_sheet_free (PdStandingsSheet *self)
{
  pd_sheet_free ((PdSheet *) self);
}

const char *
pd_standings_sheet_get_title (PdStandingsSheet *self)
{
  return pd_sheet_get_title ((PdSheet *) self);
}

static const char *
kind_abbreviation (PdSessionKind kind)
{
  switch (kind)
    {
    case PD_SESSION_KIND_PRACTICE:
      /* TRANSLATORS: a standings sheet's column for a practice session; one or two letters */
      return C_("session abbreviation", "P");
    case PD_SESSION_KIND_QUALIFYING:
      /* TRANSLATORS: a standings sheet's column for a qualifying session; one or two letters */
      return C_("session abbreviation", "Q");
    case PD_SESSION_KIND_SPRINT:
      /* TRANSLATORS: a standings sheet's column for a sprint race; one or two letters */
      return C_("session abbreviation", "S");
    case PD_SESSION_KIND_WARM_UP:
      /* TRANSLATORS: a standings sheet's column for a warm-up; one or two letters */
      return C_("session abbreviation", "W");
    case PD_SESSION_KIND_RACE:
    default:
      /* TRANSLATORS: a standings sheet's column for a race; one or two letters */
      return C_("session abbreviation", "R");
    }
}

static int
compare_session_columns (gconstpointer a,
                         gconstpointer b)
{
  const SessionColumn *ca = a;
  const SessionColumn *cb = b;

  if (ca->round != cb->round)
    return ca->round - cb->round;
  if (ca->position != cb->position)
    return ca->position - cb->position;
  return g_strcmp0 (ca->session_id, cb->session_id);
}

/* Looks a record up once. */
static gpointer
cached_get (PdStore    *store,
            GHashTable *cache,
            GType       type,
            const char *id)
{
  gpointer record;

  if (id == NULL)
    return NULL;
  if (g_hash_table_lookup_extended (cache, id, NULL, &record))
    return record;
  record = pd_store_get (store, type, id, NULL);
  g_hash_table_insert (cache, g_strdup (id), record);
  return record;
}

/* Joins the distinct non-empty strings of @parts. */
static char *
join_distinct (GPtrArray  *parts,
               const char *separator)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < parts->len; i++)
    {
      const char *part = parts->pdata[i];

      if (part == NULL || *part == '\0' || !g_hash_table_add (seen, (gpointer) part))
        continue;
      if (text->len > 0)
        g_string_append (text, separator);
      g_string_append (text, part);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* What the sheet needs to know of each competitor beyond the standings:
 * the car a driver last drove, the cars of a team, and the pole
 * positions and fastest laps. */
typedef struct {
  PdStore    *store;
  GHashTable *entries;        /* id → PdEntry (cache) */
  GHashTable *teams;          /* id → PdTeam (cache) */
  GHashTable *drivers;        /* id → PdDriver (cache) */
  GHashTable *driver_entry;   /* driver id → entry id, the last one */
  GHashTable *team_entries;   /* team id → GPtrArray of entry ids */
  GHashTable *marks;          /* "session\x1fcompetitor" → MARK_* */
  GHashTable *numbers;        /* driver, team or entry id → GPtrArray: the numbers raced with */
} Competitors;

static void
add_mark (GHashTable *marks,
          const char *session_id,
          const char *id,
          guint       mark)
{
  char *key;

  if (id == NULL || mark == 0)
    return;
  key = g_strconcat (session_id, "\x1f", id, NULL);
  mark |= GPOINTER_TO_UINT (g_hash_table_lookup (marks, key));
  g_hash_table_replace (marks, key, GUINT_TO_POINTER (mark));
}

static void
unref_nullable (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
add_number (GHashTable *numbers,
            const char *id,
            const char *number)
{
  GPtrArray *list;

  if (id == NULL || number == NULL || *number == '\0')
    return;
  list = g_hash_table_lookup (numbers, id);
  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (numbers, (gpointer) id, list);
    }
  g_ptr_array_add (list, (gpointer) number);
}

static void
competitors_init (Competitors         *c,
                  PdStore             *store,
                  const PdScoreSeason *season,
                  int                  after_round)
{
  c->store = store;
  /* The caches keep NULL for a record that is not there. */
  c->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, unref_nullable);
  c->teams = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, unref_nullable);
  c->drivers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, unref_nullable);
  c->driver_entry = g_hash_table_new (g_str_hash, g_str_equal);
  c->team_entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  c->marks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  c->numbers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);

  for (guint r = 0; r < season->rounds->len; r++)
    {
      PdScoreRound *round = season->rounds->pdata[r];

      if (after_round > 0 && round->number > after_round)
        continue;
      for (guint s = 0; s < round->sessions->len; s++)
        {
          PdScoreSession *session = round->sessions->pdata[s];
          gboolean started = session->kind == PD_SESSION_KIND_RACE || session->kind == PD_SESSION_KIND_SPRINT;

          for (guint i = 0; i < session->results->len; i++)
            {
              PdScoreResult *result = session->results->pdata[i];
              guint mark = (started && result->grid == 1 ? MARK_POLE : 0) |
                           (result->fastest_lap ? MARK_FASTEST : 0);

              add_mark (c->marks, session->session_id, result->entry_id, mark);
              add_mark (c->marks, session->session_id, result->team_id, mark);
              add_number (c->numbers, result->entry_id, result->car_number);
              add_number (c->numbers, result->team_id, result->car_number);
              for (guint d = 0; result->driver_ids != NULL && result->driver_ids[d] != NULL; d++)
                add_number (c->numbers, result->driver_ids[d], result->car_number);
              for (guint d = 0; result->driver_ids != NULL && result->driver_ids[d] != NULL; d++)
                {
                  g_hash_table_insert (c->driver_entry, result->driver_ids[d], result->entry_id);
                  add_mark (c->marks, session->session_id, result->driver_ids[d], mark);
                }
              if (result->team_id != NULL)
                {
                  GPtrArray *list = g_hash_table_lookup (c->team_entries, result->team_id);
                  gboolean known = FALSE;

                  if (list == NULL)
                    {
                      list = g_ptr_array_new ();
                      g_hash_table_insert (c->team_entries, result->team_id, list);
                    }
                  for (guint e = 0; e < list->len && !known; e++)
                    known = g_str_equal (list->pdata[e], result->entry_id);
                  if (!known)
                    g_ptr_array_add (list, result->entry_id);
                }
            }
        }
    }
}

static void
competitors_clear (Competitors *c)
{
  g_hash_table_unref (c->entries);
  g_hash_table_unref (c->teams);
  g_hash_table_unref (c->drivers);
  g_hash_table_unref (c->driver_entry);
  g_hash_table_unref (c->team_entries);
  g_hash_table_unref (c->marks);
  g_hash_table_unref (c->numbers);
}

/* The numbers a competitor raced with, in the order first raced, the
 * first three of them (early Formula 1 drivers had a number a race); or
 * the number of its car in the entry list when results have none. */
static char *
competitor_numbers (Competitors *c,
                    const char  *id,
                    const char  *entry_number)
{
  GPtrArray *numbers = g_hash_table_lookup (c->numbers, id);
  g_autoptr(GPtrArray) distinct = NULL;
  g_autoptr(GHashTable) seen = NULL;
  char *text;

  if (numbers == NULL || numbers->len == 0)
    return g_strdup (entry_number);
  distinct = g_ptr_array_new ();
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < numbers->len; i++)
    if (g_hash_table_add (seen, numbers->pdata[i]))
      g_ptr_array_add (distinct, numbers->pdata[i]);
  if (distinct->len <= 3)
    return join_distinct (distinct, ", ");
  g_ptr_array_set_size (distinct, 3);
  text = join_distinct (distinct, ", ");
  {
    char *more = g_strconcat (text, ", …", NULL);

    g_free (text);
    return more;
  }
}

static PdEntry *
competitors_entry (Competitors *c,
                   const char  *id)
{
  return cached_get (c->store, c->entries, PD_TYPE_ENTRY, id);
}

static PdTeam *
competitors_team (Competitors *c,
                  const char  *id)
{
  return cached_get (c->store, c->teams, PD_TYPE_TEAM, id);
}

static PdDriver *
competitors_driver (Competitors *c,
                    const char  *id)
{
  return cached_get (c->store, c->drivers, PD_TYPE_DRIVER, id);
}

/* Number, name(s), team and nationality of a row. */
static void
describe_competitor (Competitors     *c,
                     PdStandingsKind  kind,
                     const char      *id,
                     SheetRow        *row)
{
  PdEntry *entry = NULL;
  PdTeam *team = NULL;

  if (kind == PD_STANDINGS_DRIVERS)
    {
      PdDriver *driver = competitors_driver (c, id);

      entry = competitors_entry (c, g_hash_table_lookup (c->driver_entry, id));
      row->fields[FIELD_NAME] = pd_standings_name (c->store, kind, id);
      row->fields[FIELD_NATIONALITY] = g_strdup (driver != NULL ? pd_driver_get_nationality (driver) : NULL);
    }
  else if (kind == PD_STANDINGS_TEAMS)
    {
      GPtrArray *ids = g_hash_table_lookup (c->team_entries, id);
      g_autoptr(GPtrArray) numbers = g_ptr_array_new ();

      team = competitors_team (c, id);
      row->fields[FIELD_NAME] = pd_standings_name (c->store, kind, id);
      /* The numbers raced with; or else those of the team's cars in the
       * entry list. */
      if (g_hash_table_contains (c->numbers, id))
        row->fields[FIELD_NUMBER] = competitor_numbers (c, id, NULL);
      else
        {
          for (guint i = 0; ids != NULL && i < ids->len; i++)
            {
              PdEntry *car = competitors_entry (c, ids->pdata[i]);

              if (car != NULL)
                g_ptr_array_add (numbers, (gpointer) pd_entry_get_number (car));
            }
          row->fields[FIELD_NUMBER] = join_distinct (numbers, ", ");
        }
      row->fields[FIELD_NATIONALITY] = g_strdup (team != NULL ? pd_team_get_nationality (team) : NULL);
      return;
    }
  else
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) nationalities = g_ptr_array_new ();
      const char * const *crew;

      entry = competitors_entry (c, id);
      crew = entry != NULL ? pd_entry_get_crew_ids (entry) : NULL;
      for (guint i = 0; crew != NULL && crew[i] != NULL; i++)
        {
          PdDriver *driver = competitors_driver (c, crew[i]);

          g_ptr_array_add (names, pd_standings_name (c->store, PD_STANDINGS_DRIVERS, crew[i]));
          if (driver != NULL)
            g_ptr_array_add (nationalities, (gpointer) pd_driver_get_nationality (driver));
        }
      row->fields[FIELD_NAME] = join_distinct (names, " / ");
      if (*row->fields[FIELD_NAME] == '\0')
        {
          g_free (row->fields[FIELD_NAME]);
          row->fields[FIELD_NAME] = pd_standings_name (c->store, kind, id);
        }
      row->fields[FIELD_NATIONALITY] = join_distinct (nationalities, "/");
    }

  if (entry != NULL)
    team = competitors_team (c, pd_entry_get_team_id (entry));
  row->fields[FIELD_NUMBER] = competitor_numbers (c, id, entry != NULL ? pd_entry_get_number (entry) : NULL);
  row->fields[FIELD_TEAM] = g_strdup (team != NULL ? pd_team_get_name (team) : NULL);
}

/* Those who can still win get a line each, up to this many. */
#define TITLE_LINES 10

/**
 * pd_standings_title_lines:
 *
 * The title maths as lines of text under the standings: how the title
 * stands, then, while it is open, who can still win and what each needs,
 * who cannot, and what was assumed.
 * @class_name: (nullable): the class whose title it is, to name it
 *
 * Returns: (transfer full) (element-type utf8) (nullable): the lines, or
 *   %NULL when there is nothing to say (no one scored)
 */
GPtrArray *
pd_standings_title_lines (PdStore         *store,
                          PdStandingsKind  kind,
                          const PdTitle   *title,
                          const char      *class_name)
{
  PdStandingsNames names = { store, kind };
  g_autofree char *summary = NULL;
  g_autofree char *others = NULL;
  g_autofree char *note = NULL;
  guint shown = 0, more = 0;
  GPtrArray *lines;

  if (title->contenders->len == 0 || (title->over && title->decided_round == 0))
    return NULL;

  lines = g_ptr_array_new_with_free_func (g_free);
  summary = pd_title_describe (title, pd_standings_names_get, &names);
  if (class_name != NULL)
    /* TRANSLATORS: the title maths of a class; the first %s is the class, such as "Silver", the second says how
     * the title stands */
    g_ptr_array_add (lines, g_strdup_printf (_("%s title: %s"), class_name, summary));
  else
    /* TRANSLATORS: the title maths under the standings; %s says how it stands */
    g_ptr_array_add (lines, g_strdup_printf (_("Title: %s"), summary));
  if (title->decided_round > 0)
    return lines;

  for (guint i = 0; i < title->contenders->len; i++)
    {
      PdTitleContender *contender = title->contenders->pdata[i];
      g_autofree char *name = NULL;
      g_autofree char *need = NULL;
      g_autofree char *clinch = NULL;

      if (!contender->can_win)
        continue;
      if (++shown > TITLE_LINES)
        {
          more++;
          continue;
        }
      name = pd_standings_name (store, kind, contender->id);
      need = pd_title_describe_contender (title, contender, pd_standings_names_get, &names);
      clinch = pd_title_describe_clinch (title, contender);
      if (clinch != NULL)
        /* TRANSLATORS: a contender's name, what it needs, and that it can clinch the title next */
        g_ptr_array_add (lines, g_strdup_printf (_("%s: %s. %s."), name, need, clinch));
      else
        /* TRANSLATORS: a contender's name, then what it needs */
        g_ptr_array_add (lines, g_strdup_printf (_("%s: %s"), name, need));
    }
  if (more > 0)
    /* TRANSLATORS: after the lines of those who can still win */
    g_ptr_array_add (lines, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more can still win",
                                                          "%u more can still win", more), more));
  if (title->newcomer_can_win)
    g_ptr_array_add (lines, g_strdup (_("So could anyone yet to score.")));
  if ((others = pd_title_describe_others (title, 12, pd_standings_names_get, &names)) != NULL)
    g_ptr_array_add (lines, g_steal_pointer (&others));
  if ((note = pd_title_describe_note (title)) != NULL)
    g_ptr_array_add (lines, g_steal_pointer (&note));
  return lines;
}

static const char *
kind_title (PdStandingsKind kind)
{
  switch (kind)
    {
    case PD_STANDINGS_TEAMS:
      return _("Teams’ Standings");
    case PD_STANDINGS_ENTRIES:
      return _("Cars’ Standings");
    case PD_STANDINGS_DRIVERS:
    default:
      return _("Drivers’ Standings");
    }
}

/**
 * pd_standings_sheet_new:
 * @class_id: (nullable): one class, or %NULL for a section per class
 * @after_round: the standings after this round, or 0 for all rounds
 *
 * Computes the standings of @season_id and everything the sheet shows
 * around them.
 *
 * Returns: (transfer full) (nullable): the sheet, or %NULL with @error set
 */
/* The sheet's own ways; the page engine does the rest. */
static void standings_sheet_measure (PdSheet *sheet);
static void standings_sheet_lay_out (PdSheet *sheet);
static void standings_sheet_draw_table_header (PdSheet *sheet, cairo_t *cr, guint table);
static void standings_sheet_draw_row (PdSheet *sheet, cairo_t *cr, guint table, guint row);

/* Whether any result of @season is of a car without a class. */
static gboolean
has_unclassed_results (const PdScoreSeason *season)
{
  for (guint r = 0; r < season->rounds->len; r++)
    {
      PdScoreRound *round = season->rounds->pdata[r];

      for (guint s = 0; s < round->sessions->len; s++)
        {
          PdScoreSession *session = round->sessions->pdata[s];

          for (guint i = 0; i < session->results->len; i++)
            if (((PdScoreResult *) session->results->pdata[i])->class_id == NULL)
              return TRUE;
        }
    }
  return FALSE;
}

static const PdSheetClass standings_sheet_class = {
  standings_sheet_measure,
  standings_sheet_lay_out,
  standings_sheet_draw_table_header,
  standings_sheet_draw_row,
  standings_sheet_free,
};

PdStandingsSheet *
pd_standings_sheet_new (PdStore          *store,
                        const char       *season_id,
                        PdStandingsKind   kind,
                        const char       *class_id,
                        int               after_round,
                        GError          **error)
{
  g_autoptr(PdStandingsSheet) self = NULL;
  g_autoptr(PdSeason) season = NULL;
  g_autoptr(PdRules) rules = NULL;
  g_autoptr(PdScoreSeason) score = NULL;
  g_autoptr(GListModel) rounds = NULL;
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(GListModel) classes = NULL;
  g_autoptr(GHashTable) round_numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) round_dates = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GHashTable) scored = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) computed = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) provisional = NULL;
  g_autofree char *provisional_text = NULL;
  g_auto(GStrv) decisions = NULL;
  g_auto(GStrv) sources = NULL;
  Competitors competitors;
  int total_rounds = 0, last_round = 0;

  g_return_val_if_fail (PD_IS_STORE (store), NULL);
  g_return_val_if_fail (season_id != NULL, NULL);

  season = pd_store_get (store, PD_TYPE_SEASON, season_id, error);
  if (season == NULL ||
      (rules = pd_rules_for_season (store, season_id, error)) == NULL ||
      (score = pd_score_season_load (store, season_id, error)) == NULL ||
      (rounds = pd_store_list_rounds (store, season_id, error)) == NULL ||
      (sessions = pd_store_list_season_sessions (store, season_id, error)) == NULL ||
      (classes = pd_store_list_classes (store, season_id, error)) == NULL)
    return NULL;

  self = g_new0 (PdStandingsSheet, 1);
  pd_sheet_init (&self->parent, &standings_sheet_class);
  self->kind = kind;
  self->sessions = g_array_new (FALSE, TRUE, sizeof (SessionColumn));
  g_array_set_clear_func (self->sessions, session_column_clear);
  self->round_names = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->sections = g_ptr_array_new_with_free_func (sheet_section_free);
  self->notes = g_ptr_array_new_with_free_func (g_free);

  self->parent.title = pd_sheet_season_title (store, season);

  for (guint i = 0; i < g_list_model_get_n_items (rounds); i++)
    {
      g_autoptr(PdRound) round = g_list_model_get_item (rounds, i);
      int number = pd_round_get_number (round);

      if (number <= 0 || pd_round_get_status (round) == PD_ROUND_STATUS_CANCELLED)
        continue;
      total_rounds++;
      g_hash_table_insert (round_numbers, g_strdup (pd_round_get_id (round)), GINT_TO_POINTER (number));
      g_hash_table_insert (self->round_names, GINT_TO_POINTER (number), g_strdup (pd_round_get_name (round)));
      g_hash_table_insert (round_dates, GINT_TO_POINTER (number),
                           g_strdup (pd_round_get_end_date (round) != NULL ? pd_round_get_end_date (round)
                                                                          : pd_round_get_start_date (round)));
    }

  /* The sections: the one class asked for, each class, or the whole
   * field when the season has no classes. */
  {
    g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

    for (guint i = 0; i < g_list_model_get_n_items (classes); i++)
      {
        g_autoptr(PdClass) klass = g_list_model_get_item (classes, i);

        if (class_id != NULL && g_strcmp0 (class_id, pd_class_get_id (klass)) != 0)
          continue;
        g_ptr_array_add (titles, g_strdup (pd_class_get_name (klass)));
        g_ptr_array_add (ids, g_strdup (pd_class_get_id (klass)));
      }
    if (ids->len == 0)
      {
        g_ptr_array_add (titles, g_strdup (_("Overall")));
        g_ptr_array_add (ids, g_strdup (class_id));
      }
    /* In a season with classes, the cars that have none have a section
     * of their own, at the end: they are in no class's table. */
    else if (class_id == NULL && has_unclassed_results (score))
      {
        /* TRANSLATORS: a standings sheet's section for the cars of a season with classes that have none */
        g_ptr_array_add (titles, g_strdup (_("No class")));
        g_ptr_array_add (ids, g_strdup (""));
      }

    for (guint i = 0; i < ids->len; i++)
      {
        GPtrArray *rows = pd_standings_compute (rules, score, kind, ids->pdata[i], after_round);
        /* No title is fought for among cars of no class. */
        gboolean unclassed = g_strcmp0 (ids->pdata[i], "") == 0;
        g_autoptr(PdTitle) title = unclassed ? NULL : pd_title_compute (rules, score, kind, ids->pdata[i], after_round);
        SheetSection *section = g_new0 (SheetSection, 1);

        section->title = g_strdup (titles->pdata[i]);
        section->rows = g_ptr_array_new_with_free_func (sheet_row_free);
        section->title_lines = rows->len > 0 && title != NULL
                               ? pd_standings_title_lines (store, kind, title, ids->len > 1 ? titles->pdata[i] : NULL)
                               : NULL;
        g_ptr_array_add (self->sections, section);
        g_ptr_array_add (computed, rows);

        for (guint r = 0; r < rows->len; r++)
          {
            PdStandingsRow *row = rows->pdata[r];

            for (guint s = 0; s < row->scores->len; s++)
              {
                PdStandingsScore *sc = &g_array_index (row->scores, PdStandingsScore, s);

                g_hash_table_add (scored, (gpointer) sc->session_id);
                last_round = MAX (last_round, sc->round);
              }
          }
      }
  }

  /* A column per session that scored, in the order of the weekend. */
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(PdSession) session = g_list_model_get_item (sessions, i);
      SessionColumn column = { 0 };

      if (!g_hash_table_contains (scored, pd_session_get_id (session)))
        continue;
      column.round = GPOINTER_TO_INT (g_hash_table_lookup (round_numbers, pd_session_get_round_id (session)));
      column.position = pd_session_get_position (session);
      column.session_id = g_strdup (pd_session_get_id (session));
      column.kind = pd_session_get_kind (session);
      g_array_append_val (self->sessions, column);
    }
  g_array_sort (self->sessions, compare_session_columns);
  for (guint i = 0; i < self->sessions->len; i++)
    {
      SessionColumn *column = &g_array_index (self->sessions, SessionColumn, i);
      int same = 0, index = 0;

      for (guint j = 0; j < self->sessions->len; j++)
        {
          SessionColumn *other = &g_array_index (self->sessions, SessionColumn, j);

          if (other->round != column->round || other->kind != column->kind)
            continue;
          same++;
          if (j <= i)
            index++;
        }
      column->label = same > 1 ? g_strdup_printf ("%s%d", kind_abbreviation (column->kind), index)
                               : g_strdup (kind_abbreviation (column->kind));
    }

  /* The rows. */
  competitors_init (&competitors, store, score, after_round);
  for (guint i = 0; i < self->sections->len; i++)
    {
      SheetSection *section = self->sections->pdata[i];
      GPtrArray *rows = computed->pdata[i];

      for (guint r = 0; r < rows->len; r++)
        {
          PdStandingsRow *row = rows->pdata[r];
          SheetRow *sheet_row = g_new0 (SheetRow, 1);
          g_autofree char *note = pd_standings_row_note (row);

          sheet_row->cells = g_ptr_array_new_with_free_func (g_free);
          sheet_row->marks = g_byte_array_new ();
          sheet_row->fields[FIELD_POSITION] = pd_standings_row_position_text (row);
          sheet_row->fields[FIELD_POINTS] = pd_points_format (row->points);
          describe_competitor (&competitors, kind, row->id, sheet_row);
          /* A shared position shows by its "=" already. */
          if (*note != '\0' && !row->shared)
            sheet_row->note = g_strdup_printf ("%s %s: %s", sheet_row->fields[FIELD_POSITION],
                                               sheet_row->fields[FIELD_NAME], note);

          for (guint c = 0; c < self->sessions->len; c++)
            {
              SessionColumn *column = &g_array_index (self->sessions, SessionColumn, c);
              g_autofree char *key = g_strconcat (column->session_id, "\x1f", row->id, NULL);
              guint8 mark = GPOINTER_TO_UINT (g_hash_table_lookup (competitors.marks, key));

              g_ptr_array_add (sheet_row->cells, pd_standings_row_session_text (row, column->session_id));
              g_byte_array_append (sheet_row->marks, &mark, 1);
            }
          g_ptr_array_add (section->rows, sheet_row);
        }
    }
  competitors_clear (&competitors);

  /* The lines under the title. */
  if (after_round > 0)
    last_round = MIN (after_round, MAX (last_round, after_round));
  if (last_round > 0)
    {
      const char *name = g_hash_table_lookup (self->round_names, GINT_TO_POINTER (last_round));
      g_autofree char *date = pd_sheet_format_date (g_hash_table_lookup (round_dates, GINT_TO_POINTER (last_round)));
      g_autofree char *after = NULL;

      /* TRANSLATORS: on the standings sheet: "after round 6 of 6" */
      after = g_strdup_printf (_("after round %d of %d"), last_round, total_rounds);
      if (name != NULL && date != NULL)
        /* TRANSLATORS: "Drivers’ Standings", "after round 6 of 6", the round, its date */
        self->subtitle = g_strdup_printf (_("%s %s: %s, %s"), kind_title (kind), after, name, date);
      else if (name != NULL)
        self->subtitle = g_strdup_printf (_("%s %s: %s"), kind_title (kind), after, name);
      else
        self->subtitle = g_strdup_printf ("%s %s", kind_title (kind), after);
      /* TRANSLATORS: the page header of the standings sheet: "Drivers’ Standings", "after round 6 of 6" */
      self->parent.header_right = g_strdup_printf (_("%s %s"), kind_title (kind), after);
    }
  else
    {
      self->subtitle = g_strdup_printf (_("%s before the first round"), kind_title (kind));
      self->parent.header_right = g_strdup (kind_title (kind));
    }

  self->parent.footer_left = pd_sheet_made_with ();

  {
    g_autoptr(GString) text = g_string_new (NULL);
    int previous = -1;

    for (guint i = 0; i < self->sessions->len; i++)
      {
        int round = g_array_index (self->sessions, SessionColumn, i).round;
        const char *name = g_hash_table_lookup (self->round_names, GINT_TO_POINTER (round));

        if (round == previous)
          continue;
        previous = round;
        if (text->len > 0)
          g_string_append (text, " · ");
        g_string_append_printf (text, "%d %s", round, name != NULL ? name : "");
      }
    if (text->len > 0)
      /* TRANSLATORS: the rounds on a standings sheet, such as "Rounds: 1 Monza · 2 Paul Ricard" */
      self->rounds_text = g_strdup_printf (_("Rounds: %s"), text->str);
  }

  self->legend = g_strdup (_("(12): a dropped result, not counted · =3: a shared position · "
                             "bold: from pole position · italic: fastest lap"));

  /* The closing notes: the season's decisions, then what is provisional. */
  decisions = pd_rules_describe_decisions (rules, &sources);
  for (guint i = 0; decisions[i] != NULL; i++)
    {
      if (sources[i] != NULL && *sources[i] != '\0')
        /* TRANSLATORS: a decision of the season on the standings sheet, then its source */
        g_ptr_array_add (self->notes, g_strdup_printf (_("%s (%s)"), decisions[i], sources[i]));
      else
        g_ptr_array_add (self->notes, g_strdup (decisions[i]));
    }
  provisional = pd_season_provisional_sessions (store, season_id, after_round, NULL);
  provisional_text = pd_provisional_describe (provisional);
  if (provisional_text != NULL)
    g_ptr_array_add (self->notes, g_steal_pointer (&provisional_text));

  return g_steal_pointer (&self);
}

/* ---------------------------------------------------------------------- */
/* Layout */

static const char *
field_heading (PdStandingsSheet *self,
               int               field)
{
  switch (field)
    {
    /* TRANSLATORS: standings sheet column headings; keep them short */
    case FIELD_POSITION: return C_("sheet column", "Pos.");
    case FIELD_NUMBER: return self->kind == PD_STANDINGS_TEAMS ? C_("sheet column", "Cars")
                                                                 : C_("sheet column", "No.");
    case FIELD_NAME:
      switch (self->kind)
        {
        case PD_STANDINGS_TEAMS: return C_("sheet column", "Team");
        case PD_STANDINGS_ENTRIES: return C_("sheet column", "Drivers");
        case PD_STANDINGS_DRIVERS:
        default: return C_("sheet column", "Driver");
        }
    case FIELD_TEAM: return C_("sheet column", "Team");
    /* TRANSLATORS: standings sheet column: nationality */
    case FIELD_NATIONALITY: return C_("sheet column", "Nat.");
    case FIELD_POINTS: return C_("sheet column", "Points");
    default: return "";
    }
}

static const char *
cell_text (SheetRow          *row,
           const TableColumn *column)
{
  if (column->field == FIELD_SESSION)
    return row->cells->pdata[column->index];
  return row->fields[column->field] != NULL ? row->fields[column->field] : "";
}

/* Whether any row has a value for @field: a column nobody has (car
 * numbers of the early Formula 1 entries) is left out. */
static gboolean
has_values (PdStandingsSheet *self,
            int               field)
{
  for (guint s = 0; s < self->sections->len; s++)
    {
      SheetSection *section = self->sections->pdata[s];

      for (guint r = 0; r < section->rows->len; r++)
        {
          SheetRow *row = section->rows->pdata[r];

          if (row->fields[field] != NULL && *row->fields[field] != '\0')
            return TRUE;
        }
    }
  return FALSE;
}

/* The table's columns at their natural widths, once. */
static void
standings_sheet_measure (PdSheet *sheet)
{
  PdStandingsSheet *self = (PdStandingsSheet *) sheet;
  double session_width = 18.0;   /* wide enough for "(25)" */

  pd_sheet_add_column (sheet, FIELD_POSITION, 0, TRUE, 0);
  if (self->kind == PD_STANDINGS_ENTRIES && has_values (self, FIELD_NUMBER))
    pd_sheet_add_column (sheet, FIELD_NUMBER, 0, TRUE, 0);
  pd_sheet_add_column (sheet, FIELD_NAME, 0, FALSE, NAME_WIDTH_MAX);
  if (self->kind == PD_STANDINGS_DRIVERS && has_values (self, FIELD_NUMBER))
    pd_sheet_add_column (sheet, FIELD_NUMBER, 0, TRUE, 0);
  if (self->kind == PD_STANDINGS_TEAMS && has_values (self, FIELD_NUMBER))
    pd_sheet_add_column (sheet, FIELD_NUMBER, 0, FALSE, TEAM_WIDTH_MAX);
  else if (self->kind != PD_STANDINGS_TEAMS && has_values (self, FIELD_TEAM))
    pd_sheet_add_column (sheet, FIELD_TEAM, 0, FALSE, TEAM_WIDTH_MAX);
  if (has_values (self, FIELD_NATIONALITY))
    pd_sheet_add_column (sheet, FIELD_NATIONALITY, 0, FALSE, 0);
  for (guint i = 0; i < self->sessions->len; i++)
    pd_sheet_add_column (sheet, FIELD_SESSION, i, TRUE, 0);
  pd_sheet_add_column (sheet, FIELD_POINTS, 0, TRUE, 0);

  for (guint c = 0; c < sheet->columns->len; c++)
    {
      TableColumn *column = &g_array_index (sheet->columns, TableColumn, c);
      /* Bold for points and marked cells. */
      const char *font = column->field == FIELD_POINTS || column->field == FIELD_SESSION ? BOLD_FONT : BODY_FONT;

      pd_sheet_column_measure (sheet, column, BOLD_FONT,
                               column->field == FIELD_SESSION
                               ? g_array_index (self->sessions, SessionColumn, column->index).label
                               : field_heading (self, column->field));
      for (guint s = 0; s < self->sections->len; s++)
        {
          SheetSection *section = self->sections->pdata[s];

          for (guint r = 0; r < section->rows->len; r++)
            pd_sheet_column_measure (sheet, column, font, cell_text (section->rows->pdata[r], column));
        }
      if (column->field == FIELD_SESSION)
        session_width = MAX (session_width, column->natural);
    }

  /* Session columns all alike. */
  for (guint c = 0; c < sheet->columns->len; c++)
    {
      TableColumn *column = &g_array_index (sheet->columns, TableColumn, c);

      if (column->field == FIELD_SESSION)
        column->natural = session_width;
    }
  /* The rounds above their sessions' columns. */
  sheet->header_rows = self->sessions->len > 0 ? 2 : 1;
  pd_sheet_columns_done (sheet);
}

/* ---------------------------------------------------------------------- */
/* Pagination */

static void
standings_sheet_lay_out (PdSheet *sheet)
{
  PdStandingsSheet *self = (PdStandingsSheet *) sheet;
  guint n_rows = 0;

  pd_sheet_add_paragraph (sheet, TITLE_FONT, sheet->title, FALSE, 2);
  pd_sheet_add_paragraph (sheet, SUBTITLE_FONT, self->subtitle, FALSE, 4);
  if (self->rounds_text != NULL)
    pd_sheet_add_paragraph (sheet, SMALL_FONT, self->rounds_text, TRUE, 2);
  pd_sheet_add_paragraph (sheet, SMALL_FONT, self->legend, TRUE, SECTION_GAP);

  for (guint s = 0; s < self->sections->len; s++)
    {
      SheetSection *section = self->sections->pdata[s];

      if (section->rows->len == 0)
        continue;
      n_rows += section->rows->len;

      pd_sheet_add_table (sheet, s, section->title, section->rows->len);
      for (guint r = 0; r < section->rows->len; r++)
        {
          SheetRow *row = section->rows->pdata[r];

          if (row->note != NULL)
            pd_sheet_add_paragraph (sheet, SMALL_FONT, row->note, TRUE, 1);
        }
      /* The title maths, under the table. */
      if (section->title_lines != NULL)
        pd_sheet_add_space (sheet, 4);
      for (guint i = 0; section->title_lines != NULL && i < section->title_lines->len; i++)
        pd_sheet_add_paragraph (sheet, i == 0 ? BOLD_FONT : SMALL_FONT, section->title_lines->pdata[i], FALSE,
                                i == 0 ? 2 : 1);
      pd_sheet_add_space (sheet, SECTION_GAP);
    }

  if (n_rows == 0)
    pd_sheet_add_paragraph (sheet, SUBTITLE_FONT, _("No result of this season has scored points yet."), FALSE,
                            SECTION_GAP);

  if (self->notes->len > 0)
    {
      pd_sheet_add_paragraph (sheet, BOLD_FONT, _("Notes"), FALSE, 2);
      for (guint i = 0; i < self->notes->len; i++)
        pd_sheet_add_paragraph (sheet, SMALL_FONT, self->notes->pdata[i], FALSE, 2);
    }
}

/* ---------------------------------------------------------------------- */
/* Drawing */

static gboolean
starts_round (PdStandingsSheet  *self,
              const TableColumn *column)
{
  const SessionColumn *sessions = (const SessionColumn *) self->sessions->data;

  if (column->field != FIELD_SESSION)
    return column->field == FIELD_POINTS;
  return column->index == 0 || sessions[column->index - 1].round != sessions[column->index].round;
}

/* Thin rules before each round's columns and before the points. */
static void
draw_round_rules (PdStandingsSheet *self,
                  cairo_t          *cr,
                  double            top,
                  double            height)
{
  GArray *columns = self->parent.columns;
  double x = 0;

  cairo_set_source_rgb (cr, PD_SHEET_RULE, PD_SHEET_RULE, PD_SHEET_RULE);
  cairo_set_line_width (cr, 0.4);
  for (guint c = 0; c < columns->len; c++)
    {
      TableColumn *column = &g_array_index (columns, TableColumn, c);

      if (starts_round (self, column))
        {
          cairo_move_to (cr, x, top);
          cairo_line_to (cr, x, top + height);
          cairo_stroke (cr);
        }
      x += column->width;
    }
}

static void
standings_sheet_draw_table_header (PdSheet *sheet,
                                   cairo_t *cr,
                                   guint    table)
{
  PdStandingsSheet *self = (PdStandingsSheet *) sheet;
  double row_height = sheet->row_height;
  guint rows = sheet->header_rows;
  double x = 0, y = row_height * (rows - 1);

  pd_sheet_begin_header (sheet, cr);
  for (guint c = 0; c < sheet->columns->len; c++)
    {
      TableColumn *column = &g_array_index (sheet->columns, TableColumn, c);

      if (column->field == FIELD_SESSION)
        {
          SessionColumn *session = &g_array_index (self->sessions, SessionColumn, column->index);

          pd_sheet_draw_cell (sheet, cr, column, x, y, BOLD_FONT, session->label, NULL);

          /* Above the first column of a round, the round across all of them. */
          if (starts_round (self, column))
            {
              const char *name = g_hash_table_lookup (self->round_names, GINT_TO_POINTER (session->round));
              g_autofree char *number = g_strdup_printf ("%d", session->round);
              g_autofree char *label = g_strdup_printf ("%d %s", session->round, name != NULL ? name : "");
              double span = 0, label_width;

              for (guint o = c; o < sheet->columns->len; o++)
                {
                  TableColumn *other = &g_array_index (sheet->columns, TableColumn, o);

                  if (other->field != FIELD_SESSION ||
                      g_array_index (self->sessions, SessionColumn, other->index).round != session->round)
                    break;
                  span += other->width;
                }
              pd_sheet_text_size (sheet, BOLD_FONT, label, -1, &label_width, NULL);
              pd_sheet_show_text (sheet, cr, BOLD_FONT, label_width <= span - 2 * CELL_PAD ? label : number,
                                  x + CELL_PAD, CELL_VPAD, span - 2 * CELL_PAD, PANGO_ALIGN_CENTER, FALSE);
            }
        }
      else
        pd_sheet_draw_cell (sheet, cr, column, x, y, BOLD_FONT, field_heading (self, column->field), NULL);
      x += column->width;
    }

  draw_round_rules (self, cr, 0, row_height * rows);
  pd_sheet_end_header (sheet, cr);
}

static void
standings_sheet_draw_row (PdSheet *sheet,
                          cairo_t *cr,
                          guint    table,
                          guint    index)
{
  PdStandingsSheet *self = (PdStandingsSheet *) sheet;
  SheetSection *section = self->sections->pdata[table];
  SheetRow *row = section->rows->pdata[index];
  double x = 0;

  pd_sheet_begin_row (sheet, cr, index);
  for (guint c = 0; c < sheet->columns->len; c++)
    {
      TableColumn *column = &g_array_index (sheet->columns, TableColumn, c);
      guint8 mark = column->field == FIELD_SESSION ? row->marks->data[column->index] : 0;
      PangoAttrList *attributes = NULL;

      if (mark != 0)
        {
          attributes = pango_attr_list_new ();
          if (mark & MARK_POLE)
            pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
          if (mark & MARK_FASTEST)
            pango_attr_list_insert (attributes, pango_attr_style_new (PANGO_STYLE_ITALIC));
        }
      pd_sheet_draw_cell (sheet, cr, column, x, 0, column->field == FIELD_POINTS ? BOLD_FONT : BODY_FONT,
                          cell_text (row, column), attributes);
      g_clear_pointer (&attributes, pango_attr_list_unref);
      x += column->width;
    }

  draw_round_rules (self, cr, 0, sheet->row_height);
}

/* ---------------------------------------------------------------------- */
/* The sheet as any sheet */

/**
 * pd_standings_sheet_wants_landscape:
 * @width: the page's width in points, portrait
 * @height: the page's height in points, portrait
 *
 * Returns: whether the table is too wide for the page upright
 */
gboolean
pd_standings_sheet_wants_landscape (PdStandingsSheet *self,
                                    double            width,
                                    double            height)
{
  return pd_sheet_wants_landscape ((PdSheet *) self, width, height);
}

/**
 * pd_standings_sheet_paginate:
 *
 * See pd_sheet_paginate().
 *
 * Returns: the number of pages, at least 1
 */
int
pd_standings_sheet_paginate (PdStandingsSheet *self,
                             double            width,
                             double            height)
{
  return pd_sheet_paginate ((PdSheet *) self, width, height);
}

/**
 * pd_standings_sheet_draw_page:
 *
 * See pd_sheet_draw_page(): the PDF export and printing both draw with
 * this.
 */
void
pd_standings_sheet_draw_page (PdStandingsSheet *self,
                              cairo_t          *cr,
                              double            width,
                              double            height,
                              int               page)
{
  pd_sheet_draw_page ((PdSheet *) self, cr, width, height, page);
}

/**
 * pd_standings_sheet_write_pdf:
 *
 * See pd_sheet_write_pdf().
 *
 * Returns: whether the file was written
 */
gboolean
pd_standings_sheet_write_pdf (PdStandingsSheet  *self,
                              const char        *path,
                              PdPaper            paper,
                              GError           **error)
{
  return pd_sheet_write_pdf ((PdSheet *) self, path, paper, error);
}
