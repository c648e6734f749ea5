"""Shared helpers for the reference-answer benchmarks: read the CSVs, compute features once."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from hirebar.grading.reference import FEATURES, features

ASAG = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "asag"


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def feature_matrix(rows: list[dict[str, str]], embedder) -> np.ndarray:
    return np.array(
        [
            [
                features(r["question"], r["reference_answer"], r["answer"], embedder)[name]
                for name in FEATURES
            ]
            for r in rows
        ]
    )
