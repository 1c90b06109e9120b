#!/usr/bin/env bash
# Install compareapp into .venv and run it. With no arguments it compares the bundled
# sample articles; otherwise the arguments go to the compareapp command.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q -U pip
.venv/bin/python -m pip install -q -e .
if [ "$#" -eq 0 ]; then set -- compare --sample; fi
exec .venv/bin/compareapp "$@"
