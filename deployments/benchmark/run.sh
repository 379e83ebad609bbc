#!/usr/bin/env bash
# The Campanile benchmark beside Quartz and db-scheduler: see deployments/benchmark/README.md.
# Usage: deployments/benchmark/run.sh [-Dbenchmark.<setting>=<value> ...]
# Needs Java 17+, Maven 3.8.1+ and PostgreSQL at 127.0.0.1:5432 (user postgres, trust authentication).
set -euo pipefail
cd "$(dirname "$0")/../.."

command=(mvn -B -ntp verify -pl deployments/benchmark -am -Pbenchmark
  -Dit.test=BenchmarkIT -Dfailsafe.failIfNoSpecifiedTests=false
  -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false
  "-Dbenchmark.command=deployments/benchmark/run.sh $*"
  "$@")

# one benchmark or container test at a time on a shared machine
if command -v flock > /dev/null; then
  exec flock /tmp/campanile-it.lock "${command[@]}"
fi
exec "${command[@]}"
