"""What a curation file says, as plain values: entries, their one action, and how they name things.

Every value keeps where it is written (file, line, field), so a name that turns out ambiguous when
the entries are applied is reported at its place in the file, like a malformed one.
"""

from __future__ import annotations

from dataclasses import dataclass

from govkg.errors import InputError

ACTIONS = ("add", "set-date", "set-name", "merge", "split", "reject")
AGREEMENT_KINDS = ("MemorandumOfUnderstanding", "CooperationAgreement", "CoordinationProgram", "Other")


@dataclass(frozen=True)
class Place:
    """Where a value is written: file, 1-based line and the field's path (``entries[2].merge.person[1]``)."""

    path: str
    line: int
    field: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}"

    def error(self, problem: str, hint: str | None = None) -> InputError:
        return InputError(f"{self}: {problem}", hint=hint)


def is_iri(text: str) -> bool:
    return text.startswith(("http://", "https://", "urn:"))


@dataclass(frozen=True)
class EntityRef:
    """A person or body, by IRI or by a name the name index resolves."""

    kind: str  # person | body
    text: str
    place: Place


@dataclass(frozen=True)
class AgreementRef:
    """An agreement by IRI, or by what it says: title words, parties, signing date, kind."""

    place: Place
    iri: str | None = None
    title: str | None = None
    parties: tuple[EntityRef, ...] = ()
    date: str | None = None
    kind: str | None = None


@dataclass(frozen=True)
class HoldingRef:
    """A post holding by IRI, or by its holder, the title and the body."""

    place: Place
    iri: str | None = None
    person: EntityRef | None = None
    title: str | None = None
    body: EntityRef | None = None


@dataclass(frozen=True)
class SignatureRef:
    """A signature by IRI, or by its agreement and signatory."""

    place: Place
    iri: str | None = None
    agreement: AgreementRef | None = None
    person: EntityRef | None = None


Target = EntityRef | AgreementRef | HoldingRef | SignatureRef


@dataclass(frozen=True)
class AddPost:
    person: EntityRef
    title: str
    body: EntityRef
    start: str | None = None  # from
    end: str | None = None  # to
    attested: tuple[str, ...] = ()


@dataclass(frozen=True)
class Signer:
    person: EntityRef
    body: EntityRef | None = None


@dataclass(frozen=True)
class AddAgreement:
    kind: str
    title: str | None
    parties: tuple[EntityRef, ...]
    signatories: tuple[Signer, ...] = ()
    date: str | None = None
    period_start: str | None = None
    period_end: str | None = None


@dataclass(frozen=True)
class SetDate:
    agreement: AgreementRef
    date: str


@dataclass(frozen=True)
class SetName:
    target: EntityRef
    name: str
    lang: str = "vi"


@dataclass(frozen=True)
class Merge:
    kind: str  # person | body | agreement
    targets: tuple[EntityRef | AgreementRef, ...]
    into: str | None = None  # the IRI to keep; default: the first named


@dataclass(frozen=True)
class Split:
    person: EntityRef
    articles: tuple[str, ...]
    iri: str | None = None  # the new person's IRI; default: minted from the name and the articles


@dataclass(frozen=True)
class Reject:
    target: Target


Action = AddPost | AddAgreement | SetDate | SetName | Merge | Split | Reject


@dataclass(frozen=True)
class Entry:
    """One curation: its action and who made it, from what source, when, and where it is written."""

    action: Action
    verb: str  # one of ACTIONS
    place: Place  # the entry's first line
    id: str | None = None
    curator: str | None = None
    source: str | None = None
    date: str | None = None  # YYYY-MM-DD, of the curation
    note: str | None = None

    @property
    def location(self) -> str:
        return f"{self.place.path}:{self.place.line}"

    def describe(self) -> str:
        return f"{self.location} ({self.id or self.verb})"
