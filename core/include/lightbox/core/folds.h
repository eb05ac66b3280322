#pragma once
// Cross-validation over synthetic tasks (SPEC §3.2-3.3): which tasks train and which validate in each fold, and
// how the images are split between training and validation.

#include <vector>

#include "lightbox/core/task_settings.h"

namespace lightbox {

struct FoldTasks {
  std::vector<int> training;    ///< task ids, ascending
  std::vector<int> validation;  ///< the held-out task ids, ascending
};

/// C(n, T) folds for T training tasks out of n (5 for the paper).
int foldCount(int trainingTasks, int taskCount = kPaperTaskCount);
/// Fold f: the f-th T-subset of {0..n-1} in lexicographic order trains, the rest validate.
FoldTasks foldTasks(int trainingTasks, int fold, int taskCount = kPaperTaskCount);

/// numpy.array_split(range(n), parts): the first n % parts chunks get one extra item.
std::vector<std::vector<int>> splitIntoChunks(int itemCount, int parts);

struct DataPartition {
  std::vector<int> training;
  std::vector<int> validation;
  bool swapped = false;  ///< the paper's rule swapped the lists because validation was larger
};

/// The paper's rule: chunk i of the (sorted) images is tied to task i; training images are the chunks of the
/// training tasks, validation images those of the held-out tasks, and if validation is larger the two index lists
/// are swapped (the tasks are not), so training always gets the larger part (SPEC §3.3, §8.2).
DataPartition partitionImages(int imageCount, const FoldTasks& fold, int taskCount = kPaperTaskCount);

}  // namespace lightbox
