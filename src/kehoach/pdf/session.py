"""One LibreOffice process for a whole batch, a time limit per document, a clean stop.

``soffice --convert-to pdf a.docx b.docx …`` opens and exports the files in order, in
one process, and says so as it goes, one line per file:

    convert /…/0001.docx -> /…/0001.pdf using filter : …   the file is open; export starts
    Error: source file could not be loaded                  the next file cannot be opened
    Error: Please verify input parameters…                  the export just started failed

Reading those lines as they come tells which document LibreOffice is working on, so a
document that takes longer than the limit is the one blamed: that LibreOffice is
stopped and a new one converts the documents left (the only case with a second start).
LibreOffice's UNO bridge would give the same control, but it needs LibreOffice's own
Python module (python3-uno), which a virtual environment cannot import.
"""

from __future__ import annotations

import contextlib
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from kehoach.pdf.errors import (
    LibreOfficeStartError,
    PdfFailure,
    crashed,
    export_failed,
    timed_out,
    unreadable,
)
from kehoach.pdf.soffice import convert_command, new_session_options

# Allowance for LibreOffice to start (a new profile is created on the first start),
# on top of the first document's own limit.
STARTUP_TIMEOUT = 120.0
_STOP_GRACE = 5.0

_LOADED = re.compile(r"^convert (?P<source>.+?) -> .+ using filter")
_UNREADABLE = "Error: source file could not be loaded"

Report = Callable[[int, PdfFailure | None], None]


def is_complete_pdf(path: Path) -> bool:
    """The file exists and ends with a PDF trailer (an export cut short does not)."""
    try:
        with path.open("rb") as handle:
            handle.seek(0, os.SEEK_END)
            handle.seek(max(0, handle.tell() - 1024))
            return b"%%EOF" in handle.read()
    except OSError:
        return False


class BatchSession:
    """Converts staged DOCX files to PDFs in ``outdir`` (same stem), reporting each.

    ``report(index, failure)`` is called once per file as soon as its fate is known
    (``failure`` is ``None`` when its PDF is complete in ``outdir``).
    """

    def __init__(
        self,
        soffice: str,
        files: Sequence[Path],
        outdir: Path,
        profile: Path,
        *,
        pdfa: bool,
        timeout: float,
        report: Report,
        startup_timeout: float = STARTUP_TIMEOUT,
    ):
        self.soffice, self.files, self.outdir, self.profile = soffice, files, outdir, profile
        self.pdfa, self.timeout, self.startup_timeout = pdfa, timeout, startup_timeout
        self.report = report
        self.starts = 0

    def run(self) -> None:
        """Convert every file; start LibreOffice again only after a time-out or a crash.

        Raises:
            LibreOfficeStartError: two starts in a row said nothing at all.
        """
        pending = list(range(len(self.files)))
        silent = 0
        while pending:
            pending, heard, output = self._run_once(pending)
            silent = 0 if heard else silent + 1
            if pending and silent >= 2:
                raise LibreOfficeStartError(output)

    def _pdf(self, index: int) -> Path:
        return self.outdir / f"{self.files[index].stem}.pdf"

    def _finish(self, index: int) -> None:
        self.report(index, None if is_complete_pdf(self._pdf(index)) else export_failed())

    def _run_once(self, pending: list[int]) -> tuple[list[int], bool, str]:
        """One LibreOffice over ``pending``: the files left to do, whether it said
        anything, and what it printed."""
        files = [self.files[i] for i in pending]
        command = convert_command(self.soffice, files, self.outdir, self.profile, pdfa=self.pdfa)
        self.starts += 1
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            **new_session_options(),  # type: ignore[call-overload]
        )
        lines = _pump(process)
        head, loaded, heard = 0, False, False  # head: the file LibreOffice is on
        output: list[str] = []
        deadline = time.monotonic() + self.startup_timeout + self.timeout
        try:
            while True:
                try:
                    line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
                except queue.Empty:
                    stop(process)
                    return self._after_timeout(pending, head, loaded), heard, "\n".join(output)
                if line is None:
                    code = process.wait()
                    left = self._after_exit(pending, head, loaded, code)
                    return left, heard, "\n".join(output)
                output.append(line)
                if head >= len(pending):
                    continue
                event = _LOADED.match(line)
                if event is None and not line.startswith("Error:"):
                    continue  # LibreOffice's chatter (javaldx, fontconfig …)
                heard = True
                deadline = time.monotonic() + self.timeout
                if event is None and line.startswith(_UNREADABLE):
                    if loaded:
                        self._finish(pending[head])
                        head += 1
                    if head < len(pending):
                        self.report(pending[head], unreadable())
                        head += 1
                    loaded = False
                elif event is None:  # the export of the open file failed
                    if loaded:
                        self.report(pending[head], export_failed())
                        head += 1
                    loaded = False
                else:
                    if loaded:
                        self._finish(pending[head])
                        head += 1
                    head = self._skip_to(pending, head, Path(event["source"]).name)
                    loaded = head < len(pending)
        finally:
            stop(process)

    def _skip_to(self, pending: list[int], head: int, name: str) -> int:
        """Keep in step with LibreOffice: files it passed over without a word failed."""
        for position in range(head, len(pending)):
            if self.files[pending[position]].name == name:
                for skipped in pending[head:position]:
                    self.report(skipped, unreadable())
                return position
        return head

    def _after_timeout(self, pending: list[int], head: int, loaded: bool) -> list[int]:
        if loaded and is_complete_pdf(self._pdf(pending[head])):
            self.report(pending[head], None)  # the export ended; the next file hung
            head += 1
        if head < len(pending):
            self.report(pending[head], timed_out(self.timeout))
            head += 1
        return pending[head:]

    def _after_exit(self, pending: list[int], head: int, loaded: bool, code: int) -> list[int]:
        if loaded and code != 0 and not is_complete_pdf(self._pdf(pending[head])):
            self.report(pending[head], crashed())  # died while exporting it
            return pending[head + 1 :]
        if loaded:
            self._finish(pending[head])
            head += 1
        left = pending[head:]
        if not left:
            return []
        if code == 0:  # LibreOffice ended normally without a word about these
            for index in left:
                self.report(index, export_failed())
            return []
        self.report(left[0], crashed())
        return left[1:]


def _pump(process: subprocess.Popen[bytes]) -> queue.Queue[str | None]:
    """LibreOffice's output, line by line, on a queue (``None`` at the end)."""
    lines: queue.Queue[str | None] = queue.Queue()

    def read() -> None:
        assert process.stdout is not None
        for raw in process.stdout:
            lines.put(raw.decode("utf-8", errors="replace").rstrip())
        lines.put(None)

    threading.Thread(target=read, name="soffice-output", daemon=True).start()
    return lines


def stop(process: subprocess.Popen[bytes]) -> None:
    """End LibreOffice and what it started (its process group): politely, then by force."""
    if process.poll() is None:
        _signal_group(process, force=False)
        try:
            process.wait(_STOP_GRACE)
        except subprocess.TimeoutExpired:
            _signal_group(process, force=True)
            process.wait()


def _signal_group(process: subprocess.Popen[bytes], *, force: bool) -> None:
    if sys.platform == "win32":  # soffice.exe starts soffice.bin: end the whole tree
        subprocess.run(
            ["taskkill", "/T", "/F", "/PID", str(process.pid)], capture_output=True, check=False
        )
        return
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL if force else signal.SIGTERM)
