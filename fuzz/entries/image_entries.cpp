// Entry points for the image readers (fuzz_entries.h). Every reader takes a path, so the bytes go to a scratch file
// whose name carries the extension an importer would see.
#include <zlib.h>

#include <cstring>
#include <string>
#include <vector>

#include "fuzz_entries.h"
#include "lightbox/imageio/box_csv.h"
#include "lightbox/imageio/dicom.h"
#include "lightbox/imageio/file_kind.h"
#include "lightbox/imageio/image_reader.h"
#include "scratch_file.h"

namespace lightbox::fuzz {

namespace {

using imageio::ImageReadError;

bool startsWith(Bytes data, const char* magic, size_t n) {
  return data.size() >= n && std::memcmp(data.data(), magic, n) == 0;
}

/// Runs `read`; ImageReadError is the documented rejection, anything else escapes.
template <typename Read>
Outcome imageOutcome(Read&& read) {
  try {
    read();
    return Outcome::Accepted;
  } catch (const ImageReadError&) {
    return Outcome::Rejected;
  }
}

/// gzip framing (not zlib's): what a .nii.gz holds, so the reader's gz path sees a valid stream of fuzzed bytes.
std::vector<uint8_t> gzip(Bytes data) {
  z_stream z{};
  deflateInit2(&z, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::vector<uint8_t> out(deflateBound(&z, static_cast<uLong>(data.size())) + 32);
  z.next_in = const_cast<Bytef*>(data.data());
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = out.data();
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

/// Outcome of several reads: Accepted when any of them was.
Outcome either(Outcome a, Outcome b) { return a == Outcome::Accepted ? a : b; }

}  // namespace

Outcome readDicomBytes(Bytes data) {
  const std::string path = detail::writeScratch("input.dcm", data).string();
  (void)imageio::classifyImageFile(path);  // documented never to throw
  return imageOutcome([&] {
    imageio::DicomInfo info = imageio::readDicomInfo(path);
    (void)info.normal();
    (void)info.outputWindow();
    (void)info.valueRange();
    if (info.isDicomdir) {
      (void)imageio::listDicomdirFiles(path);
      return;
    }
    // Grouping runs on header facts alone; a series of one file is read through readDicomImage.
    std::vector<std::string> warnings;
    const auto series = imageio::groupDicomSeries({info}, &warnings);
    (void)imageio::readDicomImage(path, &warnings);
    for (const auto& s : series) (void)imageio::readDicomSeries(s, &warnings);
  });
}

Outcome readNiftiBytes(Bytes data) {
  const bool gz = startsWith(data, "\x1f\x8b", 2);
  const std::string plain = detail::writeScratch(gz ? "input.nii.gz" : "input.nii", data).string();
  (void)imageio::classifyImageFile(plain);
  Outcome result = imageOutcome([&] { (void)imageio::readImage(plain); });
  if (gz) return result;
  const std::vector<uint8_t> packed = gzip(data);
  const std::string zipped = detail::writeScratch("input.nii.gz", packed).string();
  result = either(result, imageOutcome([&] { (void)imageio::readImage(zipped); }));
  // The same header with its voxels in a companion file: the .hdr/.img path of nifti_clib and of the sniffer.
  if (data.size() >= 348) {
    const std::string hdr = detail::writeScratch("pair.hdr", data.first(348)).string();
    detail::writeScratch("pair.img", data.subspan(348));
    (void)imageio::classifyImageFile(hdr);
    result = either(result, imageOutcome([&] { (void)imageio::readImage(hdr); }));
  }
  return result;
}

Outcome readRasterBytes(Bytes data) {
  const char* name = "input.png";
  if (startsWith(data, "II*\0", 4) || startsWith(data, "MM\0*", 4)) name = "input.tif";
  else if (startsWith(data, "\xff\xd8", 2)) name = "input.jpg";
  const std::string path = detail::writeScratch(name, data).string();
  (void)imageio::classifyImageFile(path);
  return imageOutcome([&] { (void)imageio::readImage(path); });
}

Outcome parseBoxCsvBytes(Bytes data) {
  const std::string text(reinterpret_cast<const char*>(data.data()), data.size());
  try {
    (void)imageio::parseBoxCsv(text, "fuzz.csv");
    return Outcome::Accepted;
  } catch (const std::runtime_error&) {
    return Outcome::Rejected;
  }
}

}  // namespace lightbox::fuzz
