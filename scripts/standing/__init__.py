"""Where each target stands: the one status model, shared by the site and the release writer.

    comparable.py  which published figures are compared with a target (scope and kind)
    periods.py     dates and periods: the plan's years, overlaps, sums of additions that do not overlap
    facts.py       the typed facts: what is known of one target, nothing worded
    rule.py        standing(target, figures, plan): the facts, by the rule schemas/derived/ states
    units.py       who answers for a heading: its own 责任单位 line, or inherited from the heading above
    derived.py     the derived tables a release carries (the rule's results, labelled derived)

It imports neither MkDocs nor the site's code (scripts/archive must not, and imports this); the site
words the facts (scripts/site/sentences.py), in both languages.
"""
from scripts.standing.facts import Plan, Standing
from scripts.standing.rule import standing

__all__ = ["Plan", "Standing", "standing"]
