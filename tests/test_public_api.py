"""The public API: every name in kehoach.__all__ resolves, and the typed package ships."""

from __future__ import annotations

import importlib

import kehoach


def test_every_public_name_resolves():
    """Each name of kehoach.__all__ can be imported (lazy names included)."""
    for name in kehoach.__all__:
        assert getattr(kehoach, name) is not None, name


def test_lazy_names_are_the_defining_modules_objects():
    """A lazily loaded name is the very object of the module that defines it."""
    for name, module in kehoach._LAZY.items():
        assert getattr(kehoach, name) is getattr(importlib.import_module(module), name)


def test_unknown_name_is_an_attribute_error():
    """A misspelt name raises AttributeError, as for any module."""
    try:
        kehoach.load_plans  # type: ignore[attr-defined]  # noqa: B018
    except AttributeError as exc:
        assert "load_plans" in str(exc)
    else:
        raise AssertionError("no AttributeError")
