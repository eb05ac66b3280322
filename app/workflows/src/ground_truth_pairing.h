#pragma once
// Which mask file belongs to which image: the naming rules of ground_truth_import.h, on names and paths only (no
// file is decoded here), so that they can be reasoned about and tested apart from the import.

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "import_plan.h"

namespace lightbox::workflows {

/// The file name without its image extension (.nii.gz, .nii, .hdr, .img, .png, .tif, .tiff, .jpg, .jpeg, .dcm,
/// .dicom, compared case-insensitively); other dots stay (ISLES names are full of them).
std::string imageName(const std::string& path);

/// The name by which an image is paired: its file's imageName, or for a DICOM series of several files the name of
/// the folder that holds them.
std::string unitName(const ImportUnit& unit);

/// True for names that only a mask has: *_seg, *_mask, *_label (or with '-'), and ISLES's dot-separated part "OT".
bool hasMaskName(const std::string& name);

struct MaskFile {
  std::string path;        ///< as found under the masks folder
  std::string canonical;   ///< for comparing with the files being imported
  std::string name;        ///< imageName(path)
  std::string caseFolder;  ///< ISLES: the case folder holding the file's own folder (canonical)
  std::string format;      ///< "nifti", "png", ...
  bool paired = false;     ///< some image of this import paired with it
};

struct MaskMatch {
  std::vector<size_t> masks;  ///< indices into MaskIndex::files(); several = ambiguous
  std::string rule;           ///< which rule found them, for messages
};

class MaskIndex {
 public:
  /// Indexes the candidate files. `sharedTree`: the images are imported from inside the masks folder, so only
  /// files with a mask name are masks (the others are images).
  MaskIndex(std::vector<MaskFile> candidates, bool sharedTree);

  /// The masks that pair with an image, by the first rule that finds any; empty when none does.
  MaskMatch find(const std::string& name, const std::string& imagePath) const;

  std::vector<MaskFile>& files() { return files_; }
  const std::vector<MaskFile>& files() const { return files_; }

  /// Whether a file found under the masks folder counts as a mask (see the header of ground_truth_import.h).
  static bool isMask(const std::string& name, bool sharedTree) { return !sharedTree || hasMaskName(name); }

  /// ISLES layout: a file inside a folder of its own name belongs to the folder above it.
  static std::string caseFolderOf(const std::string& path);

 private:
  std::vector<size_t> byName(const std::string& name) const;

  std::vector<MaskFile> files_;
  std::multimap<std::string, size_t> byName_;
  std::multimap<std::string, size_t> islesByCase_;  ///< masks with an "OT" part, by case folder
};

}  // namespace lightbox::workflows
