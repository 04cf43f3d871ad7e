# Sourced by the bench scripts (from the repository root): sets JAVA_HOME and JAR, and rebuilds
# bench/target/benchmarks.jar when it is missing or older than the tensor or bench sources.
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAR=bench/target/benchmarks.jar
if [[ ! -f $JAR || -n $(find bundles/tensor/src bench/src -newer "$JAR" -name '*.java' | head -1) ]]; then
  echo "building $JAR ..." >&2
  mvn -o -q package -pl bench -am -DskipTests >&2
fi
