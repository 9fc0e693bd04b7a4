"""The plan loader's limits hold before the work is done (issue 18, item 3; docs/limits.md)."""

from __future__ import annotations

import os
import tracemalloc
from pathlib import Path

import pytest

from kehoach import InputError, load_plan
from kehoach.cli import main
from kehoach.loader import MAX_FILE_BYTES


def test_a_2_gib_file_is_refused_without_reading_it(tmp_path: Path):
    """A 2 GiB (sparse) plan is refused from its size: memory stays flat."""
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(2 * 1024**3)
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match="file too large"):
            load_plan(big)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1024 * 1024


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_dev_zero_is_refused_after_the_limit(capsys):
    """/dev/zero has no size: reading stops one byte past the limit, then it is refused."""
    tracemalloc.start()
    try:
        code = main(["validate", "/dev/zero"])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    err = capsys.readouterr().err
    assert code == 2 and "tệp quá lớn" in err and "lỗi nội bộ" not in err
    assert peak < 3 * MAX_FILE_BYTES
