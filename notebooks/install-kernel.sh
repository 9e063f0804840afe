#!/usr/bin/env bash
# Installs the Java Jupyter kernel the cskit notebooks use: rapaio-jupyter-kernel 3.0.1 from Maven Central
# (one jar, fetched with the Maven wrapper into the local Maven repository), registered as kernel "cskit-java"
# under KERNELS_DIR (default: the user's Jupyter kernels folder).
#   notebooks/install-kernel.sh [KERNELS_DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
kernels="${1:-${JUPYTER_DATA_DIR:-$HOME/.local/share/jupyter}/kernels}"
version=3.0.1
repo="$("$root/mvnw" -q -B -ntp help:evaluate -Dexpression=settings.localRepository -DforceStdout -f "$root/bom/pom.xml" 2>/dev/null || true)"
repo="${repo:-$HOME/.m2/repository}"
jar="$repo/io/github/padreati/rapaio-jupyter-kernel/$version/rapaio-jupyter-kernel-$version.jar"
if [ ! -f "$jar" ]; then
  "$root/mvnw" -q -B -ntp dependency:get -Dartifact="io.github.padreati:rapaio-jupyter-kernel:$version" -Dtransitive=false \
    -f "$root/bom/pom.xml"
fi
java="$(command -v java)"
mkdir -p "$kernels/cskit-java"
cat > "$kernels/cskit-java/kernel.json" <<JSON
{
  "argv": ["$java", "-jar", "$jar", "{connection_file}"],
  "display_name": "Java (cskit, rapaio kernel $version)",
  "language": "java",
  "interrupt_mode": "message",
  "env": {
    "RJK_COMPILER_OPTIONS": "",
    "RJK_INIT_SCRIPT": "",
    "RJK_TIMEOUT_MILLIS": "-1"
  }
}
JSON
echo "Installed kernel cskit-java in $kernels/cskit-java"
