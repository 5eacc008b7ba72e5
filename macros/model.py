"""The curriculum model: one typed class per YAML kind, every field documented.

The descriptions written here are shown to trainers three times: in editor
autocompletion (through the JSON Schemas in curriculum/schema/), in the field
reference of the contributor guide, and in validation messages.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .countries import COUNTRIES

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"


Id = Annotated[str, Field(pattern=ID_PATTERN, min_length=1, max_length=60)]
Text = Annotated[str, Field(min_length=1)]
URL_PATTERN = r"^https?://[^\s<>\"'`]+$"
Url = Annotated[str, Field(pattern=URL_PATTERN, max_length=2000)]

Agreement = Literal[
    "Marrakesh",
    "GATT",
    "GATS",
    "TFA",
    "TBT",
    "SPS",
    "TRIPS",
    "AoA",
    "GPA",
    "Fisheries",
    "DSU",
    "TPRM",
    "Aid for Trade",
    "E-commerce",
]
"""WTO agreements and work areas a piece of content can touch."""

AGREEMENT_NAMES: dict[str, str] = {
    "Marrakesh": "Marrakesh Agreement establishing the WTO",
    "GATT": "General Agreement on Tariffs and Trade (GATT 1994)",
    "GATS": "General Agreement on Trade in Services (GATS)",
    "TFA": "Trade Facilitation Agreement (TFA)",
    "TBT": "Agreement on Technical Barriers to Trade (TBT)",
    "SPS": "Agreement on Sanitary and Phytosanitary Measures (SPS)",
    "TRIPS": "Agreement on Trade-Related Aspects of Intellectual Property Rights (TRIPS)",
    "AoA": "Agreement on Agriculture",
    "GPA": "Agreement on Government Procurement (GPA)",
    "Fisheries": "Agreement on Fisheries Subsidies",
    "DSU": "Dispute Settlement Understanding",
    "TPRM": "Trade Policy Review Mechanism",
    "Aid for Trade": "Aid for Trade initiative",
    "E-commerce": "Work Programme on Electronic Commerce",
}


class Strict(BaseModel):
    """Base of every curriculum object: unknown fields are errors."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=False)

    TRANSLATE: ClassVar[tuple[str, ...]] = ()
    """Fields whose text is translated (French, Spanish catalogues under locale/); never
    ids, addresses, numbers or fixed choices."""


class Source(Strict):
    """Where a fact comes from."""

    title: Text = Field(description="Citation: author or publisher, title and date of the source.")
    url: Url | None = Field(
        default=None, description="Web address of the source (https://...), when it has one."
    )


Sources = Annotated[list[Source], Field(description="Sources of the facts stated here.")]


class Section(Strict):
    """A titled block of course text."""

    TRANSLATE: ClassVar[tuple[str, ...]] = ("title", "body")

    id: Id = Field(description="Short stable id, used as the heading anchor (e.g. gatt).")
    title: Text = Field(description="Heading shown above the text.")
    body: Text = Field(
        description="The text, in Markdown. Paragraphs are separated by a blank line."
    )
    sources: list[Source] = Field(
        default_factory=list, description="Sources of the facts stated in this section."
    )


Level = Literal["remember", "understand", "apply", "analyse", "evaluate"]
"""Cognitive level (Bloom, revised) of an objective or a question."""

LEVELS: tuple[str, ...] = ("remember", "understand", "apply", "analyse", "evaluate")
"""The levels from lowest to highest; a question at or above an objective's level assesses it."""


class Objective(Strict):
    """A learning objective that quiz questions can assess."""

    TRANSLATE: ClassVar[tuple[str, ...]] = ("text",)

    id: Id = Field(description="Stable id, e.g. s4-o1; quiz questions name it in 'objective'.")
    text: Text = Field(description="What the learner can do afterwards, starting with a verb.")
    level: Level = Field(
        description="What the objective asks of the learner: remember (recall a fact), "
        "understand (explain, classify), apply (choose an action in a case), analyse "
        "(diagnose a case) or evaluate (judge between defensible options). At least two "
        "questions at this level or higher must assess it."
    )


class Reading(Strict):
    """A reading recommended to participants."""

    title: Text = Field(description="Title of the reading.")
    publisher: Text = Field(description="Who published it.")
    year: int | None = Field(default=None, ge=1947, le=2100, description="Year of publication.")
    url: Url | None = Field(default=None, description="Web address (https://...).")


ActivityType = Literal[
    "presentation",
    "discussion",
    "group-work",
    "case-study",
    "sharing",
    "role-play",
    "reflection",
    "quiz",
]


class Activity(Strict):
    """A timed activity inside a session."""

    TRANSLATE: ClassVar[tuple[str, ...]] = ("title", "instructions", "materials")

    title: Text = Field(description="Name of the activity.")
    type: ActivityType = Field(description="Kind of activity.")
    minutes: int = Field(ge=1, le=240, description="Time the activity takes, in minutes.")
    instructions: Text = Field(description="What participants do, step by step (Markdown).")
    materials: list[Text] = Field(
        default_factory=list, description="What the trainer prepares (handouts, slides...)."
    )
    handouts: list[Id] = Field(
        default_factory=list,
        description="Ids of handouts or rubrics in curriculum/handouts/ that the activity uses; "
        "the trainer edition links to them.",
    )
    action_note: Text | None = Field(
        default=None,
        description="What participants write in their take-home action note after this "
        "activity (one prompt); the session page then shows the note's form. At most one "
        "activity per session.",
    )


ToolId = Literal["guidebook", "indicators", "checklist", "measures", "policies"]


Course = Literal["unit-1", "unit-2"]


class Session(Strict):
    """A session of the 2-day course or of the delegates' course (curriculum/sessions/<id>.yml)."""

    TRANSLATE: ClassVar[tuple[str, ...]] = ("title", "summary", "key_messages", "trainer_notes")

    id: Id = Field(
        description="Session id, equal to the file name: s1, s2 ... (d1, d2 ... for delegates)"
    )
    course: Course = Field(
        default="unit-1",
        description="Course the session belongs to: unit-1 (the 2-day course, listed under "
        "order: sessions) or unit-2 (the course for Geneva delegates, listed under delegates: "
        "days in programme.yml).",
    )
    number: int = Field(ge=1, le=999, description="Position in its course: 1, 2, 3 ...")
    title: Text = Field(description="Title of the session.")
    day: int = Field(ge=1, le=2, description="Day of its course: 1 or 2.")
    duration: int = Field(ge=15, le=480, description="Length of the session, in minutes.")
    summary: Text = Field(description="Two or three sentences on what the session covers.")
    objectives: list[Objective] = Field(
        min_length=1, description="Learning objectives, each with an id."
    )
    key_messages: list[Text] = Field(
        min_length=1, description="The messages participants should take away."
    )
    sections: list[Section] = Field(
        min_length=3, description="The content of the session: at least three sections."
    )
    activities: list[Activity] = Field(
        min_length=1, description="Timed activities; their minutes appear in the trainer edition."
    )
    trainer_notes: list[Text] = Field(
        min_length=1, description="Facilitation notes, shown only in the trainer edition."
    )
    agreements: list[Agreement] = Field(
        default_factory=list, description="WTO agreements the session touches."
    )
    readings: list[Reading] = Field(default_factory=list, description="Recommended readings.")
    quiz: Id | None = Field(
        default=None, description="Id of the end-of-session quiz in quizzes/ (e.g. s4)."
    )
    tools: list[ToolId] = Field(
        default_factory=list, description="Policy tools this session uses and links to."
    )

    @model_validator(mode="after")
    def _activity_minutes(self) -> Session:
        total = sum(a.minutes for a in self.activities)
        if total != self.duration:
            raise ValueError(
                f"duration: activities add up to {total} minutes but duration is "
                f"{self.duration}; "
                "change the activity minutes or the duration so that they match"
            )
        return self


class AgendaBreak(Strict):
    """A break in the agenda, placed after a session."""

    TRANSLATE: ClassVar[tuple[str, ...]] = ("title",)

    after: Id = Field(description="Id of the session the break follows.")
    minutes: int = Field(ge=5, le=120, description="Length of the break, in minutes.")
    title: Text = Field(description="Name shown in the agenda (e.g. Lunch).")


class Agenda(Strict):
    """How the 2-day timetable is computed from session durations."""

    day_start: str = Field(pattern=TIME_PATTERN, description="Start time of each day, HH:MM.")
    breaks: list[AgendaBreak] = Field(
        default_factory=list, description="Breaks, each placed after a session."
    )


class Cadence(Strict):
    """When a unit runs."""

    TRANSLATE: ClassVar[tuple[str, ...]] = ("text",)

    runs_per_year: int | None = Field(
        default=None, ge=0, le=12, description="How many runs a year (empty if on request)."
    )
    months: list[int] = Field(
        default_factory=list, description="Months (1-12) in which runs take place."
    )
    text: Text = Field(description="The cadence in words.")


class Unit(Strict):
    """One of the four units of the programme."""

    TRANSLATE: ClassVar[tuple[str, ...]] = ("title", "audience", "description")

    id: Id = Field(description="Unit id: unit-1 ... unit-4.")
    number: int = Field(ge=1, le=9, description="Unit number.")
    title: Text = Field(description="Name of the unit.")
    audience: Text = Field(description="Who the unit is for.")
    description: Text = Field(description="What the unit is and how it is delivered (Markdown).")
    cadence: Cadence = Field(description="When the unit runs.")
    sources: Sources = Field(default_factory=list)


class Phase(Strict):
    """A phase of the implementation plan."""

    TRANSLATE: ClassVar[tuple[str, ...]] = ("period", "action")

    number: int = Field(ge=1, le=12, description="Phase number.")
    period: Text = Field(description="When the phase takes place, in words.")
    action: Text = Field(description="What happens in the phase.")
    note: Text | None = Field(
        default=None,
        description="A remark on the phase, e.g. that its period is given as printed in the "
        "strategy although it is garbled or overlaps another phase.",
    )


class Order(Strict):
    """The order in which items appear on the site and in the PDFs."""

    sessions: list[Id] = Field(min_length=1, description="Session ids in course order.")
    modules: list[Id] = Field(default_factory=list, description="E-learning module ids in order.")
    guidebook: list[Id] = Field(default_factory=list, description="Guidebook chapter ids in order.")


class CourseDay(Strict):
    """One day of the delegates' course."""

    sessions: list[Id] = Field(min_length=1, description="Session ids of the day, in order.")


class DelegateCourse(Strict):
    """The plan of Unit 2, the course for Geneva delegates."""

    title: Text = Field(description="Name of the delegates' course.")
    summary: Text = Field(description="What the course is and how it differs (Markdown).")
    day_start: str = Field(pattern=TIME_PATTERN, description="Start time of each day, HH:MM.")
    days: list[CourseDay] = Field(
        min_length=1,
        description="The days, each listing its sessions: Unit 1 sessions reused as they are "
        "and sessions written for delegates (course: unit-2).",
    )
    breaks: list[AgendaBreak] = Field(
        default_factory=list, description="Breaks, each placed after a session."
    )
    sources: Sources = Field(default_factory=list)


class Programme(Strict):
    """The programme as a whole (curriculum/programme.yml)."""

    TRANSLATE: ClassVar[tuple[str, ...]] = (
        "title",
        "summary",
        "objectives",
        "participants",
        "selection",
        "delivery",
        "evaluation",
        "follow_up",
    )

    title: Text = Field(description="Name of the programme.")
    summary: Text = Field(description="One paragraph introducing the programme (Markdown).")
    strategy_ends: int | None = Field(
        default=None,
        ge=2000,
        le=2100,
        description="Last year covered by the current strategy (2026). Runs in later years "
        "stay 'planned' until a new strategy is adopted.",
    )
    background: list[Section] = Field(
        default_factory=list, description="How the programme came about, with sources."
    )
    objectives: list[Text] = Field(min_length=1, description="Objectives of the training.")
    units: list[Unit] = Field(min_length=1, description="The units of the programme.")
    evaluation_months: list[int] = Field(
        default_factory=list, description="Months (1-12) kept for evaluation."
    )
    participants: Text = Field(description="Who may attend (Markdown).")
    selection: Text = Field(description="How participants are selected (Markdown).")
    class_size: int = Field(ge=1, le=20, description="Largest class: 20 at most.")
    delivery: Text = Field(description="How the training is delivered (Markdown).")
    phases: list[Phase] = Field(min_length=1, description="Implementation phases.")
    evaluation: Text = Field(description="How the training is evaluated (Markdown).")
    follow_up: list[Text] = Field(min_length=1, description="Follow-up with former trainees.")
    agenda: Agenda = Field(description="How the 2-day agenda is computed.")
    pass_mark: int = Field(
        ge=1,
        le=100,
        description="Percentage of questions answered right that passes a quiz; the one pass "
        "mark of every quiz and every module.",
    )
    delegates: DelegateCourse | None = Field(
        default=None, description="The plan of Unit 2, the course for Geneva delegates."
    )
    order: Order = Field(description="Order of sessions, modules and guidebook chapters.")
    sources: Sources = Field(default_factory=list)


class GlossaryTerm(Strict):
    """A term defined in the glossary."""

    TRANSLATE: ClassVar[tuple[str, ...]] = ("term", "definition", "aliases")

    id: Id = Field(description="Stable id of the term, used as its anchor.")
    term: Text = Field(description="The term as it appears in text.")
    definition: Text = Field(description="Plain-language definition, one or two sentences.")
    aliases: list[Text] = Field(
        default_factory=list, description="Other spellings that should link to the term."
    )
    sources: Sources = Field(default_factory=list)


class Glossary(Strict):
    """The glossary (curriculum/glossary.yml)."""

    terms: list[GlossaryTerm] = Field(min_length=1, description="The terms, in any order.")


# ---------------------------------------------------------------- quizzes

QuestionType = Literal["single", "multiple", "true-false", "scenario"]


class Option(Strict):
    """One answer option of a question."""

    TRANSLATE: ClassVar[tuple[str, ...]] = ("text", "feedback")

    text: Text = Field(description="The option as shown to the learner.")
    correct: bool = Field(default=False, description="true for a correct option.")
    feedback: Text = Field(description="Why this option is right or wrong.")


class Question(Strict):
    """A quiz question."""

    TRANSLATE: ClassVar[tuple[str, ...]] = ("prompt", "scenario", "explanation")

    id: Id = Field(description="Id of the question, unique inside its quiz.")
    type: QuestionType = Field(
        description="single, multiple (select all that apply), true-false or scenario."
    )
    prompt: Text = Field(description="The question.")
    scenario: Text | None = Field(
        default=None, description="For scenario questions: the policy case, read first."
    )
    select: Literal["single", "multiple"] = Field(
        default="single", description="For scenario questions: one answer or several."
    )
    options: list[Option] = Field(min_length=2, description="At least two answer options.")
    explanation: Text = Field(description="Explanation shown after answering.")
    teaches: Text = Field(
        description="Where the answer is taught: a session or lesson id, optionally with "
        "a section (s4#gatt, intro/why-not-neutral#pink-tariff)."
    )
    objective: Id = Field(description="Id of the objective it assesses (e.g. s4-o2).")
    level: Level = Field(
        description="What answering needs: remember (the answer is a recalled fact), "
        "understand (classify or explain), apply (choose an action in a case), analyse "
        "(diagnose a case among plausible explanations) or evaluate (judge between "
        "defensible options)."
    )

    @model_validator(mode="after")
    def _rules(self) -> Question:
        texts = [o.text.casefold() for o in self.options]
        duplicate = next((t for t in texts if texts.count(t) > 1), None)
        if duplicate:
            raise ValueError(f"options must be unique; '{duplicate}' appears twice")
        correct = sum(o.correct for o in self.options)
        single = self.type in ("single", "true-false") or (
            self.type == "scenario" and self.select == "single"
        )
        if single and correct != 1:
            kind = {"single": "single-choice", "scenario": "single-answer scenario"}.get(
                self.type, self.type
            )
            raise ValueError(
                f"a {kind} question needs exactly one option with correct: true, found {correct}"
            )
        if not single and correct < 1:
            raise ValueError("mark at least one option with correct: true")
        if self.type == "true-false" and len(self.options) != 2:
            raise ValueError("a true-false question has exactly two options")
        if self.type == "scenario" and not self.scenario:
            raise ValueError("a scenario question needs a 'scenario' text")
        return self


class Quiz(Strict):
    """A quiz bank (quizzes/<id>.yml)."""

    TRANSLATE: ClassVar[tuple[str, ...]] = ("title",)

    id: Id = Field(description="Quiz id, equal to the file name.")
    title: Text = Field(description="Title shown above the quiz.")
    draw: Literal["per-objective"] | None = Field(
        default=None,
        description="per-objective: the quiz is a pool, and each attempt shows one question "
        "per objective, drawn at random (without JavaScript every question shows).",
    )
    questions: list[Question] = Field(min_length=1, description="The questions, in order.")


# ---------------------------------------------------------------- e-learning


class Lesson(Strict):
    """A lesson of an e-learning module."""

    TRANSLATE: ClassVar[tuple[str, ...]] = ("title",)

    id: Id = Field(description="Lesson id, unique in the module; part of its web address.")
    title: Text = Field(description="Title of the lesson.")
    minutes: int = Field(ge=1, le=120, description="Expected study time, in minutes.")
    objectives: list[Objective] = Field(min_length=1, description="What the lesson teaches.")
    sections: list[Section] = Field(min_length=1, description="The lesson text.")
    quiz: Id = Field(description="Id of the lesson quiz in quizzes/.")


class Module(Strict):
    """An e-learning module (curriculum/elearning/<id>.yml)."""

    TRANSLATE: ClassVar[tuple[str, ...]] = ("title", "summary")

    id: Id = Field(description="Module id, equal to the file name (intro, climate-change...).")
    title: Text = Field(description="Title of the module.")
    kind: Literal["introductory", "thematic"] = Field(description="introductory or thematic.")
    version: Text = Field(description="Version of the module, shown on the completion record.")
    summary: Text = Field(description="What the module covers (Markdown).")
    prerequisite_for: Id | None = Field(
        default=None, description="Id of the unit this module is a prerequisite of (unit-1)."
    )
    lessons: list[Lesson] = Field(min_length=1, description="The lessons, in order.")
    final_quiz: Id | None = Field(default=None, description="Id of the final assessment quiz.")
    sources: Sources = Field(default_factory=list)


# ---------------------------------------------------------------- policy tools


class RuleNote(Strict):
    """How a WTO agreement bears on a policy area."""

    TRANSLATE: ClassVar[tuple[str, ...]] = ("text",)

    agreement: Agreement = Field(description="The agreement.")
    text: Text = Field(description="What the rules say and why it matters (Markdown).")


class PolicyOption(Strict):
    """A practical policy option."""

    TRANSLATE: ClassVar[tuple[str, ...]] = ("title", "steps")

    title: Text = Field(description="The option in a few words.")
    steps: list[Text] = Field(min_length=1, description="Practical steps to carry it out.")


class Example(Strict):
    """A real example from a country or region."""

    TRANSLATE: ClassVar[tuple[str, ...]] = ("text",)

    country: Text = Field(description="Country, region or organisation.")
    text: Text = Field(description="What was done.")
    sources: Sources = Field(min_length=1)


class Chapter(Strict):
    """A guidebook chapter (curriculum/guidebook/<id>.yml)."""

    TRANSLATE: ClassVar[tuple[str, ...]] = ("title", "summary")

    id: Id = Field(description="Chapter id, equal to the file name.")
    title: Text = Field(description="Title of the chapter.")
    summary: Text = Field(description="One paragraph on the policy area.")
    why_it_matters: Section = Field(description="Why the area matters for women, with sources.")
    wto_rules: list[RuleNote] = Field(min_length=1, description="The WTO rules involved.")
    policy_options: list[PolicyOption] = Field(min_length=1, description="Policy options.")
    examples: list[Example] = Field(default_factory=list, description="Country examples.")
    indicators: list[Id] = Field(default_factory=list, description="Ids of related indicators.")
    measures: list[Id] = Field(default_factory=list, description="Ids of related measure types.")
    sessions: list[Id] = Field(default_factory=list, description="Ids of related sessions.")


Frequency = Literal["annual", "biennial", "quarterly", "monthly", "per-run", "ad-hoc"]


class Indicator(Strict):
    """An indicator (curriculum/indicators/<id>.yml)."""

    TRANSLATE: ClassVar[tuple[str, ...]] = (
        "name",
        "definition",
        "computation",
        "unit",
        "disaggregation",
        "data_sources",
    )

    id: Id = Field(description="Indicator id, equal to the file name; starts with ind-.")
    name: Text = Field(description="Short name of the indicator.")
    definition: Text = Field(description="What it measures.")
    computation: Text = Field(description="How it is computed (numerator, denominator).")
    unit: Text = Field(description="Unit of measure (percent, number, USD...).")
    disaggregation: list[Text] = Field(min_length=1, description="Breakdowns (sex, age...).")
    data_sources: list[Text] = Field(min_length=1, description="Where the data come from.")
    frequency: Frequency = Field(description="How often it is measured.")
    agreements: list[Agreement] = Field(min_length=1, description="Related WTO agreements.")
    sessions: list[Id] = Field(min_length=1, description="Related session ids.")
    themes: list[Text] = Field(min_length=1, description="Themes used to filter the catalogue.")
    sdg_target: str | None = Field(
        default=None, pattern=r"^\d{1,2}\.[0-9a-z]{1,2}(\.\d)?$", description="SDG target, e.g. 5.5"
    )
    sources: Sources = Field(min_length=1)


class ScalePoint(Strict):
    """A point on the checklist's answer scale."""

    TRANSLATE: ClassVar[tuple[str, ...]] = ("label",)

    value: int = Field(ge=0, le=10, description="Score of the answer.")
    label: Text = Field(description="Answer as shown (e.g. Partly).")


class Band(Strict):
    """A score band of the checklist."""

    TRANSLATE: ClassVar[tuple[str, ...]] = ("label",)

    id: Id = Field(description="Band id (e.g. early, developing, advanced).")
    label: Text = Field(description="Name of the band.")
    min: int = Field(ge=0, le=100, description="Lowest percentage in the band.")
    max: int = Field(ge=0, le=100, description="Highest percentage in the band.")


class Recommendation(Strict):
    """What to do next, for a dimension in a score band."""

    TRANSLATE: ClassVar[tuple[str, ...]] = ("text",)

    band: Id = Field(description="Id of the band the recommendation is for.")
    text: Text = Field(description="The recommendation.")
    chapters: list[Id] = Field(default_factory=list, description="Guidebook chapters to read.")


class ChecklistItem(Strict):
    """A question of the self-assessment."""

    TRANSLATE: ClassVar[tuple[str, ...]] = ("text", "guidance")

    id: Id = Field(description="Item id, unique in the checklist.")
    text: Text = Field(description="The question, answerable on the scale.")
    guidance: Text | None = Field(default=None, description="What counts as a full answer.")


class Dimension(Strict):
    """A dimension of the self-assessment."""

    TRANSLATE: ClassVar[tuple[str, ...]] = ("title", "description")

    id: Id = Field(description="Dimension id.")
    title: Text = Field(description="Title of the dimension.")
    description: Text = Field(description="What the dimension looks at.")
    items: list[ChecklistItem] = Field(min_length=1, description="The questions.")
    recommendations: list[Recommendation] = Field(
        min_length=1, description="Recommendations per score band."
    )


class Checklist(Strict):
    """The self-assessment questionnaire and checklist (curriculum/checklist.yml)."""

    TRANSLATE: ClassVar[tuple[str, ...]] = ("title", "intro", "scoring")

    title: Text = Field(description="Title of the checklist.")
    intro: Text = Field(description="How to use it (Markdown).")
    scale: list[ScalePoint] = Field(min_length=2, description="The answer scale.")
    scoring: Text = Field(description="How scores are computed, in words.")
    bands: list[Band] = Field(min_length=1, description="Score bands.")
    dimensions: list[Dimension] = Field(min_length=1, description="The dimensions.")
    sources: Sources = Field(default_factory=list)


class MeasureType(Strict):
    """A type of trade measure for women's economic empowerment."""

    TRANSLATE: ClassVar[tuple[str, ...]] = ("title", "definition")

    id: Id = Field(description="Measure type id, used by policies and chapters.")
    title: Text = Field(description="Name of the measure type.")
    definition: Text = Field(description="What the measure type is.")
    examples: list[Example] = Field(default_factory=list, description="Real examples.")


class MeasureCategory(Strict):
    """A category of the map of measures."""

    TRANSLATE: ClassVar[tuple[str, ...]] = ("title", "description")

    id: Id = Field(description="Category id.")
    title: Text = Field(description="Name of the category.")
    description: Text = Field(description="What the category covers.")
    types: list[MeasureType] = Field(min_length=1, description="Measure types in the category.")


class Measures(Strict):
    """The map of trade measures (curriculum/measures.yml)."""

    TRANSLATE: ClassVar[tuple[str, ...]] = ("intro",)

    intro: Text = Field(description="Introduction to the map (Markdown).")
    categories: list[MeasureCategory] = Field(min_length=1, description="The categories.")
    sources: Sources = Field(default_factory=list)


HOST_PATTERN = r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$"


class SourceHost(Strict):
    """A web host that source addresses must not point to."""

    host: str = Field(
        max_length=253,
        description="Host name in lower case, without https:// (e.g. globebanner.com); "
        "its subdomains are refused too.",
        json_schema_extra={"pattern": HOST_PATTERN},
    )
    reason: Text = Field(
        max_length=200,
        description="Why it is refused, completing the sentence '<host> ...' "
        "(e.g. mirrors other sites' news).",
    )
    instead: Url = Field(
        description="Where to look for the original instead (e.g. https://www.wto.org/...)."
    )

    @field_validator("host")
    @classmethod
    def _host_name(cls, value: str) -> str:
        if not re.fullmatch(HOST_PATTERN, value):
            raise ValueError(
                f"'{value}' is not a host name; write it in lower case without https:// or a "
                "path, e.g. globebanner.com"
            )
        return value


class SourceHosts(Strict):
    """Hosts that sources must not cite (curriculum/source-hosts.yml)."""

    hosts: list[SourceHost] = Field(
        min_length=1, description="The refused hosts, each with its reason."
    )


# ---------------------------------------------------------------- data collection

MemberStatus = Literal["LDC", "developing", "developed", "observer"]
Region = Literal[
    "Africa",
    "Asia and the Pacific",
    "Europe",
    "Latin America and the Caribbean",
    "Middle East",
    "North America",
    "Central Asia",
]


CountryName = Annotated[str, Field(min_length=1, json_schema_extra={"enum": sorted(COUNTRIES)})]
"""A country or customs territory, spelt as in macros/countries.py."""


def _no_repeats(values: list, field: str) -> None:
    seen = set()
    for value in values:
        if value in seen:
            raise ValueError(f"'{value}' appears twice in '{field}'; list it once")
        seen.add(value)


class Policy(Strict):
    """A measure in the gender-responsive trade policy database: one entry per measure."""

    TRANSLATE: ClassVar[tuple[str, ...]] = ("title", "description", "beneficiaries")

    id: Id = Field(description="Policy id, equal to the file name (e.g. chile-mujer-exporta).")
    countries: list[CountryName] = Field(
        min_length=1,
        description="Every country or customs territory that took the measure (WTO members "
        "or observers); an agreement lists all its parties, once.",
    )
    member_status: list[MemberStatus] = Field(
        min_length=1,
        description="Status of the countries listed: LDC, developing, developed "
        "or observer, each once.",
    )
    region: list[Region] = Field(min_length=1, description="Regions of the countries, each once.")
    year: int | None = Field(
        default=None,
        ge=1947,
        le=2100,
        description="Year the measure was adopted, signed or launched; empty when no source "
        "gives it.",
    )
    title: Text = Field(max_length=300, description="Name of the policy (plain text).")
    measure_type: Id = Field(description="Id of a measure type from the map of measures.")
    wto_areas: list[Agreement] = Field(min_length=1, description="WTO areas it touches.")
    description: Text = Field(max_length=3000, description="What the policy does (plain text).")
    beneficiaries: Text = Field(max_length=500, description="Who benefits (plain text).")
    status: Literal["in force", "planned", "ended"] = Field(description="Status of the policy.")
    source_url: Url = Field(
        description="Web address of the government's or organisation's own page on the "
        "measure (a press report only when no official page exists)."
    )
    shared_in: Id | None = Field(
        default=None,
        description="Id of the course run in which a participant shared it; empty for entries "
        "compiled by the programme from public sources.",
    )
    sources: Sources = Field(default_factory=list)

    @model_validator(mode="after")
    def _lists(self) -> Policy:
        _no_repeats(self.countries, "countries")
        _no_repeats(self.member_status, "member_status")
        _no_repeats(self.region, "region")
        return self


Language = Literal["en", "fr", "es"]


RunStatus = Literal["planned", "confirmed", "held"]
MONTH_PATTERN = r"^\d{4}-(0[1-9]|1[0-2])$"


class Run(Strict):
    """A course run (curriculum/runs/<id>.yml): dated, or only its planned month."""

    TRANSLATE: ClassVar[tuple[str, ...]] = ("title",)

    id: Id = Field(description="Run id, equal to the file name (e.g. 2027-unit-1-feb).")
    unit: Id = Field(description="Id of the unit (unit-1 ... unit-4).")
    title: Text = Field(description="Name of the run.")
    status: RunStatus = Field(
        description="planned (month or dates foreseen), confirmed (dates fixed and announced) "
        "or held (it took place)."
    )
    month: str | None = Field(
        default=None,
        pattern=MONTH_PATTERN,
        description="For a planned run without dates: the month foreseen, YYYY-MM. Leave out "
        "when start and end are given.",
    )
    start: dt.date | None = Field(default=None, description="First day, YYYY-MM-DD.")
    end: dt.date | None = Field(default=None, description="Last day, YYYY-MM-DD.")
    language: Language | None = Field(
        default=None, description="Language: en, fr or es; empty until it is announced."
    )
    seats: int = Field(ge=1, le=20, description="Seats offered: 20 at most.")

    @model_validator(mode="after")
    def _dates(self) -> Run:
        if (self.start is None) != (self.end is None):
            raise ValueError("give both 'start' and 'end', or neither")
        if self.start and self.end and self.end < self.start:
            raise ValueError("end: 'end' is before 'start'")
        if self.month and self.start:
            raise ValueError("give either 'month' or 'start' and 'end', not both")
        if not self.month and not self.start:
            raise ValueError("give the dates ('start' and 'end') or, for a planned run, 'month'")
        if self.status != "planned" and not self.start:
            raise ValueError(f"a {self.status} run needs its dates: 'start' and 'end'")
        return self

    @property
    def year(self) -> int:
        """Year the run starts in."""
        return self.start.year if self.start else int(str(self.month)[:4])

    @property
    def first_month(self) -> int:
        """Month (1-12) the run starts in."""
        return self.start.month if self.start else int(str(self.month)[5:7])


class Question_(Strict):
    """A question of a questionnaire."""

    TRANSLATE: ClassVar[tuple[str, ...]] = ("text", "options")

    id: Id = Field(description="Question id.")
    text: Text = Field(description="The question.")
    kind: Literal["text", "choice", "multiple", "scale"] = Field(
        description="text, choice, multiple or scale (1-5)."
    )
    options: list[Text] = Field(default_factory=list, description="Options, for choice questions.")


class QuestionGroup(Strict):
    """A group of questionnaire questions."""

    TRANSLATE: ClassVar[tuple[str, ...]] = ("title",)

    id: Id = Field(description="Group id.")
    title: Text = Field(description="Title of the group.")
    questions: list[Question_] = Field(min_length=1, description="The questions.")


class Briefing(Strict):
    """The briefing note, pre-course questionnaire and evaluation (curriculum/briefing.yml)."""

    TRANSLATE: ClassVar[tuple[str, ...]] = ("title",)

    title: Text = Field(description="Title of the briefing note.")
    sections: list[Section] = Field(min_length=1, description="The briefing note's text.")
    questionnaire: list[QuestionGroup] = Field(min_length=1, description="Pre-course questions.")
    evaluation_approach: list[Section] = Field(
        min_length=1, description="Short, medium and long-term evaluation."
    )
    evaluation_form: list[QuestionGroup] = Field(min_length=1, description="Post-course form.")
    follow_up: list[Section] = Field(min_length=1, description="The follow-up plan.")


class PackDay(Strict):
    """One training day of a national activity."""

    sessions: list[Id] = Field(
        min_length=1, description="Ids of the sessions of the day, in order."
    )


class NationalActivity(Strict):
    """A national activity pack (curriculum/national/<id>.yml)."""

    TRANSLATE: ClassVar[tuple[str, ...]] = ("country", "title", "when", "local_notes")

    id: Id = Field(description="Pack id, equal to the file name.")
    country: Text = Field(description="Country of the activity.")
    title: Text = Field(description="Title of the activity.")
    status: Literal["planned", "held"] = Field(
        default="planned", description="planned, or held once it took place (then give dates)."
    )
    when: Text | None = Field(
        default=None,
        description="When it is or was planned, in words, when exact dates are not known "
        "(e.g. August 2021).",
    )
    start: dt.date | None = Field(default=None, description="First day, YYYY-MM-DD.")
    end: dt.date | None = Field(default=None, description="Last day, YYYY-MM-DD.")
    language: Language = Field(description="Language: en, fr or es.")
    day_start: str = Field(
        default="09:00", pattern=TIME_PATTERN, description="Start time of each day, HH:MM."
    )
    sessions: list[Id] = Field(
        default_factory=list,
        description="Ids of the chosen sessions, in order, each on the day of the 2-day course. "
        "Leave it out when you give 'days'.",
    )
    days: list[PackDay] = Field(
        default_factory=list,
        description="The pack's own day plan: one entry per training day, with its sessions.",
    )
    breaks: list[AgendaBreak] = Field(
        default_factory=list,
        description="The pack's own breaks, each after one of its sessions. Without 'days' and "
        "'breaks', the breaks of curriculum/programme.yml are used.",
    )
    modules: list[Id] = Field(default_factory=list, description="Ids of chosen thematic modules.")
    local_notes: Text = Field(description="Notes for this activity (Markdown).")
    sources: Sources = Field(default_factory=list)

    @model_validator(mode="after")
    def _day_plan(self) -> NationalActivity:
        if self.days and self.sessions:
            raise ValueError(
                "days: list the sessions either under 'sessions' or under 'days', not both"
            )
        if not self.days and not self.sessions:
            raise ValueError("days: list the chosen sessions under 'days' (or 'sessions')")
        if self.days:
            self.sessions = [sid for day in self.days for sid in day.sessions]
        return self

    @model_validator(mode="after")
    def _when(self) -> NationalActivity:
        if (self.start is None) != (self.end is None):
            raise ValueError("give both 'start' and 'end', or neither")
        if not self.start and not self.when:
            raise ValueError(
                "give the dates ('start' and 'end') or say in 'when' when it is planned"
            )
        if self.status == "held" and not self.start:
            raise ValueError("a held activity needs its dates: 'start' and 'end'")
        return self

    def period(self) -> str:
        """When the activity takes place, in words, in the language being rendered."""
        from .i18n.ui import format_date, gettext  # here: the interface strings read the model

        if self.start and self.end:
            return (
                gettext("{start} to {end}")
                .replace("{start}", format_date(self.start))
                .replace("{end}", format_date(self.end))
            )
        return str(self.when)


# ---------------------------------------------------------------- trainer materials


class RubricLevel(Strict):
    """One level of a rubric criterion."""

    TRANSLATE: ClassVar[tuple[str, ...]] = ("level", "descriptor")

    level: Text = Field(description="Name of the level, e.g. Not yet, Meets, Strong.")
    descriptor: Text = Field(description="What a product at this level looks like.")


class RubricCriterion(Strict):
    """A criterion of a scoring rubric, with a descriptor per level."""

    TRANSLATE: ClassVar[tuple[str, ...]] = ("criterion",)

    criterion: Text = Field(description="What is judged, in a few words.")
    levels: list[RubricLevel] = Field(
        min_length=2, description="The levels, lowest first; the same names in every criterion."
    )


class Handout(Strict):
    """A handout or scoring rubric for an activity (curriculum/handouts/<id>.yml).

    Shown in the trainer edition and the trainer guide only, never to participants online.
    """

    TRANSLATE: ClassVar[tuple[str, ...]] = ("title", "purpose", "body")

    id: Id = Field(description="Handout id, equal to the file name (e.g. s3-three-roles).")
    title: Text = Field(description="Title printed at the top of the handout.")
    session: Id = Field(description="Id of the session it is used in (s1 ... s8).")
    kind: Literal["handout", "rubric"] = Field(
        default="handout", description="handout (cards, case, template) or rubric (scoring)."
    )
    purpose: Text = Field(description="What the handout is for and how the trainer uses it.")
    body: Text = Field(description="The handout itself, in Markdown, ready to print or share.")
    criteria: list[RubricCriterion] = Field(
        default_factory=list, description="For rubrics: the criteria, each with its levels."
    )
    sources: Sources = Field(default_factory=list)

    @model_validator(mode="after")
    def _rubric(self) -> Handout:
        if self.kind == "rubric" and not self.criteria:
            raise ValueError("a rubric needs 'criteria', each with its levels")
        if self.kind != "rubric" and self.criteria:
            raise ValueError("only a rubric has 'criteria'; set 'kind: rubric' or remove them")
        names = [[lv.level for lv in c.levels] for c in self.criteria]
        if any(n != names[0] for n in names):
            raise ValueError(
                "every criterion needs the same levels in the same order "
                f"({', '.join(names[0])}), so the rubric prints as one table"
            )
        return self


KINDS: dict[str, type[Strict]] = {
    "programme": Programme,
    "session": Session,
    "glossary": Glossary,
    "quiz": Quiz,
    "module": Module,
    "chapter": Chapter,
    "indicator": Indicator,
    "checklist": Checklist,
    "measures": Measures,
    "policy": Policy,
    "run": Run,
    "briefing": Briefing,
    "national": NationalActivity,
    "source_hosts": SourceHosts,
    "handout": Handout,
}
"""Every YAML kind, by name; the JSON Schemas and the contributor guide follow this list."""
