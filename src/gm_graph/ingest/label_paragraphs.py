"""Layout "label-paragraphs": emoji headings, an intro sentence, ``Label:`` paragraphs (List 3).

A list in this layout reads::

    🎬 Media & Entertainment Production
    Generative models are revolutionizing the creation of visual and audio content ...
    Scriptwriting and Storyboarding: Generating initial script drafts, ...
    Visual Effects (VFX) and CGI:
    Creating realistic and fantastical elements (creatures, ...) that are impractical ...
    Automating the creation of Generative Visual Effects (GVFX) like fire, smoke, ...
    Content Localization: Automatically generating subtitles, ...

Section headings are an emoji and a title, without a number. The first line under a
heading is an introductory sentence. A use case is a ``Label: description`` paragraph;
a ``Label:`` line alone (or a ``Label: description`` ending in ``:``, "... including:")
heads a group whose use cases follow as plain sentences. A ``Label: description`` line
is top-level again and closes the group. A paragraph (more than one sentence, or over
:data:`PARAGRAPH_WORDS` words) right under a ``Label:`` line alone is that item's
description, not a use case nested in it: web articles put the explanation of a bullet
label on the lines below it. Chatty trailers (a video recommendation, a
closing question) are skipped.
"""

from __future__ import annotations

import re

from gm_graph.ingest import register
from gm_graph.ingest.base import Ingester, Segment
from gm_graph.ingest.emoji_sections import (
    CLOSING,
    GOAL,
    LIST_MARKER,
    SEPARATOR,
    USE_CASES,
    clean_label,
    emoji_heading,
    heading_text,
    split_label,
    strip_bullet,
)
from gm_graph.model import Heading, Item, ParseResult
from gm_graph.text import repair

# "The video below, ...", "Watch this video ...", or a link to a video site.
VIDEO = re.compile(
    r"\bvideos? (?:below|above)\b|\b(?:watch|see) (?:this|the|that) video\b|\bthe following video\b"
    r"|https?://\S*(?:youtube\.com|youtu\.be|vimeo\.com)",
    re.IGNORECASE,
)

# A line under a "Label:" line alone with more words than this (or more than one sentence)
# explains the label; the use cases nested in a group are short phrases (List 3: at most 17).
PARAGRAPH_WORDS = 30
_SENTENCE_BREAK = re.compile(r"[.!?] +[A-Z]")


def _paragraph(text: str) -> bool:
    return len(text.split()) > PARAGRAPH_WORDS or bool(_SENTENCE_BREAK.search(text))


def _line_kind(text: str) -> str:
    """Classify one repaired, non-blank line: heading, group, label, or sentence."""
    if emoji_heading(text) is not None:
        return "heading"
    split = split_label(strip_bullet(text))
    if split is None:
        return "sentence"
    label, description = split
    if not description or description.endswith(":"):
        return "group"
    return "label"


@register
class LabelParagraphs(Ingester):
    name = "label-paragraphs"
    summary = "Emoji headings without numbers, an intro sentence, 'Label: description' items and 'Label:' groups of sentences"

    def detect(self, segment: Segment) -> float:
        lines = [repair(t).strip() for t in segment.lines if t.strip()]
        kinds = [_line_kind(t) for t in lines]
        heads = [i for i, k in enumerate(kinds) if k == "heading"]
        if not heads:
            return 0.0
        unnumbered = sum(1 for i in heads if not emoji_heading(lines[i])[0]) / len(heads)
        intros = sum(1 for i in heads if i + 1 < len(kinds) and kinds[i + 1] == "sentence") / len(heads)
        nested = sum(
            1 for i, k in enumerate(kinds) if k == "group" and i + 1 < len(kinds) and kinds[i + 1] == "sentence"
        )
        # Goal lines and "Use Cases" labels belong to the emoji-sections layout.
        markers = sum(1 for t in lines if GOAL.match(t) or USE_CASES.match(t))
        penalty = 0.5 * min(1.0, markers / (2 * len(heads)))
        score = 0.5 * unnumbered + 0.25 * intros + 0.25 * min(1.0, nested / 2) - penalty
        return round(max(0.0, score), 3)

    def parse(self, segment: Segment) -> ParseResult:
        result = ParseResult(segment.source, self.name)
        section: Heading | None = None
        group: Item | None = None
        children: dict[int, int] = {}  # line of a group item -> number of items nested under it
        groups: list[Item] = []
        expect_intro = False
        after_video = False
        for n, raw in segment.numbered():
            if not raw.strip():
                continue
            text = repair(raw).strip()
            kind = _line_kind(text)
            was_after_video, after_video = after_video, False
            if LIST_MARKER.match(text):
                result.skip(n, raw, "list marker")
                continue
            if kind == "heading":
                section = Heading(heading_text(text), raw, n, 1)
                result.headings.append(section)
                group, expect_intro = None, True
                continue
            first_in_section, expect_intro = expect_intro, False
            if section is None:
                result.skip(n, raw, "preamble")
            elif SEPARATOR.match(text):
                result.skip(n, raw, "separator")
            elif VIDEO.search(text):
                result.skip(n, raw, "video link")
                group, after_video = None, True
            elif was_after_video and kind == "sentence" and not text.endswith((".", "?")):
                result.skip(n, raw, "video link")  # the title of the video just announced
                group = None
            elif CLOSING.match(text) or text.endswith("?"):
                result.skip(n, raw, "closing remark")
                group = None
            elif kind in ("group", "label"):
                label, description = split_label(strip_bullet(text))
                item = result.add(Item(segment.source, n, raw, label, description, headings=(section,)))
                if kind == "group":
                    item.kind = "group"
                    group = item
                    groups.append(item)
                    children.setdefault(item.line, 0)
                else:
                    group = None
            elif first_in_section:
                result.skip(n, raw, "section intro")
            elif group is not None and not children[group.line] and not group.description and _paragraph(text):
                group.description = text
                group = None
            else:
                label = clean_label(strip_bullet(text))
                result.add(Item(segment.source, n, raw, label, "", headings=(section,), parent=group))
                if group is not None:
                    children[group.line] += 1
        for item in groups:  # a "Label:" line with nothing under it is a plain item
            if not children[item.line]:
                item.kind = "item"
        return result
