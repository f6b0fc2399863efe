#!/usr/bin/env bash
# Runs the example storefront's own suite against the packed package, as a storefront team would:
# install the tarball (not a path import), put the worker files in place with `init`, test.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

[ -f "$repo/dist/sw-token-interceptor.js" ] || (cd "$repo" && npm run build)
tarball="$(cd "$repo" && npm pack --silent --pack-destination "$work" | tail -n 1)"
cp -r "$here/." "$work/app"
cd "$work/app"
rm -rf node_modules site/sw-token-interceptor*.js
# A new user's shell: none of the npm_* variables of the npm that may be running this script.
unset $(env | grep -o '^npm_[^=]*' || true)
npm install --no-audit --no-fund --prefer-offline
npm install --no-audit --no-fund --prefer-offline --no-save "$work/$tarball"
npx sw-token-interceptor init site
npx playwright test
