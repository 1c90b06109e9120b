#!/usr/bin/env bash
# Writes what the headless commands print for a folder of inputs, so that a refactor can
# be checked byte for byte: bash scripts/output_snapshot.sh INPUTS OUT, then diff -r.
# INPUTS holds the seed pair (000_*.txt, 001_*.txt), the sample, bible50/500-a/-b.txt and
# seed.compareapp (a session on the seed pair).
set -euo pipefail
in=$1 out=$2
app=(${COMPAREAPP:-.venv/bin/compareapp})
# A frozen clock (Debian's faketime) makes the dates in the JSON and the PDFs repeatable.
if command -v faketime >/dev/null; then app=(faketime -f "2026-01-01 00:00:00" "${app[@]}"); fi
mkdir -p "$out"
seed=("$in"/000_*.txt "$in"/001_*.txt)
sample=("$in"/wire-report.txt "$in"/outlet-rewrite.txt)
for format in json text; do
    "${app[@]}" compare "${seed[@]}" --format "$format" >"$out/seed.$format"
    "${app[@]}" compare "${seed[@]}" --format "$format" --typographic >"$out/seed-typographic.$format"
    "${app[@]}" compare "${seed[1]}" "${seed[0]}" "${sample[0]}" --base 1 --format "$format" \
        >"$out/three.$format"
    "${app[@]}" compare "${sample[@]}" --format "$format" >"$out/sample.$format"
    "${app[@]}" compare --session "$in/seed.compareapp" --format "$format" >"$out/session.$format"
    for n in 50 500; do
        "${app[@]}" compare "$in/bible$n-a.txt" "$in/bible$n-b.txt" --format "$format" \
            >"$out/bible$n.$format"
    done
done
export_pdf() {
    local name=$1
    shift
    "${app[@]}" export "$@" -o "$out/$name.pdf" --page-size A4 --reviewer Snapshot >"$out/$name.export.txt"
    sed -i "s#$out/##" "$out/$name.export.txt"
    # Qt names font subsets, the XMP document and the file ID at random: blank them.
    python3 - "$out/$name.pdf" <<'PY'
import re, sys
path = sys.argv[1]
data = open(path, "rb").read()
data = re.sub(rb"/[A-Z]{6}\+", b"/XXXXXX+", data)
data = re.sub(rb"uuid:[0-9a-f-]{36}", b"uuid:" + b"0" * 36, data)
data = re.sub(rb"/ID \[ <[0-9a-f]+> <[0-9a-f]+>", lambda m: re.sub(rb"[0-9a-f]", b"0", m[0]), data)
open(path, "wb").write(data)
PY
    pdftotext -layout "$out/$name.pdf" "$out/$name.pdf.txt"
}
export_pdf seed "${seed[@]}"
export_pdf sample "${sample[@]}"
export_pdf session --session "$in/seed.compareapp"
export_pdf bible50 "$in/bible50-a.txt" "$in/bible50-b.txt"
