#include "interrupt.h"

#include <atomic>
#include <csignal>

namespace lightbox::cli {

namespace {
std::atomic<bool> requested{false};

extern "C" void onInterrupt(int) {
  requested.store(true);
  std::signal(SIGINT, SIG_DFL);  // a second Ctrl-C ends the process at once
}
}  // namespace

void installInterruptHandler() { std::signal(SIGINT, onInterrupt); }
bool interruptRequested() { return requested.load(); }

}  // namespace lightbox::cli
