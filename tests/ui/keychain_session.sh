#!/bin/sh
# Runs a command inside a private D-Bus session bus with a GNOME Keyring of
# its own (a fresh home, unlocked with a throwaway password), so keychain
# tests never touch the user's keys. Needs dbus-daemon and gnome-keyring.
set -eu
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/data" XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
dbus-run-session -- sh -c '
    printf test | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    "$@"' sh "$@"
