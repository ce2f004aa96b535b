#!/usr/bin/env bash
# Worker: claims jobs (fold, condition) from jobs.txt in order (mkdir as an atomic claim) and runs each in its own JVM.
# Start two workers:  nohup ./run.sh A > out/worker-A.log 2>&1 &   nohup ./run.sh B > out/worker-B.log 2>&1 &
# `touch out/STOP` makes the workers finish their current job and claim no more.
# CLASSES: a private copy of classifier-service/target/classes (a concurrent build rewrites target/classes).
set -u
cd "$(dirname "$0")"
CLASSES=${CLASSES:-/tmp/rq/snapshot-classes}
CP=/tmp/rq/classes:$CLASSES:$(cat /tmp/rq-cp.txt)
OUT=out
mkdir -p $OUT/claims
while read -r fold cond; do
  [ -z "$fold" ] && continue
  [ -e $OUT/STOP ] && break
  mkdir $OUT/claims/f$fold-$cond 2>/dev/null || continue
  echo "$(date -u +%H:%M:%S) worker $1 start f$fold $cond"
  java -Xmx6g -cp "$CP" io.apath.classifier.training.ReviewQueueSim job /work/shared/data $OUT "$fold" "$cond" < /dev/null 2>&1
  rc=$?
  echo "$(date -u +%H:%M:%S) worker $1 end f$fold $cond rc=$rc"
done < jobs.txt
