//===- Progress.h - Progress of a long compile on a terminal ----*- C++ -*-===//
//
// A compile that takes more than a second shows, on one line of stderr that
// it keeps rewriting, what it is doing and how many functions are done of
// how many. Nothing is shown when stderr is not a terminal (logs and tests
// stay clean), nor for a compile that finishes within the second.
//
//===----------------------------------------------------------------------===//
#ifndef W2N_DRIVER_PROGRESS_H
#define W2N_DRIVER_PROGRESS_H

#include "llvm/ADT/StringRef.h"

#include <chrono>
#include <mutex>
#include <string>

namespace w2n::driver {

class Progress {
public:
  /// Reports for File; enabled when stderr is a terminal. The environment
  /// variable W2N_PROGRESS_DELAY_MS overrides the one-second delay (tests).
  explicit Progress(llvm::StringRef File);
  ~Progress();

  /// The phase now running ("lowering", "optimising", ...), with Done of
  /// Total functions (Total 0: no count). Thread-safe.
  void update(llvm::StringRef Phase, uint64_t Done = 0, uint64_t Total = 0);

private:
  bool Enabled;
  bool Shown = false;
  std::string File;
  std::chrono::steady_clock::time_point Start;
  std::chrono::milliseconds Delay{1000};
  std::chrono::steady_clock::time_point LastDraw;
  std::mutex Mutex;
};

} // namespace w2n::driver

#endif
