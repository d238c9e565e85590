"""Synthetic use-case items for timing the matcher (and anything else) at 1k/10k/100k items.

``generate_items(n, seed)`` returns ``n`` plausible :class:`~gm_graph.model.Item` records
spread over several source lists and industry sections. Items are drawn from a pool of
underlying use cases (about one per three items, with a skewed popularity), each written
in one of several ways the real sources use: plural or singular, abbreviated ("VFX",
"AR"), hyphenated or not, with a parenthetical qualifier or a trailing "for ..." phrase,
with or without a description. So the matcher meets real duplicates, near misses that
share words, and generic words everywhere.

Run it to print a few items: ``.venv/bin/python bench/synthetic.py 20``.
"""

from __future__ import annotations

import random
import sys

from gm_graph.model import Heading, Item

MODIFIERS = """personalized interactive virtual immersive animated photorealistic stylized localized
seasonal cinematic procedural architectural medical scientific historical educational
promotional editorial corporate automotive culinary musical architectural cosmetic
fashion retail travel real-estate gaming industrial agricultural legal forensic therapeutic
multilingual accessible collaborative experimental documentary aerial underwater nighttime
holographic tactile modular branded generative synthetic rapid dynamic custom diverse
3D 2D 360-degree AR VR XR user-generated short-form long-form live real-time on-demand
hand-drawn watercolor minimalist retro futuristic vintage abstract surreal isometric
low-poly pixel-art cel-shaded hyperreal noir pastel neon monochrome""".split()

SUBJECTS = """product avatar character storyboard concept-art texture environment backdrop
background logo banner thumbnail poster mockup prototype lookbook catalog storefront
showroom walkthrough flythrough tour itinerary menu recipe dish package label sticker
emoji meme GIF reel trailer teaser cutscene cinematic explainer tutorial lecture course
quiz diagram infographic chart map floorplan blueprint facade interior exterior garden
landscape cityscape skyline vehicle car bike aircraft ship robot creature monster pet
portrait headshot selfie family wedding event concert festival exhibition museum gallery
artwork illustration comic manga anime cartoon mascot sprite tileset icon font wallpaper
album cover book magazine newspaper article headline slide presentation report dashboard
simulation scenario training drill rehearsal surgery anatomy molecule protein cell
galaxy planet weather climate disaster accident crime-scene evidence courtroom patent
invention gadget appliance furniture lamp rug fabric pattern garment shoe jewelry eyewear
makeup hairstyle tattoo nail fragrance bottle label brand campaign ad billboard flyer
newsletter email persona chatbot voice soundtrack jingle podcast radio lyric music-video
dance choreography stunt double crowd extra set costume prop weapon armor spell potion""".split()

ACTIVITIES = """generation creation design visualization mockups previews rendering animation
synthesis variations editing enhancement restoration replacement extension customization
localization personalization prototyping concepts sketches templates""".split()

ADJUNCTS = """for retailers|for film|for games|for social media|for e-commerce|for advertising|
from sketches|from text prompts|from photos|for training|for education|for marketing|
in real time|for client pitches|for museums|for hospitals|for architects|for musicians|
at scale|for small businesses|for streaming|for VR headsets|from blueprints|for print""".replace("\n", "").split("|")

INDUSTRIES = """Advertising & Marketing|E-Commerce & Retail|Film, TV & Entertainment|Gaming|
Education & Training|Healthcare & Medical|Real Estate & Architecture|Travel & Hospitality|
Automotive|Fashion & Beauty|Publishing & Journalism|Corporate & Business|Food & Beverage|
Legal & Insurance|Music & Audio|Manufacturing & Industrial|Science & Research|
Social Media & Content Creation|Non-Profit|Agriculture & Environment""".replace("\n", "").split("|")

# Other ways the sources write a word (the matcher's lexicon knows these).
SPELLINGS = {
    "3D": ["3-D", "three-dimensional"],
    "AR": ["augmented reality"],
    "VR": ["virtual reality"],
    "XR": ["extended reality"],
    "360-degree": ["360°", "360 degree"],
    "visualization": ["visualisation", "visualizations"],
    "personalization": ["personalisation"],
    "localized": ["localised"],
    "short-form": ["short form"],
    "real-time": ["real time"],
}

GENERIC = ["AI", "AI-generated", "Automated", "Generative", "Dynamic", "Rapid", "AI-powered"]


def _word(w: str) -> str:
    return w.replace("-", " ") if w not in SPELLINGS and w not in ("real-estate", "user-generated") else w


def _concepts(count: int, rng: random.Random) -> list[tuple[str, str, str, str]]:
    seen: set[tuple[str, str, str]] = set()
    out = []
    while len(out) < count:
        mod = rng.choice(MODIFIERS) if rng.random() < 0.8 else ""
        subj = rng.choice(SUBJECTS)
        act = rng.choice(ACTIVITIES)
        if (mod, subj, act) in seen:
            continue
        seen.add((mod, subj, act))
        adj = rng.choice(ADJUNCTS) if rng.random() < 0.3 else ""
        out.append((mod, subj, act, adj))
    return out


def _render(concept: tuple[str, str, str, str], rng: random.Random) -> tuple[str, str]:
    mod, subj, act, adj = concept

    def vary(w: str) -> str:
        if w in SPELLINGS and rng.random() < 0.4:
            return rng.choice(SPELLINGS[w])
        return _word(w)

    subj_w = vary(subj)
    if rng.random() < 0.3 and not subj_w.endswith("s"):
        subj_w += "s"
    words = [vary(mod)] if mod else []
    if rng.random() < 0.2:
        words.insert(0, rng.choice(GENERIC))
    words += [subj_w, vary(act)]
    label = " ".join(w for w in words if w)
    if adj and rng.random() < 0.7:
        label += " " + adj
    if rng.random() < 0.1:
        label += f" ({rng.choice(['advanced', 'beta', 'supplemental', 'pilot'])})"
    label = label[0].upper() + label[1:]
    desc = ""
    if rng.random() < 0.5:
        desc = f"Generate {_word(subj)} {_word(act)} {rng.choice(ADJUNCTS)} automatically."
    return label, desc


def generate_items(n: int, seed: int = 0, lists: int | None = None) -> list[Item]:
    """``n`` synthetic items (deterministic for a seed), spread over ``lists`` source lists."""
    rng = random.Random(seed)
    lists = lists or max(4, min(50, n // 200))
    concepts = _concepts(max(1, n // 3), rng)
    cum: list[float] = []
    total = 0.0
    for k in range(len(concepts)):
        total += 1.0 / (k + 1) ** 0.6
        cum.append(total)
    items: list[Item] = []
    keys: set[str] = set()
    line = {s: 0 for s in range(lists)}
    headings = {
        (s, ind): Heading(ind, ind, 0, 1) for s in range(lists) for ind in INDUSTRIES
    }
    while len(items) < n:
        concept = rng.choices(concepts, cum_weights=cum, k=1)[0]
        s = rng.randrange(lists)
        label, desc = _render(concept, rng)
        head = headings[(s, rng.choice(INDUSTRIES))]
        line[s] += 1
        item = Item(
            source=f"synthetic-list-{s + 1}",
            line=line[s],
            verbatim=f"{label}: {desc}" if desc else label,
            label=label,
            description=desc,
            headings=(head,),
        )
        if item.key in keys:
            continue
        keys.add(item.key)
        items.append(item)
    return items


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    for it in generate_items(count, seed=1):
        print(f"{it.source}:{it.line}\t[{it.headings[0].text}]\t{it.label}\t{it.description}")
