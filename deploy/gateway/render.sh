#!/usr/bin/env sh
# Renders nginx.conf.template (next to this script) to stdout. See README.md.
#
#   deploy/gateway/render.sh --prefix /srv/rpc-gateway --listen 0.0.0.0:8443 \
#     --upstream 127.0.0.1:8545 --cert /etc/rpc-gateway/fullchain.pem --key /etc/rpc-gateway/key.pem \
#     > /srv/rpc-gateway/nginx.conf
#
# Required: --prefix (absolute folder nginx owns: pid, logs, temp files), --listen, --upstream
# (the node's host:port), --cert, --key (absolute paths). Optional, with defaults:
#   --upstream-uri /     the node's JSON-RPC path
#   --rate 500r/s        limit_req rate per client address
#   --burst 100          requests that may wait above the rate before 429
#   --max-batch 100      most requests in one JSON-RPC batch
#   --js-module PATH     ngx_http_js_module.so (default: from `nginx -V`, Debian /usr/lib/nginx/modules)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix='' listen='' upstream='' cert='' key='' upstream_uri='/' rate='500r/s' burst='100' max_batch='100' js_module=''

usage() {
  echo "usage: $0 --prefix DIR --listen ADDR:PORT --upstream HOST:PORT --cert FILE --key FILE [--upstream-uri /] [--rate 500r/s] [--burst 100] [--max-batch 100] [--js-module FILE]" >&2
  exit 2
}

while [ $# -gt 0 ]; do
  [ $# -ge 2 ] || usage
  case "$1" in
    --prefix) prefix=$2 ;;
    --listen) listen=$2 ;;
    --upstream) upstream=$2 ;;
    --upstream-uri) upstream_uri=$2 ;;
    --cert) cert=$2 ;;
    --key) key=$2 ;;
    --rate) rate=$2 ;;
    --burst) burst=$2 ;;
    --max-batch) max_batch=$2 ;;
    --js-module) js_module=$2 ;;
    *) usage ;;
  esac
  shift 2
done
[ -n "$prefix" ] && [ -n "$listen" ] && [ -n "$upstream" ] && [ -n "$cert" ] && [ -n "$key" ] || usage

if [ -z "$js_module" ]; then
  nginx=$(command -v nginx || echo /usr/sbin/nginx)
  modules=$("$nginx" -V 2>&1 | sed -n 's/.*--modules-path=\([^ ]*\).*/\1/p')
  js_module="${modules:-/usr/lib/nginx/modules}/ngx_http_js_module.so"
fi
[ -f "$js_module" ] || {
  echo "$0: $js_module not found; install nginx and libnginx-mod-http-js" >&2
  exit 1
}

# Values go into sed replacements: escape the delimiter, & and backslashes.
esc() { printf '%s' "$1" | sed 's/[|&\\]/\\&/g'; }

rendered=$(sed \
  -e "s|@@PREFIX@@|$(esc "$prefix")|g" \
  -e "s|@@JS_MODULE@@|$(esc "$js_module")|g" \
  -e "s|@@ALLOWLIST_JS_DIR@@|$(esc "$here")|g" \
  -e "s|@@LISTEN@@|$(esc "$listen")|g" \
  -e "s|@@CERT@@|$(esc "$cert")|g" \
  -e "s|@@KEY@@|$(esc "$key")|g" \
  -e "s|@@UPSTREAM@@|$(esc "$upstream")|g" \
  -e "s|@@UPSTREAM_URI@@|$(esc "$upstream_uri")|g" \
  -e "s|@@RATE@@|$(esc "$rate")|g" \
  -e "s|@@BURST@@|$(esc "$burst")|g" \
  -e "s|@@MAX_BATCH@@|$(esc "$max_batch")|g" \
  "$here/nginx.conf.template")
if printf '%s\n' "$rendered" | grep -n '@@[A-Z_]*@@' >&2; then
  echo "$0: placeholders left unrendered (above)" >&2
  exit 1
fi
printf '%s\n' "$rendered"
