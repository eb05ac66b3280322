#include "validation.h"

#include <algorithm>
#include <map>

#include <ATen/ops/mse_loss.h>
#include <c10/core/InferenceMode.h>

#include "lightbox/core/eval/metrics.h"
#include "lightbox/models/batch_pipeline.h"

namespace lightbox::models::detail {
namespace {

// Pooled pixel scores per task are kept at most this long (paper 3D: 800 volumes x 716,800 voxels would be 2.3 GB);
// past it every k-th voxel is kept, the same voxels for every round.
constexpr int64_t kMaxPooledVoxels = int64_t(32) << 20;

std::vector<int64_t> spatialSizes(int64_t n, int64_t channels, const Shape& spatial) {
  std::vector<int64_t> sizes{n, channels};
  for (int d = 0; d < spatial.ndim; ++d) sizes.push_back(spatial[d]);
  return sizes;
}

}  // namespace

torch::Tensor batchTensor(const float* data, int64_t n, int64_t channels, const Shape& spatial,
                          const torch::Device& device) {
  // from_blob does not copy: the batch buffer outlives every use of the tensor within one step.
  const torch::Tensor t = torch::from_blob(const_cast<float*>(data), spatialSizes(n, channels, spatial), torch::kFloat);
  return device.is_cpu() ? t : t.to(device);
}

torch::Tensor encodingTensor(const Image& encoding, const torch::Device& device) {
  return batchTensor(encoding.data(), 1, encoding.channels(), encoding.shape(), device).clone();
}

ValidationResult validate(UNet& net, std::shared_ptr<const TrainingSampleGenerator> generator,
                          const ValidationSettings& settings) {
  c10::InferenceMode inference;  // no autograd bookkeeping: validation only reads the network
  BatchPipelineOptions po;
  po.seed = settings.seed;
  po.batchSize = settings.batchSize;
  po.workers = settings.workers;
  po.queueDepth = 2;
  po.withNormal = true;
  po.shuffle = false;  // every validation image once per round, in order
  BatchPipeline pipeline(std::move(generator), po, settings.samples);

  std::map<int, std::pair<std::vector<float>, std::vector<uint8_t>>> pooled;
  torch::Tensor encoding;
  double lossSum = 0;
  int64_t batches = 0, stride = 1;
  Batch batch;
  while (pipeline.next(batch)) {
    const int64_t voxels = batch.spatial.count();
    if (!encoding.defined()) {
      encoding = encodingTensor(*batch.positionalEncoding, settings.device);
      stride = std::max<int64_t>(1, (settings.samples * voxels + kMaxPooledVoxels - 1) / kMaxPooledVoxels);
    }
    const torch::Tensor aug = batchTensor(batch.input.data(), batch.size, batch.imageChannels, batch.spatial,
                                          settings.device);
    const torch::Tensor normal = batchTensor(batch.normalInput.data(), batch.size, batch.imageChannels,
                                             batch.spatial, settings.device);
    const torch::Tensor label = batchTensor(batch.target.data(), batch.size, 1, batch.spatial, settings.device);
    const torch::Tensor outAug = net->forwardWithEncoding(aug, encoding);
    const torch::Tensor outNormal = net->forwardWithEncoding(normal, encoding);
    const torch::Tensor loss = at::mse_loss(outNormal, torch::zeros_like(outNormal)) + at::mse_loss(outAug, label);
    lossSum += loss.item<double>();
    ++batches;

    const torch::Tensor scores = outAug.clamp(0.0, 1.0).to(torch::kCPU).contiguous();
    const float* s = scores.data_ptr<float>();
    for (int i = 0; i < batch.size; ++i) {
      auto& [sc, lb] = pooled[batch.taskIds[size_t(i)]];
      const float* si = s + i * voxels;
      const uint8_t* mi = batch.anomalyMask.data() + i * voxels;
      for (int64_t k = 0; k < voxels; k += stride) {
        sc.push_back(si[k]);
        lb.push_back(mi[k]);
      }
    }
  }
  ValidationResult r;
  r.loss = batches ? lossSum / double(batches) : 0.0;
  for (const auto& [task, sl] : pooled)
    r.pixelAp.emplace_back(task, eval::averagePrecision(sl.first, sl.second).value);
  return r;
}

}  // namespace lightbox::models::detail
