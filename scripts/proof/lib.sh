# Shared by the bash proof suites (sourced, not run).

# resolve_bin SCRIPT [PATH]: the trafficspec binary to test: PATH, else the release build, else
# the debug build. Fails, naming SCRIPT, when there is none; call it as
#   bin=$(resolve_bin soak.sh "$bin") || exit 2
resolve_bin() {
  local script=$1 bin=${2:-}
  if [ -z "$bin" ]; then
    bin=.build/release/trafficspec
    [ -x "$bin" ] || bin=.build/debug/trafficspec
  fi
  if [ ! -x "$bin" ]; then
    echo "$script: no executable trafficspec at $bin (build it, or pass --bin)" >&2
    return 2
  fi
  printf '%s\n' "$bin"
}

# start_server SCRIPT WORK NAME [serve options...]: starts `trafficspec serve` ($bin) on a free
# loopback port with a new database WORK/NAME.db, a random admin token and its log in
# WORK/server.log, and waits until it answers. Sets port, base, auth and server_pid, and exports
# TRAFFICSPEC_ADMIN_TOKEN; the caller's EXIT trap kills $server_pid.
start_server() {
  local script=$1 work=$2 name=$3
  shift 3
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  export TRAFFICSPEC_ADMIN_TOKEN="tsk_${name}_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  auth="Authorization: Bearer $TRAFFICSPEC_ADMIN_TOKEN"
  base="http://127.0.0.1:$port"
  "$bin" serve --listen "127.0.0.1:$port" --db "$work/$name.db" --log-level warning "$@" 2>"$work/server.log" &
  server_pid=$!
  for _ in $(seq 100); do curl -fsS "$base/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
  if ! curl -fsS "$base/healthz" >/dev/null; then
    echo "$script: the server did not start" >&2
    cat "$work/server.log" >&2
    return 1
  fi
}
