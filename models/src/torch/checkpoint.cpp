#include "lightbox/models/torch/checkpoint.h"

#include <sstream>
#include <stdexcept>
#include <string>

#include <torch/serialize.h>
#include <torch/serialize/input-archive.h>
#include <torch/serialize/output-archive.h>

namespace lightbox::models {
namespace {

// Scalars go in as 1-element CPU tensors of their own type, so doubles round-trip bit for bit.
void writeInt(torch::serialize::OutputArchive& a, const char* key, int64_t v) {
  a.write(key, torch::tensor({v}, torch::kLong));
}
void writeReal(torch::serialize::OutputArchive& a, const char* key, double v) {
  a.write(key, torch::tensor({v}, torch::kDouble));
}
int64_t readInt(torch::serialize::InputArchive& a, const char* key) {
  torch::Tensor t;
  a.read(key, t);
  return t.item<int64_t>();
}
double readReal(torch::serialize::InputArchive& a, const char* key) {
  torch::Tensor t;
  a.read(key, t);
  return t.item<double>();
}

void loadArchive(torch::serialize::InputArchive& archive, std::span<const uint8_t> bytes, const torch::Device& device) {
  try {
    archive.load_from(reinterpret_cast<const char*>(bytes.data()), bytes.size(), device);
  } catch (const c10::Error& e) {
    throw std::runtime_error(std::string("not a Lightbox checkpoint: ") + e.what_without_backtrace());
  }
}

UNetConfig configFrom(torch::serialize::InputArchive& archive) {
  torch::Tensor t;
  if (!archive.try_read("config", t) || t.numel() != 6) throw std::runtime_error("checkpoint without a network config");
  const auto v = t.accessor<int64_t, 1>();
  return {.dims = int(v[0]),
          .inputChannels = int(v[1]),
          .levels = int(v[2]),
          .baseFeatures = int(v[3]),
          .featureCap = int(v[4]),
          .convsPerStage = int(v[5])};
}

}  // namespace

std::vector<uint8_t> saveCheckpoint(UNet& net, torch::optim::Optimizer* optimizer, const TrainerState& state) {
  torch::serialize::OutputArchive archive;
  const UNetConfig& c = net->config();
  archive.write("config", torch::tensor({int64_t(c.dims), int64_t(c.inputChannels), int64_t(c.levels),
                                         int64_t(c.baseFeatures), int64_t(c.featureCap), int64_t(c.convsPerStage)},
                                        torch::kLong));
  torch::serialize::OutputArchive model;
  net->save(model);
  archive.write("model", model);
  if (optimizer) {
    torch::serialize::OutputArchive opt;
    optimizer->save(opt);
    archive.write("optimizer", opt);
  }
  writeInt(archive, "state.step", state.step);
  writeReal(archive, "state.loss_average", state.lossAverage);
  writeInt(archive, "state.average_started", state.averageStarted ? 1 : 0);
  writeInt(archive, "state.best_step", state.bestStep);
  writeReal(archive, "state.best_loss", state.bestLoss);
  writeInt(archive, "state.validations", state.validations);
  std::ostringstream out;
  archive.save_to(out);
  const std::string s = std::move(out).str();
  return {s.begin(), s.end()};
}

UNetConfig checkpointNetwork(std::span<const uint8_t> bytes) {
  torch::serialize::InputArchive archive;
  loadArchive(archive, bytes, torch::kCPU);
  return configFrom(archive);
}

TrainerState restoreCheckpoint(std::span<const uint8_t> bytes, UNet& net, torch::optim::Optimizer* optimizer,
                               const torch::Device& device) {
  torch::serialize::InputArchive archive;
  loadArchive(archive, bytes, device);
  if (configFrom(archive) != net->config())
    throw std::invalid_argument("the checkpoint holds a different network than the run's preset");
  torch::serialize::InputArchive model;
  archive.read("model", model);
  net->load(model);
  if (optimizer) {
    torch::serialize::InputArchive opt;
    if (!archive.try_read("optimizer", opt)) throw std::runtime_error("checkpoint without optimiser state");
    optimizer->load(opt);
  }
  TrainerState s;
  s.step = readInt(archive, "state.step");
  s.lossAverage = readReal(archive, "state.loss_average");
  s.averageStarted = readInt(archive, "state.average_started") != 0;
  s.bestStep = readInt(archive, "state.best_step");
  s.bestLoss = readReal(archive, "state.best_loss");
  s.validations = readInt(archive, "state.validations");
  return s;
}

UNet loadNetwork(std::span<const uint8_t> bytes, const torch::Device& device) {
  UNet net(checkpointNetwork(bytes));
  net->to(device);
  restoreCheckpoint(bytes, net, nullptr, device);
  net->eval();
  return net;
}

}  // namespace lightbox::models
