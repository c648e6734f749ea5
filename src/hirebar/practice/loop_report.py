"""The debrief packet: the committee's decision as Markdown, HTML or PDF.

One context feeds all three formats. The HTML is a single self-contained page (inline
CSS, an SVG chart, no scripts or remote assets), which is also what WeasyPrint turns
into the PDF.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from hirebar.content import Competency, Library, Question, percent
from hirebar.drills import KINDS
from hirebar.grading.committee import CommitteeDecision, Fix

# Where to practise a competency when no lesson teaches the question it was missed on: a
# lesson, and a drill kind or incident where one trains it (none fits owning a story,
# structuring an answer or bringing people along; the lesson and a question do).
PRACTICE: dict[Competency, tuple[str, str | None]] = {
    Competency.user_impact: ("product-sense-designing-for-errors", "threshold-choice"),
    Competency.metrics: ("product-sense-success-metrics-first", "significance"),
    Competency.experiment_design: ("product-sense-success-metrics-first", "sample-size"),
    Competency.risk_containment: ("debugging-containment", "inc-overnight-accuracy-drop"),
    Competency.tradeoffs: ("fluency-metrics-thresholds", "threshold-choice"),
    Competency.monitoring: ("fluency-deployment-drift", "drift"),
    Competency.ownership: ("stories-repeatable-story", None),
    Competency.structure: ("frameworks-silent-rubric", None),
    Competency.safety_ethics: ("safety-subgroup-audits", "inc-dermatology-skin-tone-gap"),
    Competency.business_impact: ("strategy-inference-unit-economics", "inference-cost"),
    Competency.technical_fluency: ("fluency-ranking-calibration", "roc-vs-pr"),
    Competency.collaboration: ("stories-story-bank", None),
}
FORMATS = {".md": "markdown", ".html": "html", ".pdf": "pdf"}


def links_for(fix: Fix, library: Library, exclude: set[str]) -> list[dict]:
    """A lesson, a drill and a question that practise what the fix asks for; the question
    is added to ``exclude``, so the next fix links another.

    The lesson that sends its readers to the question the point was missed on teaches
    that question's ground, and its first drill goes with it; otherwise the lesson and
    drill that train the point's competency.
    """
    lesson_id, drill = PRACTICE[fix.competency]
    teaching = next(
        (x for _, lessons in library.course for x in lessons if fix.question_id in x.practice),
        None,
    )
    if teaching is not None:
        lesson_id = teaching.id
        drill = next((d for d in teaching.drills if _exists(d, library)), drill)
    found = []
    if lesson_id in library.lessons:
        found.append({"kind": "lesson", "id": lesson_id, "title": library.lessons[lesson_id].title})
    if drill in library.incidents:
        found.append({"kind": "incident", "id": drill, "title": library.incidents[drill].title})
    elif drill in KINDS:
        found.append({"kind": "drill", "id": drill, "title": KINDS[drill][0]})
    question = _question_for(fix, library, lesson_id, exclude)
    if question is not None:
        exclude.add(question.id)
        found.append({"kind": "question", "id": question.id, "title": question.headline(100)})
    return found


def _question_for(fix: Fix, library: Library, lesson_id: str, exclude: set[str]) -> Question | None:
    """A question not yet asked or linked that tests the competency in a round of the same
    kind, one the lesson sends its readers to first; failing that, of any kind."""
    lesson = library.lessons.get(lesson_id)
    listed = [library.questions[q] for q in lesson.practice] if lesson else []
    same_round = library.find(round=fix.round_kind, competency=fix.competency)
    pools = (
        [q for q in listed if q in same_round],
        same_round,
        [q for q in listed if fix.competency in q.competencies],
        library.find(competency=fix.competency),
    )
    return next((q for pool in pools for q in pool if q.id not in exclude), None)


def _exists(drill: str, library: Library) -> bool:
    return drill in KINDS or drill in library.incidents


def context(decision: CommitteeDecision, library: Library) -> dict:
    asked = {r.question_id for r in decision.rounds}
    data = asdict(decision)
    data["decision"] = decision.decision.value
    for item, fix in zip(data["fixes"], decision.fixes, strict=True):
        item["links"] = links_for(fix, library, asked)
        item["competency"] = fix.competency.value
        item["round_kind"] = fix.round_kind.value
    for item in data["rounds"]:
        item["verdict"] = item["verdict"].value
        item["prompt"] = library.questions[item["question_id"]].prompt
    data["chart"] = chart(decision.competencies)
    return data


def chart(scores: dict[str, float]) -> str:
    """Horizontal bars, 1-4, as inline SVG (renders in browsers and in WeasyPrint)."""
    row, label_width, bar_width = 22, 230, 300
    height, width = row * len(scores) + 24, label_width + bar_width + 40
    parts = [  # the viewBox lets a narrow screen scale the chart down instead of scrolling
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="Competency scores, 1 to 4">'
    ]
    for i, (name, value) in enumerate(scores.items()):
        y = i * row + 4
        width = bar_width * (value - 1) / 3 if value > 1 else 2
        color = "#1e7a46" if value >= 3 else "#c77700" if value >= 2 else "#b3261e"
        parts.append(
            f'<text x="0" y="{y + 14}" font-size="12" font-family="sans-serif">{name}</text>'
            f'<rect x="{label_width}" y="{y}" width="{width:.1f}" height="16" fill="{color}"/>'
            f'<text x="{label_width + width + 6:.1f}" y="{y + 13}" font-size="11" '
            f'font-family="sans-serif">{value:.1f}</text>'
        )
    axis = height - 6
    parts.append(
        f'<text x="{label_width}" y="{axis}" font-size="10" font-family="sans-serif">1</text>'
        f'<text x="{label_width + bar_width - 6}" y="{axis}" font-size="10" '
        'font-family="sans-serif">4</text></svg>'
    )
    return "".join(parts)


_ENV = Environment(
    loader=PackageLoader("hirebar.practice", "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
_ENV.filters["weight"] = percent


def render(decision: CommitteeDecision, library: Library, fmt: str) -> str | bytes:
    data = context(decision, library)
    if fmt == "markdown":
        return _ENV.get_template("debrief.md").render(d=data)
    html = _ENV.get_template("debrief.html").render(d=data)
    if fmt == "html":
        return html
    if fmt == "pdf":
        from weasyprint import HTML  # imported on use: it loads system libraries

        return HTML(string=html).write_pdf()
    raise ValueError(f"unknown report format '{fmt}'")


def write(decision: CommitteeDecision, library: Library, path: Path) -> Path:
    """Write the report in the format the file extension names (.md, .html or .pdf)."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(f"report file must end in .md, .html or .pdf, not '{path.suffix}'")
    body = render(decision, library, fmt)
    if isinstance(body, bytes):
        path.write_bytes(body)
    else:
        path.write_text(body, encoding="utf-8")
    return path
