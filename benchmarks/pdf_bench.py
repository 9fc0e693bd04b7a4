"""Benchmark: PDFs of a batch through one LibreOffice start, against one start per file.

Prints, for the machine it runs on, the median wall time to convert 50 copies of the
Sa Pa example (13 pages each) to PDF:
- with ``kehoach.pdf.convert_many`` (what ``kehoach pdf`` and ``render --pdf`` use):
  one LibreOffice start with a new private profile, per-document time limit, atomic writes;
- with 50 separate ``soffice --convert-to pdf`` calls, which all share one profile
  made before timing (a profile's first start is slower: this favours the separate calls).

Run: ``python benchmarks/pdf_bench.py [--runs N] [--size N]``, or
``python benchmarks/render_bench.py --pdf`` for these figures beside render's.
Not a test: nothing is asserted beyond every PDF being made.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import kehoach
from kehoach.pdf import PdfJob, convert_many, find_soffice

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "sapa-2022-tuyen-giao.yaml"


def documents(folder: Path, size: int) -> list[Path]:
    """``size`` copies of the rendered example."""
    data = kehoach.render_plan_bytes(EXAMPLE)
    paths = []
    for i in range(size):
        paths.append(folder / f"ke-hoach-{i:03d}.docx")
        paths[-1].write_bytes(data)
    return paths


def one_start(sources: list[Path], folder: Path, runs: int) -> list[float]:
    """Wall times of converting every source through ``convert_many``."""
    times = []
    for run in range(runs):
        out = folder / f"batch-{run}"
        out.mkdir()
        jobs = [PdfJob(s, out / s.with_suffix(".pdf").name) for s in sources]
        start = time.perf_counter()
        batch = convert_many(jobs)
        times.append(time.perf_counter() - start)
        assert batch.starts == 1 and not batch.failed, batch.failed
    return times


def separate_starts(sources: list[Path], folder: Path, runs: int) -> list[float]:
    """Wall times of one ``soffice --convert-to pdf`` call per source (warm shared profile)."""
    soffice = find_soffice()
    profile = (folder / "profile").resolve().as_uri()

    def convert(source: Path, out: Path) -> None:
        subprocess.run(
            [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
             "--convert-to", "pdf", "--outdir", str(out), str(source)],
            check=True, capture_output=True,
        )  # fmt: skip

    convert(sources[0], folder / "warm-up")  # the profile is made outside the timing
    times = []
    for run in range(runs):
        out = folder / f"separate-{run}"
        start = time.perf_counter()
        for source in sources:
            convert(source, out)
        times.append(time.perf_counter() - start)
        assert len(list(out.glob("*.pdf"))) == len(sources)
    return times


def report(runs: int, size: int = 50) -> None:
    """Print the two medians and their ratio."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sources = documents(folder, size)
        batch = statistics.median(one_start(sources, folder, runs))
        separate = statistics.median(separate_starts(sources, folder, runs))
    print(
        f"PDF, batch of {size} through one LibreOffice start: median {batch:.1f} s "
        f"({batch / size * 1000:.0f} ms per document)"
    )
    print(
        f"PDF, {size} separate `soffice --convert-to pdf` calls: median {separate:.1f} s "
        f"({separate / size * 1000:.0f} ms per document)"
    )
    print(f"  one start is {separate / batch:.1f}× faster")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="repetitions per figure")
    parser.add_argument("--size", type=int, default=50, help="documents per batch")
    args = parser.parse_args()
    from render_bench import machine

    print(f"machine: {machine()}")
    print(f"kehoach {kehoach.__version__}; example: {EXAMPLE.name}, {args.size} copies")
    report(args.runs, args.size)


if __name__ == "__main__":
    main()
