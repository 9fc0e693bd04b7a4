"""Finding LibreOffice and the command line that converts a batch of files to PDF."""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from kehoach.pdf.errors import LibreOfficeMissingError

ENV_VARIABLE = "KEHOACH_SOFFICE"

# Where the installers put soffice when it is not on PATH (Windows never adds it).
_USUAL_PLACES: tuple[str, ...] = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
)

# PDF/A-2b (ISO 19005-2): every font embedded, metadata marked. LibreOffice ≥ 7.4 reads
# filter options written as JSON; older versions ignore them (checked on the result).
_PDFA_OPTIONS = {"SelectPdfVersion": {"type": "long", "value": "2"}}


def find_soffice() -> str:
    """The LibreOffice executable: $KEHOACH_SOFFICE, else PATH, else the usual places.

    Raises:
        LibreOfficeMissingError: none found (the message names the package to install).
    """
    chosen = os.environ.get(ENV_VARIABLE)
    if chosen:
        found = shutil.which(chosen)
        if found is None:
            raise LibreOfficeMissingError(chosen)
        return found
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for place in _USUAL_PLACES:
        if Path(place).is_file():
            return place
    raise LibreOfficeMissingError()


def convert_command(
    soffice: str, files: Sequence[Path], outdir: Path, profile: Path, *, pdfa: bool
) -> list[str]:
    """``soffice --convert-to pdf`` over many files: one start, one private profile.

    The private profile (``-env:UserInstallation``) makes this a separate LibreOffice
    instance, so it neither hands the work to a LibreOffice the user has open nor waits
    for its lock, and it leaves the user's settings alone.
    """
    target = "pdf:writer_pdf_Export"
    if pdfa:
        target += ":" + json.dumps(_PDFA_OPTIONS, separators=(",", ":"))
    return [
        soffice,
        f"-env:UserInstallation={profile.resolve().as_uri()}",
        "--headless",
        "--invisible",
        "--nodefault",
        "--nologo",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        target,
        "--outdir",
        str(outdir),
        *(str(f) for f in files),
    ]


def new_session_options() -> dict[str, object]:
    """Popen options that put LibreOffice (and the soffice.bin it starts) in its own group."""
    if sys.platform == "win32":
        import subprocess

        return {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}
    return {"start_new_session": True}
