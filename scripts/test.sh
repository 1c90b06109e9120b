#!/usr/bin/env bash
# Install what the tests need into .venv, then run every check: lint, format, types,
# the core's no-Qt contract and all tests. Used as is by CI (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

# System packages: an X server for the window test and the shared libraries Qt's xcb
# platform loads, poppler for PDF checks. Installed with apt-get when any is missing.
SYSTEM_PACKAGES=(
    xvfb libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-xinerama0 libxcb-randr0
    libxcb-render-util0 libxcb-shape0 libxcb-image0 libxkbcommon-x11-0 libegl1 libgl1
    libfontconfig1 libdbus-1-3 fonts-dejavu-core poppler-utils
    desktop-file-utils appstream shared-mime-info xdg-utils bible-kjv sword-text-web
)
SYSTEM_LIBRARIES=(
    libxcb-cursor.so.0 libxcb-icccm.so.4 libxcb-keysyms.so.1 libxcb-xinerama.so.0
    libxcb-randr.so.0 libxcb-render-util.so.0 libxcb-shape.so.0 libxcb-image.so.0
    libxkbcommon-x11.so.0 libEGL.so.1 libGL.so.1 libfontconfig.so.1 libdbus-1.so.3
)

missing_system_packages() {
    local tool library libraries
    for tool in Xvfb pdftoppm desktop-file-validate appstreamcli update-mime-database xdg-mime; do
        command -v "$tool" >/dev/null || { echo "command $tool"; return 0; }
    done
    libraries=$({ ldconfig -p || /sbin/ldconfig -p; } 2>/dev/null || true)
    for library in "${SYSTEM_LIBRARIES[@]}"; do
        grep -qF $'\t'"$library (" <<<"$libraries" || { echo "library $library"; return 0; }
    done
    [[ -d /usr/share/fonts/truetype/dejavu ]] || { echo "fonts-dejavu-core"; return 0; }
    # The benchmark suite's text: two public-domain Bible translations.
    command -v bible >/dev/null || { echo "bible-kjv"; return 0; }
    [[ -d /usr/share/sword/modules/texts/ztext/engWEB2015eb ]] || { echo "sword-text-web"; return 0; }
    return 1
}

install_system_packages() {
    local sudo=() log
    if [[ $(id -u) -ne 0 ]] && command -v sudo >/dev/null; then
        sudo=(sudo)
    fi
    echo "scripts/test.sh: $1 is missing; installing system packages with apt-get" >&2
    log=$(mktemp)
    if ! { "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
            apt-get install -y -q --no-install-recommends "${SYSTEM_PACKAGES[@]}"; } \
        >"$log" 2>&1; then
        cat "$log" >&2
        rm -f "$log"
        exit 1
    fi
    rm -f "$log"
}

if missing=$(missing_system_packages); then
    if ! command -v apt-get >/dev/null; then
        echo "scripts/test.sh: $missing is missing and there is no apt-get; the window" \
            "test needs the equivalent of: ${SYSTEM_PACKAGES[*]}" >&2
    else
        install_system_packages "$missing"
    fi
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q -U pip
.venv/bin/python -m pip install -q -e '.[test]'
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
.venv/bin/lint-imports
QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest "$@"
