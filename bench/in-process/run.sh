#!/usr/bin/env bash
# The benchmark's command mix without HTTP, against raw appends on the same PostgreSQL (see InProcessMix.java).
# Usage, after ./mvnw -B -DskipTests package:
#   bench/in-process/run.sh jdbc:postgresql://127.0.0.1:5432/an_empty_database [user]
# Options of the mix go in JAVA_OPTS: -Dwarm-up=180 -Dseconds=30 -Drounds=3 (seconds each).
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unzip -q api/target/conventions-service.jar -d "$work/service"
# The benchmark's own classes (its mix, its raw appends), on the service's libraries.
unzip -q bench/target/conventions-bench.jar 'BOOT-INF/classes/*' -d "$work/bench"
classpath="$work/bench/BOOT-INF/classes:$work/service/BOOT-INF/classes:$work/service/BOOT-INF/lib/*"
javac -d "$work/mix" -cp "$classpath" bench/in-process/InProcessCommands.java bench/in-process/InProcessMix.java
# The JVM options and malloc arenas the benchmark gives the service.
export MALLOC_ARENA_MAX=2
java -Xms256m -Xmx256m -XX:MaxMetaspaceSize=160m -Xss512k -XX:+UseParallelGC -XX:TrimNativeHeapInterval=1000 \
    -Daxoniq.update-checker.disabled=true ${JAVA_OPTS:-} -cp "$work/mix:$classpath" \
    fr.gouv.conventions.bench.InProcessMix --server.port=0 --spring.datasource.url="$1" \
    --spring.datasource.username="${2:-postgres}" --conventions.security.generated-users=false \
    --logging.level.root=WARN
