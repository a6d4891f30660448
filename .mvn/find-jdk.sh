# shellcheck shell=sh
# Finds a JDK >= 21 for nlpkit and exports JAVA_HOME to it. Sourced (POSIX sh) by ./mvnw and ./nlpkit,
# so the build, the tests and the CLI all run on the same JDK without the user setting anything.
#
# Order: $JAVA_HOME if it is >= 21; the JDK of the `javac` on PATH if it is >= 21; otherwise the newest JDK >= 21
# in the standard install places (/usr/lib/jvm, /usr/java, /opt/java, /opt, ~/.sdkman, ~/.jdks,
# macOS /Library/Java/JavaVirtualMachines). NLPKIT_JAVA_HOME forces one; NLPKIT_JDK_DIRS replaces the
# places searched. With none found it prints one line saying what to install and exits 1.

nlpkit_required_java=21

# Prints the feature version (17, 21, 25, ...) of the JDK at $1, or nothing when it is not a JDK.
nlpkit_jdk_feature() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  if [ -f "$1/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$1/release" | head -n 1)
  else
    v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  case "$v" in
    1.*) v=${v#1.} ;;
  esac
  printf '%s\n' "${v%%[!0-9]*}"
}

nlpkit_find_jdk() {
  if [ -n "${NLPKIT_JAVA_HOME-}" ]; then
    printf '%s\n' "$NLPKIT_JAVA_HOME"
    return 0
  fi
  if [ -n "${JAVA_HOME-}" ]; then
    f=$(nlpkit_jdk_feature "$JAVA_HOME")
    if [ -n "$f" ] && [ "$f" -ge "$nlpkit_required_java" ]; then
      printf '%s\n' "$JAVA_HOME"
      return 0
    fi
  fi
  if command -v javac >/dev/null 2>&1; then
    home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)" 2>/dev/null || command -v javac)")")
    f=$(nlpkit_jdk_feature "$home")
    if [ -n "$f" ] && [ "$f" -ge "$nlpkit_required_java" ]; then
      printf '%s\n' "$home"
      return 0
    fi
  fi
  best=""
  best_f=0
  # ./mvnw runs with `set -f`; the search below needs globbing.
  case $- in *f*) restore_noglob=1 ;; *) restore_noglob=0 ;; esac
  set +f
  # NLPKIT_JDK_DIRS (space-separated glob patterns) replaces the standard places; tests use it.
  # shellcheck disable=SC2086
  for home in ${NLPKIT_JDK_DIRS:-/usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* ${HOME-}/.sdkman/candidates/java/* ${HOME-}/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home}; do
    [ -d "$home" ] || continue
    [ -L "$home" ] && continue
    f=$(nlpkit_jdk_feature "$home")
    if [ -n "$f" ] && [ "$f" -ge "$nlpkit_required_java" ] && [ "$f" -gt "$best_f" ]; then
      best=$home
      best_f=$f
    fi
  done
  [ "$restore_noglob" = 1 ] && set -f
  [ -n "$best" ] && printf '%s\n' "$best"
  return 0
}

nlpkit_jdk=$(nlpkit_find_jdk)
if [ -z "$nlpkit_jdk" ]; then
  echo "nlpkit: no JDK >= $nlpkit_required_java found (JAVA_HOME, PATH, /usr/lib/jvm, ~/.sdkman, ~/.jdks); install one, e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+, or set NLPKIT_JAVA_HOME." >&2
  exit 1
fi
JAVA_HOME=$nlpkit_jdk
export JAVA_HOME
NLPKIT_JAVA_FEATURE=$(nlpkit_jdk_feature "$JAVA_HOME")
unset nlpkit_jdk best best_f home f v restore_noglob
