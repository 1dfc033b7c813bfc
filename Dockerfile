# syntax=docker/dockerfile:1
# Build stage: the Swift 6.3 toolchain with the SQLite headers the CSQLite module needs.
FROM swift:6.3-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends libsqlite3-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Resolve dependencies in their own layer so that source edits do not refetch them.
COPY Package.swift ./
RUN swift package resolve
COPY . .
RUN swift build -c release --product trafficspec --static-swift-stdlib \
 && install -D .build/release/trafficspec /out/trafficspec

# Runtime stage: only the binary and the shared libraries it links (SQLite, the C runtime).
# Migrations and openapi.yaml are compiled into the binary.
FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends libsqlite3-0 ca-certificates curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /var/lib/trafficspec --create-home trafficspec
COPY --from=build /out/trafficspec /usr/local/bin/trafficspec
USER trafficspec
WORKDIR /var/lib/trafficspec
ENV TRAFFICSPEC_DB=/var/lib/trafficspec/data/trafficspec.db
VOLUME ["/var/lib/trafficspec/data"]
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/healthz || exit 1
# SIGTERM starts a graceful drain; give it longer than the server's 10 s grace period.
STOPSIGNAL SIGTERM
ENTRYPOINT ["trafficspec"]
CMD ["serve", "--listen", "0.0.0.0:8080"]
