#pragma once
// Reading and writing rows of the images table, shared by the image repository's queries.

#include <string_view>

#include "lightbox/project/records.h"

namespace lightbox::project::detail {

class Connection;
class Statement;

/// The column list that readImage expects, in order (constant SQL, no values).
#define LIGHTBOX_IMAGE_COLUMNS                                                                                   \
  "id, dataset_id, source_path, content_hash, format, modality, study_instance_uid, series_instance_uid, "       \
  "sop_instance_uid, series_description, channels, shape, spacing, origin, direction, status, error, excluded, " \
  "excluded_reason, imported_at"

ImageRecord readImage(const Connection& c, const Statement& st);

/// Binds the metadata to ?first .. ?first+13 in the order of the insert in images.cpp: source_path, content_hash,
/// format, modality, the three UIDs, series_description, channels, shape, spacing, origin, direction.
/// Throws InvalidArgument for a malformed hash or non-finite geometry.
void bindMetadata(const Connection& c, Statement& st, int first, const ImageMetadata& meta);

bool isSha256Hex(std::string_view text);

}  // namespace lightbox::project::detail
