# The service as an image, for docker-compose.yml. Builds with the Maven wrapper, runs on a JRE.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/api/target/conventions-service.jar /app/conventions-service.jar
EXPOSE 8080
# The memory budget measured in BENCHMARKS.md#memory: under 512 MiB resident.
ENV MALLOC_ARENA_MAX=2
ENTRYPOINT ["java", "-Xms256m", "-Xmx256m", "-XX:MaxMetaspaceSize=160m", "-Xss512k", "-XX:+UseParallelGC", \
            "-XX:TrimNativeHeapInterval=1000", \
            "-Daxoniq.update-checker.disabled=true", "-jar", "/app/conventions-service.jar"]
