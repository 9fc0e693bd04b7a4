"""Block kinds added by plugins: validated like kehoach's own, written by the plugin.

A plugin answers ``kehoach_block_kinds`` with :class:`BlockKind` objects: the key that
names the kind in a plan file, a pydantic model for its value, and a function that
writes it. While a plan is validated with a plugin manager (``load_plan(...,
plugin_manager=pm)``) those kinds are active (:func:`block_kinds`): a block ``{key:
value}`` naming one becomes a :class:`PluginBlock`, which remembers its kind, so
rendering needs no plugin manager.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Protocol

from pydantic import (
    BaseModel,
    Field,
    PrivateAttr,
    ValidationError,
    model_serializer,
    model_validator,
)
from pydantic_core import PydanticCustomError

from kehoach.messages import word_error
from kehoach.model.base import KModel

RESERVED = frozenset(
    {"section", "bullet", "table", "label", "numbered", "quote", "tasks", "budget", "text"}
)
"""Keys of kehoach's own kinds: a plugin cannot take them."""


class BlockOutput(Protocol):
    """What a plugin's writer may add to the document (inline marks allowed in text)."""

    def paragraph(self, text: str, *, bold: bool = False, italic: bool = False) -> None:
        """A body paragraph."""

    def bullet(self, text: str, depth: int = 1) -> None:
        """A "- " (depth 1) or "+ " (depth 2) item."""

    def heading(self, title: str) -> None:
        """A numbered heading at the block's level."""


@dataclass(frozen=True)
class BlockKind:
    """A block kind contributed by a plugin.

    Attributes:
        key: The key naming the kind in a plan file (``slogan:``), lower-case.
        model: The pydantic model its value is validated with (``extra="forbid"``
            advised, Vietnamese field descriptions).
        write: ``write(value, out)`` writes the validated value through ``out``
            (:class:`BlockOutput`).
    """

    key: str
    model: type[BaseModel]
    write: Callable[[Any, BlockOutput], None]

    def __post_init__(self) -> None:
        if self.key in RESERVED or not self.key.isidentifier() or self.key != self.key.lower():
            raise ValueError(
                f"block kind {self.key!r} must be a new lower-case key, not one of kehoach's"
            )


_ACTIVE: ContextVar[Mapping[str, BlockKind] | None] = ContextVar(
    "kehoach_block_kinds", default=None
)


@contextmanager
def block_kinds(kinds: Iterable[BlockKind]) -> Iterator[None]:
    """Make ``kinds`` known to plan validation inside the ``with`` block."""
    token = _ACTIVE.set({kind.key: kind for kind in kinds})
    try:
        yield
    finally:
        _ACTIVE.reset(token)


def active_kind(key: str) -> BlockKind | None:
    """The plugin kind named ``key`` in the current validation, if any."""
    return (_ACTIVE.get() or {}).get(key)


def _located(exc: ValidationError, key: str) -> PydanticCustomError:
    # The plugin model's first problem, at its place under the block's key (the loader
    # turns ctx "at" into the file's line).
    first = exc.errors(include_url=False)[0]
    vi, en = word_error(dict(first))
    return PydanticCustomError(
        "kehoach.code",
        "{message_en}",
        {"message_vi": vi, "message_en": en, "at": (key, *first["loc"])},
    )


class PluginBlock(KModel):
    """A block of a plugin's kind; written in a plan file as ``{key: value}``."""

    kind: str = Field(description="Tên khối do plugin định nghĩa")
    value: Any = Field(description="Nội dung khối, theo mẫu của plugin")
    _block_kind: BlockKind | None = PrivateAttr(default=None)

    @model_validator(mode="before")
    @classmethod
    def _from_key(cls, data: Any) -> Any:
        if isinstance(data, dict) and len(data) == 1:
            ((key, value),) = data.items()
            kind = active_kind(str(key))
            if kind is not None:
                try:
                    return {"kind": key, "value": kind.model.model_validate(value)}
                except ValidationError as exc:
                    raise _located(exc, str(key)) from None
        return data

    @model_validator(mode="after")
    def _remember_kind(self) -> PluginBlock:
        self._block_kind = active_kind(self.kind)
        return self

    @model_serializer
    def _as_written(self) -> dict[str, Any]:
        value = self.value.model_dump() if isinstance(self.value, BaseModel) else self.value
        return {self.kind: value}

    def write(self, out: BlockOutput) -> None:
        """Write the block with its plugin's writer."""
        if self._block_kind is not None:
            self._block_kind.write(self.value, out)


__all__ = ["RESERVED", "BlockKind", "BlockOutput", "PluginBlock", "active_kind", "block_kinds"]
