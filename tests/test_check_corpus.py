"""``kehoach check`` on real Word files typed outside kehoach (tests/data/real-docx, a copy
of ../shared/corpus/real-docx; SOURCES.md there says where each comes from).

Each file's class is pinned, and the findings of the checked ones, after reviewing each
finding against docs/spec/party-document-format.md.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from kehoach.check import check_docx, run_check_command

CORPUS = Path(__file__).resolve().parent / "data" / "real-docx"

CLASSES = {
    "doan-nghi-quyet.docx": "youth-union",
    "mttq-ke-hoach-cong-tac-bau-cu.docx": "fatherland-front",
    "mttq-ke-hoach-hoi-nghi-hiep-thuong.docx": "fatherland-front",
    "mttq-ke-hoach-kiem-tra-giam-sat.docx": "fatherland-front",
    "party-ban-tu-kiem-diem-mau10.docx": "party",
    "party-chibo-nghi-quyet-mau13.docx": "party",
    "party-chibo-tong-hop-y-kien-mau12.docx": "party",
    "party-dang-uy-giay-gioi-thieu.docx": "party",
    "party-danh-sach-dang-vien.docx": "party",
    "party-ly-lich-t63.docx": "other",
    "state-bien-ban-hop-lop.docx": "state",
    "state-nghi-dinh-30-2020.docx": "state",
}


def test_every_corpus_file_is_pinned() -> None:
    """The table covers every file of the corpus copy."""
    assert sorted(CLASSES) == sorted(p.name for p in CORPUS.glob("*.docx"))


@pytest.mark.parametrize("name", sorted(CLASSES))
def test_class_read_from_the_header(name: str) -> None:
    """Each real file is recognised as Party, State, Fatherland Front, Youth Union or other."""
    result = check_docx(CORPUS / name)
    assert result.document_class == CLASSES[name]
    has_profile = CLASSES[name] in ("party", "state")
    assert result.checked is has_profile
    if not has_profile:
        assert result.findings == () and result.not_evaluated == ()


@pytest.mark.parametrize(
    "name", [n for n, c in CLASSES.items() if c in ("youth-union", "fatherland-front", "other")]
)
def test_not_checked_exit_3_with_one_line(name: str) -> None:
    """A class kehoach has no profile for: one line saying so, no findings, exit 3."""
    out = io.StringIO()
    assert run_check_command([CORPUS / name], out=out) == 3
    lines = out.getvalue().strip().splitlines()
    assert len(lines) == 3 and "KHÔNG KIỂM TRA" in lines[2]
    out = io.StringIO()
    assert run_check_command([CORPUS / name], fmt="json", lang="en", out=out) == 3
    data = json.loads(out.getvalue())
    assert data["exit_code"] == 3 and data["files"][0]["status"] == "not-checked"
    assert data["files"][0]["document_class"]["id"] == CLASSES[name]


def test_most_serious_exit_code_wins() -> None:
    """A checked file with errors and a not-checked one: exit 1."""
    files = [CORPUS / "doan-nghi-quyet.docx", CORPUS / "party-danh-sach-dang-vien.docx"]
    assert run_check_command(files, out=io.StringIO()) == 1


def test_decree_30_passes_its_own_state_profile() -> None:
    """Nghị định 30/2020 under the State profile: its margins, sizes and TM. signature pass."""
    result = check_docx(CORPUS / "state-nghi-dinh-30-2020.docx")
    assert result.profile_id == "state-2020"
    rules = set(result.rule_ids)
    passing = {
        "F-MARGIN-1", "F-PAPER-1", "F-ORG-2", "F-TYPE-2", "F-SUBJ-1", "F-BODY-1",
        "F-SIGN-2", "F-SIGN-3", "F-SIGN-6", "F-RECIP-2", "F-DATE-3", "F-TITLE-4",
    }  # fmt: skip
    assert not rules & passing
    # What remains was reviewed: the chapter label and title lines "Chương I" / "QUY ĐỊNH
    # CHUNG" without 6 pt between them (S-15), a paragraph stored decomposed (F-FONT-2),
    # and white text "[ (Đã ký)" in the signature (F-FONT-1: black).
    assert rules == {"F-BODY-4", "F-FONT-2", "F-FONT-1"}


def test_decree_30_under_the_party_profile_gets_the_state_differences() -> None:
    """Forcing the Party profile on the decree still reports the State forms (TM., Quốc hiệu)."""
    result = check_docx(CORPUS / "state-nghi-dinh-30-2020.docx", profile="party-2026")
    assert {"F-TITLE-1", "F-TITLE-4", "F-SIGN-2"} <= set(result.rule_ids)
