#!/usr/bin/env bash
# Shared helpers for the ops scripts. Source it; do not execute it.
# Every script that sources this already runs with `set -euo pipefail`.

# Without this, bash drops `set -e` inside $(...), so a failing helper whose
# output we capture (e.g. conn=$(pg_start ...)) would carry on silently.
shopt -s inherit_errexit

# The repo root is found from this file's location, not from git, so the
# scripts also work from an exported tarball.
repo_root() {
  (cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
}

# Progress and errors go to stderr so stdout stays free for values a caller
# captures (connection strings, summaries).
say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
  if [[ $EUID -eq 0 ]]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "need root to run: $*"
  fi
}

_apt_updated=
# Installs only the packages dpkg does not list as installed, so repeat runs
# cost nothing and need no network.
ensure_apt_packages() {
  local pkg missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" 2>/dev/null | grep -q '^Status: install ok installed' || missing+=("$pkg")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  say "installing apt packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Fresh machines and containers often have no package lists yet.
  # apt's output goes to stderr: callers may be capturing our stdout.
  if [[ -z $_apt_updated ]]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
    _apt_updated=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
}

# The SDK is not in Debian's apt, so we cannot install it for the user.
ensure_dotnet() {
  command -v dotnet >/dev/null ||
    die "dotnet not found on PATH: install the .NET 10 SDK (https://dotnet.microsoft.com/download/dotnet/10.0)"
  # Quieter, reproducible output in logs.
  export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
}

# First free TCP port on 127.0.0.1 from $1 up (a listener answers on /dev/tcp).
free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}
