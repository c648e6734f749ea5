"""A drill: one exercise with an exact answer, generated from a seed.

The same (kind, seed) always gives the same exercise, so a result can be stored as
two small values and the exercise rebuilt later for review.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Drill:
    kind: str
    seed: int
    title: str
    prompt: str
    answer: float
    tolerance: float  # the largest absolute error still marked correct
    unit: str
    solution: str
    decision: str
    data: dict[str, Any]

    def public(self) -> dict[str, Any]:
        """What the candidate sees before answering."""
        return {
            "kind": self.kind,
            "seed": self.seed,
            "title": self.title,
            "prompt": self.prompt,
            "unit": self.unit,
        }

    def full(self) -> dict[str, Any]:
        return {
            **self.public(),
            "answer": self.answer,
            "tolerance": self.tolerance,
            "solution": self.solution,
            "decision": self.decision,
            "data": self.data,
        }


@dataclass(frozen=True)
class Check:
    correct: bool
    given: float | None
    expected: float
    message: str


_NUMBER = re.compile(r"[-+]?(?:\d[\d,]*\.?\d*|\.\d+)(?:e[-+]?\d+)?\s*(%|k\b)?", re.IGNORECASE)


# One comma after a lone 0, or not followed by exactly three digits, is a decimal comma:
# "0,525", "9,2", "12,75"; "1,250" and "1,250,000" group thousands.
_DECIMAL_COMMA = re.compile(r"[-+]?(?:0,\d+|\d+,(?!\d{3}$)\d+)$")
_OVER = re.compile(r"\s*/\s*([-+]?(?:\d[\d,]*\.?\d*|\.\d+))")


def parse_number(text: str) -> float | None:
    """The first number in a reply: "0.82", "1,250", "9,2", "$3.4", "12.5%" (as 12.5),
    "40k", or a fraction worked out: "171/201"."""
    text = text.replace("−", "-")
    match = _NUMBER.search(text)
    if match is None:
        return None
    value = _value(match.group(0).rstrip("%kK "))
    if value is None:
        return None
    if (match.group(1) or "").lower() == "k":
        value *= 1000
    over = _OVER.match(text, match.end()) if not match.group(1) else None
    if over is not None:
        divisor = _value(over.group(1))
        if divisor:
            value /= divisor
    return value if math.isfinite(value) else None


def _value(digits: str) -> float | None:
    digits = digits.replace(",", ".") if _DECIMAL_COMMA.match(digits) else digits.replace(",", "")
    try:
        return float(digits)
    except ValueError:
        return None


def check_answer(drill: Drill, reply: str) -> Check:
    given = parse_number(reply)
    if given is None:
        return Check(False, None, drill.answer, "No number found in the answer.")
    if "%" in reply and "%" not in drill.unit and abs(drill.answer) <= 1:
        given /= 100  # "52.5%" for a rate asked as a fraction means 0.525
    error = abs(given - drill.answer)
    if error <= drill.tolerance:
        return Check(True, given, drill.answer, "Correct.")
    return Check(
        False,
        given,
        drill.answer,
        f"Not quite: your answer reads as {fmt(given)}; the answer is "
        f"{fmt(drill.answer)}{drill.unit} (accepted within ±{fmt(drill.tolerance)}).",
    )


def fmt(value: float) -> str:
    """A number as a person writes it: 12,500 · 0.842 · 3.5."""
    if value == int(value) and abs(value) >= 1:
        return f"{int(value):,}"
    if abs(value) >= 100:
        return f"{value:,.1f}"
    return f"{value:.4g}" if abs(value) < 1 else f"{value:.3g}"
