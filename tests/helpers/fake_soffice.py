"""A stand-in for ``soffice --convert-to pdf`` that speaks LibreOffice's progress lines.

Tests point ``KEHOACH_SOFFICE`` at a script running this module. For each file, in
order, it looks at the DOCX's ``word/document.xml``: ``HANG`` sleeps (a time-out),
``CRASH`` ends the process with code 1, ``UNREADABLE`` prints LibreOffice's load error;
anything else gets a tiny PDF naming the font written after ``FONT=`` (default
LiberationSerif). Every start appends ``start <pid>`` to $FAKE_SOFFICE_LOG; with
$FAKE_SOFFICE_OLD set it ignores PDF/A, as LibreOffice before 7.4 does.
"""

from __future__ import annotations

import os
import re
import sys
import time
import zipfile
from pathlib import Path


def write_script(folder: Path) -> Path:
    """An executable that runs this module with the current Python."""
    script = folder / "fake-soffice"
    here = str(Path(__file__).parent)
    script.write_text(
        f"#!{sys.executable}\nimport runpy, sys\nsys.path.insert(0, {here!r})\n"
        "runpy.run_module('fake_soffice', run_name='__main__')\n"
    )
    script.chmod(0o755)
    return script


def fake_docx(text: str) -> bytes:
    """A zip with a ``word/document.xml`` holding ``text`` (enough for this fake)."""
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("word/document.xml", f"<w:document>{text} Times New Roman</w:document>")
    return buffer.getvalue()


def main(argv: list[str]) -> int:
    log = os.environ.get("FAKE_SOFFICE_LOG")
    if log:
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(f"start {os.getpid()}\n")
    outdir = Path(argv[argv.index("--outdir") + 1])
    target = argv[argv.index("--convert-to") + 1]
    files = [Path(a) for a in argv[argv.index("--outdir") + 2 :]]
    for source in files:
        with zipfile.ZipFile(source) as package:
            text = package.read("word/document.xml").decode("utf-8")
        if "UNREADABLE" in text:
            print("Error: source file could not be loaded", file=sys.stderr, flush=True)
            continue
        pdf = outdir / f"{source.stem}.pdf"
        print(f"convert {source} -> {pdf} using filter : {target}", flush=True)
        if "HANG" in text:
            time.sleep(600)
        if "CRASH" in text:
            os._exit(1)
        font = re.search(r"FONT=(\w+)", text)
        pdfa = "SelectPdfVersion" in target and not os.environ.get("FAKE_SOFFICE_OLD")
        meta = b"<pdfaid:part>2</pdfaid:part>" if pdfa else b""
        pdf.write_bytes(
            b"%PDF-1.6\n<</Type/Font/BaseFont/BAAAAA+"
            + (font[1] if font else "LiberationSerif").encode()
            + b">>\n"
            + meta
            + b"\n%%EOF\n"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
