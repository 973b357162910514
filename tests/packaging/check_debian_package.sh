#!/usr/bin/env bash
# The Debian package as a user gets it: built with cpack, unpacked into an
# empty folder and checked — control fields and dependencies, the files a
# desktop needs (entry, AppStream metadata, icons), the man page against the
# program's own --help and exit codes, and the unpacked program at work.
#
#   check_debian_package.sh CPACK BUILD_DIR SOURCE_DIR VERSION QML_DIR
set -euo pipefail

cpack=$1 build=$2 source=$3 version=$4 qml_dir=$5
work=$(mktemp -d "${TMPDIR:-/tmp}/llmopt-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

# Each tool with the Debian package that has it (packaging/quickstart.sh installs them).
for pair in dpkg-deb:dpkg dpkg-shlibdeps:dpkg-dev file:file appstreamcli:appstream \
    desktop-file-validate:desktop-file-utils groff:groff-base python3:python3; do
    command -v "${pair%%:*}" >/dev/null || {
        echo "FAIL: ${pair%%:*} is missing: apt-get install ${pair#*:}" >&2
        exit 1
    }
done

echo "== cpack -G DEB"
if ! "$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log" >&2
    echo "FAIL: cpack could not build the package" >&2
    exit 1
fi
debs=("$work"/out/llm-optimizer_*.deb)
if ((${#debs[@]} != 1)) || [[ ! -f ${debs[0]} ]]; then
    ls -l "$work/out" >&2
    echo "FAIL: expected one llm-optimizer_<version>_<arch>.deb" >&2
    exit 1
fi
deb=${debs[0]}
echo "$(basename "$deb"): $(stat -c %s "$deb") bytes"

echo "== control fields"
[[ $(dpkg-deb -f "$deb" Package) == llm-optimizer ]] || fail "Package is not llm-optimizer"
[[ $(dpkg-deb -f "$deb" Version) == "$version" ]] ||
    fail "Version is $(dpkg-deb -f "$deb" Version), the project's is $version"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
has_dependency() { [[ ", $depends," == *", $1"[\ ,]* ]]; }
# Found by dpkg-shlibdeps from the binary's libraries, not listed by hand.
for lib in libc6 libqt6core6 libqt6quick6 libsqlite3-0; do
    has_dependency "$lib" || fail "Depends lacks $lib: did dpkg-shlibdeps run?"
done
# Each QML module the screens import, the Fusion style main.cpp picks and what
# that style imports comes from the package that owns its qmldir here.
fusion=$qml_dir/QtQuick/Controls/Fusion
mapfile -t modules < <(sed -n 's/^import \([A-Za-z.]*\).*/\1/p' "$source"/qml/*.qml "$fusion"/*.qml |
    sort -u)
for module in "${modules[@]}" QtQuick.Controls.Fusion; do
    [[ $module == Workbench* ]] && continue # built into the program
    qmldir="$qml_dir/${module//.//}/qmldir"
    owner=$(dpkg-query -S "$qmldir" 2>/dev/null | cut -d: -f1) || true
    if [[ -z $owner ]]; then
        fail "no installed package has $qmldir (QML module $module)"
    elif ! has_dependency "$owner"; then
        fail "Depends lacks $owner, which has the QML module $module"
    fi
done

echo "== files"
root=$work/root
dpkg -x "$deb" "$root"
share=$root/usr/share
desktop=$share/applications/llm-optimizer.desktop
metainfo=$share/metainfo/org.llm_optimizer.workbench.metainfo.xml
manpage=$share/man/man1/llm-optimizer.1
for f in "$root/usr/bin/llm-optimizer" "$desktop" "$metainfo" "$manpage" \
    "$share/icons/hicolor/scalable/apps/llm-optimizer.svg"; do
    [[ -f $f ]] || fail "missing ${f#"$root"}"
done
[[ -x $root/usr/bin/llm-optimizer ]] || fail "usr/bin/llm-optimizer is not executable"
for size in 16 24 32 48 64 128 256; do
    png=$share/icons/hicolor/${size}x${size}/apps/llm-optimizer.png
    if [[ ! -f $png ]]; then
        fail "missing ${png#"$root"}"
    elif ! file -b "$png" | grep -q "^PNG image data, $size x $size,"; then
        fail "${png#"$root"} is not a $size x $size PNG: $(file -b "$png")"
    fi
done
file -b "$share/icons/hicolor/scalable/apps/llm-optimizer.svg" | grep -q SVG ||
    fail "the scalable icon is not an SVG"

echo "== desktop entry and AppStream metadata"
# Hints are suggestions; errors and warnings fail.
if ! desktop_report=$(desktop-file-validate "$desktop" 2>&1) ||
    grep -qE ": (error|warning):" <<<"$desktop_report"; then
    fail "desktop-file-validate: $desktop_report"
fi
grep -qx "Exec=llm-optimizer.*" "$desktop" || fail "the desktop entry does not run llm-optimizer"
grep -qx "Icon=llm-optimizer" "$desktop" || fail "the desktop entry does not name the llm-optimizer icon"
appstreamcli validate --no-net --pedantic "$metainfo" || fail "appstreamcli validate rejects the metainfo"
# The tree as a whole: the desktop entry the metainfo launches is there, and agrees with it.
appstreamcli validate-tree --no-net "$root" || fail "appstreamcli validate-tree rejects the package's files"
grep -q "<release version=\"$version\"" "$metainfo" ||
    fail "the metainfo has no release entry for $version"

echo "== man page"
warnings=$(groff -man -ww -z -Tutf8 "$manpage" 2>&1)
[[ -z $warnings ]] || fail "groff warns about the man page: $warnings"
grep -q "^\.TH LLM-OPTIMIZER 1 .*\"llm-optimizer $version\"" "$manpage" ||
    fail "the man page's .TH does not name version $version"

echo "== the unpacked program"
bin=$root/usr/bin/llm-optimizer
# Offscreen, so that the window and --version need no display; nothing the
# program writes may reach the user's profile.
export QT_QPA_PLATFORM=offscreen QT_QUICK_BACKEND=software
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share \
    XDG_RUNTIME_DIR=$work/run
mkdir -m 700 "$XDG_RUNTIME_DIR"
out=$("$bin" --version) || fail "llm-optimizer --version failed"
[[ $out == "llm-optimizer $version" ]] || fail "--version printed \"$out\", expected \"llm-optimizer $version\""

# Every option a --help lists, and every exit code main.cpp defines, is in the man page.
for command in "" --headless simulate analyze audit experiment report; do
    help=$("$bin" $command --help) || fail "llm-optimizer $command --help failed"
    for option in $(grep -oE -- '--[a-z][a-z0-9-]*' <<<"$help" | sort -u); do
        grep -qF -- "${option//-/\\-}" "$manpage" ||
            fail "the man page does not describe $option (llm-optimizer $command --help)"
    done
done
exit_section=$(sed -n '/^\.SH EXIT STATUS/,/^\.SH /p' "$manpage")
for code in $(sed -n 's/^constexpr int kExit[A-Za-z]* = \([0-9]*\);.*/\1/p' "$source/app/main.cpp"); do
    grep -qx "\.B $code" <<<"$exit_section" || fail "the man page's EXIT STATUS lacks exit code $code"
done

"$bin" simulate --scenario demo --duration 120 --seed 7 --out "$work/events.jsonl" ||
    fail "llm-optimizer simulate failed"
rc=0
"$bin" analyze "$work/events.jsonl" --format json >"$work/report.json" || rc=$?
((rc == 0)) || fail "llm-optimizer analyze exited $rc on the simulated events"
python3 - "$work/report.json" <<'EOF' || fail "analyze --format json is not the expected report"
import json, sys
report = json.load(open(sys.argv[1]))
assert report["schema_version"] == 1, report["schema_version"]
assert report["events"]["stored"] > 100, report["events"]
assert report["events"]["rejected"] == 0, report["events"]
assert len(report["variants"]) >= 3, len(report["variants"])
EOF
echo "not an event" >>"$work/events.jsonl"
rc=0
"$bin" analyze "$work/events.jsonl" >/dev/null || rc=$?
((rc == 2)) || fail "analyze exited $rc on a file with a bad line; its documented code is 2"

# The window, offscreen, on the demo feed.
"$bin" --db "$work/demo.sqlite" --screenshot "$work/window.png" --after 2 ||
    fail "the workbench window did not start"
file -b "$work/window.png" 2>/dev/null | grep -q "^PNG image data" ||
    fail "the workbench window saved no screenshot"

if ((failures)); then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "all checks passed"
