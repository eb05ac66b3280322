#pragma once
// The unnormalised type-I discrete sine transform of the Poisson solver (poisson.cpp), computed directly instead of
// through FFTW. Not part of the public API.
//
// Why not FFTW: its RODFT00 for box-sized lengths embeds the line in a real FFT four times as long and allocates a
// buffer on every call (a third of the blend time went to malloc), and its plans depend on the CPU's SIMD features,
// so results were not bit-identical across machines. The direct form below is plain double arithmetic in a fixed
// order: the same bits on every IEEE machine, given the same std::sin.

#include <cstdint>
#include <vector>

#include "lightbox/core/grid.h"

namespace lightbox::detail {

struct SineScratch {
  std::vector<double> coefficients, halves, block, transposed;
};

/// X_k = 2 sum_j x_j sin(pi (j + 1)(k + 1) / (n + 1)) (FFTW's RODFT00) along `axis` of a dense row-major grid, in
/// place. Applying it twice multiplies by 2 (n + 1).
void sineTransformAxis(double* data, const Shape& shape, int axis, SineScratch& scratch);

}  // namespace lightbox::detail
