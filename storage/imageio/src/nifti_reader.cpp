// NIfTI-1 / NIfTI-2 / ANALYZE 7.5 through nifti_clib's libnifti2, which reads all three.
#include <nifti2_io.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <memory>
#include <mutex>

#include "lightbox/imageio/image_reader.h"
#include "readers.h"

namespace lightbox::imageio::detail {
namespace {

namespace fs = std::filesystem;

struct NimFree {
  void operator()(nifti_image* nim) const { nifti_image_free(nim); }
};
using NimPtr = std::unique_ptr<nifti_image, NimFree>;

struct BrickListFree {
  void operator()(nifti_brick_list* nbl) const { nifti_free_NBL(nbl); }
};

// nifti_clib reports to stderr; our exceptions carry the reason, so only its worst complaints need to get through.
void quietNifti() {
  static std::once_flag once;
  std::call_once(once, [] { nifti_set_debug_level(0); });
}

bool supportedDatatype(int dt) {
  switch (dt) {
    case DT_UINT8: case DT_INT8: case DT_UINT16: case DT_INT16: case DT_UINT32: case DT_INT32:
    case DT_UINT64: case DT_INT64: case DT_FLOAT32: case DT_FLOAT64: case DT_RGB24: case DT_RGBA32:
      return true;
    default:
      return false;
  }
}

struct Layout {
  int64_t nx = 1, ny = 1, nz = 1;
  int64_t volumeVoxels = 1;
  int64_t volumes = 1;
};

std::string dimsText(const NiftiFacts& f) {
  std::string s;
  for (int64_t i = 1; i <= f.dim[0]; ++i) {
    if (i > 1) s += 'x';
    s += std::to_string(f.dim[static_cast<size_t>(i)]);
  }
  return s;
}

/// Judges the raw header before nifti_clib computes sizes from it: nifti_clib trusts dim[] when it allocates.
Layout validate(const std::string& path, const NiftiFacts& f) {
  const int64_t nd = f.dim[0];
  if (nd < 1 || nd > 7) throw ImageReadError(path, "invalid NIfTI header: dim[0] = " + std::to_string(nd) + " (must be 1..7)");
  int64_t total = 1;
  for (int64_t i = 1; i <= nd; ++i) {
    const int64_t n = f.dim[static_cast<size_t>(i)];
    if (n < 1)
      throw ImageReadError(path, "invalid NIfTI header: dim[" + std::to_string(i) + "] = " + std::to_string(n));
    if (__builtin_mul_overflow(total, n, &total))
      throw ImageReadError(path, "dimensions overflow: " + dimsText(f) + " voxels do not fit in 64 bits");
  }
  int64_t totalBytes = 0;  // 32 = the widest NIfTI voxel (COMPLEX256): nifti_clib's byte counts must not wrap either
  if (__builtin_mul_overflow(total, int64_t{32}, &totalBytes))
    throw ImageReadError(path, "dimensions overflow: " + dimsText(f) + " voxels do not fit in 64 bits");
  if (!supportedDatatype(f.datatype)) {
    std::string reason = "unsupported NIfTI datatype " + std::to_string(f.datatype);
    if (nifti_datatype_is_valid(f.datatype, 1)) reason += std::string(" (") + nifti_datatype_string(f.datatype) + ")";
    throw ImageReadError(path, reason);
  }
  Layout l;
  l.nx = f.dim[1];
  l.ny = nd >= 2 ? f.dim[2] : 1;
  l.nz = nd >= 3 ? f.dim[3] : 1;
  l.volumeVoxels = l.nx * l.ny * l.nz;
  l.volumes = total / l.volumeVoxels;
  if (l.volumeVoxels > kMaxVoxels)
    throw ImageReadError(path, "too large: " + std::to_string(l.volumeVoxels) + " voxels in one volume (" +
                                   dimsText(f) + "; the limit is 2^30 voxels, 4 GiB of float32)");
  return l;
}

template <typename T>
void convert(const void* src, int64_t n, float* out) {
  const T* p = static_cast<const T*>(src);
  for (int64_t i = 0; i < n; ++i) out[i] = static_cast<float>(p[i]);
}

// ITU-R BT.601 luma, the rule the raster reader applies to colour too.
void lumaFromBytes(const void* src, int64_t n, int stride, float* out) {
  const auto* p = static_cast<const uint8_t*>(src);
  for (int64_t i = 0; i < n; ++i, p += stride) out[i] = 0.299f * p[0] + 0.587f * p[1] + 0.114f * p[2];
}

void toFloat(int dt, const void* src, int64_t n, float* out) {
  switch (dt) {
    case DT_UINT8: return convert<uint8_t>(src, n, out);
    case DT_INT8: return convert<int8_t>(src, n, out);
    case DT_UINT16: return convert<uint16_t>(src, n, out);
    case DT_INT16: return convert<int16_t>(src, n, out);
    case DT_UINT32: return convert<uint32_t>(src, n, out);
    case DT_INT32: return convert<int32_t>(src, n, out);
    case DT_UINT64: return convert<uint64_t>(src, n, out);
    case DT_INT64: return convert<int64_t>(src, n, out);
    case DT_FLOAT32: return convert<float>(src, n, out);
    case DT_FLOAT64: return convert<double>(src, n, out);
    case DT_RGB24: return lumaFromBytes(src, n, 3, out);
    case DT_RGBA32: return lumaFromBytes(src, n, 4, out);
    default: break;  // excluded by validate()
  }
}

/// Applies scl_slope / scl_inter (the standard exempts RGB data). nifti_clib has already zeroed NaN/Inf floats on
/// reading; a scaling can still overflow, and Inf would poison every mean downstream.
void scaleAndClean(const nifti_image& nim, Image& img, std::vector<std::string>& warnings) {
  const double slope = nim.scl_slope, inter = std::isfinite(nim.scl_inter) ? nim.scl_inter : 0.0;
  const bool rgb = nim.datatype == DT_RGB24 || nim.datatype == DT_RGBA32;
  const bool scaled = !rgb && std::isfinite(slope) && slope != 0.0 && !(slope == 1.0 && inter == 0.0);
  int64_t nonFinite = 0;
  for (float& v : img.values()) {
    if (scaled) v = static_cast<float>(v * slope + inter);
    if (!std::isfinite(v)) {
      v = 0.0f;
      ++nonFinite;
    }
  }
  if (nonFinite > 0) warnings.push_back(std::to_string(nonFinite) + " voxel(s) overflowed when scaled: set to 0");
}

/// Array axis a (numpy order) is NIfTI axis ndim-1-a; a 2D image's third direction column is NIfTI's k axis.
Geometry geometry(const nifti_image& nim, const NiftiFacts& facts, int ndim, std::vector<std::string>& warnings) {
  if (facts.analyze) warnings.push_back("ANALYZE 7.5 header: orientation is not stored, RAS axes assumed");
  else if (nim.sform_code <= 0 && nim.qform_code <= 0)
    warnings.push_back("neither sform nor qform is set: orientation and origin assumed from pixdim alone");
  const nifti_dmat44& m = nim.sform_code > 0 ? nim.sto_xyz : nim.qto_xyz;
  const double pixdim[3] = {nim.dx, nim.dy, nim.dz};
  Geometry g;
  for (int a = 0; a < 3; ++a) {
    const int n = a < ndim ? ndim - 1 - a : 2;
    const double col[3] = {m.m[0][n], m.m[1][n], m.m[2][n]};
    const double norm = std::sqrt(col[0] * col[0] + col[1] * col[1] + col[2] * col[2]);
    const bool usable = std::isfinite(norm) && norm > 0.0;
    const double pd = std::fabs(pixdim[n]);
    if (std::isfinite(pd) && pd > 0.0) {
      g.spacing[static_cast<size_t>(a)] = pd;
    } else {
      g.spacing[static_cast<size_t>(a)] = usable ? norm : 1.0;
      if (n < ndim) warnings.push_back("pixdim[" + std::to_string(n + 1) + "] is not a positive number");
    }
    for (int r = 0; r < 3; ++r)
      g.direction[static_cast<size_t>(r * 3 + a)] = usable ? col[r] / norm : (r == n ? 1.0 : 0.0);
    if (!usable) warnings.push_back("orientation matrix has no direction for axis " + std::to_string(n) + ": assumed");
  }
  for (int r = 0; r < 3; ++r) g.origin[static_cast<size_t>(r)] = std::isfinite(m.m[r][3]) ? m.m[r][3] : 0.0;
  for (int a = 0; a < 3; ++a)
    for (int b = a + 1; b < 3; ++b) {
      double dot = 0;
      for (int r = 0; r < 3; ++r) dot += g.direction[static_cast<size_t>(r * 3 + a)] * g.direction[static_cast<size_t>(r * 3 + b)];
      if (std::fabs(dot) > 1e-3) {
        warnings.push_back("orientation matrix is sheared: directions kept as stored, not orthonormal");
        return g;
      }
    }
  return g;
}

/// Plain data files can be measured before loading, so a short one gets an exact message instead of a failed read.
void checkDataSize(const std::string& path, const nifti_image& nim, const Layout& l, std::vector<std::string>& warnings) {
  const std::string dataPath = nim.iname ? nim.iname : "";
  std::error_code ec;
  if (dataPath.empty() || !fs::is_regular_file(dataPath, ec))
    throw ImageReadError(path, "voxel data file " + (dataPath.empty() ? std::string("(unnamed)") : dataPath) + " not found");
  const auto size = static_cast<int64_t>(fs::file_size(dataPath, ec));
  if (ec) throw ImageReadError(path, "cannot read the size of " + dataPath + ": " + ec.message());
  if (nifti_is_gzfile(dataPath.c_str())) {
    // The inflated size is unknown until it is inflated, but nifti_clib allocates the whole volume first: a
    // 300-byte .nii.gz claiming 4 GB would cost 4 GB (found by fuzz/fuzz_nifti). Deflate expands at most ~1032:1,
    // so a volume that this file cannot possibly hold is refused before that allocation.
    constexpr int64_t kMaxInflateRatio = 1032, kSlack = 4096;
    const int64_t needed = std::max<int64_t>(nim.iname_offset, 0) + l.volumeVoxels * nim.nbyper;
    if (needed / kMaxInflateRatio > size + kSlack)
      throw ImageReadError(path, "truncated: expected " + std::to_string(needed) + " bytes of header and voxel data, "
                                 "more than the " + std::to_string(size) + "-byte gzip file " + dataPath +
                                 " can hold");
    return;
  }
  if (nim.iname_offset < 0) throw ImageReadError(path, "invalid NIfTI header: negative vox_offset");
  const int64_t available = size > nim.iname_offset ? size - nim.iname_offset : 0;
  const int64_t volumeBytes = l.volumeVoxels * nim.nbyper;
  const std::string where = dataPath == path ? "" : " in " + dataPath;
  if (available < volumeBytes)
    throw ImageReadError(path, "truncated: expected " + std::to_string(volumeBytes) + " bytes of voxel data" + where +
                                   ", found " + std::to_string(available));
  if (available / volumeBytes < l.volumes)
    warnings.push_back("file ends before its last volume (only the first volume is read)");
}

}  // namespace

Image readNifti(const std::string& path, const Sniffed& sniffed, std::vector<std::string>& warnings) {
  const NiftiFacts& facts = sniffed.nifti;
  const Layout l = validate(path, facts);
  const std::string& hdr = sniffed.headerPath;
  if (sniffed.gzipped && !nifti_is_gzfile(hdr.c_str()))
    throw ImageReadError(path, "gzip-compressed NIfTI without a .gz extension: rename it to end in .gz");

  quietNifti();
  if (!nifti_find_file_extension(hdr.c_str()))
    throw ImageReadError(path, "NIfTI content, but nifti_clib needs the name to end in .nii, .nii.gz, .hdr or .img");
  NimPtr nim(nifti_image_read(hdr.c_str(), 0));
  if (!nim) throw ImageReadError(path, "NIfTI header rejected by nifti_clib (inconsistent fields)");
  if (nim->nx != l.nx || nim->ny != l.ny || nim->nz != l.nz || nim->datatype != facts.datatype || nim->nbyper <= 0)
    throw ImageReadError(path, "NIfTI header read inconsistently (dimensions or datatype)");
  checkDataSize(path, *nim, l, warnings);

  const int64_t volumeBytes = l.volumeVoxels * nim->nbyper;
  const auto unreadable = [&] {
    return ImageReadError(path, "truncated: expected " + std::to_string(volumeBytes) +
                                    " bytes of voxel data (the data ends early or is corrupt)");
  };
  // The Image is allocated only once the voxels are in: a lying gzip header must not cost 4 GiB of zeros first.
  const int ndim = l.nz > 1 ? 3 : 2;
  const Shape shape = ndim == 3 ? Shape(l.nz, l.ny, l.nx) : Shape(l.ny, l.nx);
  Image img;
  if (l.volumes == 1) {
    if (nifti_image_load(nim.get()) != 0 || !nim->data) throw unreadable();
    img = Image(1, shape);
    toFloat(facts.datatype, nim->data, l.volumeVoxels, img.data());
    nifti_image_unload(nim.get());
  } else {
    nifti_brick_list nbl{};
    std::unique_ptr<nifti_brick_list, BrickListFree> guard(&nbl);
    const int64_t first = 0;
    // Unlike nifti_image_load, this returns the number of bricks read.
    if (nifti_image_load_bricks(nim.get(), 1, &first, &nbl) < 1 || nbl.nbricks < 1 || !nbl.bricks ||
        !nbl.bricks[0] || nbl.bsize < volumeBytes)
      throw unreadable();
    img = Image(1, shape);
    toFloat(facts.datatype, nbl.bricks[0], l.volumeVoxels, img.data());
    warnings.push_back(std::to_string(facts.dim[0]) + "D image (" + dimsText(facts) + "): read the first of " +
                       std::to_string(l.volumes) + " volumes");
  }
  if (facts.datatype == DT_RGB24 || facts.datatype == DT_RGBA32)
    warnings.push_back("RGB voxels converted to grey (ITU-R BT.601 luma)");
  scaleAndClean(*nim, img, warnings);
  img.geometry() = geometry(*nim, facts, ndim, warnings);
  return img;
}

}  // namespace lightbox::imageio::detail
