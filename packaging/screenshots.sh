#!/usr/bin/env bash
# Regenerates every picture in docs/screenshots/ from a built llm-optimizer.
#
#   packaging/screenshots.sh [BINARY] [OUT_DIR]
#   cmake --build build --target screenshots     (the same, after building)
#
# BINARY defaults to build/app/llm-optimizer, OUT_DIR to docs/screenshots.
# Each picture comes from the GUI on the offscreen platform with
# --screen NAME --screenshot FILE --after SECONDS, in a throw-away profile
# (HOME, XDG_CONFIG_HOME, XDG_DATA_HOME in a temporary folder: no user setting
# leaks in, and the first-launch welcome counts as seen), a fresh database and
# a fixed demo seed, light theme, English, UTC. The demo feed's history is
# generated relative to the start time, so the figures differ slightly from
# run to run; the layout does not.
#
# What needs more than a launch is prepared from the outside, never by hand:
# - Experiments: the designer reopens its most recent definition
#   (experiments/recent), pre-seeded with resources/examples/experiment.json
#   copied beside its dataset; for the results, `llm-optimizer experiment run`
#   first answers the example against packaging/screenshot_provider.py, a local
#   OpenAI-compatible stand-in (provider "vllm"), into the same database.
# - Rollouts and Audit: the headless daemon, on the Pareto picture's database,
#   approves one of the switches the demo's strategies proposed
#   (POST /api/v1/recommendations/ID/approve); the GUI then resumes that
#   canary rollout, and the audit log holds the approval.
# - Connections: an OTLP/HTTP receiver saved in the settings, fed a minute of
#   the demo workload (llm-optimizer simulate) over HTTP while the picture is
#   taken.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
binary=$(realpath "${1:-$root/build/app/llm-optimizer}")
out=$(realpath -m "${2:-$root/docs/screenshots}")
[[ -x "$binary" ]] || { echo "screenshots: no llm-optimizer at $binary; build it first" >&2; exit 1; }
for tool in python3 curl flock; do
    command -v "$tool" >/dev/null || { echo "screenshots: $tool is needed" >&2; exit 1; }
done
mkdir -p "$out"

# A fixed folder, so that the paths the pictures show are the same at every run;
# one run at a time.
work="${TMPDIR:-/tmp}/llm-optimizer-screenshots"
exec 9>"$work.lock"
flock -n 9 || { echo "screenshots: another run holds $work.lock" >&2; exit 1; }
rm -rf "$work"
mkdir -p "$work"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work" "$work.lock"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
export XDG_CACHE_HOME="$work/cache" QT_QPA_PLATFORM=offscreen LANG=en_US.UTF-8 TZ=UTC
unset LC_ALL LANGUAGE DBUS_SESSION_BUS_ADDRESS # no desktop keychain, no other language
mkdir -p "$HOME" "$XDG_CONFIG_HOME/llm-optimizer" "$XDG_DATA_HOME"
settings="$XDG_CONFIG_HOME/llm-optimizer/llm-optimizer.conf"
seed=7

# PORT if it is free on the loopback interface, else any free port.
free_port() {
    python3 - "$1" <<'EOF'
import socket, sys
for port in (int(sys.argv[1]), 0):
    try:
        with socket.socket() as s:
            s.bind(("127.0.0.1", port))
            print(s.getsockname()[1])
            break
    except OSError:
        pass
EOF
}

# Waits until URL answers (any HTTP status), for at most 30 s.
wait_for() {
    for _ in $(seq 150); do
        curl -sS -o /dev/null "$1" 2>/dev/null && return 0
        sleep 0.2
    done
    echo "screenshots: $1 did not answer" >&2
    return 1
}

# shot NAME SCREEN DB SECONDS [more GUI options]: one picture, docs/screenshots/NAME.png.
shot() {
    local name=$1 screen=$2 db=$3 after=$4
    shift 4
    local started=$SECONDS
    if ! "$binary" --db "$db" --seed "$seed" --theme light --config "$work/budgets.yaml" \
        --screen "$screen" --screenshot "$out/$name.png" --after "$after" "$@" \
        2>"$work/$name.log"; then
        echo "screenshots: $name failed:" >&2
        cat "$work/$name.log" >&2
        exit 1
    fi
    # QML warnings name their file: a screen that warns is a screen to fix.
    if grep -q "qrc:/" "$work/$name.log"; then
        echo "screenshots: $name.png rendered with QML warnings:" >&2
        grep "qrc:/" "$work/$name.log" >&2
    fi
    echo "screenshots: $name.png ($((SECONDS - started)) s)"
    seed=$((seed + 1)) # the next run's live calls are new calls, not repeats of these
}

# The first launch is over; the default window size reads well at 100 %.
cat >"$settings" <<EOF
[ui]
welcomed=true
geometry=@Rect(0 0 1360 860)
language=en
EOF
# Budgets, so that the Costs screen draws its budget lines and forecasts.
cat >"$work/budgets.yaml" <<EOF
budgets:
  support-chat: {daily_usd: 2500, monthly_usd: 90000}
  summarizer: {monthly_usd: 90000}
EOF

shot overview overview "$work/overview.sqlite" 6
shot costs costs "$work/costs.sqlite" 6
shot findings findings "$work/findings.sqlite" 6
shot pareto pareto "$work/live.sqlite" 10

# Rollouts and Audit: approve a proposed switch through the daemon's API.
api_port=$(free_port 8080)
token=screenshots
cat >"$work/daemon.yaml" <<EOF
storage: {path: "$work/live.sqlite"}
otlp: {http: {enabled: false}}
api: {port: $api_port, bearer_token: $token}
EOF
"$binary" --headless --config "$work/daemon.yaml" 2>"$work/daemon.log" &
daemon=$!
pids+=("$daemon")
wait_for "http://127.0.0.1:$api_port/api/v1/health" || { cat "$work/daemon.log" >&2; exit 1; }
API="http://127.0.0.1:$api_port" TOKEN=$token python3 - <<'EOF'
import json, os, urllib.request
api, token = os.environ["API"], os.environ["TOKEN"]
def call(path, body=None):
    request = urllib.request.Request(api + path, data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": "Bearer " + token,
                                              "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.load(answer)
listing = call("/api/v1/recommendations?limit=100")
rows = listing["recommendations"] if isinstance(listing, dict) else listing
switch = next((r for r in rows if r.get("status") == "proposed" and r.get("action") == "switch"), None)
if switch is None:
    raise SystemExit("screenshots: the demo proposed no switch to approve; run the Pareto shot longer")
answer = call("/api/v1/recommendations/%d/approve" % switch["id"],
              {"operator": "sre@workbench", "reason": "cheaper variant within the quality tolerance"})
print("screenshots:", answer.get("message", answer))
EOF
kill "$daemon"
wait "$daemon" 2>/dev/null || true
pids=()
shot rollouts rollouts "$work/live.sqlite" 10
shot audit audit "$work/live.sqlite" 8

# Experiments: the designer on the example, and the results of a run.
mkdir -p "$work/experiment"
sed 's/"provider": "openai"/"provider": "vllm"/' "$root/resources/examples/experiment.json" \
    >"$work/experiment/experiment.json"
cp "$root/resources/examples/support-faq.jsonl" "$work/experiment/"
python3 "$root/packaging/screenshot_provider.py" "$work/experiment/support-faq.jsonl" \
    "$work/provider.port" &
pids+=("$!")
for _ in $(seq 50); do [[ -s "$work/provider.port" ]] && break; sleep 0.1; done
provider="http://127.0.0.1:$(cat "$work/provider.port")"
cat >>"$settings" <<EOF
[experiments]
recent=$work/experiment/experiment.json
[providers]
vllm\\baseUrl=$provider
EOF
shot experiments experiments "$work/design.sqlite" 6
"$binary" experiment run "$work/experiment/experiment.json" --db "$work/results.sqlite" \
    --base-url-vllm "$provider" >"$work/run.log" 2>&1 || { cat "$work/run.log" >&2; exit 1; }
shot experiments-results experiments "$work/results.sqlite" 8

# Connections: a saved receiver, fed the demo workload over OTLP/HTTP.
otlp_port=$(free_port 4318)
cat >>"$settings" <<EOF
[sources]
1\\kind=otlp
1\\address=127.0.0.1
1\\port=$otlp_port
size=1
EOF
"$binary" simulate --duration 60 --seed "$seed" --start "$(date -u -d '-1 min' +%FT%TZ)" \
    --out "$work/otlp.jsonl" 2>/dev/null
OTLP="http://127.0.0.1:$otlp_port/v1/traces" LINES="$work/otlp.jsonl" python3 - <<'EOF' &
import os, time, urllib.error, urllib.request
url = os.environ["OTLP"]
for _ in range(300):  # until the workbench's receiver answers
    try:
        urllib.request.urlopen(urllib.request.Request(url, data=b"{}", headers={"Content-Type": "application/json"}), timeout=2)
        break
    except urllib.error.HTTPError:
        break
    except OSError:
        time.sleep(0.1)
with open(os.environ["LINES"], "rb") as lines:
    for line in lines:
        try:
            urllib.request.urlopen(urllib.request.Request(url, data=line, headers={"Content-Type": "application/json"}), timeout=5)
        except OSError:
            pass
        time.sleep(0.12)  # an exporter's pace, so that the status bar shows a rate
EOF
pids+=("$!")
shot connections connections "$work/connections.sqlite" 8

echo "screenshots: written to $out"
