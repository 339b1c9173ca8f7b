"""scripts/bench.py runs hrdocs and its peer alternately and pairs each peer run with the hrdocs runs beside it,
so that a drift of the machine's speed between them does not enter the ratio. No timing is asserted here:
the runs are fakes with fixed durations."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench", REPO / "scripts" / "bench.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench"] = module
    spec.loader.exec_module(module)
    return module


def _fake_runs(bench: ModuleType, monkeypatch: pytest.MonkeyPatch, seconds: dict[str, list[float]]) -> list[str]:
    """Each command's runs take the listed seconds in turn; returns the order the commands ran in."""
    order: list[str] = []

    def fake(command: list[str], cwd: Path | None = None) -> object:
        name = command[0]
        order.append(name)
        return bench.Run(command, seconds[name].pop(0), 1, 0, "", "")

    monkeypatch.setattr(bench, "run", fake)
    return order


@pytest.mark.parametrize(
    ("times", "peer_times", "expected"),
    [(3, 1, "ofoo"), (3, 3, "ofofofo"), (1, 1, "ofo"), (5, 2, "ofofooo")],
)
def test_each_peer_run_sits_between_two_of_ours(
    bench: ModuleType, monkeypatch: pytest.MonkeyPatch, times: int, peer_times: int, expected: str
) -> None:
    order = _fake_runs(bench, monkeypatch, {"o": [1.0] * 9, "f": [1.0] * 9})
    bench.interleaved(["o"], ["f"], times, peer_times)
    assert "".join(order) == expected


def test_pairs_follow_the_drift(bench: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    # the machine slows down by half between the two peer runs: each is paired with the runs beside it
    _fake_runs(bench, monkeypatch, {"o": [2.0, 2.0, 3.0], "f": [20.0, 36.0]})
    ours, peer, pairs = bench.interleaved(["o"], ["f"], 3, 2)
    assert (len(ours), len(peer)) == (3, 2)
    assert [[n.seconds for n in near] for _, near in pairs] == [[2.0, 2.0], [2.0, 3.0]]
    ratios = [f.seconds / (sum(n.seconds for n in near) / len(near)) for f, near in pairs]
    assert ratios == [10.0, 14.4]
    assert bench.fmt_ratios(ratios) == "12.2x (10.0-14.4)"


def test_a_failed_run_stops_the_sequence(bench: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    order: list[str] = []

    def fake(command: list[str], cwd: Path | None = None) -> object:
        order.append(command[0])
        return bench.Run(command, 1.0, 1, 1 if command[0] == "f" else 0, "", "boom")

    monkeypatch.setattr(bench, "run", fake)
    ours, peer, pairs = bench.interleaved(["o"], ["f"], 3, 2)
    assert "".join(order) == "of"
    assert pairs == [(peer[0], [ours[0]])]
