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


def _org_leaf_items(lines: list[str], todo: set[str]) -> tuple[dict[int, str], set[int]]:
    """The headlines that are use cases, not sections: ``{line index: first paragraph}``, and
    the indexes of the body lines taken into those items.

    A headline is an item when no headline is nested under it, its body holds no list (and
    is not just a source or example block), and it
    sits under a headline of its own (or every top-level headline is such a leaf: a flat
    file of use cases); a headline naming a section that holds no use cases
    ("Introduction", "Conclusion", ...) stays a heading.
    """
    from gm_graph.ingest.base import other_section

    heads = [(i, len(m.group(1)), m.group(2)) for i, t in enumerate(lines) if (m := _ORG_HEADLINE.match(t))]
    leaves = []
    for k, (i, level, raw) in enumerate(heads):
        end = heads[k + 1][0] if k + 1 < len(heads) else len(lines)
        if k + 1 < len(heads) and heads[k + 1][1] > level:
            continue
        body = range(i + 1, end)
        text = _org_text_lines(lines, body)
        if any(_ORG_ITEM.match(lines[j]) for j in text):
            continue
        blocks = {b.group(2).lower() for j in body if (b := _ORG_BLOCK.match(lines[j]))}
        if not any(lines[j].strip() for j in text) and blocks and blocks <= _ORG_HIDDEN_BLOCKS:
            continue  # a headline over a code or example block only ("Example prompt")
        leaves.append((i, level, raw, body))
    top = [h for h in heads if h[1] == min((h[1] for h in heads), default=1)]
    flat = bool(top) and all(any(leaf[0] == h[0] for leaf in leaves) for h in top)
    items: dict[int, str] = {}
    absorbed: set[int] = set()
    for i, level, raw, body in leaves:
        title = _org_title(raw, todo)
        if not title or other_section(title) or (level == top[0][1] and not flat):
            continue
        # The first paragraph of the body is the item's description; the body's other lines
        # are left empty.
        paragraph: list[str] = []
        for j in _org_text_lines(lines, body):
            if lines[j].strip():
                if paragraph and not lines[j - 1].strip():
                    break
                paragraph.append(_org_inline(lines[j].strip()))
        absorbed.update(body)
        items[i] = " ".join(paragraph)
    return items, absorbed


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
    items, absorbed = _org_leaf_items(lines, todo)
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
                out.append(f"- **{title}**" + (f": {items[len(out)]}" if items[len(out)] else ""))
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
            indent, body = m.group(1), m.group(2)
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
    i = 0
    while i < n:
        t = lines[i]
        if not t.strip():
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
            out[i] = f"{m.group(1)}- {_rst_inline(m.group(2))}"
            i += 1
            continue
        if m := _RST_ENUM.match(t):
            indent = m.group(1) if m.group(1) is not None else m.group(3)
            body = m.group(2) if m.group(2) is not None else m.group(4)
            out[i] = f"{indent}1. {_rst_inline(body)}"
            i += 1
            continue
        nxt = lines[i + 1] if i + 1 < n else ""
        prev_blank = i == 0 or not lines[i - 1].strip()
        if prev_blank and nxt.strip() and _indent(nxt) > _indent(t) and not t.rstrip().endswith("::"):
            # A definition-list item: the term, then its indented definition.
            j = i + 1
            definition = []
            while j < n and (not lines[j].strip() or _indent(lines[j]) > _indent(t)):
                if lines[j].strip():
                    definition.append(lines[j].strip())
                j += 1
            term = _rst_inline(t.strip().split(" : ")[0])
            body = _rst_inline(" ".join(definition))
            term = term if term.startswith("**") else f"**{term}**"
            out[i] = f"{' ' * _indent(t)}- {term}: {body}" if body else f"- {term}"
            i = j
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


def _in_list(out: list[str], i: int) -> bool:
    """Whether the nearest rendered line above ``i`` (no blank between) is a list item, so an
    indented line continues it."""
    for k in range(i - 1, -1, -1):
        if not out[k].strip():
            return False
        if re.match(r"^\s*(?:-|1\.)\s", out[k]):
            return True
    return False
