#!/bin/sh
# Run by the postgres image once, when it initialises an empty data volume (/docker-entrypoint-initdb.d): creates
# each backend service's role, with its password from the environment, and the one schema that role owns. The roles
# are those of cn.gov.planwatch.contracts.database.ServiceDatabaseRole, which ./run.sh and the tests provision alike.
# The services' migrations run as their own role; the superuser does nothing else.
set -eu

: "${INDICATOR_DB_PASSWORD:?set INDICATOR_DB_PASSWORD}"
: "${PROGRAMME_DB_PASSWORD:?set PROGRAMME_DB_PASSWORD}"
: "${REPORTING_DB_PASSWORD:?set REPORTING_DB_PASSWORD}"

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v db="$POSTGRES_DB" \
  -v indicator_password="$INDICATOR_DB_PASSWORD" \
  -v programme_password="$PROGRAMME_DB_PASSWORD" \
  -v reporting_password="$REPORTING_DB_PASSWORD" <<'SQL'
create role indicator_service login nosuperuser nocreatedb nocreaterole noreplication nobypassrls noinherit
  password :'indicator_password';
create role programme_service login nosuperuser nocreatedb nocreaterole noreplication nobypassrls noinherit
  password :'programme_password';
create role reporting_service login nosuperuser nocreatedb nocreaterole noreplication nobypassrls noinherit
  password :'reporting_password';

create schema indicator authorization indicator_service;
create schema programme authorization programme_service;
create schema reporting authorization reporting_service;

-- Nobody but these roles (and the superuser) may connect, and nobody may create objects in the public schema.
revoke all on database :"db" from public;
revoke create on schema public from public;
grant connect on database :"db" to indicator_service, programme_service, reporting_service;
-- indicator-service rebuilds its read model into a fresh schema beside its own and swaps it in.
grant create on database :"db" to indicator_service;
SQL
