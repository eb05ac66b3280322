#include "lightbox/models/lr_schedule.h"

#include <cmath>

namespace lightbox::models {

// torch's SequentialLR(LinearLR(0.01, warmup), ExponentialLR(gamma), ConstantLR(floor)) with milestones
// [warmup, floorStart] (SPEC §4.2), written in closed form so that a resumed run needs only the step count.
// std::pow rather than repeated multiplication: torch's chained form accumulates rounding, but the difference is
// ~1e-12 relative after 10^4 steps, far below anything the optimiser notices.
double LrSchedule::at(int64_t stepsTaken) const {
  const int64_t s = stepsTaken < 0 ? 0 : stepsTaken;
  if (s < warmupSteps) return baseLr * (0.01 + 0.99 * double(s) / double(warmupSteps));
  if (s < floorStart()) return baseLr * std::pow(decayPerStep, double(s - warmupSteps));
  return baseLr * floorFraction;
}

int64_t LrSchedule::floorStart() const {
  // No decay (gamma >= 1) or no floor: the exponential phase never ends.
  if (decayPerStep >= 1.0 || floorFraction <= 0.0) return INT64_MAX;
  return warmupSteps + int64_t(std::llround(std::log(floorFraction) / std::log(decayPerStep)));
}

}  // namespace lightbox::models
