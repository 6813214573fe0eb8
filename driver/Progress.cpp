//===- Progress.cpp -------------------------------------------------------===//
#include "driver/Progress.h"

#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>

namespace w2n::driver {

using namespace llvm;
using Clock = std::chrono::steady_clock;

Progress::Progress(StringRef File)
    : Enabled(sys::Process::StandardErrIsDisplayed()), File(File.str()),
      Start(Clock::now()) {
  if (const char *D = std::getenv("W2N_PROGRESS_DELAY_MS"))
    Delay = std::chrono::milliseconds(std::atol(D));
}

Progress::~Progress() {
  if (Shown) {
    // Clear the line, so that what follows starts clean.
    errs() << "\r\x1b[K";
    errs().flush();
  }
}

void Progress::update(StringRef Phase, uint64_t Done, uint64_t Total) {
  if (!Enabled)
    return;
  std::lock_guard<std::mutex> Lock(Mutex);
  Clock::time_point Now = Clock::now();
  if (Now - Start < Delay)
    return;
  // At most ten redraws a second, but always the last of a phase.
  if (Shown && Now - LastDraw < std::chrono::milliseconds(100) &&
      Done != Total)
    return;
  LastDraw = Now;
  Shown = true;
  errs() << "\r\x1b[Kwasm2native: " << File << ": " << Phase;
  if (Total)
    errs() << " " << Done << "/" << Total << " functions";
  errs().flush();
}

} // namespace w2n::driver
