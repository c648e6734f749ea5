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

    @property
    def answer_text(self) -> str:
        """The answer to the precision the tolerance asks for ("98.44%", "1.6 months"), so
        that typing back what is shown is always marked correct."""
        decimals = max(0, math.ceil(-math.log10(2 * self.tolerance))) if self.tolerance else 4
        return f"{self.answer:,.{decimals}f}{self.unit}"

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


def capitalised(name: str) -> str:
    """A name that starts a heading, with its first letter in capitals and the rest as
    written ("F1" and "ROC-AUC" keep theirs, which ``str.capitalize`` would lower)."""
    return name[:1].upper() + name[1:]


@dataclass(frozen=True)
class Check:
    correct: bool
    given: float | None
    expected: float
    message: str


_NUMBER = re.compile(
    r"(?P<digits>[-+]?(?:\d[\d,]*\.?\d*|\.\d+)(?:e[-+]?\d+)?)"
    r"\s*(?P<suffix>%|percent\b|per cent\b|pct\b|k\b|thousand\b|(?-i:M)\b|million\b)?",
    re.IGNORECASE,
)


# One comma after a lone 0, or not followed by exactly three digits, is a decimal comma:
# "0,525", "9,2", "12,75"; "1,250" and "1,250,000" group thousands.
_DECIMAL_COMMA = re.compile(r"[-+]?(?:0,\d+|\d+,(?!\d{3}$)\d+)$")
EXACT = 15
# "M" only in capitals: "1.6 m" is as likely months or metres as millions.
SCALES = {"k": 1_000, "thousand": 1_000, "m": 1_000_000, "million": 1_000_000}
_OVER = re.compile(r"\s*/\s*([-+]?(?:\d[\d,]*\.?\d*|\.\d+))")


@dataclass(frozen=True)
class Number:
    value: float
    percent: bool  # written with "%": 12.5 stands for 0.125 where a rate is asked for
    digits: int  # significant digits as written; a worked-out fraction counts as exact

    def same_as(self, other: Number) -> bool:
        """One answer written twice, maybe rounded: "0.8507 (85%)", "0.125, i.e. 12.5%"."""
        a, b = self.value, other.value
        if self.percent != other.percent:
            a, b = (a / 100, b) if self.percent else (a, b / 100)
        places = min(self.digits, other.digits)
        return float(f"{a:.{places}g}") == float(f"{b:.{places}g}")


def parse_number(text: str) -> float | None:
    """The number a reply gives: "0.82", "1,250", "9,2", "$3.4", "12.5%" (as 12.5),
    "40k", "$0.26M", "1.2 million", or a fraction worked out: "171/201". Working shown
    before an "=" is passed over ("171/201 = 0.85" gives 0.85); a reply with two
    different numbers and no "=" ("0.5 or 0.6") gives none, as ``reply_problem`` says."""
    number = read_number(text)
    return None if number is None else number.value


def read_number(text: str) -> Number | None:
    """Like ``parse_number``, saying also whether the number was written as a percentage."""
    return _one(_numbers(_answer_part(text)))


def _one(numbers: list[Number]) -> Number | None:
    """The number all of these say (one, or one written twice), if they say one."""
    if not numbers or any(not numbers[0].same_as(n) for n in numbers[1:]):
        return None
    return numbers[0]


def reply_problem(text: str) -> str | None:
    """Why a reply gives no number to check, as a sentence that quotes it, so that the
    candidate can fix it."""
    part = _answer_part(text)
    numbers = _numbers(part)
    shown = text.strip()[:60]
    if not numbers and _NUMBER.search(part):
        return f"'{shown}' is too large to check; type the number, such as 0.82, 12.5% or 40k."
    if not numbers:
        return f"No number found in '{shown}'; type one, such as 0.82, 12.5% or 40k."
    if _one(numbers) is None:
        listed = ", ".join(dict.fromkeys(fmt(n.value) + "%" * n.percent for n in numbers))
        return (
            f"'{shown}' holds more than one number ({listed}): type the one you mean, "
            "after an '=' if you show your working."
        )
    return None


def _answer_part(text: str) -> str:
    """What follows the last "=", where the reply shows its working; else all of it. A
    reply that names its number first ("0.661 = p") gives what comes before."""
    before, equals, after = text.replace("−", "-").rpartition("=")
    return after if not equals or _NUMBER.search(after) else before


def _numbers(text: str) -> list[Number]:
    """Every number in the text, a fraction ("171/201") worked out as one."""
    found, at = [], 0
    while (match := _NUMBER.search(text, at)) is not None:
        at = match.end()
        value = _value(match["digits"])
        if value is None:
            continue
        suffix = (match["suffix"] or "").lower()
        percent = suffix in {"%", "percent", "per cent", "pct"}
        value *= SCALES.get(suffix, 1)
        over = _OVER.match(text, match.end()) if not suffix else None
        digits = _significant_digits(match["digits"])
        if over is not None and (divisor := _value(over.group(1))):
            value, digits = value / divisor, EXACT
            at = over.end()
        if math.isfinite(value):
            found.append(Number(value, percent, digits))
    return found


def _significant_digits(written: str) -> int:
    """ "0.085" has 2, "1,250" has 3, "12.50" has 4."""
    written = written.split("e")[0].split("E")[0].lstrip("+-")
    kept = written.replace(",", "").replace(".", "").lstrip("0")
    if "." not in written and not _DECIMAL_COMMA.match(written):
        kept = kept.rstrip("0")
    return max(1, len(kept))


def _value(digits: str) -> float | None:
    digits = digits.replace(",", ".") if _DECIMAL_COMMA.match(digits) else digits.replace(",", "")
    try:
        return float(digits)
    except ValueError:
        return None


def check_answer(drill: Drill, reply: str) -> Check:
    number = read_number(reply)
    if number is None:
        return Check(False, None, drill.answer, reply_problem(reply) or "")
    given = number.value
    if number.percent and "%" not in drill.unit and abs(drill.answer) <= 1:
        given /= 100  # "52.5%" for a rate asked as a fraction means 0.525
    error = abs(given - drill.answer)
    if error <= drill.tolerance * (1 + 1e-9):  # 1.6 for 1.55 ± 0.05, despite float rounding
        return Check(True, given, drill.answer, "Correct.")
    return Check(
        False,
        given,
        drill.answer,
        f"Not quite: your answer reads as {fmt(given)}; the answer is "
        f"{drill.answer_text} (accepted within ±{fmt(drill.tolerance)}).",
    )


def fmt(value: float) -> str:
    """A number as a person writes it: 12,500 · 0.842 · 3.5."""
    if value == int(value) and abs(value) >= 1:
        return f"{int(value):,}"
    if abs(value) >= 100:
        return f"{value:,.1f}"
    return f"{value:.4g}" if abs(value) < 1 else f"{value:.3g}"
