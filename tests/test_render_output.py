"""Atomic output: the target is the whole new document or untouched; no stray temp files."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from helpers.sample_docs import sapa_like
from kehoach.errors import OutputError, OutputExistsError
from kehoach.render import Renderer, write_atomic


def test_write_new_file(tmp_path: Path) -> None:
    """write_atomic writes the bytes and leaves nothing else in the folder."""
    target = tmp_path / "out.docx"
    write_atomic(target, b"data", force=False)
    assert target.read_bytes() == b"data"
    assert os.listdir(tmp_path) == ["out.docx"]


def test_existing_file_kept_without_force(tmp_path: Path) -> None:
    """An existing file is not overwritten without force: OutputExistsError(path)."""
    target = tmp_path / "out.docx"
    target.write_bytes(b"old")
    with pytest.raises(OutputExistsError) as caught:
        write_atomic(target, b"new", force=False)
    assert caught.value.path == str(target)
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["out.docx"]


def test_force_overwrites(tmp_path: Path) -> None:
    """With force the file is replaced in one step."""
    target = tmp_path / "out.docx"
    target.write_bytes(b"old")
    write_atomic(target, b"new", force=True)
    assert target.read_bytes() == b"new"
    assert os.listdir(tmp_path) == ["out.docx"]


def test_failed_move_leaves_no_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If the final move fails, the temporary file is removed and the target untouched."""
    target = tmp_path / "out.docx"
    target.write_bytes(b"old")

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OutputError, match="the disk is full"):
        write_atomic(target, b"new", force=True)
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["out.docx"]


def test_failing_render_leaves_no_file(tmp_path: Path) -> None:
    """A render that fails (here a post-processor) writes neither the file nor a temp file."""

    def fail(document: object) -> None:
        raise RuntimeError("post-processing failed")

    target = tmp_path / "out.docx"
    with pytest.raises(RuntimeError):
        Renderer(postprocessors=[fail]).render(sapa_like(), target)
    assert os.listdir(tmp_path) == []


def test_render_to_path_and_stream(tmp_path: Path) -> None:
    """render() writes a path atomically (str or Path) or into a binary stream."""
    renderer = Renderer()
    doc = sapa_like(sections=1)
    expected = renderer.render_bytes(doc)
    renderer.render(doc, str(tmp_path / "a.docx"))
    renderer.render(doc, tmp_path / "b.docx")
    stream = io.BytesIO()
    renderer.render(doc, stream)
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes() == expected
    assert stream.getvalue() == expected
    with pytest.raises(OutputExistsError):
        renderer.render(doc, tmp_path / "a.docx")
    renderer.render(doc, tmp_path / "a.docx", force=True)


def test_missing_folder_is_created(tmp_path: Path) -> None:
    """A missing folder is created, as ``--out-dir`` does (issue 12)."""
    write_atomic(tmp_path / "nope" / "deeper" / "out.docx", b"x", force=False)
    assert (tmp_path / "nope" / "deeper" / "out.docx").read_bytes() == b"x"


def test_a_file_where_a_folder_is_named(tmp_path: Path) -> None:
    """A file in place of the output's folder is a clear OutputError, nothing is created."""
    (tmp_path / "notdir").write_bytes(b"")
    with pytest.raises(OutputError, match="is a file, not a folder"):
        write_atomic(tmp_path / "notdir" / "out.docx", b"x", force=False)
    assert os.listdir(tmp_path) == ["notdir"]
