#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for the Playwright e2e tests.
# Playwright is told to launch that binary (playwright.config.ts), because no browser
# build can be downloaded on these machines: Debian's package is the only source.
# Idempotent: prints nothing and does nothing when the binary is already there.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
[ -x "$CHROMIUM" ] && exit 0

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1; then
		SUDO=(sudo -n)
	else
		echo "ensure-chromium: $CHROMIUM is missing and we are not root (no sudo either)." >&2
		echo "ensure-chromium: install it with: apt-get install chromium" >&2
		exit 1
	fi
fi

export DEBIAN_FRONTEND=noninteractive
LOG=$(mktemp -t ensure-chromium.XXXXXX.log)
install_chromium() {
	"${SUDO[@]}" apt-get install -y -q --no-install-recommends chromium >>"$LOG" 2>&1
}

echo "ensure-chromium: installing Debian's chromium package (apt-get)..." >&2
if ! install_chromium; then
	# A fresh machine may have no package lists yet ("Unable to locate package").
	"${SUDO[@]}" apt-get update -q >>"$LOG" 2>&1 || true
	if ! install_chromium; then
		echo "ensure-chromium: apt-get install chromium failed; last lines of $LOG:" >&2
		tail -n 20 "$LOG" >&2
		exit 1
	fi
fi

if [ ! -x "$CHROMIUM" ]; then
	echo "ensure-chromium: chromium package installed but $CHROMIUM is not there" >&2
	exit 1
fi
rm -f "$LOG"
echo "ensure-chromium: $("$CHROMIUM" --version 2>/dev/null || echo installed)" >&2
