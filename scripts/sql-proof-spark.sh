#!/usr/bin/env bash
# The sql proof on Apache Spark in local mode (PyPI pyspark; needs Java 17). Slow (a JVM per
# case, a minute or more each), so it is not part of .ci/run; run it before changing recon.sql.
#
#   scripts/sql-proof-spark.sh
set -uo pipefail
cd "$(dirname "$0")/.."
command -v java >/dev/null || { echo "FAIL java not found (Spark needs Java 17)"; echo "0 passed, 1 failed"; exit 1; }
exec scripts/sql-proof.sh spark
