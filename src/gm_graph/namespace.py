"""Every namespace and term gm-graph writes, defined once.

``GM`` holds the terms the ontology (``ontology/gm.ttl``) mints; asking for a term that is
not listed raises ``AttributeError`` at once, like rdflib's ``DefinedNamespace`` with
``_fail = True``. A test checks that every listed term is defined, labelled and defined in
the ontology file. Terms are pyoxigraph ``NamedNode`` objects: the store is pyoxigraph.
"""

from __future__ import annotations

from pyoxigraph import NamedNode


class Namespace:
    """A namespace whose terms become ``NamedNode`` objects; closed when ``terms`` is given."""

    def __init__(self, base: str, terms: frozenset[str] | None = None) -> None:
        self._base = base
        self._terms = terms
        self._cache: dict[str, NamedNode] = {}

    @property
    def base(self) -> str:
        return self._base

    def term(self, name: str) -> NamedNode:
        node = self._cache.get(name)
        if node is None:
            if self._terms is not None and name not in self._terms:
                raise AttributeError(f"{name!r} is not a term of {self._base}")
            node = self._cache[name] = NamedNode(self._base + name)
        return node

    def __getattr__(self, name: str) -> NamedNode:
        if name.startswith("_"):
            raise AttributeError(name)
        return self.term(name)

    def __getitem__(self, name: str) -> NamedNode:
        return self.term(name)

    def __contains__(self, iri: object) -> bool:
        value = iri.value if isinstance(iri, NamedNode) else str(iri)
        return value.startswith(self._base)


GM_TERMS = frozenset(
    """
    UseCase SourceItem SourceList SourceFile SectionHeading Industry MediaModality Tool Mapping
    Build NAICS2022Code
    inSourceList sourceFile path sha256 authorKind layout line alsoLine verbatim section
    parentHeading level headingKind itemKind textHash canonicalUseCase supportedBy
    definitionSource threshold reviewStatus scorePart industry primaryIndustry modality needsModality modalityNeededBy
    producesModality vendor mentionsTool couldServe falseFriend wholeGraphSelect
    """.split()
)

ONTOLOGY_IRI = "https://w3id.org/gm-graph/ontology"
GM = Namespace(ONTOLOGY_IRI + "#", GM_TERMS)

ID = "https://w3id.org/gm-graph/id/"
GMI = Namespace(ID + "industry/")
GMM = Namespace(ID + "modality/")
GMT = Namespace(ID + "tool/")
GMU = Namespace(ID + "usecase/")
GMX = Namespace(ID + "item/")
GMS = Namespace(ID + "source/")
GMH = Namespace(ID + "heading/")
GMP = Namespace(ID + "mapping/")
GMB = Namespace(ID + "build/")

# Named graphs: what was asserted (sources, merges, vocabularies) and what reasoning added.
GRAPH = Namespace("https://w3id.org/gm-graph/graph/", frozenset({"asserted", "inferred"}))

RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
OWL = Namespace("http://www.w3.org/2002/07/owl#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
PROV = Namespace("http://www.w3.org/ns/prov#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
SH = Namespace("http://www.w3.org/ns/shacl#")
SSSOM = Namespace("https://w3id.org/sssom/")
SEMAPV = Namespace("https://w3id.org/semapv/vocab/")

# Prefixes bound in every serialisation and query, in one place.
PREFIXES: dict[str, str] = {
    "gm": GM.base,
    "gmu": GMU.base,
    "gmx": GMX.base,
    "gms": GMS.base,
    "gmh": GMH.base,
    "gmi": GMI.base,
    "gmm": GMM.base,
    "gmt": GMT.base,
    "gmp": GMP.base,
    "gmb": GMB.base,
    "rdf": RDF.base,
    "rdfs": RDFS.base,
    "owl": OWL.base,
    "xsd": XSD.base,
    "skos": SKOS.base,
    "prov": PROV.base,
    "dcterms": DCTERMS.base,
    "dcat": DCAT.base,
    "sssom": SSSOM.base,
    "semapv": SEMAPV.base,
}


def curie(iri: str) -> str:
    """``prefix:local`` for an IRI in one of our namespaces (the longest match), else the IRI."""
    best = max((p for p, base in PREFIXES.items() if iri.startswith(base)), key=lambda p: len(PREFIXES[p]), default=None)
    return f"{best}:{iri[len(PREFIXES[best]):]}" if best else iri


def sparql_prefixes() -> str:
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
