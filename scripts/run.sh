#!/usr/bin/env bash
# Start the whole system on its embedded defaults (called by `make run` after set-up):
# Prefect server (UI http://127.0.0.1:4200) + a process worker with the deployments of prefect.yaml,
# the REST API (gunicorn, http://127.0.0.1:8000, SQLite + local files under var/), a demo user and project
# with the sample documents processed, and the Streamlit dashboard (http://127.0.0.1:8501).
# Ctrl-C stops everything this script started. Ports: OCR_API_PORT (8000), OCR_PREFECT_PORT (4200),
# OCR_DASHBOARD_PORT (8501), to run beside another installation; a port in use is refused at start.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
VENV=$ROOT/.venv/bin
mkdir -p var/log var/prefect

export DO_NOT_TRACK=1 PREFECT_SERVER_ANALYTICS_ENABLED=false STREAMLIT_BROWSER_GATHER_USAGE_STATS=false
export OMP_THREAD_LIMIT=1
export PREFECT_HOME=${PREFECT_HOME:-$ROOT/var/prefect}
API_PORT=${OCR_API_PORT:-8000}
PREFECT_PORT=${OCR_PREFECT_PORT:-4200}
DASHBOARD_PORT=${OCR_DASHBOARD_PORT:-8501}
for port in "$API_PORT" "$PREFECT_PORT" "$DASHBOARD_PORT"; do
  if ! "$VENV/python" -c 'import socket, sys; socket.create_server(("127.0.0.1", int(sys.argv[1]))).close()' "$port" 2>/dev/null; then
    echo "[run] port $port on 127.0.0.1 is in use (another make run?): stop it, or choose free ports with" \
      "OCR_API_PORT, OCR_PREFECT_PORT, OCR_DASHBOARD_PORT (now $API_PORT, $PREFECT_PORT, $DASHBOARD_PORT)" >&2
    exit 1
  fi
done
export PREFECT_API_URL=${PREFECT_API_URL:-http://127.0.0.1:$PREFECT_PORT/api}
export PREFECT_UI_URL=${PREFECT_UI_URL:-http://127.0.0.1:$PREFECT_PORT}
export PREFECT_WORKER_QUERY_SECONDS=${PREFECT_WORKER_QUERY_SECONDS:-2}
export PREFECT_LOGGING_LEVEL=${PREFECT_LOGGING_LEVEL:-INFO}
export OCR_DATA_DIR=${OCR_DATA_DIR:-$ROOT/var}
export OCR_PIPELINE_MODE=${OCR_PIPELINE_MODE:-embedded}
export OCR_PIPELINE_PORT=${OCR_PIPELINE_PORT:-django_api.orchestration.django_port:build_port}
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-django_api.config.settings}
export OCR_API_URL=${OCR_API_URL:-http://127.0.0.1:$API_PORT}
export OCR_CORPUS_DIR=${OCR_CORPUS_DIR:-$ROOT/../shared/corpus}
# a per-installation secret key, generated once and kept out of the repository
if [ -z "${DJANGO_SECRET_KEY:-}" ]; then
  [ -s var/secret_key ] || (umask 077; "$VENV/python" -c 'import secrets; print(secrets.token_urlsafe(50))' > var/secret_key)
  chmod 600 var/secret_key  # readable by its owner only (also when an older run wrote it 0644)
  DJANGO_SECRET_KEY=$(cat var/secret_key); export DJANGO_SECRET_KEY
fi
DEMO_PASSWORD=${OCR_DEMO_PASSWORD:-}
if [ -z "$DEMO_PASSWORD" ]; then
  [ -s var/demo_password ] || (umask 077; "$VENV/python" -c 'import secrets; print(secrets.token_urlsafe(12))' > var/demo_password)
  chmod 600 var/demo_password
  DEMO_PASSWORD=$(cat var/demo_password)
fi
export OCR_DEMO_PASSWORD=$DEMO_PASSWORD

pids=()
cleanup() {
  echo; echo "[run] stopping..."
  for pid in "${pids[@]}"; do kill -INT "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 30); do  # the Prefect stack stops its worker and server itself (up to ~20 s)
    alive=0; for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break; sleep 1
  done
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

wait_http() { # url seconds name pid log: gives up at once when the process has stopped (a bad setting)
  for _ in $(seq 1 "$2"); do
    if curl -fsS -o /dev/null "$1" 2>/dev/null; then return 0; fi
    if ! kill -0 "$4" 2>/dev/null; then
      echo "[run] $3 stopped before answering at $1; the end of $5:" >&2; tail -n 5 "$5" >&2; exit 1
    fi
    sleep 1
  done
  echo "[run] $3 did not come up at $1; see $5" >&2; exit 1
}

echo "[run] Prefect server on 127.0.0.1:$PREFECT_PORT, work pool 'process', deployments of prefect.yaml, worker"
"$VENV/python" -m flows.serve --port "$PREFECT_PORT" --pool process --poll-seconds "$PREFECT_WORKER_QUERY_SECONDS" \
  --log-dir var/log >var/log/prefect-stack.log 2>&1 & pids+=($!)
wait_http "$PREFECT_API_URL/health" 120 "Prefect server" "$!" var/log/prefect-stack.log

echo "[run] database migrations and demo data"
"$VENV/python" manage.py migrate --noinput >var/log/migrate.log
"$VENV/python" manage.py seed_demo --password "$DEMO_PASSWORD"

echo "[run] API on 127.0.0.1:$API_PORT"
# two malloc arenas: the worker's threads otherwise keep freed pages in arenas of their own (bench/api_memory.py)
MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} "$VENV/gunicorn" -c django_api/config/gunicorn_conf.py django_api.config.wsgi:application --bind "127.0.0.1:$API_PORT" --workers 1 --threads 8 \
  --timeout 300 >var/log/api.log 2>&1 & pids+=($!)
wait_http "http://127.0.0.1:$API_PORT/api/docs/" 60 "API" "$!" var/log/api.log

echo "[run] dashboard on 127.0.0.1:$DASHBOARD_PORT"
OCR_DASHBOARD_USER=demo OCR_DASHBOARD_PASSWORD=$DEMO_PASSWORD OCR_DASHBOARD_AUTO_SIGN_IN=1 \
  "$VENV/streamlit" run dashboard/app.py --server.address 127.0.0.1 --server.port "$DASHBOARD_PORT" --server.headless true \
  --client.toolbarMode viewer \
  >var/log/dashboard.log 2>&1 & pids+=($!)
wait_http "http://127.0.0.1:$DASHBOARD_PORT/_stcore/health" 60 "dashboard" "$!" var/log/dashboard.log

cat <<MSG

  Dashboard   http://127.0.0.1:$DASHBOARD_PORT   (user: demo  password: $DEMO_PASSWORD)
  REST API    http://127.0.0.1:$API_PORT/api/   (Swagger UI: /api/docs/)
  Prefect UI  http://127.0.0.1:$PREFECT_PORT
  Logs        var/log/

  Ctrl-C stops everything.
MSG
wait
