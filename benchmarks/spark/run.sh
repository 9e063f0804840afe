#!/usr/bin/env bash
# The Spark benchmark (issue 16): the local engine against Spark local[2] on the same sample portfolio, at the
# event counts given as arguments (default 1000000 10000000). Builds the spark module, compiles
# SparkBenchmark.java against the spark module's test class path (Spark, its Jackson, cskit, the sample) and
# runs it with Spark's JVM options. Prints a Markdown table. Usage: benchmarks/spark/run.sh [EVENTS...]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -ntp -o -pl spark -am -DskipTests -Dcskit.skipDocs=true package \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
out=$(mktemp -d)
cp="spark/target/classes:$(cat spark/target/test-classpath.txt)"
javac -d "$out" -cp "$cp" benchmarks/spark/SparkBenchmark.java
opts=$(sed -n '/<spark.jvm.options>/,/<\/spark.jvm.options>/p' spark/pom.xml | sed -e 's/<[^>]*>//g' | tr '\n' ' ')
java -Xmx8g $opts -Dlog4j2.configurationFile=spark/src/test/resources/log4j2-test.properties \
  -cp "$out:$cp" SparkBenchmark "$@"
rm -rf "$out"
