#pragma once
// What the committed fixture files (fixtures/schema-vN.lightbox) hold. make_project_fixture writes it with the
// build of version N; test_project_migrations checks it after migrating to every later version. FROZEN: a fixture
// already committed was written from this definition, so change nothing here, only add.

#include <cstdint>
#include <cstring>
#include <string>

#include "lightbox/project/project.h"
#include "lightbox/project/sha256.h"

namespace lbfixture {

inline constexpr const char* kHealthy = "fixture healthy";
inline constexpr const char* kTest = "fixture test";
inline constexpr const char* kFailedPath = "/data/broken.dcm";
inline constexpr const char* kFailedReason = "truncated at byte 132";

/// 1 channel, 3x5x4, an oblique grid; values from a frozen xorshift plus -0 and a NaN with a payload.
inline lightbox::project::ArrayData array() {
  using namespace lightbox;
  project::ArrayData a;
  a.image = Image(1, Shape(3, 5, 4));
  uint32_t x = 12345;
  for (float& v : a.image.values()) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    v = static_cast<float>(x % 1000) / 7.0f;
  }
  a.image.values()[0] = -0.0f;
  const uint32_t nan = 0x7fc0abcdu;
  std::memcpy(&a.image.values()[1], &nan, 4);
  a.image.geometry().spacing = {2.0, 0.8, 0.8};
  a.image.geometry().origin = {-10.5, 3.25, 7.0};
  a.image.geometry().direction = {0, 0, 1, 0.6, 0.8, 0, -0.8, 0.6, 0};
  a.mask = Mask(Shape(3, 5, 4));
  for (int64_t i = 0; i < a.mask.count(); ++i) a.mask[i] = static_cast<uint8_t>(i % 3 == 1);
  a.mapping = R"([{"step":"crop","from":[0,0,0]}])";
  return a;
}

inline lightbox::project::NewImage image() {
  lightbox::project::NewImage n;
  n.meta.sourcePath = "/data/brain-001.nii.gz";
  n.meta.contentHash = lightbox::project::sha256Hex("brain-001");
  n.meta.format = "nifti";
  n.meta.modality = "MR";
  n.meta.channels = 1;
  n.meta.shape = lightbox::Shape(6, 10, 8);
  n.meta.geometry.spacing = {1.0, 0.4, 0.4};
  n.arrays.push_back(lightbox::project::EncodedArray::encode(array()));
  n.thumbnail = lightbox::project::Thumbnail{3, 2, {0, 50, 100, 150, 200, 250}};
  return n;
}

inline void write(lightbox::project::Project& p) {
  using namespace lightbox::project;
  const Dataset healthy = p.datasets().create(kHealthy, DatasetRole::Healthy, "brain 3D");
  p.images().insert(healthy.id, image());
  ImageMetadata failed;
  failed.sourcePath = kFailedPath;
  p.images().recordFailure(healthy.id, failed, kFailedReason);
  p.datasets().create(kTest, DatasetRole::Test);
}

}  // namespace lbfixture
