"""Generate the site's pages from the data package, in Chinese (x.md) and English (x.en.md).

write_pages(package, docs_dir) writes every generated page into docs_dir (the staging copy of docs/,
never the committed folder) and fills the data placeholders of the hand-written pages there.
"""
from pathlib import Path

from scripts.package import DataPackage
from scripts.pages import about, home, placeholders
from scripts.pages.agencies import write_agencies
from scripts.pages.dictionary import write_dictionary
from scripts.pages.fulltext import write_full_text
from scripts.pages.glossary import write_glossary
from scripts.pages.measures import write_measures
from scripts.pages.model import Site
from scripts.pages.targets import write_targets


def write_pages(package: DataPackage, docs_dir: Path) -> None:
    site = Site(package)
    write_measures(site, docs_dir)
    write_agencies(site, docs_dir)
    write_targets(site, docs_dir)
    write_full_text(site, docs_dir)
    write_glossary(site, docs_dir)
    write_dictionary(package, docs_dir)
    placeholders.fill(docs_dir, {
        "key-figures": lambda lang: home.key_figures(site, lang),
        "tier-pyramid": lambda lang: home.pyramid(site, lang),
        "actions": lambda lang: home.actions(site, lang),
        "responsibility": lambda lang: home.responsibility(site, lang),
        "sources": lambda lang: about.sources(site, lang),
        "attachment": lambda lang: about.attachment(site, lang),
    })
