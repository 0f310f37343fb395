"""The timeline page: partial dates at their stated precision (never a guessed year), change events,
provenance; the model on the dev store and a hand-built graph, then the page in offline Chromium."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Literal, Namespace
from rdflib.namespace import DCTERMS, PROV, XSD
from viz_fixture import COOP, GK, ID, MOU, QUOTE_COOP, QUOTE_MOU, UBND_QN, build_fixture_graph

from govkg.viz import TimelineModel, build_timeline_model, render_timeline
from govkg.viz.timeline import (
    DAY,
    LANE_AXIS,
    LANE_UNDATED,
    LANE_YEAR_UNKNOWN,
    MONTH,
    NO_YEAR,
    UNKNOWN,
    YEAR,
    parse_partial_date,
)

ORG = Namespace("http://www.w3.org/ns/org#")
TIME = Namespace("http://www.w3.org/2006/time#")
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
HAUGIANG_MOU_QUOTE = (
    "Bộ Thông tin và Truyền thông cùng UBND tỉnh Hậu Giang "
    "ký kết Biên bản ghi nhớ hợp tác giai đoạn 2022-2023"
)

YEAR_ONLY = ID["agreement/chuong-trinh-2021"]
MONTH_ONLY = ID["agreement/thoa-thuan-2022-09"]
UNDATED_AGREEMENT = ID["agreement/khong-ro-ngay"]
CHANGE = ID["change/hop-nhat-bo"]
HOLDING = ID["holding/h1"]  # in the fixture: Phạm Đức Long, Thứ trưởng

pytestmark = pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning")


def timeline_graph():
    """The viz fixture plus a year-only, a month-only and an undated agreement, a change event and
    attestation dates on a post holding."""
    ds = build_fixture_graph()
    g = ds.graph(ID["graph/extra"])
    for agreement, cls, title, when, unit in (
        (
            YEAR_ONLY,
            GK.CoordinationProgram,
            "Chương trình phối hợp năm 2021",
            Literal("2021", datatype=XSD.gYear),
            TIME.unitYear,
        ),
        (
            MONTH_ONLY,
            GK.CooperationAgreement,
            "Thỏa thuận hợp tác tháng 9",
            Literal("2022-09", datatype=XSD.gYearMonth),
            TIME.unitMonth,
        ),
        (UNDATED_AGREEMENT, GK.CooperationAgreement, "Thỏa thuận hợp tác không rõ ngày", None, None),
    ):
        g.add((agreement, RDF.type, cls))
        g.add((agreement, DCTERMS.title, Literal(title, lang="vi")))
        g.add((agreement, GK.party, UBND_QN))
        if when is not None:
            g.add((agreement, GK.signingDate, when))
            g.add((agreement, GK.signingDatePrecision, unit))
    g.add((CHANGE, RDF.type, GK.ChangeEvent))
    g.add((CHANGE, RDFS.label, Literal("Bộ A, Bộ B → Bộ B (2025-03-01)", lang="vi")))
    g.add((CHANGE, GK.effectiveDate, Literal("2025-03-01", datatype=XSD.date)))
    g.add((CHANGE, DCTERMS.source, Literal("Nghị quyết số 176/2025/QH15", lang="vi")))
    g.add((CHANGE, PROV.wasDerivedFrom, ID["graph/reference"]))
    for name, body in (("Bộ A", ID["body/bo-a"]), ("Bộ B", ID["body/bo-b"])):
        g.add((body, RDFS.label, Literal(name, lang="vi")))
        g.add((CHANGE, ORG.originalOrganization, body))
    g.add((CHANGE, ORG.resultingOrganization, ID["body/bo-b"]))
    g.add((HOLDING, GK.attestedOn, Literal("2024-07-16", datatype=XSD.date)))
    g.add((HOLDING, GK.firstAttested, Literal("2023-03-02", datatype=XSD.date)))
    g.add((HOLDING, GK.lastAttested, Literal("2024-07-16", datatype=XSD.date)))
    return ds


# -- dates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("literal", "unit", "precision", "start", "end", "label"),
    [
        (Literal("2022-05-05", datatype=XSD.date), None, DAY, "2022-05-05", "2022-05-06", "2022-05-05"),
        (Literal("2022-09", datatype=XSD.gYearMonth), None, MONTH, "2022-09-01", "2022-10-01", "2022-09"),
        (Literal("2024-02", datatype=XSD.gYearMonth), None, MONTH, "2024-02-01", "2024-03-01", "2024-02"),
        (Literal("2021", datatype=XSD.gYear), None, YEAR, "2021-01-01", "2022-01-01", "2021"),
        (Literal("--07-16", datatype=XSD.gMonthDay), None, NO_YEAR, "", "", "????-07-16"),
        # a stated precision coarser than the datatype wins: 1 January by convention is not a day
        (Literal("2021-01-01", datatype=XSD.date), TIME.unitYear, YEAR, "2021-01-01", "2022-01-01", "2021"),
        # ... but never makes it finer
        (Literal("2021", datatype=XSD.gYear), TIME.unitDay, YEAR, "2021-01-01", "2022-01-01", "2021"),
        (Literal("sometime"), None, UNKNOWN, "", "", ""),
        (Literal("2021-02-30", datatype=XSD.date), None, UNKNOWN, "", "", ""),
    ],
)
def test_partial_dates_keep_their_precision(literal, unit, precision, start, end, label):
    when = parse_partial_date(literal, unit)
    assert (when.precision, when.start, when.end, when.label) == (precision, start, end, label)


# -- the model on a hand-built graph -------------------------------------------------------------


def test_model_lanes_spans_and_provenance():
    model = build_timeline_model(timeline_graph())
    mou = model.item(str(MOU))
    assert mou.lane == LANE_AXIS and mou.is_point and mou.span == ("2024-07-16", "2024-07-17")
    assert mou.date_label == "2024-07-16"
    assert mou.parties == ["Bộ Khoa học và Công nghệ", "Ủy ban nhân dân tỉnh Quảng Ninh"]
    assert mou.signatories == [
        "Nguyễn Thị Hằng (thay mặt Ủy ban nhân dân tỉnh Quảng Ninh)",
        "Phạm Đức Long (thay mặt Bộ Khoa học và Công nghệ)",
    ]
    assert [e.quote for e in mou.evidence] == [QUOTE_MOU]
    assert mou.evidence[0].article_url == "https://example.org/tin/quang-ninh-khcn"
    assert ("Hiệu lực / Valid", "2024 – 2026-12") in mou.details

    coop = model.item(str(COOP))
    assert coop.lane == LANE_YEAR_UNKNOWN and coop.date_label == "????-07-16" and coop.span == ("", "")
    assert coop.start.month_day == "07-16" and [e.quote for e in coop.evidence] == [QUOTE_COOP]

    year = model.item(str(YEAR_ONLY))
    assert year.lane == LANE_AXIS and not year.is_point and year.date_label == "2021"
    assert year.span == ("2021-01-01", "2022-01-01")
    month = model.item(str(MONTH_ONLY))
    assert not month.is_point and month.span == ("2022-09-01", "2022-10-01") and month.date_label == "2022-09"

    undated = model.item(str(UNDATED_AGREEMENT))
    assert undated.lane == LANE_UNDATED and undated.start.precision == UNKNOWN

    change = model.item(str(CHANGE))
    assert change.kind == "change" and change.group == "ChangeEvent" and change.is_point
    assert change.span == ("2025-03-01", "2025-03-02")
    assert change.legal_source == "Nghị quyết số 176/2025/QH15"
    assert ("Cơ quan cũ / Original", "Bộ A; Bộ B") in change.details
    assert ("Cơ quan kế thừa / Resulting", "Bộ B") in change.details

    post = model.item(str(HOLDING))
    assert post.kind == "post" and not post.is_point
    assert post.span == ("2023-03-02", "2024-07-17") and post.date_label == "2023-03-02 – 2024-07-16"
    assert model.groups == [
        "MemorandumOfUnderstanding",
        "CooperationAgreement",
        "CoordinationProgram",
        "ChangeEvent",
        "PostHolding",
    ]
    # h2 has no attestation date: not an event, so not on the timeline
    assert str(ID["holding/h2"]) not in {i.id for i in model.items}
    assert build_timeline_model(timeline_graph(), posts=False).groups[-1] == "ChangeEvent"


# -- the model on the dev store ------------------------------------------------------------------


@pytest.fixture(scope="module")
def dev_timeline(dev_store) -> TimelineModel:
    return build_timeline_model(dev_store.dataset)


def test_dev_store_day_item(dev_timeline):
    [mou] = [i for i in dev_timeline.items if i.start.text == "2022-05-05" and i.kind == "agreement"]
    assert mou.group == "MemorandumOfUnderstanding" and mou.lane == LANE_AXIS and mou.is_point
    assert mou.label == "Biên bản ghi nhớ hợp tác giai đoạn 2022-2023"
    assert "Bộ Thông tin và Truyền thông" in mou.parties
    assert any(s.startswith("Phạm Đức Long") for s in mou.signatories)
    assert HAUGIANG_MOU_QUOTE in [e.quote for e in mou.evidence]


def test_dev_store_year_unknown_lane(dev_timeline):
    lane = dev_timeline.lane(LANE_YEAR_UNKNOWN)
    assert "????-07-16" in {i.date_label for i in lane}
    assert all(i.span == ("", "") and i.date_label.startswith("????-") for i in lane)
    assert all(i.start.precision == NO_YEAR for i in lane)


def test_dev_store_month_item_spans(dev_timeline):
    spans = [i for i in dev_timeline.lane(LANE_AXIS) if i.kind == "agreement" and not i.is_point]
    assert spans, "the dev store has a gYearMonth signing date (2022-09)"
    month = next(i for i in spans if i.start.precision == MONTH)
    assert month.span == ("2022-09-01", "2022-10-01") and month.date_label == "2022-09"


def test_dev_store_change_events(dev_timeline):
    changes = [i for i in dev_timeline.items if i.kind == "change"]
    dates = {i.start.label for i in changes}
    assert {"2025-03-01", "2025-07-01"} <= dates
    ministries = [i for i in changes if i.start.label == "2025-03-01"]
    assert any(
        "Bộ Thông tin và Truyền thông" in i.parties and "Bộ Khoa học và Công nghệ" in i.parties
        for i in ministries
    )
    assert all(i.legal_source.startswith("Nghị quyết") for i in changes)
    provinces = [i for i in changes if i.start.label == "2025-07-01"]
    assert len(provinces) >= 20 and all(i.is_point and i.lane == LANE_AXIS for i in provinces)


def test_dev_store_every_item_is_in_one_lane(dev_timeline):
    lanes = [dev_timeline.lane(lane) for lane in (LANE_AXIS, LANE_YEAR_UNKNOWN, LANE_UNDATED)]
    assert sum(map(len, lanes)) == len(dev_timeline.items)
    assert len({i.id for i in dev_timeline.items}) == len(dev_timeline.items)


def test_page_is_offline_utf8(tmp_path):
    out = tmp_path / "timeline.html"
    model = render_timeline(timeline_graph(), out, title="Dòng thời gian thử")
    html = out.read_text(encoding="utf-8")
    assert "<title>Dòng thời gian thử</title>" in html and "????-07-16" in html
    assert QUOTE_MOU in html  # Vietnamese as text, not \\u escapes
    for needle in ("http://", "https://"):  # only the article link in the data, no scripts or styles
        assert all(
            line.count(needle) == 0 or "govkg-data" in line or "w3.org/2000/svg" in line
            for line in html.splitlines()
        ), needle
    assert "<script src" not in html and "<link" not in html
    assert len(model.items) == 7


# -- the page in Chromium ------------------------------------------------------------------------


needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)"
)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="needs the playwright python package")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _open_offline(browser, path: Path):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    log = {"blocked": [], "failed": [], "errors": []}

    def gate(route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            log["blocked"].append(route.request.url)
            route.abort()

    page.route("**/*", gate)
    page.on("requestfailed", lambda request: log["failed"].append(request.url))
    page.on("pageerror", lambda exc: log["errors"].append(str(exc)))
    page.on("console", lambda msg: log["errors"].append(msg.text) if msg.type == "error" else None)
    started = time.perf_counter()
    page.goto(path.as_uri())
    page.wait_for_function("window.govkg && window.govkg.ready === true", timeout=20_000)
    print(f"\ntimeline page ready in {time.perf_counter() - started:.2f} s")
    return page, log


def _item(page, item_id: str):
    return page.locator(f".tl-item[data-id='{item_id}']")


@pytest.mark.browser
@needs_chromium
def test_timeline_page_offline(browser, tmp_path):
    out = tmp_path / "timeline.html"
    model = render_timeline(timeline_graph(), out)
    page, log = _open_offline(browser, out)
    assert log == {"blocked": [], "failed": [], "errors": []}

    assert page.evaluate("window.govkg.drawn()") == len(model.items) == 7
    for lane in (LANE_AXIS, LANE_YEAR_UNKNOWN, LANE_UNDATED):
        assert page.locator(f".tl-item[data-lane='{lane}']").count() == len(model.lane(lane))

    # The year-unknown lane shows the date without a year, and only there.
    coop = _item(page, str(COOP))
    assert coop.get_attribute("data-lane") == LANE_YEAR_UNKNOWN
    assert "????-07-16" in coop.text_content()
    assert page.locator("#lanes-ny").locator("text=????-07-16").count() >= 1
    assert "????" not in page.locator("#lanes").text_content()

    # A year-only date is a bar over the whole year, labelled with the year; a day is a point.
    bar = _item(page, str(YEAR_ONLY)).locator("rect")
    assert "2021" in _item(page, str(YEAR_ONLY)).text_content()
    year_width = bar.bounding_box()["width"]
    month_width = _item(page, str(MONTH_ONLY)).locator("rect").bounding_box()["width"]
    assert year_width > 8 * month_width > 0
    assert _item(page, str(MOU)).locator("circle").count() == 1

    # A real click shows the provenance sentence and the article link.
    _item(page, str(MOU)).locator("circle").click()
    panel = page.locator("#panel")
    assert panel.is_visible()
    assert QUOTE_MOU in panel.inner_text()
    link = panel.locator("a[href='https://example.org/tin/quang-ninh-khcn']").first
    assert link.inner_text() == "Quảng Ninh và Bộ KH&CN ký kết hợp tác chuyển đổi số"
    _item(page, str(CHANGE)).click()
    assert "Nghị quyết số 176/2025/QH15" in panel.inner_text()

    # Filters by kind and a diacritics-forgiving search.
    page.locator("#filters input[value='ChangeEvent']").uncheck()
    assert _item(page, str(CHANGE)).count() == 0
    assert page.evaluate("window.govkg.drawn()") == len(model.items) - 1
    page.locator("#filters input[value='ChangeEvent']").check()
    found = page.evaluate("window.govkg.search('ha tang so')")
    assert found == [str(COOP)]
    assert page.evaluate("window.govkg.drawn()") == 1
    assert QUOTE_COOP in panel.inner_text()
    page.evaluate("window.govkg.search('')")
    assert page.evaluate("window.govkg.drawn()") == len(model.items)
    page.evaluate("window.govkg.zoom(8)")
    assert page.evaluate("window.govkg.drawn()") == len(model.items)
    assert log == {"blocked": [], "failed": [], "errors": []}
    page.close()


@pytest.mark.browser
@needs_chromium
def test_dev_store_timeline_page(browser, dev_store, tmp_path):
    out = tmp_path / "timeline.html"
    model = render_timeline(dev_store.dataset, out)
    page, log = _open_offline(browser, out)
    assert log == {"blocked": [], "failed": [], "errors": []}
    assert page.evaluate("window.govkg.drawn()") == len(model.items)
    assert "????-07-16" in page.locator("#lanes-ny").text_content()

    [mou] = [i for i in model.items if i.start.text == "2022-05-05" and i.kind == "agreement"]
    _item(page, mou.id).click()
    assert HAUGIANG_MOU_QUOTE in page.locator("#panel").inner_text()
    page.mouse.move(0, 0)  # no tooltip in the screenshot
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "viz-timeline.png"), full_page=True)
    assert log == {"blocked": [], "failed": [], "errors": []}
    page.close()
