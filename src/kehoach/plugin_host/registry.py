"""Plan types: typed, frozen descriptors and the registry plugins add them to.

A plan type is a kind of plan staff write, keyed by work area (``tuyen-giao``,
``dan-van``, ``khoa-giao``), never by the name of a Ban (the Bans changed in 2025,
the work did not). It carries what ``kehoach new`` needs to write a starting plan:
the title, the usual sections (:class:`SkeletonArea`), the default implementing units
and recipients (patterns resolved for the issuing body and year by
:class:`~kehoach.orgs.Organization`), and its own review checks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Union

from kehoach.orgs import Organization
from kehoach.plugin_host.errors import DuplicatePlanTypeError, UnknownPlanTypeError

if TYPE_CHECKING:
    from kehoach.model import Plan
    from kehoach.review import PlanWarning

TYPE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

NamesRule = Union[Sequence[str], Callable[[Organization], Sequence[str]]]  # noqa: UP007
"""Names as patterns (``"{tuyen_giao}"``, see :meth:`Organization.fields`) or a function."""

PlanCheck = Callable[["Plan"], Iterable["PlanWarning"]]
"""A plan type's own review check."""

StarterFn = Callable[["PlanType", Organization], "Plan"]
"""Builds a starting plan (default: :func:`kehoach.starter.starting_plan`)."""


@dataclass(frozen=True)
class SkeletonArea:
    """One usual section of a plan type (a "1.x." area of the objectives).

    Attributes:
        id: A stable id, e.g. ``"dan-van-kheo"``.
        title: The area's title as plans write it.
        hint: What staff write there; ``kehoach new`` puts it in square brackets.
        keywords: Words (any case) whose presence shows a plan covers the area; the
            review warns (``P-AREA-1``) when none appears. Empty: never warn.
    """

    id: str
    title: str
    hint: str
    keywords: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not TYPE_ID.match(self.id):
            raise ValueError(f"area id {self.id!r} must be lower-case words joined by '-'")
        if not self.title.strip():
            raise ValueError(f"area {self.id!r} has an empty title")


@dataclass(frozen=True)
class PlanType:
    """A kind of plan, contributed by a plugin (frozen: plugins cannot change each other's).

    Attributes:
        id: ``"tuyen-giao"``: lower-case words joined by ``-``; plan files name it in
            ``plan_type``.
        name: Display name, e.g. ``"Công tác tuyên giáo"``.
        name_en: English display name, e.g. ``"Propaganda and education work"``.
        title_pattern: The full title with ``{year}``:
            ``"Kế hoạch công tác dân vận năm {year}"``; it starts with ``type_name``.
        areas: The usual sections, in order.
        units: The default implementing units (section "Tổ chức thực hiện"), the
            lead unit first: patterns such as ``"{dan_van}"`` or a function of the
            :class:`~kehoach.orgs.Organization`.
        recipients: The default Nơi nhận, same forms as ``units``.
        checks: The type's own review checks, run on plans of this type.
        description: One sentence on what plans of this type cover.
        type_name: The document type, ``"Kế hoạch"``.
        starter: Builds the starting plan; ``None`` uses the standard one.
        sections: The starting body as data in the version 2 shape (a list of
            ``{"title": …, "content": [blocks]}`` mappings, as a plan file writes
            ``sections``); text may use the fields of the organisation
            (``{lead}``, ``{committee}``, ``{org}``, ``{year}``) and ``[hints]`` to
            fill. Empty: the standard body built from ``areas``.
    """

    id: str
    name: str
    name_en: str
    title_pattern: str
    areas: tuple[SkeletonArea, ...]
    units: NamesRule = ()
    recipients: NamesRule = ()
    checks: tuple[PlanCheck, ...] = ()
    description: str = ""
    type_name: str = "Kế hoạch"
    starter: StarterFn | None = None
    sections: tuple[Mapping[str, Any], ...] = ()

    def __post_init__(self) -> None:
        if not TYPE_ID.match(self.id):
            raise ValueError(
                f"plan type id {self.id!r} must be lower-case words joined by '-' (tuyen-giao)"
            )
        if "{year}" not in self.title_pattern:
            raise ValueError(f"title_pattern of {self.id!r} must contain {{year}}")
        if not self.title_pattern.startswith(f"{self.type_name} "):
            raise ValueError(f"title_pattern of {self.id!r} must start with {self.type_name!r}")
        if not self.areas:
            raise ValueError(f"plan type {self.id!r} needs at least one area")
        ids = [a.id for a in self.areas]
        if len(set(ids)) != len(ids):
            raise ValueError(f"plan type {self.id!r} has two areas with the same id")
        for rule in (self.units, self.recipients):
            if isinstance(rule, str):
                raise TypeError(f"plan type {self.id!r}: units/recipients must be a sequence")

    def title(self, year: int) -> str:
        """ "Kế hoạch công tác dân vận năm 2027"."""
        return self.title_pattern.format(year=year)

    def subject(self, year: int) -> str:
        """The trích yếu: the title without the type name, "công tác dân vận năm 2027"."""
        return self.title(year).removeprefix(self.type_name).strip()

    def default_units(self, org: Organization) -> tuple[str, ...]:
        """The implementing units for ``org``, lead unit first, without repeats."""
        return _resolve(self.units, org)

    def default_recipients(self, org: Organization) -> tuple[str, ...]:
        """The Nơi nhận lines for ``org``, without repeats."""
        return _resolve(self.recipients, org)


def _resolve(rule: NamesRule, org: Organization) -> tuple[str, ...]:
    names = rule(org) if callable(rule) else [p.format(**org.fields()) for p in rule]
    return tuple(dict.fromkeys(n for n in names if n))


class PlanTypeRegistry:
    """The plan types of the loaded plugins, keyed by id; each remembers its plugin.

    Plugins receive one in ``kehoach_register_plan_types(registry)`` and call
    :meth:`add`. Adding an id twice raises :class:`~kehoach.DuplicatePlanTypeError`.
    """

    def __init__(self) -> None:
        self._types: dict[str, PlanType] = {}
        self._providers: dict[str, str | None] = {}
        self._current: str | None = None

    @contextmanager
    def registering(self, plugin: str | None) -> Iterator[PlanTypeRegistry]:
        """Attribute the types added inside the block to ``plugin`` (used by the manager)."""
        previous, self._current = self._current, plugin
        try:
            yield self
        finally:
            self._current = previous

    def add(self, plan_type: PlanType) -> None:
        """Register ``plan_type``.

        Raises:
            TypeError: ``plan_type`` is not a :class:`PlanType`.
            kehoach.DuplicatePlanTypeError: its id is already registered.
        """
        if not isinstance(plan_type, PlanType):
            raise TypeError(f"expected a PlanType, got {type(plan_type).__name__}")
        if plan_type.id in self._types:
            raise DuplicatePlanTypeError(plan_type.id, self._providers[plan_type.id], self._current)
        self._types[plan_type.id] = plan_type
        self._providers[plan_type.id] = self._current

    def get(self, type_id: str) -> PlanType:
        """The plan type ``type_id``.

        Raises:
            kehoach.UnknownPlanTypeError: listing the known ids.
        """
        try:
            return self._types[type_id]
        except KeyError:
            raise UnknownPlanTypeError(type_id, self.ids()) from None

    def find(self, type_id: str) -> PlanType | None:
        """The plan type ``type_id``, or ``None``."""
        return self._types.get(type_id)

    def provider(self, type_id: str) -> str | None:
        """The name of the plugin that registered ``type_id``."""
        return self._providers.get(type_id)

    def ids(self) -> list[str]:
        """The registered ids, sorted."""
        return sorted(self._types)

    def __iter__(self) -> Iterator[PlanType]:
        return iter(self._types[i] for i in self.ids())

    def __len__(self) -> int:
        return len(self._types)

    def __contains__(self, type_id: object) -> bool:
        return type_id in self._types


__all__ = ["NamesRule", "PlanCheck", "PlanType", "PlanTypeRegistry", "SkeletonArea", "StarterFn"]
