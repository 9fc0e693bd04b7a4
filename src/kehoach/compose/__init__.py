"""Compose documents: model → every text written out, numbered and formatted (no DOCX)."""

from kehoach.compose.body import BodyWriter, table_data
from kehoach.compose.document import (
    AppendixPart,
    Block,
    Cell,
    ComposedDocument,
    Para,
    ParagraphRole,
    Run,
    TableData,
)
from kehoach.compose.frame import citation, document_codes, frame_document, recipient_lines
from kehoach.compose.plan import compose_plan
from kehoach.compose.profile import resolve_profile

__all__ = [
    "AppendixPart",
    "Block",
    "BodyWriter",
    "Cell",
    "ComposedDocument",
    "Para",
    "ParagraphRole",
    "Run",
    "TableData",
    "citation",
    "compose_plan",
    "document_codes",
    "frame_document",
    "recipient_lines",
    "resolve_profile",
    "table_data",
]
