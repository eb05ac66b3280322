#pragma once
// Small projects of phantom images for the workflow tests: 128x128 arrays (averaged 2x2 to cpu-quick-2d's 64x64),
// stored as an import would store them, without reading any file.

#include <cstdio>
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

/// A brain-slices-2d volume as import stores it, in a new healthy dataset: one image "/data/brain.nii.gz" with the
/// arrays slice:0000 .. slice:<slices-1>. Returns its id.
inline int64_t addPhantomSliceVolume(project::Project& p, const char* dataset, int slices, uint64_t seed) {
  const auto d = p.datasets().create(dataset, project::DatasetRole::Healthy);
  project::NewImage n;
  n.meta.sourcePath = "/data/brain.nii.gz";
  n.meta.contentHash = std::string(64 - std::to_string(seed).size(), 'b') + std::to_string(seed);
  n.meta.format = "nifti";
  n.meta.channels = 1;
  n.meta.shape = Shape(slices, 128, 128);
  for (int s = 0; s < slices; ++s) {
    project::ArrayData a;
    char kind[32];
    std::snprintf(kind, sizeof kind, "slice:%04d", s);
    a.kind = kind;
    a.image = phantom::objectImage(Shape(128, 128), seed + uint64_t(s));
    a.mask = phantom::ellipsoidMask(Shape(128, 128));
    n.arrays.push_back(project::EncodedArray::encode(a));
  }
  return p.images().insert(d.id, n);
}

}  // namespace lightbox::test
