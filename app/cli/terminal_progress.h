#pragma once
// ProgressSink for the terminal: a redrawn progress bar on a TTY, plain lines otherwise (logs, CI, batch jobs).

#include <chrono>
#include <cstdio>

#include "lightbox/core/progress.h"

namespace lightbox::cli {

class TerminalProgress final : public ProgressSink {
 public:
  explicit TerminalProgress(std::FILE* stream = stderr);
  ~TerminalProgress() override;

  void progress(long long done, long long total, const std::string& what) override;
  void warning(const std::string& message) override;
  bool cancelled() const override;
  /// Ends the bar's line, if one is drawn.
  void finish();

 private:
  std::FILE* stream_;
  bool tty_;
  bool barDrawn_ = false;
  long long lastPlainPercent_ = -1;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace lightbox::cli
