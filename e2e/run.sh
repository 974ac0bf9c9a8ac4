#!/usr/bin/env bash
# Browser test of Lots: Playwright drives Debian's Chromium, axe-core checks
# every page (WCAG 2.1 A/AA). Assumes the lots binary is built
# (cargo build -p lots) at ../target/debug/lots, or LOTS_BIN points to it.
# Extra arguments go to `playwright test`.
set -euo pipefail
cd "$(dirname "$0")"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export LOTS_BIN="${LOTS_BIN:-../target/debug/lots}"
if [ ! -x "${CHROMIUM_BIN:-/usr/bin/chromium}" ]; then
  echo "Chromium saknas: apt-get install -y chromium (eller sätt CHROMIUM_BIN)" >&2
  exit 1
fi

# One run at a time in this folder: a second run would reinstall node_modules
# and empty test-results/ and screenshots/ under the first one's feet.
if command -v flock >/dev/null 2>&1; then
  lasfil="${TMPDIR:-/tmp}/lots-e2e-$(pwd -P | cksum | cut -d' ' -f1).lock"
  exec 9>"$lasfil"
  if ! flock -n 9; then
    echo "En annan körning av e2e pågår i $(pwd -P); väntar på den…" >&2
    flock 9
  fi
fi

if ! ut=$(npm ci --no-audit --no-fund --loglevel=error 2>&1); then
  echo "$ut" >&2
  exit 1
fi
exec npx --no-install playwright test "$@"
