#!/usr/bin/env bash
# Redis on 127.0.0.1:6379 for the live-events tests through Redis (LIVE_EVENTS=redis). Those tests
# run when Redis answers and are skipped otherwise, so this never fails the run: it starts the
# machine's Redis when it is installed but stopped, and says so when there is none.
set -uo pipefail

answers() { (exec 3<>/dev/tcp/127.0.0.1/6379 && printf 'PING\r\n' >&3 && head -c 5 <&3 | grep -q PONG) 2>/dev/null; }

if answers; then
  echo "redis: answering on 127.0.0.1:6379"
  exit 0
fi
if command -v redis-server >/dev/null; then
  mkdir -p /var/lib/redis /var/log/redis 2>/dev/null
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log || true
  for _ in $(seq 1 20); do answers && { echo "redis: started"; exit 0; }; sleep 0.25; done
fi
echo "redis: not available; the Redis transport tests will be skipped"
exit 0
