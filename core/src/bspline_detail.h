#pragma once
// Internals shared by bspline.cpp and bspline_nearest.cpp: the recursive prefilter of many lines at once and the
// 4-tap evaluation. Not part of the public API.

#include <array>
#include <cmath>
#include <cstdint>

namespace lightbox::detail {

// Pole of the cubic B-spline prefilter, sqrt(3) - 2, and its gain (1 - z)(1 - 1/z) = 6.
constexpr double kPole = -0.267949192431122705827;
constexpr double kGain = 6.0;
// |kPole|^32 < 2^-60: beyond this many terms the causal initial sum no longer changes a double.
constexpr int64_t kHorizon = 32;
inline const std::array<double, 2 * kHorizon>& polePowers() {
  static const std::array<double, 2 * kHorizon> powers = [] {
    std::array<double, 2 * kHorizon> p{};
    p[0] = 1.0;
    for (size_t k = 1; k < p.size(); ++k) p[k] = p[k - 1] * kPole;
    return p;
  }();
  return powers;
}

/// Whole-sample mirror of an arbitrary tap index into [0, n-1] (period 2n - 2).
inline int64_t mirrorIndex(int64_t i, int64_t n) {
  if (n == 1) return 0;
  const int64_t period = 2 * n - 2;
  i %= period;
  if (i < 0) i += period;
  return i < n ? i : period - i;
}

// The prefilter runs the recursions of many lines side by side: element k of line j is base[k * es + j * ls]. The
// recursions are serial along a line, so interleaving independent lines is what keeps the pipeline busy. Slower axes
// have ls == 1 (contiguous, vectorised); the fastest axis has es == 1 and ls == n, in cache-sized groups of lines.
struct Lines {
  double* base;
  int64_t n;      // elements per line
  int64_t es;     // stride between elements of a line
  int64_t ls;     // stride between lines
  int64_t count;  // lines
};

/// c+[0] = sum_{k>=0} z^k x~[k] over the mirrored signal x~, which is periodic with period 2n - 2; for short lines the
/// period is summed exactly (closed-form geometric tail), for long ones the terms past the horizon vanish in double.
template <bool kContiguous>
inline void causalInit(const Lines& l, double* init) {
  const int64_t ls = kContiguous ? 1 : l.ls;
  const auto& zp = polePowers();
  for (int64_t j = 0; j < l.count; ++j) init[j] = 0.0;
  const bool exact = l.n <= kHorizon;
  const int64_t period = 2 * l.n - 2;
  for (int64_t k = 0; k < (exact ? l.n : kHorizon); ++k) {
    const double* row = l.base + k * l.es;
    // In one period x[k] appears at k and, for 0 < k < n-1, once more at period - k.
    const double w = (exact && k > 0 && k < l.n - 1) ? zp[k] + zp[period - k] : zp[k];
    for (int64_t j = 0; j < l.count; ++j) init[j] += w * row[j * ls];
  }
  const double scale = exact ? kGain / (1.0 - zp[period]) : kGain;
  for (int64_t j = 0; j < l.count; ++j) init[j] *= scale;
}

template <bool kContiguous>
inline void prefilterLines(const Lines& l, double* init) {
  const int64_t ls = kContiguous ? 1 : l.ls;
  causalInit<kContiguous>(l, init);
  for (int64_t j = 0; j < l.count; ++j) l.base[j * ls] = init[j];
  for (int64_t k = 1; k < l.n; ++k) {
    double* row = l.base + k * l.es;
    const double* prev = row - l.es;
    for (int64_t j = 0; j < l.count; ++j) row[j * ls] = kGain * row[j * ls] + kPole * prev[j * ls];
  }
  // Anti-causal initial value for the mirror boundary (Unser 1999).
  {
    double* last = l.base + (l.n - 1) * l.es;
    const double* prev = last - l.es;
    const double scale = kPole / (kPole * kPole - 1.0);
    for (int64_t j = 0; j < l.count; ++j) last[j * ls] = scale * (last[j * ls] + kPole * prev[j * ls]);
  }
  for (int64_t k = l.n - 2; k >= 0; --k) {
    double* row = l.base + k * l.es;
    const double* next = row + l.es;
    for (int64_t j = 0; j < l.count; ++j) row[j * ls] = kPole * (next[j * ls] - row[j * ls]);
  }
}

/// The four taps of one axis: coefficient offsets (already multiplied by the stride) and B-spline weights.
struct Taps {
  int64_t offset[4];
  double weight[4];
};

inline void computeTaps(double x, int64_t n, int64_t stride, Taps& taps) {
  const double base = std::floor(x);
  const double t = x - base;
  const double s = 1.0 - t;
  taps.weight[0] = s * s * s / 6.0;
  taps.weight[1] = 2.0 / 3.0 - t * t + 0.5 * t * t * t;
  taps.weight[2] = 2.0 / 3.0 - s * s + 0.5 * s * s * s;
  taps.weight[3] = t * t * t / 6.0;
  const int64_t first = static_cast<int64_t>(base) - 1;
  if (first >= 0 && first + 3 < n) {
    for (int k = 0; k < 4; ++k) taps.offset[k] = (first + k) * stride;
  } else {
    for (int k = 0; k < 4; ++k) taps.offset[k] = mirrorIndex(first + k, n) * stride;
  }
}

template <int D>
inline double evaluate(const double* c, const Taps* taps) {
  double sum = 0.0;
  if constexpr (D == 2) {
    for (int a = 0; a < 4; ++a) {
      const double* row = c + taps[0].offset[a];
      double r = 0.0;
      for (int b = 0; b < 4; ++b) r += taps[1].weight[b] * row[taps[1].offset[b]];
      sum += taps[0].weight[a] * r;
    }
  } else {
    for (int a = 0; a < 4; ++a) {
      double plane = 0.0;
      for (int b = 0; b < 4; ++b) {
        const double* row = c + taps[0].offset[a] + taps[1].offset[b];
        double r = 0.0;
        for (int e = 0; e < 4; ++e) r += taps[2].weight[e] * row[taps[2].offset[e]];
        plane += taps[1].weight[b] * r;
      }
      sum += taps[0].weight[a] * plane;
    }
  }
  return sum;
}

/// evaluate<D> for two positions at once: the same operations in the same order for each, interleaved, so that the
/// two long accumulation chains overlap (one voxel alone leaves the pipeline mostly waiting).
template <int D>
inline void evaluatePair(const double* c, const Taps* ta, const Taps* tb, double& outA, double& outB) {
  double sumA = 0.0, sumB = 0.0;
  if constexpr (D == 2) {
    for (int a = 0; a < 4; ++a) {
      const double* rowA = c + ta[0].offset[a];
      const double* rowB = c + tb[0].offset[a];
      double rA = 0.0, rB = 0.0;
      for (int b = 0; b < 4; ++b) {
        rA += ta[1].weight[b] * rowA[ta[1].offset[b]];
        rB += tb[1].weight[b] * rowB[tb[1].offset[b]];
      }
      sumA += ta[0].weight[a] * rA;
      sumB += tb[0].weight[a] * rB;
    }
  } else {
    for (int a = 0; a < 4; ++a) {
      double planeA = 0.0, planeB = 0.0;
      for (int b = 0; b < 4; ++b) {
        const double* rowA = c + ta[0].offset[a] + ta[1].offset[b];
        const double* rowB = c + tb[0].offset[a] + tb[1].offset[b];
        double rA = 0.0, rB = 0.0;
        for (int e = 0; e < 4; ++e) {
          rA += ta[2].weight[e] * rowA[ta[2].offset[e]];
          rB += tb[2].weight[e] * rowB[tb[2].offset[e]];
        }
        planeA += ta[1].weight[b] * rA;
        planeB += tb[1].weight[b] * rB;
      }
      sumA += ta[0].weight[a] * planeA;
      sumB += tb[0].weight[a] * planeB;
    }
  }
  outA = sumA;
  outB = sumB;
}

/// Evaluates voxels two at a time as they come: add() queues one, finish() flushes a left-over one.
template <int D>
class PairedEvaluator {
 public:
  explicit PairedEvaluator(const double* coefficients) : c_(coefficients) {}
  Taps* next() { return taps_[pending_ ? 1 : 0]; }  // fill these D taps, then call add()
  void add(double* out) {
    if (!pending_) {
      out_ = out;
      pending_ = true;
      return;
    }
    evaluatePair<D>(c_, taps_[0], taps_[1], *out_, *out);
    pending_ = false;
  }
  void finish() {
    if (pending_) *out_ = evaluate<D>(c_, taps_[0]);
    pending_ = false;
  }

 private:
  const double* c_;
  Taps taps_[2][D];
  double* out_ = nullptr;
  bool pending_ = false;
};

}  // namespace lightbox::detail
