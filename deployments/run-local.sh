#!/usr/bin/env bash
# Runs Campanile on this machine: builds the project, starts one scheduler server and the demo
# application (each in its own Payara Micro), registers the app "demo" with a job that says hello
# every five seconds, and shows the job's latest runs until you press Ctrl-C.
#
# Needs Java 17+, Maven 3.8+ and curl; Payara Micro is fetched from Maven Central into ~/.m2.
# Environment (all optional):
#   CAMPANILE_SERVER_PORT    HTTP port of the scheduler server (8080)
#   CAMPANILE_DEMO_PORT      HTTP port of the demo application (8081)
#   CAMPANILE_ADMIN_TOKEN    admin token the server expects (campanile-dev-admin-token)
#   CAMPANILE_CLUSTER_TOKEN  token between servers (campanile-dev-cluster-token)
#   CAMPANILE_BIND_ADDRESS   address both HTTP listeners bind (127.0.0.1: this machine only). To open them up,
#                            set it (0.0.0.0 for all interfaces) AND set your own tokens: the defaults are public.
#   SKIP_BUILD=1             use the WARs already built
#   STARTUP_SECONDS          how long to wait for each Payara Micro to answer (240)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUN="$ROOT/run"
SERVER_PORT=${CAMPANILE_SERVER_PORT:-8080}
DEMO_PORT=${CAMPANILE_DEMO_PORT:-8081}
ADMIN_TOKEN=${CAMPANILE_ADMIN_TOKEN:-campanile-dev-admin-token}
BIND_ADDRESS=${CAMPANILE_BIND_ADDRESS:-127.0.0.1}
STARTUP_SECONDS=${STARTUP_SECONDS:-240}
BASE="http://127.0.0.1:$SERVER_PORT/campanile"
APP=demo
APP_SECRET=demo-secret-change-me
JOB=hello-every-5s
SERVER_WAR="$ROOT/scheduler-war/target/campanile.war"
DEMO_WAR="$ROOT/deployments/demo-app/target/campanile-demo.war"

SERVER_PID=""
DEMO_PID=""

log() { printf '\n==> %s\n' "$*"; }
die() { printf 'run-local: %s\n' "$*" >&2; exit 1; }

stop_all() {
    trap - EXIT INT TERM
    local pid
    for pid in $DEMO_PID $SERVER_PID; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in $DEMO_PID $SERVER_PID; do
        # Payara Micro needs a few seconds to stop; kill it if it takes much longer
        for _ in $(seq 1 100); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$pid" 2>/dev/null || true
    done
    if [ -n "$SERVER_PID$DEMO_PID" ]; then
        printf '\nStopped. Logs are in %s\n' "$LOGS"
    fi
}
trap stop_all EXIT
trap 'exit 130' INT TERM

port_in_use() { curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$1/"; }

# admin_call METHOD PATH [JSON]: prints the body, then the HTTP status on a line of its own
admin_call() {
    local data=()
    [ $# -ge 3 ] && data=(-H 'Content-Type: application/json' --data "$3")
    curl -s --max-time 10 -X "$1" -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Accept: application/json' \
        ${data[@]+"${data[@]}"} -w '\n%{http_code}' "$BASE$2"
}

# create PATH JSON WHAT: POST, accepting 201 (created) and 409 (exists from an earlier run)
create() {
    local answer status
    answer=$(admin_call POST "$1" "$2") || die "cannot reach $BASE$1"
    status=${answer##*$'\n'}
    case "$status" in
        201) echo "created $3" ;;
        409) echo "$3 exists already" ;;
        *) die "creating $3 answered $status: ${answer%$'\n'*}" ;;
    esac
}

# wait_for_url URL PID LOG NAME
wait_for_url() {
    local deadline=$((SECONDS + STARTUP_SECONDS))
    until curl -fs -o /dev/null --max-time 2 "$1"; do
        kill -0 "$2" 2>/dev/null || { tail -n 40 "$3" >&2; die "$4 exited during start-up (log: $3)"; }
        [ "$SECONDS" -lt "$deadline" ] || die "$4 did not answer $1 within ${STARTUP_SECONDS}s (log: $3)"
        sleep 1
    done
}

# wait_for_log LOG PATTERN PID NAME
wait_for_log() {
    local deadline=$((SECONDS + STARTUP_SECONDS))
    until grep -q "$2" "$1" 2>/dev/null; do
        kill -0 "$3" 2>/dev/null || { tail -n 40 "$1" >&2; die "$4 exited during start-up (log: $1)"; }
        [ "$SECONDS" -lt "$deadline" ] || die "$4 did not start within ${STARTUP_SECONDS}s (log: $1)"
        sleep 1
    done
}

# plain_text: copies its input without ANSI colour codes, line by line
plain_text() { sed -u 's/\x1b\[[0-9;]*m//g'; }

# one_object_per_line: splits a JSON array of flat objects (no nested objects) into lines
one_object_per_line() { tr '{' '\n'; }

# json_field NAME: the value of a scalar field in a line holding one flat JSON object
json_field() {
    sed -n "s/^\(.*[,[:space:]]\)\{0,1\}\"$1\"[[:space:]]*:[[:space:]]*\"\{0,1\}\([^\",}]*\).*/\2/p"
}

show_instances() {
    local answer
    answer=$(curl -fs --max-time 5 -H "Authorization: Bearer $ADMIN_TOKEN" \
        "$BASE/api/admin/apps/$APP/jobs/$1/instances?limit=4") || { echo "  (server did not answer)"; return; }
    printf '%s\n' "$answer" | one_object_per_line | while IFS= read -r instance; do
        [ -n "$(printf '%s' "$instance" | json_field id)" ] || continue
        printf '  fire %-24s %-10s attempt %s  worker %s\n' \
            "$(printf '%s' "$instance" | json_field fireTime)" "$(printf '%s' "$instance" | json_field state)" \
            "$(printf '%s' "$instance" | json_field attempt)" "$(printf '%s' "$instance" | json_field workerId)"
    done
}

cd "$ROOT"
mkdir -p "$RUN/h2"
# each run logs into a folder of its own (run/logs/latest points to it), as plain text: Payara Micro colours its
# console with ANSI codes, which plain_text strips
LOGS="$RUN/logs/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$LOGS"
ln -sfn "$LOGS" "$RUN/logs/latest"
PREBOOT="$LOGS/preboot.txt"
if [ "$BIND_ADDRESS" = 127.0.0.1 ]; then
    cp "$ROOT/deployments/payara/bind-loopback.preboot" "$PREBOOT"
else
    sed "s/127\.0\.0\.1/$BIND_ADDRESS/" "$ROOT/deployments/payara/bind-loopback.preboot" >"$PREBOOT"
    [ "$ADMIN_TOKEN" != campanile-dev-admin-token ] \
        || echo "WARNING: listening on $BIND_ADDRESS with the public development admin token" >&2
fi
for port in "$SERVER_PORT" "$DEMO_PORT"; do
    if port_in_use "$port"; then
        die "port $port is in use; stop what runs there or set CAMPANILE_SERVER_PORT / CAMPANILE_DEMO_PORT"
    fi
done

if [ "${SKIP_BUILD:-0}" != 1 ]; then
    log "Building Campanile (mvn install, tests skipped)"
    # the server, the worker and the demo app only: the cluster tests' WildFly and Payara downloads are not needed
    mvn -B -q -DskipTests install -pl scheduler-war,deployments/demo-app -am
fi
[ -f "$SERVER_WAR" ] || die "missing $SERVER_WAR: build first"
[ -f "$DEMO_WAR" ] || die "missing $DEMO_WAR: build first"

PAYARA_VERSION=$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' "$ROOT/pom.xml")
[ -n "$PAYARA_VERSION" ] || die "cannot read payara.version from $ROOT/pom.xml"
log "Fetching Payara Micro $PAYARA_VERSION (once, from Maven Central)"
mvn -B -q -N org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="fish.payara.extras:payara-micro:$PAYARA_VERSION" -DoutputDirectory="$RUN" -Dmdep.overWriteIfNewer=true
PAYARA_JAR="$RUN/payara-micro-$PAYARA_VERSION.jar"
[ -f "$PAYARA_JAR" ] || die "Payara Micro was not copied to $PAYARA_JAR"

log "Starting the scheduler server on $BIND_ADDRESS:$SERVER_PORT (log: $LOGS/server.log)"
echo "Its database is the H2 file run/h2/campanile: apps and jobs survive a restart; delete run/h2 to start afresh."
java -Dcampanile.server.url="$BASE" \
    -Dcampanile.db.url="jdbc:h2:file:$RUN/h2/campanile" \
    -jar "$PAYARA_JAR" --nocluster --port "$SERVER_PORT" --prebootcommandfile "$PREBOOT" \
    --deploy "$SERVER_WAR" > >(plain_text >"$LOGS/server.log") 2>&1 &
SERVER_PID=$!
wait_for_url "$BASE/api/health" "$SERVER_PID" "$LOGS/server.log" "the scheduler server"
echo "server is up: $(curl -fs "$BASE/api/health")"

log "Registering app $APP and job $JOB"
create /api/admin/apps "{\"name\":\"$APP\",\"secret\":\"$APP_SECRET\"}" "app $APP"
create "/api/admin/apps/$APP/jobs" \
    "{\"name\":\"$JOB\",\"processor\":\"hello\",\"scheduleType\":\"CRON\",\"cron\":\"*/5 * * * * *\",\"enabled\":true}" \
    "job $JOB"
JOB_ID=$(admin_call GET "/api/admin/apps/$APP/jobs" | one_object_per_line | grep "\"name\":[[:space:]]*\"$JOB\"" \
    | json_field id)
[ -n "$JOB_ID" ] || die "cannot find the id of job $JOB"

log "Starting the demo application on $BIND_ADDRESS:$DEMO_PORT (log: $LOGS/demo.log)"
java -Dcampanile.servers="$BASE" -Ddemo.audit.file="$LOGS/demo-audit.log" \
    -jar "$PAYARA_JAR" --nocluster --port "$DEMO_PORT" --prebootcommandfile "$PREBOOT" \
    --deploy "$DEMO_WAR" > >(plain_text >"$LOGS/demo.log") 2>&1 &
DEMO_PID=$!
wait_for_log "$LOGS/demo.log" "Campanile worker.*started" "$DEMO_PID" "the demo application"
grep -o "Campanile worker.*started.*" "$LOGS/demo.log" | head -n 1 | cut -c1-200

cat <<EOF

Campanile is running.
  server health:   $BASE/api/health
  cluster view:    curl -H 'Authorization: Bearer $ADMIN_TOKEN' $BASE/api/admin/cluster
  jobs of $APP:     curl -H 'Authorization: Bearer $ADMIN_TOKEN' $BASE/api/admin/apps/$APP/jobs
  job instances:   curl -H 'Authorization: Bearer $ADMIN_TOKEN' '$BASE/api/admin/apps/$APP/jobs/$JOB_ID/instances?limit=10'
  logs:            $LOGS/server.log, $LOGS/demo.log (run/logs/latest)
  database:        run/h2 (H2 file; delete it to start afresh)
Press Ctrl-C to stop both.
EOF

while true; do
    sleep 5
    kill -0 "$SERVER_PID" 2>/dev/null || die "the scheduler server stopped (log: $LOGS/server.log)"
    kill -0 "$DEMO_PID" 2>/dev/null || die "the demo application stopped (log: $LOGS/demo.log)"
    printf '\n%s  latest runs of %s:\n' "$(date +%T)" "$JOB"
    show_instances "$JOB_ID"
done
