# Sourced by benchmarks/run.sh and benchmarks/pages_and_quality.sh (needs $pop, $work, tmux).
#   frames DB LABEL KEY…   runs `pop --frame-stats` on DB in tmux at 200×60, presses the keys,
#                          quits, and prints LABEL with the first-frame and key-to-frame times.
frames() {
    frames_db=$1
    frames_label=$2
    shift 2
    rm -f "$work/frames.txt"
    tmux kill-session -t popbench 2> /dev/null || true
    tmux new-session -d -s popbench -x 200 -y 60 "POP_DB='$frames_db' '$pop' --frame-stats 2> '$work/frames.txt'"
    sleep 2
    for key in "$@"; do
        tmux send-keys -t popbench "$key"
        sleep 0.15
    done
    tmux send-keys -t popbench q
    sleep 1
    tmux kill-session -t popbench 2> /dev/null || true
    echo "$frames_label: $(grep 'first frame' "$work/frames.txt")"
}
