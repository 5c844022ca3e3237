#!/usr/bin/env bash
# Install the Debian packages named in requirements/debian.txt that are missing.
# Needs root and apt-get; elsewhere it says what is missing and leaves the tests to skip.
set -uo pipefail
cd "$(dirname "$0")/.."
mapfile -t wanted < <(grep -v '^\s*#' requirements/debian.txt | awk 'NF {print $1}')
missing=()
for pkg in "${wanted[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "system-deps: missing ${missing[*]} (not root or no apt-get); tests needing them will skip" >&2
  exit 0
fi
echo "system-deps: installing ${missing[*]}" >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null \
  || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null; } \
  || echo "system-deps: could not install ${missing[*]}; tests needing them will skip" >&2
exit 0
