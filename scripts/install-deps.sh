#!/usr/bin/env bash
# Installs, from Debian's archive, the packages gradus needs that are missing.
# Idempotent: a package already installed is left alone.
#   scripts/install-deps.sh            compiler, cmake, make and the libraries (tests, demo)
#   scripts/install-deps.sh --peers    also the benchmark peers and matplotlib for plots
#   scripts/install-deps.sh --plots    also matplotlib (make demo's plots)
#   scripts/install-deps.sh --docs     also doxygen
#   scripts/install-deps.sh --fuzz     also clang's runtime (libFuzzer, sanitizers)
#   scripts/install-deps.sh --sanitize the same (make test-sanitize, make test-tsan with either compiler)
set -euo pipefail

packages=(g++ clang cmake make libboost-dev libxsimd-dev libeigen3-dev catch2 libbenchmark-dev)
for arg in "$@"; do
  case "$arg" in
    --peers) packages+=(libadolc-dev libceres-dev liblbfgspp-dev coinor-libipopt-dev python3-matplotlib) ;;
    --plots) packages+=(python3-matplotlib) ;;
    --docs)  packages+=(doxygen) ;;
    --fuzz|--sanitize) packages+=(clang libclang-rt-dev) ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "install-deps.sh: unknown option '$arg' (see --help)" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps.sh: all ${#packages[@]} packages already installed."
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-deps.sh: apt-get not found; this script needs Debian 12 (bookworm). Missing: ${missing[*]}" >&2
  exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "install-deps.sh: need root or sudo to install: ${missing[*]}" >&2
  exit 1
fi

echo "install-deps.sh: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
if ! "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"; then
  echo "install-deps.sh: install failed; refreshing the package lists and trying once more" >&2
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" || {
    echo "install-deps.sh: could not install ${missing[*]} from Debian's archive." >&2
    exit 1
  }
fi
echo "install-deps.sh: done."
