#pragma once
// The network's positional encoding (SPEC §3.5, CombinedEnc(D, 32, 12)): D coordinate channels in [-1, 1] followed
// by 32 sine and 32 cosine random Fourier features.

#include <memory>

#include "lightbox/core/image.h"

namespace lightbox {

inline constexpr int kFourierFeatures = 32;
inline constexpr double kFourierScale = 12.0;
inline constexpr uint64_t kFourierSeed = 42;

/// Channel count added by the encoding: D + 2 * 32 (66 in 2D, 67 in 3D).
int positionalEncodingChannels(int ndim);

/// The encoding for one spatial shape. The Fourier matrix is N(0, 1) * 12 from the project's own generator seeded
/// with 42: the same idea as the reference's numpy default_rng(42), not the same numbers (see docs).
Image positionalEncoding(const Shape& shape);

/// Shared, computed once per shape (the reference's cache_pos_enc); thread-safe.
std::shared_ptr<const Image> cachedPositionalEncoding(const Shape& shape);

}  // namespace lightbox
