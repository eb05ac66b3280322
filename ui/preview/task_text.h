#pragma once
// User-visible names of tasks and their parameters, through tr() (the core's English strings are the source text).

#include <QString>

#include "lightbox/core/task_settings.h"

namespace lightbox::ui {

QString taskTitle(TaskId id);
/// What the task imitates, in one line (core taskDescription()).
QString taskBlurb(TaskId id);
QString parameterLabel(const std::string& key);
QString parameterHelp(const std::string& key);

}  // namespace lightbox::ui
