#!/usr/bin/env bash
# Copydesk end-to-end tests in a real VS Code: code-server 4.100.3 (VS Code 1.100.3 from npm) driven
# by playwright-core with Debian's chromium. Self-contained; every side effect stays in .e2e-work/.
#
#   bash test/e2e/run.sh            (E2E_PORT=18123, E2E_SKIP_APT=1, E2E_KEEP_SERVER=0, E2E_PHASE=ui|api|all)
#
# 1. apt packages (chromium ripgrep libkrb5-dev) if missing; 2. pinned tools (test/e2e/tools/package.json)
# into .e2e-work/tools with the offline workarounds; 3. build + `vsce package` → .e2e-work/copydesk.vsix;
# 4. code-server on 127.0.0.1 (setsid; its process group is killed on exit);
# phase A (test/e2e/ui.js): Playwright clicks through the workbench with the installed .vsix;
# phase B (test/e2e/api-runner.js): mocha suite (test/e2e/suite) in the extension host, loaded
# through the payload URL as @vscode/test-electron would run it.
# Prints "e2e: N passed, M failed" and exits non-zero on any failure.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$REPO/test/e2e"
WORK="$REPO/.e2e-work"
PORT="${E2E_PORT:-18123}"
PHASE="${E2E_PHASE:-all}"
RG_PKG_VERSION=1.15.11   # @vscode/ripgrep pinned in code-server 4.100.3's lib/vscode shrinkwrap
RG_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
log() { printf '[e2e %(%H:%M:%S)T] %s\n' -1 "$*"; }
T_START=$(date +%s)
mkdir -p "$WORK"
RUN="$WORK/run"
SHOTS="$WORK/shots"
export TMPDIR="$WORK/tmp"
export XDG_CONFIG_HOME="$WORK/xdg/config" XDG_DATA_HOME="$WORK/xdg/data" XDG_CACHE_HOME="$WORK/xdg/cache"
mkdir -p "$TMPDIR" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME"

# ------------------------------------------------------------------ 1. system packages
if [ "${E2E_SKIP_APT:-0}" != 1 ]; then
  missing=""
  for p in chromium ripgrep libkrb5-dev python3 make g++; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
  done
  if [ -n "$missing" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      log "apt-get install:$missing"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
    else
      log "missing system packages:$missing (install them, or run as root)"; exit 1
    fi
  fi
fi
[ -x /usr/bin/chromium ] && command -v rg >/dev/null || { log "chromium or rg missing"; exit 1; }
NODE_MAJOR=$(node -p 'process.versions.node.split(".")[0]')
[ "$NODE_MAJOR" = 20 ] || { log "code-server 4.100.3 needs Node 20 (found $NODE_MAJOR)"; exit 1; }

# ------------------------------------------------------------------ 2. pinned tools
TOOLS="$WORK/tools"
mkdir -p "$TOOLS"
if ! cmp -s "$HERE/tools/package.json" "$TOOLS/package.json" \
   || [ ! -x "$TOOLS/node_modules/.bin/code-server" ] \
   || [ ! -f "$TOOLS/node_modules/code-server/lib/vscode/node_modules/node-pty/build/Release/pty.node" ]; then
  cp "$HERE/tools/package.json" "$TOOLS/package.json"
  # @vscode/ripgrep's postinstall downloads rg from api.github.com unless its cache has the asset:
  mkdir -p "$TMPDIR/rgstage" "$TMPDIR/vscode-ripgrep-cache-$RG_PKG_VERSION"
  cp "$(command -v rg)" "$TMPDIR/rgstage/rg"
  tar czf "$TMPDIR/vscode-ripgrep-cache-$RG_PKG_VERSION/$RG_ASSET" -C "$TMPDIR/rgstage" rg
  log "npm install (code-server 4.100.3, @vscode/vsce 3.9.2, playwright-core 1.65.1)"
  t=$(date +%s)
  # root + code-server postinstall: unsafe_perm; node-pty runs `npx node-gyp`: yes; no header download: nodedir
  ( cd "$TOOLS" && npm_config_unsafe_perm=true npm_config_yes=true npm_config_nodedir=/usr \
      npm install --no-audit --no-fund --loglevel=error > "$WORK/npm-install.log" 2>&1 ) \
    || { tail -40 "$WORK/npm-install.log"; log "tools npm install FAILED ($WORK/npm-install.log)"; exit 1; }
  log "tools installed in $(( $(date +%s) - t ))s"
else
  log "tools already installed"
fi
CODE_SERVER="$TOOLS/node_modules/.bin/code-server"
VSCE="$TOOLS/node_modules/.bin/vsce"

# ------------------------------------------------------------------ 3. build and package
t=$(date +%s)
( cd "$REPO" && node esbuild.js --production ) || { log "build FAILED"; exit 1; }
VSIX="$WORK/copydesk.vsix"
rm -f "$VSIX"
( cd "$REPO" && "$VSCE" package --no-dependencies --allow-missing-repository --no-rewrite-relative-links --skip-license -o "$VSIX" > "$WORK/vsce.log" 2>&1 ) \
  || { cat "$WORK/vsce.log"; log "vsce package FAILED"; exit 1; }
log "packaged $(basename "$VSIX") ($(du -k "$VSIX" | cut -f1) KB) in $(( $(date +%s) - t ))s"
# the packaged extension must not need node_modules at runtime
if unzip -l "$VSIX" | grep -q 'extension/node_modules/'; then log "the .vsix contains node_modules"; exit 1; fi

# ------------------------------------------------------------------ 4. workspaces, profile, code-server
rm -rf "$RUN"
mkdir -p "$RUN/ud/User" "$RUN/exts" "$SHOTS"
rm -f "$SHOTS"/*.png
cp -r "$REPO/test/fixtures/e2e" "$RUN/ws"        # phase A: UI
cp -r "$REPO/test/fixtures/e2e" "$RUN/apiws"     # phase B: extension-host API tests
cat > "$RUN/config.yaml" <<CFG
bind-addr: 127.0.0.1:$PORT
auth: none
cert: false
CFG
cat > "$RUN/ud/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.welcomePage.walkthroughs.openOnInstall": false,
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "security.workspace.trust.enabled": false,
  "editor.hover.delay": 300,
  "editor.minimap.enabled": false,
  "chat.commandCenter.enabled": false,
  "files.autoSave": "off",
  "copydesk.debounceMs": 150
}
JSON
CS_ARGS=(--config "$RUN/config.yaml" --user-data-dir "$RUN/ud" --extensions-dir "$RUN/exts")
"$CODE_SERVER" "${CS_ARGS[@]}" --install-extension "$VSIX" --force > "$WORK/install-extension.log" 2>&1 \
  || { cat "$WORK/install-extension.log"; log "install-extension FAILED"; exit 1; }
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then log "port $PORT already in use"; exit 1; fi
CS_PID=""
stop_server() {
  if [ -n "$CS_PID" ] && kill -0 "$CS_PID" 2>/dev/null; then
    kill -TERM -- "-$CS_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 -- "-$CS_PID" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$CS_PID" 2>/dev/null || true
    log "code-server (process group $CS_PID) stopped"
  fi
  CS_PID=""
}
trap stop_server EXIT
trap 'exit 130' INT TERM
EXTENSIONS_GALLERY='{}' setsid "$CODE_SERVER" "${CS_ARGS[@]}" --bind-addr "127.0.0.1:$PORT" --auth none \
  --disable-telemetry --disable-update-check --disable-workspace-trust --disable-getting-started-override \
  "$RUN/ws" > "$WORK/code-server.log" 2>&1 &
CS_PID=$!
for _ in $(seq 1 120); do
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null && break
  kill -0 "$CS_PID" 2>/dev/null || { cat "$WORK/code-server.log"; log "code-server died"; exit 1; }
  sleep 0.5
done
curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" || { tail -40 "$WORK/code-server.log"; log "code-server not up"; exit 1; }
log "code-server up on 127.0.0.1:$PORT"

# ------------------------------------------------------------------ phases
export NODE_PATH="$TOOLS/node_modules"
TOTAL_P=0; TOTAL_F=0; FAILED=0
count() {
  local l; l=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$1" | tail -1)
  if [ -n "$l" ]; then TOTAL_P=$((TOTAL_P + $(echo "$l" | cut -d' ' -f1))); TOTAL_F=$((TOTAL_F + $(echo "$l" | cut -d' ' -f3))); else TOTAL_F=$((TOTAL_F + 1)); fi
}
set +e
if [ "$PHASE" = all ] || [ "$PHASE" = ui ]; then
  log "phase A: UI (Playwright + chromium)"
  t=$(date +%s)
  CS_URL="http://127.0.0.1:$PORT/" WS_DIR="$RUN/ws" SHOTS_DIR="$SHOTS" CHROME_PROFILE="$RUN/chrome-ui" \
    timeout 420 node "$HERE/ui.js" 2>&1 | tee "$WORK/e2e-ui.log"
  rc=${PIPESTATUS[0]}; [ "$rc" -ne 0 ] && FAILED=1; count "$WORK/e2e-ui.log"
  log "phase A took $(( $(date +%s) - t ))s, exit $rc"
fi
if [ "$PHASE" = all ] || [ "$PHASE" = api ]; then
  log "phase B: extension-host tests (mocha run() via extensionTestsPath)"
  t=$(date +%s)
  CS_URL="http://127.0.0.1:$PORT/" WS_DIR="$RUN/apiws" EXT_DIR="$REPO" TESTS_PATH="$HERE/suite/index.js" \
    CHROME_PROFILE="$RUN/chrome-api" ITEST_TIMEOUT_MS=300000 \
    timeout 420 node "$HERE/api-runner.js" 2>&1 | tee "$WORK/e2e-api.log"
  rc=${PIPESTATUS[0]}; [ "$rc" -ne 0 ] && FAILED=1; count "$WORK/e2e-api.log"
  log "phase B took $(( $(date +%s) - t ))s, exit $rc"
fi
set -e
[ "${E2E_KEEP_SERVER:-0}" = 1 ] || stop_server
if [ "$FAILED" -ne 0 ] || [ "$TOTAL_F" -ne 0 ] || [ "$TOTAL_P" -eq 0 ]; then
  log "E2E FAILED - code-server log tail:"; tail -20 "$WORK/code-server.log" || true
  echo "e2e: $TOTAL_P passed, $TOTAL_F failed"
  exit 1
fi
log "E2E PASSED in $(( $(date +%s) - T_START ))s; screenshots in $SHOTS"
echo "e2e: $TOTAL_P passed, $TOTAL_F failed"
