#include "lightbox/project/encoded_array.h"

#include <bit>

#include "blob_codec.h"
#include "lightbox/project/project_error.h"
#include "lightbox/project/records.h"
#include "number_text.h"

namespace lightbox::project {

// Blobs hold the raw little-endian bytes of the arrays; every platform Lightbox ships for is little-endian, and a
// big-endian port must add a byte swap here (and in arrays.cpp) rather than write files other machines misread.
static_assert(std::endian::native == std::endian::little, "array blobs are little-endian");

namespace {

void validate(const ArrayData& a) {
  const auto fail = [&](const std::string& why) {
    return ProjectError(ErrorKind::InvalidArgument, {}, "cannot store array '" + a.kind + "': " + why);
  };
  const Image& img = a.image;
  if (a.kind.empty()) throw fail("it has no kind");
  if (img.empty() || img.channels() < 1 || (img.ndim() != 2 && img.ndim() != 3)) throw fail("the image is empty");
  if (img.voxelCount() > kMaxArrayElements / img.channels()) throw fail("it has more than 2^31 elements");
  if (img.values().size() != static_cast<size_t>(img.channels()) * static_cast<size_t>(img.voxelCount()))
    throw fail("its data does not match its shape");
  if (!detail::isFinite(img.geometry())) throw fail("its geometry is not finite");
  if (a.mask.empty()) return;
  if (!(a.mask.shape() == img.shape()) || a.mask.count() != img.voxelCount())
    throw fail("the mask's shape " + a.mask.shape().toString() + " differs from the image's " + img.shape().toString());
  for (const uint8_t v : a.mask.values())
    if (v > 1) throw fail("the mask holds values other than 0 and 1");
}

}  // namespace

EncodedArray EncodedArray::encode(const ArrayData& a) {
  validate(a);
  EncodedArray e;
  e.kind_ = a.kind;
  e.mapping_ = a.mapping.empty() ? "[]" : a.mapping;
  e.channels_ = a.image.channels();
  e.shape_ = a.image.shape();
  e.geometry_ = a.image.geometry();
  e.rawSize_ = static_cast<int64_t>(a.image.values().size() * sizeof(float));
  e.data_ = detail::deflateBytes({reinterpret_cast<const uint8_t*>(a.image.data()), static_cast<size_t>(e.rawSize_)});
  if (!a.mask.empty()) {
    e.maskRawSize_ = a.mask.count();
    e.mask_ = detail::deflateBytes({a.mask.data(), a.mask.values().size()});
  }
  return e;
}

}  // namespace lightbox::project
