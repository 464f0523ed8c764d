# One image per service: docker build --build-arg MODULE=ingest .
FROM maven:3.9-eclipse-temurin-17 AS build
ARG MODULE
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -DskipTests package -pl ${MODULE} -am

FROM eclipse-temurin:17-jre
ARG MODULE
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --user-group --uid 10001 sluice && mkdir -p /var/lib/sluice && chown sluice /var/lib/sluice
COPY --from=build /src/${MODULE}/target/*-exec.jar /app/app.jar
USER sluice
ENV SLUICE_STATE_DIR=/var/lib/sluice
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
