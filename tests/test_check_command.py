"""``run_check_command``: exit codes, text and JSON output, the shipped JSON Schema."""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
import pytest
from docx.shared import Mm

from check_docs import build_party_doc, find, to_bytes
from kehoach.check import findings_schema, run_check_command
from kehoach.profiles.rules import RULES


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.fixture
def good(tmp_path: Path) -> Path:
    """A correct Party document on disk."""
    return _write(tmp_path, "good.docx", to_bytes(build_party_doc()))


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    """A document with one error (left margin) and one warning (upper-case subject)."""
    doc = build_party_doc()
    doc.sections[0].left_margin = Mm(35)
    find(doc, "triển khai").runs[0].text = "Triển khai thực hiện"
    return _write(tmp_path, "bad.docx", to_bytes(doc))


def _run(paths: list[Path], **options: str) -> tuple[int, str]:
    out = io.StringIO()
    code = run_check_command(paths, out=out, **options)  # type: ignore[arg-type]
    return code, out.getvalue()


def test_exit_0_without_errors(good: Path) -> None:
    """Exit code 0 when no file has an error; the text says so."""
    code, text = _run([good])
    assert code == 0
    assert "Không phát hiện sai thể thức" in text


def test_exit_1_with_errors(bad: Path) -> None:
    """Exit code 1 with an error; warnings are listed too."""
    code, text = _run([bad])
    assert code == 1
    assert "LỖI F-MARGIN-1" in text and "CẢNH BÁO F-SUBJ-1" in text


def test_warnings_only_exit_0(tmp_path: Path) -> None:
    """Warnings alone do not fail the check (exit 0)."""
    doc = build_party_doc()
    find(doc, "triển khai").runs[0].text = "Triển khai thực hiện"
    code, _ = _run([_write(tmp_path, "w.docx", to_bytes(doc))])
    assert code == 0


def test_exit_2_unreadable(tmp_path: Path, good: Path) -> None:
    """Exit code 2 when a file cannot be read, with a clear message and no traceback."""
    junk = _write(tmp_path, "junk.docx", b"not a zip at all")
    code, text = _run([good, junk])
    assert code == 2
    assert "KHÔNG ĐỌC ĐƯỢC" in text and "Traceback" not in text


def test_exit_2_unknown_profile(good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown profile id is exit code 2 with the known ids on stderr."""
    code, _ = _run([good], profile="state-1999")
    assert code == 2
    assert "party-2026" in capsys.readouterr().err


def test_english_text(bad: Path) -> None:
    """--lang en prints the labels and fixes in English."""
    code, text = _run([bad], lang="en")
    assert code == 1
    assert "ERROR F-MARGIN-1" in text and "Fix:" in text and "Cách sửa" not in text


def test_json_validates_against_schema(tmp_path: Path, good: Path, bad: Path) -> None:
    """The JSON output (ok, errors and unreadable files) validates against the shipped schema."""
    junk = _write(tmp_path, "junk.docx", bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 100)
    for lang in ("vi", "en"):
        code, text = _run([good, bad, junk], fmt="json", lang=lang)
        document = json.loads(text)
        jsonschema.Draft202012Validator(findings_schema()).validate(document)
        assert code == document["exit_code"] == 2
        assert [f["status"] for f in document["files"]] == ["ok", "errors", "unreadable"]
        assert document["files"][2]["error"]["reason"] == "encrypted"
        finding = document["files"][1]["findings"][0]
        assert finding["rule"] == "F-MARGIN-1" and finding["location"]["section"] == 1


def test_schema_is_valid_and_names_every_severity() -> None:
    """The shipped schema is a valid Draft 2020-12 schema with error/warning severities."""
    schema = findings_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$defs"]["finding"]["properties"]["severity"]["enum"] == ["error", "warning"]


def test_rule_table_matches_spec() -> None:
    """Every rule id the checker cites is in the spec; unconfirmed ones are unconfirmed there."""
    spec = Path(__file__).parents[1] / "docs" / "spec" / "party-document-format.md"
    text = spec.read_text("utf-8")
    for rule_id, info in RULES.items():
        start = text.index(f"**{rule_id}**")
        entry = text[start : text.find("\n- **", start + 1)]
        status = entry[entry.index("Status:") :]
        if info.status == "unconfirmed":
            assert "unconfirmed" in status, rule_id
        else:
            assert not status.startswith("Status: unconfirmed"), rule_id


def test_internal_error_is_reported_not_raised(good: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug in a rule ends as exit code 2 with a message asking for a report, no traceback."""
    import kehoach.check.command as command

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("boom")

    monkeypatch.setattr(command, "check_docx", broken)
    code, text = _run([good], lang="en")
    assert code == 2
    assert "internal error ValueError: boom" in text and "Traceback" not in text
