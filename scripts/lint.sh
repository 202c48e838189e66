#!/usr/bin/env bash
# `npm run lint`: the type check, ESLint and Prettier, run side by side (each is mostly one core,
# and CI's two cores otherwise wait on them one after the other). Each one's output is printed
# whole once it ends; the run fails when any of them fails.
set -uo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

run() {
  local name=$1
  shift
  local started=$SECONDS
  "$@" >"$out/$name.log" 2>&1
  local rc=$?
  echo "$rc $((SECONDS - started))" >"$out/$name.rc"
}

run tsc npx tsc --noEmit &
run eslint npx eslint . --max-warnings 0 &
run prettier npx prettier --check . &
wait

failed=0
for name in tsc eslint prettier; do
  read -r rc took <"$out/$name.rc"
  if [[ $rc -ne 0 ]]; then
    failed=1
    echo "--- $name: FAILED (exit $rc, ${took} s)"
    cat "$out/$name.log"
  else
    echo "--- $name: clean (${took} s)"
  fi
done
exit "$failed"
