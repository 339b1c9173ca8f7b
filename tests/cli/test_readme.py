"""Every command README shows runs, and prints what README says it prints (as datasette tests its docs).

README's ```console blocks hold `$ hrdocs ...` lines, each followed by its output (stdout, then stderr), run in
the repository on the shipped package at 80 columns. A block right after the line `<!-- readme: not run -->`
is left out (for output that changes from run to run, such as timings). Trailing spaces are ignored. README's
```python blocks run too, in order, in one namespace.

To rewrite the outputs in README from what the commands print now (then read the diff before committing):

    HRDOCS_README_UPDATE=1 .venv/bin/python -m pytest tests/cli/test_readme.py
"""

from __future__ import annotations

import os
import re
import shlex
from dataclasses import dataclass
from pathlib import Path

import pytest
from db_cli_helpers import REPO, hrdocs

#: one worker runs this module under pytest-xdist: the commands build the shipped package's build/ on demand, as
#: test_cli_browse's and test_cli_usability's do
pytestmark = pytest.mark.xdist_group("shipped-package")

README = REPO / "README.md"
NOT_RUN = "<!-- readme: not run -->"
BLOCK = re.compile(r"^```console\n(.*?)^```$", re.S | re.M)


@dataclass(frozen=True)
class Example:
    line: int  # of the `$ hrdocs` line in README, 1-based
    command: str
    expected: str
    span: tuple[int, int]  # of the expected output in README's text


def examples(text: str) -> list[Example]:
    found = []
    for block in BLOCK.finditer(text):
        before = text[: block.start()].rstrip("\n").rsplit("\n", 1)[-1]
        if before.strip() == NOT_RUN:
            continue
        offset = block.start(1)
        body = block.group(1)
        starts = [m.start() for m in re.finditer(r"^\$ ", body, re.M)]
        assert starts and starts[0] == 0, f"README line {text[:offset].count(chr(10)) + 1}: a block starts with `$ `"
        for i, start in enumerate(starts):
            end = starts[i + 1] if i + 1 < len(starts) else len(body)
            command, _, expected = body[start:end].partition("\n")
            out_start = offset + start + len(command) + 1
            line = text[: offset + start].count("\n") + 1
            found.append(Example(line, command[2:], expected, (out_start, offset + end)))
    return found


def normal(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.rstrip("\n").split("\n")) + "\n" if text.strip() else ""


def run(command: str) -> str:
    args = shlex.split(command)
    assert args[0] == "hrdocs", f"README runs only hrdocs commands, not {args[0]}"
    _, out, err = hrdocs(*args[1:])
    return normal(out + err)


EXAMPLES = examples(README.read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def _in_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.delenv("HRDOCS_PACKAGE", raising=False)


def test_readme_shows_commands() -> None:
    assert len(EXAMPLES) >= 10
    commands = {e.command.split()[1] for e in EXAMPLES}
    assert {"query", "search", "show", "cite"} <= commands


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"README:{e.line}" for e in EXAMPLES])
def test_readme_command_prints_what_readme_says(example: Example) -> None:
    if os.environ.get("HRDOCS_README_UPDATE"):
        pytest.skip("updating README (test_update_readme)")
    assert run(example.command) == normal(example.expected), f"README line {example.line}: $ {example.command}"


@pytest.mark.skipif(not os.environ.get("HRDOCS_README_UPDATE"), reason="set HRDOCS_README_UPDATE=1 to rewrite")
def test_update_readme() -> None:
    text = README.read_text(encoding="utf-8")
    for example in reversed(examples(text)):
        start, end = example.span
        text = text[:start] + run(example.command) + text[end:]
    README.write_text(text, encoding="utf-8")


def test_the_parser_finds_commands_and_skips_marked_blocks() -> None:
    text = f"```console\n$ hrdocs a\nout\n$ hrdocs b\n```\n\n{NOT_RUN}\n```console\n$ hrdocs c\n```\n"
    assert [(e.command, e.expected, e.line) for e in examples(text)] == [("hrdocs a", "out\n", 2), ("hrdocs b", "", 4)]
    assert normal("x  \ny\n\n") == "x\ny\n" and normal("") == ""


def test_a_stale_output_is_caught() -> None:
    (example,) = examples("```console\n$ hrdocs cite --format bibtex\nnot what it prints\n```\n")
    assert run(example.command) != normal(example.expected)


def test_readme_example_files_exist() -> None:
    for e in EXAMPLES:
        for arg in shlex.split(e.command):
            if arg.startswith("examples/"):
                assert Path(REPO / arg).is_file(), f"README line {e.line}: {arg}"


def test_readme_python_runs() -> None:
    """README's ```python blocks, run in order in one namespace (the second uses the first's connection)."""
    from hrdocs.db.connect import ensure_built

    ensure_built(REPO, progress=False)  # the Parquet files the pandas example opens
    namespace: dict[str, object] = {}
    blocks = re.findall(r"^```python\n(.*?)^```$", README.read_text(encoding="utf-8"), re.S | re.M)
    assert len(blocks) >= 3
    for block in blocks:
        exec(compile(block, str(README), "exec"), namespace)
    con = namespace["con"]
    con.close()  # type: ignore[attr-defined]
