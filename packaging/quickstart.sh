#!/usr/bin/env bash
# Sets up a Debian 12 machine, builds the workbench and then either launches
# it (run) or runs the whole test suite (test). Safe to run again: it installs
# only what is missing and rebuilds only what changed.
#
#   packaging/quickstart.sh run [ARGS...]   build, then start the GUI on the demo feed
#   packaging/quickstart.sh test            build, then run every test with ctest
set -euo pipefail

mode=${1:-}
case "$mode" in
    run | test) shift ;;
    *)
        echo "usage: $0 run [llm-optimizer arguments...] | $0 test" >&2
        exit 2
        ;;
esac

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="${LLMOPT_BUILD_DIR:-$root/build}"

# Debian 12 packages for building, testing and running (see docs/building.md).
packages=(
    build-essential cmake ninja-build ccache pkg-config
    qt6-base-dev qt6-declarative-dev qt6-charts-dev qt6-l10n-tools qt6-tools-dev libgl-dev
    qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
    qml6-module-qtquick-window qml6-module-qtquick-templates qml6-module-qtqml-workerscript
    qml6-module-qtcharts
    libsqlite3-dev nlohmann-json3-dev libeigen3-dev libboost-dev zlib1g-dev libssl-dev openssl
    libprotobuf-dev protobuf-compiler librdkafka-dev libyaml-cpp-dev libcurl4-openssl-dev qtkeychain-qt6-dev qt6-svg-dev
    fonts-dejavu-core
    fonts-wqy-microhei qt6-translations-l10n                 # the Chinese interface; Qt's own texts
    librsvg2-bin                                             # renders the icon's PNG sizes
    dpkg-dev file appstream desktop-file-utils groff-base    # cpack -G DEB and its test
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The tests drive the receiver with the OpenTelemetry JavaScript SDK; any
# Node.js ≥ 18 with npm will do (Debian's, or one already installed).
if [[ $mode == test ]] && ! command -v npm >/dev/null; then
    missing+=(nodejs npm)
fi
# The report tests read the PDF they export back with pdftotext and check the
# JSON report against its schema with Python's jsonschema.
if [[ $mode == test ]] && ! command -v pdftotext >/dev/null; then
    missing+=(poppler-utils)
fi
if [[ $mode == test ]] && ! /usr/bin/python3 -c 'import jsonschema' 2>/dev/null; then
    missing+=(python3-jsonschema)
fi
# The keychain test runs a GNOME Keyring in a private D-Bus session.
if [[ $mode == test ]] && ! command -v gnome-keyring-daemon >/dev/null; then
    missing+=(gnome-keyring libsecret-1-0)
fi
if [[ $mode == test ]] && ! command -v dbus-run-session >/dev/null; then
    missing+=(dbus-daemon)
fi
if ((${#missing[@]})); then
    echo "quickstart: installing ${missing[*]}"
    sudo=()
    if ((EUID != 0)); then
        command -v sudo >/dev/null || { echo "quickstart: run as root or install sudo" >&2; exit 1; }
        sudo=(sudo)
    fi
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build"

if [[ $mode == test ]]; then
    if [[ ! -f $build/otel-js/node_modules/.package-lock.json ||
          $build/otel-js/package-lock.json -nt $build/otel-js/node_modules/.package-lock.json ]]; then
        echo "quickstart: installing the OpenTelemetry JS SDK for the tests (npm ci)"
        (cd "$build/otel-js" && npm ci --no-audit --no-fund --loglevel=error)
    fi
    exec ctest --test-dir "$build" --output-on-failure -j "$(nproc)"
fi

if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} && -z ${QT_QPA_PLATFORM:-} ]]; then
    echo "quickstart: no display found. On a headless machine try:" >&2
    echo "  QT_QPA_PLATFORM=offscreen $build/app/llm-optimizer --screenshot overview.png --after 5" >&2
    exit 1
fi
exec "$build/app/llm-optimizer" "$@"
