"""Benchmark: the commands people run, against what they could pick instead (issue 15).

Measured in one run on one machine, interleaved so that every figure sees the same load:
- the per-plan cost of one ``kehoach render`` call over a batch of the Sa Pa plan
  ((time of N plans - time of 1 plan) / (N - 1)), against a naive in-process docxtpl
  loop writing the same text (the reference transcription) to DOCX files;
- a cold ``kehoach render`` and a cold ``kehoach check`` of one file, against
  ``pandoc`` turning the reference text into a DOCX;
- ``--jobs 2`` against ``--jobs 1`` on a batch of 200 plans;
- the peak memory of a 1,000-plan call against a 10-plan call;
- the slowest imports of a cold ``kehoach render`` and ``kehoach check`` (-X importtime);
- the floor under a cold start: starting Python, importing lxml (all ``check`` reads a
  DOCX with), lxml and python-docx, the libraries ``render`` cannot do without (Jinja2,
  lxml, PyYAML; then pydantic), and those with the plan's models built — each against
  ``pandoc`` too.

The commands run as installed: with Python's bytecode cache (``pip install`` compiles
it). A ``PYTHONDONTWRITEBYTECODE`` in the environment is left out for them — otherwise
every start compiles kehoach's hundred modules from source, ~150 ms no user pays.

Every figure is a median of several runs; the ratios are what the README quotes.
Run: ``python benchmarks/cli_bench.py [--runs N] [--quick]``. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from render_bench import EXAMPLE, kehoach_command, machine

# The reference transcription of the Sa Pa plan (a copy of shared/reference/).
REFERENCE_TEXT = EXAMPLE.parents[1] / "tests" / "data" / "ke-hoach-tuyen-giao-sa-pa-2022.md"

# ratio: (target, "at most"/"at least"), from issue 15
TARGETS: dict[str, tuple[float, str]] = {
    "batch per plan / naive docxtpl loop": (0.75, "at most"),
    "cold render / pandoc": (1.8, "at most"),
    "cold check / pandoc": (1.8, "at most"),
    "200 plans: --jobs 1 / --jobs 2": (1.6, "at least"),
    "peak memory: 1,000 plans / 10 plans": (1.5, "at most"),
}


# The commands' environment: as installed, with the bytecode cache (see the docstring).
ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}

# What a cold start cannot avoid, each a command of its own: (label, Python code).
FLOORS = (
    ("Python start (`python -c pass`)", "pass"),
    ("+ import lxml.etree (all check reads DOCX with)", "import lxml.etree"),
    ("+ import lxml.etree, docx", "import lxml.etree, docx"),
    ("+ import Jinja2, lxml, PyYAML (no pydantic)", "import jinja2.sandbox, lxml.etree, yaml"),
    (
        "+ pydantic's BaseModel too (no kehoach code)",
        "import jinja2.sandbox, lxml.etree, yaml\nfrom pydantic import BaseModel",
    ),
    (
        "+ import what render needs, plan models built",
        "import jinja2.sandbox, lxml.etree, yaml, pydantic\n"
        "from kehoach.model import Plan\n"
        "Plan.model_rebuild()",
    ),
)


def run(argv: Sequence[str]) -> tuple[float, int, float]:
    """Wall time, peak resident memory (KiB) and CPU time (s) of a command.

    CPU time (user + system, the process and its workers) is what the command costs the
    machine; on a machine shared with other work it varies far less than wall time.
    """
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in (0, 1):  # check exits 1 when it finds errors
        raise SystemExit(f"command failed ({child.returncode}): {' '.join(argv[:4])} …")
    return elapsed, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


def plans(folder: Path, count: int) -> list[str]:
    """``count`` copies of the Sa Pa plan (the batch's names decide the output names)."""
    folder.mkdir(parents=True, exist_ok=True)
    text = EXAMPLE.read_bytes()
    paths = []
    for i in range(count):
        path = folder / f"plan{i:04d}.yaml"
        path.write_bytes(text)
        paths.append(str(path))
    return paths


def render_argv(paths: Sequence[str], out: Path, jobs: int = 1) -> list[str]:
    return [*kehoach_command(), "render", *paths, "--out-dir", str(out), "--force", "-j", str(jobs)]


def naive_docxtpl(folder: Path) -> Callable[[], None]:
    """One naive docxtpl render of the reference text: load the template, fill, save."""
    import docx
    from docxtpl import DocxTemplate

    template = folder / "naive.docx"
    document = docx.Document()
    for line in ("{%p for paragraph in paragraphs %}", "{{ paragraph }}", "{%p endfor %}"):
        document.add_paragraph(line)
    document.save(str(template))
    paragraphs = [line for line in REFERENCE_TEXT.read_text("utf-8").splitlines() if line.strip()]
    target = folder / "naive-out.docx"

    def render() -> None:
        doc = DocxTemplate(str(template))
        doc.render({"paragraphs": paragraphs})
        doc.save(str(target))

    return render


def median(samples: Sequence[float]) -> float:
    return statistics.median(samples)


def importtime(argv: Sequence[str], top: int = 6) -> list[tuple[str, float]]:
    """The modules with the largest cumulative import time (ms) of a command's start."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "kehoach", *argv],
        capture_output=True,
        text=True,
        check=False,
        env=ENV,
    )
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative, name = line[len("import time:") :].split("|")
        if not name.startswith(" " * 3):  # top-level imports only (no indentation)
            rows.append((name.strip(), int(cumulative) / 1000))
    return sorted(rows, key=lambda row: -row[1])[:top]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="repetitions of each figure")
    parser.add_argument("--batch", type=int, default=41, help="plans in the per-plan batch")
    parser.add_argument("--quick", action="store_true", help="smaller jobs/memory batches")
    parser.add_argument(
        "--no-batches", action="store_true", help="skip the --jobs and memory figures"
    )
    args = parser.parse_args()
    if shutil.which("pandoc") is None or not REFERENCE_TEXT.exists():
        raise SystemExit("needs pandoc and tests/data/ (the reference text)")
    print(f"machine: {machine()}")
    if "PYTHONDONTWRITEBYTECODE" in os.environ:
        print("PYTHONDONTWRITEBYTECODE is set here: left out for the commands measured")
    with open("/proc/loadavg") as loadavg:
        print(f"load average at start: {loadavg.read().split()[0]}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        batch = plans(folder / "batch", args.batch)
        out = folder / "out"
        docx_file = folder / "one.docx"
        for argv in (  # also writes the bytecode cache, as pip install would have
            [*kehoach_command(), "render", batch[0], "-o", str(docx_file)],
            [*kehoach_command(), "check", str(docx_file)],
        ):
            subprocess.run(argv, check=False, capture_output=True, env=ENV)
        naive = naive_docxtpl(folder)
        naive()  # warm-up: docx/docxtpl imported
        one, many, check, pandoc, loop = [], [], [], [], []
        cpu: dict[str, list[float]] = {"one": [], "many": [], "check": [], "pandoc": [], "loop": []}
        for _ in range(args.runs):  # interleaved: each round sees the same load
            for key, samples, argv in (
                ("one", one, render_argv(batch[:1], out)),
                ("many", many, render_argv(batch, out)),
                ("check", check, [*kehoach_command(), "check", str(docx_file)]),
                ("pandoc", pandoc, ["pandoc", str(REFERENCE_TEXT), "-o", str(folder / "p.docx")]),
            ):
                wall, _, used = run(argv)
                samples.append(wall)
                cpu[key].append(used)
            start, start_cpu = time.perf_counter(), time.process_time()
            for _ in range(10):
                naive()
            loop.append((time.perf_counter() - start) / 10)
            cpu["loop"].append((time.process_time() - start_cpu) / 10)
        per_plan = (median(many) - median(one)) / (args.batch - 1)
        per_plan_cpu = (median(cpu["many"]) - median(cpu["one"])) / (args.batch - 1)
        print(f"cold `kehoach render` (1 plan):   median {median(one) * 1000:7.1f} ms")
        print(f"`kehoach render` of {args.batch} plans:     median {median(many) * 1000:7.1f} ms")
        print(f"  per plan in the batch:          {per_plan * 1000:7.1f} ms")
        print(f"naive docxtpl loop, per document: median {median(loop) * 1000:7.1f} ms")
        print(f"cold `kehoach check` (1 file):    median {median(check) * 1000:7.1f} ms")
        print(f"cold `pandoc` (reference text):   median {median(pandoc) * 1000:7.1f} ms")

        ratios = {
            "batch per plan / naive docxtpl loop": per_plan / median(loop),
            "cold render / pandoc": median(one) / median(pandoc),
            "cold check / pandoc": median(check) / median(pandoc),
        }
        cpu_ratios = {
            "batch per plan / naive docxtpl loop": per_plan_cpu / median(cpu["loop"]),
            "cold render / pandoc": median(cpu["one"]) / median(cpu["pandoc"]),
            "cold check / pandoc": median(cpu["check"]) / median(cpu["pandoc"]),
        }
        floors(args.runs, median(pandoc), median(cpu["pandoc"]))
        if not args.no_batches:
            ratios.update(batches(folder, out, quick=args.quick, runs=args.runs))
        for title, argv in (
            ("render", ["render", batch[0], "-o", str(folder / "it.docx"), "--force"]),
            ("check", ["check", str(docx_file)]),
        ):
            top = ", ".join(f"{name} {ms:.0f}" for name, ms in importtime(argv))
            print(f"slowest imports of `kehoach {title}` (ms, cumulative): {top}")
    print("ratios of wall times (target):")
    for name, value in ratios.items():
        target, sense = TARGETS[name]
        met = value <= target if sense == "at most" else value >= target
        print(f"  {name:38s} {value:5.2f}  ({sense} {target}: {'met' if met else 'NOT met'})")
    print("the same ratios of CPU time (what each costs the machine, whatever else runs):")
    for name, value in cpu_ratios.items():
        print(f"  {name:38s} {value:5.2f}")


def floors(runs: int, pandoc_wall: float, pandoc_cpu: float) -> None:
    """Print what a cold start cannot go below, against pandoc (wall and CPU)."""
    print("the floor under a cold start (median wall, CPU; / pandoc's):")
    for label, code in FLOORS:
        samples = [run([sys.executable, "-c", code]) for _ in range(runs)]
        wall, cpu = median([s[0] for s in samples]), median([s[2] for s in samples])
        print(
            f"  {label:48s} {wall * 1000:6.1f} ms, {cpu * 1000:6.1f} ms CPU"
            f"  ({wall / pandoc_wall:4.2f}, {cpu / pandoc_cpu:4.2f})"
        )


def batches(folder: Path, out: Path, *, quick: bool, runs: int) -> dict[str, float]:
    """``--jobs 2`` against ``--jobs 1``, and peak memory of 1,000 plans against 10."""
    size = 50 if quick else 200
    jobs_batch = plans(folder / "jobs", size)
    serial, parallel = [], []
    for _ in range(max(3, runs // 3)):
        serial.append(run(render_argv(jobs_batch, out, jobs=1))[0])
        parallel.append(run(render_argv(jobs_batch, out, jobs=2))[0])
    with open("/proc/loadavg") as loadavg:
        print(f"load average after the --jobs runs: {loadavg.read().split()[0]}")
    print(
        f"{size} plans: --jobs 1 median {median(serial):.2f} s, "
        f"--jobs 2 median {median(parallel):.2f} s ({os.cpu_count()} cores)"
    )

    big = 200 if quick else 1000
    memory_batch = plans(folder / "memory", big)
    small_rss = [run(render_argv(memory_batch[:10], out))[1] for _ in range(3)]
    big_rss = [run(render_argv(memory_batch, out))[1] for _ in range(2)]
    print(
        f"peak memory: 10 plans {median(small_rss) / 1024:.0f} MiB, "
        f"{big} plans {median(big_rss) / 1024:.0f} MiB"
    )
    return {
        "200 plans: --jobs 1 / --jobs 2": median(serial) / median(parallel),
        "peak memory: 1,000 plans / 10 plans": median(big_rss) / median(small_rss),
    }


if __name__ == "__main__":
    main()
