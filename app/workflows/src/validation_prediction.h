#pragma once
// What the threshold proposal and the healthy-set audit share: a fold's validation partition (the run's healthy
// images the fold never trained on) run through a predictor, image by image. Built with the models only.

#include <functional>

#include "lightbox/core/progress.h"
#include "lightbox/models/predictor.h"
#include "train_data.h"

namespace lightbox::workflows::detail {

using ValidationMapUse = std::function<void(const ArrayRef& array, const models::Prediction& prediction)>;

/// Predicts every array of `data.validation` in partition order and hands each map to `use`. `done`/`total` count
/// progress across calls. Returns false, having stopped early, when the user cancelled.
bool predictValidation(const models::Predictor& predictor, const FoldData& data, ProgressSink& progress, int64_t& done,
                       int64_t total, const std::string& what, const ValidationMapUse& use);

}  // namespace lightbox::workflows::detail
