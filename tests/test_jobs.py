"""``--jobs N``: a batch worked by N processes prints, writes and exits as with one (issue 15)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kehoach.cli import main
from kehoach.parallel import in_order

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "sapa-2022-tuyen-giao.yaml"


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _plans(folder: Path, count: int, bad: tuple[int, ...] = ()) -> list[str]:
    """``count`` copies of the Sa Pa plan; those in ``bad`` miss their title."""
    text = EXAMPLE.read_text(encoding="utf-8")
    names = []
    for i in range(count):
        path = folder / f"plan{i:02d}.yaml"
        path.write_text(text.replace("title:", "titel:", 1) if i in bad else text, "utf-8")
        names.append(str(path))
    return names


def _square(n: int) -> int:
    return n * n


def _fail_on_three(n: int) -> int:
    if n == 3:
        raise ValueError("three")
    return n


def test_in_order_keeps_the_order_of_the_inputs():
    """Results come back in input order, with one process or several, for any batch size."""
    items = list(range(23))
    assert list(in_order(_square, items, jobs=1)) == [n * n for n in items]
    assert list(in_order(_square, items, jobs=3)) == [n * n for n in items]
    assert list(in_order(_square, [], jobs=2)) == []


def test_in_order_reraises_an_error_of_the_work():
    """An exception raised by the work reaches the caller after the results before it."""
    seen = []
    with pytest.raises(ValueError, match="three"):
        for result in in_order(_fail_on_three, range(8), jobs=2):
            seen.append(result)
    assert seen == [0, 1, 2]


@pytest.mark.parametrize("jobs", ["1", "2", "3"])
def test_render_jobs_same_output_in_the_same_order(capsys, tmp_path, jobs):
    """`render --jobs N`: the same files, messages in command-line order, exit 0."""
    plans = _plans(tmp_path, 5)
    out = tmp_path / "out"
    code, stdout, stderr = _run(capsys, "render", *plans, "--out-dir", str(out), "--jobs", jobs)
    assert code == 0
    assert sorted(os.listdir(out)) == [f"plan{i:02d}.docx" for i in range(5)]
    written = [line.split()[-1] for line in stdout.splitlines() if line.startswith("Đã tạo")]
    assert written == [str(out / f"plan{i:02d}.docx") for i in range(5)]
    warned = [line.split(",")[0] for line in stderr.splitlines() if line.startswith("Cảnh báo")]
    assert warned == [f"Cảnh báo: {p}" for p in plans]


def test_render_jobs_documents_are_the_same_bytes(capsys, tmp_path):
    """A document rendered by a worker process is byte for byte the one rendered in-process."""
    plans = _plans(tmp_path, 3)
    assert _run(capsys, "render", *plans, "--out-dir", str(tmp_path / "one"))[0] == 0
    assert _run(capsys, "render", *plans, "--out-dir", str(tmp_path / "two"), "-j", "2")[0] == 0
    for name in ("plan00.docx", "plan01.docx", "plan02.docx"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_render_jobs_bad_plan_in_the_middle(capsys, tmp_path, jobs):
    """A bad plan mid-batch: the good ones written, the bad one named with its line, exit 2."""
    plans = _plans(tmp_path, 5, bad=(2,))
    out = tmp_path / "out"
    code, stdout, stderr = _run(capsys, "render", *plans, "--out-dir", str(out), "-j", jobs)
    assert code == 2
    assert sorted(os.listdir(out)) == [f"plan0{i}.docx" for i in (0, 1, 3, 4)]
    assert "1/5 kế hoạch không dựng được" in stderr and plans[2] in stderr.splitlines()[-1]
    errors = [line for line in stderr.splitlines() if line.startswith("Lỗi") and "titel" in line]
    assert errors and plans[2] in errors[0] and "dòng" in errors[0]
    written = [line.split()[-1] for line in stdout.splitlines()]
    assert written == [str(out / f"plan0{i}.docx") for i in (0, 1, 3, 4)]


def test_render_jobs_exit_codes_match(capsys, tmp_path):
    """Exit codes with --jobs 2 are those with one job: 0 all good, 2 any bad or existing."""
    plans = _plans(tmp_path, 4, bad=(1, 3))
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        assert _run(capsys, "render", *plans, "--out-dir", str(out), "-j", jobs)[0] == 2
    plans = _plans(tmp_path, 3)
    codes = [
        _run(capsys, "render", *plans, "--out-dir", str(tmp_path / "same"), "-j", jobs)[0]
        for jobs in ("1", "2")
    ]
    assert codes == [0, 2]  # the second run finds the files of the first: no overwrite
    again = ("render", *plans, "--out-dir", str(tmp_path / "same"), "-j", "2", "--force")
    assert _run(capsys, *again)[0] == 0


def test_jobs_must_be_positive(capsys, tmp_path):
    """`--jobs 0` is a usage error in Vietnamese, exit 2."""
    code, _, err = _run(capsys, "render", str(EXAMPLE), "-o", str(tmp_path / "x.docx"), "-j", "0")
    assert code == 2 and "--jobs" in err and "không hợp lệ" in err


def test_check_jobs_same_report_and_exit_code(capsys, tmp_path):
    """`check --jobs 2`: the same report, files in command-line order, the same exit code."""
    good = tmp_path / "good.docx"
    assert _run(capsys, "render", str(EXAMPLE), "-o", str(good))[0] == 0
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    files = [str(good), str(broken), str(good)]
    one = _run(capsys, "check", *files, "--format", "json")
    two = _run(capsys, "check", *files, "--format", "json", "-j", "2")
    assert one == two and one[0] == 2  # an unreadable file in the middle: exit 2
    text_one = _run(capsys, "check", str(good), str(good))
    text_two = _run(capsys, "check", str(good), str(good), "--jobs", "2")
    assert text_one == text_two and text_one[0] in (0, 1)


def test_import_jobs_same_plans_and_a_bad_file_stops_all(capsys, tmp_path):
    """`import --jobs 2`: the same plans and review lists; a bad file still writes nothing."""
    real = sorted((ROOT / "tests" / "data" / "real-docx").glob("mttq-*.docx"))[:3]
    outputs = []
    for jobs in ("1", "2"):
        folder = tmp_path / f"j{jobs}"
        code, out, err = _run(
            capsys, "import", *map(str, real), "--out-dir", str(folder), "-j", jobs
        )
        assert (code, err) == (0, "")
        outputs.append((out.replace(str(folder), "DIR"), sorted(os.listdir(folder))))
        assert len(outputs[-1][1]) == 2 * len(real)
    assert outputs[0] == outputs[1]
    assert (tmp_path / "j1" / f"{real[0].stem}.yaml").read_bytes() == (
        tmp_path / "j2" / f"{real[0].stem}.yaml"
    ).read_bytes()
    bad = tmp_path / "scan.docx"
    bad.write_bytes(b"%PDF-1.4 not word")
    folder = tmp_path / "bad"
    code, _, err = _run(
        capsys, "import", str(real[0]), str(bad), "--out-dir", str(folder), "-j", "2"
    )
    assert code == 2 and f"{bad}: không nhập được" in err
    assert not folder.exists() or not any(folder.iterdir())


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_render_a_file_that_cannot_be_written_stops_the_batch(capsys, tmp_path, jobs):
    """A file that cannot be written mid-batch: those before it written, the rest listed."""
    plans = _plans(tmp_path, 4)
    out = tmp_path / "out"
    (out / "plan01.docx").mkdir(parents=True)  # a folder where the file should go
    argv = ("render", *plans, "--out-dir", str(out), "-j", jobs, "--force")
    code, stdout, stderr = _run(capsys, *argv)
    assert code == 2
    assert stdout.splitlines() == [f"Đã tạo {out / 'plan00.docx'}"]
    assert sorted(os.listdir(out)) == ["plan00.docx", "plan01.docx"]
    assert "đã ghi 1/4 tệp" in stderr and "plan01.docx là một thư mục" not in stdout
    stopped = next(line for line in stderr.splitlines() if "dừng giữa chừng" in line)
    assert all(str(out / f"plan0{i}.docx") in stopped for i in (1, 2, 3))


def _reports(folder: Path, count: int, bad: tuple[int, ...] = ()) -> list[str]:
    """``count`` (plan, progress) pairs; the progress files in ``bad`` name no target."""
    from report_data import PLAN, PROGRESS_6M

    text = PROGRESS_6M.read_text(encoding="utf-8")
    pairs: list[str] = []
    for i in range(count):
        progress = folder / f"tien-do-{i:02d}.yaml"
        progress.write_text(text + ("\nkhong-co: 1\n" if i in bad else ""), "utf-8")
        pairs += [str(PLAN), str(progress)]
    return pairs


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_report_jobs_same_files_in_the_same_order(capsys, tmp_path, jobs):
    """`report --jobs N` of many pairs: one report per progress file, in command-line order."""
    pairs = _reports(tmp_path, 4)
    out = tmp_path / "out"
    code, stdout, stderr = _run(capsys, "report", *pairs, "--out-dir", str(out), "-j", jobs)
    assert code == 0, stderr
    written = [line.split()[-1] for line in stdout.splitlines()]
    assert written == [str(out / f"tien-do-{i:02d}.docx") for i in range(4)]
    one = tmp_path / "one.docx"
    assert _run(capsys, "report", *pairs[:2], "-o", str(one))[0] == 0
    assert (out / "tien-do-00.docx").read_bytes() == one.read_bytes()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_report_jobs_bad_progress_in_the_middle(capsys, tmp_path, jobs):
    """A bad progress file mid-batch: the others written, it named, exit 2 (as one job)."""
    pairs = _reports(tmp_path, 4, bad=(1,))
    out = tmp_path / "out"
    code, stdout, stderr = _run(capsys, "report", *pairs, "--out-dir", str(out), "-j", jobs)
    assert code == 2
    assert sorted(os.listdir(out)) == [f"tien-do-0{i}.docx" for i in (0, 2, 3)]
    assert "1/4 báo cáo không dựng được" in stderr and pairs[3] in stderr.splitlines()[-1]
    assert "khong-co" in stderr
    written = [line.split()[-1] for line in stdout.splitlines()]
    assert written == [str(out / f"tien-do-0{i}.docx") for i in (0, 2, 3)]


def test_report_jobs_exit_codes_and_usage(capsys, tmp_path):
    """Exit codes with --jobs 2 match one job; an odd count of files or -o for many is 2."""
    pairs = _reports(tmp_path, 3, bad=(0, 2))
    codes = [
        _run(capsys, "report", *pairs, "--out-dir", str(tmp_path / f"o{j}"), "-j", j)[0]
        for j in ("1", "2")
    ]
    assert codes == [2, 2]
    code, _, err = _run(capsys, "report", *pairs[:3], "--out-dir", str(tmp_path / "x"))
    assert code == 2 and "từng cặp" in err
    code, _, err = _run(capsys, "report", *pairs, "-o", str(tmp_path / "x.docx"))
    assert code == 2 and "--out-dir" in err
