#!/usr/bin/env bash
# Install (or remove) compareapp's desktop integration for one user: the .desktop file, the
# session MIME type, the AppStream metainfo and the icons, under $XDG_DATA_HOME
# (~/.local/share). The `compareapp` command itself comes from `pip install` or from the
# PyInstaller bundle (--bundle).
#
#   packaging/linux/install.sh [--prefix DIR] [--bundle DIR] [--plain] [--uninstall]
#
#   --prefix DIR   install into DIR/share/... (and DIR/bin, DIR/lib with --bundle);
#                  default: the parent of ${XDG_DATA_HOME:-~/.local/share}, i.e. ~/.local
#   --bundle DIR   also copy a PyInstaller one-folder build (e.g. build/bundle/compareapp)
#                  to PREFIX/lib/compareapp and link PREFIX/bin/compareapp to it
#   --plain        copy files by hand even when desktop-file-install, xdg-mime and
#                  xdg-icon-resource are installed
#   --uninstall    remove what an install put there
#   DESTDIR=DIR    (environment) stage every file under DIR, as packagers do; the desktop,
#                  MIME and icon caches are then left alone
set -euo pipefail

APP_ID=org.compareapp.CompareApp
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ICONS=$(cd "$HERE/../../compareapp/assets/icons/hicolor" && pwd)
SIZES=(16 32 48 64 128 256)

usage() { sed -n '2,19s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }

data_home=${XDG_DATA_HOME:-$HOME/.local/share}
prefix=""
bundle=""
plain=0
uninstall=0
while [[ $# -gt 0 ]]; do
    case $1 in
        --prefix) prefix=${2:?--prefix needs a folder}; shift 2 ;;
        --prefix=*) prefix=${1#*=}; shift ;;
        --bundle) bundle=${2:?--bundle needs a folder}; shift 2 ;;
        --bundle=*) bundle=${1#*=}; shift ;;
        --plain) plain=1; shift ;;
        --uninstall) uninstall=1; shift ;;
        -h | --help) usage; exit 0 ;;
        *) echo "install.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    esac
done

if [[ -n $prefix ]]; then
    prefix=$(realpath -m "$prefix")
    share=$prefix/share
else
    share=$(realpath -m "$data_home")
    prefix=$(dirname "$share")
fi
destdir=${DESTDIR:-}
root=$destdir$share
if [[ -n $destdir ]]; then
    plain=1  # the xdg-* tools know nothing of staging folders
fi
have() { [[ $plain -eq 0 ]] && command -v "$1" >/dev/null; }
# The xdg-* tools' user mode writes under $XDG_DATA_HOME: point it at our folder.
xdg() { XDG_DATA_HOME=$root XDG_UTILS_INSTALL_MODE=user "$@"; }

# The MIME package under its installed name (xdg-mime keeps a file's own name).
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
cp "$HERE/$APP_ID.mime.xml" "$staging/$APP_ID.xml"

refresh_caches() {
    [[ -n $destdir ]] && return 0
    if command -v update-mime-database >/dev/null && [[ -d $root/mime/packages ]]; then
        XDG_DATA_HOME=$root update-mime-database "$root/mime" ||
            echo "install.sh: update-mime-database failed" >&2
    fi
    if command -v update-desktop-database >/dev/null && [[ -d $root/applications ]]; then
        update-desktop-database -q "$root/applications" ||
            echo "install.sh: update-desktop-database failed" >&2
    fi
    if command -v gtk-update-icon-cache >/dev/null && [[ -f $root/icons/hicolor/index.theme ]]; then
        gtk-update-icon-cache -q -t -f "$root/icons/hicolor" || true
    fi
    return 0
}

install_files() {
    local size
    # Not xdg-desktop-menu: version 1.1 also writes ~/.gnome/apps and makes the app the
    # default for every type in its MimeType= (PDF and plain text too) in defaults.list.
    if have desktop-file-install; then
        desktop-file-install --dir="$root/applications" "$HERE/$APP_ID.desktop"
    else
        install -D -m 644 "$HERE/$APP_ID.desktop" "$root/applications/$APP_ID.desktop"
    fi
    if have xdg-mime; then
        xdg xdg-mime install --mode user --novendor "$staging/$APP_ID.xml"
    else
        install -D -m 644 "$staging/$APP_ID.xml" "$root/mime/packages/$APP_ID.xml"
    fi
    for size in "${SIZES[@]}"; do
        if have xdg-icon-resource; then
            xdg xdg-icon-resource install --noupdate --mode user --novendor --context apps \
                --size "$size" "$ICONS/${size}x$size/apps/$APP_ID.png" "$APP_ID"
        else
            install -D -m 644 "$ICONS/${size}x$size/apps/$APP_ID.png" \
                "$root/icons/hicolor/${size}x$size/apps/$APP_ID.png"
        fi
    done
    if have xdg-icon-resource; then
        xdg xdg-icon-resource forceupdate --mode user
    fi
    # No xdg-* tool takes these two.
    install -D -m 644 "$ICONS/scalable/apps/$APP_ID.svg" \
        "$root/icons/hicolor/scalable/apps/$APP_ID.svg"
    install -D -m 644 "$HERE/$APP_ID.metainfo.xml" "$root/metainfo/$APP_ID.metainfo.xml"

    if [[ -n $bundle ]]; then
        [[ -x $bundle/compareapp ]] || {
            echo "install.sh: $bundle/compareapp is not an executable bundle" >&2
            exit 2
        }
        rm -rf "$destdir$prefix/lib/compareapp"
        mkdir -p "$destdir$prefix/lib" "$destdir$prefix/bin"
        cp -a "$bundle" "$destdir$prefix/lib/compareapp"
        ln -sfn "$prefix/lib/compareapp/compareapp" "$destdir$prefix/bin/compareapp"
    fi
    refresh_caches
    echo "compareapp's desktop files are installed under $root"
}

uninstall_files() {
    local size
    if have xdg-mime; then
        xdg xdg-mime uninstall --mode user --novendor "$staging/$APP_ID.xml" || true
    fi
    rm -f "$root/applications/$APP_ID.desktop" "$root/mime/packages/$APP_ID.xml" \
        "$root/metainfo/$APP_ID.metainfo.xml" "$root/icons/hicolor/scalable/apps/$APP_ID.svg"
    for size in "${SIZES[@]}"; do
        rm -f "$root/icons/hicolor/${size}x$size/apps/$APP_ID.png"
    done
    if [[ -L $destdir$prefix/bin/compareapp ]] &&
        [[ $(readlink "$destdir$prefix/bin/compareapp") == "$prefix/lib/compareapp/compareapp" ]]
    then
        rm -f "$destdir$prefix/bin/compareapp"
        rm -rf "$destdir$prefix/lib/compareapp"
    fi
    refresh_caches
    echo "compareapp's desktop files are removed from $root"
}

if [[ $uninstall -eq 1 ]]; then
    uninstall_files
else
    install_files
fi
