#!/usr/bin/env bash
# Install and start a throwaway PostgreSQL on 127.0.0.1 with a hirebar_test database.
set -euo pipefail
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
  $SUDO pg_createcluster "$version" main >/dev/null
fi
$SUDO pg_ctlcluster "$version" main start 2>/dev/null || true
for _ in $(seq 1 30); do
  pg_isready -h 127.0.0.1 -p 5432 -q && break
  sleep 1
done
run_psql() { $SUDO -u postgres psql -h /var/run/postgresql -v ON_ERROR_STOP=1 -q "$@"; }
if [ "$(id -u)" -eq 0 ]; then
  run_psql() { su postgres -c "psql -v ON_ERROR_STOP=1 -q $(printf '%q ' "$@")"; }
fi
run_psql -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'hirebar') THEN CREATE ROLE hirebar LOGIN PASSWORD 'hirebar' CREATEDB; END IF; END \$\$;"
run_psql -tc "SELECT 1 FROM pg_database WHERE datname = 'hirebar_test'" | grep -q 1 \
  || run_psql -c "CREATE DATABASE hirebar_test OWNER hirebar"
echo "PostgreSQL $version ready on 127.0.0.1:5432"
