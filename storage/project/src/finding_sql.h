#pragma once
// SQL conditions on a findings row aliased `f`, shared by the repositories that replace findings (predictions,
// findings), so that "work the user did" means the same everywhere (docs/project-file.md, ReviewedFindings).

namespace lightbox::project::detail {

/// A finding whose current review is accepted or rejected, or carries a note, or whose extent the user adjusted
/// (a stored extent: automatic findings have none until someone draws it).
#define LIGHTBOX_FINDING_REVIEWED                                                                  \
  "(f.extent_data IS NOT NULL OR EXISTS (SELECT 1 FROM current_reviews AS cr WHERE cr.finding_id = f.id " \
  "AND (cr.state <> 'unreviewed' OR cr.note <> '')))"

/// What replacing a whole prediction would lose: reviewed findings and manual ones.
#define LIGHTBOX_FINDING_USER_WORK "(f.is_manual = 1 OR " LIGHTBOX_FINDING_REVIEWED ")"

}  // namespace lightbox::project::detail
