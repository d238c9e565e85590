"""The gm-graph command line: parses options and calls one function per command."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from gm_graph import __version__
from gm_graph.errors import GmError, rel

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
# The layout names of gm_graph.ingest.REGISTRY, spelled out so that `--help` does not import the
# ingesters; tests/test_cli_errors.py checks that the two agree.
LAYOUTS = (
    "article-bullets", "bare-lines", "decimal-outline", "emoji-sections", "front-matter", "heading-paragraphs",
    "label-paragraphs", "markdown-bold", "plain-list", "roman-outline", "slide-outline", "structured", "table",
)


def _fail(exc: GmError) -> None:
    click.echo(f"Error: {exc.message}", err=True)
    sys.exit(exc.exit_code)


class Group(click.Group):
    """Turns every GmError into one line on stderr and its exit code, never a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except GmError as exc:
            _fail(exc)
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            sys.exit(130)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, SystemExit):
            raise
        except Exception as exc:  # a bug, not a user mistake: say so in one line
            if os.environ.get("GM_GRAPH_DEBUG"):
                raise
            click.echo(
                f"Error: internal error ({type(exc).__name__}: {exc}); please report it. "
                "Set GM_GRAPH_DEBUG=1 to see the traceback.",
                err=True,
            )
            sys.exit(3)


root_option = click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Project folder (holding data/sources.toml). Default: the current folder or the nearest parent that has one.",
)


def _paths(root: Path | None):
    from gm_graph.paths import Paths
    from gm_graph.project import find_root

    return Paths(find_root(root) if root is None else _checked_root(root))


def _checked_root(root: Path) -> Path:
    if not (root / "data" / "sources.toml").is_file():
        raise GmError(str(root), "no data/sources.toml in this folder", "pass the project folder to --root")
    return root.resolve()


def _log(msg: str) -> None:
    click.echo(msg, err=True)


@click.group(cls=Group, context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="gm-graph")
def main() -> None:
    """Merge lists of generative media use cases into one canonical, traceable graph.

    \b
    Quick start:
      gm-graph build          read data/, merge, write build/graph.trig
      gm-graph canonical      print the canonical list
      gm-graph validate       check the graph against the SHACL shapes
    """


# ------------------------------------------------------------------ build


@main.command(context_settings=CONTEXT)
@root_option
@click.option("--reason", is_flag=True, help="Also materialise the OWL 2 RL inferences, into their own named graph.")
@click.option("--no-curation", is_flag=True, help="Ignore data/curation/: merge with the matcher alone.")
@click.option("--strict", is_flag=True, help="Fail when a curation decision no longer fits its items.")
@click.option("-v", "--verbose", is_flag=True, help="List every skipped line in the parse report.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def build(root, reason, no_curation, strict, verbose, quiet):
    """Read the sources in data/, merge them and write build/graph.trig.

    Prints the parse report: per source list, the items read and the lines skipped
    (preambles, goal lines, code, FAQ ...) by reason; -v lists each skipped line.

    \b
    Example:
      gm-graph build -v
    """
    from gm_graph.build import build as run_build
    from gm_graph.build import write
    from gm_graph.report import parse_report

    paths = _paths(root)
    log = None if quiet else _log
    result = run_build(paths.root, use_curation=not no_curation, strict=strict, log=log)
    if reason:
        from gm_graph.reason import materialise

        if log:
            log("reasoning (OWL 2 RL rules the ontology uses)")
        result.quads = materialise(result.quads)
    out = write(result)
    if not quiet:
        click.echo(parse_report(result.report(), verbose=verbose), nl=False)
        click.echo(f"wrote {rel(out)} ({len(result.quads)} triples)")


# ------------------------------------------------------------------ add-source


@main.command("add-source", context_settings=CONTEXT)
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@root_option
@click.option("--id", "source_id", default=None, help="Short stable id (part of IRIs). Default: from the file name.")
@click.option("--title", default=None, help="Title of the list. Default: from the file name.")
@click.option("--author-kind", default="unknown", show_default=True, help="Who wrote it: chat assistant, web article, analyst, ...")
@click.option("--format", "media_type", default=None, help="Media type. Default: from the extension (text/markdown, text/csv, ...).")
@click.option("--layout", default=None, metavar="NAME", help=f"Read the file with this layout instead of detecting one, for a list detection refuses or misreads: {', '.join(LAYOUTS)}.")
def add_source(file, root, source_id, title, author_kind, media_type, layout):
    """Add a list to data/: copy it to data/sources/, hash it and append it to data/sources.toml.

    The file (Markdown or other text, text copied out of a PDF, CSV, TSV, JSON, YAML, an
    org-mode or reStructuredText file, a saved HTML page or a Word .docx) must be in a layout
    gm-graph reads and give at least one use case; nothing is changed otherwise. Run
    `gm-graph build` afterwards. With --root naming an existing folder that holds no project
    yet, this starts one there (data/sources.toml is created); such a project is built with
    the ontology, lexicon and shapes of this installation until it has its own copies.

    \b
    Examples:
      gm-graph add-source ~/Downloads/use-cases.md --author-kind analyst --title "Analyst list"
      mkdir my-lists && gm-graph add-source list.csv --root my-lists
      gm-graph add-source excerpt.md --layout plain-list   # a short list detection refuses
    """
    from gm_graph.manifest import add_source as add

    if root is not None and root.is_dir() and not (root / "data" / "sources.toml").exists():
        from gm_graph.paths import Paths

        paths = Paths(root.resolve())  # a folder that is no project yet: this starts one
    else:
        paths = _paths(root)
    src, results = add(paths.manifest, file, source_id=source_id, title=title, author_kind=author_kind, media_type=media_type, layout=layout)
    read = ", ".join(f"{len(r.items)} use cases ({r.layout})" for r in results)
    click.echo(f"added {src.id}: {rel(src.path)} (sha256 {src.sha256[:12]}…) to {rel(paths.manifest)}; read {read}; run `gm-graph build`")


# ------------------------------------------------------------------ validate


@main.command(context_settings=CONTEXT)
@click.argument("graph", required=False, type=click.Path(dir_okay=False, path_type=Path))
@root_option
@click.option("--shapes", type=click.Path(dir_okay=False, path_type=Path), default=None, help="SHACL shapes file. Default: ontology/shapes.ttl.")
def validate(graph, root, shapes):
    """Check a graph against the SHACL shapes (building it first if needed).

    Exit status: 0 the graph conforms; 1 it has violations (each printed with its focus
    node and source line); 2 usage or load error.

    \b
    Examples:
      gm-graph validate
      gm-graph validate build/graph.trig
    """
    from gm_graph.project import ensure_built
    from gm_graph.validate import format_report, validate_file

    paths = _paths(root)
    target = graph if graph is not None else ensure_built(paths, _log)
    shapes_path = shapes or paths.ontology / "shapes.ttl"
    report = validate_file(target, shapes_path)
    click.echo(format_report(report, target))
    sys.exit(0 if report.conforms else 1)


# ------------------------------------------------------------------ query


@main.command(context_settings=CONTEXT)
@click.argument("query_file", type=click.Path(dir_okay=False, path_type=Path))
@root_option
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table", show_default=True, help="Output format (csv/tsv/json are the W3C SPARQL results formats).")
@click.option("--bind", "binds", multiple=True, metavar="NAME=VALUE", help="Bind a query variable, e.g. --bind industry=gmi:real-estate.")
@click.option("--graph", "graph_file", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Query this RDF file instead of build/graph.trig.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Write to FILE instead of standard output.")
def query(query_file, root, fmt, binds, graph_file, output):
    """Run a SPARQL query file against the graph.

    \b
    Examples:
      gm-graph query queries/source-items.rq --format csv
      gm-graph query queries/usecases-of-industry.rq --bind industry=gmi:real-estate
    """
    from gm_graph import query as q
    from gm_graph.project import ensure_built, load

    text = q.read_query(query_file)
    bindings = dict(q.parse_binding(b) for b in binds)
    paths = _paths(root)
    store = load(graph_file or ensure_built(paths, _log))
    result = q.run(store, text, rel(query_file), bindings)
    _emit(q.render(result, fmt), output)


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
    else:
        from gm_graph.fsutil import atomic_write

        atomic_write(output, text)
        _log(f"wrote {rel(output)}")


# ------------------------------------------------------------------ canonical


@main.command(context_settings=CONTEXT)
@root_option
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json", "markdown"]), default="table", show_default=True, help="markdown groups the list by industry, ready to publish.")
@click.option("--industry", default=None, help="Only use cases of this industry (label or IRI, e.g. 'Real estate' or gmi:real-estate).")
@click.option("--modality", default=None, help="Only use cases of this media modality (label or IRI).")
@click.option("--tool", default=None, help="Only use cases a tool names or could serve (label or IRI, e.g. Sora).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Write to FILE instead of standard output.")
def canonical(root, fmt, industry, modality, tool, output):
    """Print the canonical list: the result of queries/canonical-list.rq.

    \b
    Examples:
      gm-graph canonical
      gm-graph canonical --industry "Real estate" --format markdown
    """
    from gm_graph.canonical import canonical_list

    paths = _paths(root)
    _emit(canonical_list(paths, fmt, industry=industry, modality=modality, tool=tool, log=_log), output)


# ------------------------------------------------------------------ export


@main.command(context_settings=CONTEXT)
@root_option
@click.option("--format", "fmt", type=click.Choice(["turtle", "json-ld", "ntriples", "trig", "sssom"]), default="turtle", show_default=True, help="Serialisation (sssom: the mapping set as SSSOM TSV).")
@click.option("--inferred/--no-inferred", default=True, show_default=True, help="Include the reasoner's inferred graph, when the build has one.")
@click.option("--graph", "graph_file", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Export this RDF file instead of build/graph.trig.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Write to FILE instead of standard output.")
def export(root, fmt, inferred, graph_file, output):
    """Export the graph as Turtle, JSON-LD, N-Triples, TriG or SSSOM TSV.

    \b
    Examples:
      gm-graph export --format turtle -o gm-graph.ttl
      gm-graph export --format json-ld --no-inferred -o gm-graph.jsonld
    """
    from gm_graph.export import EXPORTERS
    from gm_graph.project import ensure_built
    from gm_graph.store import parse_file

    paths = _paths(root)
    quads = parse_file(graph_file or ensure_built(paths, _log))
    data = EXPORTERS[fmt](quads, include_inferred=inferred)
    if output is None:
        sys.stdout.buffer.write(data)
    else:
        from gm_graph.fsutil import atomic_write

        atomic_write(output, data)
        _log(f"wrote {rel(output)}")


# ------------------------------------------------------------------ explain


@main.command(context_settings=CONTEXT)
@click.argument("text")
@root_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output format.")
@click.option("--candidates", type=click.IntRange(min=0), default=5, show_default=True, help="How many of the closest candidates that were not merged to show.")
def explain(text, root, fmt, candidates):
    """Explain a canonical use case: its items, why each was merged, what was left apart.

    TEXT is a use case IRI or prefixed name (gmu:...), a source item (gmx:..., showing the
    use case it is in), or a preferred or alternative label (any case); otherwise the
    closest label is shown with a note that it was a fuzzy hit. Exit status 2 when
    nothing is close, with the three closest labels.

    \b
    Examples:
      gm-graph explain "Virtual try-on"
      gm-graph explain gmu:previsualization --format json
    """
    from gm_graph.explain import explain as run_explain

    click.echo(run_explain(_paths(root), text, fmt, candidates, log=_log), nl=False)


# ------------------------------------------------------------------ review


@main.command(context_settings=CONTEXT)
@root_option
@click.option("--list", "list_only", is_flag=True, help="Only print the queue; ask nothing.")
@click.option("--batch", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Take answers from a TSV file (columns subject_id, object_id, answer: same/different/broader/narrower/skip, and optionally comment: your reason, kept with the decision); no prompts.")
@click.option("--limit", type=click.IntRange(min=0), default=None, help="Show or ask at most N pairs.")
@click.option("--author", default=None, help="Who decides, recorded as author_id (an ORCID CURIE or a name). Default: $USER.")
@click.option("--format", "fmt", type=click.Choice(["text", "tsv"]), default="text", show_default=True, help="With --list: tsv prints a file to fill in and pass to --batch.")
@click.option("--source", default=None, metavar="ID", help="Only pairs with an item of this source (its id in data/sources.toml, or one list such as assistant-lists-list-2): the pairs a list you added brings.")
def review(root, list_only, batch, limit, author, fmt, source):
    """Answer the pairs the matcher queued for review; answers go to the curation file.

    Pairs come most informative first: closest to the acceptance threshold, then the
    largest clusters affected. Answer s(ame), d(ifferent), b(roader: left is broader than
    right), n(arrower), k (skip) or q(uit). Each answer is appended to
    data/curation/mappings.sssom.tsv at once; run `gm-graph build` to apply them.

    \b
    Examples:
      gm-graph review --list --limit 5
      gm-graph review --source my-new-list      # only the pairs a list you added brings
      gm-graph review --author orcid:0000-0002-1825-0097
      gm-graph review --list --format tsv > answers.tsv   # fill in 'answer', then:
      gm-graph review --batch answers.tsv
    """
    from gm_graph.review import check_source, run

    paths = _paths(root)
    if source is not None:
        check_source(paths, source)
    run(paths, list_only=list_only, batch=batch, limit=limit, author=author, fmt=fmt, source=source, log=_log)


# ------------------------------------------------------------------ report


@main.command(context_settings=CONTEXT)
@root_option
@click.option("--format", "fmt", type=click.Choice(["table", "tsv", "json"]), default="table", show_default=True, help="Output format (tsv prints the summary on stderr).")
@click.option("--fail-on", type=click.Choice(["error", "warn", "none"]), default="none", show_default=True, help="Exit 1 when a row of this severity or worse exists.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Write to FILE instead of standard output.")
def report(root, fmt, fail_on, output):
    """Quality report on the canonical list (ROBOT report / qSKOS style).

    Rows of severity ERROR, WARN or INFO: clashing labels, near-duplicate labels left
    unmerged, curation decisions that no longer apply, use cases resting on one item,
    orphan and disconnected use cases; then a count per rule.

    Exit status: 0, or 1 when --fail-on finds a row that severe; 2 usage or load error.

    \b
    Examples:
      gm-graph report
      gm-graph report --fail-on error --format tsv
    """
    from gm_graph.quality import report as run_report

    text, side, code = run_report(_paths(root), fmt, fail_on, log=_log)
    _emit(text, output)
    if side:
        click.echo(side, err=True, nl=False)
    sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    main()
