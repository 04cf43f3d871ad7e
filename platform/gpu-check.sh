#!/usr/bin/env bash
# The GPU backends on a GPU machine: the OpenCL and CUDA op and training-step tests against the JVM backend, then
# GEMM and training-step timings next to the JVM's and next to PyTorch CUDA on the same GPU. Two steps:
#
#   platform/gpu-check.sh prepare   on a build machine (JDK 25, Maven): builds target/gpu-check/ with the jars,
#                                   the test classes, their JUnit jars and a jlink'd JDK 25 (about 60 MB)
#   platform/gpu-check.sh [run]     on the GPU machine, from the repository root, with target/gpu-check/ carried
#
# The GPU machine has no Java: run uses $REPROLAB_JDK, else ./jdk, else target/gpu-check/jdk (a jlink image:
#   jlink --add-modules java.base,jdk.incubator.vector,java.logging,java.management,jdk.unsupported \
#         --strip-debug --no-header-files --no-man-pages --compress=zip-6 --output jdk
# from a JDK 25; java.logging and java.management are JUnit's, jdk.incubator.vector the JVM backend's).
# NVIDIA's driver ships libnvidia-opencl.so.1 but no /etc/OpenCL/vendors/nvidia.icd, so run makes an ICD folder
# (nvidia.icd naming that library, plus the icd files already installed, e.g. PoCL's) and points
# OCL_ICD_VENDORS at it. The CUDA backend finds NVRTC and cuBLAS itself (a CUDA toolkit, or the nvidia wheels of
# the machine's PyTorch; REPROLAB_CUDA_LIBS overrides). Environment: SECONDS_PER_WINDOW (default 1), GEMM_SIZES
# (default "1024 2048 4096 8192"), MODELS (default mlp,cnn,lm), PARTS (default "opencl cuda torch"),
# SKIP_TESTS=1 to time only, GPU_CHECK_JAVA_OPTS for extra JVM options (e.g. -XX:ErrorFile=...).
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/gpu-check
BACKENDS=(backend-opencl backend-cuda)

prepare() {
  export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
  mvn25 -o -q package -pl bench,testing -am -DskipTests
  rm -rf "$out/lib" "$out"/test-classes-*
  mkdir -p "$out/lib"
  cp bench/target/benchmarks.jar testing/target/testing-*.jar "$out/lib/"
  cp bench/torch_cuda.py bench/torch_train.py "$out/"
  # the test classpath without our own modules (the benchmarks jar holds tensor and the backends); the last module
  # of the reactor, backend-cuda, writes the file last
  mvn25 -o -q test-compile dependency:build-classpath -pl bundles/backend-opencl,bundles/backend-cuda -am \
    -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$out/classpath.txt" >/dev/null
  tr ':' '\n' < "$out/classpath.txt" | grep -v '/org/reprolab/' | grep -E 'junit|opentest4j|apiguardian|slf4j' \
    | while read -r jar; do cp "$jar" "$out/lib/"; done
  rm "$out/classpath.txt"
  for b in "${BACKENDS[@]}"; do
    cp -r "bundles/$b/target/test-classes" "$out/test-classes-$b"
  done
  if [[ ! -x $out/jdk/bin/java ]]; then
    "$JAVA_HOME/bin/jlink" --add-modules java.base,jdk.incubator.vector,java.logging,java.management,jdk.unsupported \
      --strip-debug --no-header-files --no-man-pages --compress=zip-6 --output "$out/jdk"
  fi
  du -sh "$out"
}

find_java() {
  for j in "${REPROLAB_JDK:-}" ./jdk "$out/jdk"; do
    if [[ -n $j && -x $j/bin/java ]]; then
      echo "$j/bin/java"
      return
    fi
  done
  echo "no Java: set REPROLAB_JDK to a JDK 25 runtime or carry one as ./jdk (see the top of $0)" >&2
  exit 2
}

# An ICD folder with NVIDIA's library (when the machine has it) and the vendors installed system-wide.
icd_folder() {
  local dir
  dir=$(mktemp -d)
  if ldconfig -p 2>/dev/null | grep -q 'libnvidia-opencl.so.1' || [[ -e /usr/lib/x86_64-linux-gnu/libnvidia-opencl.so.1 ]]; then
    echo libnvidia-opencl.so.1 > "$dir/nvidia.icd"
  fi
  for icd in /etc/OpenCL/vendors/*.icd; do
    [[ -e $icd ]] && cp "$icd" "$dir/"
  done
  echo "$dir"
}

python_with_torch() {
  for py in python3 python /usr/bin/python3 /usr/local/bin/python3 /opt/conda/bin/python; do
    if command -v "$py" >/dev/null && "$py" -c "import torch; assert torch.cuda.is_available()" 2>/dev/null; then
      echo "$py"
      return
    fi
  done
}

run() {
  [[ -d $out/lib ]] || { echo "$out is missing: run '$0 prepare' on a build machine" >&2; exit 2; }
  local java icd status=0 parts=" ${PARTS:-opencl cuda torch} "
  java=$(find_java)
  # chain the JVM's signal handlers with the GPU drivers' (see bin/reprolab); for the JVMs only, not for Python
  local jsig
  jsig="$(cd "$(dirname "$java")/.." && pwd)/lib/libjsig.so"
  if [[ -f $jsig ]]; then
    java="env LD_PRELOAD=$jsig${LD_PRELOAD:+:$LD_PRELOAD} $java"
  fi
  # shellcheck disable=SC2206
  local opts=(--enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -Xss8m -Xmx16g ${GPU_CHECK_JAVA_OPTS:-})
  local secs=${SECONDS_PER_WINDOW:-1} sizes=${GEMM_SIZES:-1024 2048 4096 8192}
  command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv || true
  if [[ $parts == *" opencl "* ]]; then
    icd=$(icd_folder)
    export OCL_ICD_VENDORS=$icd
    echo "== OpenCL (OCL_ICD_VENDORS=$icd: $(ls "$icd" | tr '\n' ' '))"
    if [[ ${SKIP_TESTS:-0} != 1 ]]; then
      $java "${opts[@]}" -cp "$out/test-classes-backend-opencl:$out/lib/*" org.reprolab.backend.opencl.internal.DeviceCheck \
        "$out/test-classes-backend-opencl" || status=1
    fi
    # shellcheck disable=SC2086
    $java "${opts[@]}" -Dmodels="${MODELS:-mlp,cnn,lm}" -DjvmMax=2048 -cp "$out/lib/benchmarks.jar" \
      org.reprolab.bench.DeviceTiming opencl "$secs" $sizes || status=1
  fi
  if [[ $parts == *" cuda "* ]]; then
    echo "== CUDA"
    if [[ ${SKIP_TESTS:-0} != 1 ]]; then
      $java "${opts[@]}" -cp "$out/test-classes-backend-cuda:$out/lib/*" org.reprolab.backend.cuda.internal.DeviceCheck \
        "$out/test-classes-backend-cuda" || status=1
    fi
    # shellcheck disable=SC2086
    $java "${opts[@]}" -Dmodels="${MODELS:-mlp,cnn,lm}" -DjvmMax=2048 -cp "$out/lib/benchmarks.jar" \
      org.reprolab.bench.DeviceTiming cuda "$secs" $sizes || status=1
    for mode in cuda-tf32 cuda-bf16; do
      # shellcheck disable=SC2086
      $java "${opts[@]}" -Dmodels= -DjvmMax=0 -cp "$out/lib/benchmarks.jar" \
        org.reprolab.bench.DeviceTiming "$mode" "$secs" $sizes || status=1
    done
  fi
  if [[ $parts == *" torch "* ]]; then
    local py
    py=$(python_with_torch)
    if [[ -n $py ]]; then
      echo "== PyTorch CUDA ($py)"
      # shellcheck disable=SC2086
      (cd "$out" && MODELS="$(echo "${MODELS:-mlp cnn lm}" | tr , " ")" "$py" torch_cuda.py "$secs" ${sizes:-1024 2048 4096 8192}) || status=1
    else
      echo "== PyTorch CUDA: no python with a CUDA-enabled torch here"
    fi
  fi
  exit $status
}

case "${1:-run}" in
  prepare) prepare ;;
  run) run ;;
  *) echo "usage: $0 [prepare|run]" >&2; exit 2 ;;
esac
