"""The Curriculum object: every checked item, by kind and id, with the files behind them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import model as m
from .errors import Problem
from .loader import Document


@dataclass
class Curriculum:
    """Everything the site, the PDFs and the exports are made from."""

    root: Path
    programme: m.Programme
    sessions: dict[str, m.Session] = field(default_factory=dict)
    delegate_sessions: dict[str, m.Session] = field(default_factory=dict)
    """Sessions of Unit 2, the course for Geneva delegates (course: unit-2)."""
    quizzes: dict[str, m.Quiz] = field(default_factory=dict)
    modules: dict[str, m.Module] = field(default_factory=dict)
    chapters: dict[str, m.Chapter] = field(default_factory=dict)
    indicators: dict[str, m.Indicator] = field(default_factory=dict)
    policies: dict[str, m.Policy] = field(default_factory=dict)
    runs: dict[str, m.Run] = field(default_factory=dict)
    national: dict[str, m.NationalActivity] = field(default_factory=dict)
    handouts: dict[str, m.Handout] = field(default_factory=dict)
    glossary: m.Glossary | None = None
    checklist: m.Checklist | None = None
    measures: m.Measures | None = None
    briefing: m.Briefing | None = None
    source_hosts: m.SourceHosts | None = None
    documents: dict[tuple[str, str], Document] = field(default_factory=dict)
    objects: dict[tuple[str, str], Any] = field(default_factory=dict)
    """Every loaded object by (kind, id), the same objects as in the fields above."""
    broken: dict[str, set[str]] = field(default_factory=dict)
    """Ids, by kind, of files that exist but could not be loaded or validated."""
    warnings: list[Problem] = field(default_factory=list)

    def document(self, kind: str, ident: str = "") -> Document:
        """The loaded file behind an object, for placing a problem."""
        return self.documents[(kind, ident)]

    @property
    def measure_types(self) -> dict[str, m.MeasureType]:
        """Every measure type of the map, by id."""
        if not self.measures:
            return {}
        return {t.id: t for c in self.measures.categories for t in c.types}

    @property
    def objectives(self) -> dict[str, m.Objective]:
        """Every learning objective of sessions and lessons, by id."""
        out = {o.id: o for s in self.sessions.values() for o in s.objectives}
        for mod in self.modules.values():
            out.update({o.id: o for lesson in mod.lessons for o in lesson.objectives})
        return out

    @property
    def glossary_terms(self) -> list[m.GlossaryTerm]:
        """Every glossary term, in file order."""
        return list(self.glossary.terms) if self.glossary else []
