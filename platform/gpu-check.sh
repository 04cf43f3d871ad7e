#!/usr/bin/env bash
# The OpenCL backend on a GPU machine: its op and training-step tests against the JVM backend, then GEMM and
# training-step timings next to the JVM's. Two steps:
#
#   platform/gpu-check.sh prepare   on a build machine (JDK 25, Maven): builds target/gpu-check/ with the jars,
#                                   the test classes, their JUnit jars and a jlink'd JDK 25 (about 50 MB)
#   platform/gpu-check.sh [run]     on the GPU machine, from the repository root, with target/gpu-check/ carried
#
# The GPU machine has no Java: run uses $REPROLAB_JDK, else ./jdk, else target/gpu-check/jdk (a jlink image:
#   jlink --add-modules java.base,jdk.incubator.vector,java.logging,java.management,jdk.unsupported \
#         --strip-debug --no-header-files --no-man-pages --compress=zip-6 --output jdk
# from a JDK 25; java.logging and java.management are JUnit's, jdk.incubator.vector the JVM backend's).
# NVIDIA's driver ships libnvidia-opencl.so.1 but no /etc/OpenCL/vendors/nvidia.icd, so run makes an ICD folder
# (nvidia.icd naming that library, plus the icd files already installed, e.g. PoCL's) and points
# OCL_ICD_VENDORS at it. Environment: SECONDS_PER_WINDOW (default 2), GEMM_SIZES (default "256 512 1024 2048
# 4096"), MODELS (default mlp,cnn,lm), SKIP_TESTS=1 to time only.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/gpu-check

prepare() {
  export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
  mvn25 -o -q package -pl bench -am -DskipTests
  mvn25 -o -q test-compile -pl bundles/tensor,bundles/backend-opencl
  rm -rf "$out/lib" "$out/test-classes"
  mkdir -p "$out/lib"
  cp bench/target/benchmarks.jar "$out/lib/"
  cp -r bundles/backend-opencl/target/test-classes "$out/test-classes"
  # the test classpath without our own modules (the benchmarks jar holds tensor and backend-opencl)
  mvn25 -o -q dependency:build-classpath -pl bundles/backend-opencl -Dmdep.includeScope=test \
    -Dmdep.outputFile="$PWD/$out/classpath.txt" >/dev/null
  tr ':' '\n' < "$out/classpath.txt" | grep -v '/org/reprolab/' | grep -E 'junit|opentest4j|apiguardian' \
    | while read -r jar; do cp "$jar" "$out/lib/"; done
  rm "$out/classpath.txt"
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
  if ldconfig -p 2>/dev/null | grep -q 'libnvidia-opencl.so.1' || compgen -G '/usr/lib*/**/libnvidia-opencl.so.1' >/dev/null \
      || [[ -e /usr/lib/x86_64-linux-gnu/libnvidia-opencl.so.1 ]]; then
    echo libnvidia-opencl.so.1 > "$dir/nvidia.icd"
  fi
  for icd in /etc/OpenCL/vendors/*.icd; do
    [[ -e $icd ]] && cp "$icd" "$dir/"
  done
  echo "$dir"
}

run() {
  [[ -d $out/lib && -d $out/test-classes ]] || { echo "$out is missing: run '$0 prepare' on a build machine" >&2; exit 2; }
  local java icd
  java=$(find_java)
  icd=$(icd_folder)
  export OCL_ICD_VENDORS=$icd
  echo "OCL_ICD_VENDORS=$icd: $(ls "$icd" | tr '\n' ' ')"
  command -v clinfo >/dev/null && clinfo -l || true
  local opts=(--enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -Xss8m)
  local status=0
  if [[ ${SKIP_TESTS:-0} != 1 ]]; then
    "$java" "${opts[@]}" -cp "$out/test-classes:$out/lib/*" org.reprolab.backend.opencl.internal.DeviceCheck \
      "$out/test-classes" || status=1
  fi
  # shellcheck disable=SC2086
  "$java" "${opts[@]}" -Dmodels="${MODELS:-mlp,cnn,lm}" -cp "$out/lib/benchmarks.jar" org.reprolab.bench.OpenClTiming \
    "${SECONDS_PER_WINDOW:-2}" ${GEMM_SIZES:-256 512 1024 2048 4096} || status=1
  rm -rf "$icd"
  exit $status
}

case "${1:-run}" in
  prepare) prepare ;;
  run) run ;;
  *) echo "usage: $0 [prepare|run]" >&2; exit 2 ;;
esac
