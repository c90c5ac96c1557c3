#!/usr/bin/env bash
# Shared set-up for build-aux/run and build-aux/test, sourced by both:
# installs the Debian packages Paddock needs when they are missing,
# generates the locales the tests use, then configures and builds.
#
# Usage (from the other scripts): source build-aux/setup.sh; paddock_setup BUILDDIR [MESON_ARGS...]

PADDOCK_PACKAGES=(
  build-essential meson ninja-build pkg-config gettext python3
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev libjson-glib-dev libical-dev libsoup-3.0-dev glib-networking libcairo2-dev libpango1.0-dev
  desktop-file-utils appstream flatpak-builder
  locales tzdata fonts-dejavu-core
  xvfb xauth dbus dbus-x11 at-spi2-core dconf-service gsettings-desktop-schemas
  python3-gi python3-pyatspi gir1.2-atspi-2.0
  clang libclang-rt-14-dev sqlite3
  poppler-utils python3-jsonschema
)

paddock_missing_packages () {
  local missing=() pkg
  for pkg in "${PADDOCK_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  echo "${missing[@]}"
}

paddock_install_packages () {
  local missing
  missing=$(paddock_missing_packages)
  [ -z "$missing" ] && return 0

  if [ "$(id -u)" -ne 0 ]; then
    echo "Paddock needs these Debian packages. Install them with:" >&2
    echo "  sudo apt-get install -y --no-install-recommends $missing" >&2
    exit 1
  fi

  echo "Installing: $missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  # shellcheck disable=SC2086
  apt-get install -y -q --no-install-recommends $missing
}

paddock_has_locale () {
  locale -a 2>/dev/null | tr 'A-Z' 'a-z' | sed 's/utf-8/utf8/' | grep -qx "$1"
}

paddock_generate_locales () {
  local needed=()
  paddock_has_locale sv_se.utf8 || needed+=(sv_SE.UTF-8)
  paddock_has_locale en_us.utf8 || needed+=(en_US.UTF-8)
  [ ${#needed[@]} -eq 0 ] && return 0

  if [ "$(id -u)" -ne 0 ]; then
    echo "Paddock's tests need the locales ${needed[*]}. Generate them with:" >&2
    for l in "${needed[@]}"; do echo "  sudo localedef -i ${l%%.*} -f UTF-8 $l" >&2; done
    exit 1
  fi

  for l in "${needed[@]}"; do
    sed -i -E "s/^# *(${l} UTF-8)/\\1/" /etc/locale.gen 2>/dev/null || true
    localedef -i "${l%%.*}" -f UTF-8 "$l"
  done
}

paddock_setup () {
  local builddir=$1
  shift

  paddock_install_packages
  paddock_generate_locales

  if [ ! -f "$builddir/build.ninja" ]; then
    meson setup "$builddir" "$@"
  fi
  ninja -C "$builddir"
}
