/* The harness shared by the core test programs: each test in a child
 * process of its own, with its own TMPDIR, and the temporary database
 * folder most of them work in. */

#pragma once

#include <glib.h>

#include "pd-sheet.h"
#include "pd-rules.h"
#include "pd-store.h"

G_BEGIN_DECLS

typedef enum {
  PD_TEST_FLAGS_NONE  = 0,
  /* The child's LeakSanitizer records stacks the fast way (see
   * pd_test_add_isolated_full()). */
  PD_TEST_FAST_UNWIND = 1 << 0,
} PdTestFlags;

/* Removes @path, a file or a folder with everything in it. Symbolic
 * links are removed, never followed. */
void pd_test_remove_tree        (const char    *path);

void pd_test_add_isolated       (const char    *path,
                                 GTestDataFunc  func,
                                 gconstpointer  data);
void pd_test_add_isolated_full  (const char    *path,
                                 GTestDataFunc  func,
                                 gconstpointer  data,
                                 PdTestFlags    flags);

/* A fresh folder, the path of a database in it, and, unless
 * PD_TEST_STORE_NONE, the store opened there. */
typedef struct {
  char    *dir;
  char    *path;
  PdStore *store;
} PdTestFixture;

typedef enum {
  PD_TEST_STORE_NONE,    /* no store: the test opens the path itself */
  PD_TEST_STORE_EMPTY,   /* pd_store_new(): an empty database */
  PD_TEST_STORE_SEEDED,  /* pd_database_open(): with the embedded seasons */
} PdTestStore;

typedef struct {
  const char  *name;   /* the folder is paddock-test-NAME-XXXXXX */
  PdTestStore  store;
  /* More checks of a test program's own, or NULL: after the set-up, and
   * after the tear-down has removed the folder (before it frees). */
  void       (*after_set_up)    (PdTestFixture *f);
  void       (*after_tear_down) (PdTestFixture *f);
} PdTestFixtureOptions;

typedef void (*PdTestFixtureFunc) (PdTestFixture *f,
                                   gconstpointer  data);

void pd_test_fixture_set_up     (PdTestFixture              *f,
                                 const PdTestFixtureOptions *options);
void pd_test_fixture_tear_down  (PdTestFixture              *f,
                                 const PdTestFixtureOptions *options);

void pd_test_add_fixture        (const char                 *path,
                                 const PdTestFixtureOptions *options,
                                 PdTestFixtureFunc           func,
                                 gconstpointer               data,
                                 PdTestFlags                 flags);

void  pd_test_copy_file     (const char *from,
                             const char *to);
char *pd_test_dump_database (const char *path);
char *pd_test_alkamel_sheet (guint       n_cars,
                             guint       race);

void  pd_test_init          (int          *argc,
                             char       ***argv);

/* A PDF read back with poppler-utils: its text as pdftotext -layout
 * gives it (pages end in form feeds), and what pdfinfo says of it. */
char *pd_test_pdf_text      (const char   *path);
char *pd_test_pdf_info      (const char   *path);
char *pd_test_write_sheet   (PdSheet      *sheet,
                             const char   *dir,
                             const char   *name,
                             PdPaper       paper,
                             char        **info);
guint pd_test_count         (const char   *haystack,
                             const char   *needle);
char **pd_test_sheet_pages  (const char   *text,
                             const char   *info);

/* Points rules from the members of a rules file after its "name". */
PdRules *pd_test_rules_new  (const char   *body);

/* The round of a season with that number, the only one. */
PdRound *pd_test_round_by_number (PdStore    *store,
                                  const char *season_id,
                                  int         number);

/* A new database in a temporary folder (@dir, for pd_test_remove_tree())
 * with the whole Ergast history of PADDOCK_ERGAST_DIR imported. */
PdStore *pd_test_ergast_store (char      **dir);

G_END_DECLS
