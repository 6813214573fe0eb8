/*===- wasi/resolve.h - Paths that cannot leave their directory -----------===*
 *
 * Every path a guest gives is relative to a directory fd it holds, and must
 * not name anything outside it: not by an absolute path, not by "..", not
 * through a symbolic link. The resolver walks the path one component at a
 * time, opening each directory with O_NOFOLLOW relative to the one before,
 * and keeps the directories it has entered on a stack: ".." pops that
 * stack (it is never handed to the kernel), so leaving the starting
 * directory is seen, and refused, before it happens. A symbolic link met on
 * the way is read and its target spliced into the rest of the path, so its
 * ".." components are checked the same way; an absolute target is refused.
 *
 * The result is the directory that holds the last component, and that
 * component's name: the operation then acts on (dir, name) with a single
 * *at system call that does not follow a final symbolic link, so a link
 * swapped in after the walk is never followed out of the sandbox.
 *
 * A directory may have two layers, a host directory over a bundled one
 * (--dir and --bundle of the same guest path): each name is looked up on
 * the host first, and in the bundle only when the host has nothing by that
 * name, so a host file or link hides the bundle's; a directory both have
 * is walked in both.
 *
 * Refusals give PERM, as Wasmtime does (the error WASI's path-resolution
 * rules name "not-permitted").
 *===----------------------------------------------------------------------===*/
#ifndef W2N_WASI_RESOLVE_H
#define W2N_WASI_RESOLVE_H

#include "wasi/fdtable.h"

#include <stdint.h>

#define W2N_PATH_MAX 4096
#define W2N_NAME_MAX 255
#define W2N_PATH_MAX_DEPTH 128  /* directories entered at once */
#define W2N_PATH_MAX_SYMLINKS 40 /* Linux's own limit on one lookup */

typedef struct w2n_wasi_path {
  /* The directory holding the last component: on the host (-1 where it
   * exists only in a bundle), and in a bundle (W2N_BUNDLE_NO_NODE where
   * no bundle has it). */
  int dir;
  uint32_t node;
  int owned; /* whether dir was opened by the resolver (to be closed) */
  /* Whether the guest's path ended in '/': the last component must then
   * be a directory. */
  int trailing_slash;
  uint32_t name_len;
  /* The last component, NUL-terminated; "." when the path names the
   * directory itself. Two bytes spare for w2n_wasi_path_name's slash. */
  char name[W2N_NAME_MAX + 2];
} w2n_wasi_path;

/* How a symbolic link as the last component is treated: left alone (the
 * operation acts on the link), followed (inside the sandbox), or followed
 * only when the path ends in '/' (POSIX: "name/" means the directory that
 * name is or leads to). */
enum { W2N_RESOLVE_NOFOLLOW, W2N_RESOLVE_FOLLOW, W2N_RESOLVE_FOLLOW_IF_SLASH };

/* Resolves the guest's path [path, path + len) under the directory of fd
 * entry dir, treating a final link as follow (W2N_RESOLVE_*) says. On success *out holds the result and
 * must be given to w2n_wasi_path_release. Errors: FAULT (outside memory),
 * NOENT (empty), INVAL (a NUL byte), ILSEQ (not UTF-8), NAMETOOLONG, PERM
 * (leaves dir), LOOP, NOTDIR, and those of the host's lookups. */
int32_t w2n_wasi_path_resolve(const w2n_wasi_fd_entry *dir, uint32_t path,
                              uint32_t len, int follow, w2n_wasi_path *out);

void w2n_wasi_path_release(w2n_wasi_path *p);

/* The last component, with its trailing '/' when with_slash and the
 * guest's path had one: operations that create or remove a name pass it
 * so, and the kernel then applies POSIX's trailing-slash rules itself
 * without following the name (mkdir, rmdir, unlink, rename, link's and
 * symlink's new name); every other operation gets the bare name. */
const char *w2n_wasi_path_name(w2n_wasi_path *p, int with_slash);

#endif /* W2N_WASI_RESOLVE_H */
