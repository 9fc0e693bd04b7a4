"""`kehoach serve`: the command, the port, the address printed, the web extra missing."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import PLAN
from kehoach.cli import main
from kehoach.errors import UsageError
from kehoach.web.security import allowed_hosts
from kehoach.web.serve import bind, start_url


def test_serve_without_the_web_extra_says_what_to_install(monkeypatch, capsys):
    """Without Starlette/uvicorn, serve prints one Vietnamese line naming the install; exit 2."""
    import kehoach.cli.serve_commands as command

    monkeypatch.setattr(command, "web_installed", lambda: False)
    assert main(["serve", "--no-browser"]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert lines == ['Lỗi: kehoach serve cần gói bổ sung: pip install "kehoach[web]"']


def test_busy_port_is_a_clear_message():
    """A port in use is reported in words with what to do (exit 2 in the CLI)."""
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen(1)
    port = taken.getsockname()[1]
    try:
        with pytest.raises(UsageError) as caught:
            bind("127.0.0.1", port)
        assert caught.value.messages("vi")[0].startswith(f"cổng {port} đang được chương trình")
        assert "--port 0" in caught.value.messages("vi")[0]
    finally:
        taken.close()


def test_port_zero_picks_a_free_port():
    """--port 0 lets the system choose; the address printed uses the real port."""
    sock = bind("127.0.0.1", 0)
    try:
        port = sock.getsockname()[1]
        assert port > 0
        assert start_url("127.0.0.1", port, "T") == f"http://127.0.0.1:{port}/?token=T"
    finally:
        sock.close()


def test_allowed_hosts():
    """Loopback answers to its names; a wildcard bind cannot check the Host header."""
    assert allowed_hosts("127.0.0.1") == frozenset({"127.0.0.1", "localhost", "::1"})
    assert allowed_hosts("192.168.1.5") == frozenset({"192.168.1.5"})
    assert allowed_hosts("0.0.0.0") is None


def test_serve_runs_and_answers_only_with_the_token(folder: Path):
    """The real server starts on a free port, prints the address, and needs the token."""
    env = {**os.environ, "KEHOACH_LANG": "vi"}
    command = [
        sys.executable,
        "-m",
        "kehoach",
        "serve",
        "--folder",
        str(folder),
        "--port",
        "0",
        "--no-browser",
    ]
    server = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    try:
        assert server.stdout is not None
        lines = [server.stdout.readline() for _ in range(3)]
        assert lines[0].startswith("kehoach serve: ")
        url = lines[1].split(": ", 1)[1].strip()
        assert url.startswith("http://127.0.0.1:") and "?token=" in url
        base = url.split("?", 1)[0]
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(base + "api/files", timeout=60)
        assert refused.value.code == 403
        token = url.split("token=", 1)[1]
        with urllib.request.urlopen(f"{base}api/files/{PLAN}/docx?token={token}", timeout=60) as r:
            assert r.read(2) == b"PK"
    finally:
        server.terminate()
        server.wait(timeout=60)


def test_remote_host_warns(folder: Path, monkeypatch, capsys):
    """Binding beyond this machine warns in Vietnamese before serving."""
    import kehoach.web.serve as serve_module

    def stop(*args: object, **kwargs: object) -> socket.socket:
        raise UsageError("dừng", "stop")

    monkeypatch.setattr(serve_module, "bind", stop)
    assert main(["serve", "--folder", str(folder), "--host", "0.0.0.0", "--no-browser"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Cảnh báo: trang mở cho các máy khác (0.0.0.0)")


def test_missing_folder_is_refused(tmp_path: Path, capsys):
    """A folder that does not exist is named in the error (exit 2)."""
    assert main(["serve", "--folder", str(tmp_path / "khong-co"), "--no-browser"]) == 2
    assert "khong-co" in capsys.readouterr().err


def test_serve_opens_the_browser_at_the_start_url(folder: Path, monkeypatch, capsys):
    """Without --no-browser the start address (with its token) is opened; --lang en speaks
    English."""
    import uvicorn

    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", opened.append)
    monkeypatch.setattr(uvicorn.Server, "run", lambda self, sockets=None: None)
    assert main(["serve", "--folder", str(folder), "--port", "0", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert len(opened) == 1 and opened[0].startswith("http://127.0.0.1:")
    assert f"Open: {opened[0]}" in out
    opened.clear()
    assert main(["serve", "--folder", str(folder), "--port", "0", "--no-browser"]) == 0
    assert opened == []
    assert "Mở trang: http://127.0.0.1:" in capsys.readouterr().out
