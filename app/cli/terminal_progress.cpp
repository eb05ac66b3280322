#include "terminal_progress.h"

#include <unistd.h>

#include <string>

#include "interrupt.h"

namespace lightbox::cli {

TerminalProgress::TerminalProgress(std::FILE* stream)
    : stream_(stream), tty_(isatty(fileno(stream)) != 0), start_(std::chrono::steady_clock::now()) {}

TerminalProgress::~TerminalProgress() { finish(); }

void TerminalProgress::progress(long long done, long long total, const std::string& what) {
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  if (!tty_) {
    // Plain lines: one per 10 % (or per step when the total is unknown), so logs stay short.
    const long long percent = total > 0 ? done * 100 / total : -1;
    if (total > 0 && percent / 10 == lastPlainPercent_ / 10 && done != total) return;
    lastPlainPercent_ = percent;
    if (total > 0) std::fprintf(stream_, "[%3lld%%] %lld/%lld %s\n", percent, done, total, what.c_str());
    else std::fprintf(stream_, "%s\n", what.c_str());
    std::fflush(stream_);
    return;
  }
  constexpr int kWidth = 30;
  const double fraction = total > 0 ? double(done) / double(total) : 0.0;
  const int filled = int(fraction * kWidth);
  std::string bar(size_t(filled), '#');
  bar.resize(kWidth, '.');
  std::string eta;
  if (total > 0 && done > 0 && done < total) eta = " ETA " + std::to_string(int(elapsed / fraction - elapsed)) + " s";
  std::fprintf(stream_, "\r\033[K[%s] %3d%% %s%s", bar.c_str(), int(fraction * 100), what.c_str(), eta.c_str());
  std::fflush(stream_);
  barDrawn_ = true;
}

void TerminalProgress::warning(const std::string& message) {
  finish();
  std::fprintf(stream_, "warning: %s\n", message.c_str());
}

bool TerminalProgress::cancelled() const { return interruptRequested(); }

void TerminalProgress::finish() {
  if (barDrawn_) std::fputc('\n', stream_);
  barDrawn_ = false;
}

}  // namespace lightbox::cli
