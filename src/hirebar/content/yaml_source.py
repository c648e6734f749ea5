"""YAML read the way an author needs it: every error with its line, no key taken twice.

PyYAML keeps the last of two equal keys without a word, so a field written twice loses
the first value, and a syntax error's message alone ("expected ',' or ']'") drops the
part that says where the unclosed thing began. Both are said here, with their lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

# libyaml when present: the built-in pack parses about ten times faster.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class YamlIssue:
    """One thing wrong in a YAML text, at its 1-based line."""

    line: int | None
    message: str


class YamlSyntaxError(ValueError):
    """The text is not YAML; ``issue`` says where parsing stopped and what was open."""

    def __init__(self, issue: YamlIssue):
        self.issue = issue
        super().__init__(issue.message)


@dataclass
class ParsedYaml:
    """A YAML document's data, its node tree (for lines), and the keys written twice."""

    data: Any
    node: Any
    repeated_keys: list[YamlIssue] = field(default_factory=list)


def parse_yaml(text: str) -> ParsedYaml | None:
    """The one document in ``text``, or None when it holds none (empty or comments only).

    Raises ``YamlSyntaxError`` when ``text`` is not YAML.
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        raise YamlSyntaxError(_syntax_issue(exc)) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(YamlIssue(None, f"YAML syntax: {exc}")) from None
    finally:
        loader.dispose()
    return None if node is None else ParsedYaml(data, node, repeated_keys(node))


def _syntax_issue(exc: yaml.MarkedYAMLError) -> YamlIssue:
    line = exc.problem_mark.line + 1 if exc.problem_mark else None
    message = f"YAML syntax: {exc.problem}"
    if exc.context:
        opened = exc.context_mark.line + 1 if exc.context_mark else None
        message += f" ({exc.context}" + (f" begun on line {opened})" if opened else ")")
    return YamlIssue(line, message)


def repeated_keys(root: Any) -> list[YamlIssue]:
    """Every mapping key written a second time in the same mapping, at the repeat's line."""
    issues = []
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            first: dict[str, int] = {}
            for key, value in node.value:
                stack.append(value)
                if not isinstance(key, yaml.ScalarNode) or key.tag.endswith(":merge"):
                    continue
                line = key.start_mark.line + 1
                if key.value in first:
                    issues.append(
                        YamlIssue(
                            line,
                            f"key '{key.value}' is written twice in one mapping (first on line "
                            f"{first[key.value]}); only the last would be kept",
                        )
                    )
                else:
                    first[key.value] = line
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return sorted(issues, key=lambda issue: issue.line or 0)
