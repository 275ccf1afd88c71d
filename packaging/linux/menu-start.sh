#!/bin/bash
# The menu's start of the application in the app-image around this script (lib/menu-start.sh): the JVM of its own
# runtime, started directly with what the launcher's configuration (lib/app/<launcher>.cfg) names (the JVM options,
# the class path, the main class), as the launcher in bin/ would start it.
#
# Why not the launcher itself: jpackage's Linux launcher asks the package managers which package owns it, twice on
# every start (rpm -qf, then dpkg -S, which reads every installed package's file list), only to find a library that
# lies beside it anyway. That took 0.35 s of each start on a machine with 800 packages; a desktop has thousands.
#
# Anything in the configuration this script does not know (another section, another key, another $ name), or a
# runtime missing, and the launcher starts the application instead, as before: slower, never different.
set -u

self=$(readlink -f -- "${BASH_SOURCE[0]}") || exit 1
lib=${self%/*}
app="$lib/app"
configurations=("$app"/*.cfg)
if [ ${#configurations[@]} -ne 1 ] || [ ! -f "${configurations[0]}" ]; then
  echo "${self}: expected one launcher configuration in $app" >&2
  exit 1
fi
configuration=${configurations[0]}
name=${configuration##*/}
launcher="${lib%/*}/bin/${name%.cfg}"

java="$lib/runtime/bin/java"
[ -x "$java" ] || exec "$launcher" "$@"

options=()
classpath=""
main=""
section=""
while IFS= read -r line || [ -n "$line" ]; do
  line=${line//\$APPDIR/$app}
  case $line in
    '' | '#'*) ;;
    *'$'*) exec "$launcher" "$@" ;;
    '[Application]' | '[JavaOptions]') section=$line ;;
    *)
      case "$section|$line" in
        '[Application]|app.classpath='*) classpath+=${classpath:+:}${line#*=} ;;
        '[Application]|app.mainclass='*) main=${line#*=} ;;
        '[JavaOptions]|java-options='*) options+=("${line#*=}") ;;
        *) exec "$launcher" "$@" ;;
      esac
      ;;
  esac
done < "$configuration"
if [ -z "$main" ] || [ -z "$classpath" ]; then
  exec "$launcher" "$@"
fi

# jpackage.app-path: the launcher sets it to itself; kept, so the application sees the same properties either way
exec "$java" "${options[@]}" "-Djpackage.app-path=$launcher" -cp "$classpath" "$main" "$@"
