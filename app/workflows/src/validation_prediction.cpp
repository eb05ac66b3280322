#include "validation_prediction.h"

namespace lightbox::workflows::detail {

bool predictValidation(const models::Predictor& predictor, const FoldData& data, ProgressSink& progress, int64_t& done,
                       int64_t total, const std::string& what, const ValidationMapUse& use) {
  for (size_t i = 0; i < data.validation->size(); ++i) {
    if (progress.cancelled()) return false;
    progress.progress(done++, total, what);
    const ArrayRef ref = i < data.validationRefs.size() ? data.validationRefs[i] : ArrayRef{};
    use(ref, predictor.predict((*data.validation)[i]->image));
  }
  return true;
}

}  // namespace lightbox::workflows::detail
