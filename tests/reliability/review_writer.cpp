// A stand-in for the reviewing user, for the crash harness (crash_harness.py). It prints one "ack" line after each
// review is committed, as the GUI shows a review as saved; the harness SIGKILLs it and then checks that every
// acknowledged review is in the file. Needs no model: the findings come from the project-test fixture.
//
//   review_writer create PROJECT [IMAGES]   a project with IMAGES (3) images x 4 folds x 5 findings
//   review_writer write PROJECT TAG SEED    reviews random findings until killed (or 100000 reviews)
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <vector>

#include "lightbox/core/random.h"
#include "model_fixture.h"

using namespace lightbox;
using namespace lightbox::project;

namespace {

int create(const std::string& path, int images) {
  auto f = lbtest::makeModelFixture(path, images);
  std::vector<FindingData> findings;
  for (int k = 0; k < 5; ++k) findings.push_back(lbtest::sampleFinding(k));
  for (size_t i = 0; i < f.imageIds.size(); ++i)
    for (int fold = 0; fold < 4; ++fold) {
      const int64_t pred = f.project.predictions().put({f.runId, {fold}, f.imageIds[i]}, f.arrayIds[i],
                                                       lbtest::sampleMap(f.shape, uint32_t(7 * i + fold)), {});
      f.project.findings().replaceAutomatic(pred, 0.5, findings);
    }
  std::printf("created %s with run %lld\n", path.c_str(), (long long)f.runId);
  return 0;
}

int write(const std::string& path, const std::string& tag, uint64_t seed) {
  Project p = Project::open(path);
  std::vector<int64_t> ids;
  for (const auto& f : p.findings().list({})) ids.push_back(f.id);
  if (ids.empty()) throw std::runtime_error(path + ": no findings to review");
  Rng rng(seed);
  const ReviewState states[] = {ReviewState::Accepted, ReviewState::Rejected, ReviewState::Unreviewed};
  for (int i = 0; i < 100000; ++i) {
    const int64_t finding = ids[size_t(rng.randint(0, int64_t(ids.size()) - 1))];
    const ReviewState state = states[rng.randint(0, 2)];
    const std::string note = tag + "-" + std::to_string(i);
    const Review r = p.reviews().record(finding, state, note, "harness");
    // Only now, after the commit returned, may the user be told it is saved.
    std::printf("ack %lld %lld %s %s\n", (long long)r.id, (long long)finding, std::string(toString(state)).c_str(),
                note.c_str());
    std::fflush(stdout);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const std::string cmd = argc > 1 ? argv[1] : "";
    if (cmd == "create" && (argc == 3 || argc == 4)) return create(argv[2], argc == 4 ? std::atoi(argv[3]) : 3);
    if (cmd == "write" && argc == 5) return write(argv[2], argv[3], std::strtoull(argv[4], nullptr, 10));
    std::fprintf(stderr, "usage: review_writer create PROJECT [IMAGES] | write PROJECT TAG SEED\n");
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "review_writer: %s\n", e.what());
    return 1;
  }
}
