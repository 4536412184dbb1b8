# lit configuration for cvet. Substitutions:
#   %clang                 the clang that the plugin was built against
#   %clang_analyze_cc1     clang -cc1 -analyze with the cvet plugin loaded
#   %clang_analyze         the clang driver in --analyze mode with the plugin loaded
#   %cvet_plugin           the plugin itself (for scan-build and -Xclang -load)
#   %inputs                test/Inputs (mock headers, shared sources)
import os
import shutil

import lit.formats

config.name = "cvet"
config.test_format = lit.formats.ShTest(not lit_config.isWindows)
config.suffixes = [".c", ".cpp", ".m", ".test"]
# test/unit is a suite of its own (gtest binaries in the build tree).
config.excludes = ["Inputs", "unit"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.cvet_obj_root, "test")

config.environment["PATH"] = os.pathsep.join(
    [config.cvet_tools_dir, config.llvm_tools_dir, config.environment.get("PATH", os.environ.get("PATH", ""))]
)
for var in ("HOME", "TMPDIR", "LANG"):
    if var in os.environ:
        config.environment[var] = os.environ[var]

clang = os.path.join(config.llvm_tools_dir, "clang")
inputs = os.path.join(config.test_source_root, "Inputs")
plugin = config.cvet_plugin

# The clang-tidy module (checkers/tidy) and cvet-clangd. Added first: lit
# replaces in list order, and %clang would match their start.
#   %clang_tidy    clang-tidy of the same LLVM with cvet-tidy.so loaded
#   %cvet_tidy     the clang-tidy plugin itself
#   %cvet_clangd   cvet-clangd (feature `cvet-clangd` when it was built)
tidy_plugin = os.path.join(config.cvet_obj_root, "lib", "cvet-tidy.so")
clang_tidy = os.path.join(config.llvm_tools_dir, "clang-tidy")
if os.path.isfile(tidy_plugin):
    config.available_features.add("cvet-tidy")
config.substitutions.append(("%clang_tidy", f"{clang_tidy} --load={tidy_plugin}"))
config.substitutions.append(("%cvet_tidy", tidy_plugin))
cvet_clangd = os.path.join(config.cvet_tools_dir, "cvet-clangd")
if os.path.isfile(cvet_clangd):
    config.available_features.add("cvet-clangd")
config.substitutions.append(("%cvet_clangd", cvet_clangd))

# `lit --param cvet_prune=false` runs every analysis with pruning off: the
# suite passes both ways, so pruning changes no finding it checks.
# `--param cvet_prune=compare` (scripts/prune-check.sh) puts
# scripts/prune-compare.py in front of clang's analyses and of the cvet
# driver: each analysis also runs with pruning on and off, and whether the
# two agree goes to the log named by --param cvet_prune_log.
prune_cc1 = prune_driver = ""
analyzing_clang = clang
cvet_bin = os.path.join(config.cvet_tools_dir, "cvet")
if lit_config.params.get("cvet_prune") == "false":
    prune_cc1 = " -analyzer-config cvet:Prune=false"
    prune_driver = " -Xclang -analyzer-config -Xclang cvet:Prune=false"
elif lit_config.params.get("cvet_prune") == "compare":
    compare_dir = os.path.join(config.test_exec_root, "prune-compare")
    os.makedirs(compare_dir, exist_ok=True)
    compare_log = os.path.abspath(lit_config.params.get(
        "cvet_prune_log", os.path.join(compare_dir, "log.jsonl")))
    compare_py = os.path.join(config.cvet_src_root, "scripts", "prune-compare.py")
    def compare_wrapper(name, tool):
        path = os.path.join(compare_dir, name)
        with open(path, "w") as f:
            f.write(f"#!/bin/sh\nexec {config.python_executable} {compare_py} "
                    f"--log {compare_log} --tool {tool} -- \"$@\"\n")
        os.chmod(path, 0o755)
        return path
    analyzing_clang = compare_wrapper("clang", clang)
    cvet_bin = compare_wrapper("cvet", cvet_bin)
# --param cvet_analyzer_config=key=value,...: every clang analysis of the
# suite also gets these settings (to see which tests a budget changes).
for kv in filter(None, lit_config.params.get("cvet_analyzer_config", "").split(",")):
    prune_cc1 += f" -analyzer-config {kv}"
    prune_driver += f" -Xclang -analyzer-config -Xclang {kv}"
config.substitutions.append(("%clang_analyze_cc1",
    f"{analyzing_clang} -cc1 -analyze -setup-static-analyzer -load {plugin} -I {inputs}{prune_cc1}"))
config.substitutions.append(("%clang_analyze",
    f"{analyzing_clang} --analyze -Xclang -load -Xclang {plugin} -I {inputs}{prune_driver}"))
config.substitutions.append(("%cvet_plugin", plugin))
config.substitutions.append(("%inputs", inputs))
config.substitutions.append(("%clang", clang))
# The LLVM major cvet was built against: `-verify=expected,llvm%llvm_major`
# lets a test expect what only one major's analyzer says (llvm19-note,
# llvm22-note), and the feature `llvm-<major>` gates whole tests.
config.substitutions.append(("%llvm_major", config.clang_version_major))
config.available_features.add("llvm-" + config.clang_version_major)
config.substitutions.append(("%python", config.python_executable))

# The driver (tools/cvet) and its tests.
#   %cvet          the cvet driver
#   %cvet_src      the source tree (for examples/)
#   %multitool     the SARIF Multitool (feature `multitool` when installed:
#                  scripts/install-deps.sh puts it in build/multitool, or
#                  CVET_MULTITOOL names the binary)
# Longer names first: lit replaces in list order.
config.substitutions.append(("%cvet_src", config.cvet_src_root))
config.substitutions.append(("%cvet", cvet_bin))
multitool = os.environ.get("CVET_MULTITOOL") or os.path.join(
    os.environ.get("CVET_MULTITOOL_DIR") or os.path.join(config.cvet_obj_root, "multitool"),
    "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool")
if os.path.isfile(multitool) and os.access(multitool, os.X_OK):
    config.available_features.add("multitool")
    config.substitutions.append(("%multitool", multitool))
    # The Multitool is a .NET program; keep it away from $HOME telemetry.
    config.environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1"
    # ... and independent of the machine's ICU libraries.
    config.environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1"
else:
    lit_config.note("SARIF Multitool not found at %s: the SARIF validity test "
                    "is skipped (scripts/install-deps.sh installs it)" % multitool)
if shutil.which("cmake"):
    config.available_features.add("cmake")

# Packaging: cpack's .deb with dependencies from dpkg-shlibdeps, unpacked
# with dpkg -x (test/Packaging).
#   %cvet_obj_root   the build directory (its CPackConfig.cmake)
if all(shutil.which(t) for t in ("cpack", "dpkg-deb", "dpkg-shlibdeps")):
    config.available_features.add("deb")
# (first: lit substitutes in list order, and %cvet is a prefix of it)
config.substitutions.insert(0, ("%cvet_obj_root", config.cvet_obj_root))

# The clang of the other tested LLVM major (19 or 22), when installed, for
# loading the plugin into a clang it was not built for (test/Plugin).
#   %other_clang, %other_llvm_major
for other in ("19", "22"):
    other_clang = os.path.join("/usr/lib/llvm-" + other, "bin", "clang")
    if other != config.clang_version_major and os.path.exists(other_clang):
        config.available_features.add("other-llvm")
        config.substitutions.append(("%other_clang", other_clang))
        config.substitutions.append(("%other_llvm_major", other))
        break

if shutil.which("node") and shutil.which("npm"):
    config.available_features.add("node")

# scan-build from the same LLVM, for tests that drive the plugin through it.
scan_build = shutil.which("scan-build-" + config.clang_version_major) or shutil.which(
    "scan-build", path=config.llvm_tools_dir)
if scan_build:
    config.available_features.add("scan-build")
    config.substitutions.append(("%scan_build", scan_build))

# GLib development headers, for tests of g_autoptr against the real macros.
import subprocess
try:
    glib_cflags = subprocess.run(["pkg-config", "--cflags", "glib-2.0"],
                                 capture_output=True, text=True, check=True).stdout.strip()
    config.available_features.add("glib")
    config.substitutions.append(("%glib_cflags", glib_cflags))
except (OSError, subprocess.CalledProcessError):
    pass

# Development headers of libraries the default models know, for tests on
# their real declarations (scripts/install-deps.sh installs them; CI has them).
try:
    gio_cflags = subprocess.run(["pkg-config", "--cflags", "gio-2.0"],
                                capture_output=True, text=True, check=True).stdout.strip()
    config.available_features.add("gio")
    config.substitutions.append(("%gio_cflags", gio_cflags))
except (OSError, subprocess.CalledProcessError):
    pass
for feature, header in [
        ("libpq", "/usr/include/postgresql/libpq-fe.h"),
        ("mysql", "/usr/include/mariadb/mysql.h"),
        ("libdb", "/usr/include/db.h"),
        ("libsystemd", "/usr/include/systemd/sd-journal.h"),
        ("libudev", "/usr/include/libudev.h"),
        ("libarchive", "/usr/include/archive.h"),
        ("libxml2", "/usr/include/libxml2/libxml/xmlreader.h"),
        ("libpcap", "/usr/include/pcap/pcap.h"),
        ("sqlite3", "/usr/include/sqlite3.h"),
        ("libgit2", "/usr/include/git2.h"),
        ("lmdb", "/usr/include/lmdb.h")]:
    if os.path.isfile(header):
        config.available_features.add(feature)

# The pre-commit hook's tests: git, and the pre-commit framework when
# installed (Debian's pre-commit package). pre-commit keeps its cache under
# $PRE_COMMIT_HOME; the tests point it into their temporary directory.
if shutil.which("git"):
    config.available_features.add("git")
if shutil.which("pre-commit"):
    config.available_features.add("pre-commit")
# The hook's fallback to the fast checks (%cvet_tidy above) runs the
# clang-tidy it finds on PATH.
if os.path.isfile(tidy_plugin) and shutil.which("clang-tidy-" + config.clang_version_major):
    config.available_features.add("tidy-plugin")
