"""Benchmark: how ``kehoach check`` grows with the document, and its speed on many files.

Prints, for the machine it runs on:
- for documents of 10k, 40k, 100k and 330k paragraphs (every paragraph carrying the same
  deviations, so that findings are grouped), the median time and the peak memory of
  reading and checking one document in-process — both must grow linearly (the two
  largest are run once: they take minutes on a busy machine);
- the time per file of checking the real corpus and kehoach's examples 100 times in one
  call (in-process, ``--layout`` excluded; target: under 30 ms a file).

Run: ``python benchmarks/check_bench.py [--runs N] [--sizes 10000,40000]``. Not a test:
nothing is asserted. Each size runs in a fresh process so that peak memory is its own.
"""

from __future__ import annotations

import argparse
import io
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from render_bench import machine

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "real-docx"
if not CORPUS.is_dir():
    CORPUS = Path("/work/shared/corpus/real-docx")


def big_document(paragraphs: int) -> bytes:
    """A DOCX of ``paragraphs`` body paragraphs in 12 pt Arial (grouped findings).

    The body XML is written directly: python-docx's ``add_paragraph`` slows down with
    the document's length and would dominate the benchmark.
    """
    import zipfile

    from docx import Document

    base = io.BytesIO()
    Document().save(base)
    run = '<w:r><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:sz w:val="24"/></w:rPr>'
    body = "".join(
        f"<w:p>{run}<w:t>Đoạn {number}: nội dung kế hoạch của chi bộ</w:t></w:r></w:p>"
        for number in range(paragraphs)
    )
    out = io.BytesIO()
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                start = text.index("<w:body>") + len("<w:body>")
                data = (text[:start] + body + text[start:]).encode("utf-8")
            zf.writestr(item, data)
    return out.getvalue()


def one_size(paragraphs: int, runs: int) -> None:
    """Child process: check a document of ``paragraphs`` paragraphs, print a result line."""
    from kehoach.check import DocxReadError, check_docx

    data = big_document(paragraphs)
    times = []
    outcome = ""
    for _ in range(runs):
        start = time.perf_counter()
        try:
            # A body without a Party heading is "not checked": force the Party profile.
            outcome = f"{len(check_docx(data, profile='party-2026').findings)} findings"
        except DocxReadError as error:
            outcome = f"refused: {error.message('en')}"
        times.append(time.perf_counter() - start)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{paragraphs:>7} paragraphs ({len(data) // 1024:>5} KB): "
        f"median {statistics.median(times):6.2f} s, peak memory {peak_mb:6.0f} MB, {outcome}",
        flush=True,
    )


def many_files(rounds: int) -> None:
    """Check every corpus file and example DOCX ``rounds`` times; print ms per file."""
    from kehoach.check import check_docx

    files = sorted(CORPUS.glob("*.docx"))
    datas = [f.read_bytes() for f in files]
    if not datas:
        print("corpus not found: per-file speed skipped")
        return
    for data in datas:  # warm-up
        check_docx(data)
    samples = []
    cpu = []
    for _ in range(3):
        start, start_cpu = time.perf_counter(), time.process_time()
        count = 0
        while count < rounds:
            for data in datas:
                check_docx(data)
                count += 1
                if count == rounds:
                    break
        samples.append((time.perf_counter() - start) / rounds)
        cpu.append((time.process_time() - start_cpu) / rounds)
    # CPU time too: on a shared machine the wall-clock figure measures the neighbours.
    print(
        f"{rounds} real files in one call: median {statistics.median(samples) * 1000:.1f} ms "
        f"a file ({statistics.median(cpu) * 1000:.1f} ms CPU)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="10000,40000,100000,330000")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one_size(args.one, args.runs)
        return
    print(f"kehoach check benchmark on {machine()}", flush=True)
    for size in (int(s) for s in args.sizes.split(",")):
        runs = 1 if size > 40_000 else args.runs
        command = [sys.executable, __file__, "--one", str(size), "--runs", str(runs)]
        subprocess.run(command, check=True)
    many_files(100)


if __name__ == "__main__":
    main()
