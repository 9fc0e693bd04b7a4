"""Outputs: all or nothing, honest messages for the machine's failures, inputs never replaced.

Issue 18 items 6, 7 and 10; issue 12 (locked output, missing folder, batch with a bad plan).
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import zlib
from pathlib import Path

import pytest

from kehoach import write_all
from kehoach.cli import main
from kehoach.errors import OutputError

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "sapa-2022-tuyen-giao.yaml"
YEAR_END = ROOT / "examples" / "sapa-2022-progress-year.yaml"


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _failing(
    monkeypatch, name: str, error: BaseException, *, after: int = 0, once: bool = False
) -> None:
    """Make ``os.<name>`` raise ``error`` after ``after`` calls (only once, if ``once``)."""
    real = getattr(os, name)
    calls = [0]

    def broken(*args, **kwargs):
        calls[0] += 1
        if calls[0] > after and not (once and calls[0] > after + 1):
            raise error
        return real(*args, **kwargs)

    monkeypatch.setattr(os, name, broken)


# --- the machine's failures are the user's to fix, worded, never "lỗi nội bộ" -----------

_OS_FAILURES = [
    (errno.ENOSPC, "ổ đĩa đã đầy"),
    (errno.EROFS, "chỉ cho phép đọc"),
    (errno.EACCES, "không có quyền"),
    (errno.EPERM, "đang mở trong Word"),
    (errno.EBUSY, "đang mở trong Word"),
    (errno.EIO, "lỗi đọc/ghi đĩa"),
    (errno.ENOTDIR, "không phải thư mục"),
]


@pytest.mark.parametrize(("code", "words"), _OS_FAILURES, ids=[str(c) for c, _ in _OS_FAILURES])
@pytest.mark.parametrize("step", ["open", "fsync", "link", "replace"])
def test_os_failures_while_writing_are_user_errors(
    capsys, monkeypatch, tmp_path, code, words, step
):
    """Every OS failure at every step of writing: exit 2, the file named, the reason, no file."""
    target = tmp_path / "out.docx"
    force = ["--force"] if step == "replace" else []
    if step == "replace":
        target.write_bytes(b"old")
    _failing(monkeypatch, step, OSError(code, os.strerror(code)))
    exit_code, _, err = _run(capsys, "render", str(EXAMPLE), "-o", str(target), *force)
    if step == "link" and code == errno.EPERM:  # a file system without hard links: no need
        assert exit_code == 0 and os.listdir(tmp_path) == ["out.docx"]
        return
    assert exit_code == 2
    assert "lỗi nội bộ" not in err and "Traceback" not in err
    assert str(target) in err and words in err
    expected = ["out.docx"] if step == "replace" else []
    assert sorted(os.listdir(tmp_path)) == expected
    if step == "replace":
        assert target.read_bytes() == b"old"


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (OSError(errno.ENOSPC, "No space left on device", "/x/y"), "ổ đĩa đã đầy"),
        (MemoryError(), "không đủ bộ nhớ"),
        (zlib.error("Error -3 while decompressing data: invalid block type"), "bị hỏng"),
    ],
    ids=["os", "memory", "zlib"],
)
def test_failures_outside_kehoach_are_not_called_internal(capsys, monkeypatch, error, words):
    """Disk, memory and damaged compressed data anywhere in a command: worded, exit 2."""
    import kehoach.cli.plan_commands as commands

    def failing(args, ctx):
        raise error

    monkeypatch.setattr(commands, "run_validate", failing)
    exit_code, _, err = _run(capsys, "validate", str(EXAMPLE))
    assert exit_code == 2 and words in err and "lỗi nội bộ" not in err


def test_read_only_folder_is_a_user_error(capsys, tmp_path):
    """A folder without write permission: exit 2, worded, the file named (not as root)."""
    if os.geteuid() == 0:
        pytest.skip("root can write anywhere")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        code, _, err = _run(capsys, "render", str(EXAMPLE), "-o", str(folder / "x.docx"))
    finally:
        folder.chmod(0o755)
    assert code == 2 and "không có quyền" in err and "lỗi nội bộ" not in err


def test_locked_output_names_the_file_and_word(capsys, tmp_path):
    """An output locked (chattr +i, as a file open in Word is): exit 2, named, cause given."""
    target = tmp_path / "locked.docx"
    target.write_bytes(b"old")
    chattr = shutil.which("chattr")
    locked = (
        chattr and subprocess.run([chattr, "+i", str(target)], capture_output=True).returncode == 0
    )
    if not locked:
        pytest.skip("chattr +i is not allowed here (needs root on ext4/xfs/btrfs)")
    try:
        code, _, err = _run(capsys, "render", str(EXAMPLE), "-o", str(target), "--force")
    finally:
        subprocess.run([chattr, "-i", str(target)], check=True)
    assert code == 2 and str(target) in err and "Word" in err and "lỗi nội bộ" not in err
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["locked.docx"]


def test_locked_output_simulated(capsys, monkeypatch, tmp_path):
    """The same, simulated where chattr is unavailable: the replace is refused with EPERM."""
    target = tmp_path / "locked.docx"
    target.write_bytes(b"old")
    _failing(monkeypatch, "replace", PermissionError(errno.EPERM, "Operation not permitted"))
    code, _, err = _run(
        capsys, "--lang", "en", "render", str(EXAMPLE), "-o", str(target), "--force"
    )
    assert code == 2 and str(target) in err and "open in Word" in err
    assert target.read_bytes() == b"old"


def test_out_dir_naming_a_file(capsys, tmp_path):
    """--out-dir naming a file: exit 2 with a message, not an internal error."""
    (tmp_path / "f").write_bytes(b"")
    code, _, err = _run(capsys, "render", str(EXAMPLE), "--out-dir", str(tmp_path / "f"))
    assert code == 2 and "không phải thư mục" in err and "lỗi nội bộ" not in err


# --- an output that is an input ------------------------------------------------------------


def test_output_equal_to_input_is_refused_even_with_force(capsys, tmp_path):
    """`render p.yaml -o p.yaml --force` refuses and leaves the plan as it was (item 10)."""
    plan = tmp_path / "p.yaml"
    plan.write_bytes(EXAMPLE.read_bytes())
    code, _, err = _run(capsys, "render", str(plan), "-o", str(plan), "--force")
    assert code == 2 and "chính là tệp đầu vào" in err
    assert plan.read_bytes() == EXAMPLE.read_bytes()
    link = tmp_path / "link.yaml"
    link.symlink_to(plan)
    code, _, err = _run(capsys, "render", str(plan), "-o", str(link), "--force")
    assert code == 2 and plan.read_bytes() == EXAMPLE.read_bytes()


def test_report_onto_its_progress_file_is_refused(capsys, tmp_path):
    """`report plan prog -o prog --force` keeps the filled progress file (item 10)."""
    progress = tmp_path / "prog.yaml"
    progress.write_bytes(YEAR_END.read_bytes())
    code, _, err = _run(
        capsys, "report", str(EXAMPLE), str(progress), "-o", str(progress), "--force"
    )
    assert code == 2 and "chính là tệp đầu vào" in err
    assert progress.read_bytes() == YEAR_END.read_bytes()


def test_next_year_review_file_onto_the_plan_is_refused(capsys, tmp_path):
    """next-year whose review list would land on the input plan is refused."""
    plan = tmp_path / "p.review.md"
    plan.write_bytes(EXAMPLE.read_bytes())
    code, _, err = _run(capsys, "next-year", str(plan), "-o", str(tmp_path / "p.yaml"), "--force")
    assert code == 2 and "chính là tệp đầu vào" in err
    assert plan.read_bytes() == EXAMPLE.read_bytes() and os.listdir(tmp_path) == [plan.name]


# --- several files of one result: all or nothing -----------------------------------------


def test_next_year_on_a_full_disk_leaves_neither_file(capsys, monkeypatch, tmp_path):
    """The review list failing to land takes the plan back: nothing, so a rerun works (item 6)."""
    out = tmp_path / "next.yaml"
    _failing(monkeypatch, "link", OSError(errno.ENOSPC, "No space left on device"), after=1)
    code, _, err = _run(capsys, "next-year", str(EXAMPLE), "-o", str(out))
    assert code == 2 and "ổ đĩa đã đầy" in err
    assert os.listdir(tmp_path) == []
    monkeypatch.undo()
    code, _, err = _run(capsys, "next-year", str(EXAMPLE), "-o", str(out))
    assert code == 0, err
    assert sorted(os.listdir(tmp_path)) == ["next.review.md", "next.yaml"]


def test_write_all_restores_replaced_files(monkeypatch, tmp_path):
    """With force, a failure on the second file puts the first one's old content back."""
    first, second = tmp_path / "a", tmp_path / "b"
    first.write_bytes(b"old a")
    second.write_bytes(b"old b")
    _failing(monkeypatch, "replace", OSError(errno.EIO, "I/O error"), after=1, once=True)
    with pytest.raises(OutputError, match="input/output error"):
        write_all([(first, b"new a"), (second, b"new b")], force=True)
    assert first.read_bytes() == b"old a" and second.read_bytes() == b"old b"
    assert sorted(os.listdir(tmp_path)) == ["a", "b"]


def test_sigterm_while_writing_leaves_no_temporary(capsys, monkeypatch, tmp_path):
    """SIGTERM in the middle of writing: exit 143, no temporary and no output left."""
    target = tmp_path / "out.docx"

    def killed(fd):
        os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(os, "fsync", killed)
    with pytest.raises(SystemExit) as stop:
        main(["render", str(EXAMPLE), "-o", str(target)])
    assert stop.value.code == 128 + signal.SIGTERM
    assert os.listdir(tmp_path) == []


def test_stale_temporaries_of_a_killed_run_are_removed(capsys, tmp_path):
    """Temporaries of a killed kehoach run are removed by the next run into the folder."""
    dead = subprocess.Popen(["true"])
    dead.wait()
    stale = tmp_path / f".old.docx.kehoach-{dead.pid}-0123abcd.tmp"
    alive = tmp_path / f".old.docx.kehoach-{os.getppid()}-0123abcd.tmp"
    foreign = tmp_path / ".someone-else.tmp"
    for path in (stale, alive, foreign):
        path.write_bytes(b"partial")
    code, _, err = _run(capsys, "render", str(EXAMPLE), "-o", str(tmp_path / "new.docx"))
    assert code == 0, err
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [alive.name, foreign.name, "new.docx"]
    )


# --- batches ---------------------------------------------------------------------------------


def _plans(tmp_path: Path, bad: str) -> list[str]:
    names = []
    for name in ("a", "b", "c"):
        path = tmp_path / f"{name}.yaml"
        text = EXAMPLE.read_text(encoding="utf-8")
        path.write_text(text.replace("title:", "titel:", 1) if name == bad else text, "utf-8")
        names.append(str(path))
    return names


def test_batch_writes_the_good_plans_and_lists_the_bad(capsys, tmp_path):
    """One bad plan among three: the two good ones are written, the bad one named, exit 2."""
    out = tmp_path / "out"
    code, _, err = _run(capsys, "render", *_plans(tmp_path, "b"), "--out-dir", str(out))
    assert code == 2
    assert sorted(os.listdir(out)) == ["a.docx", "c.docx"]
    assert "1/3 kế hoạch không dựng được" in err and "b.yaml" in err


def test_interrupted_batch_says_what_was_written(capsys, monkeypatch, tmp_path):
    """Ctrl-C during a batch: exit 130 and a summary of the files written and not (item 6)."""
    import kehoach.output.atomic as output

    real = output.write_atomic
    calls = [0]

    def interrupted(path, data, *, force):
        calls[0] += 1
        if calls[0] == 2:
            raise KeyboardInterrupt
        real(path, data, force=force)

    monkeypatch.setattr(output, "write_atomic", interrupted)
    monkeypatch.setattr("kehoach.write_atomic", interrupted, raising=False)
    out = tmp_path / "out"
    code, _, err = _run(capsys, "render", *_plans(tmp_path, ""), "--out-dir", str(out))
    assert code == 130
    assert "đã ghi 1/3 tệp" in err and "b.docx" in err and "c.docx" in err
    assert os.listdir(out) == ["a.docx"]


def test_migrate_onto_its_own_plan_is_refused(capsys, tmp_path):
    """`migrate p.yaml -o p.yaml --force` keeps the plan as it was."""
    plan = tmp_path / "p.yaml"
    plan.write_bytes(EXAMPLE.read_bytes())
    code, _, err = _run(capsys, "migrate", str(plan), "-o", str(plan), "--force")
    assert code == 2 and "chính là tệp đầu vào" in err
    assert plan.read_bytes() == EXAMPLE.read_bytes()


def test_a_damaged_deflate_stream_in_a_docx_is_not_internal(capsys, tmp_path):
    """`check` on a DOCX whose compressed XML is damaged: "bị hỏng", exit 2 (item 7)."""
    import zipfile

    good = tmp_path / "ok.docx"
    assert main(["render", str(EXAMPLE), "-o", str(good)]) == 0
    info = zipfile.ZipFile(good).getinfo("word/document.xml")
    data = bytearray(good.read_bytes())
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 50
    for index in range(start, start + 30):
        data[index] ^= 0x5A
    bad = tmp_path / "bad.docx"
    bad.write_bytes(bytes(data))
    capsys.readouterr()
    code = main(["check", str(bad)])
    out = capsys.readouterr()
    assert code == 2 and "bị hỏng" in out.out + out.err and "lỗi nội bộ" not in out.out + out.err
