"""Layout "structured": use cases as records nested in a YAML file or a JSON export.

An engineer's YAML file or an internal tool's JSON export keeps use cases as mappings with a
name, nested in categories::

    version: 3                                  <- metadata (skipped as "structure")
    industries:
      - name: Retail                            <- a category: a heading
        use_cases:
          - name: Virtual try-on                <- a use case, at the line of its name
            description: >-                     <- its description (folded strings too)
              Shoppers see clothes on
              their own photo.
            tools: [Kling, Veo]                 <- appended as "Tools: Kling, Veo"
            examples:                           <- examples are not use cases
              - name: Eyewear
          - name: Product photos
            children:                           <- kinds of a use case: its children
              - title: Seasonal backgrounds

Both are read with PyYAML's composer (JSON is YAML), which keeps each value's line, so an
item's line is the line of the file holding its name.

Rules:

* A **record** is a mapping in a list that has a name key: one of the label words of the
  table layout ("name", "title", "use case", "application", ...: ``table.COLUMNS``).
* A record holding other records (in a list under any key but an example or tool key) is a
  **category** when no record beside it is a leaf (every record of its list holds records:
  industries over use cases): its name is a heading over what it holds. Otherwise it is a
  **use case with kinds**: an item whose records are its children.
* A record holding no records is a use case. Its description is the first description-role
  value ("description", "summary", "details", ...); other description-role values follow as
  "Key: value"; tool-role values are appended as "Tools: ..."; a section-role value
  ("industry", "category") names a heading when no category encloses it.
* Records under keys that name examples, tools, tags, links, references or sources are not
  use cases.

:meth:`Structured.detect` claims a file only when it parses as one YAML document (JSON
included) holding at least :data:`MIN_RECORDS` records and either nests records in records
or is not JSON (a flat JSON array stays with the ``table`` layout, which reads it the same).
A file that is not YAML or JSON is never parsed past a quick look at its first line.
"""

from __future__ import annotations

import re
from functools import lru_cache

from gm_graph.ingest import register
from gm_graph.ingest.base import LIST_MARKER, Ingester, Segment, other_section
from gm_graph.ingest.markdown_bold import clean_label, unmark
from gm_graph.ingest.table import column_role
from gm_graph.model import Heading, Item, ParseResult
from gm_graph.text import repair

MIN_RECORDS = 3
CONFIDENCE = 0.96  # above the table layout's 0.95: a nested export is this layout's
# Keys whose records are not use cases of their own.
_NOT_RECORDS = re.compile(
    r"^(?:examples?|samples?|tools?|models?|vendors?|tags?|links?|references?|sources?|citations?|notes?|"
    r"attachments?|files?|comments?|history|authors?|owners?|people|contributors?|reviewers?|assets?|images?)$",
    re.IGNORECASE,
)
# A name that is a file name ("voice-shortlist.xlsx") names an attachment, not a use case.
_FILE_NAME = re.compile(r"\.[A-Za-z0-9]{2,5}$")
# "key: value", "- key: value", "- item", an indented line (a nested value or a folded
# string's continuation), a bracket or brace: the lines of YAML; unindented prose is not.
_STRUCTURED_LINE = re.compile(r"^(?:\s*(?:-\s+)?[\w\"' ./-]{1,60}:(?:\s|$)|\s*-(?:\s|$)|\s+\S|\s*[\[\]{}],?\s*$)")
# What a YAML or JSON file opens with: "{", "[", "---", "key:" or "- key:" (after comments).
_OPENING = re.compile(r"^(?:[\[{]|---\s*$|%YAML|[\w\"' -]{1,60}:(?:\s|$)|-\s+[\w\"' -]{1,60}:(?:\s|$))")


def _looks_structured(text: str) -> bool:
    """A quick look before parsing: the text opens like YAML or JSON, and most of its first
    lines are ``key: value``, ``- item``, bracket or continuation lines."""
    lines = [t for t in text.splitlines() if t.strip() and not t.lstrip().startswith("#")][:40]
    if not lines or not _OPENING.match(lines[0].strip()) or LIST_MARKER.match(lines[0]):
        return False
    if lines[0].lstrip()[:1] in ("[", "{"):
        return True
    shaped = sum(1 for t in lines if _STRUCTURED_LINE.match(t))
    return shaped >= 0.8 * len(lines)


@lru_cache(maxsize=4)
def _compose(text: str):
    """The YAML node tree of ``text``, or None when it is not one YAML (or JSON) document.

    Cached: detection and parsing of one list ask for the same text; the tree is only read."""
    import yaml

    if not _looks_structured(text):
        return None
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    except Exception:  # a composer error of another kind: not this layout's input
        return None


def _scalar(node) -> str:
    import yaml

    if isinstance(node, yaml.ScalarNode):
        return str(node.value).strip()
    if isinstance(node, yaml.SequenceNode):
        return ", ".join(v for v in (_scalar(x) for x in node.value) if v)
    return ""


class _Record:
    """One mapping with a name key: its name node, its fields by role, its nested records."""

    def __init__(self, node, name_key, name_node) -> None:
        self.node = node
        self.name_key = name_key
        self.name_node = name_node
        self.children: list[_Record] = []


def _name_of(node):
    """``(key, value node)`` of a mapping's name key, or None."""
    import yaml

    if not isinstance(node, yaml.MappingNode):
        return None
    for key, value in node.value:
        if isinstance(key, yaml.ScalarNode) and isinstance(value, yaml.ScalarNode) and column_role(str(key.value)) == "label":
            text = str(value.value).strip()
            if text and not (_FILE_NAME.search(text) and " " not in text):
                return str(key.value), value
    return None


def _records(node, inside_not_records: bool = False) -> list[_Record]:
    """The records found under ``node``, outermost first, each with its nested records."""
    import yaml

    found: list[_Record] = []
    if isinstance(node, yaml.SequenceNode):
        for element in node.value:
            name = _name_of(element) if not inside_not_records else None
            if name is not None:
                record = _Record(element, *name)
                for key, value in element.value:
                    if isinstance(key, yaml.ScalarNode) and _NOT_RECORDS.match(str(key.value).strip()):
                        continue
                    record.children.extend(_records(value))
                found.append(record)
            else:
                found.extend(_records(element, inside_not_records))
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            skip = isinstance(key, yaml.ScalarNode) and bool(_NOT_RECORDS.match(str(key.value).strip()))
            found.extend(_records(value, skip))
    return found


def _count(records: list[_Record]) -> tuple[int, bool]:
    """``(number of records, whether any record holds records)``."""
    total, nested = 0, False
    for r in records:
        n, _ = _count(r.children)
        total += 1 + n
        nested = nested or bool(r.children)
    return total, nested


@register
class Structured(Ingester):
    name = "structured"
    summary = "YAML or nested JSON: mappings with a name key, nested in categories"

    def detect(self, segment: Segment) -> float:
        text = "\n".join(segment.lines)
        root = _compose(text)
        if root is None:
            return 0.0
        total, nested = _count(_records(root))
        is_json = text.lstrip()[:1] in ("[", "{")
        if total < MIN_RECORDS or (is_json and not nested):
            return 0.0
        return CONFIDENCE

    def parse(self, segment: Segment) -> ParseResult:
        result = ParseResult(segment.source, self.name)
        root = _compose("\n".join(segment.lines))
        numbered = list(segment.numbered())
        if root is None:
            return result
        used: set[int] = set()
        self._walk(segment, result, numbered, _records(root), (), None, used)
        for n, raw in numbered:
            if raw.strip() and n not in used:
                result.skip(n, raw, "structure")
        return result

    def _walk(self, segment, result, numbered, records, headings, parent, used) -> None:
        # Categories: every record of this list holds records (industries over use cases).
        categories = bool(records) and all(r.children for r in records) and parent is None
        for record in records:
            line = record.name_node.start_mark.line  # 0-based index into the segment
            n, raw = numbered[line]
            name = clean_label(unmark(repair(str(record.name_node.value))))
            used.add(n)
            if categories:
                if other_section(name):
                    continue
                heading = Heading(text=name, verbatim=raw, line=n, level=len(headings) + 1)
                result.headings.append(heading)
                self._walk(segment, result, numbered, record.children, (*headings, heading), None, used)
                continue
            description, section = self._fields(record)
            these = headings
            if section and not headings:
                found = next((h for h in result.headings if h.text.casefold() == section.casefold() and h.level == 1), None)
                if found is None:
                    found = Heading(text=section, verbatim=raw, line=n, level=1)
                    result.headings.append(found)
                these = (found,)
            item = result.add(
                Item(source=segment.source, line=n, verbatim=raw, label=name, description=description, headings=these, parent=parent)
            )
            if parent is not None:
                parent.kind = "group"
            self._walk(segment, result, numbered, record.children, these, item, used)

    @staticmethod
    def _fields(record: _Record) -> tuple[str, str]:
        """The description (with other described fields and tools) and the section value."""
        import yaml

        parts: list[str] = []
        tools: list[str] = []
        section = ""
        for key, value in record.node.value:
            if not isinstance(key, yaml.ScalarNode) or key.value == record.name_key:
                continue
            role = column_role(str(key.value))
            text = " ".join(unmark(repair(_scalar(value))).split())
            if not text:
                continue
            if role == "description":
                parts.append(text if not parts else f"{str(key.value).strip().capitalize()}: {text}")
            elif role == "tools":
                tools.append(text)
            elif role == "section" and not section:
                section = text
        if tools:
            parts.append("Tools: " + ", ".join(tools))
        return "; ".join(parts), section
