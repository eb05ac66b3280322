// groupDicomSeries: files -> stackable, ordered series (rules in dicom.h), from headers only; readDicomSeries.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "lightbox/imageio/image_reader.h"

#include "dicom_file.h"

namespace lightbox::imageio {
namespace detail {
namespace {

using Slices = std::vector<DicomInfo>;

constexpr double kCosineTolerance = 1e-4;   // orientations closer than this are the same plane
constexpr double kSpacingTolerance = 1e-4;  // relative, for PixelSpacing
constexpr double kGapFactor = 1.5;          // a step this many median steps long means slices are missing
constexpr double kIrregular = 0.1;          // steps differing from the median by more than this are reported
constexpr double kDuplicate = 0.01;         // positions closer than this fraction of the median step coincide

std::string fileName(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string label(const DicomInfo& first) {
  std::string s = "series " + (first.seriesInstanceUid.empty() ? "(no SeriesInstanceUID)" : first.seriesInstanceUid);
  if (!first.seriesDescription.empty()) s += " \"" + first.seriesDescription + "\"";
  return s;
}

std::string mm(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g mm", v);
  return buf;
}

bool sameStack(const DicomInfo& a, const DicomInfo& b) {
  if (a.rows != b.rows || a.columns != b.columns || a.samplesPerPixel != b.samplesPerPixel) return false;
  if (a.imageOrientation.has_value() != b.imageOrientation.has_value()) return false;
  if (a.imageOrientation)
    for (size_t i = 0; i < 6; ++i)
      if (std::fabs((*a.imageOrientation)[i] - (*b.imageOrientation)[i]) > kCosineTolerance) return false;
  if (a.pixelSpacing.has_value() != b.pixelSpacing.has_value()) return false;
  if (a.pixelSpacing)
    for (size_t i = 0; i < 2; ++i) {
      const double x = (*a.pixelSpacing)[i], y = (*b.pixelSpacing)[i];
      if (std::fabs(x - y) > kSpacingTolerance * std::max(x, y)) return false;
    }
  return true;
}

double along(const DicomInfo& s, const std::array<double, 3>& n) {
  const auto& p = *s.imagePosition;
  return p[0] * n[0] + p[1] * n[1] + p[2] * n[2];
}

/// Ascending InstanceNumber, files without one last, then by path: the order of last resort is still stable.
bool byInstance(const DicomInfo& a, const DicomInfo& b) {
  const long long ia = a.instanceNumber.value_or(INT64_MAX), ib = b.instanceNumber.value_or(INT64_MAX);
  return ia != ib ? ia < ib : a.path < b.path;
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const size_t h = v.size() / 2;
  return v.size() % 2 ? v[h] : 0.5 * (v[h - 1] + v[h]);
}

DicomSeries makeSeries(const Slices& slices, bool positioned, double step) {
  DicomSeries s;
  const DicomInfo& first = slices.front();
  s.seriesInstanceUid = first.seriesInstanceUid;
  s.studyInstanceUid = first.studyInstanceUid;
  s.modality = first.modality;
  s.description = first.seriesDescription;
  s.slices = slices;
  s.sortedByPosition = positioned;
  std::vector<std::string> ignored;  // the same remarks come back when the file is read
  if (slices.size() == 1) {
    s.geometry = fileGeometry(first, ignored);
    s.sliceSpacing = first.numberOfFrames > 1 ? s.geometry.spacing[0] : step;
    return s;
  }
  s.sliceSpacing = step;
  Geometry& g = s.geometry;
  const auto ps = first.pixelSpacing.value_or(std::array<double, 2>{1.0, 1.0});
  g.spacing = {step, ps[0], ps[1]};
  if (first.imagePosition) g.origin = *first.imagePosition;
  if (const auto n = first.normal()) {
    const auto& o = *first.imageOrientation;
    const double columns[3][3] = {{(*n)[0], (*n)[1], (*n)[2]}, {o[3], o[4], o[5]}, {o[0], o[1], o[2]}};
    for (int r = 0; r < 3; ++r)
      for (int d = 0; d < 3; ++d) g.direction[static_cast<size_t>(r * 3 + d)] = columns[d][r];
  }
  return s;
}

/// Repeated SOP instances are one file read twice (copies under two names): keep the first.
Slices dropRepeatedInstances(const Slices& in, const std::string& name, std::vector<std::string>& warnings) {
  Slices out;
  std::set<std::string> seen;
  int dropped = 0;
  for (const DicomInfo& s : in) {
    if (!s.sopInstanceUid.empty() && !seen.insert(s.sopInstanceUid).second) ++dropped;
    else out.push_back(s);
  }
  if (dropped)
    warnings.push_back(name + ": " + std::to_string(dropped) +
                       " file(s) repeat a SOPInstanceUID already seen; dropped");
  return out;
}

std::vector<DicomSeries> orderStack(Slices slices, std::vector<std::string>& warnings) {
  const std::string name = label(slices.front());
  slices = dropRepeatedInstances(slices, name, warnings);
  const auto n = slices.front().normal();
  const bool positioned = n && std::all_of(slices.begin(), slices.end(), [](const DicomInfo& s) {
                            return s.imagePosition && s.imageOrientation;
                          });
  if (!positioned) {
    std::stable_sort(slices.begin(), slices.end(), byInstance);
    const DicomInfo& f = slices.front();
    double step = f.spacingBetweenSlices.value_or(f.sliceThickness.value_or(1.0));
    if (!(step > 0)) step = 1.0;
    if (slices.size() > 1)
      warnings.push_back(name + ": slice positions or orientation missing; " + std::to_string(slices.size()) +
                         " slices sorted by InstanceNumber, slice spacing " + mm(step) + " taken from the header");
    return {makeSeries(slices, false, step)};
  }
  std::stable_sort(slices.begin(), slices.end(), [&](const DicomInfo& a, const DicomInfo& b) {
    const double ka = along(a, *n), kb = along(b, *n);
    return ka != kb ? ka < kb : byInstance(a, b);
  });
  std::vector<double> steps;
  for (size_t i = 1; i < slices.size(); ++i) {
    const double d = along(slices[i], *n) - along(slices[i - 1], *n);
    if (d > 1e-4) steps.push_back(d);
  }
  const double m = median(steps);
  const double same = m > 0 ? kDuplicate * m : 1e-4;

  // Runs of coinciding positions: keep the lowest InstanceNumber of each.
  Slices kept;
  std::vector<std::string> dropped;
  for (size_t i = 0; i < slices.size();) {
    size_t j = i + 1;
    while (j < slices.size() && along(slices[j], *n) - along(slices[j - 1], *n) <= same) ++j;
    const auto first = slices.begin() + static_cast<long>(i), last = slices.begin() + static_cast<long>(j);
    const auto best = std::min_element(first, last, byInstance);
    kept.push_back(*best);
    for (size_t k = i; k < j; ++k)
      if (slices.begin() + static_cast<long>(k) != best) dropped.push_back(fileName(slices[k].path));
    i = j;
  }
  if (!dropped.empty()) {
    std::string list;
    for (size_t k = 0; k < dropped.size() && k < 3; ++k) list += (k ? ", " : "") + dropped[k];
    if (dropped.size() > 3) list += ", ...";
    warnings.push_back(name + ": " + std::to_string(dropped.size()) +
                       " slice(s) at a position already taken were dropped, the lowest InstanceNumber kept (" + list +
                       ")");
  }

  const double step = m > 0 ? m : kept.front().spacingBetweenSlices.value_or(kept.front().sliceThickness.value_or(1.0));
  std::vector<DicomSeries> parts;
  Slices part{kept.front()};
  double lo = m, hi = m;
  std::vector<std::string> gaps;
  for (size_t i = 1; i < kept.size(); ++i) {
    const double d = along(kept[i], *n) - along(kept[i - 1], *n);
    if (d > kGapFactor * m) {
      gaps.push_back(mm(d) + " after " + fileName(kept[i - 1].path));
      parts.push_back(makeSeries(part, true, step));
      part.clear();
    } else {
      lo = std::min(lo, d);
      hi = std::max(hi, d);
    }
    part.push_back(kept[i]);
  }
  parts.push_back(makeSeries(part, true, step));
  if (!gaps.empty()) {
    std::string list;
    for (size_t k = 0; k < gaps.size(); ++k) list += (k ? "; " : "") + gaps[k];
    warnings.push_back(name + ": slices missing (gap of " + list + ", where the spacing is " + mm(m) +
                       "); split into " + std::to_string(parts.size()) + " parts so that each keeps its true geometry");
  }
  if (std::max(hi - m, m - lo) > kIrregular * m)
    warnings.push_back(name + ": slice spacing varies from " + mm(lo) + " to " + mm(hi) + "; the median " + mm(m) +
                       " is used");
  for (const DicomSeries& s : parts) {
    if (s.slices.size() < 2) continue;
    const auto& p = *s.slices.front().imagePosition;
    const auto& q = *s.slices.back().imagePosition;
    const std::array<double, 3> v{q[0] - p[0], q[1] - p[1], q[2] - p[2]};
    const double t = v[0] * (*n)[0] + v[1] * (*n)[1] + v[2] * (*n)[2];
    const double side = std::sqrt(std::max(0.0, v[0] * v[0] + v[1] * v[1] + v[2] * v[2] - t * t));
    if (side > 0.01 * std::fabs(t) + 1e-3)
      warnings.push_back(name + ": slices are offset sideways by " + mm(side) + " over " + mm(t) +
                         " (gantry tilt or shear); the volume's geometry does not represent that");
  }
  return parts;
}

}  // namespace
}  // namespace detail

std::vector<DicomSeries> groupDicomSeries(const std::vector<DicomInfo>& files, std::vector<std::string>* warnings) {
  std::vector<std::string> local;
  std::vector<std::string>& w = warnings ? *warnings : local;
  std::vector<DicomSeries> out;
  std::map<std::string, detail::Slices> byUid;
  int dicomdirs = 0;
  for (const DicomInfo& f : files) {
    if (f.isDicomdir) ++dicomdirs;
    else if (f.numberOfFrames > 1 || f.isMosaic || f.seriesInstanceUid.empty())
      out.push_back(detail::makeSeries({f}, f.imagePosition.has_value(), 1.0));  // a volume, or nothing to join
    else byUid[f.seriesInstanceUid].push_back(f);
  }
  if (dicomdirs)
    w.push_back(std::to_string(dicomdirs) + " DICOMDIR file(s) skipped: they list files, they hold no image");

  for (auto& [uid, group] : byUid) {
    std::vector<detail::Slices> stacks;
    for (const DicomInfo& f : group) {
      auto it = std::find_if(stacks.begin(), stacks.end(),
                             [&](const detail::Slices& s) { return detail::sameStack(s.front(), f); });
      if (it == stacks.end()) stacks.push_back({f});
      else it->push_back(f);
    }
    std::stable_sort(stacks.begin(), stacks.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
    if (stacks.size() > 1) {
      std::string sizes;
      for (size_t k = 0; k < stacks.size(); ++k) sizes += (k ? ", " : "") + std::to_string(stacks[k].size());
      w.push_back(detail::label(group.front()) + ": files differ in size, orientation or pixel spacing; split into " +
                  std::to_string(stacks.size()) + " stacks of " + sizes + " file(s)");
    }
    std::vector<DicomSeries> parts;
    for (detail::Slices& s : stacks)
      for (DicomSeries& p : detail::orderStack(std::move(s), w)) parts.push_back(std::move(p));
    for (size_t k = 0; parts.size() > 1 && k < parts.size(); ++k) parts[k].part = static_cast<int>(k) + 1;
    for (DicomSeries& p : parts) out.push_back(std::move(p));
  }
  std::stable_sort(out.begin(), out.end(), [](const DicomSeries& a, const DicomSeries& b) {
    if (a.studyInstanceUid != b.studyInstanceUid) return a.studyInstanceUid < b.studyInstanceUid;
    if (a.seriesInstanceUid != b.seriesInstanceUid) return a.seriesInstanceUid < b.seriesInstanceUid;
    if (a.part != b.part) return a.part < b.part;
    return a.slices.front().path < b.slices.front().path;
  });
  return out;
}

Image readDicomSeries(const DicomSeries& series, std::vector<std::string>* warnings) {
  std::vector<std::string> local;
  std::vector<std::string>& w = warnings ? *warnings : local;
  if (series.slices.empty()) throw ImageReadError(series.seriesInstanceUid, "series without files");
  if (series.slices.size() == 1) return readDicomImage(series.slices.front().path, &w);
  const DicomInfo& first = series.slices.front();
  const int64_t n = static_cast<int64_t>(series.slices.size());
  const int64_t plane = int64_t{first.rows} * first.columns;
  if (plane > kMaxVoxels || n > kMaxVoxels / plane)
    throw ImageReadError(first.path, "series too large: " + std::to_string(n) + " slices of " +
                                         std::to_string(first.rows) + " x " + std::to_string(first.columns));
  Image volume(1, Shape(n, first.rows, first.columns));
  // Each slice says the same things (colour converted, ...): one line per distinct remark, with a count.
  std::vector<std::pair<std::string, int>> remarks;
  for (int64_t k = 0; k < n; ++k) {
    const DicomInfo& s = series.slices[static_cast<size_t>(k)];
    const std::string where = "slice " + std::to_string(k + 1) + " of " + std::to_string(n) + " of series " +
                              series.seriesInstanceUid + ": ";
    std::vector<std::string> sw;
    Image img;
    try {
      img = readDicomImage(s.path, &sw);
    } catch (const ImageReadError& e) {
      throw ImageReadError(e.path(), where + e.reason());
    }
    if (!(img.shape() == Shape(first.rows, first.columns)))
      throw ImageReadError(s.path, where + "its image is " + img.shape().toString() + ", the series' slices are " +
                                       Shape(first.rows, first.columns).toString());
    std::copy(img.values().begin(), img.values().end(), volume.data() + k * plane);
    for (const std::string& r : sw) {
      auto it = std::find_if(remarks.begin(), remarks.end(), [&](const auto& p) { return p.first == r; });
      if (it == remarks.end()) remarks.emplace_back(r, 1);
      else ++it->second;
    }
  }
  for (const auto& [r, count] : remarks) w.push_back(count > 1 ? r + " (" + std::to_string(count) + " slices)" : r);
  volume.geometry() = series.geometry;
  return volume;
}

}  // namespace lightbox::imageio
