#pragma once
// One progress-and-cancel interface for all long work (DESIGN.md): a terminal implementation drives the CLI and a
// Qt one the desktop application; the logic in between never knows which.

#include <string>

namespace lightbox {

class ProgressSink {
 public:
  virtual ~ProgressSink() = default;
  /// `done` of `total` units finished (total 0 = unknown), with a short description of the current step.
  virtual void progress(long long done, long long total, const std::string& what) = 0;
  /// A message for the user that does not stop the work (a skipped file, a fallback taken).
  virtual void warning(const std::string& message) = 0;
  /// Polled by the work at safe points; once true, the work stops as soon as it can and leaves consistent state.
  virtual bool cancelled() const = 0;
};

/// For callers that want neither progress nor cancellation.
class NullProgress final : public ProgressSink {
 public:
  void progress(long long, long long, const std::string&) override {}
  void warning(const std::string&) override {}
  bool cancelled() const override { return false; }
};

}  // namespace lightbox
