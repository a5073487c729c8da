# syntax=docker/dockerfile:1
# DEFUS portal: a slim production image. Build: docker build -t defus .
FROM python:3.12-slim-bookworm AS build
ENV UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy UV_PYTHON_DOWNLOADS=never PIP_NO_CACHE_DIR=1
RUN pip install --no-cache-dir uv==0.13.9
WORKDIR /app
COPY pyproject.toml uv.lock .python-version ./
RUN uv sync --frozen --no-dev --no-install-project
COPY . .
# Production settings for collectstatic, so the files are hashed and compressed for whitenoise.
RUN DJANGO_SECRET_KEY=build DJANGO_ALLOWED_HOSTS=build DJANGO_SITE_URL=https://build \
    EMAIL_URL=console: \
    DATABASE_URL=postgres://build@localhost/build \
    .venv/bin/python manage.py collectstatic --no-input

FROM python:3.12-slim-bookworm AS runtime
ENV PATH="/app/.venv/bin:$PATH" PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 \
    DJANGO_MEDIA_ROOT=/data/media DJANGO_PROTECTED_MEDIA_ROOT=/data/protected
# Pango and the DejaVu fonts for WeasyPrint, which renders the Jahresbericht as PDF.
RUN apt-get update -qq \
    && apt-get install -y -qq --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 10001 defus \
    && useradd --system --uid 10001 --gid 10001 --home /app defus \
    && mkdir -p /data/media /data/protected && chown -R 10001:10001 /data
WORKDIR /app
COPY --from=build --chown=10001:10001 /app /app
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status == 200 else 1)"]
# Forwarded headers count only from the web server in front: FORWARDED_ALLOW_IPS is its address
# (compose.yaml sets it); gunicorn reads it from the environment; never a wildcard.
ENV FORWARDED_ALLOW_IPS=127.0.0.1
CMD ["gunicorn", "defus.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
