"""Text repair: undo mojibake so labels, descriptions and headings read as written.

The sources were decoded with the wrong character set at some point: UTF-8 bytes read
as Mac Roman (``‚Äî`` for an em dash, ``üé¨`` for a clapper-board emoji) or as Windows-1253
Greek mixed with Windows-1252 (``β€”``, ``DALLΒ·E``, ``β€œ``). ftfy repairs most of it; it
misses sequences whose bytes decode to characters it thinks plausible, and runs that mix
two code pages. :func:`repair` runs ftfy and then re-decodes every remaining run of
non-ASCII characters that turns back into valid, shorter UTF-8.
"""

from __future__ import annotations

import re
import unicodedata

import ftfy
import ftfy.bad_codecs  # noqa: F401  registers the sloppy-windows-* codecs

_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")

# Code pages whose mis-decoded UTF-8 we have seen, tried in order for a whole run.
_RUN_CODECS = ("mac_roman", "sloppy-windows-1253", "sloppy-windows-1252")
# For runs that mix code pages, each character is tried in these, in order.
_CHAR_CODECS = ("sloppy-windows-1253", "sloppy-windows-1252")

_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    normalization="NFC",
    explain=False,
)


def _redecode(run: str) -> str:
    """Return the UTF-8 text ``run`` was garbled from, or ``run`` when it is not mojibake."""
    for codec in _RUN_CODECS:
        try:
            fixed = run.encode(codec).decode("utf-8")
        except UnicodeError:
            continue
        if len(fixed) < len(run):
            return fixed
    raw = bytearray()
    for ch in run:
        for codec in _CHAR_CODECS:
            try:
                raw += ch.encode(codec)
                break
            except UnicodeError:
                continue
        else:
            return run
    try:
        fixed = raw.decode("utf-8")
    except UnicodeError:
        return run
    return fixed if len(fixed) < len(run) else run


def repair(text: str) -> str:
    """Repair mojibake in one line of text, and drop the residue of web-page markup that
    copied text carries (:func:`tidy_markup`); clean text comes back unchanged."""
    if "[[" in text or "\u00b6" in text:
        text = tidy_markup(text)
    if text.isascii():
        return text
    fixed = ftfy.fix_text(text, _FTFY_CONFIG)
    fixed = _NON_ASCII_RUN.sub(lambda m: _redecode(m.group(0)), fixed)
    return unicodedata.normalize("NFC", fixed)


# "[[Page]]" and "[[Page|shown text]]": wiki links (Obsidian, MediaWiki) keep their shown text.
_WIKI_LINK = re.compile(r"\[\[(?:[^\]|]*\|)?([^\]|]*)\]\]")
# A pilcrow after a heading is the permalink anchor of Sphinx / MkDocs pages ("Summarization¶").
_PILCROW = re.compile(r"\s*\u00b6(?=\s*$)")


def tidy_markup(text: str) -> str:
    """Wiki links to their shown text, and a trailing permalink pilcrow dropped."""
    return _PILCROW.sub("", _WIKI_LINK.sub(lambda m: m.group(1).strip(), text))


_EMOJI_OR_SYMBOL = re.compile(
    "[\u2190-\u21ff\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d\U0001f000-\U0001faff]+"
)


def strip_symbols(text: str) -> str:
    """Drop emoji and pictographs (section markers such as 🎬) and tidy the spaces left."""
    return " ".join(_EMOJI_OR_SYMBOL.sub(" ", text).split())
