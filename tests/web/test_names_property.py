"""Names from anywhere (uploads, URLs) never lead out of the folder: property tests."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from kehoach.loader import format_path
from kehoach.web.problems import ApiError, json_path
from kehoach.web.security import sanitise_stem
from kehoach.web.storage import Folder

_STEM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
ROOT = Path(__file__).resolve().parent  # an existing folder; nothing is written


@given(st.text(max_size=200))
def test_sanitised_upload_names_are_plain(filename: str):
    """Any uploaded file name becomes a plain ASCII stem: no folder, no leading dot, no '..'."""
    stem = sanitise_stem(filename)
    assert _STEM.match(stem), stem
    assert ".." not in stem and len(stem) <= 80
    Folder(ROOT).path(f"{stem}.yaml")  # accepted as a name of the folder


@given(st.text(max_size=120))
def test_any_name_is_refused_or_stays_inside(name: str):
    """Folder.path refuses a name or gives a path inside the folder, whatever the name."""
    folder = Folder(ROOT)
    try:
        path = folder.path(name)
    except ApiError as error:
        assert error.status == 400
    else:
        assert path.resolve().is_relative_to(folder.root)
        assert path.parent == folder.root


_KEYS = st.text(alphabet=st.characters(categories=("L", "N"), include_characters="_"), min_size=1)


@given(st.lists(st.one_of(_KEYS, st.integers(min_value=0, max_value=999)), max_size=6))
def test_json_path_inverts_the_field_name(path: list[str | int]):
    """The JSON path the page gets is the dotted field the CLI prints, read back."""
    if path and isinstance(path[0], int):
        path = ["root", *path]
    assert json_path(format_path(tuple(path))) == path
