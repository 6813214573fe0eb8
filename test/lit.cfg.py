# -*- Python -*-
# The lit configuration of wasm2native: substitutions and tools. Paths come
# from lit.site.cfg.py, which CMake writes into the build tree.
import os

import lit.formats

config.name = "wasm2native"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".wat", ".test", ".ll"]
config.excludes = ["Inputs"]
config.test_source_root = os.path.join(config.w2n_src_root, "test", "lit")
config.test_exec_root = os.path.join(config.w2n_obj_root, "test", "lit")

# FileCheck, not, split-file and count come from LLVM 19's tools.
config.environment["PATH"] = os.pathsep.join(
    [config.w2n_tools_dir, config.llvm_tools_dir, config.environment.get("PATH", "")]
)

config.substitutions.append(("%w2n-opt", os.path.join(config.w2n_test_tools_dir, "w2n-opt")))
config.substitutions.append(("%w2n", os.path.join(config.w2n_tools_dir, "wasm2native")))
config.substitutions.append(
    (
        "%hexwasm",
        config.python_executable
        + " "
        + os.path.join(config.w2n_src_root, "test", "tools", "hexwasm.py"),
    )
)

config.substitutions.append(
    (
        "%wasm-sections",
        config.python_executable
        + " "
        + os.path.join(config.w2n_src_root, "test", "tools", "wasm-sections.py"),
    )
)
config.substitutions.append(
    (
        "%exit-status",
        config.python_executable
        + " "
        + os.path.join(config.w2n_src_root, "test", "tools", "exit-status.py"),
    )
)
# A .wast script through the spec test runner: "N passed, N failed" last.
config.substitutions.append(
    (
        "%spec",
        config.python_executable
        + " "
        + os.path.join(config.w2n_src_root, "test", "spec", "run-spec")
        + " --runner "
        + os.path.join(config.w2n_obj_root, "test", "spec", "w2n-spec-runner"),
    )
)
# The spec suite's test host objects and the executables' runtime archives,
# per target (test/lit/exe/exehost.test links them itself).
config.substitutions.append(("%exehost", os.path.join(config.w2n_obj_root, "test", "spec")))
config.substitutions.append(("%rtlib", os.path.join(config.w2n_obj_root, "wasi-libc-shim")))
config.substitutions.append(("%examples", os.path.join(config.w2n_obj_root, "examples")))

# Running an executable for a target: natively, or under qemu-user, which
# runs static executables of another architecture directly.
config.substitutions.append(("%run-x86_64", ""))
config.substitutions.append(("%run-aarch64", "qemu-aarch64"))
config.substitutions.append(("%run-riscv64", "qemu-riscv64"))
config.substitutions.append(("%python", config.python_executable))
# C test programs: built for WASI (Debian's wasi-libc, found without a
# sysroot), and natively, to compare the two.
config.substitutions.append(("%clang-wasm", "clang-19 --target=wasm32-wasi -O2"))
config.substitutions.append(("%clang-native", "clang-19 -O2"))

# Files of sysfs claim 4096 bytes and hold fewer: a file that "shrinks"
# between the bundler's scan and its copy, with no race to arrange.
if os.path.isfile("/sys/kernel/mm/transparent_hugepage/defrag"):
    config.available_features.add("sysfs-thp")
