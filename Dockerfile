# syntax=docker/dockerfile:1
# The bot as a container image (README "Deployment"). Two stages: `build` installs the locked runtime dependencies
# and the project (not editable) into /opt/venv; the final image is that venv on a clean slim Python, run as an
# unprivileged user, with the catalog and state databases on the /data volume.
#   docker build -t llm-buyer-bot .
#   docker run --init --env-file .env -v llm-buyer-bot-data:/data llm-buyer-bot
ARG PYTHON_IMAGE=python:3.11-slim-bookworm

FROM ${PYTHON_IMAGE} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_ROOT_USER_ACTION=ignore
RUN python -m venv /opt/venv
WORKDIR /src
# Dependencies first, from the lock only (pinned, hash-checked, no dev tools): this layer is cached until the
# lock changes.
COPY requirements.lock ./
RUN /opt/venv/bin/pip install --require-hashes --no-deps -r requirements.lock
# Then the project itself: only what runs (the two packages, with their shipped data and migrations) and what its
# metadata needs (pyproject.toml, README.md, LICENSE; catalog/data/NOTICES.md travels inside the package).
COPY pyproject.toml README.md LICENSE ./
COPY catalog ./catalog
COPY bot ./bot
RUN /opt/venv/bin/pip install --no-deps . \
    && /opt/venv/bin/pip check

FROM ${PYTHON_IMAGE} AS runtime
LABEL org.opencontainers.image.title="llm-buyer-bot" \
      org.opencontainers.image.description="A Discord bot that helps a team compare, cost and shortlist LLMs." \
      org.opencontainers.image.licenses="MIT"
RUN groupadd --system --gid 10001 bot \
    && useradd --system --uid 10001 --gid bot --home-dir /home/bot --create-home --shell /usr/sbin/nologin bot \
    && install -d -o bot -g bot -m 0750 /data
COPY --from=build /opt/venv /opt/venv
# Settings (see .env.example) that differ in the container: both databases on the volume, health on port 8080.
# Matplotlib keeps its font cache out of the read-only image.
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    MPLCONFIGDIR=/tmp/matplotlib \
    XDG_DATA_HOME=/data \
    LLM_CATALOG_DB=/data/catalog.sqlite3 \
    BOT_STATE_DB=/data/bot-state.sqlite3 \
    HEALTH_PORT=8080 \
    HEALTH_HOST=0.0.0.0
WORKDIR /home/bot
USER 10001:10001
VOLUME ["/data"]
EXPOSE 8080
# The bot closes the gateway and its databases on SIGTERM; run it with an init (`docker run --init`, compose
# `init: true`) so the signal reaches it and zombies are reaped.
STOPSIGNAL SIGTERM
# Ready = gateway connected, catalog loaded, database reachable (GET /readyz on HEALTH_PORT; slim has no curl).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ['HEALTH_PORT'] + '/readyz', timeout=4)"]
# The same command as the README's Quick start (scripts/run.sh runs it from .venv); `run` = the Discord bot,
# which fails clearly when DISCORD_TOKEN is unset instead of waiting on a console nobody can type into.
ENTRYPOINT ["llm-buyer-bot"]
CMD ["run"]
