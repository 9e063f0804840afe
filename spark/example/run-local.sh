#!/usr/bin/env bash
# The ScoreParquet example in local mode on the sample portfolio, without a spark-submit binary: Spark's jars
# come from Maven (the spark module's test class path), the JVM gets Spark's own module options.
# Usage: spark/example/run-local.sh [DIR] [ACCOUNTS]   (default: a new temporary directory, 2000 accounts)
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=${1:-$(mktemp -d)}
./mvnw -q -B -ntp -pl spark -am -DskipTests -Dcskit.skipDocs=true package \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
cp="spark/target/classes:$(cat spark/target/test-classpath.txt)"
opts=$(sed -n '/<spark.jvm.options>/,/<\/spark.jvm.options>/p' spark/pom.xml | sed -e 's/<[^>]*>//g' | tr '\n' ' ')
log=-Dlog4j2.configurationFile=spark/src/test/resources/log4j2-test.properties
classes=$(mktemp -d)
javac -d "$classes" -cp "$cp" spark/example/SampleParquet.java
# 1. the sample as Parquet: $dir/events, $dir/accounts, $dir/crm
java $opts $log -cp "$classes:$cp" SampleParquet "$dir" "${2:-2000}"
# 2. what spark-submit would run: aggregate, join the CRM metrics, score with the by-stage set, write Parquet
java $opts $log -cp "$cp" dev.cskit.spark.example.ScoreParquet --master 'local[2]' \
  --events "$dir/events" --accounts "$dir/accounts" --metrics "$dir/crm" \
  --card by-stage --as-of 2026-06-30 --out "$dir/scores" --snapshots "$dir/snapshots"
rm -rf "$classes"
echo "scores in $dir/scores, snapshots in $dir/snapshots"
