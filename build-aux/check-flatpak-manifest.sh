#!/bin/sh
# Checks a flatpak-builder manifest offline.
#
# Usage: check-flatpak-manifest.sh MANIFEST.json
#
# 1. If flatpak-builder is installed, `flatpak-builder --show-manifest` must
#    exit 0 and print no WARNING on stderr: it only checks JSON syntax and
#    reports type errors (e.g. "name": 5) as a Json-WARNING with exit status 0.
# 2. python3 checks that the top-level keys are there with the right JSON
#    types, and that the paddock module is built with meson.
#
# Exits 0 only if every check that could run passed.

set -u

if [ $# -ne 1 ]; then
  echo "usage: $0 MANIFEST.json" >&2
  exit 2
fi
manifest=$1

if [ ! -f "$manifest" ]; then
  echo "FAIL: $manifest: no such file" >&2
  exit 1
fi

status=0

if command -v flatpak-builder >/dev/null 2>&1; then
  tmpdir=$(mktemp -d) || exit 1
  trap 'rm -rf "$tmpdir"' EXIT
  # Keep flatpak-builder from writing into the user's home directory.
  HOME="$tmpdir" XDG_DATA_HOME="$tmpdir/data" XDG_CACHE_HOME="$tmpdir/cache" \
    XDG_CONFIG_HOME="$tmpdir/config" \
    flatpak-builder --show-manifest "$manifest" >"$tmpdir/stdout" 2>"$tmpdir/stderr"
  rc=$?
  if [ $rc -ne 0 ]; then
    echo "FAIL: flatpak-builder --show-manifest exited with status $rc" >&2
    cat "$tmpdir/stderr" >&2
    status=1
  elif grep -q WARNING "$tmpdir/stderr"; then
    echo "FAIL: flatpak-builder --show-manifest printed warnings" >&2
    cat "$tmpdir/stderr" >&2
    status=1
  else
    echo "ok: flatpak-builder --show-manifest"
  fi
else
  echo "skip: flatpak-builder not found, only the python checks run"
fi

python3 - "$manifest" <<'PYEOF' || status=1
import json
import sys

path = sys.argv[1]
try:
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)
except (OSError, ValueError) as e:
    print(f"FAIL: {path}: {e}", file=sys.stderr)
    sys.exit(1)

errors = []


def check(obj, key, kind, where="manifest"):
    if key not in obj:
        errors.append(f"{where}: missing '{key}'")
        return None
    value = obj[key]
    # bool is a subclass of int; no key here wants a number anyway
    if not isinstance(value, kind):
        errors.append(f"{where}: '{key}' must be a {kind.__name__}, "
                      f"not {type(value).__name__}")
        return None
    return value


if not isinstance(manifest, dict):
    errors.append("manifest: the top level must be an object")
    manifest = {}

for key in ("id", "runtime", "runtime-version", "sdk", "command"):
    value = check(manifest, key, str)
    if value is not None and not value:
        errors.append(f"manifest: '{key}' is empty")

finish_args = check(manifest, "finish-args", list)
if finish_args is not None:
    for i, arg in enumerate(finish_args):
        if not isinstance(arg, str):
            errors.append(f"manifest: finish-args[{i}] must be a string")

modules = check(manifest, "modules", list)
paddock = None
if modules is not None:
    if not modules:
        errors.append("manifest: 'modules' is empty")
    for i, module in enumerate(modules):
        where = f"modules[{i}]"
        if isinstance(module, str):
            continue  # a path to a module file
        if not isinstance(module, dict):
            errors.append(f"{where}: must be an object or a file name")
            continue
        name = check(module, "name", str, where)
        if "buildsystem" in module:
            check(module, "buildsystem", str, where)
        if "sources" in module:
            sources = check(module, "sources", list, where)
            for j, source in enumerate(sources or []):
                if not isinstance(source, (dict, str)):
                    errors.append(f"{where}.sources[{j}]: must be an object "
                                  "or a file name")
                elif isinstance(source, dict):
                    check(source, "type", str, f"{where}.sources[{j}]")
        if name == "paddock":
            paddock = module
    if paddock is None:
        errors.append("manifest: no module named 'paddock'")
    elif paddock.get("buildsystem") != "meson":
        errors.append("modules: the 'paddock' module must use "
                      "\"buildsystem\": \"meson\"")

if errors:
    for e in errors:
        print(f"FAIL: {path}: {e}", file=sys.stderr)
    sys.exit(1)
print(f"ok: {path}: keys and types")
PYEOF

exit $status
