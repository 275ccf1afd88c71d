#!/bin/sh
# Makes the class-data-sharing archive of the CallCard Companion that lives in APP_DIR (default: the folder above this
# script), from the class list the packaging's training run recorded (lib/app/callcard.classlist). On Java 17 an
# archive is tied to the absolute paths of the class path, so it is made where the application is: by the package's
# post-install script, by the build for its app-image, and by hand after moving an app-image. Without it the companion
# starts all the same, only slower; the launcher names it (-XX:SharedArchiveFile=$APPDIR/callcard.jsa).
set -eu
app_dir=$(cd "${1:-$(dirname "$0")/..}" && pwd)
app="$app_dir/lib/app"
classpath=$(sed -n 's/^app\.classpath=//p' "$app/CallCard-Companion.cfg" | sed "s|[\$]APPDIR|$app|" | paste -sd: -)
rm -f "$app/callcard.jsa"
# -XX:+UseSerialGC as the launcher runs; the dump's own chatter (classes it cannot archive) goes to the log file
"$app_dir/lib/runtime/bin/java" -Xshare:dump -XX:+UseSerialGC -XX:SharedClassListFile="$app/callcard.classlist" \
  -XX:SharedArchiveFile="$app/callcard.jsa" -Xlog:cds=warning:file="$app/callcard-cds.log" -cp "$classpath" >/dev/null
