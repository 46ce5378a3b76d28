#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the tests need: Qt's X/EGL libraries
# (offscreen and Xvfb), Xvfb and xdotool for real windows, poppler-utils for
# looking at printed PDFs, a CJK font for Chinese text, and PostgreSQL for the
# server-side store tests. Skips apt entirely when everything is present.
set -euo pipefail

packages=(
  libegl1 libgl1 libopengl0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0
  libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0
  libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0
  libxcb-xkb1 libx11-xcb1
  xvfb xauth xdotool x11-apps poppler-utils fonts-wqy-microhei
  postgresql
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi

if ! command -v apt-get >/dev/null; then
  echo "system packages missing and no apt-get here: ${missing[*]}" >&2
  echo "install them with your system's package manager" >&2
  exit 1
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo_cmd=(sudo)
fi

echo "installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
