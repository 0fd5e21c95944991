#!/usr/bin/env bash
# End-to-end: the real pop binary in a real terminal (tmux): start on a fresh database (the demo
# builds itself), see the page, open child protection, drill into teams (counts, noise, the funnel)
# and a team's overdue and due-soon children, the Early Help, UASC, quality assurance and workforce
# pages and a team's social workers, present (no child ID and no worker named on any slide),
# resize, quit. Run by .ci/run after the unit tests.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${POP_BIN:-.build/debug/pop}
work=$(mktemp -d)
export POP_DB="$work/pop.sqlite"
session="pop-e2e-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT

fail() { echo "e2e: $*" >&2; echo "---- screen ----" >&2; tmux capture-pane -p -t "$session" >&2 || true; exit 1; }

# Wait until the screen shows a text (up to ~20 s: the first run builds the demo database).
expect() {
  for _ in $(seq 1 200); do
    tmux capture-pane -p -t "$session" | grep -qF -- "$1" && return 0
    sleep 0.1
  done
  fail "never saw: $1"
}

# The same, for an extended regular expression (figures in table columns, whatever their spacing).
expect_re() {
  for _ in $(seq 1 200); do
    tmux capture-pane -p -t "$session" | grep -qE -- "$1" && return 0
    sleep 0.1
  done
  fail "never saw: $1"
}

tmux new-session -d -s "$session" -x 160 -y 48 \
  "LANG=C.UTF-8 TERM=xterm-256color POP_DB='$POP_DB' '$bin' --frame-stats 2>'$work/stats'; echo \"EXIT \$?\" > '$work/exit'; sleep 60"

expect "DEMO DATA"
expect "MASH / front door"
expect "Child protection"
expect "71.1%"                                  # CP visits in time on the page
tmux send-keys -t "$session" Down Down Down Enter
expect "CP visits in time (10 working days)"     # the CP service page
tmux send-keys -t "$session" Escape t            # t on the CP panel: visits in time by team
expect "CP visits in time (10 working days) › by team"
expect "Intervention & Planning Team 6"
expect "Due ≤5 wd"                               # overdue and due-soon counts per team
expect "within noise"                            # a small team's change that chance could give
expect "Outside the 99.8% limits"                # the funnel plot under the table
tmux send-keys -t "$session" Enter               # the worst team's overdue children
expect "16 overdue"
expect "Due within 5 working days (7)"           # its due-soon list beside them (160 wide)
expect "BN"                                      # child IDs appear in the drill-down only
tmux send-keys -t "$session" Tab                 # the cursor moves to the due-soon list
expect "Tab overdue"
tmux send-keys -t "$session" Escape Escape Down Down Down Down Enter   # from the CP panel to Early Help's page
expect "Early Help · January 2019"
expect "Open assessments by duration"            # a breakdown, month by month as the pack prints it
expect_re "Early Help assessments started +1,374 +260 +100 +160"
tmux send-keys -t "$session" Escape Down Enter   # UASC
expect "UASC · January 2019"
expect_re "Under a year +38 +61.3%"
expect "Unaccompanied asylum-seeking children by team"
tmux send-keys -t "$session" Escape Down Enter   # quality assurance: the audit grid and the domains
expect "Audit grades by service area"
expect_re "Duty and Assessment +Good +2 +5 +0 +3 +1 +12$"
expect_re "Total +29 +32 +13 +19 +20 +51$"
expect "Domain grades, January 2019"
tmux send-keys -t "$session" Escape Down Enter   # workforce: services over their teams
expect "Teams and services"
expect_re "Onwards and Upwards +12 +25.0% +83.3% +21.5"
tmux send-keys -t "$session" '}' Down Enter      # a team's social workers, by name, here only
expect "Duty & Assessment Team 1 › social workers"
expect "Ben Hughes"
tmux send-keys -t "$session" Escape Escape Escape p
expect "slide 1 of"
tmux capture-pane -p -t "$session" | grep -q "BN[0-9]" && fail "a child ID is on a slide"
tmux send-keys -t "$session" PageDown PageDown PageDown
expect "slide 4 of"
# Every slide, the new pages' tables included: no child ID and no worker's name.
slides=$(tmux capture-pane -p -t "$session" | sed -n 's/.*slide 4 of \([0-9]*\).*/\1/p')
names=$(tail -n +2 Fixtures/demo/2019-01/workforce.csv | cut -d, -f1)
tmux send-keys -t "$session" PageUp PageUp PageUp
for n in $(seq 1 "$slides"); do
  expect "slide $n of $slides"
  screen=$(tmux capture-pane -p -t "$session")
  grep -q "BN[0-9]" <<<"$screen" && fail "a child ID is on slide $n"
  while read -r name; do grep -qF -- "$name" <<<"$screen" && fail "a worker ($name) is named on slide $n"; done <<<"$names"
  tmux send-keys -t "$session" PageDown
done
tmux send-keys -t "$session" Escape
expect "MASH / front door"
tmux resize-window -t "$session" -x 80 -y 24
expect "DEMO DATA"
tmux resize-window -t "$session" -x 60 -y 20
expect "Terminal too small"
tmux resize-window -t "$session" -x 200 -y 60
expect "Youth offending"
tmux send-keys -t "$session" q
for _ in $(seq 1 50); do [[ -f "$work/exit" ]] && break; sleep 0.1; done
[[ "$(cat "$work/exit" 2>/dev/null)" == "EXIT 0" ]] || fail "pop did not quit cleanly: $(cat "$work/exit" 2>/dev/null)"
echo "e2e: dashboard in tmux passed ($(cat "$work/stats"))"

# Without a terminal: a clear message and a non-zero exit.
set +e
"$bin" </dev/null >/dev/null 2>"$work/err"
status=$?
set -e
[[ $status -ne 0 ]] && grep -q "pop report" "$work/err" || { echo "e2e: without a terminal pop exited $status: $(cat "$work/err")" >&2; exit 1; }
echo "e2e: no-terminal check passed"

# A terminal that cannot place the cursor (TERM=dumb) gets a message pointing to pop report,
# not a blank screen.
tmux new-session -d -s "$session-dumb" -x 100 -y 30 "TERM=dumb POP_DB='$POP_DB' '$bin' 2>'$work/dumb2'; echo \"EXIT \$?\" > '$work/dumbexit'; sleep 30"
for _ in $(seq 1 100); do [[ -s "$work/dumbexit" ]] && break; sleep 0.1; done
tmux kill-session -t "$session-dumb" 2>/dev/null || true
[[ "$(cat "$work/dumbexit" 2>/dev/null)" == "EXIT 1" ]] && grep -q "cannot place the cursor" "$work/dumb2" && grep -q "pop report" "$work/dumb2" \
  || { echo "e2e: TERM=dumb: $(cat "$work/dumbexit" 2>/dev/null) $(cat "$work/dumb2" 2>/dev/null)" >&2; exit 1; }
echo "e2e: TERM=dumb check passed"
