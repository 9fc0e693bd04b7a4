"""Benchmark: how fast kehoach imports Word plans, next to how fast it renders one.

Prints, for the machine it runs on, per document (the three real Fatherland Front plans of
tests/data/real-docx and the Sa Pa example rendered by kehoach):
- the median time of ``kehoach.import_docx`` in-process (warm);
- the median wall time of a cold ``kehoach import`` command (a new process each time);
and, for comparison, render's in-process and cold medians on the Sa Pa example.

Run: ``python benchmarks/import_bench.py [--runs N]``. Not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import render_bench

import kehoach

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "tests" / "data" / "real-docx"
DOCUMENTS = sorted(REAL.glob("mttq-ke-hoach-*.docx"))


def in_process(path: Path, runs: int) -> list[float]:
    """Times of ``import_docx`` on ``path`` (after one warm-up)."""
    kehoach.import_docx(path)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        kehoach.import_docx(path)
        times.append(time.perf_counter() - start)
    return times


def cold(path: Path, runs: int) -> list[float]:
    """Wall time of ``kehoach import FILE -o PLAN.yaml`` in a new process."""
    return render_bench.timed_commands(
        lambda folder, i: ["import", str(path), "-o", str(folder / f"plan{i}.yaml")], runs
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="repetitions per figure")
    args = parser.parse_args()
    cold_runs = max(5, args.runs // 2)
    print(f"machine: {render_bench.machine()}")
    print(f"kehoach {kehoach.__version__}")
    with tempfile.TemporaryDirectory() as folder:
        sapa = Path(folder) / "sapa-2022-tuyen-giao.docx"
        sapa.write_bytes(kehoach.render_plan_bytes(render_bench.EXAMPLE))
        for path in [*DOCUMENTS, sapa]:
            warm = render_bench.median_ms(in_process(path, args.runs))
            started = render_bench.median_ms(cold(path, cold_runs))
            print(f"import {path.name}: in-process median {warm}; cold command median {started}")
    full, _, _ = render_bench.in_process(args.runs)
    print(
        f"render {render_bench.EXAMPLE.name}: in-process median {render_bench.median_ms(full)};"
        f" cold command median {render_bench.median_ms(render_bench.cold(cold_runs))}"
    )


if __name__ == "__main__":
    sys.exit(main())
