#!/bin/sh
# Entry of the pre-commit hook in .pre-commit-hooks.yaml: pre-commit runs it from its clone of
# pipeguard with the project being committed as the working directory.
set -e
here=$(cd "$(dirname "$0")/.." && pwd)
exec node "$here/dist/cli.js" secrets --staged --fail-on low "$@"
