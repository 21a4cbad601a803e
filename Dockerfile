# The same process as the Procfile's worker, for hosts other than Heroku.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app

COPY requirements.txt ./
RUN pip install --no-cache-dir -r requirements.txt

COPY bot ./bot
COPY handlers ./handlers
COPY config ./config
COPY seeds ./seeds

RUN useradd --create-home --uid 10001 briefing && mkdir -p /app/var && chown briefing /app/var
USER briefing
VOLUME ["/app/var"]

# Migrations first (a no-op when current), then Slack/Discord/scheduler in one loop.
CMD ["sh", "-c", "python -m bot db upgrade && exec python -m bot run"]
