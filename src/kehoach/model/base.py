"""Base class of every user-data model."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class KModel(BaseModel):
    """Strict, immutable-by-convention user data: a misspelt key is an error."""

    model_config = ConfigDict(
        extra="forbid",
        validate_default=False,
        populate_by_name=True,
        use_attribute_docstrings=False,
        defer_build=True,
    )
