#!/usr/bin/env bash
# Lints the process models in processes/:
#  - every .bpmn with bpmnlint (rules in .bpmnlintrc: bpmnlint:recommended + camunda-compat for Camunda 7.24),
#  - every .bpmn must carry diagram interchange (bpmndi:BPMNDiagram) and every .dmn a dmndi:DMNDI,
#    so that the models open laid out in Camunda Modeler and Cockpit.
# The lint toolchain is pinned in .ci/lint/package.json / package-lock.json and installed on first use.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"
LINT_DIR="$ROOT/.ci/lint"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "lint-processes: node and npm are required (Node >= 20)" >&2
  exit 1
fi

if [ ! -x "$LINT_DIR/node_modules/.bin/bpmnlint" ]; then
  echo "lint-processes: installing pinned bpmnlint toolchain (npm ci --prefix .ci/lint)"
  npm ci --prefix "$LINT_DIR" --silent --no-audit --no-fund >/dev/null
fi

shopt -s nullglob
bpmn_files=(processes/*.bpmn)
dmn_files=(processes/*.dmn)
shopt -u nullglob

if [ "${#bpmn_files[@]}" -eq 0 ]; then
  echo "lint-processes: no processes/*.bpmn found" >&2
  exit 1
fi

status=0

for f in "${bpmn_files[@]}"; do
  if ! grep -q '<bpmndi:BPMNDiagram' "$f"; then
    echo "lint-processes: $f has no diagram interchange (bpmndi:BPMNDiagram)" >&2
    status=1
  fi
done
for f in "${dmn_files[@]}"; do
  if ! grep -q '<dmndi:DMNDI' "$f"; then
    echo "lint-processes: $f has no diagram interchange (dmndi:DMNDI)" >&2
    status=1
  fi
done

# bpmnlint resolves the plugin named in .bpmnlintrc from the working directory; the toolchain lives in
# .ci/lint/node_modules, so put it on NODE_PATH while linting from the repo root.
if ! NODE_PATH="$LINT_DIR/node_modules${NODE_PATH:+:$NODE_PATH}" \
    "$LINT_DIR/node_modules/.bin/bpmnlint" --max-warnings 0 --config "$ROOT/.bpmnlintrc" "${bpmn_files[@]}"; then
  status=1
fi

if [ "$status" -eq 0 ]; then
  echo "lint-processes: OK (${#bpmn_files[@]} BPMN, ${#dmn_files[@]} DMN)"
fi
exit "$status"
