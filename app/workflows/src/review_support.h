#pragma once
// What the review use cases (review.cpp, review_annotation.cpp) share: opening the project, turning the project's
// own errors the caller caused into std::invalid_argument, and a stored finding as the review shows it.

#include <map>
#include <stdexcept>
#include <string>

#include "lightbox/project/project.h"
#include "lightbox/workflows/review.h"

namespace lightbox::workflows::detail {

/// Project errors the caller caused (an unknown id, a bad value) become std::invalid_argument; the rest stay.
template <typename F>
auto guarded(F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const project::ProjectError& e) {
    if (e.kind() == project::ErrorKind::NotFound || e.kind() == project::ErrorKind::InvalidArgument)
      throw std::invalid_argument(e.what());
    throw;
  }
}

inline project::Project openWrite(const std::string& path) { return project::Project::open(path); }
inline project::Project openRead(const std::string& path) {
  return project::Project::open(path, project::OpenMode::ReadOnly);
}

ReviewDecision fromState(project::ReviewState s);
/// The kind of the working array `arrayId` of an image ("preprocessed", ...); std::runtime_error when it is gone.
std::string arrayKindOf(project::Project& proj, int64_t imageId, int64_t arrayId);
/// `categories`: id -> name, for the category's name.
ReviewFinding toReviewFinding(const project::Finding& f, const std::map<int64_t, std::string>& categories);

}  // namespace lightbox::workflows::detail
