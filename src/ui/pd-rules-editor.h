#pragma once

#include <adwaita.h>

#include "pd-rules.h"
#include "pd-store.h"

G_BEGIN_DECLS

#define PD_TYPE_RULES_EDITOR (pd_rules_editor_get_type ())
G_DECLARE_FINAL_TYPE (PdRulesEditor, pd_rules_editor, PD, RULES_EDITOR, AdwPreferencesWindow)

PdRulesEditor *pd_rules_editor_new       (PdStore        *store,
                                          const char     *season_id,
                                          const PdRules  *rules,
                                          GError        **error);
const PdRules *pd_rules_editor_get_rules (PdRulesEditor *self);

G_END_DECLS
