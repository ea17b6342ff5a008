#!/usr/bin/env bash
# A private PostgreSQL server in a data dir of our choosing, started without
# systemd (CI and containers have none). Source after common.sh.

PG_ROLE=workflows
PG_DB=workflows

# Prefer 15 (what Debian 12 ships and what we test against), else the newest.
pg_bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null ||
        ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -z $dir ]]; then
    ensure_apt_packages postgresql
    dir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  echo "$dir"
}

# PostgreSQL refuses to run as root, so as root we switch to `postgres`;
# as another user we run as ourselves. `cd /` avoids "could not change
# directory" noise when the caller sits in a directory postgres cannot read.
as_pg() {
  if [[ $EUID -eq 0 ]]; then (cd / && runuser -u postgres -- "$@")
  else "$@"
  fi
}

pg_conn_string() {
  echo "Host=127.0.0.1;Port=$1;Username=$PG_ROLE;Password=$PG_ROLE;Database=$PG_DB"
}

# The port of the server running on DATA_DIR (line 4 of postmaster.pid).
pg_running_port() { sed -n 4p "$1/postmaster.pid"; }

pg_is_running() {
  local bin; bin=$(pg_bin_dir)
  [[ -f $1/postmaster.pid ]] && as_pg "$bin/pg_ctl" status -D "$1" >/dev/null 2>&1
}

# pg_start DATA_DIR PORT — start (or reuse) a server, ensure the role and
# database exist, and print the connection string on stdout.
pg_start() {
  local data port bin
  data=$(realpath -m "$1"); port=$2; bin=$(pg_bin_dir)

  if pg_is_running "$data"; then
    local running; running=$(pg_running_port "$data")
    [[ $running == "$port" ]] || say "already running on $data with port $running (not $port); reusing it"
    port=$running
    say "reusing PostgreSQL on $data (port $port)"
  else
    # The socket lives in the data dir, and socket paths are limited to 107 bytes.
    (( ${#data} + 20 < 107 )) || die "data dir path too long for a unix socket: $data"
    if [[ ! -f $data/PG_VERSION ]]; then
      mkdir -p "$data"
      if [[ $EUID -eq 0 ]]; then chown postgres:postgres "$data"; fi
      chmod 700 "$data"
      as_pg test -w "$data" ||
        die "user postgres cannot reach $data (a parent directory is not traversable); choose another --data dir"
      say "initialising PostgreSQL data dir $data"
      # trust is fine: the server only listens on 127.0.0.1 and a private socket.
      as_pg "$bin/initdb" -D "$data" -U postgres --auth-local=trust --auth-host=trust \
        --encoding=UTF8 --locale=C >/dev/null
    fi
    say "starting PostgreSQL on 127.0.0.1:$port ($data)"
    as_pg "$bin/pg_ctl" start -D "$data" -l "$data/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='$data' -c max_connections=200" \
      >/dev/null || { tail -n 20 "$data/server.log" >&2; die "PostgreSQL did not start (log: $data/server.log)"; }
  fi

  # pg_ctl -w already waits, but a reused server may still be recovering.
  local i
  for i in $(seq 60); do
    as_pg "$bin/pg_isready" -q -h "$data" -p "$port" && break
    [[ $i -eq 60 ]] && die "PostgreSQL on port $port is not accepting connections"
    sleep 0.5
  done

  local psql=("$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$data" -p "$port" -U postgres -d postgres -tA)
  # CREATEDB lets integration tests make a throw-away database each.
  if [[ -z $(as_pg "${psql[@]}" -c "select 1 from pg_roles where rolname = '$PG_ROLE'") ]]; then
    as_pg "${psql[@]}" -c "create role $PG_ROLE login createdb password '$PG_ROLE'"
  fi
  if [[ -z $(as_pg "${psql[@]}" -c "select 1 from pg_database where datname = '$PG_DB'") ]]; then
    as_pg "${psql[@]}" -c "create database $PG_DB owner $PG_ROLE"
  fi

  pg_conn_string "$port"
}

# pg_stop DATA_DIR — stop the server if it runs; a no-op otherwise.
pg_stop() {
  local data bin
  data=$(realpath -m "$1"); bin=$(pg_bin_dir)
  if pg_is_running "$data"; then
    say "stopping PostgreSQL ($data)"
    as_pg "$bin/pg_ctl" stop -D "$data" -m fast -w >/dev/null
  else
    say "PostgreSQL is not running on $data"
  fi
}
