"""Prep artifacts: the written pieces a candidate brings to the loop.

Each artifact is a worksheet: a purpose, and the elements a reviewer looks for, in
order. An element names the words that show it is there (``signals``), so a linter
can say exactly which element a draft still lacks and what to add.
"""

from __future__ import annotations

from pydantic import Field

from hirebar.content.question import _SLUG_PATTERN, Slug, Strict


class Element(Strict):
    id: Slug = Field(pattern=_SLUG_PATTERN)
    title: str = Field(min_length=3, description="The heading in the template.")
    guidance: str = Field(min_length=20, description="What to write here, in a sentence.")
    signals: list[str] = Field(
        min_length=2, description="Words or short phrases that show the element is present."
    )
    needs_number: bool = Field(False, description="The element must contain a number.")
    missing: str = Field(min_length=10, description="What the linter says when it is absent.")


class Artifact(Strict):
    id: Slug = Field(pattern=_SLUG_PATTERN)
    title: str = Field(min_length=5)
    purpose: str = Field(min_length=30, description="Why committees value it.")
    elements: list[Element] = Field(min_length=4)
    example: str = Field(min_length=200, description="A filled-in example, in Markdown.")

    def template(self) -> str:
        """A Markdown skeleton to fill in: one heading per element, with its guidance."""
        parts = [f"# {self.title}\n", f"<!-- {self.purpose} -->\n"]
        for element in self.elements:
            parts.append(f"## {element.title}\n\n<!-- {element.guidance} -->\n")
        return "\n".join(parts)
