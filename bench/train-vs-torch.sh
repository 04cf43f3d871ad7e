#!/usr/bin/env bash
# Training throughput of the three reference models (bench/torch_train.py and TrainTiming build the same ones):
# the JVM backend on 1 and 2 threads next to PyTorch CPU on 1 and 2 threads, in one run on this machine.
# Ratios are against PyTorch's best thread count. PyTorch with 2 OpenMP threads is pathological on these VMs
# unless OMP_WAIT_POLICY=PASSIVE, so it runs that way.
# Installs Debian's python3-torch and libopenblas0-pthread when missing (without the latter Debian's torch falls
# back to the reference BLAS). Usage: bench/train-vs-torch.sh [models...]  (default: mlp cnn lm)
set -euo pipefail
cd "$(dirname "$0")/.."
MODELS=${*:-mlp cnn lm}
source bench/benchmarks-jar.sh
PY=""
for candidate in python3 /usr/bin/python3; do
  if "$candidate" -c "import torch" 2>/dev/null; then PY=$candidate; break; fi
done
if [[ -z $PY ]] || ! dpkg -s libopenblas0-pthread >/dev/null 2>&1; then
  echo "installing python3-torch and libopenblas0-pthread ..." >&2
  SUDO=""; [[ $(id -u) == 0 ]] || SUDO=sudo
  $SUDO apt-get install -y -q python3-torch libopenblas0-pthread >&2
  PY=/usr/bin/python3
fi
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
for t in 1 2; do
  echo "JVM backend, $t thread(s) ..." >&2
  "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -cp "$JAR" org.reprolab.bench.TrainTiming "$t" $MODELS \
    2> >(grep -v '^WARNING: Using incubator' >&2) >> "$TMP/jvm"
  echo "PyTorch $("$PY" -c 'import torch; print(torch.__version__)'), $t thread(s) ..." >&2
  OMP_WAIT_POLICY=PASSIVE "$PY" bench/torch_train.py "$t" $MODELS >> "$TMP/torch"
done
echo
printf '%-6s %10s %10s %10s %10s %12s\n' model "jvm 1T" "jvm 2T" "torch 1T" "torch 2T" "best ratio"
for m in $MODELS; do
  j1=$(awk -v m=$m '$1==m && $2==1 {print $3}' "$TMP/jvm"); j2=$(awk -v m=$m '$1==m && $2==2 {print $3}' "$TMP/jvm")
  t1=$(awk -v m=$m '$1==m && $2==1 {print $3}' "$TMP/torch"); t2=$(awk -v m=$m '$1==m && $2==2 {print $3}' "$TMP/torch")
  ratio=$(awk -v a=$j1 -v b=$j2 -v c=$t1 -v d=$t2 'BEGIN { j = a > b ? a : b; t = c > d ? c : d; printf "%.2fx", j / t }')
  printf '%-6s %10s %10s %10s %10s %12s\n' "$m" "$j1" "$j2" "$t1" "$t2" "$ratio"
done
echo "(steps/s; best ratio = JVM's best thread count / PyTorch's best thread count)"
