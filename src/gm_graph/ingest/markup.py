"""Org-mode and reStructuredText files: rendered to Markdown lines that keep the file's lines.

Like a saved HTML page (:mod:`gm_graph.ingest.html`), a list kept as an Emacs org file or
as reStructuredText is not a layout of its own: it is turned into Markdown, **one output
line per input line**, and handed to the layouts, so ``Item.line`` is the file's line and the
verbatim text of an item is the rendered line.

Org mode (``.org``, or text whose first lines hold ``#+TITLE:`` style keywords)::

    #+TITLE: Generative media ideas        ->  # Generative media ideas
    #+AUTHOR: Sam                          ->  (empty: file keywords are metadata)
    * Retail                               ->  ## Retail   (one level deeper under a title)
    ** TODO Virtual try-on   :fashion:     ->  ### Virtual try-on
    :PROPERTIES: ... :END:                 ->  (empty: drawers and planning lines)
    - *Voice cloning* :: for audiobooks    ->  - **Voice cloning**: for audiobooks
    - [X] Sound effects                    ->  - Sound effects

Headline TODO keywords (the usual ones and those a ``#+TODO:`` line declares), priority
cookies (``[#A]``), statistics cookies (``[2/3]``) and tags are dropped. ``*bold*`` becomes
``**bold**``; ``/italic/``, ``=verbatim=`` and ``~code~`` keep their text; a link
``[[target][shown]]`` keeps its shown text. Source, example, export and comment blocks and
``# comment`` lines are dropped; a quote or verse block's lines are kept as text. Body text
indented under a headline is moved to the left margin, so it reads as the headline's
paragraph; list items keep their indentation (nesting).

reStructuredText (``.rst``)::

    ======================                  ->  (empty: overline)
    Generative media                        ->  # Generative media
    ======================                  ->  (empty: underline)
    :Author: Research team                  ->  Author: Research team
    Marketing                               ->  ## Marketing
    ---------                               ->  (empty)
    * **Ad variants** - many versions       ->  - **Ad variants** - many versions
    Previsualization                        ->  - **Previsualization**: Rough shots from ...
        Rough shots from the script.        ->  (empty: the definition went up to its term)
    .. note::                               ->  (empty: directives and their indented body)

Section levels follow the order in which the title styles (underline character, with or
without overline) first appear, as reStructuredText defines them. A definition-list item
(a term line directly over an indented definition) becomes one bullet on the term's line,
holding the definition; its other lines are left empty, so the item's line is the term's.
``*emphasis*`` keeps its text, ``**strong**`` stays bold, ````literal```` and
```link <url>`_`` keep their text. Comments (``..`` lines) and directive bodies are dropped.
"""

from __future__ import annotations

import re

ORG_SUFFIXES = (".org",)
RST_SUFFIXES = (".rst", ".rest")

# --- org mode -------------------------------------------------------------------------------

_ORG_KEYWORD = re.compile(r"^\s*#\+(\w[\w-]*):\s*(.*)$")
_ORG_BLOCK = re.compile(r"^\s*#\+(begin|end)_(\w+)", re.IGNORECASE)
_ORG_HEADLINE = re.compile(r"^(\*+)\s+(.*?)\s*$")
_ORG_TAGS = re.compile(r"\s+:[\w@#%:]+:\s*$")
_ORG_PRIORITY = re.compile(r"^\[#[A-Za-z0-9]\]\s*")
_ORG_COOKIE = re.compile(r"\s*\[\d*(?:%|/\d*)\]")
_ORG_DRAWER = re.compile(r"^\s*:([\w-]+):\s*$")
_ORG_PLANNING = re.compile(r"^\s*(?:SCHEDULED|DEADLINE|CLOSED):")
_ORG_ITEM = re.compile(r"^(\s*)(?:[-+]|(?<=\s)\*|\d+[.)]|[A-Za-z][.)])\s+(?:\[[ Xx-]\]\s+)?(.*)$")
_ORG_DESCRIPTION = re.compile(r"^(.*?)\s+::(?:\s+(.*))?$")
_ORG_TABLE_RULE = re.compile(r"^\s*\|[-+]+\|?\s*$")
_ORG_LINK = re.compile(r"\[\[([^\]]*)\](?:\[([^\]]*)\])?\]")
_ORG_EMPHASIS = re.compile(r"(?<![\w*])([*/=~])(?=\S)(.+?)(?<=\S)\1(?![\w*])")
DEFAULT_TODO = ("TODO", "NEXT", "WAITING", "HOLD", "STARTED", "IN-PROGRESS", "DONE", "CANCELLED", "CANCELED")
# Blocks whose lines are not list text.
_ORG_HIDDEN_BLOCKS = frozenset({"src", "example", "export", "comment", "latex", "html"})


def looks_like_org(text: str) -> bool:
    """Text whose first non-empty lines are ``#+KEYWORD:`` lines and that has a headline."""
    head = [t for t in text.splitlines()[:20] if t.strip()]
    return bool(head) and bool(_ORG_KEYWORD.match(head[0])) and any(_ORG_HEADLINE.match(t) for t in text.splitlines())


def _org_inline(text: str) -> str:
    text = _ORG_LINK.sub(lambda m: m.group(2) or m.group(1), text)

    def emphasis(m: re.Match[str]) -> str:
        return f"**{m.group(2)}**" if m.group(1) == "*" else m.group(2)

    return _ORG_EMPHASIS.sub(emphasis, text)


def _org_title(raw: str, todo: set[str]) -> str:
    """A headline's title without TODO keyword, priority, statistics cookies and tags."""
    title = _ORG_TAGS.sub("", " " + raw).strip()
    words = title.split(maxsplit=1)
    if words and words[0] in todo:
        title = words[1] if len(words) > 1 else ""
    return _org_inline(_ORG_COOKIE.sub("", _ORG_PRIORITY.sub("", title)).strip())


def _org_items(lines: list[str], todo: set[str]) -> tuple[dict[int, tuple[int, str]], set[int], dict[int, int]]:
    """Which headlines are use cases, not sections.

    Returns ``{line index: (indent, first paragraph)}`` for the item headlines, the indexes
    of the body lines taken into them (left empty), and ``{line index: extra indent}`` for the
    list lines of their bodies (kept, nested under the item).

    A headline below the top level is an item when

    * no headline is nested under it and its body is not a list alone (a paragraph may come
      first: "Face replacement from archive footage." over "- Needs: consent") nor just a
      source or example block ("Example prompt"); or
    * headlines are nested under it, its body opens with a paragraph, and a headline beside
      it is such a leaf item: a use case with kinds of it ("Synthetic medical images" over
      "Synthetic X-rays" and "Synthetic MRI slices"). Its nested items become its children.

    A top-level headline is a section unless every top-level headline is a leaf item (a flat
    file of use cases). A headline naming a section that holds no use cases ("Introduction",
    "Parking lot", ...) is never an item.
    """
    from gm_graph.ingest.base import other_section

    heads = [(i, len(m.group(1)), _org_title(m.group(2), todo)) for i, t in enumerate(lines) if (m := _ORG_HEADLINE.match(t))]
    if not heads:
        return {}, set(), {}
    top = min(level for _, level, _ in heads)
    info = []  # (index, level, title, body, has children, paragraph, list lines, could be a leaf item)
    for k, (i, level, title) in enumerate(heads):
        body = range(i + 1, heads[k + 1][0] if k + 1 < len(heads) else len(lines))
        children = k + 1 < len(heads) and heads[k + 1][1] > level
        text = [j for j in _org_text_lines(lines, body) if lines[j].strip()]
        listed = [j for j in text if _ORG_ITEM.match(lines[j])]
        paragraph: list[int] = []
        for j in text:
            if _ORG_ITEM.match(lines[j]) or (paragraph and not lines[j - 1].strip()):
                break
            paragraph.append(j)
        blocks = {b.group(2).lower() for j in body if (b := _ORG_BLOCK.match(lines[j]))}
        code_only = not text and bool(blocks) and blocks <= _ORG_HIDDEN_BLOCKS
        named = bool(title) and not other_section(title)
        leaf = named and not children and not code_only and (not listed or bool(paragraph))
        info.append((i, level, title, body, children, paragraph, listed, leaf))
    flat = all(entry[7] for entry in info if entry[1] == top)
    # The headline each one is nested in (None at the top), found in one pass, and the
    # (parent, level) places that hold a leaf item.
    parent_of: list[int | None] = []
    open_heads: list[tuple[int, int]] = []  # (level, line index) of the enclosing headlines
    for i, level, *_ in info:
        while open_heads and open_heads[-1][0] >= level:
            open_heads.pop()
        parent_of.append(open_heads[-1][1] if open_heads else None)
        open_heads.append((level, i))
    with_leaf = {(parent_of[k], entry[1]) for k, entry in enumerate(info) if entry[7]}
    items: dict[int, tuple[int, str]] = {}
    absorbed: set[int] = set()
    nested: dict[int, int] = {}
    ancestors: list[tuple[int, bool]] = []  # (level, is an item) of the headlines above
    for k, (i, level, title, body, children, paragraph, listed, leaf) in enumerate(info):
        while ancestors and ancestors[-1][0] >= level:
            ancestors.pop()
        group = (
            children
            and bool(paragraph)
            and bool(title)
            and not other_section(title)
            and (parent_of[k], level) in with_leaf  # a headline beside it is a leaf item
        )
        is_item = (leaf or group) and (level > top or flat)
        if is_item:
            depth = sum(1 for _, item in ancestors if item)
            items[i] = (2 * depth, " ".join(_org_inline(lines[j].strip()) for j in paragraph))
            listed_set = set(listed)
            for j in body:
                if j in listed_set or (nested and j - 1 in nested and lines[j].strip() and _indent(lines[j]) > 0 and j not in paragraph):
                    nested[j] = 2 * depth + 2
                else:
                    absorbed.add(j)
        ancestors.append((level, is_item))
    return items, absorbed, nested


def _org_text_lines(lines: list[str], span: range) -> list[int]:
    """The indexes in ``span`` of lines that are text: not inside a block or drawer, and not
    a keyword, planning or comment line (empty lines are kept, they part paragraphs)."""
    kept: list[int] = []
    hidden = drawer = False
    for j in span:
        t = lines[j]
        if block := _ORG_BLOCK.match(t):
            hidden = block.group(1).lower() == "begin"
        elif drawer or (_ORG_DRAWER.match(t) and t.strip().upper() != ":END:"):
            drawer = not re.match(r"^\s*:END:\s*$", t, re.IGNORECASE)
        elif not (hidden or _ORG_KEYWORD.match(t) or _ORG_PLANNING.match(t) or re.match(r"^\s*#(\s|$)", t)):
            kept.append(j)
    return kept


def org_lines(text: str) -> list[str]:
    """Render an org-mode file as Markdown lines, one per line of the file."""
    lines = text.splitlines()
    todo = set(DEFAULT_TODO)
    has_title = False
    for t in lines:
        if m := _ORG_KEYWORD.match(t):
            key = m.group(1).upper()
            if key == "TITLE" and m.group(2).strip():
                has_title = True
            elif key in ("TODO", "SEQ_TODO", "TYP_TODO"):
                todo.update(w.split("(")[0] for w in m.group(2).replace("|", " ").split())
    items, absorbed, nested = _org_items(lines, todo)
    out: list[str] = []
    hidden = drawer = False
    for t in lines:
        block = _ORG_BLOCK.match(t)
        if block:
            kind = block.group(2).lower()
            if block.group(1).lower() == "begin":
                hidden = kind in _ORG_HIDDEN_BLOCKS
            else:
                hidden = False
            out.append("")
            continue
        if hidden:
            out.append("")
            continue
        if drawer:
            drawer = not re.match(r"^\s*:END:\s*$", t, re.IGNORECASE)
            out.append("")
            continue
        if _ORG_DRAWER.match(t) and t.strip().upper() != ":END:":
            drawer = True
            out.append("")
            continue
        if m := _ORG_KEYWORD.match(t):
            out.append(f"# {_org_inline(m.group(2).strip())}" if m.group(1).upper() == "TITLE" and m.group(2).strip() else "")
            continue
        if re.match(r"^\s*#(\s|$)", t) or _ORG_PLANNING.match(t):
            out.append("")
            continue
        if m := _ORG_HEADLINE.match(t):
            title = _org_title(m.group(2), todo)
            if len(out) in items:
                indent, paragraph = items[len(out)]
                out.append(f"{' ' * indent}- **{title}**" + (f": {paragraph}" if paragraph else ""))
                continue
            level = min(len(m.group(1)) + has_title, 6)
            out.append(f"{'#' * level} {title}" if title else "")
            continue
        if len(out) in absorbed:
            out.append("")
            continue
        if _ORG_TABLE_RULE.match(t):
            cells = t.strip().strip("|").split("+")
            out.append("|" + "|".join(" --- " for _ in cells) + "|")
            continue
        if m := _ORG_ITEM.match(t):
            indent, body = " " * nested.get(len(out), 0) + m.group(1), m.group(2)
            marker = "-" if t.lstrip()[0] in "-+*" else t.lstrip().split()[0].replace(")", ".")
            if d := _ORG_DESCRIPTION.match(body):
                term = _org_inline(d.group(1).strip())
                term = term if term.startswith("**") else f"**{term}**"
                body = f"{term}: {_org_inline(d.group(2) or '')}".rstrip(": ") if d.group(2) else term
                out.append(f"{indent}{marker} {body}")
            else:
                out.append(f"{indent}{marker} {_org_inline(body)}")
            continue
        out.append(_org_inline(t.strip()))
    return out


# --- reStructuredText ---------------------------------------------------------------------

_RST_ADORNMENT = re.compile(r"^([!-/:-@\[-`{-~])\1{2,}\s*$")
_RST_FIELD = re.compile(r"^:([^:]+):\s*(.*)$")
_RST_BULLET = re.compile(r"^(\s*)[-*+•]\s+(.*)$")
_RST_ENUM = re.compile(r"^(\s*)(?:\d+|#|[A-Za-z])[.)]\s+(.*)$|^(\s*)\((?:\d+|#|[A-Za-z])\)\s+(.*)$")
_RST_EXPLICIT = re.compile(r"^(\s*)\.\.(\s|$)")
_RST_LINK = re.compile(r"`([^`<]+?)\s*<[^>]*>`__?")
_RST_ROLE = re.compile(r":[\w-]+:`([^`]*)`")
_RST_LITERAL = re.compile(r"``([^`]+)``")
_RST_REF = re.compile(r"`([^`]+)`_{0,2}")
_RST_EMPHASIS = re.compile(r"(?<![*\w])\*(?!\*)(\S(?:.*?\S)?)\*(?![*\w])")


def _indent(t: str) -> int:
    return len(t) - len(t.lstrip(" \t"))


def _rst_inline(text: str) -> str:
    text = text.replace(" --- ", " — ").replace(" -- ", " – ")  # typographic dashes, as written in rst
    text = _RST_LINK.sub(r"\1", text)
    text = _RST_ROLE.sub(r"\1", text)
    text = _RST_LITERAL.sub(r"\1", text)
    text = _RST_REF.sub(r"\1", text)
    return _RST_EMPHASIS.sub(r"\1", text)


def _is_title(lines: list[str], i: int) -> tuple[str, bool] | None:
    """``(underline char, has overline)`` when line ``i`` is a section title's text."""
    t = lines[i]
    if not t.strip() or _indent(t) > 0 and not (i > 0 and _RST_ADORNMENT.match(lines[i - 1])):
        return None
    if i + 1 >= len(lines) or not (m := _RST_ADORNMENT.match(lines[i + 1])):
        return None
    if _RST_ADORNMENT.match(t):
        return None
    over = i > 0 and lines[i - 1].strip() == lines[i + 1].strip()
    if not over and len(lines[i + 1].rstrip()) < len(t.strip()) and len(lines[i + 1].rstrip()) < 3:
        return None
    return m.group(1), over


def rst_lines(text: str) -> list[str]:
    """Render a reStructuredText file as Markdown lines, one per line of the file."""
    lines = [t.expandtabs(8) for t in text.splitlines()]
    n = len(lines)
    out = [""] * n
    styles: list[tuple[str, bool]] = []
    done: set[int] = set()  # lines already taken into a definition-list item
    i = 0
    while i < n:
        t = lines[i]
        if not t.strip() or i in done:
            i += 1
            continue
        title = _is_title(lines, i)
        if title:
            if title not in styles:
                styles.append(title)
            out[i] = f"{'#' * min(styles.index(title) + 1, 6)} {_rst_inline(t.strip())}"
            i += 2  # the underline stays empty; an overline before the text stays empty too
            continue
        if _RST_ADORNMENT.match(t):  # an overline, a transition line
            i += 1
            continue
        if m := _RST_EXPLICIT.match(t):
            # A comment or a directive (".. note::", ".. image::"): it and its indented body.
            base = len(m.group(1))
            i += 1
            while i < n and (not lines[i].strip() or _indent(lines[i]) > base):
                i += 1
            continue
        if m := _RST_FIELD.match(t):
            out[i] = f"{m.group(1).strip()}: {_rst_inline(m.group(2).strip())}".rstrip()
            i += 1
            continue
        if (m := _RST_BULLET.match(t)) and not _RST_ADORNMENT.match(t):
            more, j = _rst_continuation(lines, i)
            out[i] = f"{m.group(1)}- {_rst_inline(_joined(m.group(2), more))}"
            i = j
            continue
        if m := _RST_ENUM.match(t):
            indent = m.group(1) if m.group(1) is not None else m.group(3)
            body = m.group(2) if m.group(2) is not None else m.group(4)
            more, j = _rst_continuation(lines, i)
            out[i] = f"{indent}1. {_rst_inline(_joined(body, more))}"
            i = j
            continue
        nxt = lines[i + 1] if i + 1 < n else ""
        prev_blank = i == 0 or not lines[i - 1].strip()
        if prev_blank and nxt.strip() and _indent(nxt) > _indent(t) and not t.rstrip().endswith("::"):
            # A definition-list item: the term, then its indented definition. The definition's
            # paragraphs go up to the term's line; a list inside it stays where it is, nested
            # under the term (kinds of it), and is read by this loop.
            j = i + 1
            definition = []
            in_list = -1  # the marker indent of a list inside the definition, while in it
            while j < n and (not lines[j].strip() or _indent(lines[j]) > _indent(t)):
                line = lines[j]
                if line.strip():
                    if _RST_BULLET.match(line) or _RST_ENUM.match(line):
                        in_list = _indent(line)
                    elif in_list < 0 or _indent(line) <= in_list:
                        in_list = -1
                        definition.append(line.strip())
                        done.add(j)
                j += 1
            term = _rst_inline(t.strip().split(" : ")[0])
            body = _rst_inline(" ".join(definition))
            term = term if term.startswith("**") else f"**{term}**"
            out[i] = f"{' ' * _indent(t)}- {term}: {body}" if body else f"- {term}"
            i += 1
            continue
        if t.rstrip().endswith("::"):
            # A paragraph ending a literal block: keep the text, drop the indented block.
            out[i] = _rst_inline(t.strip()[:-1].rstrip(":").rstrip() + ":" if t.strip() != "::" else "")
            base = _indent(t)
            i += 1
            while i < n and (not lines[i].strip() or _indent(lines[i]) > base):
                i += 1
            continue
        out[i] = t[: _indent(t)] + _rst_inline(t.strip()) if _indent(t) and _in_list(out, i) else _rst_inline(t.strip())
        i += 1
    return out


def _rst_continuation(lines: list[str], i: int) -> tuple[str, int]:
    """The text of the lines that continue the list item on line ``i`` (indented past its
    marker, up to an empty line or a nested list), and the index of the line after them."""
    parts: list[str] = []
    j = i + 1
    base = _indent(lines[i])
    while (
        j < len(lines)
        and lines[j].strip()
        and _indent(lines[j]) > base
        and not _RST_BULLET.match(lines[j])
        and not _RST_ENUM.match(lines[j])
        and not _RST_EXPLICIT.match(lines[j])
    ):
        parts.append(lines[j].strip())
        j += 1
    return " ".join(parts), j


def _joined(head: str, more: str) -> str:
    return f"{head.rstrip()} {more}" if more else head


def _in_list(out: list[str], i: int) -> bool:
    """Whether the nearest rendered line above ``i`` (no blank between) is a list item, so an
    indented line continues it."""
    for k in range(i - 1, -1, -1):
        if not out[k].strip():
            return False
        if re.match(r"^\s*(?:-|1\.)\s", out[k]):
            return True
    return False
