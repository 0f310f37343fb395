"""Term constants of the govkg ontology.

GENERATED from govkg.ttl by ``python -m govkg.ontology.generate_terms`` — do not edit by hand.
"""

from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, SDO, SKOS, TIME, DefinedNamespace, Namespace
from rdflib.term import URIRef

__all__ = ["DCTERMS", "FOAF", "GK", "ONTOLOGY_IRI", "ORG", "PROV", "SCHEMA", "SKOS", "TIME", "VERSION"]

SCHEMA = SDO

ONTOLOGY_IRI = URIRef("https://w3id.org/govkg/ontology")
VERSION = "1.0"


class GK(DefinedNamespace):
    """govkg ontology terms (``gk:``)."""

    _fail = True
    _NS = Namespace("https://w3id.org/govkg/ontology#")

    # Classes
    Agreement: URIRef
    """Agreement — A document signed between parties (bodies): it has parties, signatures, a signing
    date and a validity period."""
    Body: URIRef
    """Body — A state body, Party organ, enterprise or other organization that has posts and signs
    agreements. Body types are not disjoint (a foreign ministry is both a Ministry and a ForeignBody)."""
    ChangeEvent: URIRef
    """Organizational change — A merger, split or renaming of bodies; links old bodies
    (org:originalOrganization) to their successors (org:resultingOrganization) so queries can follow
    them."""
    CooperationAgreement: URIRef
    """Cooperation agreement — A cooperation agreement (comprehensive, strategic…)."""
    CoordinationProgram: URIRef
    """Coordination programme — A coordination programme or coordination regulation between bodies."""
    Curation: URIRef
    """Curation — One entry of a user-kept curation file: adds facts, corrects a signing date or a name,
    merges, splits or rejects entities; records the curator (prov:wasAttributedTo), the source
    (dcterms:source), the date (dcterms:date), the entry id (dcterms:identifier) and where in the file
    it is written."""
    Department: URIRef
    """Department — A unit of another body, such as a provincial department, general department or
    division; not independent on its own."""
    EducationResearch: URIRef
    """Education or research institution — A university, academy or research institute."""
    Enterprise: URIRef
    """Enterprise — A company, group or corporation, state-owned or private."""
    Event: URIRef
    """Event — Something that happens at a time (time:hasTime) with persons or bodies taking part."""
    Evidence: URIRef
    """Evidence — Where a fact is stated: the article (prov:entity), the sentence, character offsets and
    the extractor's confidence."""
    ForeignBody: URIRef
    """Foreign body — A body of a foreign country or an international organization; may also have
    another type (e.g. Ministry)."""
    Government: URIRef
    """Government — The (central) government of a country."""
    MeetingEvent: URIRef
    """Meeting — A meeting, conference, working session or reception between bodies."""
    MemorandumOfUnderstanding: URIRef
    """Memorandum of understanding — A memorandum of understanding (MoU)."""
    Ministry: URIRef
    """Ministry — A ministry or ministry-level agency of a government."""
    NewsAgency: URIRef
    """News agency — A newspaper, broadcaster or news agency; usually the publisher of articles."""
    NewsArticle: URIRef
    """News article — A loaded news article; the source of every extracted fact."""
    OtherAgreement: URIRef
    """Other agreement — An agreement of none of the other three kinds."""
    OtherBody: URIRef
    """Other body — A body of none of the other types (association, mass organization, fund…)."""
    PartyCommittee: URIRef
    """Party Committee — A committee or organ of the Communist Party (provincial, city or grassroots
    committee, Party commission)."""
    PeoplesCommittee: URIRef
    """People's Committee — A People's Committee: the executive body of a province, city, commune or
    ward."""
    PeoplesCouncil: URIRef
    """People's Council — A People's Council: the elected local assembly."""
    Person: URIRef
    """Person — A natural person, usually an official named in an article."""
    Post: URIRef
    """Post — A position: a role in one body (org:role, org:postIn), existing independently of whoever
    holds it."""
    PostHolding: URIRef
    """Post holding — A person holding a post in a body, as attested by articles (dates attested, tenure
    via org:memberDuring)."""
    Province: URIRef
    """Province — A provincial-level administrative unit (province or centrally-run city) as a polity;
    its People's Committee, People's Council, Party committee and departments are its organs
    (gk:province). Provinces merged on 1 July 2025 are linked to their successors by change events."""
    Role: URIRef
    """Role — A title independent of any body, such as \"Vice Chairman\" or \"Minister\"."""
    Signature: URIRef
    """Signature — One person signing an agreement for one body; keeps each signatory paired with its
    body when there are several parties."""
    SigningEvent: URIRef
    """Signing event — The event at which an agreement is signed; its signatures hang off it via
    prov:qualifiedAssociation."""

    # Object properties
    body: URIRef
    """body — The body in which the post is held; shortcut for gk:post/org:postIn."""
    curatedBy: URIRef
    """curated by — The curation entry that added or corrected facts about this subject (in the curated
    graph); tells curated facts from those extracted from articles (gk:mentionedIn)."""
    evidence: URIRef
    """evidence — Where a fact about this subject is stated (article, sentence, offsets); usable on any
    subject."""
    holder: URIRef
    """holder — The person who holds the post in this post holding."""
    holding: URIRef
    """holding — A post holding of this person (inverse of holder)."""
    mentionedIn: URIRef
    """mentioned in — An article that mentions this subject; a shortcut without sentence or offsets."""
    participant: URIRef
    """participant — A person or body taking part in the event (meeting, conference, signing)."""
    party: URIRef
    """party — A party (body) to the agreement; every body someone signed for is a party."""
    partyTo: URIRef
    """party to — An agreement this body is party to (inverse of party)."""
    post: URIRef
    """post — The post (a role in a body) that is held."""
    province: URIRef
    """province — The province this body is an organ or agency of (People's Committee, Council, Party
    committee, department, provincial police…), as its name says."""
    role: URIRef
    """role — The title the holder has; shortcut for gk:post/org:role."""
    signatory: URIRef
    """signatory — The person who signed."""
    signature: URIRef
    """signature — A signature (signatory with the body signed for) on the agreement."""
    signatureOf: URIRef
    """signature of — The agreement this signature is on (inverse of signature); each signature belongs
    to one agreement."""
    signedBy: URIRef
    """signed by — A person who signed the agreement; entailed by the chain signature/signatory so
    queries need not go through the signature."""
    signedFor: URIRef
    """signed for — The body the signatory signed on behalf of."""
    signing: URIRef
    """signing — The event at which the agreement was signed."""
    signingDatePrecision: URIRef
    """signing date precision — How precisely the signing date is known: time:unitDay, time:unitMonth or
    time:unitYear; keeps precision instead of inventing a day."""
    succeededBy: URIRef
    """succeeded by — An organization that took this one over in a change event (merger, renaming);
    entailed by org:changedBy/org:resultingOrganization. An organization that keeps its name in a merger
    succeeds itself."""
    validityPeriod: URIRef
    """validity period — The interval during which the agreement is in force (time:hasBeginning,
    time:hasEnd)."""
    witness: URIRef
    """witness — A person who witnessed the signing without signing (often a senior leader)."""

    # Datatype properties
    articleId: URIRef
    """article id — The article's stable identifier in govkg; names the article's named graph."""
    attestedOn: URIRef
    """attested on — The publication date of an article attesting the holding (usually xsd:date);
    several values bound the known tenure. No rdfs:range: xsd:date is outside the OWL 2 datatype map."""
    confidence: URIRef
    """confidence — The extractor's confidence from 0 to 1, as xsd:decimal (not xsd:double)."""
    contentHash: URIRef
    """content hash — The SHA-256 of the article record (id, text, title, URL, date, source) and of the
    extractor version, as \"sha256:…\"; a later build skips an article whose hash is unchanged."""
    curationAction: URIRef
    """curation action — What the curation entry does: add, set-date, set-name, merge, split or reject."""
    curationLocation: URIRef
    """curation location — The file and line of the curation entry, as \"file:line\"."""
    effectiveDate: URIRef
    """effective date — The day the change takes effect (xsd:date): the original organizations exist
    until the day before."""
    endOffset: URIRef
    """end offset — Character offset (exclusive) where the quoted span ends in the article's gk:text."""
    firstAttested: URIRef
    """first attested — The earliest gk:attestedOn of the holding over all articles; recomputed after
    every build, in the tenures graph. The person held the post at least from this day to
    gk:lastAttested."""
    lastAttested: URIRef
    """last attested — The latest gk:attestedOn of the holding over all articles."""
    listingKey: URIRef
    """listing key — A key to list agreements by signing date: the earliest signing date as a string
    (empty when none), a space, then the start of the SHA-1 of the IRI, cut to 15 characters; recomputed
    after every build, in the listing graph. It sorts in date order (no date, then dates without a year,
    first), and Oxigraph compares a string this short inline, so a page of a listing is cheap."""
    periodEnd: URIRef
    """period end — End of the validity period, usually an xsd:gYear. No rdfs:range: xsd:gYear is
    outside the OWL 2 datatype map."""
    periodStart: URIRef
    """period start — Start of the validity period, usually an xsd:gYear (e.g. the 2025–2030 period). No
    rdfs:range: xsd:gYear is outside the OWL 2 datatype map."""
    postTitle: URIRef
    """post title — The title as written in the article, e.g. \"Phó Chủ tịch\" (a plain string, no
    language tag)."""
    quote: URIRef
    """quote — The sentence of the article that states the fact (a plain string)."""
    signingDate: URIRef
    """signing date — The signing date at its known precision: xsd:date, xsd:gYearMonth, xsd:gYear or
    xsd:gMonthDay (see signingDatePrecision). No rdfs:range because these datatypes are outside the OWL
    2 datatype map."""
    sourceName: URIRef
    """source name — The site that published the article, e.g. \"baohaugiang.com.vn\"."""
    startOffset: URIRef
    """start offset — Character offset (from 0) where the quoted span starts in the article's gk:text."""
    text: URIRef
    """text — The article's normalized (Unicode NFC) full text; evidence character offsets index into
    this string."""
