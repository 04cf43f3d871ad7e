#!/usr/bin/env bash
# Compares the JVM backend's sgemm (org.reprolab.tensor.jvm.Gemm) with numpy's float32 matmul (OpenBLAS) in one
# run. Square C = A * B at 256, 512, 1024, 2048; best of N per size. Our GEMM runs on 1 thread and on a 2-thread
# ForkJoinPool; numpy on its default BLAS threads (2 on this machine) and with OPENBLAS_NUM_THREADS=1.
# The machine is shared and noisy, so the two are measured in alternating rounds and the best of all rounds is
# kept for each. Usage: bench/gemm-vs-numpy.sh [rounds=3] [reps=10] [sizes...]; TRANS=NT etc. picks op(A)/op(B)
# for ours (numpy then multiplies the same transposed views).
#
# bench/gemm-vs-numpy.sh --shapes [rounds=3] [reps=10]: the same comparison (2 threads each) over the shapes the
# lab trains with: MLP layers (batch x 784 x 512 forward, A^T B and A B^T backward) and conv via im2col.
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=square
if [[ ${1:-} == --shapes ]]; then MODE=shapes; shift; fi
ROUNDS=${1:-3}
REPS=${2:-10}
shift 2 2>/dev/null || shift $# 
SIZES=${*:-256 512 1024 2048}
TRANS=${TRANS:-NN}
source bench/benchmarks-jar.sh
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT

# TRANS:m:n:k -- C (m x n) = op(A) (m x k) op(B) (k x n)
SHAPES_LIST="NN:1:512:784 NT:1:784:512 NN:32:512:784 NN:128:512:784 TN:784:512:128 NT:128:784:512 \
NN:128:10:512 NN:43264:32:9 TN:9:32:43264 NT:43264:9:32 NN:256:256:256 NT:512:512:512 TN:512:512:512 TT:512:512:512"

numpy_shapes() {
  python3 - "$REPS" $SHAPES_LIST <<'PY'
import sys, time, numpy as np
reps = int(sys.argv[1])
rng = np.random.default_rng(42)
for spec in sys.argv[2:]:
    t, m, n, k = spec.split(":"); m, n, k = int(m), int(n), int(k)
    a = rng.random((k, m) if t[0] == 'T' else (m, k), dtype=np.float32) - 0.5
    b = rng.random((n, k) if t[1] == 'T' else (k, n), dtype=np.float32) - 0.5
    A = a.T if t[0] == 'T' else a
    B = b.T if t[1] == 'T' else b
    out = np.empty((m, n), dtype=np.float32)
    flops = 2.0 * m * n * k
    inner = int(max(1, min(10000, 2e8 / flops)))
    end = time.perf_counter() + 0.2
    while time.perf_counter() < end: np.matmul(A, B, out=out)
    best = float('inf')
    for _ in range(reps):
        t0 = time.perf_counter()
        for _ in range(inner): np.matmul(A, B, out=out)
        best = min(best, time.perf_counter() - t0)
    print(spec, "%.1f" % (flops * inner / best / 1e9))
PY
}

if [[ $MODE == shapes ]]; then

  for r in $(seq "$ROUNDS"); do
    echo "round $r/$ROUNDS ..." >&2
    "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -cp "$JAR" org.reprolab.bench.GemmShapes "$REPS" $SHAPES_LIST \
        2>/dev/null >> "$TMP/ours"
    numpy_shapes >> "$TMP/np"
  done
  python3 - "$TMP" <<'PY'
import sys, collections
d = sys.argv[1]
def best(path):
    out = collections.OrderedDict()
    for line in open(path):
        s, g = line.split(); out[s] = max(out.get(s, 0.0), float(g))
    return out
ours, np_ = best(d + "/ours"), best(d + "/np")
print("sgemm shapes, 2 threads, GFLOP/s, best of all rounds (TRANS:m:n:k, C = op(A) op(B), op(A) m x k)")
print(f"{'shape':>22} {'ours':>8} {'numpy':>8} {'ratio':>6}")
for s in ours:
    print(f"{s:>22} {ours[s]:>8.1f} {np_[s]:>8.1f} {ours[s] / np_[s]:>6.2f}")
PY
  exit 0
fi

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
