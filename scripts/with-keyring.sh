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

# The session bus starts nothing by itself (no service directories): otherwise a call made while the daemon is down
# would start a second one, locked, and every later test would fail on it.
cat > "$KEYRING_HOME/session.conf" <<'CONF'
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
CONF

# gnome-keyring 42 aborts (GLib: invoke_get_property_in_idle_cb) when a client is killed in the middle of some
# calls, which the crash tests do on purpose. A watchdog starts it again, unlocked, on the same keyring files; the
# crash test waits for it (tests/keyring/crash-keyring.test.ts). Under the fake HOME npm/npx lose the user's npm config, so prefer
# the project's binaries directly.
PATH="$(pwd)/node_modules/.bin:$PATH" HOME="$KEYRING_HOME" NPM_CONFIG_UPDATE_NOTIFIER=false XDG_DATA_HOME="$KEYRING_HOME/.local/share" KEYRING_IT=1 \
  dbus-run-session --config-file="$KEYRING_HOME/session.conf" -- sh -c '
    start() { printf %s nodetray-test | gnome-keyring-daemon --replace --unlock --components=secrets >/dev/null; }
    up() {
      dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"
    }
    start || exit 1
    (while sleep 0.1; do up || { echo "with-keyring: gnome-keyring-daemon is gone; starting it again" >&2; start; }; done) &
    watchdog=$!
    "$@"
    status=$?
    kill "$watchdog" 2>/dev/null
    exit "$status"' sh "$@"
