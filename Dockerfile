# Newsflow: one image for every stage; the container's command picks it (extract, enrich, run, ingest ...).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# .git stays out of the build context (.dockerignore): pass the commit for `newsflow --version`, e.g.
#   NEWSFLOW_COMMIT=$(git rev-parse --short=12 HEAD) docker compose build
ARG NEWSFLOW_COMMIT=unknown
RUN mvn -B -q -DskipTests -Dmaven.buildNumber.skip=true -DbuildNumber=${NEWSFLOW_COMMIT} package

FROM eclipse-temurin:17-jre
# The stages need no privilege: they run as an unprivileged user with a fixed uid (Kubernetes' runAsNonRoot
# checks a numeric uid), owning nothing but their working directory.
RUN groupadd --system --gid 10001 newsflow \
    && useradd --system --uid 10001 --gid newsflow --home-dir /app --no-create-home --shell /usr/sbin/nologin newsflow
WORKDIR /app
COPY --from=build /src/app/target/newsflow.jar /app/newsflow.jar
RUN mkdir -p /app/data && chown newsflow:newsflow /app/data
USER 10001:10001
# Stages are sized for a small heap; pages over the limits are dead-lettered, not loaded.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# /metrics and /health/* when the command is given --metrics-port (compose and the manifests use 9404).
EXPOSE 9404
ENTRYPOINT ["java", "-jar", "/app/newsflow.jar"]
CMD ["--help"]
