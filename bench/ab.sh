#!/usr/bin/env bash
# A/B comparison of two builds of the portal in ONE time window, on the same data, the same Elasticsearch and
# the same PostgreSQL, so that the load of a shared machine hits both alike (bench/run.sh measures one build).
#
#   bench/ab.sh OLD.jar NEW.jar [N] [SECONDS] [ROUNDS]
#
# NEW starts with its embedded PostgreSQL, Elasticsearch and sign-in provider, N listings (default 100000) are
# loaded and indexed through NEW's rebuild; OLD starts against the same services (pinnwand.search.uris,
# spring.r2dbc.url, pinnwand.accounts.issuer-uri). The two must share the index definition (search-mappings/
# listings.json unchanged), or OLD rebuilds the index. Then ROUNDS times (default 3), each measurement SECONDS
# (default 10) after a 3 s warm-up, with wrk at 8 connections: search API old, new, raw Elasticsearch; search
# page old, new; matching old, new. Prints one line per measurement: "round what requests p50_us p99_us non2xx
# socket". Bounded (killed after 30 min), loopback only, stops both apps and deletes its data folder.
set -euo pipefail
OLD_JAR=$1; NEW_JAR=$2; N=${3:-100000}; DURATION=${4:-10}; ROUNDS=${5:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd); BENCH="$ROOT/bench"
WORK=$(mktemp -d /tmp/pinnwand-ab.XXXXXX); chmod 755 "$WORK"
NEW_PID=""; OLD_PID=""; WATCHDOG_PID=""
log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
stop() { local pid=$1; [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0; kill -TERM "$pid"
	for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done; kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"; wait "$pid" 2>/dev/null || true; }
cleanup() { set +e; stop "$OLD_PID"; stop "$NEW_PID"
	[[ -n "$WATCHDOG_PID" ]] && kill $(pgrep -P "$WATCHDOG_PID") "$WATCHDOG_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT; trap 'exit 130' INT TERM
( sleep 1800 && log "time limit reached" && kill -TERM $$ ) & WATCHDOG_PID=$!
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
ready() { curl -fsS "$1/actuator/health" 2>/dev/null | python3 -c 'import json,sys; h=json.load(sys.stdin); sys.exit(0 if h["status"]=="UP" and h["components"]["elasticsearch"]["details"].get("indexReady") else 1)' 2>/dev/null; }
wait_ready() { local deadline=$((SECONDS + 400)); until ready "$1"; do kill -0 "$2" 2>/dev/null || { tail -40 "$3"; exit 1; }
	((SECONDS < deadline)) || { tail -40 "$3"; exit 1; }; sleep 1; done; }

NEW_PORT=$(free_port); SIGNIN_PORT=$(free_port); PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
java -jar "$NEW_JAR" --server.port="$NEW_PORT" --pinnwand.data-dir="$WORK/data" --pinnwand.embedded.cache-dir="$WORK/cache" \
	--pinnwand.embedded.sign-in.port="$SIGNIN_PORT" --pinnwand.embedded.sign-in.password="$PASSWORD" \
	--pinnwand.rate-limits.enabled=false > "$WORK/new.log" 2>&1 &
NEW_PID=$!
wait_ready "http://127.0.0.1:$NEW_PORT" "$NEW_PID" "$WORK/new.log"
PG_PORT=$(grep -o 'Embedded PostgreSQL ready on port [0-9]*' "$WORK/new.log" | grep -o '[0-9]*$' | head -1)
ES=$(grep -o 'Embedded Elasticsearch ready at http://127.0.0.1:[0-9]*' "$WORK/new.log" | grep -o 'http://.*' | head -1)
log "new build ready on $NEW_PORT; PostgreSQL $PG_PORT, Elasticsearch $ES"
TOKEN=$(curl -fsS -d grant_type=password -d client_id=pinnwand -d scope=openid -d username=bench \
	--data-urlencode password="$PASSWORD" "http://127.0.0.1:$SIGNIN_PORT/pinnwand/token" \
	| python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
curl -fsS -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$NEW_PORT/api/v1/me" > /dev/null
psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d pinnwand -c "insert into account_role (account_id, role, source, granted_at)
	select id, 'ADMIN', 'PORTAL', now() from account where subject = 'bench' on conflict do nothing" >&2
timeout 900 python3 "$BENCH/generate_listings.py" "$N" 42 "$ROOT/src/main/resources/places/zipcodes.de.csv" "$WORK"
timeout 900 psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d pinnwand -c "\copy listing(id, kind,
	status, title, description, topics, languages, text_language, postcode, place_name, district, latitude, longitude,
	reach_km, submission_key_hash, time_frame, capacity, created_at, updated_at, expires_at, version)
	from '$WORK/listings.csv' csv" >&2
log "rebuild: $(curl -fsS --max-time 900 -X POST -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$NEW_PORT/actuator/searchindex")"

OLD_PORT=$(free_port)
java -jar "$OLD_JAR" --server.port="$OLD_PORT" --pinnwand.data-dir="$WORK/data-old" \
	--pinnwand.search.uris="$ES" --spring.r2dbc.url="r2dbc:postgresql://127.0.0.1:$PG_PORT/pinnwand" \
	--spring.r2dbc.username=postgres --spring.r2dbc.password= \
	--spring.flyway.url="jdbc:postgresql://127.0.0.1:$PG_PORT/pinnwand" --spring.flyway.user=postgres --spring.flyway.password= \
	--pinnwand.accounts.issuer-uri="http://127.0.0.1:$SIGNIN_PORT/pinnwand" \
	--pinnwand.rate-limits.enabled=false > "$WORK/old.log" 2>&1 &
OLD_PID=$!
wait_ready "http://127.0.0.1:$OLD_PORT" "$OLD_PID" "$WORK/old.log"
log "old build ready on $OLD_PORT"
psql -tA -h 127.0.0.1 -p "$PG_PORT" -U postgres -d pinnwand -c "select id from listing order by random() limit 200" > "$WORK/match-ids.txt"
run_wrk() {
	BENCH_MODE=$1 BENCH_WORDS=$3 timeout 60 wrk -t2 -c8 -d3s -s "$BENCH/wrk-load.lua" "$2" > /dev/null
	BENCH_MODE=$1 BENCH_WORDS=$3 timeout $((DURATION + 60)) wrk -t2 -c8 -d"${DURATION}s" -s "$BENCH/wrk-load.lua" "$2" \
		| grep '^RESULT' | cut -d' ' -f2-
}
for round in $(seq 1 "$ROUNDS"); do
	echo "$round api-old $(run_wrk portal "http://127.0.0.1:$OLD_PORT" "$WORK/words.txt")"
	echo "$round api-new $(run_wrk portal "http://127.0.0.1:$NEW_PORT" "$WORK/words.txt")"
	echo "$round raw $(run_wrk es "$ES" "$WORK/words.txt")"
	echo "$round page-old $(run_wrk html "http://127.0.0.1:$OLD_PORT" "$WORK/words.txt")"
	echo "$round page-new $(run_wrk html "http://127.0.0.1:$NEW_PORT" "$WORK/words.txt")"
	echo "$round matches-old $(run_wrk matches "http://127.0.0.1:$OLD_PORT" "$WORK/match-ids.txt")"
	echo "$round matches-new $(run_wrk matches "http://127.0.0.1:$NEW_PORT" "$WORK/match-ids.txt")"
done
