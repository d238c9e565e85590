"""Every command has help with an example and is documented; the quick start and CI agree."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from gm_graph.cli import main


def readme(repo_root) -> str:
    return (repo_root / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(main.commands))
def test_command_has_help_with_example(name):
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output, f"`gm-graph {name} --help` shows no example"


@pytest.mark.parametrize("name", sorted(main.commands))
def test_command_is_in_readme_or_docs(repo_root, name):
    docs = readme(repo_root) + "".join(p.read_text(encoding="utf-8") for p in (repo_root / "docs").glob("*.md"))
    assert f"gm-graph {name}" in docs


def test_quick_start_has_exactly_two_commands(repo_root):
    text = readme(repo_root)
    quick = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```sh\n(.+?)\n```", quick)
    assert len(commands) == 2
    assert "gm-graph canonical" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command(repo_root):
    text = readme(repo_root)
    quick = text.split("## Quick start", 1)[1]
    test_command = re.findall(r"```sh\n(.+?)\n```", quick)[1]
    ci = (repo_root / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci
    assert "gm-graph validate" in ci


def test_every_query_file_says_what_it_answers(repo_root):
    for path in sorted((repo_root / "queries").glob("*.rq")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# "), f"{path.name} has no header comment"
        assert path.name in readme(repo_root), f"{path.name} is not listed in the README"
