#!/bin/sh
# Rebuild static/vendor/codemirror-6.0.2.js, the pack editor's single CodeMirror bundle (IIFE,
# global NegoCodeMirror), from the npm packages pinned in codemirror-build/package-lock.json
# (`npm ci`, exact versions and integrity hashes). Only needed to upgrade: the built file is
# committed, so `make run` needs no npm. Prints the sha256 to record in static/vendor/VERSIONS.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/codemirror-build/package.json" "$here/codemirror-build/package-lock.json" \
   "$here/codemirror-build/entry.js" "$work/"
cd "$work"
npm ci --no-audit --no-fund >/dev/null
./node_modules/.bin/esbuild entry.js --bundle --minify --format=iife --global-name=NegoCodeMirror \
  --legal-comments=eof --target=es2019 --outfile="$here/codemirror-6.0.2.js"
sha256sum "$here/codemirror-6.0.2.js"
