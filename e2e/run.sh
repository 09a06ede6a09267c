#!/usr/bin/env bash
# Browser end-to-end tests of AIMS Gate in the real Camunda webapps (see e2e/README.md).
#
#   bash e2e/run.sh [path/to/aims-gate.jar]      default: target/aims-gate-*.jar (build it first: ./mvnw package)
#
# Starts the platform from the jar (demo profile, in-memory H2, a free loopback port, a scratch working directory
# so ./data is never touched), waits for /actuator/health/readiness, runs `node --test` on e2e/tests and always
# stops what it started. When a Keycloak distribution is at hand (target/keycloak or the zip in the local Maven
# repository, both from `./mvnw verify -Pit`, or AIMS_E2E_KEYCLOAK_DIST naming an unpacked one), it also starts
# a real Keycloak with the committed realm and a second node with the keycloak profile, for the Keycloak login
# scenario; AIMS_E2E_KEYCLOAK=off skips that. Set AIMS_E2E_BASE_URL to test a platform that is already running instead.
set -euo pipefail
E2E=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$E2E/.." && pwd)
START_TIMEOUT=${AIMS_E2E_START_TIMEOUT:-300}
CHROMIUM=${AIMS_E2E_CHROMIUM:-/usr/bin/chromium}

log() { echo "[e2e] $*"; }

[ -x "$CHROMIUM" ] || { log "Chromium not found at $CHROMIUM (Debian: apt-get install chromium)"; exit 1; }
command -v node >/dev/null || { log "node not found"; exit 1; }
log "$("$CHROMIUM" --version 2>/dev/null | head -1), node $(node --version)"

cd "$E2E"
if [ ! -f node_modules/playwright-core/package.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "npm ci (playwright-core and the Sigstore verifier; no browser is downloaded)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/aims-e2e.XXXXXX")
PIDS=()
cleanup() {
  local status=$?
  for f in "$WORK"/*.pid; do
    [ -f "$f" ] && PIDS+=("$(cat "$f")")
  done
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  if [ "$status" -ne 0 ]; then
    for f in "$WORK"/*.log; do
      [ -f "$f" ] && { log "--- last lines of $(basename "$f")"; tail -n 40 "$f"; }
    done
  fi
  if [ -n "${AIMS_E2E_KEEP_LOGS:-}" ]; then
    mkdir -p "$AIMS_E2E_KEEP_LOGS" && cp "$WORK"/*.log "$AIMS_E2E_KEEP_LOGS"/ 2>/dev/null || true
  fi
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# start_node NAME PORT [ENV=VALUE ...] -- [ARGS ...]: java -jar in its own scratch directory, in the background.
start_node() {
  local name=$1 port=$2
  shift 2
  local env=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do env+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  mkdir -p "$WORK/$name"
  (cd "$WORK/$name" && exec env "${env[@]}" java -jar "$JAR" --server.port="$port" --server.address=127.0.0.1 "$@" \
    >"$WORK/$name.log" 2>&1) &
  PIDS+=($!)
  log "started $name on http://127.0.0.1:$port (pid $!)"
}

await_ready() {
  local name=$1 url=$2 pid=$3 deadline=$(( $(date +%s) + START_TIMEOUT ))
  until curl -fsS -o /dev/null "$url/actuator/health/readiness" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "$name exited before it was ready"
      return 1
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      log "$name was not ready within $START_TIMEOUT s"
      return 1
    fi
    sleep 1
  done
}

started=$(date +%s)
if [ -n "${AIMS_E2E_BASE_URL:-}" ]; then
  log "testing the running platform at $AIMS_E2E_BASE_URL"
else
  JAR=${1:-$(ls "$ROOT"/target/aims-gate-*.jar 2>/dev/null | grep -v '\.original$' | head -1 || true)}
  [ -n "$JAR" ] && [ -f "$JAR" ] || { log "no jar: build it with ./mvnw package (or pass its path)"; exit 1; }
  JAR=$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")
  DEMO_PORT=$(free_port)
  start_node demo "$DEMO_PORT" "AIMS_DB_URL=jdbc:h2:mem:aims-e2e-demo;DB_CLOSE_DELAY=-1" --
  DEMO_PID=${PIDS[-1]}
  export AIMS_E2E_BASE_URL="http://127.0.0.1:$DEMO_PORT"

  # Keycloak: a fresh copy of the distribution, the committed realm imported, a second node with the keycloak
  # profile. Started together with the demo node so the three boot at once.
  KC_VERSION=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' "$ROOT/pom.xml" | head -1)
  KC_DIST=${AIMS_E2E_KEYCLOAK_DIST:-}
  # The copy that ./mvnw verify -Pit unpacked and started is already built for start-dev (saves a minute or two).
  [ -z "$KC_DIST" ] && [ -x "$ROOT/target/keycloak/keycloak-$KC_VERSION/bin/kc.sh" ] &&
    KC_DIST="$ROOT/target/keycloak/keycloak-$KC_VERSION"
  KC_ZIP="${MAVEN_REPO:-$HOME/.m2/repository}/org/keycloak/keycloak-quarkus-dist/$KC_VERSION/keycloak-quarkus-dist-$KC_VERSION.zip"
  if [ "${AIMS_E2E_KEYCLOAK:-auto}" != "off" ] && { [ -n "$KC_DIST" ] || [ -f "$KC_ZIP" ]; }; then
    if [ -z "$KC_DIST" ]; then
      unzip -q "$KC_ZIP" -d "$WORK/kc-dist"
      KC_DIST=$(ls -d "$WORK"/kc-dist/keycloak-*)
    else
      cp -a "$KC_DIST" "$WORK/kc-dist" && KC_DIST="$WORK/kc-dist"
    fi
    rm -rf "$KC_DIST/data"
    mkdir -p "$KC_DIST/data/import"
    cp "$ROOT/keycloak/aims-gate-realm.json" "$KC_DIST/data/import/aims-gate-realm.json"
    KC_PORT=$(free_port)
    KC_URL="http://127.0.0.1:$KC_PORT"
    KC_ADMIN=e2e-kcadmin KC_ADMIN_PASSWORD=e2e-kcadmin-pw
    WEBAPP_SECRET=e2e-webapp-secret IDENTITY_SECRET=e2e-identity-secret
    (exec env KC_BOOTSTRAP_ADMIN_USERNAME=$KC_ADMIN KC_BOOTSTRAP_ADMIN_PASSWORD=$KC_ADMIN_PASSWORD \
      AIMS_WEBAPP_CLIENT_SECRET=$WEBAPP_SECRET AIMS_IDENTITY_CLIENT_SECRET=$IDENTITY_SECRET \
      AIMS_PIPELINE_CLIENT_SECRET=e2e-pipeline-secret \
      "$KC_DIST/bin/kc.sh" start-dev --http-port="$KC_PORT" --http-host=127.0.0.1 --import-realm \
      >"$WORK/keycloak.log" 2>&1) &
    PIDS+=($!)
    KC_PID=$!
    log "started Keycloak $KC_VERSION on $KC_URL (pid $KC_PID)"
    SSO_PORT=$(free_port)
    SSO_URL="http://127.0.0.1:$SSO_PORT"
    # The keycloak-profile node needs Keycloak up when it starts: prepared in the background while the demo
    # scenarios run; the Keycloak scenario waits for $WORK/sso.ready (or reports $WORK/sso.failed).
    (
      set +e
      if KC_URL=$KC_URL KC_ADMIN=$KC_ADMIN KC_ADMIN_PASSWORD=$KC_ADMIN_PASSWORD APP_URL="$SSO_URL" \
        E2E_USER=kim.keycloak E2E_PASSWORD=e2e-Kim-pw1 E2E_GROUP=security KC_WAIT_SECONDS=$(( 2 * START_TIMEOUT )) \
        node "$E2E/scripts/keycloak-setup.mjs" >"$WORK/keycloak-setup.log" 2>&1; then
        start_node sso "$SSO_PORT" "AIMS_DB_URL=jdbc:h2:mem:aims-e2e-sso;DB_CLOSE_DELAY=-1" \
          "AIMS_KEYCLOAK_URL=$KC_URL" "AIMS_WEBAPP_CLIENT_SECRET=$WEBAPP_SECRET" \
          "AIMS_IDENTITY_CLIENT_SECRET=$IDENTITY_SECRET" -- --spring.profiles.active=keycloak ${AIMS_E2E_SSO_ARGS:-}
        echo "${PIDS[-1]}" >"$WORK/sso.pid"
        if await_ready sso "$SSO_URL" "${PIDS[-1]}"; then
          log "Keycloak and the keycloak-profile node ready after $(( $(date +%s) - started )) s"
          touch "$WORK/sso.ready"
        else
          tail -n 30 "$WORK/sso.log" >"$WORK/sso.failed"
        fi
      else
        tail -n 30 "$WORK/keycloak-setup.log" "$WORK/keycloak.log" >"$WORK/sso.failed"
      fi
    ) &
    PIDS+=($!)
    export AIMS_E2E_KEYCLOAK_URL=$KC_URL AIMS_E2E_KEYCLOAK_APP_URL=$SSO_URL \
      AIMS_E2E_KEYCLOAK_USER=kim.keycloak AIMS_E2E_KEYCLOAK_PASSWORD=e2e-Kim-pw1 \
      AIMS_E2E_KEYCLOAK_GROUP_FILTER="Security reviews" AIMS_E2E_KEYCLOAK_READY_FILE="$WORK/sso.ready" \
      AIMS_E2E_KEYCLOAK_FAILED_FILE="$WORK/sso.failed"
  elif [ "${AIMS_E2E_KEYCLOAK:-auto}" != "off" ]; then
    log "no Keycloak distribution ($KC_ZIP, from ./mvnw verify -Pit): the Keycloak login scenario is skipped"
  fi

  await_ready demo "$AIMS_E2E_BASE_URL" "$DEMO_PID"
  log "demo node ready after $(( $(date +%s) - started )) s"
  # The webapps initialise on their first request: warm them up before a browser waits for them.
  for path in /camunda/app/tasklist/ /camunda/app/cockpit/ /camunda/app/admin/ /camunda/lib/deps.js \
    /camunda/app/tasklist/camunda-tasklist-bootstrap.js /camunda/api/engine/engine/; do
    curl -fsS -o /dev/null --max-time 120 "$AIMS_E2E_BASE_URL$path" || true
  done
fi

export AIMS_E2E_SCREENSHOTS=${AIMS_E2E_SCREENSHOTS:-$E2E/screenshots}
rm -rf "$AIMS_E2E_SCREENSHOTS"
log "running the browser tests against $AIMS_E2E_BASE_URL; screenshots in $AIMS_E2E_SCREENSHOTS"
set +e
# shellcheck disable=SC2086 # AIMS_E2E_TESTS may name several files or globs
node --test --test-concurrency=1 ${AIMS_E2E_TESTS:-tests/*.test.mjs}
result=$?
set -e
log "browser tests finished in $(( $(date +%s) - started )) s with exit code $result"
exit "$result"
