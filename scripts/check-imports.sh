#!/usr/bin/env bash
# SwiftPM does not stop a target from importing a module it happens to see, so the layering of
# docs/ARCHITECTURE.md is checked here: every import under Sources/<Target> must be allowed.
set -euo pipefail
cd "$(dirname "$0")/.."

declare -A allowed=(
  [CSQLite]=""
  [SQLiteDB]="CSQLite Foundation Glibc Darwin Dispatch Synchronization"
  [MiniHTTP]="Foundation Glibc Darwin Dispatch Synchronization Logging"
  [TrafficCore]="Foundation Yams CYaml Crypto Synchronization"
  [TrafficStore]="TrafficCore SQLiteDB Foundation Synchronization Logging Crypto"
  [TrafficAPI]="TrafficCore TrafficStore MiniHTTP Foundation Synchronization Logging"
  [trafficspec]="TrafficAPI TrafficStore TrafficCore MiniHTTP Foundation Dispatch Glibc Darwin Synchronization Logging ArgumentParser"
  [MigrationEmbedder]="Foundation"
  [TextEmbedder]="Foundation"
  [TrafficBench]="Foundation TrafficCore"
)

status=0
for dir in Sources/*/; do
  target=$(basename "$dir")
  if [ -z "${allowed[$target]+set}" ]; then
    echo "check-imports: no rule for target $target (add it to scripts/check-imports.sh)"; status=1; continue
  fi
  while IFS=: read -r file line text; do
    module=$(sed -E 's/^[[:space:]]*(@[A-Za-z_]+[[:space:]]+)*((public|package|internal|private|fileprivate)[[:space:]]+)?import[[:space:]]+(class |struct |enum |func |protocol |var |let |typealias )?([A-Za-z_][A-Za-z0-9_]*).*/\5/' <<<"$text")
    if ! grep -qw -- "$module" <<<"${allowed[$target]}"; then
      echo "check-imports: $file:$line: $target may not import $module"; status=1
    fi
  done < <(grep -rnE '^[[:space:]]*(@[A-Za-z_]+[[:space:]]+)*((public|package|internal|private|fileprivate)[[:space:]]+)?import[[:space:]]' "$dir" --include='*.swift' || true)
done
[ $status -eq 0 ] && echo "check-imports: every target imports only what its layer allows"
exit $status
