#!/bin/sh
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring, for the real-keyring tests:
#   sh scripts/with-keyring.sh npx vitest run --project keyring
# HOME points at a throwaway folder so the user's own keyring is never touched. KEYRING_IT=1 enables the
# vitest "keyring" project. The command is not exec'd, so the EXIT trap can remove the temp folder.
set -eu

for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "with-keyring: $tool not found. Install: apt-get install -y gnome-keyring dbus-x11 libsecret-1-dev" >&2
    exit 127
  fi
done

KEYRING_HOME=$(mktemp -d)
cleanup() { rm -rf "$KEYRING_HOME"; }
trap cleanup EXIT INT TERM

# Under the fake HOME npm/npx lose the user's npm config, so prefer the project's binaries directly.
PATH="$(pwd)/node_modules/.bin:$PATH" HOME="$KEYRING_HOME" NPM_CONFIG_UPDATE_NOTIFIER=false XDG_DATA_HOME="$KEYRING_HOME/.local/share" KEYRING_IT=1 \
  dbus-run-session -- sh -c 'printf %s nodetray-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && "$@"' sh "$@"
