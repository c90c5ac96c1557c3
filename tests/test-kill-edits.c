/* Killing the app in the middle of a burst of edits (issue 4): a child
 * process makes a fast burst of edits through the results editor's core
 * and acknowledges each one on a pipe once the call has returned; the
 * test kills it with SIGKILL, at a different moment in each round, and
 * then finds the database file intact and every acknowledged edit in it.
 *
 * The burst is a script that both sides know (burst_script()): the child
 * plays it, the parent works out what the session must hold after each
 * edit (a model of the cars' order, times, penalties and the undo log)
 * and compares the file with it. The file may hold one edit more than
 * was acknowledged (killed after the commit, before the ack) but never
 * one less. */

#define G_LOG_DOMAIN "paddock-test"

#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pd-alkamel.h"
#include "pd-results-editor.h"
#include "pd-test.h"
#include "pd-timing.h"

#define SEASON     "kill-2024"
#define SESSION_ID SEASON ".r1.race-2"
#define N_CARS     40
#define MAX_OPS    256

static const PdTestFixtureOptions no_store = {
  .name = "kill-edits",
  .store = PD_TEST_STORE_NONE,
};

/* The burst. */

typedef enum {
  OP_ADD,
  OP_TIME,
  OP_PENALTY,
  OP_MOVE,
  OP_UNDO,
  OP_REDO,
} OpKind;

typedef struct {
  OpKind kind;
  guint  car;   /* the car (an index of the sheet's field) */
  gint64 ms;    /* OP_TIME: the race time */
  guint  to;    /* OP_MOVE: the place in the entered order, from 0 */
} Op;

/* What the session holds: the cars in the entered order, their race
 * times and time penalties. */
typedef struct {
  guint  n;
  guint  order[N_CARS];
  gint64 time_ms[N_CARS];   /* -1: none */
  guint  n_penalties[N_CARS];
  gint64 penalty_ms[N_CARS];
} State;

/* What the file must hold after an edit: the state, the state an undo
 * goes back to, and the undo log's length. */
typedef struct {
  State now;
  State before;
  guint done;
  guint undone;
} Expected;

typedef struct {
  Op       ops[MAX_OPS];
  guint    n_ops;
  Expected expected[MAX_OPS + 1];  /* [k]: after k edits */
} Burst;

/* The numbers of pd_test_alkamel_sheet(). */
static char *
car_number (guint car)
{
  return g_strdup_printf ("%u", car * 37 % 97 + 1);
}

static gboolean
state_has (const State *s,
           guint        car,
           guint       *place)
{
  for (guint i = 0; i < s->n; i++)
    if (s->order[i] == car)
      {
        if (place != NULL)
          *place = i;
        return TRUE;
      }
  return FALSE;
}

/* The undo log of the model: the states of the done edits, from the
 * empty session, and those of the undone ones, the next redo last. */
typedef struct {
  State done[MAX_OPS + 1];
  guint n_done;
  State undone[MAX_OPS];
  guint n_undone;
} Log;

static void
burst_push (Burst  *burst,
            Log    *log,
            Op      op)
{
  State *top = &log->done[log->n_done - 1];
  Expected *e;

  g_assert_cmpuint (burst->n_ops, <, MAX_OPS);
  switch (op.kind)
    {
    case OP_UNDO:
      g_assert_cmpuint (log->n_done, >, 1);
      log->undone[log->n_undone++] = *top;
      log->n_done--;
      break;
    case OP_REDO:
      g_assert_cmpuint (log->n_undone, >, 0);
      log->done[log->n_done++] = log->undone[--log->n_undone];
      break;
    default:
      {
        State next = *top;
        guint place = 0;

        switch (op.kind)
          {
          case OP_ADD:
            g_assert_false (state_has (&next, op.car, NULL));
            next.order[next.n++] = op.car;
            /* No time yet: "not known", as the store has it. */
            next.time_ms[op.car] = -1;
            break;
          case OP_TIME:
            g_assert_true (state_has (&next, op.car, NULL));
            next.time_ms[op.car] = op.ms;
            break;
          case OP_PENALTY:
            g_assert_true (state_has (&next, op.car, NULL));
            next.n_penalties[op.car]++;
            next.penalty_ms[op.car] += 11000;
            break;
          case OP_MOVE:
            g_assert_true (state_has (&next, op.car, &place));
            memmove (&next.order[place], &next.order[place + 1], (next.n - place - 1) * sizeof (guint));
            op.to = MIN (op.to, next.n - 1);
            memmove (&next.order[op.to + 1], &next.order[op.to], (next.n - op.to - 1) * sizeof (guint));
            next.order[op.to] = op.car;
            break;
          default:
            g_assert_not_reached ();
          }
        /* A new edit drops what could have been redone. */
        log->n_undone = 0;
        log->done[log->n_done++] = next;
      }
      break;
    }

  burst->ops[burst->n_ops++] = op;
  e = &burst->expected[burst->n_ops];
  e->now = log->done[log->n_done - 1];
  e->before = log->n_done > 1 ? log->done[log->n_done - 2] : log->done[0];
  e->done = log->n_done - 1;
  e->undone = log->n_undone;
}

/* Cars added in finishing order with their times typed in as they come,
 * penalties, a few cars moved, undo and redo mixed in (an undo followed
 * by a redo, or by a new edit that drops it), then every time typed
 * again. */
static Burst *
burst_script (void)
{
  Burst *burst = g_new0 (Burst, 1);
  g_autofree Log *log = g_new0 (Log, 1);

  log->n_done = 1;
  for (guint car = 0; car < N_CARS; car++)
    {
      burst_push (burst, log, (Op) { OP_ADD, car });
      if (car % 3 == 2)
        burst_push (burst, log, (Op) { OP_TIME, car - 1, 3600000 + car * 1500 + burst->n_ops });
      if (car % 7 == 6)
        {
          burst_push (burst, log, (Op) { OP_UNDO });
          if (car % 14 == 6)
            burst_push (burst, log, (Op) { OP_REDO });
          else if (!state_has (&log->done[log->n_done - 1], car, NULL))
            burst_push (burst, log, (Op) { OP_ADD, car });
          else
            burst_push (burst, log, (Op) { OP_TIME, car, 3600000 + car * 1500 + burst->n_ops });
        }
      if (car % 10 == 9)
        burst_push (burst, log, (Op) { OP_PENALTY, car - 2 });
      if (car % 11 == 10)
        burst_push (burst, log, (Op) { OP_MOVE, car, .to = car / 2 });
      if (car % 13 == 12)
        {
          burst_push (burst, log, (Op) { OP_UNDO });
          burst_push (burst, log, (Op) { OP_UNDO });
          burst_push (burst, log, (Op) { OP_REDO });
          burst_push (burst, log, (Op) { OP_REDO });
        }
    }
  for (guint car = 0; car < N_CARS; car++)
    burst_push (burst, log, (Op) { OP_TIME, car, 3600000 + car * 1733 + burst->n_ops });
  return burst;
}

static char *
describe_op (const Op *op)
{
  g_autofree char *number = car_number (op->car);

  switch (op->kind)
    {
    case OP_ADD: return g_strdup_printf ("add %s", number);
    case OP_TIME: return g_strdup_printf ("time %s %" G_GINT64_FORMAT, number, op->ms);
    case OP_PENALTY: return g_strdup_printf ("penalty %s +11", number);
    case OP_MOVE: return g_strdup_printf ("move %s %u", number, op->to);
    case OP_UNDO: return g_strdup ("undo");
    case OP_REDO: return g_strdup ("redo");
    default: g_assert_not_reached ();
    }
}

/* The child: plays the burst and acknowledges each edit on stdout. */

static char *
result_id_of (PdResultsEditor *editor,
              guint            car)
{
  g_autoptr(GPtrArray) results = pd_results_editor_get_results (editor);
  g_autofree char *number = car_number (car);

  for (guint i = 0; i < results->len; i++)
    if (g_strcmp0 (pd_result_get_car_number (results->pdata[i]), number) == 0)
      return g_strdup (pd_result_get_id (results->pdata[i]));
  return g_strdup ("none");
}

static gboolean
play (PdResultsEditor  *editor,
      const Op         *op,
      GError          **error)
{
  g_autofree char *number = car_number (op->car);
  g_autofree char *id = result_id_of (editor, op->car);
  g_autofree char *time = NULL;

  switch (op->kind)
    {
    case OP_ADD:
      return pd_results_editor_add_car (editor, number, error);
    case OP_TIME:
      time = pd_timing_format_time (op->ms);
      return pd_results_editor_set_field (editor, id, PD_RESULTS_FIELD_TIME, time, error);
    case OP_PENALTY:
      return pd_results_editor_add_penalty (editor, id, PD_PENALTY_KIND_TIME, "+11", "Pit stop", "Doc. 7", error);
    case OP_MOVE:
      return pd_results_editor_move (editor, id, op->to, error);
    case OP_UNDO:
      return pd_results_editor_undo (editor, error);
    case OP_REDO:
      return pd_results_editor_redo (editor, error);
    default:
      g_assert_not_reached ();
    }
}

/* Written with write(2) and not stdio, so that nothing waits in a buffer:
 * a line is on the pipe before the next edit starts. */
static void
say (const char *line)
{
  gsize length = strlen (line);

  while (length > 0)
    {
      ssize_t n = write (STDOUT_FILENO, line, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        _exit (4);
      line += n;
      length -= (gsize) n;
    }
}

static int
child_main (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdStore) store = pd_store_new (path, NULL, NULL, &error);
  g_autoptr(PdResultsEditor) editor = NULL;
  g_autofree Burst *burst = burst_script ();

  if (store == NULL || (editor = pd_results_editor_new (store, SESSION_ID, &error)) == NULL)
    {
      g_printerr ("child: %s\n", error->message);
      return 3;
    }
  for (guint i = 0; i < burst->n_ops; i++)
    {
      g_autofree char *what = describe_op (&burst->ops[i]);
      g_autofree char *line = NULL;

      if (!play (editor, &burst->ops[i], &error))
        {
          g_printerr ("child: edit %u (%s) failed: %s\n", i + 1, what, error->message);
          return 3;
        }
      line = g_strdup_printf ("ack %u %s\n", i + 1, what);
      say (line);
    }
  say ("done\n");
  return 0;
}

/* The parent. */

/* A season with the sheet's 40 cars in its entry list (Race 1 imported),
 * and an empty Race 2 for the burst. */
static void
prepare_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdStore) store = pd_store_new (path, NULL, NULL, &error);
  g_autofree char *sheet = pd_test_alkamel_sheet (N_CARS, 1);
  g_autoptr(PdSession) session = NULL;
  PdAlkamelStats stats = { 0 };

  g_assert_no_error (error);
  g_assert_true (pd_alkamel_import (store, "race-1.csv", sheet, strlen (sheet), SEASON, 1, "Race 1", &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.entries_created, ==, N_CARS);
  pd_alkamel_stats_clear (&stats);

  session = g_object_new (PD_TYPE_SESSION, "id", SESSION_ID, "round-id", SEASON ".r1", "name", "Race 2",
                          "kind", PD_SESSION_KIND_RACE, NULL);
  g_assert_true (pd_store_save (store, G_OBJECT (session), &error));
  g_assert_no_error (error);
}

static char *
self_exe (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_file_read_link ("/proc/self/exe", &error);

  g_assert_no_error (error);
  return path;
}

typedef struct {
  guint    acks;
  gboolean finished;   /* the child said "done" */
  gboolean killed;
  gint64   elapsed_us; /* from the spawn to the kill, or to the end */
} Round;

/* Reads the lines the child has written so far; checks each ack against
 * the script. Returns FALSE at the end of the pipe. */
static gboolean
read_acks (int          fd,
           GString     *pending,
           const Burst *burst,
           Round       *round)
{
  char buffer[4096];
  ssize_t n;
  char *eol;

  do
    n = read (fd, buffer, sizeof buffer);
  while (n < 0 && errno == EINTR);
  g_assert_cmpint (n, >=, 0);
  g_string_append_len (pending, buffer, n);

  while ((eol = strchr (pending->str, '\n')) != NULL)
    {
      g_autofree char *line = g_strndup (pending->str, eol - pending->str);

      g_string_erase (pending, 0, eol - pending->str + 1);
      if (g_str_equal (line, "done"))
        {
          g_assert_cmpuint (round->acks, ==, burst->n_ops);
          round->finished = TRUE;
        }
      else
        {
          g_autofree char *what = describe_op (&burst->ops[round->acks]);
          g_autofree char *wanted = g_strdup_printf ("ack %u %s", round->acks + 1, what);

          g_assert_cmpuint (round->acks, <, burst->n_ops);
          g_assert_cmpstr (line, ==, wanted);
          round->acks++;
        }
    }
  return n > 0;
}

/* Runs the child; kills it @delay_us after the spawn, or as soon as it
 * has acknowledged @kill_at_ack edits (0: never), and reads every ack it
 * wrote before it died. */
static void
run_child (const char  *path,
           const Burst *burst,
           gint64       delay_us,
           guint        kill_at_ack,
           Round       *round)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *exe = self_exe ();
  g_autoptr(GString) pending = g_string_new (NULL);
  const char *argv[] = { exe, "--kill-child", path, NULL };
  gint64 start = g_get_monotonic_time ();
  /* With an ack to wait for, the delay counts from that ack. */
  gint64 deadline = delay_us > 0 && kill_at_ack == 0 ? start + delay_us : G_MAXINT64;
  gboolean open = TRUE;
  GPid pid;
  int out, status;

  memset (round, 0, sizeof *round);
  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out, NULL, &error));
  g_assert_no_error (error);

  while (open && !round->killed)
    {
      gint64 now = g_get_monotonic_time ();
      struct pollfd pfd = { out, POLLIN, 0 };
      int timeout_ms = deadline == G_MAXINT64 ? 60000 : (int) MAX (0, (deadline - now + 999) / 1000);
      int ready;

      /* poll() counts in milliseconds; the last one is waited for here. */
      if (deadline != G_MAXINT64 && deadline - now < 1000)
        {
          if (deadline > now)
            g_usleep (deadline - now);
          timeout_ms = 0;
        }
      ready = poll (&pfd, 1, timeout_ms);
      g_assert_cmpint (ready, >=, 0);
      if (ready > 0)
        open = read_acks (out, pending, burst, round);
      if (kill_at_ack > 0 && delay_us > 0 && round->acks >= kill_at_ack && deadline == G_MAXINT64)
        deadline = g_get_monotonic_time () + delay_us;
      if (g_get_monotonic_time () >= deadline || (kill_at_ack > 0 && delay_us == 0 && round->acks >= kill_at_ack))
        {
          g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
          round->killed = TRUE;
        }
      g_assert_cmpint (g_get_monotonic_time () - start, <, 120 * G_USEC_PER_SEC);
    }
  round->elapsed_us = g_get_monotonic_time () - start;

  /* Every line written before the kill is an acknowledged edit. */
  while (open)
    open = read_acks (out, pending, burst, round);
  g_assert_cmpuint (pending->len, ==, 0);
  close (out);

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  if (WIFSIGNALED (status))
    {
      g_assert_true (round->killed);
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
    }
  else
    {
      /* It was done before the kill came. */
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
      g_assert_true (round->finished);
      round->killed = FALSE;
    }
}

static void
assert_integrity (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static int
compare_road (gconstpointer a,
              gconstpointer b)
{
  return pd_result_get_road_position (*(PdResult **) a) - pd_result_get_road_position (*(PdResult **) b);
}

/* The session as the file holds it, in the model's terms. */
static void
read_state (PdStore *store,
            State   *state,
            guint   *done,
            guint   *undone)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = pd_store_list_results (store, SESSION_ID, &error);
  g_autoptr(GListModel) edits = NULL;
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seqs = g_hash_table_new (g_direct_hash, g_direct_equal);

  g_assert_no_error (error);
  memset (state, 0, sizeof *state);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (results, g_list_model_get_item (list, i));
  g_ptr_array_sort (results, compare_road);
  g_assert_cmpuint (results->len, <=, N_CARS);

  for (guint i = 0; i < results->len; i++)
    {
      PdResult *result = results->pdata[i];
      g_autoptr(GListModel) penalties = pd_store_list_penalties (store, pd_result_get_id (result), &error);
      guint car = N_CARS;

      g_assert_no_error (error);
      g_assert_cmpint (pd_result_get_road_position (result), ==, i + 1);
      for (guint c = 0; c < N_CARS && car == N_CARS; c++)
        {
          g_autofree char *number = car_number (c);
          if (g_strcmp0 (number, pd_result_get_car_number (result)) == 0)
            car = c;
        }
      g_assert_cmpuint (car, <, N_CARS);
      state->order[state->n++] = car;
      state->time_ms[car] = pd_result_get_total_time_ms (result);
      for (guint p = 0; p < g_list_model_get_n_items (penalties); p++)
        {
          g_autoptr(PdPenalty) penalty = g_list_model_get_item (penalties, p);

          g_assert_cmpint (pd_penalty_get_kind (penalty), ==, PD_PENALTY_KIND_TIME);
          state->n_penalties[car]++;
          state->penalty_ms[car] += pd_penalty_get_time_ms (penalty);
        }
    }

  /* The done edits are numbered 1 … done; the undone ones follow. */
  edits = pd_store_list_edits (store, SESSION_ID, &error);
  g_assert_no_error (error);
  *done = *undone = 0;
  for (guint i = 0; i < g_list_model_get_n_items (edits); i++)
    {
      g_autoptr(PdEdit) edit = g_list_model_get_item (edits, i);

      g_assert_false (g_hash_table_contains (seqs, GINT_TO_POINTER (pd_edit_get_seq (edit))));
      g_hash_table_add (seqs, GINT_TO_POINTER (pd_edit_get_seq (edit)));
      if (pd_edit_get_undone (edit))
        (*undone)++;
      else
        (*done)++;
    }
  for (guint i = 0; i < g_list_model_get_n_items (edits); i++)
    {
      g_autoptr(PdEdit) edit = g_list_model_get_item (edits, i);

      if (pd_edit_get_undone (edit))
        g_assert_cmpint (pd_edit_get_seq (edit), >, *done);
      else
        g_assert_cmpint (pd_edit_get_seq (edit), <=, *done);
    }
}

static gboolean
state_equal (const State *a,
             const State *b)
{
  if (a->n != b->n || memcmp (a->order, b->order, a->n * sizeof (guint)) != 0)
    return FALSE;
  for (guint i = 0; i < a->n; i++)
    {
      guint car = a->order[i];

      if (a->time_ms[car] != b->time_ms[car] || a->n_penalties[car] != b->n_penalties[car] ||
          a->penalty_ms[car] != b->penalty_ms[car])
        return FALSE;
    }
  return TRUE;
}

static gboolean
matches (const State    *state,
         guint           done,
         guint           undone,
         const Expected *e)
{
  return done == e->done && undone == e->undone && state_equal (state, &e->now);
}

static void
assert_state (PdStore        *store,
              const Expected *e)
{
  State state;
  guint done, undone;

  read_state (store, &state, &done, &undone);
  g_assert_cmpuint (done, ==, e->done);
  g_assert_cmpuint (undone, ==, e->undone);
  g_assert_cmpuint (state.n, ==, e->now.n);
  g_assert_true (state_equal (&state, &e->now));
}

/* After a round: the file is intact and holds every acknowledged edit
 * (and at most the one after it); a new editor carries on from there. */
static void
check_round (const char  *path,
             const Burst *burst,
             const Round *round)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdStore) store = NULL;
  g_autoptr(PdResultsEditor) editor = NULL;
  const Expected *e = &burst->expected[round->acks];
  const Expected *found = NULL;
  Expected after_undo;
  State state;
  guint done, undone;

  assert_integrity (path);
  store = pd_store_new (path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  read_state (store, &state, &done, &undone);
  if (matches (&state, done, undone, e))
    found = e;
  else if (round->acks < burst->n_ops && matches (&state, done, undone, &burst->expected[round->acks + 1]))
    found = &burst->expected[round->acks + 1];
  if (found == NULL)
    {
      /* Say what differs. */
      g_test_message ("the file matches neither edit %u nor the one after", round->acks);
      assert_state (store, e);
    }
  g_assert_nonnull (found);
  if (found != e)
    g_test_message ("the edit after the last ack was in the file too (killed before its ack)");

  /* A new editor finds the state and the log: undo, then redo. */
  editor = pd_results_editor_new (store, SESSION_ID, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pd_results_editor_can_undo (editor), ==, found->done > 0);
  g_assert_cmpuint (pd_results_editor_can_redo (editor), ==, found->undone > 0);
  if (found->done > 0)
    {
      g_assert_true (pd_results_editor_undo (editor, &error));
      g_assert_no_error (error);
      after_undo = (Expected) { found->before, found->before, found->done - 1, found->undone + 1 };
      read_state (store, &state, &done, &undone);
      g_assert_cmpuint (done, ==, after_undo.done);
      g_assert_cmpuint (undone, ==, after_undo.undone);
      g_assert_true (state_equal (&state, &after_undo.now));
      g_assert_true (pd_results_editor_redo (editor, &error));
      g_assert_no_error (error);
    }
  assert_state (store, found);

  /* And a new edit goes on top of it. */
  if (found->now.n < N_CARS)
    {
      g_autofree char *number = NULL;
      guint car = 0;

      while (state_has (&found->now, car, NULL))
        car++;
      number = car_number (car);
      g_assert_true (pd_results_editor_add_car (editor, number, &error));
      g_assert_no_error (error);
      read_state (store, &state, &done, &undone);
      g_assert_cmpuint (done, ==, found->done + 1);
      g_assert_cmpuint (undone, ==, 0);
      g_assert_cmpuint (state.n, ==, found->now.n + 1);
    }
}

static void
test_kill (PdTestFixture *f,
           gconstpointer  data)
{
  g_autofree Burst *burst = burst_script ();
  g_autofree char *first = g_build_filename (f->dir, "whole.db", NULL);
  /* Where in the burst the timed kills fall: after this part of it is
   * acknowledged, a random moment into the next edit. */
  static const double parts[] = { 0.1, 0.25, 0.4, 0.55, 0.7, 0.85 };
  /* Kills as soon as this many edits are acknowledged (parts of the
   * burst), whatever the speed of the machine. */
  static const double at_acks[] = { 0.05, 0.3, 0.5 };
  Round round;
  gint64 whole_us;
  guint mid_burst = 0, timed_mid_burst = 0, rounds = 0;

  g_assert_cmpuint (burst->n_ops, >, 100);

  /* A whole burst, not killed: how long it takes here. */
  prepare_database (first);
  run_child (first, burst, 0, 0, &round);
  g_assert_true (round.finished);
  g_assert_false (round.killed);
  g_assert_cmpuint (round.acks, ==, burst->n_ops);
  check_round (first, burst, &round);
  whole_us = round.elapsed_us;
  g_test_message ("a whole burst: %u edits in %.0f ms", burst->n_ops, whole_us / 1000.0);

  for (guint i = 0; i < G_N_ELEMENTS (parts) + G_N_ELEMENTS (at_acks); i++)
    {
      g_autofree char *name = g_strdup_printf ("round-%u.db", i);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      gboolean timed = i < G_N_ELEMENTS (parts);
      gint64 delay = 0;
      guint at = 0;

      if (timed)
        {
          /* After that part of the burst is acknowledged, within the time
           * of the next edit or two: most often in the middle of its
           * commit, whatever the speed of the machine. */
          at = MAX (1, (guint) (burst->n_ops * parts[i]));
          delay = MAX (20, (gint64) (whole_us / burst->n_ops * g_test_rand_double_range (0.05, 1.5)));
        }
      else
        at = MAX (1, (guint) (burst->n_ops * at_acks[i - G_N_ELEMENTS (parts)]));

      prepare_database (path);
      run_child (path, burst, delay, at, &round);
      check_round (path, burst, &round);
      rounds++;

      g_test_message ("round %u: %s, %u of %u edits acknowledged", i,
                      round.killed ? "killed" : "not killed (the burst was over)", round.acks, burst->n_ops);
      if (round.killed && round.acks > 0 && round.acks < burst->n_ops)
        {
          mid_burst++;
          if (timed)
            timed_mid_burst++;
        }
      /* Killed at, or just after, an ack before the last: mid-burst. */
      g_assert_true (round.killed);
      g_assert_cmpuint (round.acks, >=, at);
      g_assert_cmpuint (round.acks, <, burst->n_ops);
    }

  /* The timed kills landed mid-burst, most of them at least. */
  g_assert_cmpuint (timed_mid_burst, >=, G_N_ELEMENTS (parts) / 2);
  g_assert_cmpuint (mid_burst, >=, rounds / 2);
}

/* The model itself: what the script implies, checked by hand on a few
 * edits, so that a model that agreed with a broken editor would show. */
static void
test_script (void)
{
  g_autofree Burst *burst = burst_script ();
  const Expected *last = &burst->expected[burst->n_ops];

  g_assert_cmpuint (burst->ops[0].kind, ==, OP_ADD);
  g_assert_cmpuint (burst->expected[1].now.n, ==, 1);
  g_assert_cmpuint (burst->expected[1].done, ==, 1);
  /* Edit 4 is the time of the second car: 3600000 + 2 × 1500 + 3. */
  g_assert_cmpuint (burst->ops[3].kind, ==, OP_TIME);
  g_assert_cmpint (burst->expected[4].now.time_ms[1], ==, 3603003);
  g_assert_cmpint (burst->expected[4].before.time_ms[1], ==, -1);
  /* Every car in, each with its last time, and the penalties: on cars 7,
   * 17, 27 and 37. */
  g_assert_cmpuint (last->now.n, ==, N_CARS);
  g_assert_cmpuint (last->undone, ==, 0);
  g_assert_cmpint (last->now.time_ms[N_CARS - 1], ==, 3600000 + (N_CARS - 1) * 1733 + burst->n_ops - 1);
  for (guint car = 0; car < N_CARS; car++)
    g_assert_cmpuint (last->now.n_penalties[car], ==, car % 10 == 7 ? 1 : 0);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--kill-child"))
    return child_main (argv[2]);

  pd_test_init (&argc, &argv);

  pd_test_add_isolated ("/kill-edits/script", (GTestDataFunc) test_script, NULL);
  /* The child inherits the fast unwinder (see pd-test.h): hundreds of
   * edits under LeakSanitizer. */
  pd_test_add_fixture ("/kill-edits/kill", &no_store, test_kill, NULL, PD_TEST_FAST_UNWIND);

  return g_test_run ();
}
