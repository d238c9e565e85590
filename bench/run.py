"""Time the gm-graph commands as a user runs them, on the seeds and on synthetic sources.

Each command is run as a separate process of the installed console script
(``.venv/bin/gm-graph``, else ``python -m gm_graph.cli``) with ``--root``, so the figures
include interpreter start-up and imports, exactly what a user waits for. Every command is
run ``--runs`` times (default 5); the table gives the median, minimum and maximum wall time
and the peak resident memory of the process (``ru_maxrss`` of that very child, read with
``os.wait4``).

Projects measured: a copy of the repository's own project (the seeds: ``data/``,
``ontology/``, ``queries/``) and, for each of ``--sizes``, a project written by
``bench/generate_sources.py`` in a temporary folder. The repository's own ``build/`` is
never touched.

Usage::

    .venv/bin/python bench/run.py                       # seeds + 1k + 10k items, 5 runs each
    .venv/bin/python bench/run.py --sizes 1000,10000,100000 --runs 3
    .venv/bin/python bench/run.py --sizes "" --runs 9   # the seeds only

Results are printed as a table and written as JSON to ``bench/out/`` (git-ignored):
``run-<timestamp>.json`` and ``latest.json``. A command that fails (non-zero exit, or
timeout) is recorded with its exit status and the tail of its stderr, and the run goes on.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "bench" / "out"

sys.path.insert(0, str(REPO / "bench"))
from generate_sources import generate_project  # noqa: E402

# The commands measured, in the order they run on each project. ``build`` runs first so that
# the read-only commands find a graph; ``build --reason`` runs last because it replaces the
# graph with one that holds the inferred triples too.
COMMANDS: dict[str, list[list[str]]] = {
    "build": [["build"]],
    "validate": [["validate"]],
    "build+validate": [["build"], ["validate"]],
    "canonical": [["canonical"]],
    "query source-items csv": [["query", "queries/source-items.rq", "--format", "csv"]],
    "export turtle": [["export", "--format", "turtle"]],
    "export json-ld": [["export", "--format", "json-ld"]],
    "build --reason": [["build", "--reason"]],
}

# Targets from the foundation issue, on the seeds (seconds of wall time).
TARGETS = {"build+validate": 2.0, "build --reason": 5.0}
# The commands whose time per item should not grow with the item count.
SCALING = ("build", "build+validate", "validate", "build --reason")


def gm_graph_command() -> list[str]:
    script = Path(sys.executable).parent / "gm-graph"
    if script.is_file():
        return [str(script)]
    venv = REPO / ".venv" / "bin" / "gm-graph"
    if venv.is_file():
        return [str(venv)]
    return [sys.executable, "-m", "gm_graph.cli"]


# ----------------------------------------------------------------------------- one process


@dataclass
class Run:
    seconds: float
    peak_mb: float
    exit_code: int
    stderr_tail: str = ""
    timed_out: bool = False


def total_memory_gb() -> float:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError, AttributeError):
        return 0.0


def _limit_memory(gb: float):
    """A preexec hook capping the child's address space, so a runaway size fails alone
    (MemoryError, recorded as a failure) instead of starving the machine."""
    if not gb:
        return None

    def apply():
        limit = int(gb * 2**30)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return apply


def run_once(argv: list[str], cwd: Path, timeout: float, stdout_path: Path, mem_limit_gb: float = 0) -> Run:
    """Run one process; wall time, its own peak RSS (os.wait4) and exit status."""
    with open(stdout_path, "wb") as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                preexec_fn=_limit_memory(mem_limit_gb))
        killed = threading.Event()

        def kill():
            killed.set()
            proc.kill()

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        err.seek(0)
        tail = err.read().decode("utf-8", "replace").splitlines()[-12:]
    # ru_maxrss is in kilobytes on Linux and in bytes on macOS.
    peak = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return Run(seconds, peak, proc.returncode, "\n".join(tail), killed.is_set())


# ----------------------------------------------------------------------------- a measurement


@dataclass
class Measurement:
    command: str
    project: str  # "seeds" or "1000", "10000", ...
    items: int | None
    runs: list[float] = field(default_factory=list)
    peak_mb: float = 0.0
    status: str = "ok"  # "ok", "exit N", "killed by signal N", "timeout after N s", "skipped: ..."
    failed_after_s: float | None = None  # wall time of the failing run (not counted in runs)
    stderr_tail: str = ""
    target_s: float | None = None

    @property
    def median(self) -> float | None:
        return statistics.median(self.runs) if self.runs else None

    def as_json(self) -> dict:
        d = asdict(self)
        d.update(median_s=self.median, min_s=min(self.runs, default=None), max_s=max(self.runs, default=None))
        if self.target_s is not None and self.median is not None:
            d["meets_target"] = self.status == "ok" and self.median < self.target_s
        return d


def measure(name: str, steps: list[list[str]], project: Path, label: str, items: int | None, args, exe: list[str]) -> Measurement:
    m = Measurement(name, label, items, target_s=TARGETS.get(name) if label == "seeds" else None)
    scratch = project / ".bench-out"
    scratch.mkdir(exist_ok=True)
    spent = 0.0
    for i in range(args.runs):
        total, peak = 0.0, 0.0
        for k, step in enumerate(steps):
            argv = exe + step[:1] + ["--root", str(project)] + step[1:]
            r = run_once(argv, project, args.timeout, scratch / f"stdout-{k}.txt", args.mem_limit_gb)
            total += r.seconds
            peak = max(peak, r.peak_mb)
            if r.timed_out or r.exit_code != 0:
                if r.timed_out:
                    m.status = f"timeout after {args.timeout:g} s"
                elif r.exit_code < 0:
                    m.status = f"killed by signal {-r.exit_code}"
                else:
                    m.status = f"exit {r.exit_code}"
                m.failed_after_s = round(total, 3)
                m.stderr_tail = r.stderr_tail
                if not r.stderr_tail:
                    out = (scratch / f"stdout-{k}.txt").read_text(encoding="utf-8", errors="replace").splitlines()
                    m.stderr_tail = "\n".join(out[-12:])
                m.peak_mb = max(m.peak_mb, peak)
                print(f"  ! {name} [{label}] failed: {' '.join(step)} -> {m.status}", flush=True)
                for line in m.stderr_tail.splitlines():
                    print(f"  ! | {line}", flush=True)
                return m
        m.runs.append(total)
        m.peak_mb = max(m.peak_mb, peak)
        spent += total
        if spent > args.budget and i + 1 < args.runs:
            print(f"  . {name} [{label}]: stopping after {i + 1} runs (budget {args.budget:g} s spent)", flush=True)
            break
    return m


# ----------------------------------------------------------------------------- projects


def copy_seeds(dest: Path) -> Path:
    """A copy of the repository's project: its data, ontology and queries, no build/."""
    for folder in ("data", "ontology", "queries"):
        if (REPO / folder).is_dir():
            shutil.copytree(REPO / folder, dest / folder, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return dest


def project_facts(project: Path) -> dict:
    """Items, canonical use cases and triples, from the last build's report.json."""
    report = project / "build" / "report.json"
    if not report.is_file():
        return {}
    data = json.loads(report.read_text(encoding="utf-8"))
    return {k: data.get(k) for k in ("items", "canonical_use_cases", "triples")}


def growth(points: list[tuple[int, float]]) -> float | None:
    """Least-squares slope of log(time) on log(items): 1 is linear, 2 is all-pairs."""
    pts = [(math.log(n), math.log(t)) for n, t in points if n and t and t > 0]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    sxx = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / sxx if sxx else None


# ----------------------------------------------------------------------------- report


def fmt(x: float | None, digits: int = 2) -> str:
    return "-" if x is None else f"{x:.{digits}f}"


def table(rows: list[Measurement]) -> str:
    head = ["command", "size", "items", "runs", "median s", "min s", "max s", "peak MB", "target", "status"]
    body = []
    for m in rows:
        target = ""
        if m.target_s is not None:
            ok = m.status == "ok" and m.median is not None and m.median < m.target_s
            target = f"< {m.target_s:g} s {'met' if ok else 'MISSED'}"
        body.append([
            m.command, m.project, "-" if m.items is None else str(m.items), str(len(m.runs)),
            fmt(m.median), fmt(min(m.runs, default=None)), fmt(max(m.runs, default=None)),
            fmt(m.peak_mb, 0) if m.peak_mb else "-", target, m.status,
        ])
    widths = [max(len(r[i]) for r in [head, *body]) for i in range(len(head))]
    numeric = {2, 3, 4, 5, 6, 7}
    lines = []
    for r in [head, ["-" * w for w in widths], *body]:
        cells = [c.rjust(w) if i in numeric else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths))]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def environment() -> dict:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    dirty = bool(subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO, capture_output=True, text=True).stdout.strip())
    version = subprocess.run(gm_graph_command() + ["--version"], capture_output=True, text=True).stdout.strip()
    return {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "commit": commit + ("+dirty" if dirty else ""),
        "gm_graph": version,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "memory_gb": round(total_memory_gb(), 1),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }


# ----------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="example: .venv/bin/python bench/run.py --sizes 1000,10000,100000 --runs 3")
    parser.add_argument("--runs", type=int, default=5, help="runs of each command; the median is reported (default 5)")
    parser.add_argument("--sizes", default="1000,10000", help="synthetic project sizes in items, comma-separated; '' for none (default 1000,10000)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic sources (default 1)")
    parser.add_argument("--no-seeds", action="store_true", help="skip the repository's own sources")
    parser.add_argument("--commands", default=",".join(COMMANDS), help="comma-separated subset of: " + ", ".join(COMMANDS))
    parser.add_argument("--timeout", type=float, default=1800, help="seconds before one run of a command is killed (default 1800)")
    parser.add_argument("--budget", type=float, default=600, help="stop repeating a command once its runs took this many seconds in all (default 600)")
    parser.add_argument("--mem-limit-gb", type=float, default=round(0.6 * total_memory_gb(), 1),
                        help="address-space limit of each gm-graph process in GiB; 0 for none (default: 60%% of RAM)")
    parser.add_argument("--workdir", type=Path, default=None, help="where to write the projects (default: a temporary folder, removed afterwards)")
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the JSON results (default bench/out/)")
    args = parser.parse_args(argv)

    wanted = [c.strip() for c in args.commands.split(",") if c.strip()]
    unknown = [c for c in wanted if c not in COMMANDS]
    if unknown:
        parser.error(f"unknown command(s): {', '.join(unknown)}; choose from {', '.join(COMMANDS)}")
    commands = [c for c in COMMANDS if c in wanted]
    sizes = [int(s.replace("_", "").replace("k", "000")) for s in args.sizes.split(",") if s.strip()]
    exe = gm_graph_command()
    env = environment()
    print(f"gm-graph bench: {env['gm_graph']} at {env['commit']}, Python {env['python']}, {env['cpus']} CPUs, "
          f"{env['memory_gb']} GiB; load {env['load_average_at_start'][0]}; {args.runs} runs per command; "
          f"memory limit {args.mem_limit_gb or 'none'} GiB; {' '.join(exe)}", flush=True)

    work = args.workdir or Path(tempfile.mkdtemp(prefix="gm-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    projects: list[tuple[str, Path, int | None]] = []
    generated: dict[str, dict] = {}
    if not args.no_seeds:
        projects.append(("seeds", copy_seeds(work / "seeds"), None))
    for n in sizes:
        dest = work / f"synthetic-{n}"
        if dest.exists():
            shutil.rmtree(dest)
        t0 = time.perf_counter()
        summary = generate_project(dest, n, args.seed)
        took = time.perf_counter() - t0
        generated[str(n)] = {"seconds": round(took, 2), "lists": len(summary["lists"]), "concepts": summary["concepts"]}
        print(f"generated {n} items in {len(summary['lists'])} lists ({summary['concepts']} use cases) in {took:.1f} s", flush=True)
        projects.append((str(n), dest, n))

    results: list[Measurement] = []
    facts: dict[str, dict] = {}
    try:
        for label, project, items in projects:
            print(f"\n== {label} ({project})", flush=True)
            build_failed = None
            for name in commands:
                if build_failed and name != "build --reason":
                    m = Measurement(name, label, items, status=f"skipped: build failed ({build_failed})")
                else:
                    m = measure(name, COMMANDS[name], project, label, items, args, exe)
                if name == "build":
                    facts[label] = project_facts(project) if m.status == "ok" else {}
                    if m.status != "ok":
                        build_failed = m.status
                    if items is None:
                        m.items = facts[label].get("items")
                results.append(m)
                print(f"  {name:<24} {fmt(m.median):>8} s  (min {fmt(min(m.runs, default=None))}, "
                      f"max {fmt(max(m.runs, default=None))}, {len(m.runs)} runs)  {fmt(m.peak_mb, 0)} MB  {m.status}", flush=True)
            if items is None:
                for m in results:
                    if m.project == label:
                        m.items = facts.get(label, {}).get("items")
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)

    print("\n" + table(results))
    exponents = {}
    for name in commands:
        pts = [(m.items, m.median) for m in results if m.command == name and m.project != "seeds" and m.status == "ok" and m.median]
        e = growth(pts)
        if e is not None:
            exponents[name] = round(e, 2)
    if exponents:
        print("\ngrowth exponent of wall time with item count over the synthetic sizes (1 = linear, 2 = all pairs):")
        for name, e in exponents.items():
            print(f"  {name:<24} {e:.2f}")
    seeds = [m for m in results if m.project == "seeds" and m.target_s is not None]
    if seeds:
        print("\ntargets on the seeds (foundation issue): " + "; ".join(
            f"{m.command} {fmt(m.median)} s (target < {m.target_s:g} s: "
            f"{'met' if m.status == 'ok' and m.median is not None and m.median < m.target_s else 'MISSED'})" for m in seeds))

    args.out.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    doc = {
        "environment": env,
        "settings": {"runs": args.runs, "sizes": sizes, "seed": args.seed, "commands": commands, "runner": exe,
                     "timeout_s": args.timeout, "budget_s": args.budget, "mem_limit_gb": args.mem_limit_gb},
        "targets_on_seeds_s": TARGETS,
        "projects": {label: {**facts.get(label, {}), **({"generated": generated[label]} if label in generated else {})} for label, _, _ in projects},
        "results": [m.as_json() for m in results],
        "growth_exponents": exponents,
    }
    env["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    text = json.dumps(doc, indent=2) + "\n"
    (args.out / f"run-{stamp}.json").write_text(text, encoding="utf-8")
    (args.out / "latest.json").write_text(text, encoding="utf-8")
    print(f"\nwrote {os.path.relpath(args.out / f'run-{stamp}.json')} and latest.json")
    return 0 if all(m.status == "ok" for m in results) else 1


if __name__ == "__main__":
    sys.exit(main())
