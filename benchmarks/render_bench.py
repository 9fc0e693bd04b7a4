"""Benchmark: how fast kehoach renders the Sa Pa example plan.

Prints, for the machine it runs on:
- the median time to load, compose and render the example in-process (warm);
- documents per second over a batch of 100 renders sharing one Renderer;
- the median wall time of a cold ``kehoach render`` command (a new process each time).

With ``--pdf``, also the PDF figures of ``pdf_bench.py`` (50 documents through one
LibreOffice start against 50 separate starts).

Run: ``python benchmarks/render_bench.py [--runs N] [--pdf]``. Not a test: nothing is
asserted.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import kehoach
from kehoach.render import Renderer

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "sapa-2022-tuyen-giao.yaml"


def machine() -> str:
    """CPU model, cores and Python version, as one line."""
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{model}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )


def median_ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:.1f} ms"


def in_process(runs: int) -> tuple[list[float], list[float], list[float]]:
    """Times of load+compose+render, of compose+render, and of render alone."""
    renderer = Renderer()
    plan = kehoach.load_plan(EXAMPLE)
    renderer.render_bytes(kehoach.compose(plan))  # warm-up: template parsed, caches filled
    full, compose_render, render_only = [], [], []
    for _ in range(runs):
        start = time.perf_counter()
        loaded = kehoach.load_plan(EXAMPLE)
        document = kehoach.compose(loaded)
        renderer.render_bytes(document)
        full.append(time.perf_counter() - start)
        start = time.perf_counter()
        document = kehoach.compose(plan)
        renderer.render_bytes(document)
        compose_render.append(time.perf_counter() - start)
        start = time.perf_counter()
        renderer.render_bytes(document)
        render_only.append(time.perf_counter() - start)
    return full, compose_render, render_only


def batch(size: int, runs: int) -> list[float]:
    """Documents per second rendering ``size`` plans with one Renderer (from loaded plans)."""
    renderer = Renderer()
    plan = kehoach.load_plan(EXAMPLE)
    rates = []
    for _ in range(runs):
        start = time.perf_counter()
        for _ in range(size):
            renderer.render_bytes(kehoach.compose(plan))
        rates.append(size / (time.perf_counter() - start))
    return rates


def kehoach_command() -> list[str]:
    """The ``kehoach`` script of this Python's environment (not a version-manager shim)."""
    beside = Path(sys.executable).with_name("kehoach")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("kehoach")
    return [found] if found else [sys.executable, "-m", "kehoach"]


def timed_commands(argv: Callable[[Path, int], list[str]], runs: int) -> list[float]:
    """Wall times of ``kehoach`` + ``argv(folder, i)`` in a new process, ``runs`` times."""
    base = kehoach_command()
    times = []
    with tempfile.TemporaryDirectory() as folder:
        for i in range(runs):
            start = time.perf_counter()
            subprocess.run([*base, *argv(Path(folder), i)], check=True, capture_output=True)
            times.append(time.perf_counter() - start)
    return times


def cold(runs: int) -> list[float]:
    """Wall time of ``kehoach render`` in a new process."""
    return timed_commands(
        lambda folder, i: ["render", str(EXAMPLE), "-o", str(folder / f"out{i}.docx")], runs
    )


def python_startup(runs: int) -> list[float]:
    """Wall time of ``python -c pass``: the floor under any cold command."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="repetitions per figure")
    parser.add_argument(
        "--pdf", action="store_true", help="also time PDFs of 50 documents (needs LibreOffice)"
    )
    args = parser.parse_args()
    print(f"machine: {machine()}")
    print(f"kehoach {kehoach.__version__}; example: {EXAMPLE.name}")
    full, compose_render, render_only = in_process(args.runs)
    print(f"in-process, load + compose + render: median {median_ms(full)}")
    print(f"in-process, compose + render:        median {median_ms(compose_render)}")
    print(f"in-process, render only:             median {median_ms(render_only)}")
    rates = batch(100, max(3, args.runs // 4))
    per_doc = 1 / statistics.median(rates)
    print(
        f"batch of 100 (compose + render, one Renderer): median "
        f"{statistics.median(rates):.0f} documents/s ({per_doc * 1000:.1f} ms per document)"
    )
    startup = python_startup(max(5, args.runs // 2))
    print(f"cold `kehoach render` (new process): median {median_ms(cold(max(5, args.runs // 2)))}")
    print(f"  of which starting Python itself:    median {median_ms(startup)}")
    if args.pdf:
        from pdf_bench import report

        report(max(3, args.runs // 7))


if __name__ == "__main__":
    main()
