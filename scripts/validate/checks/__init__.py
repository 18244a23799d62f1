"""Domain checks: what only this project knows, beyond what Frictionless checks.

Each check takes the loaded package and yields Problems; it never raises for a data mistake.
"""
from scripts.validate.checks.calques import calques
from scripts.validate.checks.declarations import declarations
from scripts.validate.checks.excerpts import excerpt_heads
from scripts.validate.checks.language import bilingual_prose, english
from scripts.validate.checks.progress import no_future_dates, progress_figures, searched_dates, source_excerpts
from scripts.validate.checks.quotes import source_files, target_values, verbatim
from scripts.validate.checks.references import heading_references
from scripts.validate.checks.responsibilities import responsibilities, responsible_lines
from scripts.validate.checks.structure import measure_texts, measure_tree, paragraph_order, term_first_use
from scripts.validate.checks.termbase import termbase

ALL_CHECKS = [declarations, source_files, verbatim, english, bilingual_prose, termbase, heading_references, calques,
              target_values, responsible_lines, responsibilities, measure_texts, paragraph_order, measure_tree,
              term_first_use, source_excerpts, excerpt_heads, progress_figures, searched_dates, no_future_dates]
