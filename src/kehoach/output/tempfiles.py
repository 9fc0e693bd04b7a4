"""Names of kehoach's temporary output files, and removal of those a killed run left.

An output is first written to ``.<name>.kehoach-<pid>-<random>.tmp`` beside it. A run
stopped by Ctrl-C or SIGTERM removes its temporaries itself; one killed outright
(SIGKILL, power loss) cannot, so the next run writing into the same folder removes
every temporary of kehoach's own naming whose process is gone. Temporaries of a run
still going on are left alone (where processes cannot be probed — Windows, whose
``os.kill`` would end the process — a temporary is removed once a day old).
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import time
from pathlib import Path

# ".ke-hoach.docx.kehoach-4242-1a2b3c4d.tmp"; and the name before the process id was
# written into it (".ke-hoach.docx.1a2b3c4d5e6f.tmp"), removed once it is old.
_OURS = re.compile(r"^\..+\.kehoach-(\d+)-[0-9a-f]{8}\.tmp$")
_OLD_STYLE = re.compile(r"^\..+\.[0-9a-f]{12}\.tmp$")
_OLD_STYLE_AGE = 24 * 3600  # seconds: no run of kehoach takes a day


def temp_name(target: Path) -> Path:
    """A fresh temporary name beside ``target``, carrying this process's id."""
    return target.with_name(f".{target.name}.kehoach-{os.getpid()}-{secrets.token_hex(4)}.tmp")


def remove_stale_temps(folder: Path) -> list[Path]:
    """Remove the temporaries of kehoach runs that are no longer running; the ones removed."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        if not entry.name.endswith(".tmp") or not entry.is_file(follow_symlinks=False):
            continue
        match = _OURS.match(entry.name)
        stale = False
        if match and os.name == "posix":
            stale = not _running(int(match.group(1)))
        elif match or _OLD_STYLE.match(entry.name):  # no process probe: go by age
            with contextlib.suppress(OSError):
                stale = now - entry.stat(follow_symlinks=False).st_mtime > _OLD_STYLE_AGE
        else:
            continue
        if stale:
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError, OverflowError):
        return True  # another user's process, or a platform without signal 0: keep it
    return True
