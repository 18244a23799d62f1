"""The data package seen the way the pages need it: a tree of headings, units per heading, lookups.

Nothing here formats text; the page modules do that. Rows are the package's dicts of strings.
"""
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from scripts.package import DataPackage
from scripts.standing import Standing
from scripts.standing.records import figures_by_target, standings
from scripts.standing.units import responsible, stated_lines
from scripts.termforms import occurs

VOCABULARY = "vocabulary"  # the terms kind of a recurring word, not a name (schemas/terms.schema.yaml)


@dataclass
class Units:
    """The responsible units a heading shows: its own line's, or those inherited from an ancestor."""
    agencies: list[dict]  # agency rows, in the order of the line
    source: dict | None  # the heading whose line names them (the heading itself when stated)
    inherited: bool


def keyed(rows: str, key: str) -> cached_property:
    """A look-up of the Site's `rows` by `key`, built once (scans per call made pages quadratic)."""
    return cached_property(lambda self: {row[key]: row for row in getattr(self, rows)})


@dataclass
class Site:
    package: DataPackage
    measures: list[dict] = field(init=False)  # every heading, in reading order

    def __post_init__(self):
        self.measures = sorted(self.rows("measures"), key=lambda m: (m["document_id"], int(m["seq"])))

    def rows(self, name: str) -> list[dict]:
        return [dict(record) for record in self.package.records[name]]

    # The rows of each resource the pages read, in file order, and look-ups by key into those same rows.
    terms = cached_property(lambda self: self.rows("terms"))
    targets = cached_property(lambda self: self.rows("targets"))
    documents = cached_property(lambda self: self.rows("documents"))
    agencies = cached_property(lambda self: self.rows("agencies"))
    sources = cached_property(lambda self: self.rows("sources"))
    measure = keyed("measures", "measure_id")
    agency = keyed("agencies", "agency_id")
    document = keyed("documents", "document_id")
    target = keyed("targets", "target_id")
    source = keyed("sources", "source_id")

    def target_years(self, document_id: str | None = None) -> list[str]:
        """The years the dated targets are due, of one document or of all, in order."""
        return sorted({t["target_year"] for t in self.targets
                       if t["target_year"] and document_id in (None, t["document_id"])})

    def part_of(self, measure: dict) -> dict:
        """The part a heading belongs to (the heading itself for a part)."""
        return (self.ancestors(measure) or [measure])[-1]

    @cached_property
    def paragraphs(self) -> list[dict]:
        return sorted(self.rows("paragraphs"), key=lambda p: (p["document_id"], int(p["seq"])))

    @cached_property
    def _children(self) -> dict[str, list[dict]]:
        """parent_id → its headings in reading order ("" → the parts). Built once: lookups stay O(1)."""
        return _grouped(self.measures, "parent_id")

    def children(self, measure_id: str) -> list[dict]:
        return self._children.get(measure_id, [])

    def parts(self) -> list[dict]:
        return self._children.get("", [])

    def ancestors(self, measure: dict) -> list[dict]:
        """Parent first, then its parent, up to the part."""
        chain = []
        while measure["parent_id"]:
            measure = self.measure[measure["parent_id"]]
            chain.append(measure)
        return chain

    def number(self, measure: dict) -> str:
        """The heading's place in the tree as digits (part 三, item (一), sub-item 2 → 3.1.2)."""
        if measure["parent_id"]:
            siblings = self.children(measure["parent_id"])
        else:  # parts are numbered within their own document
            siblings = [part for part in self.parts() if part["document_id"] == measure["document_id"]]
        own = str(siblings.index(measure) + 1)
        return f"{self.number(self.measure[measure['parent_id']])}.{own}" if measure["parent_id"] else own

    def label_zh(self, measure: dict) -> str:
        """The heading's number as the text writes it, with its ancestors' (三(一)2)."""
        labels = [m["label_zh"] for m in reversed(self.ancestors(measure))] + [measure["label_zh"]]
        return "".join(labels)

    @cached_property
    def _parents(self) -> dict[str, str]:
        return {m["measure_id"]: m["parent_id"] for m in self.measures}

    @cached_property
    def _lines(self) -> dict[str, list[str]]:
        return stated_lines(self.rows("responsibilities"))

    @cached_property
    def stated_units(self) -> dict[str, list[dict]]:
        """measure_id → agency rows named on its own 责任单位 line, in the line's order."""
        return {measure_id: [self.agency[a] for a in agency_ids] for measure_id, agency_ids in self._lines.items()}

    def units(self, measure: dict) -> Units:
        """Its own line's units, or those inherited from the nearest heading above with a line (scripts/standing/units.py)."""
        found = responsible(measure["measure_id"], self._parents, self._lines)
        source = self.measure[found.source_id] if found.source_id else None
        return Units([self.agency[a] for a in found.agency_ids], source, found.inherited)

    def lines_naming(self, agency_id: str) -> list[tuple[dict, int]]:
        """(heading, position) for every 责任单位 line that names the unit, in reading order."""
        found = []
        for measure in self.measures:
            for position, agency in enumerate(self.stated_units.get(measure["measure_id"], []), start=1):
                if agency["agency_id"] == agency_id:
                    found.append((measure, position))
        return found

    @cached_property
    def _inheritors(self) -> dict[str, list[dict]]:
        found = defaultdict(list)
        for m in self.measures:
            units = self.units(m)
            if units.inherited:
                found[units.source["measure_id"]].append(m)
        return found

    def inheritors(self, measure: dict) -> list[dict]:
        """Headings below `measure` that show its units as inherited."""
        return self._inheritors.get(measure["measure_id"], [])

    @cached_property
    def _targets_by_measure(self) -> dict[str, list[dict]]:
        return _grouped(self.targets, "measure_id")

    def targets_of(self, measure_id: str) -> list[dict]:
        return self._targets_by_measure.get(measure_id, [])

    @cached_property
    def _observations_by_target(self) -> dict[str, list[dict]]:
        return figures_by_target({"progress": self.rows("progress")})

    def observations_of(self, target_id: str) -> list[dict]:
        """Published figures for a target, earliest first."""
        return self._observations_by_target.get(target_id, [])

    @cached_property
    def _links_by_target(self) -> dict[str, list[dict]]:
        return _grouped(self.rows("target_links"), "target_id")

    def links_of(self, target_id: str) -> list[dict]:
        """The editors' links from a target to headings that work toward it, in file order."""
        return self._links_by_target.get(target_id, [])

    def signed_date(self, target: dict) -> str:
        """The day the target's document was signed: where the plan's period starts."""
        return self.document[target["document_id"]]["signed_date"]

    @cached_property
    def _standings(self) -> dict[str, Standing]:
        return standings(self.package.records)

    def standing(self, target: dict) -> Standing:
        """Where the target stands, by the rule of scripts/standing/rule.py."""
        return self._standings[target["target_id"]]

    @staticmethod
    def words(measure: dict) -> str:
        return measure["title_zh"] + "\n" + measure["text_zh"]  # a line break ends a clause: no gap spans it

    @cached_property
    def named_terms(self) -> list[dict]:
        """The glossary's names (programmes, platforms, designations…), without the recurring words."""
        return [term for term in self.terms if term["kind"] != VOCABULARY]

    @cached_property
    def vocabulary(self) -> list[dict]:
        """Recurring words the termbase fixes one English for (全市, 企业): not names, listed apart."""
        return [term for term in self.terms if term["kind"] == VOCABULARY]

    def terms_in(self, measure: dict) -> list[dict]:
        """Named terms whose Chinese form occurs in the heading's title or own text."""
        return [term for term in self.named_terms if occurs(term["term_zh"], self.words(measure))]

    def measures_using(self, term: dict) -> list[dict]:
        return [m for m in self.measures if occurs(term["term_zh"], self.words(m))]

    @cached_property
    def _paragraphs_by_measure(self) -> dict[str, list[dict]]:
        return _grouped(self.paragraphs, "measure_id")

    def paragraphs_of(self, measure_id: str) -> list[dict]:
        return self._paragraphs_by_measure.get(measure_id, [])


def _grouped(rows: list[dict], key: str) -> dict[str, list[dict]]:
    groups = defaultdict(list)
    for row in rows:
        groups[row[key]].append(row)
    return dict(groups)
