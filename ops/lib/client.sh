#!/usr/bin/env bash
# The web client (Host/ClientApp, React + antd), built into Host/wwwroot and served by the Host.
# Source after common.sh.

CLIENT_DIR=Host/ClientApp

# install_client_packages — npm ci, unless node_modules already matches the lockfile (npm ci wipes
# node_modules; npm records the last install in node_modules/.package-lock.json). Playwright's own
# browser download is skipped: the browser tests use Debian's chromium.
install_client_packages() {
  command -v npm >/dev/null || die "npm not found: install Node.js 20+ to build $CLIENT_DIR"
  if [[ ! -d $CLIENT_DIR/node_modules || $CLIENT_DIR/package-lock.json -nt $CLIENT_DIR/node_modules/.package-lock.json ]]; then
    say "installing client packages"
    (cd "$CLIENT_DIR" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
  fi
}

# build_web_client — installs the packages if needed and builds into Host/wwwroot.
build_web_client() {
  install_client_packages
  say "building the client"
  (cd "$CLIENT_DIR" && npm run build --silent)
}
