#!/usr/bin/env bash
# Compares the JVM backend's sgemm (org.reprolab.tensor.jvm.Gemm) with numpy's float32 matmul (OpenBLAS) in one
# run. Square C = A * B at 256, 512, 1024, 2048; best of N per size. Our GEMM runs on 1 thread and on a 2-thread
# ForkJoinPool; numpy on its default BLAS threads (2 on this machine) and with OPENBLAS_NUM_THREADS=1.
# The machine is shared and noisy, so the two are measured in alternating rounds and the best of all rounds is
# kept for each. Usage: bench/gemm-vs-numpy.sh [rounds=3] [reps=10] [sizes...]; TRANS=NT etc. picks op(A)/op(B)
# for ours (numpy then multiplies the same transposed views).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
REPS=${2:-10}
shift 2 2>/dev/null || shift $# 
SIZES=${*:-256 512 1024 2048}
TRANS=${TRANS:-NN}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAR=bench/target/benchmarks.jar
if [[ ! -f $JAR || -n $(find bundles/tensor/src bench/src -newer "$JAR" -name '*.java' | head -1) ]]; then
  echo "building $JAR ..." >&2
  mvn -o -q package -pl bench -am -DskipTests >&2
fi
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT

numpy_round() {
  local threads=$1
  OPENBLAS_NUM_THREADS=$threads python3 - "$REPS" "$TRANS" $SIZES <<'PY'
import sys, time, numpy as np
reps, trans, sizes = int(sys.argv[1]), sys.argv[2], [int(s) for s in sys.argv[3:]]
rng = np.random.default_rng(42)
for n in sizes:
    a = rng.random((n, n), dtype=np.float32) - 0.5
    b = rng.random((n, n), dtype=np.float32) - 0.5
    A = a.T if trans[0] == 'T' else a
    B = b.T if trans[1] == 'T' else b
    for _ in range(3): A @ B
    best = float('inf')
    for _ in range(max(2, reps // 3) if n >= 2048 else reps):
        t = time.perf_counter(); A @ B; best = min(best, time.perf_counter() - t)
    print(n, "%.1f" % (2.0 * n ** 3 / best / 1e9))
PY
}

for r in $(seq "$ROUNDS"); do
  echo "round $r/$ROUNDS ..." >&2
  "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -Dtrans="$TRANS" -cp "$JAR" \
      org.reprolab.bench.GemmTiming "$REPS" $SIZES 2>/dev/null >> "$TMP/ours"
  numpy_round 1 >> "$TMP/np1"
  numpy_round 2 >> "$TMP/np2"
done

python3 - "$TMP" "$TRANS" <<'PY'
import sys, collections
d, trans = sys.argv[1], sys.argv[2]
def best(path, cols):
    out = collections.defaultdict(lambda: [0.0] * cols)
    for line in open(path):
        f = line.split()
        n = int(f[0])
        out[n] = [max(o, float(x)) for o, x in zip(out[n], f[1:])]
    return out
ours, np1, np2 = best(d + "/ours", 2), best(d + "/np1", 1), best(d + "/np2", 1)
print(f"sgemm {trans}, GFLOP/s, best of all rounds (numpy = OpenBLAS via numpy float32 matmul)")
print(f"{'size':>6} {'ours 1T':>9} {'numpy 1T':>9} {'ratio':>6} | {'ours 2T':>9} {'numpy 2T':>9} {'ratio':>6}")
for n in sorted(ours):
    o1, o2 = ours[n]; n1 = np1[n][0]; n2 = np2[n][0]
    print(f"{n:>6} {o1:>9.1f} {n1:>9.1f} {o1 / n1:>6.2f} | {o2:>9.1f} {n2:>9.1f} {o2 / n2:>6.2f}")
PY
