#pragma once
// Small projects of phantom images for the workflow tests: 128x128 arrays (averaged 2x2 to cpu-quick-2d's 64x64),
// stored as an import would store them, without reading any file.

#include <string>

#include "lightbox/core/phantoms.h"
#include "lightbox/project/project.h"

namespace lightbox::test {

/// `count` single-array images in a new dataset; `withMask` gives each the phantom's object mask.
inline void addPhantomImages(project::Project& p, const char* dataset, project::DatasetRole role, int count,
                             uint64_t seed, bool withMask = true) {
  const auto d = p.datasets().create(dataset, role);
  for (int i = 0; i < count; ++i) {
    project::NewImage n;
    n.meta.sourcePath = std::string("/data/") + dataset + std::to_string(i) + ".png";
    n.meta.contentHash = std::string(64 - std::to_string(seed + uint64_t(i)).size(), 'a') + std::to_string(seed + uint64_t(i));
    n.meta.format = "png";
    project::ArrayData a;
    a.image = phantom::objectImage(Shape(128, 128), seed + uint64_t(i));
    if (withMask) a.mask = phantom::ellipsoidMask(Shape(128, 128));
    n.arrays.push_back(project::EncodedArray::encode(a));
    p.images().insert(d.id, n);
  }
}

}  // namespace lightbox::test
