#pragma once
// Ctrl-C as "cancel": the first SIGINT asks long work to stop at a safe point; a second one ends the process.

namespace lightbox::cli {

void installInterruptHandler();
bool interruptRequested();

}  // namespace lightbox::cli
