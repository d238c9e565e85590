"""User-facing errors: one line naming the file/line, the problem and the fix.

Every error a user can cause is a :class:`GmError`. The CLI prints ``Error: <message>``
and exits with the error's ``exit_code`` (2 for usage, input and load errors), never a
traceback.
"""

from __future__ import annotations

from pathlib import Path


class GmError(Exception):
    """A problem with the user's input, reported as one line without a traceback."""

    exit_code = 2

    def __init__(self, where: str | Path | None, problem: str, fix: str = "") -> None:
        self.where = str(where) if where is not None else ""
        self.problem = problem
        self.fix = fix
        super().__init__(self.message)

    @property
    def message(self) -> str:
        head = f"{self.where}: " if self.where else ""
        tail = f" ({self.fix})" if self.fix else ""
        return f"{head}{self.problem}{tail}"


def rel(path: Path | str, root: Path | None = None) -> str:
    """Show ``path`` relative to ``root`` (or the working directory) when it lies under it."""
    p = Path(path)
    for base in (root, Path.cwd()):
        if base is None:
            continue
        try:
            return str(p.resolve().relative_to(base.resolve()))
        except ValueError:
            continue
    return str(p)
