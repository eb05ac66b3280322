#pragma once
// The paper's learning-rate schedule (SPEC §4.2): linear warm-up, exponential decay, constant floor. Torch-free.

#include <cstdint>

namespace lightbox::models {

struct LrSchedule {
  double baseLr = 1e-3;
  int64_t warmupSteps = 100;             ///< LR = base * (0.01 + 0.99 * s / warmup) for s < warmup
  double decayPerStep = 0.9997122182804811;  ///< 0.1^(1/8000): x0.1 every 8000 steps
  double floorFraction = 0.05;           ///< constant base * 0.05 from the step where the decay reaches it (10508)

  /// LR for the update that follows `stepsTaken` scheduler steps (SPEC §7: steps 0, 50, 99, 100, 8100, 10507,
  /// 10508, 20000 give base x 0.01, 0.505, 0.9901, 1.0, 0.1, ~0.0500, 0.05, 0.05).
  double at(int64_t stepsTaken) const;
  /// First step of the constant floor: warmup + round(ln(floor) / ln(decay)) = 10508 for the paper values.
  int64_t floorStart() const;
};

}  // namespace lightbox::models
