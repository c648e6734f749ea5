"""Read a pack folder into validated models, collecting problems instead of raising.

A pack is a folder with ``pack.yaml`` and YAML files under ``companies/``,
``questions/``, ``incidents/`` and ``artifacts/``; a question may also be a Markdown
file whose front matter holds the fields and whose body is the exemplar outline.
``lessons/modules.yaml`` lists the course modules and every ``lessons/**/*.md`` is a
lesson (front matter, then the body). Each entry is validated on its own, so one
broken question costs that question, not the pack, and every problem names the file,
the entry id, the field and the line. Reading files is the only I/O here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, Field, ValidationError

from hirebar.content.artifact import Artifact
from hirebar.content.company import Company
from hirebar.content.incident import Incident
from hirebar.content.lesson import Lesson, Module
from hirebar.content.problems import PackProblem
from hirebar.content.question import _SLUG_PATTERN, Question, Strict
from hirebar.content.yaml_source import YamlSyntaxError, parse_yaml

Model = TypeVar("Model", bound=BaseModel)

SECTIONS: dict[str, type[BaseModel]] = {
    "companies": Company,
    "questions": Question,
    "incidents": Incident,
    "artifacts": Artifact,
}
# Every kind of entry a pack holds; ids are unique within each.
KINDS = ("companies", "questions", "incidents", "artifacts", "modules", "lessons")


class PackInfo(Strict):
    id: str = Field(pattern=_SLUG_PATTERN)
    name: str
    version: str = "1"
    description: str = ""


@dataclass(frozen=True)
class Located:
    """A valid entry and where its id is written: file (within the pack) and line, and the
    line of each of its fields, so a problem found later can point at the field."""

    entry: BaseModel
    file: str
    line: int
    fields: dict[str, int] = field(default_factory=dict)


@dataclass
class LoadedPack:
    """What one pack folder yielded: its valid entries and its problems."""

    root: Path
    info: PackInfo | None = None
    companies: list[Company] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)
    artifacts: list[Artifact] = field(default_factory=list)
    modules: list[Module] = field(default_factory=list)
    lessons: list[Lesson] = field(default_factory=list)
    problems: list[PackProblem] = field(default_factory=list)
    # (kind, id) -> where the kept entry's id is written: file within the pack, line
    places: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)
    # (kind, id, field) -> the line where the kept entry writes that field
    field_lines: dict[tuple[str, str, str], int] = field(default_factory=dict)


def load_pack(root: Path) -> LoadedPack:
    """Load every entry of the pack at ``root``; never raises for bad content."""
    root = Path(root)
    loaded = LoadedPack(root=root)
    if not root.is_dir():
        what = "is a file; a pack is a folder" if root.exists() else "pack folder does not exist"
        loaded.problems.append(PackProblem(file=str(root), message=what))
        return loaded
    manifest = root / "pack.yaml"
    if not manifest.is_file():
        loaded.problems.append(PackProblem(file=str(manifest), message="missing pack.yaml"))
        return loaded
    info = _read_manifest(manifest, loaded.problems)
    if info is None:
        return loaded
    loaded.info = info
    found: dict[str, list[Located]] = {kind: [] for kind in KINDS}
    for section, model in SECTIONS.items():
        for path in sorted((root / section).glob("*.y*ml")):
            found[section] += _read_section(path, section, model, root, loaded.problems)
    for path in sorted((root / "questions").glob("*.md")):
        found["questions"] += _read_markdown(path, root, Question, "exemplar", loaded.problems)
    modules = root / "lessons" / "modules.yaml"
    if modules.is_file():
        found["modules"] = _read_section(modules, "modules", Module, root, loaded.problems)
    for path in sorted((root / "lessons").rglob("*.md")):
        found["lessons"] += _read_markdown(path, root, Lesson, "body", loaded.problems)
    _keep_unique(loaded, found)
    return loaded


def _read_manifest(path: Path, problems: list[PackProblem]) -> PackInfo | None:
    parsed = _parse_yaml(path, path.name, problems)
    if parsed is None:
        return None
    data, node = parsed
    try:
        return PackInfo.model_validate(data)
    except ValidationError as exc:
        problems.extend(_problems_from(exc, path.name, node, (), None))
        return None


def _read_section(
    path: Path, section: str, model: type[Model], root: Path, problems: list[PackProblem]
) -> list[Located]:
    rel = str(path.relative_to(root))
    parsed = _parse_yaml(path, rel, problems)
    if parsed is None:
        return []
    data, node = parsed
    if not isinstance(data, dict) or not isinstance(data.get(section), list):
        problems.append(
            PackProblem(file=rel, line=1, message=f"expected a top-level '{section}:' list")
        )
        return []
    entries: list[Located] = []
    for index, raw in enumerate(data[section]):
        entry_id = raw.get("id") if isinstance(raw, dict) else None
        try:
            entry = model.model_validate(raw)
        except ValidationError as exc:
            problems.extend(_problems_from(exc, rel, node, (section, index), entry_id))
            continue
        place = (section, index)
        entries.append(
            Located(entry, rel, _line_of(node, (*place, "id")), _field_lines(node, place))
        )
    return entries


def _read_markdown(
    path: Path, root: Path, model: type[Model], body_field: str, problems: list[PackProblem]
) -> list[Located]:
    """An entry as Markdown: YAML front matter between ``---`` lines, the body in ``body_field``
    (a list of one entry, or none if the file is broken)."""
    rel = str(path.relative_to(root))
    text = _read_text(path, rel, problems)
    if text is None:
        return []
    parts = text.split("\n---", 1) if text.startswith("---") else []
    if len(parts) != 2:
        problems.append(
            PackProblem(file=rel, line=1, message="expected YAML front matter between '---' lines")
        )
        return []
    front, body = parts[0][3:], parts[1].split("\n", 1)[-1]
    # ``front`` keeps the newline after the opening ---, so its lines are the file's lines.
    parsed = _parse_yaml_text(front, rel, problems)
    if parsed is None:
        return []
    data, node = parsed
    if not isinstance(data, dict):
        problems.append(PackProblem(file=rel, line=2, message="front matter must be a mapping"))
        return []
    data.setdefault(body_field, body.strip())
    try:
        entry = model.model_validate(data)
    except ValidationError as exc:
        problems.extend(_problems_from(exc, rel, node, (), data.get("id")))
        return []
    return [Located(entry, rel, _line_of(node, ("id",)), _field_lines(node, ()))]


def _read_text(path: Path, rel: str, problems: list[PackProblem]) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        problems.append(PackProblem(file=rel, message=f"not UTF-8 text ({exc.reason})"))
        return None


def _parse_yaml(path: Path, rel: str, problems: list[PackProblem]) -> tuple[Any, Any] | None:
    text = _read_text(path, rel, problems)
    return None if text is None else _parse_yaml_text(text, rel, problems)


def _parse_yaml_text(text: str, rel: str, problems: list[PackProblem]) -> tuple[Any, Any] | None:
    try:
        parsed = parse_yaml(text)
    except YamlSyntaxError as exc:
        problems.append(PackProblem(file=rel, line=exc.issue.line, message=exc.issue.message))
        return None
    if parsed is None:
        problems.append(PackProblem(file=rel, line=1, message="file is empty"))
        return None
    # A repeated key is reported, and the entry still loads as YAML reads it (the last
    # value wins): the author sees the problem without losing the rest of the file.
    problems.extend(
        PackProblem(file=rel, line=i.line, message=i.message) for i in parsed.repeated_keys
    )
    return parsed.data, parsed.node


def _problems_from(
    exc: ValidationError,
    rel: str,
    root_node: Any,
    prefix: tuple[Any, ...],
    entry_id: Any,
) -> list[PackProblem]:
    found = []
    for err in exc.errors():
        loc = tuple(err["loc"])
        found.append(
            PackProblem(
                file=rel,
                line=_line_of(root_node, prefix + loc),
                entry=str(entry_id) if entry_id else None,
                field=_dotted(loc) or None,
                message=err["msg"],
            )
        )
    return found


def _dotted(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _line_of(node: Any, loc: tuple[Any, ...]) -> int:
    """The line of the deepest YAML node that ``loc`` reaches (1-based)."""
    return _node_at(node, loc).start_mark.line + 1


def _field_lines(node: Any, loc: tuple[Any, ...]) -> dict[str, int]:
    """The line of each key of the mapping that ``loc`` reaches."""
    entry = _node_at(node, loc)
    if not isinstance(entry, yaml.MappingNode):
        return {}
    return {str(key.value): key.start_mark.line + 1 for key, _ in entry.value}


def _node_at(node: Any, loc: tuple[Any, ...]) -> Any:
    """The deepest YAML node that ``loc`` reaches."""
    for part in loc:
        child = None
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == part:
                    child = value
                    break
        elif (
            isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value)
        ):
            child = node.value[part]
        if child is None:
            break
        node = child
    return node


def _keep_unique(loaded: LoadedPack, found: dict[str, list[Located]]) -> None:
    """Each kind's entries into the pack; of a repeated id the first is kept and each repeat
    is a problem that names both places."""
    for kind, located in found.items():
        first: dict[str, str] = {}
        kept = []
        for item in located:
            entry_id = item.entry.id  # type: ignore[attr-defined]
            if entry_id in first:
                loaded.problems.append(
                    PackProblem(
                        file=item.file,
                        line=item.line,
                        entry=entry_id,
                        field="id",
                        message=f"id is used twice; the first, kept, is at {first[entry_id]}",
                    )
                )
                continue
            first[entry_id] = f"{item.file}:{item.line}"
            loaded.places[kind, entry_id] = (item.file, item.line)
            for name, line in item.fields.items():
                loaded.field_lines[kind, entry_id, name] = line
            kept.append(item.entry)
        setattr(loaded, kind, kept)
