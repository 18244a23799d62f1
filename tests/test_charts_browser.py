"""Charts and the at-a-glance rows as a reader sees them, in Chromium at 390 px (a phone) and 1280 px:
every text of every chart on every target page, in both languages, at least 12 CSS px, overlapping no
other, inside its SVG or figure; and the home page's first screen answers how far the 2027 targets are."""
import pytest

from conftest import REPO
from scripts.package import load_package

pytestmark = pytest.mark.browser

WIDTHS = [(390, 844), (1280, 900)]
TARGETS = [row["target_id"] for row in load_package(REPO).records["targets"]]

# Every visible text of the page's charts and overview: its size in CSS px as drawn (an SVG's text scaled
# with the SVG), its box, and the box it must stay inside (its SVG, or its figure).
MEASURE = """() => {
    const found = [];
    const visible = element => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
    for (const figure of document.querySelectorAll('figure.target-chart, figure.overview, div.glance')) {
        if (!visible(figure)) continue;
        const frame = figure.getBoundingClientRect();
        for (const svg of figure.querySelectorAll('svg')) {
            if (!visible(svg)) continue;
            const box = svg.getBoundingClientRect(), scale = box.width / svg.viewBox.baseVal.width;
            for (const text of svg.querySelectorAll('text')) {
                const rect = text.getBoundingClientRect();
                found.push({text: text.textContent, size: parseFloat(getComputedStyle(text).fontSize) * scale,
                            box: [rect.left, rect.top, rect.right, rect.bottom],
                            inside: [box.left, box.top, box.right, box.bottom]});
            }
        }
        const walker = document.createTreeWalker(figure, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
            const node = walker.currentNode, parent = node.parentElement;
            if (!node.data.trim() || parent.closest('svg') || !visible(parent)) continue;
            const range = document.createRange();
            range.selectNodeContents(node);
            for (const rect of range.getClientRects()) {
                found.push({text: node.data.trim(), size: parseFloat(getComputedStyle(parent).fontSize),
                            box: [rect.left, rect.top, rect.right, rect.bottom],
                            inside: [frame.left, frame.top, frame.right, frame.bottom]});
            }
        }
    }
    return found;
}"""


def overlapping(texts: list[dict]) -> list[tuple[str, str]]:
    """Pairs of texts whose boxes cross by more than half a pixel each way."""
    pairs = []
    for index, first in enumerate(texts):
        for second in texts[index + 1:]:
            a, b = first["box"], second["box"]
            if min(a[2], b[2]) - max(a[0], b[0]) > 0.5 and min(a[3], b[3]) - max(a[1], b[1]) > 0.5:
                pairs.append((first["text"], second["text"]))
    return pairs


def outside(texts: list[dict]) -> list[str]:
    return [t["text"] for t in texts if t["box"][0] < t["inside"][0] - 0.5 or t["box"][2] > t["inside"][2] + 0.5
            or t["box"][1] < t["inside"][1] - 0.5 or t["box"][3] > t["inside"][3] + 0.5]


def check(page, url: str) -> None:
    page.goto(url)
    texts = page.evaluate(MEASURE)
    assert texts, f"{url}: no chart text found"
    small = [(t["text"], round(t["size"], 1)) for t in texts if t["size"] < 12]
    assert small == [], f"{url}: text below 12 px"
    assert overlapping(texts) == [], f"{url}: overlapping texts"
    assert outside(texts) == [], f"{url}: text outside its chart"


@pytest.fixture(params=WIDTHS, ids=lambda size: f"{size[0]}px")
def sized_page(request, chromium):
    context = chromium.new_context(viewport={"width": request.param[0], "height": request.param[1]})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", ["", "en/"], ids=["zh", "en"])
def test_every_chart_text_is_readable_apart_and_inside_on_every_target_page(sized_page, site_url, lang):
    for target_id in TARGETS:
        check(sized_page, f"{site_url}/{lang}targets/{target_id}/")


@pytest.mark.parametrize("path", ["", "en/", "targets/", "en/targets/"])
def test_the_overview_and_the_home_rows_are_readable_apart_and_inside(sized_page, site_url, path):
    check(sized_page, f"{site_url}/{path}")


FIRST_SCREEN = """() => Array.from(document.querySelectorAll('.glance .overview-row')).map(row => ({
    text: row.innerText, bottom: row.getBoundingClientRect().bottom, top: row.getBoundingClientRect().top}))"""


@pytest.mark.parametrize("lang, new, searched", [("", ("新增", "新培育", "新建"), "检索至"), ("en/", ("new",), "searched to")],
                         ids=["zh", "en"])
def test_the_home_page_s_first_phone_screen_says_how_far_the_2027_targets_are(chromium, site_url, lang, new, searched):
    context = chromium.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{site_url}/{lang}")
    rows = page.evaluate(FIRST_SCREEN)
    context.close()
    package = load_package(REPO)
    dated = [t for t in package.records["targets"] if t["target_year"]]
    assert len(rows) == len(dated)
    first = rows[0]  # technology-based enterprises: 76,800 of 86,000 on 2026-01-30
    assert first["bottom"] <= 844 and "89%" in first["text"] and "2026-01-30" in first["text"]
    on_screen = [row for row in rows if row["bottom"] <= 844]
    assert len(on_screen) >= 5, [row["text"] for row in rows]
    for row, target in zip(rows, dated):
        if target["target_type"] == "increment":
            assert any(word in row["text"] for word in new), row["text"]
        assert "%" in row["text"] or searched in row["text"] or "方案前" in row["text"] or "before the plan" in row["text"], row["text"]
