"""Do a document's annual targets add up to its dated ones? Paired by indicator, with the assumption stated."""
from scripts.site import names
from scripts.site.formats import number, target_indicator, target_value
from scripts.site.markdown import Safe, cell, table
from scripts.site.model import Site
from scripts.site.phrases import t


def of_type(site: Site, document_id: str, *types: str) -> list[dict]:
    return [target for target in site.targets if target["document_id"] == document_id and target["target_type"] in types]


def pairs(site: Site, document_id: str) -> list[tuple[dict, dict]]:
    """(annual target, dated total) of one document whose indicators are equal or one contains the other."""
    totals = [b for b in of_type(site, document_id, "level", "increment") if b["target_year"]]
    return [(a, b) for a in of_type(site, document_id, "annual") for b in totals
            if a["indicator_zh"] in b["indicator_zh"] or b["indicator_zh"] in a["indicator_zh"]]


def plan_start(site: Site, target: dict) -> int:
    """The year the plan was signed: the assumed first year of every annual target."""
    return int(site.signed_date(target)[:4])


def verdict(site: Site, annual: dict, total: dict) -> tuple[str, int, float | None]:
    """(verdict phrase key, years assumed, annual × years) for one pair."""
    years = int(total["target_year"]) - plan_start(site, annual) + 1
    summed = float(annual["value"]) * years
    if annual["unit_en"] != total["unit_en"]:
        return "verdict_units", years, None
    if total["target_type"] == "level":
        return "verdict_baseline", years, summed
    goal = float(total["value"])
    return ("verdict_agree" if summed == goal else "verdict_short" if summed < goal else "verdict_over"), years, summed


def consistency(site: Site, lang: str) -> str:
    blocks = [document_consistency(site, document, lang) for document in site.documents]
    return "\n\n".join(block for block in blocks if block) or t("none", lang)


def target_type(site: Site, target: dict, lang: str) -> str:
    return site.package.enum_label("targets", "target_type", target["target_type"], lang)


def document_consistency(site: Site, document: dict, lang: str) -> str:
    found = pairs(site, document["document_id"])
    if not found:
        return ""
    start = plan_start(site, found[0][0])
    headers = [t("indicator", lang), t("annual_target", lang), t("years_assumed", lang),
               t("annual_times_years", lang), t("year_target", lang, year=found[0][1]["target_year"]), t("result", lang)]
    rows = []
    for annual, total in found:
        key, years, summed = verdict(site, annual, total)
        rows.append([target_indicator(annual, lang), target_value(annual, lang), f"{years} ({start}–{total['target_year']})",
                     number(str(summed), lang) if summed is not None else "—",
                     f"{target_value(total, lang)} ({target_type(site, total, lang)})",
                     Safe(f"<strong>{t(key, lang, year=total['target_year'], count=years)}</strong>")])
    annual = of_type(site, document["document_id"], "annual")
    unpaired = [a for a in annual if all(a is not pair[0] for pair in found)]
    rest = ", ".join(cell(target_indicator(a, lang), lang) for a in unpaired)
    years = names.years(site, document["document_id"])
    intro = t("consistency_intro", lang, start=start, years=years, count=len(annual), example=example(found, lang),
              annual_parts=names.part_names(site, [site.measure[a["measure_id"]] for a in annual], lang),
              total_parts=names.part_names(site, [site.measure[b["measure_id"]] for _, b in found], lang))
    return "\n\n".join([intro, table(headers, rows, lang), t("unpaired_annual", lang, rest=rest, years=years)])


def example(found: list[tuple[dict, dict]], lang: str) -> str:
    """A pair whose indicators differ, to show what "one contains the other" means; none if all are equal."""
    differing = [(a, b) for a, b in found if a["indicator_zh"] != b["indicator_zh"]]
    if not differing:
        return ""
    first, second = differing[0]
    return t("pairing_example", lang, first=target_indicator(first, lang), second=target_indicator(second, lang))
