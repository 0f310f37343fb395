"""Plain typed records that loaders emit and graph/ turns into RDF.

They mirror the JSON shape of ``corpus/SCHEMA.md`` so that ``extract --json`` and gold files can be
compared field by field, and add provenance (the sentence and character offsets a fact was read
from) that the JSON shape leaves out. No rdflib here: loaders must not depend on the graph layer.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

ORGANIZATION_TYPES = (
    "Government",
    "Ministry",
    "PeoplesCommittee",
    "PeoplesCouncil",
    "PartyCommittee",
    "Department",
    "Enterprise",
    "EducationResearch",
    "ForeignBody",
    "NewsAgency",
    "Other",
)
AGREEMENT_KINDS = ("MemorandumOfUnderstanding", "CooperationAgreement", "CoordinationProgram", "Other")


@dataclass(frozen=True)
class Article:
    """One news article as read from a file: the unit of provenance (one named graph each)."""

    id: str
    text: str
    title: str = ""
    url: str | None = None
    published: str | None = None  # YYYY-MM-DD
    source: str | None = None
    location: str | None = None  # file (and line) it was read from, for messages


@dataclass(frozen=True)
class Evidence:
    """Where a fact is stated: ``article.text[start:end]`` is the sentence that states it."""

    sentence: str
    start: int
    end: int
    confidence: float = 1.0


@dataclass
class Post:
    title: str  # as written, abbreviations expanded: "Phó Chủ tịch"
    organization: str  # canonical full name of the body
    evidence: Evidence | None = None


@dataclass
class Person:
    name: str
    gender: str | None = None  # "male" | "female" | None
    posts: list[Post] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)  # other spellings in the same article
    evidence: Evidence | None = None


@dataclass
class Organization:
    name: str  # canonical full name
    type: str = "Other"  # one of ORGANIZATION_TYPES
    aliases: list[str] = field(default_factory=list)
    evidence: Evidence | None = None


@dataclass
class Signatory:
    person: str
    on_behalf_of: str | None  # canonical body name
    evidence: Evidence | None = None


@dataclass
class Period:
    start: str | None  # "YYYY" (or finer)
    end: str | None


@dataclass
class Agreement:
    kind: str  # one of AGREEMENT_KINDS
    title: str
    parties: list[str] = field(default_factory=list)  # canonical body names
    signatories: list[Signatory] = field(default_factory=list)
    date: str | None = None  # YYYY-MM-DD | YYYY-MM | YYYY | --MM-DD
    period: Period | None = None
    evidence: Evidence | None = None


@dataclass
class Extraction:
    """Everything extracted from one article."""

    article: Article
    persons: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    # the day the article speaks of (YYYY-MM-DD): publication, else the event it reports; dates posts
    date: str | None = None

    def to_json(self, *, with_evidence: bool = False) -> dict[str, Any]:
        """The SCHEMA.md object for this article (evidence fields only when asked)."""

        def clean(value: Any) -> Any:
            if isinstance(value, dict):
                return {
                    k: clean(v)
                    for k, v in value.items()
                    if with_evidence or k not in ("evidence", "aliases_evidence")
                }
            if isinstance(value, list):
                return [clean(v) for v in value]
            return value

        a = self.article
        persons = []
        for p in self.persons:
            d = clean(asdict(p))
            if not with_evidence:
                d.pop("aliases", None)
            persons.append(d)
        return {
            "id": a.id,
            "url": a.url,
            "source": a.source,
            "published": a.published,
            "title": a.title,
            "text": a.text,
            "persons": persons,
            "organizations": [clean(asdict(o)) for o in self.organizations],
            "agreements": [clean(asdict(g)) for g in self.agreements],
        }
