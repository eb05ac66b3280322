#pragma once
// The stored healthy-set audit (settings key "audit/run/<run id>", docs/project-file.md): what it records besides
// the ranking -- each audited fold's checkpoint steps and a fingerprint of the dataset -- so that loading it can say
// whether it still describes the run and its data.

#include <string>

#include "lightbox/project/project.h"
#include "lightbox/workflows/audit.h"

namespace lightbox::workflows::detail {

std::string auditKey(int64_t runId);

/// SHA-256 over "id:content hash" of the dataset's imported images (excluded ones included: excluding is what the
/// audit is for, not a change of the data it saw), in id order.
std::string datasetFingerprint(project::Project& project, int64_t datasetId);

/// Writes `audit` (images as compact rows, without paths or exclusion state, which are read back from the images).
/// False, storing nothing, when it is over the 1 MiB a setting may hold (some 15 000 rows).
bool storeAudit(project::Project& project, const HealthyAudit& audit, int64_t datasetId);

/// Each row's exclusion as the project says now: its image's, and its slice's alone (slice_exclusion.h).
void applyExclusions(project::Project& project, std::vector<AuditImage>& images);

/// Ranked audited rows first (score descending, then image id, then kind), then the others by image id and kind.
void rankAuditImages(std::vector<AuditImage>& images);

}  // namespace lightbox::workflows::detail
