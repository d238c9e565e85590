"""Text repair: real garbled lines of the sources come back as their authors wrote them.

Every expected value here was written by reading the source files: the clean second copy
of the image article shows what the garbled first copy should say, and the byte values of
each garbled sequence were decoded by hand (e.g. "‚Äî" is Mac Roman for E2 80 94, "β€”"
is Windows-1253 for the same bytes: U+2014 EM DASH).
"""

from __future__ import annotations

import re

import pytest

from gm_graph.ingest import read_text
from gm_graph.text import repair, strip_symbols

FILES = {
    "lists": "data/sources/assistant-lists.txt",
    "image": "data/sources/image-generation-article.txt",
    "beyond": "data/sources/beyond-text-and-images-article.txt",
}


@pytest.fixture(scope="module")
def lines(repo_root):
    """File key -> its lines; ``lines[key][n - 1]`` is line n."""
    return {key: read_text(repo_root / path) for key, path in FILES.items()}


def line(lines, key: str, n: int) -> str:
    return lines[key][n - 1]


# --- single sequences, in real lines -------------------------------------------------


@pytest.mark.parametrize(
    ("key", "n", "garbled", "expected"),
    [
        # Mac Roman mojibake (assistant-lists.txt, List 1)
        ("lists", 13, "\uf8ffüß†", "🧠 1. Advertising & Marketing"),
        ("lists", 33, "\uf8ffüõçÔ∏è", "🛍️ 2. E-Commerce & Retail"),
        ("lists", 53, "\uf8ffüé¨", "🎬 3. Film, TV & Entertainment Production"),
        ("lists", 121, "\uf8ffüèôÔ∏è", "🏙️ 7. Real Estate, Architecture & Interior Design"),
        ("lists", 241, "‚öôÔ∏è", "⚙️ 15. Metaverse, AR & XR"),
        ("lists", 255, "‚ö°", "⚡ 16. Miscellaneous & Emerging Applications"),
        ("lists", 704, "‚öïÔ∏è", "⚕️ Science, Healthcare, & Industry"),
        ("lists", 39, "‚Äú", "Virtual try-on: Users “wear” clothing, makeup, or accessories via AI."),
        ("lists", 43, "¬∞", "360° product video: AI renders rotating or dynamic product visualizations."),
        ("lists", 127, "¬∞", "AI property walkthroughs: Generate virtual tours or 360° videos from blueprints or photos."),
        ("lists", 129, "‚Äù", "Renovation visualization: Generate “before/after” remodel renders."),
        ("lists", 233, "‚Üí", "Automated creative pipelines: Text → storyboard → video → render."),
        ("lists", 267, "‚Äú", "Generative “what-if” scenario simulations"),
        # Windows-1253 / 1252 mojibake (image-generation-article.txt, first copy)
        ("image", 108, "DALLΒ·E", "  1. Choose a Platform: Select a reliable tool such as DALL·E 3, Midjourney, or Stable Diffusion."),
        ("image", 114, "DALLΒ·E", "# Example: Text-to-Image Generation using DALL·E API"),
    ],
)
def test_repair_whole_line(lines, key, n, garbled, expected):
    raw = line(lines, key, n)
    assert garbled in raw  # the line really is garbled the way the case says
    assert repair(raw) == expected


def test_repair_em_dash_and_middle_dot_mac_roman(lines):
    raw = line(lines, "lists", 9)
    assert raw.count("‚Äî") == 2 and "DALL¬∑E" in raw
    fixed = repair(raw)
    assert fixed.startswith("Excellent — this is a deep and growing area.")
    assert "(Runway, Midjourney, Veo, Sora, DALL·E, Pika, NanoBanana, etc.) — organized" in fixed
    assert fixed.count("—") == 2


def test_repair_en_dash(lines):
    raw = line(lines, "lists", 11)
    assert "2024‚Äì2025" in raw
    assert repair(raw).endswith("in production pipelines (2024–2025).")


# The garbled first copy of the image article against its clean second copy, pairs found
# by reading both: line n of the first copy is repeated at line m of the second.
ARTICLE_PAIRS = [
    (9, 154, "β€”"),  # em dashes ("new content — text, images, music, or video —")
    (15, 160, "β€œ"),  # opening curly quote ("“a futuristic city at sunset,”")
    (34, 172, "DALLΒ·E"),  # "DALL·E 3"
    (36, 174, "β€œ"),  # "“Create Real Magic”", "DALL·E 2"
    (44, 182, "β€œ"),
    (56, 194, "β€”"),
    (64, 202, "β€œ"),
    (70, 208, "β€”"),
    (108, 246, "DALLΒ·E"),
    (136, 262, "β€”"),
    (140, 266, "β€”"),
]


@pytest.mark.parametrize(("garbled_n", "clean_n", "sequence"), ARTICLE_PAIRS)
def test_repair_matches_clean_copy(lines, garbled_n, clean_n, sequence):
    raw = line(lines, "image", garbled_n)
    clean = line(lines, "image", clean_n)
    assert sequence in raw and sequence not in clean
    assert repair(raw) == clean


def test_repair_specific_sequences():
    assert repair("content β€” text") == "content — text"
    assert repair("like β€œa city,” the") == "like “a city,” the"
    assert repair("DALLΒ·E 3") == "DALL·E 3"
    assert repair("Text ‚Üí storyboard") == "Text → storyboard"
    assert repair("360¬∞ video") == "360° video"
    assert repair("Users ‚Äúwear‚Äù clothing") == "Users “wear” clothing"
    assert repair("  β€Ά Label: text") == "  • Label: text"  # a garbled bullet (E2 80 A2)


# --- clean text stays as it is ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Virtual try-on: Users wear clothing via AI.",
        "- **AI-Generated Video:** Models are being developed",
        "DALL·E 3",
        "café au lait",
        "naïve Crème brûlée",
        "Straße, Größe, año",
        "Αθήνα, Ελληνικά",  # real Greek must not be taken for Windows-1253 mojibake
        "日本語のテキスト",
        "360° video, 2024–2025, A — B, “quoted” and ’",
        "🎬 Media & Entertainment Production",
        "Text → storyboard ≥ 5 ½",
        "Copyrights © 2024",
        "",
    ],
)
def test_clean_text_unchanged(text):
    assert repair(text) == text


def test_clean_lines_of_the_sources_unchanged(lines):
    # The whole second article, and the clean second copy of the image article
    # (lines 141 to the end), are already correct.
    for text in lines["beyond"] + lines["image"][140:]:
        assert repair(text) == text


def test_repair_is_idempotent(lines):
    for key in FILES:
        for text in lines[key]:
            once = repair(text)
            assert repair(once) == once


# --- every non-ASCII character after repair, checked by hand ---------------------------

# Each character that may remain after repair, with where it occurs. Checked one by one
# against the sense of the line it stands in (a heading's emoji matches its industry).
ALLOWED = {
    # punctuation
    "\u2014": "— EM DASH: lists 9; image 9, 56, 70, 136, 140 and their repeats; beyond 13",
    "\u2013": "– EN DASH: lists 11 (2024–2025)",
    "\u00b7": "· MIDDLE DOT: DALL·E, lists 9; image 34, 36, 108, 114, 172, 174, 246, 251",
    "\u201c": "“ LEFT DOUBLE QUOTATION MARK: lists 39, 129, 267; image 15, 36, 44, 64, 160, ...",
    "\u201d": "” RIGHT DOUBLE QUOTATION MARK: the same lines",
    "\u2019": "’ RIGHT SINGLE QUOTATION MARK: image 36, 174 (Coca-Cola’s, OpenAI’s)",
    "\u2022": "• BULLET: image bullets 32-34 ... 255-258",
    "\u00b0": "° DEGREE SIGN: lists 43, 127 (360°)",
    "\u00a9": "© COPYRIGHT SIGN: image 326",
    "\u2192": "→ RIGHTWARDS ARROW: lists 233",
    # emoji section markers (assistant-lists.txt)
    "\U0001f9e0": "🧠 BRAIN: lists 13, Advertising & Marketing",
    "\U0001f6cd": "🛍 SHOPPING BAGS: lists 33, E-Commerce & Retail",
    "\ufe0f": "VARIATION SELECTOR-16 after 🛍 🏙 ⚙ ⚕: lists 33, 121, 241, 704",
    "\U0001f3ac": "🎬 CLAPPER BOARD: lists 53 (Film, TV), 635 (Media & Entertainment)",
    "\U0001f3a5": "🎥 MOVIE CAMERA: lists 75, Social Media & Influencer Content",
    "\U0001f393": "🎓 GRADUATION CAP: lists 91, Education & Training",
    "\U0001f3e2": "🏢 OFFICE BUILDING: lists 107, Corporate Communications",
    "\U0001f3d9": "🏙 CITYSCAPE: lists 121, Real Estate, Architecture",
    "\U0001f9f3": "🧳 LUGGAGE: lists 137, Travel, Hospitality & Tourism",
    "\U0001f3ae": "🎮 VIDEO GAME: lists 151, Gaming & Virtual Worlds",
    "\U0001f3a8": "🎨 ARTIST PALETTE: lists 167, Art, Design",
    "\U0001f4f0": "📰 NEWSPAPER: lists 183, News, Media & Journalism",
    "\U0001f9ec": "🧬 DNA DOUBLE HELIX: lists 199, Science, Medicine & Research",
    "\U0001f697": "🚗 AUTOMOBILE: lists 213, Automotive & Industrial",
    "\U0001f4bc": "💼 BRIEFCASE: lists 227, Enterprise AI Infrastructure",
    "\u2699": "⚙ GEAR: lists 241, Metaverse, AR & XR",
    "\u26a1": "⚡ HIGH VOLTAGE: lists 255, Miscellaneous & Emerging",
    "\U0001f4c8": "📈 CHART WITH UPWARDS TREND: lists 668, Marketing, Advertising",
    "\U0001f4bb": "💻 PERSONAL COMPUTER: lists 695, Design, Prototyping, & Art",
    "\u2695": "⚕ STAFF OF AESCULAPIUS: lists 704, Science, Healthcare",
}

# Where each non-ASCII character stands after repair, as read from the files by hand.
EXPECTED_LINES = {
    ("lists", 13): "\U0001f9e0",
    ("lists", 33): "\U0001f6cd\ufe0f",
    ("lists", 241): "\u2699\ufe0f",
    ("lists", 233): "\u2192\u2192\u2192",
    ("lists", 43): "\u00b0",
    ("lists", 11): "\u2013",
    ("image", 326): "\u00a9",
    ("image", 36): "\u2019\u201c\u201d\u2019\u00b7",
    ("beyond", 13): "\u2014\u2014",
}

_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def test_every_non_ascii_character_is_allowed(lines):
    found: dict[str, list[tuple[str, int]]] = {}
    for key in FILES:
        for n, text in enumerate(lines[key], 1):
            for ch in _NON_ASCII.findall(repair(text)):
                found.setdefault(ch, []).append((key, n))
    unexpected = {f"U+{ord(ch):04X} {ch!r}": places[:3] for ch, places in found.items() if ch not in ALLOWED}
    assert not unexpected, f"characters left after repair that nobody checked: {unexpected}"
    # and every allowed character really occurs (the list is not padded)
    assert set(found) == set(ALLOWED)


@pytest.mark.parametrize(("where", "chars"), EXPECTED_LINES.items())
def test_non_ascii_characters_of_a_line(lines, where, chars):
    key, n = where
    assert "".join(_NON_ASCII.findall(repair(line(lines, key, n)))) == chars


def test_no_mojibake_markers_left(lines):
    # Characters that only ever appear here as pieces of mojibake.
    markers = set("\uf8ff‚Äü¬Ôβ€Β∞∏√")
    for key in FILES:
        for n, text in enumerate(lines[key], 1):
            assert not markers & set(repair(text)), (key, n)


# --- strip_symbols -------------------------------------------------------------------


def test_strip_symbols_drops_section_emoji(lines):
    assert strip_symbols(repair(line(lines, "lists", 13))) == "1. Advertising & Marketing"
    assert strip_symbols(repair(line(lines, "lists", 33))) == "2. E-Commerce & Retail"
    assert strip_symbols(repair(line(lines, "lists", 241))) == "15. Metaverse, AR & XR"
    assert strip_symbols(repair(line(lines, "lists", 704))) == "Science, Healthcare, & Industry"


def test_strip_symbols_keeps_letters_and_punctuation():
    assert strip_symbols("DALL·E 3 — 360° “café”") == "DALL·E 3 — 360° “café”"


@pytest.mark.parametrize(
    "text, expected",
    [
        # Sphinx / MkDocs permalink anchors after headings
        ("Summarization\u00b6", "Summarization"),
        ("3.1 Text and copy \u00b6", "3.1 Text and copy"),
        # a pilcrow inside a line is text, not an anchor
        ("see \u00b6 4 of the terms", "see \u00b6 4 of the terms"),
        # wiki links keep the text they show
        ("[[Midjourney]] or [[Image models|image models]] draw it", "Midjourney or image models draw it"),
        ("plain [text] and [link](https://example.org)", "plain [text] and [link](https://example.org)"),
    ],
)
def test_repair_drops_web_markup_residue(text, expected):
    assert repair(text) == expected
