#include "preview_inputs.h"

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include "lightbox/imageio/image_reader.h"
#include "lightbox/workflows/errors.h"
#include "lightbox/imageio/preprocess.h"

namespace lightbox::workflows {

namespace {

std::string describeRead(const std::string& path, const Image& img) {
  std::ostringstream out;
  out << path << ": " << img.shape().toString() << ", " << img.channels() << " channel(s), spacing";
  for (int d = 0; d < img.ndim(); ++d) out << (d ? " x " : " ") << img.geometry().spacing[size_t(d)];
  out << " mm";
  return out.str();
}

PreviewPreset resolve(PreviewPreset preset, const Image& img) {
  if (preset != PreviewPreset::Automatic) return preset;
  return img.ndim() == 3 ? PreviewPreset::Brain3D : PreviewPreset::Image2D;
}

/// Colour images become grey before the 2D preset (which takes one channel).
Image firstChannelOnly(const Image& img, std::vector<std::string>& warnings, const std::string& path) {
  if (img.channels() == 1) return img;
  warnings.push_back(path + ": " + std::to_string(img.channels()) + " channels, using the first");
  Image grey(1, img.shape());
  std::copy_n(img.channel(0), img.voxelCount(), grey.data());
  grey.geometry() = img.geometry();
  return grey;
}

}  // namespace

PreparedImage prepareImage(const std::string& path, PreviewPreset preset, std::vector<std::string>& warnings) {
  std::vector<std::string> readerWarnings;
  Image loaded;
  try {
    loaded = imageio::readImage(path, &readerWarnings);
  } catch (const imageio::ImageReadError& e) {
    throw InputFileError(e.path(), e.reason());
  }
  const Image raw = firstChannelOnly(loaded, warnings, path);
  for (const auto& w : readerWarnings) warnings.push_back(path + ": " + w);

  PreparedImage out;
  const std::string read = describeRead(path, raw);
  try {
    switch (resolve(preset, raw)) {
      case PreviewPreset::Brain3D: {
        imageio::Preprocessed p = imageio::preprocessBrain3D(raw);
        out = {std::move(p.image), std::move(p.foreground), read + "\n" + p.description};
        break;
      }
      case PreviewPreset::Image2D: {
        imageio::Preprocessed p = imageio::preprocessImage2D(raw);
        // Like the reference's chest X-rays, 2D images carry no object mask: anomalies may go anywhere.
        out = {std::move(p.image), Mask{}, read + "\n" + p.description};
        break;
      }
      case PreviewPreset::AsIs:
      case PreviewPreset::Automatic: out = {raw, Mask{}, read + "\nused as it is (no preprocessing)"}; break;
    }
  } catch (const std::invalid_argument& e) {
    throw InputFileError(path, std::string("cannot preprocess: ") + e.what());
  }
  return out;
}

std::shared_ptr<const ImageSet> prepareSources(const std::vector<std::string>& paths, int ndim, PreviewPreset preset,
                                               std::vector<std::string>& warnings) {
  auto set = std::make_shared<ImageSet>();
  for (const auto& path : paths) {
    try {
      PreparedImage p = prepareImage(path, preset, warnings);
      if (p.image.ndim() != ndim) {
        warnings.push_back(path + ": left out as a blend source: it is " + std::to_string(p.image.ndim()) +
                           "D and the image is " + std::to_string(ndim) + "D");
        continue;
      }
      set->push_back(makeRecord(std::move(p.image), std::move(p.objectMask)));
    } catch (const std::exception& e) {
      warnings.push_back(std::string("left out as a blend source: ") + e.what());
    }
  }
  return set;
}

}  // namespace lightbox::workflows
