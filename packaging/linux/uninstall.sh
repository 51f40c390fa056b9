#!/bin/sh
# Remove what install.sh put into ~/.local. Projects, settings, backups and
# logs are the user's and stay where they are (~/.config/Rejoinder,
# ~/.local/share/Rejoinder, ~/.local/state/Rejoinder).
set -eu

APP_ID=org.rejoinder.Rejoinder
MIME_ICON=application-x-rejoinder
SIZES="16 24 32 48 64 128 256 512"

DATA=${XDG_DATA_HOME:-$HOME/.local/share}
BIN=$HOME/.local/bin
LIB=$HOME/.local/lib/rejoinder

# Remove the command only if it is ours, not another program of that name.
if [ -L "$BIN/rejoinder" ] && [ "$(readlink "$BIN/rejoinder")" = "$LIB/rejoinder" ]; then
    rm -f "$BIN/rejoinder"
fi
rm -rf "$LIB" "$LIB.new"
rm -f "$DATA/applications/$APP_ID.desktop" \
      "$DATA/metainfo/$APP_ID.metainfo.xml" \
      "$DATA/mime/packages/$APP_ID.xml"
HICOLOR=$DATA/icons/hicolor
for size in $SIZES; do
    rm -f "$HICOLOR/${size}x${size}/apps/$APP_ID.png" \
          "$HICOLOR/${size}x${size}/mimetypes/$MIME_ICON.png"
done
rm -f "$HICOLOR/scalable/apps/$APP_ID.svg" "$HICOLOR/scalable/mimetypes/$MIME_ICON.svg"

if command -v update-mime-database >/dev/null 2>&1 && [ -d "$DATA/mime" ]; then
    update-mime-database "$DATA/mime"
fi
if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$DATA/applications" ]; then
    update-desktop-database "$DATA/applications"
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -d "$HICOLOR" ]; then
    gtk-update-icon-cache --force --quiet --ignore-theme-index "$HICOLOR" || true
fi
echo "Rejoinder is uninstalled. Your projects and settings were not touched."
