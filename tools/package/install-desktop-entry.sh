#!/bin/sh
# Puts Under the Same Stars in the desktop's menu of applications, for this user only (nothing needs root):
# the icon into ~/.local/share/icons/hicolor/256x256/apps/ and the desktop entry, pointing at the executable
# beside this script, into ~/.local/share/applications/. Run it again after moving the folder;
# ./install-desktop-entry.sh --remove takes both away again.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
entry="$data/applications/under-the-same-stars.desktop"
icon="$data/icons/hicolor/256x256/apps/under-the-same-stars.png"

if [ "${1:-}" = "--remove" ]; then
    rm -f "$entry" "$icon"
    echo "Removed $entry and $icon"
    exit 0
fi
if [ ! -x "$here/under-the-same-stars" ]; then
    echo "install-desktop-entry.sh: no executable under-the-same-stars beside this script in $here" >&2
    echo "Run the script from the unpacked under-the-same-stars folder." >&2
    exit 1
fi
mkdir -p "$data/applications" "$data/icons/hicolor/256x256/apps"
cp "$here/under-the-same-stars.png" "$icon"
# Exec= holds the path in double quotes, escaped as the desktop entry specification asks: " ` $ \ get a
# backslash, then every backslash is doubled again (the string rule), and % is written %%
exec_path=$(printf '%s' "$here/under-the-same-stars" \
    | sed -e 's/\\/\\\\\\\\/g' -e 's/["`$]/\\\\&/g' -e 's/%/%%/g')
while IFS= read -r line || [ -n "$line" ]; do
    if [ "$line" = "Exec=@EXEC@" ]; then
        printf 'Exec="%s"\n' "$exec_path"
    else
        printf '%s\n' "$line"
    fi
done < "$here/under-the-same-stars.desktop" > "$entry.tmp"
mv "$entry.tmp" "$entry"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data/applications" || true
echo "Installed $entry"
echo "Under the Same Stars is in your applications menu (you may need to log out and in once)."
