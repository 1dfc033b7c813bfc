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
