// Presets, validation and the analytic parameter count. No LibTorch here: this file is the reason a caller can
// size and check a network without the torch headers.
#include "lightbox/models/unet_config.h"

#include <algorithm>
#include <sstream>
#include <stdexcept>
#include <string>

namespace lightbox::models {
namespace {

[[noreturn]] void reject(const std::string& what) { throw std::invalid_argument("UNetConfig: " + what); }

void requireAtLeast(const char* name, int value, int minimum) {
  if (value < minimum)
    reject(std::string(name) + " must be at least " + std::to_string(minimum) + " (got " + std::to_string(value) + ")");
}

std::string describeShape(std::span<const int64_t> shape) {
  std::ostringstream out;
  out << '(';
  for (size_t i = 0; i < shape.size(); ++i) out << (i ? ", " : "") << shape[i];
  out << ')';
  return out.str();
}

// conv (with bias) followed by an affine InstanceNorm (gamma and beta per output channel).
int64_t convNormParameters(int64_t in, int64_t out, int64_t kernelVolume) { return in * out * kernelVolume + 3 * out; }

}  // namespace

UNetConfig UNetConfig::paperBrain3D() {
  return {.dims = 3, .inputChannels = 68, .levels = 5, .baseFeatures = 32, .featureCap = 320, .convsPerStage = 2};
}

UNetConfig UNetConfig::paperChestXray2D() {
  return {.dims = 2, .inputChannels = 67, .levels = 7, .baseFeatures = 32, .featureCap = 512, .convsPerStage = 2};
}

void validate(const UNetConfig& c) {
  if (c.dims != 2 && c.dims != 3) reject("dims must be 2 or 3 (got " + std::to_string(c.dims) + ")");
  requireAtLeast("inputChannels", c.inputChannels, 1);
  // At least one down-sampling; 16 levels already need inputs in multiples of 32768, and the cap keeps
  // 2^(levels-1) far from overflowing.
  requireAtLeast("levels", c.levels, 2);
  if (c.levels > 16) reject("levels must be at most 16 (got " + std::to_string(c.levels) + ")");
  requireAtLeast("baseFeatures", c.baseFeatures, 1);
  requireAtLeast("featureCap", c.featureCap, c.baseFeatures);
  // Bottleneck and decoder stages change width twice (in -> features -> out), which takes two convolutions.
  requireAtLeast("convsPerStage", c.convsPerStage, 2);
}

std::vector<int> levelFeatures(const UNetConfig& c) {
  validate(c);
  std::vector<int> features;
  int64_t width = c.baseFeatures;
  for (int level = 0; level < c.levels; ++level, width *= 2)
    features.push_back(int(std::min<int64_t>(width, c.featureCap)));
  return features;
}

int64_t requiredInputMultiple(const UNetConfig& c) {
  validate(c);
  return int64_t{1} << (c.levels - 1);
}

void checkInputShape(const UNetConfig& c, std::span<const int64_t> shape) {
  const int64_t multiple = requiredInputMultiple(c);
  const auto fail = [&](const std::string& what) {
    throw std::invalid_argument("U-Net input " + describeShape(shape) + ": " + what);
  };
  if (shape.size() != size_t(c.dims) + 2)
    fail("expected " + std::to_string(c.dims + 2) + " dimensions (N, C, " + std::to_string(c.dims) +
         " spatial) for a " + std::to_string(c.dims) + "D network");
  if (shape[1] != c.inputChannels)
    fail("expected " + std::to_string(c.inputChannels) + " channels, got " + std::to_string(shape[1]));
  for (size_t axis = 2; axis < shape.size(); ++axis)
    if (shape[axis] <= 0 || shape[axis] % multiple != 0)
      fail("spatial size " + std::to_string(shape[axis]) + " (axis " + std::to_string(axis) +
           ") must be a positive multiple of " + std::to_string(multiple) + " = 2^" + std::to_string(c.levels - 1) +
           ", one halving per down-sampling");
}

// Written out from SPEC §4.1's wiring, independently of the module's constructor, so that the two counts check
// each other and the paper's figures.
int64_t parameterCount(const UNetConfig& c) {
  const std::vector<int> f = levelFeatures(c);
  const int64_t k = c.dims == 3 ? 27 : 9;  // 3^dims
  const int extra = c.convsPerStage - 2;   // convs beyond the two that change width
  const int deepest = c.levels - 1;
  int64_t total = 0;
  int64_t in = c.inputChannels;
  for (int level = 0; level < deepest; ++level) {  // encoder: in -> f, then f -> f
    total += convNormParameters(in, f[level], k) + (c.convsPerStage - 1) * convNormParameters(f[level], f[level], k);
    in = f[level];
  }
  // bottleneck: skip width -> its own width -> back to the deepest skip's width
  total += convNormParameters(in, f[deepest], k) + extra * convNormParameters(f[deepest], f[deepest], k) +
           convNormParameters(f[deepest], f[deepest - 1], k);
  for (int level = deepest - 1; level >= 0; --level) {  // decoder: [up, skip] = 2 f -> f -> next shallower width
    const int64_t next = f[std::max(level - 1, 0)];
    total += convNormParameters(2 * f[level], f[level], k) + extra * convNormParameters(f[level], f[level], k) +
             convNormParameters(f[level], next, k);
  }
  return total + f[0];  // 1x1 head to one channel, no bias
}

}  // namespace lightbox::models
