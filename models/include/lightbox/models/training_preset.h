#pragma once
// Training presets: every value of a training configuration under one name (issue #4). Torch-free, so workflows, the
// CLI and the UI can list, show and store them. A run stores the preset's name and all of its values (the
// configuration JSON), so a later change of a preset never changes what an old run meant.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lightbox/core/grid.h"
#include "lightbox/core/task_settings.h"
#include "lightbox/models/lr_schedule.h"
#include "lightbox/models/unet_config.h"

namespace lightbox::models {

struct TrainingPreset {
  std::string name;
  std::string description;
  UNetConfig network;         ///< inputChannels = imageChannels + positional-encoding channels (SPEC §3.5)
  int imageChannels = 1;
  Shape inputShape;           ///< the working size the network is trained at
  int batchSize = 8;
  LrSchedule schedule;        ///< baseLr inside
  int maxEpochs = 2000;
  int64_t patience = 5000;    ///< early stop when step > best-validation step + patience (SPEC §4.2)
  double emaDecay = 0.93;     ///< train-loss moving average: ema = 0.93 ema + 0.07 loss
  double flipProbability = 0.5;  ///< left-right flip of training and validation samples (brain 0.5, CXR 0)
  TaskSettings tasks;
  bool meantForGpu = false;   ///< the paper presets: minutes per step on a CPU
};

/// "paper-brain-3d", "paper-cxr-2d", "cpu-quick-2d".
std::vector<std::string> trainingPresetNames();
std::optional<TrainingPreset> findTrainingPreset(std::string_view name);

/// SPEC §4.1-4.2 exactly: 3D U-Net (13,889,600 parameters) on 80x112x80, batch 8, LR 1e-3, flips.
TrainingPreset paperBrain3DPreset();
/// SPEC §4.1-4.2 exactly: 2D U-Net (29,124,704 parameters) on 256x256, batch 50, LR 5e-3, no flips.
TrainingPreset paperChestXray2DPreset();
/// For 2 CPU cores: 2D U-Net of depth 4, 16 base features, on 64x64 (brain slices of 128x128 are averaged 2x2),
/// batch 8, LR 3e-3, the warm-up and decay of the paper stretched to the shorter run.
TrainingPreset cpuQuick2DPreset();

}  // namespace lightbox::models
