#include "lightbox/project/ground_truth.h"

#include "blob_codec.h"
#include "box_json.h"
#include "connection.h"
#include "lightbox/project/encoded_array.h"
#include "lightbox/project/transaction.h"
#include "number_text.h"
#include "statement.h"

namespace lightbox::project {

using detail::Statement;

namespace {

/// The original grid of an image as its row states it; nullopt shape for a failed import (no grid known).
struct ImageGrid {
  std::optional<Shape> shape;
  Geometry geometry;
};

ImageGrid imageGrid(detail::Connection& c, int64_t imageId) {
  Statement st(c, "SELECT shape, spacing, origin, direction FROM images WHERE id = ?1");
  st.bind(1, imageId);
  if (!st.step()) throw c.error(ErrorKind::NotFound, "has no image with id " + std::to_string(imageId));
  ImageGrid g;
  if (st.isNull(0)) return g;
  const auto corrupt = [&] {
    return c.error(ErrorKind::Corrupt, "image " + std::to_string(imageId) + " has a malformed or oversized grid");
  };
  g.shape = detail::parseShape(st.text(0), kMaxArrayElements);
  const auto geometry = detail::parseGeometry({st.text(1), st.text(2), st.text(3)});
  if (!g.shape || !geometry) throw corrupt();
  g.geometry = *geometry;
  return g;
}

}  // namespace

EncodedLabelMask EncodedLabelMask::encode(const Mask& labels) {
  const auto fail = [](const std::string& why) {
    return ProjectError(ErrorKind::InvalidArgument, {}, "cannot store a ground-truth mask: " + why);
  };
  if (labels.empty() || (labels.ndim() != 2 && labels.ndim() != 3)) throw fail("it is empty");
  if (labels.count() > kMaxArrayElements) throw fail("it has more than 2^31 voxels");
  if (labels.count() != labels.shape().count()) throw fail("its data does not match its shape");
  EncodedLabelMask e;
  for (const uint8_t v : labels.values()) {
    if (v > 1) throw fail("it holds values other than 0 and 1");
    e.positives_ += v;
  }
  e.shape_ = labels.shape();
  e.data_ = detail::deflateBytes({labels.data(), labels.values().size()});
  return e;
}

void GroundTruthRepository::storeMask(int64_t imageId, const Mask& labels, std::string_view sourcePath) {
  c_->requireWritable("store a ground-truth mask");
  try {
    storeMask(imageId, EncodedLabelMask::encode(labels), sourcePath);
  } catch (const ProjectError& e) {
    if (!e.file().empty()) throw;
    throw c_->error(e.kind(), e.reason() + " (image " + std::to_string(imageId) + ")");
  }
}

void GroundTruthRepository::storeMask(int64_t imageId, const EncodedLabelMask& mask, std::string_view sourcePath) {
  c_->requireWritable("store a ground-truth mask");
  Transaction tx(*c_);
  const ImageGrid grid = imageGrid(*c_, imageId);
  // A mask is only meaningful voxel for voxel on its image's grid; anything else would label the wrong voxels.
  if (!grid.shape)
    throw c_->error(ErrorKind::InvalidArgument, "image " + std::to_string(imageId) +
                                                    " has no known grid (a failed import), so it cannot take a mask");
  if (!(*grid.shape == mask.shape_))
    throw c_->error(ErrorKind::InvalidArgument, "the mask's shape " + mask.shape_.toString() + " differs from image " +
                                                    std::to_string(imageId) + "'s " + grid.shape->toString());
  Statement st(*c_,
               "INSERT INTO ground_truth (image_id, kind, space, source_path, shape, codec, raw_size, data) "
               "VALUES (?1, 'mask', 'original', ?2, ?3, ?4, ?5, ?6) "
               "ON CONFLICT (image_id, kind, space) DO UPDATE SET source_path = excluded.source_path, "
               "shape = excluded.shape, codec = excluded.codec, raw_size = excluded.raw_size, data = excluded.data, "
               "created_at = excluded.created_at");
  st.bind(1, imageId).bindOrNull(2, sourcePath).bind(3, detail::formatShape(mask.shape_));
  st.bind(4, detail::kCodecZlib).bind(5, mask.shape_.count()).bindBlob(6, mask.data_);
  st.run();
  tx.commit();
}

void GroundTruthRepository::storeBoxes(int64_t imageId, const std::vector<AnnotatedBox>& boxes,
                                       std::string_view sourcePath) {
  c_->requireWritable("store ground-truth boxes");
  const auto invalid = [&](const std::string& why) {
    return c_->error(ErrorKind::InvalidArgument,
                     "cannot store ground-truth boxes for image " + std::to_string(imageId) + ": " + why);
  };
  if (boxes.size() > kMaxBoxes) throw invalid("more than " + std::to_string(kMaxBoxes) + " boxes");
  for (size_t k = 0; k < boxes.size(); ++k)
    if (const std::string p = detail::boxProblem(boxes[k]); !p.empty())
      throw invalid("box " + std::to_string(k) + " ('" + boxes[k].className + "') " + p);
  Transaction tx(*c_);
  const ImageGrid grid = imageGrid(*c_, imageId);
  // Boxes are (y, x) rectangles: they have no meaning on a volume.
  if (!grid.shape || grid.shape->ndim != 2)
    throw invalid(grid.shape ? "the image is " + grid.shape->toString() + ", not 2D" : "the image has no known grid");
  Statement st(*c_,
               "INSERT INTO ground_truth (image_id, kind, space, source_path, boxes) "
               "VALUES (?1, 'boxes', 'original', ?2, ?3) "
               "ON CONFLICT (image_id, kind, space) DO UPDATE SET source_path = excluded.source_path, "
               "boxes = excluded.boxes, created_at = excluded.created_at");
  st.bind(1, imageId).bindOrNull(2, sourcePath).bind(3, detail::formatBoxes(boxes));
  st.run();
  tx.commit();
}

std::optional<GroundTruthMask> GroundTruthRepository::loadMask(int64_t imageId) const {
  Statement st(*c_,
               "SELECT source_path, shape, codec, raw_size, data FROM ground_truth "
               "WHERE image_id = ?1 AND kind = 'mask' AND space = 'original'");
  st.bind(1, imageId);
  if (!st.step()) return std::nullopt;
  const auto corrupt = [&](const std::string& why) {
    return c_->error(ErrorKind::Corrupt, "ground-truth mask of image " + std::to_string(imageId) + " " + why);
  };
  const ImageGrid grid = imageGrid(*c_, imageId);
  const auto shape = detail::parseShape(st.text(1), kMaxArrayElements);
  if (!shape) throw corrupt("has a malformed shape or more than 2^31 voxels: '" + st.text(1) + "'");
  if (!grid.shape || !(*grid.shape == *shape))
    throw corrupt("has shape " + shape->toString() + ", which is not its image's grid");
  // Sizes are checked against the shape and the blob length before the mask is allocated.
  if (const std::string p = detail::blobSizeProblem(st.text(2), st.int64(3), shape->count(), st.blob(4).size());
      !p.empty())
    throw corrupt(p);
  GroundTruthMask out;
  out.sourcePath = st.text(0);
  out.geometry = grid.geometry;
  out.labels = Mask(*shape);
  if (const std::string p = detail::inflateExactly(st.blob(4), {out.labels.data(), out.labels.values().size()});
      !p.empty())
    throw corrupt(p);
  for (const uint8_t v : out.labels.values())
    if (v > 1) throw corrupt("holds values other than 0 and 1");
  return out;
}

std::optional<GroundTruthBoxes> GroundTruthRepository::loadBoxes(int64_t imageId) const {
  Statement st(*c_,
               "SELECT source_path, boxes FROM ground_truth "
               "WHERE image_id = ?1 AND kind = 'boxes' AND space = 'original'");
  st.bind(1, imageId);
  if (!st.step()) return std::nullopt;
  std::string why;
  auto boxes = detail::parseBoxes(st.text(1), why);
  if (!boxes) throw c_->error(ErrorKind::Corrupt, "ground-truth boxes of image " + std::to_string(imageId) + " " + why);
  return GroundTruthBoxes{std::move(*boxes), st.text(0)};
}

void GroundTruthRepository::remove(int64_t imageId) {
  c_->requireWritable("remove ground truth");
  Statement(*c_, "DELETE FROM ground_truth WHERE image_id = ?1").bind(1, imageId).run();
}

GroundTruthCounts GroundTruthRepository::count(int64_t datasetId) const {
  Statement st(*c_,
               "SELECT count(*) FILTER (WHERE g.kind = 'mask'), count(*) FILTER (WHERE g.kind = 'boxes'), "
               "count(*) FILTER (WHERE g.kind = 'boxes' AND g.boxes <> '[]') "
               "FROM ground_truth g JOIN images i ON i.id = g.image_id "
               "WHERE i.dataset_id = ?1 AND g.space = 'original'");
  st.bind(1, datasetId);
  st.step();
  return {st.int64(0), st.int64(1), st.int64(2)};
}

}  // namespace lightbox::project
