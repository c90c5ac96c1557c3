#define G_LOG_DOMAIN "paddock-scoring"

#include "config.h"

#include <string.h>

#include "pd-classification.h"

/*
 * A session's classification, the way timing sheets derive it:
 *
 * 1. Every result falls into one group: classified, not classified, did
 *    not start, disqualified or excluded. Exclusion wins over
 *    disqualification, which wins over everything else, because a car
 *    thrown out of the results has no place left to keep.
 * 2. Classified and not-classified cars are ordered by laps (more first),
 *    then by race time plus time penalties (less first), then by input
 *    order, so that a tie is stable and the caller decides it (for
 *    example by who crossed the line first).
 * 3. Position penalties move a classified car down after that order; the
 *    cars it passes move up one each.
 * 4. Positions are numbered: classified cars first, then the not
 *    classified ones, which still get a number after them, as Al Kamel
 *    prints them. Results known only by their official position keep it,
 *    and the derived ones fill the numbers around them.
 * 5. Class positions count the classified cars of each class in that
 *    order, again around any recorded class position.
 * 6. The whole derivation runs a second time without penalties, and its
 *    positions are the road positions, so that the editor can show the
 *    order before and after the stewards' decisions.
 */

typedef enum {
  GROUP_CLASSIFIED,
  GROUP_NOT_CLASSIFIED,
  GROUP_DNS,
  GROUP_DSQ,
  GROUP_EXCLUDED,
} Group;

typedef struct {
  const PdClassifyEntry *entry;
  guint                  index;          /* in the input, the last tie-break */
  Group                  group;
  PdResultStatus         status;
  int                    laps;           /* -1 when not known */
  gint64                 time_ms;        /* with time penalties; -1 when not known */
  gboolean               derived;        /* laps or time known */
  gboolean               recorded;       /* only a recorded position known */
  int                    position;
  int                    class_position;
} Item;

static gint64
add_penalty (gint64 time_ms,
             gint64 penalty_ms)
{
  /* Times are milliseconds, far from the limits, but the input comes from
   * files and feeds: saturate instead of overflowing. A negative penalty
   * (time given back) never makes a time negative. */
  if (penalty_ms > 0 && time_ms > G_MAXINT64 - penalty_ms)
    return G_MAXINT64;
  if (time_ms + penalty_ms < 0)
    return 0;
  return time_ms + penalty_ms;
}

/* Laps first, then time; an unknown value goes after every known one; the
 * input order decides the rest, which makes the sort stable whatever
 * algorithm g_ptr_array_sort uses. */
static int
compare_performance (gconstpointer a,
                     gconstpointer b)
{
  const Item *x = *(const Item * const *) a;
  const Item *y = *(const Item * const *) b;

  if (x->laps != y->laps)
    return x->laps > y->laps ? -1 : 1;

  if (x->time_ms != y->time_ms)
    {
      if (x->time_ms < 0)
        return 1;
      if (y->time_ms < 0)
        return -1;
      return x->time_ms < y->time_ms ? -1 : 1;
    }

  return x->index < y->index ? -1 : (x->index > y->index ? 1 : 0);
}

static int
compare_recorded_position (gconstpointer a,
                           gconstpointer b)
{
  const Item *x = *(const Item * const *) a;
  const Item *y = *(const Item * const *) b;

  if (x->entry->recorded_position != y->entry->recorded_position)
    return x->entry->recorded_position < y->entry->recorded_position ? -1 : 1;
  return x->index < y->index ? -1 : (x->index > y->index ? 1 : 0);
}

static int
compare_recorded_class_position (gconstpointer a,
                                 gconstpointer b)
{
  const Item *x = *(const Item * const *) a;
  const Item *y = *(const Item * const *) b;

  if (x->entry->recorded_class_position != y->entry->recorded_class_position)
    return x->entry->recorded_class_position < y->entry->recorded_class_position ? -1 : 1;
  return x->index < y->index ? -1 : (x->index > y->index ? 1 : 0);
}

/*
 * Numbers @fill (in order) around @fixed (sorted by their recorded
 * number): a fixed item takes its own number as soon as the count reaches
 * it, or at once when nothing is left to fill the gap before it, so an
 * official "26th" stays 26th even in a sheet that lists only a few cars.
 * Two fixed items with one number, which only a faulty source gives, both
 * keep it. Returns the numbered items in order when @order is given.
 */
static void
merge_numbers (GPtrArray *fixed,
               GPtrArray *fill,
               gboolean   for_class,
               GPtrArray *order)
{
  guint fi = 0;
  guint di = 0;
  int next = 1;

  while (fi < fixed->len || di < fill->len)
    {
      Item *item = NULL;
      int number;

      if (fi < fixed->len)
        {
          Item *candidate = g_ptr_array_index (fixed, fi);
          int wanted = for_class ? candidate->entry->recorded_class_position
                                 : candidate->entry->recorded_position;

          if (wanted <= next || di >= fill->len)
            {
              item = candidate;
              number = wanted;
              next = MAX (next, wanted < G_MAXINT ? wanted + 1 : wanted);
              fi++;
            }
        }

      if (item == NULL)
        {
          item = g_ptr_array_index (fill, di++);
          number = next++;
        }

      if (for_class)
        item->class_position = number;
      else
        item->position = number;
      if (order != NULL)
        g_ptr_array_add (order, item);
    }
}

/*
 * Moves each car with a position penalty down by that many places within
 * @seq, from the back of the field to the front: a car is moved only once
 * every car behind it has been, so two penalised cars next to each other
 * both end up the full distance down, in their original order, instead of
 * the first one's move cancelling part of the second's.
 */
static void
apply_position_penalties (GPtrArray *seq)
{
  for (guint i = seq->len; i-- > 0;)
    {
      Item *item = g_ptr_array_index (seq, i);
      int places = item->entry->penalty_positions;
      guint target;

      if (places <= 0)
        continue;

      target = (guint) MIN ((gint64) i + places, (gint64) seq->len - 1);
      if (target == i)
        continue;

      /* The cars between move up one: shift them, then drop the car in. */
      memmove (&seq->pdata[i], &seq->pdata[i + 1], (target - i) * sizeof (gpointer));
      seq->pdata[target] = item;
    }
}

static void
set_class_positions (GPtrArray *order)
{
  g_autoptr(GHashTable) classes = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                         NULL,
                                                         (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) class_order = g_ptr_array_new ();

  /* Group the classified cars by class, keeping the overall order and the
   * order in which classes first appear, so that the numbering does not
   * depend on the hash table's. */
  for (guint i = 0; i < order->len; i++)
    {
      Item *item = g_ptr_array_index (order, i);
      GPtrArray *members;

      if (item->group != GROUP_CLASSIFIED || item->entry->class_id == NULL)
        continue;

      members = g_hash_table_lookup (classes, item->entry->class_id);
      if (members == NULL)
        {
          members = g_ptr_array_new ();
          g_hash_table_insert (classes, (gpointer) item->entry->class_id, members);
          g_ptr_array_add (class_order, (gpointer) item->entry->class_id);
        }
      g_ptr_array_add (members, item);
    }

  for (guint c = 0; c < class_order->len; c++)
    {
      GPtrArray *members = g_hash_table_lookup (classes, g_ptr_array_index (class_order, c));
      g_autoptr(GPtrArray) fixed = g_ptr_array_new ();
      g_autoptr(GPtrArray) fill = g_ptr_array_new ();

      for (guint i = 0; i < members->len; i++)
        {
          Item *item = g_ptr_array_index (members, i);

          /* A recorded class position is kept only where the overall one
           * was recorded too; a derived car's class position is derived. */
          if (item->recorded && item->entry->recorded_class_position > 0)
            g_ptr_array_add (fixed, item);
          else
            g_ptr_array_add (fill, item);
        }
      g_ptr_array_sort (fixed, compare_recorded_class_position);
      merge_numbers (fixed, fill, TRUE, NULL);
    }
}

/*
 * One derivation over @items (one per entry, in input order); with
 * @apply_penalties FALSE, every penalty is ignored. Returns the items in
 * classification order, borrowed from @items.
 */
static GPtrArray *
classify_items (Item                    *items,
                guint                    n_items,
                int                      min_percent,
                gboolean                 apply_penalties)
{
  g_autoptr(GPtrArray) classified = g_ptr_array_new ();
  g_autoptr(GPtrArray) classified_unknown = g_ptr_array_new ();
  g_autoptr(GPtrArray) not_classified = g_ptr_array_new ();
  g_autoptr(GPtrArray) not_classified_unknown = g_ptr_array_new ();
  g_autoptr(GPtrArray) recorded = g_ptr_array_new ();
  g_autoptr(GPtrArray) fill = g_ptr_array_new ();
  g_autoptr(GPtrArray) dns = g_ptr_array_new ();
  g_autoptr(GPtrArray) dsq = g_ptr_array_new ();
  g_autoptr(GPtrArray) excluded = g_ptr_array_new ();
  GPtrArray *order = g_ptr_array_sized_new (n_items);
  int winner_laps = 0;
  gint64 needed_laps = 0;

  for (guint i = 0; i < n_items; i++)
    {
      Item *item = &items[i];
      const PdClassifyEntry *entry = item->entry;

      item->position = 0;
      item->class_position = 0;
      item->status = entry->status;
      item->laps = entry->laps >= 0 ? entry->laps : -1;
      item->time_ms = entry->total_time_ms >= 0 ? entry->total_time_ms : -1;
      if (apply_penalties && item->time_ms >= 0)
        item->time_ms = add_penalty (item->time_ms, entry->penalty_time_ms);
      item->derived = item->laps >= 0 || item->time_ms >= 0;
      item->recorded = !item->derived && entry->recorded_position > 0;

      if (entry->status == PD_RESULT_STATUS_EXCLUDED || (apply_penalties && entry->excluded))
        {
          item->group = GROUP_EXCLUDED;
          item->status = PD_RESULT_STATUS_EXCLUDED;
        }
      else if (entry->status == PD_RESULT_STATUS_DSQ || (apply_penalties && entry->disqualified))
        {
          item->group = GROUP_DSQ;
          item->status = PD_RESULT_STATUS_DSQ;
        }
      else if (entry->status == PD_RESULT_STATUS_DNS)
        item->group = GROUP_DNS;
      else if (entry->status == PD_RESULT_STATUS_NOT_CLASSIFIED)
        item->group = GROUP_NOT_CLASSIFIED;
      else
        item->group = GROUP_CLASSIFIED;

      /* The winner is the car with the most laps among those that may be
       * classified: a disqualified car, or one the timekeepers already
       * left unclassified (Al Kamel lists some with more laps than the
       * car above them), does not set the distance. */
      if (item->group == GROUP_CLASSIFIED && item->laps > winner_laps)
        winner_laps = item->laps;
    }

  /* Rounded down to whole laps, as the F1 sporting regulations word it:
   * "less than 90% of the number of laps covered by the winner (rounded
   * down to the nearest whole number of laps)". */
  if (min_percent > 0)
    needed_laps = (gint64) winner_laps * min_percent / 100;

  for (guint i = 0; i < n_items; i++)
    {
      Item *item = &items[i];

      /* Where the laps are not known the minimum cannot be checked, so the
       * status as entered stands. A DNF that covered the distance is
       * classified and keeps its DNF status, as in Formula 1. */
      if (item->group == GROUP_CLASSIFIED && item->laps >= 0 && item->laps < needed_laps)
        {
          item->group = GROUP_NOT_CLASSIFIED;
          if (item->status == PD_RESULT_STATUS_CLASSIFIED)
            item->status = PD_RESULT_STATUS_NOT_CLASSIFIED;
        }

      switch (item->group)
        {
        case GROUP_CLASSIFIED:
        case GROUP_NOT_CLASSIFIED:
          if (item->recorded)
            g_ptr_array_add (recorded, item);
          else if (item->derived)
            g_ptr_array_add (item->group == GROUP_CLASSIFIED ? classified : not_classified, item);
          else
            g_ptr_array_add (item->group == GROUP_CLASSIFIED ? classified_unknown
                                                              : not_classified_unknown, item);
          break;
        case GROUP_DNS:
          g_ptr_array_add (dns, item);
          break;
        case GROUP_DSQ:
          g_ptr_array_add (dsq, item);
          break;
        case GROUP_EXCLUDED:
          g_ptr_array_add (excluded, item);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  g_ptr_array_sort (classified, compare_performance);
  g_ptr_array_sort (not_classified, compare_performance);
  g_ptr_array_sort (recorded, compare_recorded_position);
  g_ptr_array_sort (dsq, compare_performance);
  g_ptr_array_sort (excluded, compare_performance);

  /* Cars about which nothing is known come after the timed ones of their
   * group, in input order: a results editor builds the order by car
   * numbers typed in finishing order before any time is there. */
  g_ptr_array_extend (classified, classified_unknown, NULL, NULL);

  /* A recorded position is the official one, penalties included, so only
   * derived cars take position penalties. */
  if (apply_penalties)
    apply_position_penalties (classified);

  g_ptr_array_extend (fill, classified, NULL, NULL);
  g_ptr_array_extend (fill, not_classified, NULL, NULL);
  g_ptr_array_extend (fill, not_classified_unknown, NULL, NULL);
  merge_numbers (recorded, fill, FALSE, order);

  set_class_positions (order);

  /* Cars without a position close the sheet: those that did not start,
   * then the disqualified, then the excluded. */
  g_ptr_array_extend (order, dns, NULL, NULL);
  g_ptr_array_extend (order, dsq, NULL, NULL);
  g_ptr_array_extend (order, excluded, NULL, NULL);

  return order;
}

/**
 * pd_classify:
 * @entries: (array length=n_entries) (nullable): the session's results
 * @n_entries: the number of @entries
 * @options: (nullable): the session's classification rules; %NULL for
 *   none (no minimum distance)
 *
 * Derives a session's classification from its results and penalties.
 *
 * Cars are ordered by laps, then by race time plus time penalties; equal
 * laps and times keep the input order. Position penalties then move a car
 * down. Cars under the minimum distance, or not classified as entered,
 * follow the classified ones with positions of their own and no class
 * position. Cars that did not start, were disqualified or were excluded
 * come last, without a position. A result known only by its recorded
 * position keeps it, and the others are numbered around it.
 *
 * Returns: (transfer full) (element-type PdClassifyOutcome): one outcome
 *   per entry, in classification order; the result identifiers are
 *   borrowed from @entries
 */
GArray *
pd_classify (const PdClassifyEntry   *entries,
             guint                    n_entries,
             const PdClassifyOptions *options)
{
  g_autofree Item *items = NULL;
  g_autofree int *road_positions = NULL;
  g_autoptr(GPtrArray) road_order = NULL;
  g_autoptr(GPtrArray) order = NULL;
  GArray *outcomes;
  int min_percent = options != NULL ? options->min_distance_percent : 0;

  g_return_val_if_fail (entries != NULL || n_entries == 0, NULL);
  g_return_val_if_fail (n_entries <= G_MAXINT / 2, NULL);
  g_return_val_if_fail (min_percent >= 0 && min_percent <= 100, NULL);

  outcomes = g_array_sized_new (FALSE, TRUE, sizeof (PdClassifyOutcome), n_entries);
  if (n_entries == 0)
    return outcomes;

  items = g_new0 (Item, n_entries);
  road_positions = g_new0 (int, n_entries);
  for (guint i = 0; i < n_entries; i++)
    {
      items[i].entry = &entries[i];
      items[i].index = i;
    }

  /* The road order first: the same derivation with every penalty left
   * out. A recorded position already includes the penalties, so it gives
   * no road position. */
  road_order = classify_items (items, n_entries, min_percent, FALSE);
  for (guint i = 0; i < n_entries; i++)
    road_positions[i] = items[i].recorded ? 0 : items[i].position;

  order = classify_items (items, n_entries, min_percent, TRUE);
  g_assert (order->len == n_entries);

  for (guint i = 0; i < order->len; i++)
    {
      const Item *item = g_ptr_array_index (order, i);
      PdClassifyOutcome outcome = {
        .result_id = item->entry->result_id,
        .position = item->position,
        .class_position = item->class_position,
        .road_position = road_positions[item->index],
        .status = item->status,
        .recorded = item->recorded && item->position > 0,
      };

      g_array_append_val (outcomes, outcome);
    }

  return outcomes;
}
