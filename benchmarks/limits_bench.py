"""Benchmark: hostile inputs are refused quickly and with flat memory (issue 18).

For each input, runs the ``kehoach`` command in a new process a few times and prints the
median wall time and the largest peak memory (max RSS) with the exit code and the first
line of its message:

- a workbook of 1,048,000 rows, one expanding to 1 GiB, one with 200,000 wrong rows;
- a 2 GiB (sparse) plan file and ``/dev/zero`` as a plan;
- a 319 kB plan of 22,000 aliases and a 70 kB plan expanding to a million characters.

Run: ``python benchmarks/limits_bench.py [--runs N]``. Not a test: nothing is asserted
(the tests check the same inputs are refused: tests/test_sheets_limits.py,
tests/test_loader_limits.py).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from render_bench import machine  # noqa: E402

from plan_data import minimal_plan  # noqa: E402
from test_sheets_limits import _workbook  # noqa: E402

PLAN = ROOT / "examples" / "sapa-2022-tuyen-giao.yaml"


def run(argv: list[str]) -> tuple[float, int, int, str]:
    """Wall seconds, peak RSS in MB, exit code and first stderr line of one command."""
    err_path = Path(tempfile.mkstemp()[1])
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        fd = os.open(err_path, os.O_WRONLY)
        os.dup2(fd, 2)
        os.execv(sys.executable, [sys.executable, "-m", "kehoach", *argv])
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    first = (err_path.read_text(encoding="utf-8").splitlines() or [""])[0]
    err_path.unlink()
    return seconds, usage.ru_maxrss // 1024, os.waitstatus_to_exitcode(status), first[:110]


def inputs(folder: Path) -> dict[str, list[str]]:
    """The hostile inputs, made in ``folder``: name → kehoach arguments."""
    out = str(folder / "out.docx")
    rows = _workbook(
        folder / "rows.xlsx",
        (f'<row r="{n}"><c r="A{n}"><v>1</v></c></row>' for n in range(1, 1_048_001)),
    )
    wrong = _workbook(
        folder / "wrong.xlsx",
        (
            f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>x</t></is></c></row>'
            for n in range(1, 200_001)
        ),
    )
    bomb = _workbook(folder / "bomb.xlsx", ['<row r="1"><c r="A1"><v>1</v></c></row>'])
    with (
        zipfile.ZipFile(bomb, "a", zipfile.ZIP_DEFLATED) as package,
        package.open("xl/sharedStrings.xml", "w", force_zip64=True) as member,
    ):
        chunk = b" " * (1024 * 1024)
        for _ in range(1024):
            member.write(chunk)
    sparse = folder / "big.yaml"
    with sparse.open("wb") as handle:
        handle.truncate(2 * 1024**3)
    data = minimal_plan()
    data["content"]["tasks"]["quarters"][0]["tasks"] = [{"id": "t0", "text": "ALIAS"}]
    base = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**9)
    first = next(line for line in base.splitlines() if line.endswith("text: ALIAS"))
    indent = first[: first.index("text:")]

    def aliased(name: str, tasks: int, chars: int) -> Path:
        words = ("Tổ chức hội nghị " * (chars // 17 + 1))[:chars]
        more = "".join(f"{indent[:-2]}- id: t{i}\n{indent}text: *t\n" for i in range(1, tasks))
        text = base.replace(first + "\n", first.replace("ALIAS", f"&t '{words}'") + "\n" + more)
        path = folder / name
        path.write_text(text, encoding="utf-8")
        return path

    return {
        "workbook, 1,048,000 rows": ["report", str(PLAN), str(rows), "-o", out],
        "workbook, 1 GiB expansion": ["report", str(PLAN), str(bomb), "-o", out],
        "workbook, 200,000 wrong rows": ["report", str(PLAN), str(wrong), "-o", out],
        "plan, 2 GiB sparse file": ["validate", str(sparse)],
        "plan, /dev/zero": ["validate", "/dev/zero"],
        "plan, 22,000 aliases": ["render", str(aliased("a22k.yaml", 22_000, 10)), "-o", out],
        "plan, 1 M characters by aliases": [
            "render",
            str(aliased("a1m.yaml", 2_000, 500)),
            "-o",
            out,
        ],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    print(f"machine: {machine()}")
    print("| Input | Median time | Peak memory | Exit | Message |\n|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for name, argv in inputs(Path(folder)).items():
            results = [run(argv) for _ in range(runs)]
            seconds = statistics.median(r[0] for r in results)
            peak = max(r[1] for r in results)
            print(f"| {name} | {seconds:.2f} s | {peak} MB | {results[0][2]} | {results[0][3]} |")


if __name__ == "__main__":
    main()
