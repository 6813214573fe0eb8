/*===- wasi/poll.c - poll_oneoff ------------------------------------------===*
 *
 * One ppoll over the fd subscriptions, with the nearest clock deadline as
 * its timeout. Clock deadlines are turned into "nanoseconds from now" on
 * their own clock, then waited for on the host's monotonic clock in ppoll,
 * which is exact for the realtime and monotonic clocks and an
 * approximation for the CPU-time ones. An fd subscription that cannot be
 * polled (bad fd, missing POLL_FD_READWRITE) fires at once with that error
 * in its event, rather than failing the whole call, so that the guest
 * learns which one was wrong.
 *===----------------------------------------------------------------------===*/
#include "wasi/clock.h"
#include "wasi/fdtable.h"
#include "wasi/guest.h"

#include "arch/syscall.h"

#define W2N_POLLIN 0x1
#define W2N_POLLOUT 0x4
#define W2N_POLLERR 0x8
#define W2N_POLLHUP 0x10
#define W2N_POLLNVAL 0x20
#define W2N_FIONREAD 0x541b

typedef struct {
  int fd;
  short events, revents;
} host_pollfd;

/* What poll_oneoff keeps per subscription between waiting and reporting. */
typedef struct {
  int32_t error;  /* fires at once with this error when not SUCCESS */
  int32_t pollfd; /* index into the pollfd array, -1 (a clock), or
                     ReadyNow (a bundled file) */
  uint64_t wait;  /* a clock's nanoseconds from now */
} sub_state;

enum { MaxSubs = 256, ReadyNow = -2 };

static void put_event(uint8_t *ev, const uint8_t *sub, uint16_t error,
                      uint64_t nbytes, uint16_t flags) {
  memset(ev, 0, W2N_WASI_EVENT_SIZE);
  w2n_put_u64(ev + W2N_WASI_EVENT_OFFSET_USERDATA,
              w2n_load_u64(sub + W2N_WASI_SUBSCRIPTION_OFFSET_USERDATA));
  w2n_put_u16(ev + W2N_WASI_EVENT_OFFSET_ERROR, error);
  ev[W2N_WASI_EVENT_OFFSET_TYPE] = sub[W2N_WASI_SUBSCRIPTION_OFFSET_TAG];
  w2n_put_u64(ev + W2N_WASI_EVENT_OFFSET_FD_READWRITE_NBYTES, nbytes);
  w2n_put_u16(ev + W2N_WASI_EVENT_OFFSET_FD_READWRITE_FLAGS, flags);
}

/* Reads a subscription: a clock's wait, or an fd's pollfd entry. */
static int32_t prepare(const uint8_t *sub, sub_state *st, host_pollfd *fds,
                       uint32_t *nfds) {
  st->error = W2N_WASI_ERRNO_SUCCESS;
  st->pollfd = -1;
  st->wait = 0;
  uint8_t tag = sub[W2N_WASI_SUBSCRIPTION_OFFSET_TAG];
  if (tag == W2N_WASI_EVENTTYPE_CLOCK) {
    uint32_t id = w2n_load_u32(sub + W2N_WASI_SUBSCRIPTION_OFFSET_CLOCK_ID);
    uint64_t timeout =
        w2n_load_u64(sub + W2N_WASI_SUBSCRIPTION_OFFSET_CLOCK_TIMEOUT);
    uint16_t flags =
        w2n_load_u16(sub + W2N_WASI_SUBSCRIPTION_OFFSET_CLOCK_FLAGS);
    uint64_t now;
    st->error = w2n_wasi_clock_now(id, &now);
    if (flags & ~W2N_WASI_SUBCLOCKFLAGS_ALL)
      st->error = W2N_WASI_ERRNO_INVAL;
    if (flags & W2N_WASI_SUBCLOCKFLAGS_SUBSCRIPTION_CLOCK_ABSTIME)
      st->wait = timeout > now ? timeout - now : 0;
    else
      st->wait = timeout;
    return W2N_WASI_ERRNO_SUCCESS;
  }
  if (tag != W2N_WASI_EVENTTYPE_FD_READ && tag != W2N_WASI_EVENTTYPE_FD_WRITE)
    return W2N_WASI_ERRNO_INVAL;
  uint32_t fd = w2n_load_u32(
      sub + W2N_WASI_SUBSCRIPTION_OFFSET_FD_READWRITE_FILE_DESCRIPTOR);
  w2n_wasi_fd_entry *e;
  st->error = w2n_wasi_fd_get(fd, W2N_WASI_RIGHTS_POLL_FD_READWRITE, &e);
  if (st->error)
    return W2N_WASI_ERRNO_SUCCESS;
  if (e->host < 0) {
    /* A bundled file is always ready, as a regular file is for ppoll. */
    st->pollfd = ReadyNow;
    return W2N_WASI_ERRNO_SUCCESS;
  }
  st->pollfd = (int32_t)*nfds;
  fds[*nfds].fd = e->host;
  fds[*nfds].events =
      tag == W2N_WASI_EVENTTYPE_FD_READ ? W2N_POLLIN : W2N_POLLOUT;
  fds[*nfds].revents = 0;
  ++*nfds;
  return W2N_WASI_ERRNO_SUCCESS;
}

int32_t w2n_wasi_poll_oneoff(void *c, uint32_t in, uint32_t out, uint32_t nsubs,
                             uint32_t nevents_ptr) {
  if (nsubs == 0)
    return W2N_WASI_ERRNO_INVAL; /* it would wait forever */
  if (nsubs > MaxSubs)
    return W2N_WASI_ERRNO_NOTSUP; /* an implementation limit */
  uint8_t *subs = w2n_guest_array(in, nsubs, W2N_WASI_SUBSCRIPTION_SIZE);
  uint8_t *events = w2n_guest_array(out, nsubs, W2N_WASI_EVENT_SIZE);
  if (!subs || !events || !w2n_guest(nevents_ptr, 4))
    return W2N_WASI_ERRNO_FAULT;

  static sub_state st[MaxSubs];
  static host_pollfd fds[MaxSubs];
  uint32_t nfds = 0;
  int have_clock = 0, immediate = 0;
  uint64_t wait = UINT64_MAX;
  for (uint32_t i = 0; i < nsubs; ++i) {
    const uint8_t *sub = subs + i * W2N_WASI_SUBSCRIPTION_SIZE;
    int32_t err = prepare(sub, &st[i], fds, &nfds);
    if (err)
      return err;
    if (st[i].error || st[i].pollfd == ReadyNow)
      immediate = 1;
    else if (st[i].pollfd < 0) {
      have_clock = 1;
      if (st[i].wait < wait)
        wait = st[i].wait;
    }
  }

  uint64_t start = 0, elapsed = 0;
  w2n_wasi_clock_now(W2N_WASI_CLOCKID_MONOTONIC, &start);
  long ts[2] = {0, 0};
  if (!immediate && have_clock) {
    ts[0] = (long)(wait / 1000000000u);
    ts[1] = (long)(wait % 1000000000u);
  }
  int forever = !immediate && !have_clock;
  long r = w2n_syscall5(W2N_SYS_ppoll, (long)fds, nfds, forever ? 0 : (long)ts,
                        0 /* no mask */, 8);
  if (w2n_syscall_failed(r))
    return w2n_wasi_errno_from_syscall(r);
  uint64_t end = start;
  w2n_wasi_clock_now(W2N_WASI_CLOCKID_MONOTONIC, &end);
  elapsed = end - start;
  /* ppoll's timeout may end a hair early by the clock's reading. */
  if (r == 0 && !immediate && have_clock && elapsed < wait)
    elapsed = wait;

  uint32_t n = 0;
  for (uint32_t i = 0; i < nsubs; ++i) {
    const uint8_t *sub = subs + i * W2N_WASI_SUBSCRIPTION_SIZE;
    uint8_t *ev = events + n * W2N_WASI_EVENT_SIZE;
    if (st[i].error) {
      put_event(ev, sub, (uint16_t)st[i].error, 0, 0);
      ++n;
    } else if (st[i].pollfd == ReadyNow) {
      put_event(ev, sub, 0, 0, 0);
      ++n;
    } else if (st[i].pollfd < 0) {
      if (st[i].wait <= elapsed) {
        put_event(ev, sub, 0, 0, 0);
        ++n;
      }
    } else {
      host_pollfd *p = &fds[st[i].pollfd];
      if (!p->revents)
        continue;
      uint16_t error = 0, flags = 0;
      uint64_t nbytes = 0;
      if (p->revents & W2N_POLLNVAL)
        error = W2N_WASI_ERRNO_BADF;
      else if (p->revents & W2N_POLLERR)
        error = W2N_WASI_ERRNO_IO;
      if (p->revents & W2N_POLLHUP)
        flags = W2N_WASI_EVENTRWFLAGS_FD_READWRITE_HANGUP;
      int avail = 0;
      if (p->events == W2N_POLLIN &&
          !w2n_syscall_failed(
              w2n_syscall3(W2N_SYS_ioctl, p->fd, W2N_FIONREAD, (long)&avail)))
        nbytes = (uint64_t)(avail > 0 ? avail : 0);
      put_event(ev, sub, error, nbytes, flags);
      ++n;
    }
  }
  w2n_guest_store_u32(nevents_ptr, n);
  return W2N_WASI_ERRNO_SUCCESS;
}
