"""Generate the site's pages from the data package, in Chinese (x.md) and English (x.en.md).

write_pages(package, docs_dir) writes every generated page into docs_dir (the staging copy of docs/,
never the committed folder); blocks(package) gives what the hand-written pages' placeholders become.
"""
from collections.abc import Callable
from pathlib import Path

from scripts.package import LANGUAGES, DataPackage
from scripts.problems.catalogue import catalogue
from scripts.site.parts import prose_markdown
from scripts.site.pages import about, agencies, dictionary, fulltext, glossary, home, measures, targets
from scripts.site.markdown import write
from scripts.site.model import Site

# Each module's pages(site, lang) gives the (page, Markdown) pairs of one kind of page.
SECTIONS = [measures, agencies, targets, fulltext, glossary, dictionary]


PYRAMID_CSS = "stylesheets/pyramid.css"  # listed in mkdocs.yml's extra_css; made from the data, like the pages


def write_pages(package: DataPackage, docs_dir: Path) -> None:
    site = Site(package)
    (docs_dir / PYRAMID_CSS).write_text(home.pyramid_css(site), encoding="utf-8")
    for lang in LANGUAGES:
        for section in SECTIONS:
            for page, markdown in section.pages(site, lang):
                write(docs_dir, page, lang, markdown)


def blocks(package: DataPackage) -> dict[str, Callable[[str], str]]:
    """Placeholder name → its Markdown in a language, for the home and About pages."""
    site = Site(package)
    return {
        "key-figures": lambda lang: home.key_figures(site, lang),
        "standing": lambda lang: home.standing(site, lang),
        "tier-pyramid": lambda lang: home.pyramid(site, lang),
        "actions": lambda lang: home.actions(site, lang),
        "responsibility": lambda lang: home.responsibility(site, lang),
        "sources": lambda lang: about.sources(site, lang),
        "attachment": lambda lang: about.attachment(site, lang),
        "problem-codes": lambda lang: catalogue(lang, prose=lambda text: prose_markdown(text, lang)),
    }
