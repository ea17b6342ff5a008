#!/usr/bin/env bash
# A Host (Release build) for the browser tests and the UI benchmark: a fresh SQLite file in a data
# folder, the manual clock at 1 April 2026, the seeded admin, the built web client.

# rehearsal_host_start DATA PORT PASSWORD LOG [NAME=VALUE ...] — starts it in the background, sets
# REHEARSAL_HOST_PID, and returns once it answers /api/health (dies with its log if it exits).
rehearsal_host_start() {
  local data=$1 port=$2 password=$3 log=$4
  shift 4
  (
    cd "$data"
    exec env ASPNETCORE_ENVIRONMENT=Development Seed__AdminEmail=admin@example.com Seed__AdminPassword="$password" \
      Clock__Mode=Manual Clock__Start=2026-04-01T01:00:00Z Logging__LogLevel__Default=Warning "$@" \
      dotnet "$ROOT/Host/bin/Release/net10.0/Host.dll" --urls "http://127.0.0.1:$port" --webroot "$ROOT/Host/wwwroot" \
      --Seed:DefinitionsPath="$ROOT/definitions/workflows"
  ) >"$log" 2>&1 &
  REHEARSAL_HOST_PID=$!
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && return 0
    kill -0 "$REHEARSAL_HOST_PID" 2>/dev/null || { cat "$log"; die "the Host did not start"; }
    sleep 0.5
  done
  die "the Host did not answer within 60 s"
}

# rehearsal_host_stop — stops it (for an EXIT trap).
rehearsal_host_stop() {
  [[ -n ${REHEARSAL_HOST_PID:-} ]] || return 0
  kill "$REHEARSAL_HOST_PID" 2>/dev/null || true
  wait "$REHEARSAL_HOST_PID" 2>/dev/null || true
}
