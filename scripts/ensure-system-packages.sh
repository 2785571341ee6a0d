#!/usr/bin/env bash
# Makes sure the Debian packages the tests need (and npm cannot provide) are installed:
#   postgresql       — a real PostgreSQL server for the "postgres" test project
#   chromium         — the browser the end-to-end tests drive (never a downloaded one)
#   fonts-ipaexfont  — Japanese fonts, so pages and PDFs render Japanese text
#   fonts-morisawa-bizud-gothic — BIZ UDGothic, a TrueType Japanese font with a real bold, for the pages the browser
#                    tests and screenshots show (PDFs carry the one npm installs)
#   poppler-utils    — pdftotext / pdftoppm, to inspect generated PDFs
# Idempotent and fast when everything is present. As root it installs what is missing;
# otherwise it stops with a message naming the missing packages.
set -euo pipefail

missing=()

has_package() {
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true)" = "installed" ]
}

# postgresql: any versioned server binaries under /usr/lib/postgresql/<ver>/bin.
if ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || ! compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null; then
  missing+=(postgresql)
fi
if [ ! -x /usr/bin/chromium ]; then
  missing+=(chromium)
fi
if ! has_package fonts-ipaexfont; then
  missing+=(fonts-ipaexfont)
fi
if ! has_package fonts-morisawa-bizud-gothic; then
  missing+=(fonts-morisawa-bizud-gothic)
fi
if ! command -v pdftotext >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1; then
  missing+=(poppler-utils)
fi

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  {
    echo "The tests need these Debian packages, which are not installed: ${missing[*]}"
    echo "Install them as root, then run the tests again:"
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}"
  } >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "The tests need these Debian packages, but apt-get is not available: ${missing[*]}" >&2
  exit 1
fi

echo "Installing Debian packages needed by the tests: ${missing[*]}"
log="$(mktemp -t ensure-system-packages.XXXXXX.log)"
trap 'rm -f "$log"' EXIT
export DEBIAN_FRONTEND=noninteractive

run_quietly() {
  if ! "$@" >>"$log" 2>&1; then
    echo "Command failed: $*" >&2
    cat "$log" >&2
    exit 1
  fi
}

run_quietly apt-get update
run_quietly apt-get install -y --no-install-recommends "${missing[@]}"

# Check again, so a package that installed but does not provide what we need is reported here, not in a test.
still_missing=()
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || still_missing+=(postgresql)
[ -x /usr/bin/chromium ] || still_missing+=(chromium)
has_package fonts-ipaexfont || still_missing+=(fonts-ipaexfont)
command -v pdftotext >/dev/null 2>&1 || still_missing+=(poppler-utils)
if [ "${#still_missing[@]}" -ne 0 ]; then
  echo "Still missing after apt-get install: ${still_missing[*]}" >&2
  cat "$log" >&2
  exit 1
fi
echo "Installed: ${missing[*]}"
