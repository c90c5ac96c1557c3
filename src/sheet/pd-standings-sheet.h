#pragma once

#include <cairo.h>

#include "pd-sheet.h"
#include "pd-standings.h"
#include "pd-store.h"
#include "pd-title.h"

G_BEGIN_DECLS

char     *pd_standings_row_position_text (const PdStandingsRow *row);
char     *pd_standings_row_note          (const PdStandingsRow *row);
char     *pd_standings_row_session_text  (const PdStandingsRow *row,
                                          const char           *session_id);
GPtrArray *pd_standings_title_lines      (PdStore              *store,
                                          PdStandingsKind       kind,
                                          const PdTitle        *title,
                                          const char           *class_name);

typedef struct _PdStandingsSheet PdStandingsSheet;

PdStandingsSheet *pd_standings_sheet_new       (PdStore          *store,
                                                const char       *season_id,
                                                PdStandingsKind   kind,
                                                const char       *class_id,
                                                int               after_round,
                                                GError          **error);
void              pd_standings_sheet_free      (PdStandingsSheet *self);
const char       *pd_standings_sheet_get_title (PdStandingsSheet *self);
gboolean          pd_standings_sheet_wants_landscape (PdStandingsSheet *self,
                                                double            width,
                                                double            height);
int               pd_standings_sheet_paginate  (PdStandingsSheet *self,
                                                double            width,
                                                double            height);
void              pd_standings_sheet_draw_page (PdStandingsSheet *self,
                                                cairo_t          *cr,
                                                double            width,
                                                double            height,
                                                int               page);
gboolean          pd_standings_sheet_write_pdf (PdStandingsSheet *self,
                                                const char       *path,
                                                PdPaper           paper,
                                                GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdStandingsSheet, pd_standings_sheet_free)

G_END_DECLS
