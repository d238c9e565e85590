"""Refresh the real command output shown in README.md (never edit those blocks by hand).

A block in the README looks like::

    <!-- run: gm-graph canonical --format markdown | head -20 -->
    ```
    ...output...
    ```

This script runs each command from the repository root (``gm-graph`` is the installed
console script of the current environment) and replaces the fenced block after it with
the command's output. Run it after changing the sources, the matcher or the output:

    .venv/bin/python docs/update_readme.py
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
BLOCK = re.compile(r"(<!-- run: (?P<cmd>.+?) -->\n```[a-z]*\n)(?P<out>.*?)(```)", re.S)


def run(cmd: str) -> str:
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}", COLUMNS="120")
    proc = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], cwd=ROOT, env=env, capture_output=True, text=True)
    out = proc.stdout + proc.stderr
    if proc.returncode not in (0, 1, 2, 141):
        raise SystemExit(f"{cmd!r} failed with exit {proc.returncode}:\n{out}")
    return out if out.endswith("\n") or not out else out + "\n"


def main() -> None:
    # Build first, so that the "building it first" progress of the first command that needs
    # the graph is not captured into its block.
    run("gm-graph build -q")
    text = README.read_text(encoding="utf-8")
    new = BLOCK.sub(lambda m: m.group(1) + run(m.group("cmd")) + m.group(4), text)
    README.write_text(new, encoding="utf-8")
    print(f"updated {len(BLOCK.findall(text))} blocks in {README.name}")


if __name__ == "__main__":
    main()
