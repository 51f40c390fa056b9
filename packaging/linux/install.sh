#!/bin/sh
# Install Rejoinder for the current user, without root: the app into
# ~/.local/lib/rejoinder, a `rejoinder` command into ~/.local/bin, and the
# desktop entry, icons, AppStream data and the .rejoinder file type into
# ~/.local/share, so that the app shows in the menu and a double-clicked
# .rejoinder project opens in Rejoinder.
#
#   rejoinder/linux/install.sh            from an unpacked release
#   packaging/linux/install.sh            from a source tree after `make bundle`
#   packaging/linux/install.sh DIR        with the bundle folder DIR
#
# Running it again upgrades in place. Undo with uninstall.sh.
set -eu

APP_ID=org.rejoinder.Rejoinder
MIME_ICON=application-x-rejoinder
SIZES="16 24 32 48 64 128 256 512"

HERE=$(cd "$(dirname "$0")" && pwd)
if [ $# -ge 1 ]; then
    BUNDLE=$1
elif [ -x "$HERE/../rejoinder" ]; then
    BUNDLE=$HERE/..
elif [ -x "$HERE/../../dist/rejoinder/rejoinder" ]; then
    BUNDLE=$HERE/../../dist/rejoinder
else
    echo "install.sh: no Rejoinder bundle found; run 'make bundle' first or pass its folder." >&2
    exit 2
fi
if [ ! -x "$BUNDLE/rejoinder" ]; then
    echo "install.sh: $BUNDLE does not hold the rejoinder program." >&2
    exit 2
fi
BUNDLE=$(cd "$BUNDLE" && pwd)

if [ -d "$BUNDLE/_internal/resources/icons/png" ]; then
    ICONS=$BUNDLE/_internal/resources/icons
else
    ICONS=$HERE/../../resources/icons
fi

DATA=${XDG_DATA_HOME:-$HOME/.local/share}
BIN=$HOME/.local/bin
LIB=$HOME/.local/lib/rejoinder

# Copy the bundle so the downloaded folder can be deleted; copy to a fresh
# folder first and swap, so a failed copy never leaves a half-upgraded app.
if [ "$BUNDLE" != "$LIB" ]; then
    mkdir -p "$(dirname "$LIB")"
    rm -rf "$LIB.new"
    cp -R "$BUNDLE" "$LIB.new"
    rm -rf "$LIB"
    mv "$LIB.new" "$LIB"
fi
mkdir -p "$BIN"
ln -sfn "$LIB/rejoinder" "$BIN/rejoinder"

# The menu entry calls the program by absolute path: ~/.local/bin is not on
# the PATH of every desktop session.
mkdir -p "$DATA/applications"
sed "s|^Exec=rejoinder |Exec=\"$BIN/rejoinder\" |" "$HERE/$APP_ID.desktop" \
    > "$DATA/applications/$APP_ID.desktop"
mkdir -p "$DATA/metainfo" "$DATA/mime/packages"
cp "$HERE/$APP_ID.metainfo.xml" "$DATA/metainfo/$APP_ID.metainfo.xml"
cp "$HERE/$APP_ID.mime.xml" "$DATA/mime/packages/$APP_ID.xml"

HICOLOR=$DATA/icons/hicolor
for size in $SIZES; do
    mkdir -p "$HICOLOR/${size}x${size}/apps" "$HICOLOR/${size}x${size}/mimetypes"
    cp "$ICONS/png/rejoinder-$size.png" "$HICOLOR/${size}x${size}/apps/$APP_ID.png"
    cp "$ICONS/png/rejoinder-document-$size.png" "$HICOLOR/${size}x${size}/mimetypes/$MIME_ICON.png"
done
mkdir -p "$HICOLOR/scalable/apps" "$HICOLOR/scalable/mimetypes"
cp "$ICONS/rejoinder.svg" "$HICOLOR/scalable/apps/$APP_ID.svg"
cp "$ICONS/rejoinder-document.svg" "$HICOLOR/scalable/mimetypes/$MIME_ICON.svg"

# Refresh the caches that desktops read; each tool is optional.
if command -v update-mime-database >/dev/null 2>&1; then
    update-mime-database "$DATA/mime"
fi
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database "$DATA/applications"
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache --force --quiet --ignore-theme-index "$HICOLOR" || true
fi
touch "$HICOLOR"
if command -v xdg-mime >/dev/null 2>&1; then
    xdg-mime default "$APP_ID.desktop" application/x-rejoinder || true
fi

echo "Rejoinder is installed. Start it from your applications menu, or run: $BIN/rejoinder"
case ":$PATH:" in
    *":$BIN:"*) ;;
    *) echo "Note: $BIN is not on your PATH; add it to run 'rejoinder' from a terminal." ;;
esac
