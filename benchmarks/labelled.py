"""The labelled answer set: load it, split it by question, grade it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from hirebar.content import Verdict

DATA = Path(__file__).resolve().parent / "data"
GAMING = ("keyword_stuffing", "echo", "off_topic", "wrong_facts", "padding")
UNSEEN = {"unseen": DATA / "unseen.yaml", "unseen-dev": DATA / "unseen_dev.yaml"}


@dataclass(frozen=True)
class Labelled:
    id: str
    question: str
    style: str
    gaming: str
    score: float
    verdict: Verdict
    competencies: dict[str, int]
    text: str


def load(split: str = "all") -> list[Labelled]:
    """Answers whose question is in ``split`` (dev, test or all), or one of the unseen sets
    (``unseen``, never tuned on, and ``unseen-dev``, made the same way to tune on)."""
    if split in UNSEEN:
        return [_labelled(raw) for raw in yaml.safe_load(UNSEEN[split].read_text())["answers"]]
    splits = yaml.safe_load((DATA / "split.yaml").read_text())
    wanted = set(splits["dev"]) | set(splits["test"]) if split == "all" else set(splits[split])
    return [
        _labelled(raw)
        for path in sorted((DATA / "labelled").glob("*.yaml"))
        for raw in yaml.safe_load(path.read_text())["answers"]
        if raw["question"] in wanted
    ]


def _labelled(raw: dict) -> Labelled:
    return Labelled(
        id=raw["id"],
        question=raw["question"],
        style=raw["style"],
        gaming=raw["gaming"],
        score=float(raw["score"]),
        verdict=Verdict(raw["verdict"]),
        competencies=raw.get("competencies", {}),  # the unseen set is scored 0-5 only
        text=raw["text"],
    )
