"""Progress figures hold the same guarantees as the plan's text, offline: each source keeps its excerpt,
each quote is in it, each figure agrees with its quote, and its dates and period fit what it is (which
figures are compared with a target is scripts/standing/comparable.py's rule, not a reason to refuse one)."""
import re
from collections.abc import Iterator
from datetime import date

from scripts.figures import UNITS_HINT, agrees, figures_in, located_figures
from scripts.package import VARIANT_SEPARATOR, DataPackage
from scripts.validate.cells import PLAIN
from scripts.validate.checks.excerpts import sound_head
from scripts.validate.checks.quotes import excerpts
from scripts.validate.problems import Problem

ISO_DATE = PLAIN["date"]  # dates compared only when well formed (Frictionless reports the rest)
# The words before a figure that say what it is (traditional forms too: some sources are read through
# big5 gateways). Not 共有 / 共: "共有25家企业上榜" counts a list, which is the number it added.
ADDED_WORDS = ("新增", "新入库", "新入庫", "新评审", "新評審", "新认定", "新認定", "新培育", "新建", "新获批", "新獲批",
               "新引进", "新引進")
TOTAL_WORDS = ("累计", "累計", "总数", "總數", "总量", "總量", "总共", "總共", "达到", "達到", "截至", "截止")
CLAUSE_END = re.compile(r"[,，;；。:：!！?？]")


def source_excerpts(package: DataPackage) -> Iterator[Problem]:
    """Each source's excerpt is stored, and its head names the same address and retrieval date as the row."""
    file, stored = package.resource("sources")["path"], excerpts(package)
    for source in package.rows("sources"):
        if source["source_id"] not in stored:  # no file that can be read
            yield Problem("source.excerpt-missing", file, source["_line"], "excerpt_file", f"there is no stored excerpt data/{source['excerpt_file'][:80]}.",
                          "store the passage relied on under data/source/progress/ with its head, or correct the path.")
            continue
        if bool(source["published_date"]) != bool(source["published_date_from"]):
            yield Problem("source.date-origin-without-date", file, source["_line"], "published_date_from", "says where the date was read only when there is a date.",
                          "give published_date_from (page or url) with a published_date, and neither without one.")
        head = sound_head(stored[source["source_id"]][0])  # a malformed line is reported against the excerpt
        if "URL" in head and head["URL"] != source["url"]:
            yield Problem("source.url-differs-from-excerpt", file, source["_line"], "url", f"the excerpt's head gives the address \u201c{head.get('URL', '')[:80]}\u201d.",
                          "make the row's url and the excerpt's URL line the page's address, exactly.")
        if "Retrieved" in head and not head["Retrieved"].startswith(source["retrieved_date"]):
            yield Problem("source.retrieved-differs-from-excerpt", file, source["_line"], "retrieved_date", f"the excerpt's head says Retrieved: {head.get('Retrieved', '')[:40]}.",
                          "make retrieved_date the date on the excerpt's Retrieved line.")


def progress_figures(package: DataPackage) -> Iterator[Problem]:
    targets = {t["target_id"]: t for t in package.rows("targets")}
    sources = {s["source_id"]: s for s in package.rows("sources")}
    file = package.resource("progress")["path"]
    for row in package.rows("progress"):
        target, source = targets.get(row["target_id"]), sources.get(row["source_id"])
        if target is None or source is None:
            continue  # Frictionless reports the dangling key
        for code, field, message, fix in [*_figure(row), *_period(row), *_wording(row), *_dates(row, source), *_scope(row, target)]:
            yield Problem(code, file, row["_line"], field, message, fix)


def _figure(row: dict) -> Iterator[tuple[str, str, str, str]]:
    """The value is a figure of the quote, with the comparator its wording implies."""
    try:
        value = float(row["value"])
    except ValueError:
        return  # Frictionless reports the malformed number
    stated = figures_in(row["quote_zh"])
    matching = [comparator for figure, comparator in stated if agrees(value, figure)]
    if not matching:
        shown = ", ".join(f"{figure:g}" for figure, _ in stated) or "none"
        yield ("progress.value-not-in-quote", "value", f"{row['value']} is not a figure of the quote (its figures: {shown}).",
               f"set value to the quoted figure as a plain number ({UNITS_HINT}), or quote the passage that states it.")
    elif row["comparator"] not in matching:
        yield ("progress.comparator-differs-from-quote", "comparator", f"the quote states {row['value']} as \u201c{matching[0]}\u201d (超/突破/逾 mean more than, 以上 at least).",
               f"set comparator to {matching[0]}.")
    if row["indicator_zh"] and row["indicator_zh"] not in row["quote_zh"]:
        yield ("progress.indicator-not-in-quote", "indicator_zh", "the indicator is not part of quote_zh.", "use the quote's own words for what is counted.")


def _period(row: dict) -> Iterator[tuple[str, str, str, str]]:
    """A level has one date; a number added has a period. Either may stand beside any target: one of
    another kind is context, shown and never compared."""
    if row["figure_type"] == "level" and row["period_start_date"]:
        yield ("progress.level-with-period", "period_start_date", "a level is a number on one date and has no period.", "empty period_start_date.")
    if row["figure_type"] == "new_in_period" and not row["period_start_date"]:
        yield ("progress.addition-without-period-start", "period_start_date", "a number added in a period needs the period's first day.",
               "give the first day the source's period covers (a year: its 1 January).")


def _wording(row: dict) -> Iterator[tuple[str, str, str, str]]:
    """A level's quote does not say its number was added, nor an addition's that it is a total."""
    try:
        said = _said(row["quote_zh"], float(row["value"]))
    except ValueError:
        return  # Frictionless reports the malformed number
    if said and row["figure_type"] == "level" and said[0] == "added":
        yield ("progress.level-quote-says-added", "figure_type", f"recorded as a level, but the quote says the number was added (\u201c{said[1]}\u201d).",
               "record it as new_in_period with its period (period_start_date to as_of_date); beside a target that "
               "counts a level it is then context, shown and never compared.")
    if said and row["figure_type"] == "new_in_period" and said[0] == "total":
        yield ("progress.addition-quote-says-total", "figure_type", f"recorded as a number added, but the quote says a total (\u201c{said[1]}\u201d).",
               "record it as a level on its date (empty period_start_date); beside a target that counts additions "
               "it is then context, shown and never compared.")


def _said(quote: str, value: float) -> tuple[str, str] | None:
    """("added" or "total", the word) as the words before the figure say: those since the figure before
    it in its clause, or, with none there, the figure before's (新认定…17个、数字化车间224个). None
    where they say neither, or both (累计新增 is an addition over a period)."""
    located = located_figures(quote)
    index = next((i for i, (_, _, number, _) in enumerate(located) if agrees(value, number)), None)
    while index is not None and index >= 0:
        start = located[index][0]
        clause = max((m.end() for m in CLAUSE_END.finditer(quote, 0, start)), default=0)
        previous = located[index - 1][1] if index > 0 else 0
        words = quote[max(clause, previous):start]
        added, total = [w for w in ADDED_WORDS if w in words], [w for w in TOTAL_WORDS if w in words]
        if added or total:
            return None if added and total else ("added", added[0]) if added else ("total", total[0])
        index = index - 1 if previous > clause else None
    return None


def _dates(row: dict, source: dict) -> Iterator[tuple[str, str, str, str]]:
    """A period ends after it starts; a figure cannot describe a day after its source was published."""
    start, end, published = (value if ISO_DATE.fullmatch(value) else "" for value in
                             (row["period_start_date"], row["as_of_date"], source["published_date"]))
    if start and end and start >= end:
        yield ("progress.period-ends-before-start", "period_start_date", f"the period starts on {start}, not before it ends ({end}).",
               "swap or correct the dates: period_start_date is the first day, as_of_date the last.")
    if published and end and end > published:
        yield ("progress.after-publication", "as_of_date", f"{end} is after the source was published ({published}).",
               "use the date the source gives; if it says now (目前), its date of publication.")


def _scope(row: dict, target: dict) -> Iterator[tuple[str, str, str, str]]:
    """A figure of the target's scope names the target's indicator and counts in its unit; another scope says how it differs."""
    if row["scope"] == "differs":
        if not row["scope_note_en"].strip():
            yield ("progress.scope-note-missing", "scope_note_en", "the scope differs but the note does not say how.",
                   "say in scope_note_en and scope_note_zh what the figure counts that the target does not (a district, a municipal list…).")
        return
    for note in ("scope_note_en", "scope_note_zh"):
        if row[note]:
            yield ("progress.scope-note-on-same-scope", note, "a note on how the scope differs, on a figure marked same.",
                   "empty scope_note_en and scope_note_zh, or set scope to differs.")
    names = [target["indicator_zh"], *filter(None, target["indicator_variants_zh"].split(VARIANT_SEPARATOR))]
    if row["indicator_zh"] not in names:
        yield ("progress.indicator-not-targets", "indicator_zh", f"\u201c{row['indicator_zh']}\u201d is not {target['target_id']}'s indicator ({' / '.join(names)}).",
               "if the source counts the same thing in other words, add them to the target's indicator_variants_zh; "
               "otherwise set scope to differs and say how.")
    if row["unit_zh"] != target["unit_zh"]:
        yield ("progress.unit-not-targets", "unit_zh", f"\u201c{row['unit_zh']}\u201d is not the target's unit (\u201c{target['unit_zh']}\u201d).",
               "a figure of the same scope counts in the target's unit; otherwise set scope to differs.")


def searched_dates(package: DataPackage) -> Iterator[Problem]:
    """A target was searched for no earlier than the day a source of its figures was read: the site dates
    "no figure found (searched to …)" by searched_date, which must not be older than what it shows."""
    read = {s["source_id"]: s["retrieved_date"] for s in package.rows("sources") if ISO_DATE.fullmatch(s["retrieved_date"])}
    latest: dict[str, tuple[str, str]] = {}
    for row in package.rows("progress"):
        day = read.get(row["source_id"], "")
        if day > latest.get(row["target_id"], ("", ""))[0]:
            latest[row["target_id"]] = (day, row["source_id"])
    file = package.resource("targets")["path"]
    for target in package.rows("targets"):
        day, source_id = latest.get(target["target_id"], ("", ""))
        if ISO_DATE.fullmatch(target["searched_date"]) and day > target["searched_date"]:
            yield Problem("target.searched-before-source-read", file, target["_line"], "searched_date",
                          f"{target['searched_date']} is before {day}, the day {source_id}, a source of its figures, was read.",
                          f"set searched_date to the day of the last search for this target's figures (at least {day}), "
                          "and list the queries in data/source/progress/SEARCHES.md.")


def no_future_dates(package: DataPackage) -> Iterator[Problem]:
    """No date in any table is after today: a figure cannot be reported before it happens."""
    today = date.today().isoformat()
    for resource in package.descriptor["resources"]:
        dated = [f["name"] for f in resource["schema"]["fields"] if f.get("type") == "date"]
        for row in package.rows(resource["name"]):
            for field in dated:
                if ISO_DATE.fullmatch(row[field]) and row[field] > today:
                    yield Problem("cell.date-in-the-future", resource["path"], row["_line"], field, f"{row[field]} is in the future.",
                                  "correct the date (YYYY-MM-DD).")
