"""Lint a prep artifact draft against its worksheet: which elements are still missing.

An element counts as present when one of its signals appears in the draft's text
(headings and the template's guidance comments do not count), or when its section holds
some writing of its own (placeholders such as "TBD" or "..." are not writing); an element
that needs a number also needs a digit in its own section (the text under a heading
that names it) or, in a draft without headings, anywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hirebar.content.artifact import Artifact, Element

_HEADING = re.compile(r"^#{1,6}\s+(.+)$", re.MULTILINE)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_PLACEHOLDER = re.compile(
    r"\b(?:tbd|tbc|todo|to do|tk|n/?a|xxx+|lorem ipsum|fill (?:this )?in|placeholder|later)\b"
    r"|\.{2,}|…|\?{2,}",
    re.IGNORECASE,
)
MIN_SECTION_WORDS = 2  # "Owner: Priya Shah" is a section written; "TBD" is not


def written(section: str) -> bool:
    """Whether a section holds the writer's own words, placeholders aside."""
    return len(re.findall(r"[^\W\d_]{2,}", _PLACEHOLDER.sub(" ", section))) >= MIN_SECTION_WORDS


@dataclass(frozen=True)
class Finding:
    element: str
    title: str
    message: str


def sections(text: str) -> dict[str, str]:
    """Heading (lower case) -> the text under it, up to the next heading."""
    marks = list(_HEADING.finditer(text))
    return {
        m.group(1).strip().lower(): text[
            m.end() : marks[i + 1].start() if i + 1 < len(marks) else len(text)
        ]
        for i, m in enumerate(marks)
    }


def _section_for(element: Element, parts: dict[str, str]) -> str | None:
    title = element.title.lower()
    words = set(re.findall(r"[a-z]+", title)) - {"and", "the", "of", "a", "for"}
    for heading, body in parts.items():
        if title in heading or (words and words <= set(re.findall(r"[a-z]+", heading))):
            return body
    return None


def lint(artifact: Artifact, draft: str) -> list[Finding]:
    draft = _COMMENT.sub("", draft)  # the template's guidance is not the writer's text
    low = _HEADING.sub("", draft).lower()  # a heading alone says nothing yet
    parts = sections(draft)
    found = []
    for element in artifact.elements:
        section = _section_for(element, parts)
        scope = (section if section is not None else draft).lower()
        present = any(s.lower() in low for s in element.signals) or (
            section is not None and written(section)
        )
        if not present:
            found.append(Finding(element.id, element.title, element.missing))
        elif element.needs_number and not re.search(r"\d", scope):
            found.append(
                Finding(
                    element.id, element.title, f"{element.title} needs a number: {element.guidance}"
                )
            )
    return found
