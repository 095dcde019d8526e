#!/usr/bin/env bash
# Reproducible-build check: builds every module twice from clean, into two separate output folders, and compares
# every jar (main, sources, javadoc, test-free) byte for byte. Exit 0 when all are identical.
#   scripts/reproducible.sh            (about twice a "package -DskipTests")
set -euo pipefail
cd "$(dirname "$0")/.."

build() {
  ./mvnw -B -q -Dmjsdk.target="$1" -DskipTests -Dmjsdk.fuzz.skip=true -Dmjsdk.canary.skip=true package
}

rm -rf ./*/target-repro-a ./*/target-repro-b
build target-repro-a
build target-repro-b

status=0
count=0
for a in ./*/target-repro-a/*.jar; do
  b=${a/target-repro-a/target-repro-b}
  count=$((count + 1))
  if cmp -s "$a" "$b"; then
    echo "identical  $(sha256sum "$a" | cut -c1-16)  ${a#./}"
  else
    echo "DIFFERENT  ${a#./}"
    status=1
  fi
done
echo "$count jars compared"
rm -rf ./*/target-repro-a ./*/target-repro-b
exit $status
