//===- Partition.cpp ------------------------------------------------------===//
#include "driver/Partition.h"

#include <algorithm>
#include <cmath>

namespace w2n::driver {

std::vector<PlannedPiece> planPieces(const frontend::Module &M,
                                     unsigned Count) {
  const uint32_t Functions = M.numDefinedFunctions();
  Count = std::clamp<unsigned>(Count, 1, std::max<uint32_t>(Functions, 1));
  uint64_t Total = 0;
  for (const frontend::FunctionBody &Body : M.Bodies)
    Total += Body.Size;

  // A function goes to the piece its middle byte falls in, counting the
  // bodies end to end, so each piece gets about Total / Count bytes.
  std::vector<PlannedPiece> Pieces(Count);
  uint64_t Before = 0;
  for (uint32_t F = 0; F < Functions; ++F) {
    uint64_t Size = M.Bodies[F].Size;
    uint64_t Middle = Before + Size / 2;
    unsigned Piece = unsigned(std::min<uint64_t>(
        Count - 1, Middle * Count / std::max<uint64_t>(Total, 1)));
    PlannedPiece &P = Pieces[Piece];
    if (P.Range.Begin == P.Range.End)
      P.Range.Begin = F;
    P.Range.End = F + 1;
    P.Cost += double(Size) * std::sqrt(double(Size));
    Before += Size;
  }
  // A piece no function's middle fell in (one function larger than a
  // piece's share) has nothing to compile.
  std::erase_if(Pieces, [](const PlannedPiece &P) {
    return P.Range.Begin == P.Range.End;
  });
  if (Pieces.empty())
    Pieces.emplace_back();
  // Last: the executable runtime names the function a trap is in by where
  // its code starts, and takes the init function, which the descriptor's
  // piece holds after its functions, as the end of the last one.
  Pieces.back().Range.HoldsDescriptor = true;
  return Pieces;
}

} // namespace w2n::driver
