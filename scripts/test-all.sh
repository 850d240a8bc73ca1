#!/usr/bin/env bash
# The whole test suite: types, bundle, unit tests, LSP tests, then the real-VS-Code e2e tests.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== typecheck"; npx tsc -p . --noEmit
echo "== build"; node esbuild.js
echo "== core purity"; node scripts/check-core-purity.js
echo "== unit"; npx mocha
if compgen -G "test/lsp/*.test.ts" > /dev/null; then
  # --no-config: .mocharc.json's spec would run the unit tests again. --exit: once (1 clean-clone run in 4)
  # mocha stayed alive after "25 passing" with no server process left; a run must end when its tests have
  echo "== lsp"; npx mocha --no-config --exit --require tsx/cjs --extension ts --timeout 60000 'test/lsp/**/*.test.ts'
fi
if [ -f test/e2e/run.sh ] && [ "${COPYDESK_SKIP_E2E:-0}" != "1" ]; then
  echo "== e2e (real VS Code via code-server)"; bash test/e2e/run.sh
fi
