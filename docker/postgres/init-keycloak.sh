#!/usr/bin/env bash
# Creates Keycloak's own database and user next to Pinnwand's on the same PostgreSQL server.
# The official postgres image runs this once, when it initialises an empty data volume; on an existing
# volume create them by hand (see docker/README.md). A shell script rather than SQL, because only the
# shell can read the password from the environment.
set -euo pipefail

: "${KEYCLOAK_DB_PASSWORD:?KEYCLOAK_DB_PASSWORD must be set}"

# psql quotes the password itself (:'name'), so any character in it is safe.
psql --no-psqlrc -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
	--set=keycloak_password="$KEYCLOAK_DB_PASSWORD" <<'SQL'
CREATE ROLE keycloak LOGIN PASSWORD :'keycloak_password';
CREATE DATABASE keycloak OWNER keycloak;
REVOKE ALL ON DATABASE keycloak FROM PUBLIC;
SQL
