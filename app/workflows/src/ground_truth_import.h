#pragma once
// Ground truth for test images, stored while they are imported (`--masks DIR`, `--boxes CSV`).
//
// Names. An image's name is its file name without the image extension (.nii.gz, .nii, .hdr, .img, .png, .tif,
// .tiff, .jpg, .jpeg, .dcm, .dicom; the extension compared case-insensitively); for a DICOM series of several files
// it is the name of the folder holding them. Names are compared exactly.
//
// Masks (--masks DIR: the NIfTI/PNG/TIFF/JPEG files under DIR, recursively). A mask pairs with an image by the first
// of these rules that finds any mask; when that rule finds more than one, the image fails as ambiguous:
//  1. the same name:        masks/<name>.png             <-> images/<name>.png
//  2. a generic suffix:     <name>_mask, <name>_seg, <name>_label (also with '-')  <-> <name>
//  3. BraTS:                <case>_seg <-> <case>_t1, _t1ce, _t1gd, _t2, _flair; BraTS 2023: <case>-seg <->
//                           <case>-t1c, -t1n, -t2f, -t2w
//  4. ISLES:                a mask whose name has the dot-separated part OT (VSD.Brain.XX.O.OT.<id>) <-> the files
//                           with a part MR_* (VSD.Brain.XX.O.MR_Flair.<id>) of the same case folder; a file inside a
//                           folder of its own name (the ISLES layout) belongs to the folder above that one.
// Which files are masks: when images are imported from inside DIR (an import path is DIR or lies in it, as when a
// BraTS or ISLES tree is given as both), only files with a mask name (*_seg, *_mask, *_label, also with '-', and
// ISLES OT) are masks and the rest are images; otherwise every file under DIR is a mask. A mask is never imported as
// an image, even when an import path includes it.
// A mask must have its image's original shape; label = value != 0. An unreadable, mis-shaped or ambiguous mask
// fails the image (it is not imported, and the reason names both files): a lesion image imported without its mask
// would count as healthy in evaluation. A mask whose NIfTI geometry differs from its NIfTI image's earns a warning
// (voxels are paired by index, as every tool does).
//
// Boxes (--boxes CSV, VinDr-CXR layout, lightbox/imageio/box_csv.h): the rows whose image_id equals an image's name
// (VinDr: <image_id>.dicom, .dcm, .png) are its boxes, in original pixel coordinates; an id with only "No finding"
// rows is stored with an empty box list (annotated, normal). Boxes need a 2D image and must lie inside it (one pixel
// of slack for inclusive coordinates), else the image fails: a CSV for resized copies would label the wrong pixels.
//
// Images without ground truth are fine (healthy test images). Warnings name masks and CSV ids that paired with no
// image of this import (count and the first few), rows of the CSV that were skipped, and ground truth given for a
// dataset whose role is not `test`.
//
// Cost: masks are decoded by the single writer (a BraTS case's four sequences share one decoded, compressed mask),
// which is fine for test sets; a large annotated set would want the decoding moved into the import workers.

#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "ground_truth_pairing.h"
#include "input_scan.h"
#include "lightbox/imageio/box_csv.h"
#include "lightbox/project/ground_truth.h"
#include "lightbox/workflows/import.h"

namespace lightbox::project {
class Project;
struct ImageMetadata;
}  // namespace lightbox::project

namespace lightbox::workflows {

/// The image's ground truth does not fit it: the image must not be imported (what() says why, naming both files).
class GroundTruthError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The masks folder indexed and the box table read, once per import.
struct GroundTruthSources {
  std::string masksDir;
  std::optional<MaskIndex> masks;
  std::string boxesCsv;
  std::optional<imageio::BoxTable> boxes;
  std::set<std::string> normalIds;   ///< the table's imagesWithoutFindings
  std::set<std::string> pairedIds;   ///< CSV ids that some image took
  std::vector<std::string> warnings; ///< found while indexing, reported at the end

  /// The last mask decoded: consecutive images of one case share it.
  struct Decoded {
    std::string path;
    std::optional<project::EncodedLabelMask> labels;
    Shape shape;
    Geometry geometry;
    std::string error;
  };
  Decoded last;

  bool active() const { return masks.has_value() || boxes.has_value(); }
};

/// Indexes the masks folder and reads the box table, and takes the mask files out of `scan` (they are ground
/// truth, not images). Throws std::invalid_argument when the folder is not one or the table cannot be read.
GroundTruthSources loadGroundTruth(const ImportParams& params, ScanResult& scan);

/// Finds, checks and stores the ground truth of one just-inserted image; call it inside the image's transaction so
/// that both are committed together. Counts what it stores in `result`. Throws GroundTruthError when the image must
/// fail, project::ProjectError when the project cannot store it.
void attachGroundTruth(project::Project& project, int64_t imageId, const ImportUnit& unit,
                       const project::ImageMetadata& meta, GroundTruthSources& sources, ImportResult& result);

/// Adds the end-of-import warnings (unpaired masks and ids, skipped CSV rows, a role other than test).
void reportGroundTruth(const GroundTruthSources& sources, const ImportParams& params, ImportResult& result);

}  // namespace lightbox::workflows
