#pragma once
// Bend sink and bend source deformations (SPEC §1.6, tasks 2 and 3): voxels inside the anomaly are resampled along
// rays from a random centre, pulling content towards it (sink) or pushing it outwards (source).

#include <optional>

#include "lightbox/core/anomaly_task.h"

namespace lightbox {

enum class DeformationKind { Sink, Source };

/// Radial profiles g(rho, R, f): where the voxel at distance rho from the centre samples from, for a boundary at
/// distance R along its ray. f = 1 is the identity for both.
double sinkRadius(double rho, double edge, double factor);
double sourceRadius(double rho, double edge, double factor);

/// f = ln(1/2 - q) / ln(1/2 + q) with q = push / (sqrt(2) * meanEdgeDistance).
double bendFactor(double push, double meanEdgeDistance);
/// Push distance drawn within [0.1, 0.9] * A / sqrt(2) and the global [minPush, maxPush] bounds (SPEC §1.6 step 5).
double samplePushDistance(Rng& rng, double meanEdgeDistance, double minPush, double maxPush);

/// Test hooks (the reference has `test_push_dist`): a fixed factor and/or a fixed centre voxel (box indices).
struct DeformationOverrides {
  std::optional<double> factor;
  std::optional<Index> centre;
};

class BendDeformationTask final : public AnomalyTask {
 public:
  BendDeformationTask(DeformationKind kind, const TaskSettings& settings, DeformationOverrides overrides = {});

  TaskId id() const override { return kind_ == DeformationKind::Sink ? TaskId::Sink : TaskId::Source; }
  void insert(Image& image, const Box& box, AnomalyShape& shape, Rng& rng,
              ImageRangeTracker& ranges) const override;

 private:
  DeformationKind kind_;
  TaskSettings settings_;
  DeformationOverrides overrides_;
};

}  // namespace lightbox
