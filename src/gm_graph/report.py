"""Human-readable text for the parse report that ``gm-graph build`` prints."""

from __future__ import annotations


def parse_report(report: dict, verbose: bool = False) -> str:
    lines = ["Parse report", ""]
    head = f"  {'source list':<34} {'layout':<17} {'items':>5} {'groups':>6} {'repeats':>7} {'skipped':>7}"
    lines += [head, "  " + "-" * (len(head) - 2)]
    for s in report["source_lists"]:
        lines.append(
            f"  {s['source_list']:<34} {s['layout']:<17} {s['items']:>5} {s['groups']:>6} {s['duplicates_folded']:>7} {s['skipped']:>7}"
        )
    total_items = sum(s["items"] for s in report["source_lists"])
    total_skipped = sum(s["skipped"] for s in report["source_lists"])
    lines.append(f"  {'total':<34} {'':<17} {total_items:>5} {'':>6} {'':>7} {total_skipped:>7}")
    lines.append("")
    lines.append("  skipped by reason:")
    for s in report["source_lists"]:
        reasons = ", ".join(f"{r} {n}" for r, n in s["skipped_by_reason"].items()) or "none"
        lines.append(f"    {s['source_list']}: {reasons}")
    for o in report.get("outside_lists", []):
        lines.append(f"    {o['file']} (outside any list): {o['skipped']}")
    if verbose:
        lines += ["", "  skipped lines:"]
        for s in report["source_lists"]:
            for line, reason, text in s["skipped_lines"]:
                lines.append(f"    {s['source_list']}:{line} [{reason}] {text.strip()[:90]}")
        for o in report.get("outside_lists", []):
            for line, reason, text in o["skipped_lines"]:
                lines.append(f"    {o['file']}:{line} [{reason}] {text.strip()[:90]}")
    lines.append("")
    queue = report.get("review_queue")
    lines.append(f"  canonical use cases: {report['canonical_use_cases']}" + (f"  (pairs queued for review: {queue}; see `gm-graph review`)" if queue else ""))
    for w in report.get("warnings", []):
        lines.append(f"  warning: {w}")
    return "\n".join(lines) + "\n"
