"""Write a synthetic gm-graph project whose sources hold a chosen number of use-case items.

The benchmark needs sources far larger than the three seed documents, shaped like them:
several lists in the layouts gm-graph reads, the same use case worded differently from list
to list (near-duplicates the matcher should merge) and different use cases that share words
(hard negatives it should keep apart). Everything is drawn from the word pools below with a
seeded random generator, so a seed always gives byte-identical files.

Usage::

    python bench/generate_sources.py DEST --items 10000 --seed 1

DEST receives a complete project: ``data/sources.toml`` (with the SHA-256 of every file),
``data/sources/*.txt``, copies of the repository's ``ontology/`` and ``queries/`` folders
and of ``data/lexicon.tsv`` / ``data/stopwords.tsv`` when they exist, the header of
``data/curation/headings.tsv`` (no curated rows: the synthetic headings are uncurated; no
merge decisions either), and ``truth.tsv``:
one row per generated item (source list, file, line, label, concept id), the ground truth
of which items state the same use case.

Layouts written (each list is one of them):

* ``markdown-bold`` (List 2): ``# Title`` / ``## Industry`` / ``### Group`` /
  ``- **Label** words (note)`` or ``- **Label:** description``, closing with a
  "Key Considerations" section that is not use cases;
* ``emoji-sections`` (List 1): ``🎬 3. Industry`` / ``Goal: ...`` / ``Use Cases`` /
  ``Label: description`` lines and bare ``Label (note)`` lines;
* ``article-bullets`` (the image-generation article): a title, prose, ``1. Industry``
  sections with ``  • Label: description`` bullets and ``Example:`` paragraphs, then a
  step-by-step guide, best practices and an FAQ;
* ``front-matter`` (the beyond-text article): YAML front matter, ``### Industry`` sections
  with ``- **Label:** description`` bullets.

Emoji and Markdown lists are grouped up to four to a file behind ``List N:`` lines, as the
assistant lists are; each article is a file of its own.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import random
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# ----------------------------------------------------------------------------- word pools


@dataclass(frozen=True)
class Industry:
    key: str
    names: tuple[str, ...]  # heading wordings; every list picks one (most are vocabulary labels)
    emoji: str
    objects: tuple[str, ...]  # what the use cases of this industry are about
    goal: str


INDUSTRIES: tuple[Industry, ...] = (
    Industry("advertising", ("Advertising & Marketing", "Marketing and Advertising", "Advertising and marketing"), "\U0001f9e0",
             ("campaign", "brand", "product launch", "billboard", "influencer post", "promotion", "sponsorship", "slogan"),
             "automate creative asset generation and shorten production time"),
    Industry("retail", ("E-Commerce & Retail", "Retail and e-commerce", "E-commerce"), "\U0001f6cd",
             ("product", "furniture", "jewelry", "sneaker", "catalog", "storefront", "eyewear", "handbag", "home decor"),
             "reduce photography costs and expand product media coverage"),
    Industry("film", ("Film & Television", "Film and television", "Film & TV"), "\U0001f3ac",
             ("scene", "stunt", "film set", "costume", "creature", "crowd", "trailer", "location", "title sequence"),
             "speed up pre-production and cut the cost of visual effects"),
    Industry("gaming", ("Gaming", "Video games", "Game development"), "\U0001f3ae",
             ("character", "game level", "weapon", "NPC", "quest", "terrain", "character skin", "cutscene", "loot item"),
             "fill large game worlds with varied assets at a fraction of the cost"),
    Industry("music", ("Music & Audio", "Music", "Music industry"), "\U0001f3b5",
             ("album", "concert", "lyric", "artist", "playlist", "podcast", "jingle", "tour poster"),
             "give every release and performance its own visual identity"),
    Industry("real-estate", ("Real estate", "Property", "Property marketing"), "\U0001f3e0",
             ("property", "floor plan", "apartment", "neighborhood", "listing", "renovation", "vacant room", "show home"),
             "sell and let properties faster with richer listings"),
    Industry("architecture", ("Architecture", "Architectural design", "Urban planning"), "\U0001f3d7",
             ("building", "facade", "landscape design", "urban plan", "bridge", "lighting plan", "public square"),
             "explore design options early and win client approval"),
    Industry("healthcare", ("Healthcare", "Healthcare & Medical", "Medical"), "\U0001f3e5",
             ("patient", "surgery", "MRI scan", "X-ray", "anatomy", "symptom", "therapy session", "rare disease"),
             "train clinicians and models without exposing patient data"),
    Industry("education", ("Education & Training", "Education", "E-learning"), "\U0001f393",
             ("lesson", "historical event", "lab experiment", "textbook", "lecture", "quiz", "language course", "field trip"),
             "make learning material more visual and more engaging"),
    Industry("fashion", ("Fashion", "Fashion and apparel", "Apparel Design"), "\U0001f457",
             ("garment", "fabric", "runway show", "collection", "accessory", "lookbook", "sewing pattern"),
             "shorten design cycles and show collections before they are sewn"),
    Industry("automotive", ("Automotive", "Auto industry", "Cars"), "\U0001f697",
             ("car", "vehicle interior", "dashboard", "crash test", "showroom", "concept car", "paint finish"),
             "show vehicles in every trim and setting without a photo shoot"),
    Industry("news", ("News & Journalism", "Journalism", "News media"), "\U0001f4f0",
             ("news story", "headline", "weather report", "election result", "data story", "live event"),
             "illustrate stories quickly while keeping them accurate"),
    Industry("legal", ("Legal", "Legal services", "Forensics"), "\u2696",
             ("crime scene", "accident", "courtroom", "evidence", "witness statement", "contract"),
             "make complex evidence clear to judges and juries"),
    Industry("food", ("Food & Beverage", "Food and beverage", "Restaurants"), "\U0001f37d",
             ("recipe", "menu", "dish", "restaurant", "cocktail", "food package"),
             "make menus and food marketing more appetising"),
    Industry("travel", ("Travel & Tourism", "Travel and tourism", "Tourism"), "\u2708",
             ("destination", "hotel", "landmark", "itinerary", "cruise", "museum visit"),
             "inspire travellers with vivid previews of places"),
    Industry("manufacturing", ("Manufacturing", "Manufacturing and industry", "Industrial"), "\U0001f3ed",
             ("machine part", "assembly line", "prototype", "factory floor", "packaging", "defect"),
             "design, test and document products before they are built"),
    Industry("finance", ("Finance", "Financial services", "Banking"), "\U0001f3e6",
             ("financial report", "bank branch", "credit card", "investment fund", "market chart", "annual report"),
             "explain financial products clearly and personally"),
    Industry("publishing", ("Publishing", "Book publishing", "Magazine publishing"), "\U0001f4da",
             ("book", "comic", "children's book", "magazine", "e-book", "poetry collection"),
             "illustrate and market titles faster"),
    Industry("sports", ("Sports", "Sports & Fitness", "Sports media"), "\u26bd",
             ("match", "athlete", "stadium", "highlight", "jersey", "training drill", "fan"),
             "engage fans with more content from every game"),
    Industry("agriculture", ("Agriculture", "Farming", "Agritech"), "\U0001f33e",
             ("crop", "farm", "livestock", "greenhouse", "soil", "harvest"),
             "plan and monitor farms with simulated imagery"),
    Industry("energy", ("Energy", "Energy & Utilities", "Utilities"), "\u26a1",
             ("wind farm", "solar plant", "power grid", "pipeline", "substation"),
             "plan infrastructure and train staff safely"),
    Industry("nonprofit", ("Non-Profit", "Nonprofit", "Social Causes"), "\U0001f91d",
             ("fundraising appeal", "public service message", "volunteer drive", "awareness campaign", "donor report"),
             "tell causes' stories with small budgets"),
    Industry("corporate", ("Corporate Communications", "Corporate & Business", "Corporate and enterprise"), "\U0001f4bc",
             ("onboarding", "safety training", "employee", "workplace", "sales pitch", "town hall"),
             "communicate and train at scale across the company"),
    Industry("science", ("Science and research", "Research & Development", "Scientific research"), "\U0001f52c",
             ("molecule", "protein", "galaxy", "cell", "climate model", "dataset"),
             "make research results visible and generate data for experiments"),
    Industry("beauty", ("Beauty & Cosmetics", "Beauty", "Cosmetics"), "\U0001f484",
             ("makeup look", "hairstyle", "nail art", "skin tone", "fragrance"),
             "let customers try looks before they buy"),
    Industry("interior", ("Interior design", "Interior decoration", "Home interiors"), "\U0001f6cb",
             ("living room", "kitchen", "bedroom", "wallpaper", "furniture layout", "office space"),
             "show clients finished rooms before any work starts"),
    Industry("events", ("Events", "Events & Weddings", "Event planning"), "\U0001f389",
             ("wedding", "conference", "festival", "stage", "invitation", "trade show booth"),
             "design and promote events before they happen"),
    Industry("heritage", ("Museums & Cultural Heritage", "Cultural heritage", "Museums"), "\U0001f3db",
             ("artifact", "ancient site", "painting", "manuscript", "statue", "exhibition"),
             "bring collections and lost places back to life"),
    Industry("aerospace", ("Aerospace & Defense", "Aerospace", "Aviation"), "\U0001f680",
             ("aircraft", "satellite", "flight training", "drone", "space mission"),
             "simulate missions and train crews without flying"),
    Industry("social", ("Social Media", "Content Creation", "Creator economy"), "\U0001f4f1",
             ("creator", "short-form post", "meme", "livestream", "channel", "story post"),
             "keep up with the volume of content platforms demand"),
)
BY_INDUSTRY = {ind.key: ind for ind in INDUSTRIES}


@dataclass(frozen=True)
class Media:
    key: str
    forms: tuple[tuple[str, str], ...]  # (singular, plural) wordings of the same media type


MEDIA: tuple[Media, ...] = (
    Media("image", (("image", "images"), ("visual", "visuals"), ("picture", "pictures"))),
    Media("photo", (("photo", "photos"), ("photograph", "photographs"), ("product shot", "product shots"))),
    Media("video", (("video", "videos"), ("clip", "clips"), ("footage", "footage"))),
    Media("3d-model", (("3D model", "3D models"), ("3D asset", "3D assets"), ("3-D model", "3-D models"))),
    Media("animation", (("animation", "animations"), ("animated sequence", "animated sequences"), ("motion graphic", "motion graphics"))),
    Media("voice-over", (("voice-over", "voice-overs"), ("narration", "narrations"), ("voiceover", "voiceovers"))),
    Media("music", (("music track", "music tracks"), ("soundtrack", "soundtracks"), ("score", "scores"))),
    Media("sound", (("sound effect", "sound effects"), ("SFX", "SFX"), ("foley sound", "foley sounds"))),
    Media("avatar", (("avatar", "avatars"), ("digital human", "digital humans"), ("virtual presenter", "virtual presenters"))),
    Media("illustration", (("illustration", "illustrations"), ("drawing", "drawings"), ("artwork", "artwork"))),
    Media("mockup", (("mockup", "mockups"), ("mock-up", "mock-ups"), ("prototype render", "prototype renders"))),
    Media("storyboard", (("storyboard", "storyboards"), ("animatic", "animatics"), ("shot sketch", "shot sketches"))),
    Media("texture", (("texture", "textures"), ("material map", "material maps"), ("surface texture", "surface textures"))),
    Media("tour", (("virtual tour", "virtual tours"), ("360-degree tour", "360-degree tours"), ("360\u00b0 walkthrough", "360\u00b0 walkthroughs"))),
    Media("ar", (("AR preview", "AR previews"), ("augmented reality preview", "augmented reality previews"), ("AR overlay", "AR overlays"))),
    Media("vr", (("VR scene", "VR scenes"), ("virtual reality scene", "virtual reality scenes"), ("VR environment", "VR environments"))),
    Media("infographic", (("infographic", "infographics"), ("diagram", "diagrams"), ("explainer graphic", "explainer graphics"))),
    Media("thumbnail", (("thumbnail", "thumbnails"), ("cover image", "cover images"), ("preview image", "preview images"))),
)


@dataclass(frozen=True)
class Action:
    key: str
    nouns: tuple[str, ...]  # "generation", "creation", ...
    verbs: tuple[str, ...]  # "Generate", "Create", ...
    adjectives: tuple[str, ...]  # "AI-generated", "Synthetic", ...
    group: tuple[str, ...]  # the Markdown "###" group this kind of use case sits in (wordings)


ACTIONS: tuple[Action, ...] = (
    Action("generate", ("generation", "creation", "production"), ("Generate", "Create", "Produce"),
           ("AI-generated", "Generated", "Synthetic"), ("Content Creation", "Content Generation")),
    Action("personalize", ("personalization", "customization", "tailoring"), ("Personalize", "Customize", "Tailor"),
           ("Personalized", "Customized", "Tailored"), ("Personalization", "Personalized Content")),
    Action("localize", ("localization", "translation", "regional adaptation"), ("Localize", "Translate", "Adapt"),
           ("Localized", "Translated", "Region-specific"), ("Localization", "Localization & Translation")),
    Action("restore", ("restoration", "repair", "cleanup"), ("Restore", "Repair", "Clean up"),
           ("Restored", "Repaired", "Cleaned-up"), ("Restoration & Enhancement", "Enhancement")),
    Action("upscale", ("upscaling", "super-resolution", "resolution enhancement"), ("Upscale", "Enhance", "Sharpen"),
           ("Upscaled", "Enhanced", "High-resolution"), ("Restoration & Enhancement", "Enhancement")),
    Action("visualize", ("visualization", "preview", "rendering"), ("Visualize", "Preview", "Render"),
           ("Visualized", "Previewed", "Rendered"), ("Visualization", "Product Visualization")),
    Action("simulate", ("simulation", "modeling", "emulation"), ("Simulate", "Model", "Emulate"),
           ("Simulated", "Modeled", "Emulated"), ("Simulation & Training", "Training Simulations")),
    Action("background", ("background replacement", "background swap", "backdrop change"),
           ("Replace backgrounds of", "Swap backgrounds of", "Change backdrops of"),
           ("Background-swapped", "Re-backgrounded", "Backdrop-changed"), ("Editing & Compositing", "Post-production")),
    Action("restyle", ("style transfer", "restyling", "re-styling"), ("Restyle", "Re-style", "Stylize"),
           ("Restyled", "Re-styled", "Stylized"), ("Editing & Compositing", "Post-production")),
    Action("variants", ("variant generation", "variation", "A/B variant creation"),
           ("Create variants of", "Generate variations of", "Vary"),
           ("Multi-variant", "Varied", "Alternative"), ("Testing & Variants", "A/B Testing")),
    Action("reconstruct", ("reconstruction", "recreation", "rebuilding"), ("Reconstruct", "Recreate", "Rebuild"),
           ("Reconstructed", "Recreated", "Rebuilt"), ("Reconstruction", "Historical & Forensic Reconstruction")),
    Action("prototype", ("prototyping", "concept design", "ideation"), ("Prototype", "Design", "Sketch out"),
           ("Prototyped", "Concept", "Draft"), ("Design & Prototyping", "Concept Development")),
)

# Media each kind of action plausibly applies to (nobody "upscales a voice-over").
ACTION_MEDIA: dict[str, tuple[str, ...]] = {
    "generate": tuple(m.key for m in MEDIA),
    "personalize": ("image", "photo", "video", "animation", "avatar", "thumbnail", "infographic", "voice-over", "music", "ar"),
    "localize": ("video", "voice-over", "animation", "infographic", "illustration", "thumbnail", "image"),
    "restore": ("photo", "video", "image", "music", "sound", "illustration"),
    "upscale": ("photo", "video", "image", "texture", "thumbnail", "illustration"),
    "visualize": ("3d-model", "ar", "vr", "tour", "mockup", "image", "animation", "infographic", "storyboard"),
    "simulate": ("vr", "3d-model", "video", "animation", "avatar", "sound"),
    "background": ("photo", "video", "image", "thumbnail"),
    "restyle": ("image", "photo", "video", "illustration", "texture", "3d-model", "animation", "thumbnail"),
    "variants": ("image", "photo", "video", "thumbnail", "mockup", "illustration", "avatar", "music", "voice-over"),
    "reconstruct": ("3d-model", "video", "animation", "image", "vr", "tour", "sound", "photo"),
    "prototype": ("mockup", "3d-model", "illustration", "storyboard", "image", "texture", "ar"),
}

QUALIFIERS: tuple[str, ...] = (
    "from text prompts", "from sketches", "from single photos", "in real time", "at scale",
    "for social media", "for training", "for mobile apps", "for print", "for trade shows",
    "for investors", "for kids", "for accessibility", "on demand", "in multiple languages",
)

# Parenthetical notes of Markdown bullets and bare lines (no parentheses inside).
NOTES: tuple[str, ...] = (
    "rapid variant generation", "cultural adaptation", "day/night variations", "platform-specific formats",
    "supplemental", "local landmarks, weather", "colors, materials, configurations", "summer/winter versions",
    "same subject, different settings", "for client pitches", "previz", "before production starts",
    "low-budget productions", "multiple aspect ratios", "brand-consistent styles", "faster approvals",
)

PURPOSES: tuple[str, ...] = (
    "to cut production costs", "for faster client approval", "without a studio shoot",
    "for social media campaigns", "to test ideas before production", "for training and onboarding",
    "in minutes instead of weeks", "for every market and language", "with consistent branding",
    "to replace expensive location shoots", "for pitches and proposals", "to keep audiences engaged",
)

COMPANIES: tuple[str, ...] = (
    "Northwind", "Contoso", "Fabrikam", "Tailspin Studios", "Adatum", "Litware", "Proseware",
    "Wingtip", "Lucerne Publishing", "Alpine Ski House", "Blue Yonder Airlines", "Coho Vineyard",
)

TOOLS: tuple[str, ...] = (
    "Runway", "Midjourney", "Sora", "Veo", "Pika", "Stable Diffusion", "DALL-E 3", "Firefly", "Kling", "ElevenLabs",
)


@dataclass(frozen=True)
class Special:
    """A hand-written use case: its wordings, and the look-alikes it must not be merged with."""

    key: str
    industry: str
    group: str
    labels: tuple[str, ...]  # near-duplicate wordings across lists
    description: str


# Pairs of these share words but name different things ("Virtual tours" / "Virtual try-on").
SPECIALS: tuple[Special, ...] = (
    Special("virtual-tours", "real-estate", "Visualization", ("Virtual tours", "Virtual property tours", "Immersive virtual walkthroughs"),
            "let buyers walk through a home from their browser"),
    Special("virtual-try-on", "retail", "Product Visualization", ("Virtual try-on", "Virtual try on", "AI try-on for apparel"),
            "shoppers see clothing, accessories and eyewear on themselves"),
    Special("album-cover", "music", "Content Creation", ("Album cover art", "Album artwork", "Cover art for albums"),
            "artwork for singles, albums and streaming releases"),
    Special("book-cover", "publishing", "Content Creation", ("Book cover design", "Book covers", "Cover design for books"),
            "front covers for print and e-books"),
    Special("voice-cloning", "music", "Content Creation", ("Voice cloning", "Synthetic voice replicas", "Voice replication"),
            "a model of a person's voice from a short sample"),
    Special("dubbing", "film", "Localization", ("Voice-over localization", "Dubbing into other languages", "Multilingual voice-over"),
            "the dialogue of a film re-voiced in other languages"),
    Special("crowd-multiplication", "film", "Editing & Compositing", ("Crowd multiplication", "Crowd replication", "Digital crowd extension"),
            "a few extras turned into a stadium crowd"),
    Special("evacuation-crowds", "nonprofit", "Simulation & Training", ("Crowd simulation for evacuation planning", "Evacuation crowd simulation", "Simulated crowds for emergency drills"),
            "how people move when a building is evacuated"),
    Special("previz", "film", "Pre-production", ("Pre-visualization (previz) for scenes", "Previsualization (previs) of shots", "3D previs sequences"),
            "rough shots generated from the script"),
    Special("product-photography", "retail", "Marketing Assets", ("Product photography", "AI product photos", "Studio-free product shots"),
            "catalog images without a photo studio"),
    Special("photo-retouching", "retail", "Editing & Compositing", ("Product photo retouching", "Retouching of product photos", "Product image cleanup"),
            "fix lighting, dust and reflections on existing photos"),
    Special("background-replacement", "retail", "Editing & Compositing", ("Background replacement", "Backdrop swapping", "Background swap for photos"),
            "put a product in a new setting"),
    Special("background-music", "social", "Content Creation", ("Background music generation", "Royalty-free background music", "AI background scores"),
            "music beds for videos and streams"),
    Special("de-aging", "film", "Editing & Compositing", ("De-aging and age progression", "Actor de-aging", "Digital de-aging"),
            "make an actor look younger or older on screen"),
    Special("age-progression", "legal", "Reconstruction", ("Missing person age progression", "Age-progressed photos of missing persons", "Age progression for missing children"),
            "what a missing person may look like today"),
    Special("accident-reconstruction", "legal", "Reconstruction", ("Accident reconstruction", "Crash scene reconstruction", "Reconstructing traffic accidents"),
            "animate how a collision happened for the court"),
    Special("historical-reconstruction", "heritage", "Reconstruction", ("Historical reconstruction", "Reconstruction of historical sites", "Recreating historic scenes"),
            "ruins shown as they once stood"),
    Special("synthetic-data", "science", "Content Creation", ("Synthetic training data", "Synthetic data generation", "Artificial datasets for model training"),
            "realistic data where real data is scarce or private"),
    Special("synthetic-scans", "healthcare", "Simulation & Training", ("Synthetic medical images", "Synthetic MRI and CT images", "Generated medical scans for training"),
            "scans of rare conditions for training diagnostic models"),
    Special("game-textures", "gaming", "Asset Creation", ("Texture creation for 3D models", "3D texture generation", "Textures for 3D assets"),
            "wood, metal and fabric surfaces for game engines"),
    Special("fabric-patterns", "fashion", "Design & Prototyping", ("Fabric pattern creation", "Textile pattern generation", "Fabric print design"),
            "prints and weaves for a new collection"),
    Special("storyboards-ads", "advertising", "Campaign Creation", ("Storyboard generation for video ads", "Ad storyboards", "Storyboarding for commercials"),
            "frame-by-frame plans of a commercial"),
    Special("storyboards-film", "film", "Pre-production", ("Storyboard creation", "Film storyboarding", "Storyboards for film scenes"),
            "the shots of a scene drawn before filming"),
)

# ----------------------------------------------------------------------------- concepts

PATTERNS = ("noun", "adjective", "for", "verb", "of")
MAX_LABEL_WORDS = 8  # the article and emoji layouts read longer text before ": " as prose
MAX_LABEL_CHARS = 78


@dataclass(frozen=True)
class Concept:
    """One use case; every item generated from it states the same thing in other words."""

    id: str
    industry: str
    obj: str = ""
    media: str = ""
    action: str = ""
    qualifier: str = ""
    special: Special | None = None


def plural(word: str) -> str:
    """The plural of the last word of a noun phrase ("floor plan" -> "floor plans")."""
    head, _, last = word.rpartition(" ")
    if last in {"footage", "jewelry", "furniture", "livestock", "home decor", "SFX"} or last.endswith("wear"):
        p = last
    elif last == "NPC":
        p = "NPCs"
    elif last.endswith("y") and last[-2:-1] not in set("aeiou"):
        p = last[:-1] + "ies"
    elif last.endswith(("s", "sh", "ch", "x")):
        p = last + "es"
    else:
        p = last + "s"
    return f"{head} {p}" if head else p


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def make_concepts(rng: random.Random, count: int) -> list[Concept]:
    """``count`` distinct concepts; the hand-written specials come first (the most popular)."""
    concepts = [Concept(f"special-{s.key}", s.industry, special=s) for s in SPECIALS[:count]]
    seen: set[tuple[str, str, str, str]] = set()
    while len(concepts) < count:
        ind = rng.choice(INDUSTRIES)
        obj = rng.choice(ind.objects)
        action = rng.choice(ACTIONS).key
        media = rng.choice(ACTION_MEDIA[action])
        qualifier = rng.choice(QUALIFIERS) if rng.random() < 0.35 else ""
        key = (obj, media, action, qualifier)
        if key in seen:
            continue
        probe = Concept("", ind.key, obj, media, action, qualifier)
        if shortest_words(probe) > MAX_LABEL_WORDS:  # no wording short enough to read as a label
            continue
        seen.add(key)
        slug = "-".join(p.replace(" ", "_") for p in (ind.key, obj, media, action, qualifier) if p)
        concepts.append(Concept(slug, ind.key, obj, media, action, qualifier))
    return concepts


ACTION_BY_KEY = {a.key: a for a in ACTIONS}
MEDIA_BY_KEY = {m.key: m for m in MEDIA}


def _phrase(c: Concept, pattern: str, media_form: int, word: int) -> str:
    """The concept's label in one phrasing, with the given synonyms."""
    act = ACTION_BY_KEY[c.action]
    sing, plur = MEDIA_BY_KEY[c.media].forms[media_form]
    obj, objs = c.obj, plural(c.obj)
    if pattern == "noun":
        label = f"{obj} {sing} {act.nouns[word]}"
    elif pattern == "adjective":
        label = f"{act.adjectives[word]} {obj} {plur}"
    elif pattern == "for" and not c.qualifier.startswith("for "):
        label = f"{sing} {act.nouns[word]} for {objs}"
    elif pattern == "verb":
        label = f"{act.verbs[word]} {plur} of {objs}"
    elif pattern == "of":
        label = f"{act.nouns[word]} of {obj} {plur}"
    else:  # "for" with a "for ..." qualifier would read "... for X for Y"
        label = f"{obj} {sing} {act.nouns[word]}"
    if c.qualifier:
        label = f"{label} {c.qualifier}"
    return capital(label)


def render_label(c: Concept, rng: random.Random, style: ListStyle) -> str:
    """One wording of the concept's label, in the list's preferred phrasing and synonyms."""
    if c.special is not None:
        return rng.choice(c.special.labels)
    return _phrase(c, style.pattern(rng), style.pick(rng, range(3)), style.pick(rng, range(3)))


def all_labels(c: Concept) -> list[str]:
    """Every wording of the concept's label, shortest first (the fallback when random ones clash)."""
    if c.special is not None:
        return sorted(c.special.labels, key=len)
    found = {_phrase(c, p, m, w) for p in PATTERNS for m in range(3) for w in range(3)}
    return sorted(found, key=lambda t: (len(t.split()), len(t), t))


def _wordings(c: Concept, rng: random.Random, style: ListStyle):
    """Random wordings in the list's style, then every wording (when the random ones clash)."""
    for _ in range(12):
        yield render_label(c, rng, style)
    yield from all_labels(c)


def shortest_words(c: Concept) -> int:
    """Words in the concept's shortest wording (the "noun" phrasing with the shortest synonyms)."""
    media = min(len(sing.split()) for sing, _ in MEDIA_BY_KEY[c.media].forms)
    noun = min(len(n.split()) for n in ACTION_BY_KEY[c.action].nouns)
    return len(c.obj.split()) + media + noun + len(c.qualifier.split())


def fits(label: str) -> bool:
    return len(label.split()) <= MAX_LABEL_WORDS and len(label) <= MAX_LABEL_CHARS


def render_description(c: Concept, rng: random.Random) -> str:
    if c.special is not None:
        return capital(c.special.description) + "."
    act = ACTION_BY_KEY[c.action]
    _, plur = rng.choice(MEDIA_BY_KEY[c.media].forms)
    verb = rng.choice(act.verbs)
    tail = f" {c.qualifier}" if c.qualifier and rng.random() < 0.5 else ""
    text = f"{verb} {plur} of {plural(c.obj)}{tail} {rng.choice(PURPOSES)}."
    if rng.random() < 0.3:
        text += f" Tools such as {rng.choice(TOOLS)} handle the first drafts."
    return text


def group_of(c: Concept, style: ListStyle) -> str:
    """The Markdown "###" group heading of the concept, in the list's wording."""
    if c.special is not None:
        return c.special.group
    names = ACTION_BY_KEY[c.action].group
    return names[style.variant % len(names)]


@dataclass
class ListStyle:
    """How one list words things: its favourite phrasing and its favourite synonyms."""

    patterns: tuple[float, ...]  # weights over PATTERNS
    variant: int  # index of the synonym this list prefers
    loyalty: float  # how often it uses its preferred synonym

    def pattern(self, rng: random.Random) -> str:
        return rng.choices(PATTERNS, weights=self.patterns)[0]

    def pick(self, rng: random.Random, options):
        if rng.random() < self.loyalty:
            return options[min(self.variant, len(options) - 1)]
        return rng.choice(options)

    @classmethod
    def draw(cls, rng: random.Random) -> ListStyle:
        weights = [rng.random() ** 2 + 0.05 for _ in PATTERNS]
        weights[rng.randrange(len(PATTERNS))] += 1.5
        return cls(tuple(weights), rng.randrange(3), rng.uniform(0.4, 0.85))


# ----------------------------------------------------------------------------- lists


@dataclass
class Entry:
    concept: Concept
    label: str
    description: str
    industry_heading: str
    group_heading: str = ""
    line: int = 0  # set when the list is written


@dataclass
class GeneratedList:
    layout: str
    title: str
    entries: list[Entry] = field(default_factory=list)
    source_list: str = ""  # source-list id, set when files are laid out
    file: str = ""


LAYOUT_CYCLE = ("markdown-bold", "emoji-sections", "article-bullets", "markdown-bold", "front-matter", "markdown-bold")


def list_sizes(rng: random.Random, n_items: int, n_lists: int) -> list[int]:
    """Split ``n_items`` over ``n_lists`` lists of uneven size (largest remainder, each >= 1)."""
    weights = [rng.uniform(0.5, 1.5) for _ in range(n_lists)]
    spare = n_items - n_lists
    total = sum(weights)
    raw = [spare * w / total for w in weights]
    sizes = [1 + int(r) for r in raw]
    order = sorted(range(n_lists), key=lambda i: (-(raw[i] - int(raw[i])), i))
    for i in order[: n_items - sum(sizes)]:
        sizes[i] += 1
    return sizes


def deal(rng: random.Random, concepts: list[Concept], sizes: list[int]) -> list[list[Concept]]:
    """Give each list its concepts: consecutive runs of a sequence that passes over the
    concepts again and again, each pass shorter, so early concepts appear in many lists
    and late ones in one; no list gets a concept twice."""
    order = concepts[: len(SPECIALS)] + rng.sample(concepts[len(SPECIALS) :], max(0, len(concepts) - len(SPECIALS)))

    def sequence():
        while True:
            length = len(order)
            while length >= 1:
                yield from order[:length]
                length = int(length * 0.6)

    seq = sequence()
    out = []
    for size in sizes:
        chosen: list[Concept] = []
        ids: set[str] = set()
        while len(chosen) < size:
            c = next(seq)
            if c.id not in ids:
                ids.add(c.id)
                chosen.append(c)
        out.append(chosen)
    return out


def build_list(rng: random.Random, layout: str, concepts: list[Concept], number: int) -> GeneratedList:
    """Word every concept of one list, keeping labels unique within their section."""
    style = ListStyle.draw(rng)
    name_pick = {ind.key: ind.names[(style.variant + i) % len(ind.names)] for i, ind in enumerate(INDUSTRIES)}
    titles = {
        "markdown-bold": "Production Use Cases for Generative Media Models",
        "emoji-sections": "Real-world use cases of generative media, by industry",
        "article-bullets": "Generative AI - Practical Use Cases of Media Generation",
        "front-matter": "Generative Media Beyond the Obvious",
    }
    glist = GeneratedList(layout, f"{titles[layout]} ({number})")
    taken: set[tuple[str, str, str]] = set()
    for c in concepts:
        heading = name_pick[c.industry]
        group = group_of(c, style) if layout == "markdown-bold" else ""
        for label in _wordings(c, rng, style):
            key = (heading.casefold(), group.casefold(), label.casefold())
            if key not in taken and fits(label):
                break
        else:  # every wording is taken in this section: should not happen with these pools
            raise RuntimeError(f"no unique label for concept {c.id} under {heading!r}")
        taken.add(key)
        glist.entries.append(Entry(c, label, render_description(c, rng), heading, group))
    return glist


# ----------------------------------------------------------------------------- writers
#
# Each writer returns the list's lines (without "List N:") and sets Entry.line relative to
# the first returned line (1-based); the caller shifts them to file lines.


def _sections(entries: list[Entry]) -> list[tuple[str, list[Entry]]]:
    """Entries grouped by industry heading, in the order industries are listed in INDUSTRIES."""
    rank = {name: i for i, ind in enumerate(INDUSTRIES) for name in ind.names}
    groups: dict[str, list[Entry]] = {}
    for e in entries:
        groups.setdefault(e.industry_heading, []).append(e)
    return sorted(groups.items(), key=lambda kv: (rank.get(kv[0], 99), kv[0]))


def _industry(heading: str) -> Industry:
    return next(ind for ind in INDUSTRIES if heading in ind.names)


def write_markdown(rng: random.Random, glist: GeneratedList) -> list[str]:
    out = [f"# {glist.title.split(' (')[0]}", ""]
    for heading, entries in _sections(glist.entries):
        out += [f"## {heading}", ""]
        by_group: dict[str, list[Entry]] = {}
        for e in entries:
            by_group.setdefault(e.group_heading, []).append(e)
        for group in sorted(by_group):
            out.append(f"### {group}")
            for e in by_group[group]:
                words = e.label.split()
                style = rng.random()
                if style < 0.35 and not e.label.endswith(")"):
                    out.append(f"- **{e.label}** ({rng.choice(NOTES)})")
                elif style < 0.6 and len(words) > 2 and not e.label.endswith(")"):
                    k = rng.randint(1, len(words) - 1)
                    out.append(f"- **{' '.join(words[:k])}** {' '.join(words[k:])}")
                elif style < 0.8:
                    out.append(f"- **{e.label}:** {e.description}")
                else:
                    out.append(f"- **{e.label}**" if not e.label.endswith(")") else f"- **{e.label}**: {e.description}")
                e.line = len(out)
            out.append("")
    out += [
        "---",
        "",
        "## Key Considerations Across All Use Cases",
        "- **Speed**: Rapid iteration and variant generation",
        "- **Cost reduction**: Fewer physical shoots and less manual work",
        "- **Personalization at scale**: Tailored content for every audience",
        "",
        "Would you like me to expand any of these sections?",
    ]
    return out


def write_emoji(rng: random.Random, glist: GeneratedList) -> list[str]:
    out = [
        "Excellent \u2014 here is a production-oriented list of real-world use cases for generative media "
        f"models ({', '.join(rng.sample(TOOLS, 3))}, etc.), organized by industry.",
        "",
    ]
    for number, (heading, entries) in enumerate(_sections(glist.entries), 1):
        ind = _industry(heading)
        out += [f"{ind.emoji} {number}. {heading}", "", f"Goal: {capital(ind.goal)}.", "", "Use Cases", ""]
        for e in entries:
            if rng.random() < 0.2 and not e.label.endswith(")"):
                out.append(f"{e.label} ({rng.choice(NOTES)})")
            else:
                out.append(f"{e.label}: {e.description}")
            e.line = len(out)
            out.append("")
    out += ["Would you like me to turn this into a table with tools per use case?"]
    return out


def write_article(rng: random.Random, glist: GeneratedList) -> list[str]:
    topic = glist.title.split(" (")[0]
    out = [
        topic,
        "",
        "Generative AI has changed how teams produce images, video, audio and 3D content. "
        "This article walks through the practical use cases companies already run in production.",
        "",
        "How Media Generation Works",
        "",
        "Most systems are diffusion or transformer models trained on large collections of media and text.",
        "",
        "Key Practical Use Cases of AI Media Generation",
        "",
    ]
    for number, (heading, entries) in enumerate(_sections(glist.entries), 1):
        ind = _industry(heading)
        out += [f"{number}. {heading}", "", f"Teams in this field use generative models to {ind.goal}.", ""]
        for e in entries:
            out.append(f"  \u2022 {e.label}: {e.description}")
            e.line = len(out)
        out += ["", f"Example: {rng.choice(COMPANIES)} uses {rng.choice(TOOLS)} to {ind.goal}.", ""]
    out += [
        "Step-by-Step Guide: Using AI for Media Generation",
        "",
        "  1. Choose a Platform: Select a reliable tool.",
        "  2. Define the Prompt: Describe the result you want.",
        "  3. Generate and Refine: Review the results and iterate.",
        "",
        "Best Practices for Using Generative Media",
        "",
        "  \u2022 Use Clear Prompts: Output quality depends on the prompt.",
        "  \u2022 Stay Transparent: Disclose when media is AI-generated.",
        "",
        "Frequently Asked Questions",
        "",
        "Is AI-generated media free to use commercially?",
        "It depends on the tool's licence and on local law.",
    ]
    return out


def write_front_matter(rng: random.Random, glist: GeneratedList) -> list[str]:
    title = glist.title.split(" (")[0]
    out = [
        "---",
        f"title: '{title}'",
        f"read_time: '{rng.randint(5, 15)} min read'",
        "description: 'Where generative models are already used in production, industry by industry.'",
        "---",
        "",
        f"# {title}",
        "",
        "Generative models now produce far more than text and still images.",
        "",
    ]
    for heading, entries in _sections(glist.entries):
        ind = _industry(heading)
        out += [f"### {heading}", "", f"Teams use generative models to {ind.goal}:", ""]
        for e in entries:
            out.append(f"- **{e.label}:** {e.description}")
            e.line = len(out)
        out.append("")
    out += ["### A New Era of Creation", "", "The trajectory is clear: generation is becoming a standard tool."]
    return out


WRITERS = {
    "markdown-bold": write_markdown,
    "emoji-sections": write_emoji,
    "article-bullets": write_article,
    "front-matter": write_front_matter,
}
MULTI_LIST_LAYOUTS = ("markdown-bold", "emoji-sections")  # written behind "List N:" lines, like the assistant lists
FILE_FORMATS = {"markdown-bold": "text/plain", "emoji-sections": "text/plain", "article-bullets": "text/plain", "front-matter": "text/markdown"}


# ----------------------------------------------------------------------------- project


def default_list_count(n_items: int) -> int:
    """About 500 items a list, and never fewer than six lists (the seeds have six)."""
    return max(1, min(n_items, max(6, min(400, round(n_items / 500)))))


def _copy_project_files(dest: Path, repo: Path) -> None:
    for folder in ("ontology", "queries"):
        if (repo / folder).is_dir():
            shutil.copytree(repo / folder, dest / folder, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in ("lexicon.tsv", "stopwords.tsv"):
        if (repo / "data" / name).is_file():
            shutil.copy2(repo / "data" / name, dest / "data" / name)
    # Heading curation: nobody has curated the synthetic headings, so the file is written
    # with its header only (comment lines and the column line), as a new project starts.
    headings = repo / "data" / "curation" / "headings.tsv"
    if headings.is_file():
        header = []
        for line in headings.read_text(encoding="utf-8").splitlines(keepends=True):
            header.append(line)
            if not line.startswith("#"):
                break
        (dest / "data" / "curation").mkdir(parents=True, exist_ok=True)
        (dest / "data" / "curation" / "headings.tsv").write_text("".join(header), encoding="utf-8")


def _toml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def generate_project(dest: Path, n_items: int, seed: int = 0, *, n_lists: int | None = None, repo: Path = REPO) -> dict:
    """Write a complete project to ``dest`` whose sources hold ``n_items`` use-case items.

    Returns a summary: ``{"items", "concepts", "lists": [{"source_list", "file", "layout",
    "items"}...]}``. Existing generated sources in ``dest/data/sources`` are replaced.
    """
    if n_items < 1:
        raise ValueError("n_items must be at least 1")
    dest = Path(dest)
    rng = random.Random(f"gm-graph-bench:{seed}")
    n_lists = n_lists or default_list_count(n_items)
    sizes = list_sizes(rng, n_items, n_lists)
    n_concepts = max(max(sizes), math.ceil(n_items / 2.3))
    concepts = make_concepts(rng, n_concepts)
    dealt = deal(rng, concepts, sizes)
    layouts = [LAYOUT_CYCLE[i % len(LAYOUT_CYCLE)] for i in range(n_lists)]
    lists = [build_list(rng, layout, cs, i + 1) for i, (layout, cs) in enumerate(zip(layouts, dealt))]

    # Lay the lists out in files: Markdown and emoji lists four to a file, articles alone.
    files: list[tuple[str, list[GeneratedList]]] = []
    batch: list[GeneratedList] = []
    for glist in lists:
        if glist.layout in MULTI_LIST_LAYOUTS:
            batch.append(glist)
            if len(batch) == 4:
                files.append(("lists", batch))
                batch = []
        else:
            files.append((glist.layout, [glist]))
    if batch:
        files.append(("lists", batch))
    files.sort(key=lambda f: lists.index(f[1][0]))  # in the order of each file's first list

    sources_dir = dest / "data" / "sources"
    if sources_dir.is_dir():
        for old in sources_dir.glob("synthetic-*.txt"):
            old.unlink()
    sources_dir.mkdir(parents=True, exist_ok=True)
    manifest = [
        "# Synthetic sources written by bench/generate_sources.py",
        f"# items = {n_items}, seed = {seed}, lists = {n_lists}",
        "",
    ]
    truth = ["source_list\tfile\tline\tlabel\tconcept"]
    for k, (kind, members) in enumerate(files, 1):
        source_id = f"synthetic-{kind}-{k:03d}"
        name = f"{source_id}.txt"
        file_lines: list[str] = []
        if kind == "lists":
            file_lines += ["Please merge the following lists of generative media use cases into one.", ""]
        for number, glist in enumerate(members, 1):
            body = WRITERS[glist.layout](rng, glist)
            if kind == "lists":
                file_lines += [f"List {number}:", ""]
                glist.source_list = f"{source_id}-list-{number}"
            else:
                glist.source_list = source_id
            offset = len(file_lines)
            for e in glist.entries:
                e.line += offset
            glist.entries.sort(key=lambda e: e.line)  # file order, as an ingester reads them
            file_lines += body + [""]
            glist.file = f"data/sources/{name}"
        data = ("\n".join(file_lines).rstrip("\n") + "\n").encode("utf-8")
        (sources_dir / name).write_bytes(data)
        manifest += [
            "[[source]]",
            f"id = {_toml_str(source_id)}",
            f"file = {_toml_str('sources/' + name)}",
            f"title = {_toml_str(members[0].title if kind != 'lists' else f'Synthetic assistant lists {k}')}",
            f"format = {_toml_str(FILE_FORMATS[members[0].layout])}",
            f"author_kind = {_toml_str('chat assistant' if kind == 'lists' else 'web article')}",
            f"sha256 = {_toml_str(hashlib.sha256(data).hexdigest())}",
        ]
        if kind == "lists":
            manifest.append("lists = [" + ", ".join(_toml_str(g.title) for g in members) + "]")
        manifest.append("")
        for glist in members:
            truth += [f"{glist.source_list}\t{glist.file}\t{e.line}\t{e.label}\t{e.concept.id}" for e in glist.entries]
    (dest / "data" / "sources.toml").write_text("\n".join(manifest), encoding="utf-8")
    (dest / "truth.tsv").write_text("\n".join(truth) + "\n", encoding="utf-8")
    _copy_project_files(dest, repo)
    return {
        "items": n_items,
        "seed": seed,
        "concepts": len({e.concept.id for g in lists for e in g.entries}),
        "lists": [
            {"source_list": g.source_list, "file": g.file, "layout": g.layout, "items": len(g.entries),
             "labels": [e.label for e in g.entries], "lines": [e.line for e in g.entries]}
            for g in lists
        ],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="example: python bench/generate_sources.py /tmp/gm-10k --items 10000 --seed 1")
    parser.add_argument("dest", type=Path, help="project folder to write (created if missing)")
    parser.add_argument("--items", type=int, default=1000, help="use-case items in all sources together (default 1000)")
    parser.add_argument("--seed", type=int, default=0, help="random seed; the same seed gives the same files (default 0)")
    parser.add_argument("--lists", type=int, default=None, help="number of source lists (default: about one per 500 items, at least 6)")
    args = parser.parse_args(argv)
    summary = generate_project(args.dest, args.items, args.seed, n_lists=args.lists)
    layouts: dict[str, int] = {}
    for g in summary["lists"]:
        layouts[g["layout"]] = layouts.get(g["layout"], 0) + 1
    print(f"wrote {args.dest}: {summary['items']} items in {len(summary['lists'])} lists "
          f"({', '.join(f'{v} {k}' for k, v in sorted(layouts.items()))}), {summary['concepts']} distinct use cases")
    return 0


if __name__ == "__main__":
    sys.exit(main())
