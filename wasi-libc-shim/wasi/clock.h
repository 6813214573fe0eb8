/*===- wasi/clock.h - Clocks, shared with poll_oneoff ---------------------===*/
#ifndef W2N_WASI_CLOCK_H
#define W2N_WASI_CLOCK_H

#include <stdint.h>

/* The time of WASI clock id in nanoseconds; INVAL for an unknown id. */
int32_t w2n_wasi_clock_now(uint32_t id, uint64_t *now);

#endif /* W2N_WASI_CLOCK_H */
