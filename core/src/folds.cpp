#include "lightbox/core/folds.h"

#include <stdexcept>
#include <string>

namespace lightbox {

namespace {
void combinations(int n, int k, int start, std::vector<int>& current, std::vector<std::vector<int>>& out) {
  if (int(current.size()) == k) {
    out.push_back(current);
    return;
  }
  for (int i = start; i < n; ++i) {
    current.push_back(i);
    combinations(n, k, i + 1, current, out);
    current.pop_back();
  }
}

std::vector<std::vector<int>> allCombinations(int n, int k) {
  if (k < 1 || k >= n)
    throw std::invalid_argument("the number of training tasks must be between 1 and " + std::to_string(n - 1) +
                                " so that at least one task is held out; got " + std::to_string(k));
  std::vector<std::vector<int>> out;
  std::vector<int> current;
  combinations(n, k, 0, current, out);
  return out;
}
}  // namespace

int foldCount(int trainingTasks, int taskCount) { return int(allCombinations(taskCount, trainingTasks).size()); }

FoldTasks foldTasks(int trainingTasks, int fold, int taskCount) {
  const auto all = allCombinations(taskCount, trainingTasks);
  if (fold < 0 || fold >= int(all.size()))
    throw std::out_of_range("fold " + std::to_string(fold) + " does not exist for T = " +
                            std::to_string(trainingTasks) + " (folds 0.." + std::to_string(all.size() - 1) + ")");
  FoldTasks f;
  f.training = all[size_t(fold)];
  for (int t = 0; t < taskCount; ++t) {
    bool trains = false;
    for (int u : f.training) trains |= (u == t);
    if (!trains) f.validation.push_back(t);
  }
  return f;
}

std::vector<std::vector<int>> splitIntoChunks(int itemCount, int parts) {
  if (parts <= 0 || itemCount < 0) throw std::invalid_argument("splitIntoChunks: bad arguments");
  std::vector<std::vector<int>> chunks(static_cast<size_t>(parts));
  const int base = itemCount / parts, extra = itemCount % parts;
  int next = 0;
  for (int p = 0; p < parts; ++p)
    for (int k = 0; k < base + (p < extra ? 1 : 0); ++k) chunks[size_t(p)].push_back(next++);
  return chunks;
}

DataPartition partitionImages(int imageCount, const FoldTasks& fold, int taskCount) {
  const auto chunks = splitIntoChunks(imageCount, taskCount);
  DataPartition p;
  for (int t : fold.training) p.training.insert(p.training.end(), chunks[size_t(t)].begin(), chunks[size_t(t)].end());
  for (int t : fold.validation)
    p.validation.insert(p.validation.end(), chunks[size_t(t)].begin(), chunks[size_t(t)].end());
  if (p.validation.size() > p.training.size()) {
    std::swap(p.training, p.validation);
    p.swapped = true;
  }
  return p;
}

}  // namespace lightbox
