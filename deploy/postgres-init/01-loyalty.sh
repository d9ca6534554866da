#!/usr/bin/env bash
# Runs once, when the postgres container initialises an empty data volume (docker-entrypoint-initdb.d).
# The same roles as ./loyalty's private cluster: the owner runs migrations, the app role is what the app connects as
# (never a superuser, never BYPASSRLS, or row-level security would not apply). `migrate` grants the app role its rights.
set -euo pipefail

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v owner_pw="${LOYALTY_OWNER_PASSWORD:-loyalty_owner}" \
    -v app_pw="${LOYALTY_APP_PASSWORD:-loyalty_app}" <<'SQL'
CREATE ROLE loyalty_owner LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD :'owner_pw';
CREATE ROLE loyalty_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD :'app_pw';
SQL

# CREATE DATABASE cannot run inside a multi-statement batch.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -c 'CREATE DATABASE loyalty OWNER loyalty_owner'
