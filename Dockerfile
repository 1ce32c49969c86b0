# Newsflow: one image for every stage; the container's command picks it (extract, enrich, run, ingest ...).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/app/target/newsflow.jar /app/newsflow.jar
# Stages are sized for a small heap; pages over the limits are dead-lettered, not loaded.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/newsflow.jar"]
CMD ["--help"]
