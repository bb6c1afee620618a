# One image for the API, the Prefect worker and the dashboard (the command differs per service, see
# compose.yaml). Not built or run in this repository's CI (no container engine there): kept minimal and
# consistent with `make run` (scripts/run.sh).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    DO_NOT_TRACK=1 PREFECT_SERVER_ANALYTICS_ENABLED=false STREAMLIT_BROWSER_GATHER_USAGE_STATS=false \
    OMP_THREAD_LIMIT=1 UV_PROJECT_ENVIRONMENT=/app/.venv PATH=/app/.venv/bin:$PATH \
    DJANGO_SETTINGS_MODULE=django_api.config.settings OCR_DATA_DIR=/data

RUN apt-get update \
 && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-eng tesseract-ocr-osd \
      tesseract-ocr-deu tesseract-ocr-fra tesseract-ocr-nld tesseract-ocr-spa tesseract-ocr-ita \
      poppler-utils libgl1 libglib2.0-0 curl libtesseract-dev libleptonica-dev pkg-config g++ \
 && rm -rf /var/lib/apt/lists/*
COPY --from=ghcr.io/astral-sh/uv:0.5 /uv /usr/local/bin/uv

WORKDIR /app
COPY pyproject.toml uv.lock README.md ./
RUN uv sync --frozen --no-dev --no-install-project
COPY . .
RUN uv sync --frozen --no-dev && useradd --create-home --uid 1000 ocr && mkdir -p /data && chown ocr /data
USER ocr
VOLUME /data
EXPOSE 8000

# The API; compose.yaml overrides the command for the worker and the dashboard.
CMD ["sh", "-c", "python manage.py migrate --noinput && python manage.py recover_tasks && exec gunicorn -c django_api/config/gunicorn_conf.py --bind 0.0.0.0:8000 django_api.config.wsgi:application"]
