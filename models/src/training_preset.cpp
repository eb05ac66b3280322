#include "lightbox/models/training_preset.h"

#include "lightbox/core/positional_encoding.h"

namespace lightbox::models {

TrainingPreset paperBrain3DPreset() {
  TrainingPreset p;
  p.name = "paper-brain-3d";
  p.description = "Paper settings for brain MRI (3D, 80x112x80, batch 8, LR 1e-3); meant for a GPU";
  p.network = UNetConfig::paperBrain3D();
  p.inputShape = Shape(80, 112, 80);
  p.batchSize = 8;
  p.schedule.baseLr = 1e-3;
  p.flipProbability = 0.5;
  p.tasks = TaskSettings::paperBrain3D();
  p.meantForGpu = true;
  return p;
}

TrainingPreset paperChestXray2DPreset() {
  TrainingPreset p;
  p.name = "paper-cxr-2d";
  p.description = "Paper settings for chest X-rays (2D, 256x256, batch 50, LR 5e-3); meant for a GPU";
  p.network = UNetConfig::paperChestXray2D();
  p.inputShape = Shape(256, 256);
  p.batchSize = 50;
  p.schedule.baseLr = 5e-3;
  p.flipProbability = 0.0;  // SPEC §3.4: no augmentation for chest X-rays
  p.tasks = TaskSettings::paperChestXray2D();
  p.meantForGpu = true;
  return p;
}

TrainingPreset cpuQuick2DPreset() {
  TrainingPreset p;
  p.name = "cpu-quick-2d";
  p.description = "Small 2D network for a CPU (64x64, depth 4, 16 features, batch 8, LR 3e-3): minutes, not days";
  p.network = UNetConfig{.dims = 2,
                         .inputChannels = 1 + positionalEncodingChannels(2),
                         .levels = 4,
                         .baseFeatures = 16,
                         .featureCap = 128,
                         .convsPerStage = 2};
  p.inputShape = Shape(64, 64);
  p.batchSize = 8;
  // A 10-minute CPU run is ~2,000-4,000 steps, not the paper's ~10^5: warm up over 50 steps and decay x0.1 every
  // 4,000 so the LR is still useful at the end; the floor (5 %) and its continuity rule are the paper's.
  p.schedule.baseLr = 3e-3;
  p.schedule.warmupSteps = 50;
  p.schedule.decayPerStep = 0.9994245193792801;  // 0.1^(1/4000)
  p.patience = 5000;
  p.flipProbability = 0.5;  // axial brain slices: left-right flips as the paper's brain setting
  p.tasks = TaskSettings::paperBrain3D();  // push distances 0.5..5 px suit a 64-pixel image
  return p;
}

std::vector<std::string> trainingPresetNames() { return {"paper-brain-3d", "paper-cxr-2d", "cpu-quick-2d"}; }

std::optional<TrainingPreset> findTrainingPreset(std::string_view name) {
  if (name == "paper-brain-3d") return paperBrain3DPreset();
  if (name == "paper-cxr-2d") return paperChestXray2DPreset();
  if (name == "cpu-quick-2d") return cpuQuick2DPreset();
  return std::nullopt;
}

}  // namespace lightbox::models
