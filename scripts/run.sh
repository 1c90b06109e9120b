#!/usr/bin/env bash
# Install compareapp into .venv and start it. With no arguments the window opens on its
# start view (which offers the sample comparison); arguments go to the compareapp command.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q -U pip
.venv/bin/python -m pip install -q -e .
exec .venv/bin/compareapp "$@"
