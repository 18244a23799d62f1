"""CITATION.cff as a release carries it: the repository's file given the release's version and, when the
site has an address, the release's own address."""
import re

from scripts.archive import layout
from scripts.lines import set_line


def released_cff(cff_text: str, version: str, site_url: str | None) -> str:
    text = set_line(cff_text, "version: ", f"version: {version}", layout.CITATION)
    url = layout.release_url(site_url, version)
    if url is None:
        return text
    return re.sub(r"^date-released: .*$", lambda line: f'{line[0]}\nurl: "{url}"', text, count=1, flags=re.MULTILINE)


def author_names(citation: dict) -> list[str]:
    """Entities by name, people as Family, Given."""
    return [author.get("name") or f"{author['family-names']}, {author['given-names']}" for author in citation["authors"]]


def plain_citation(citation: dict) -> str:
    """The plain-text citation: authors (year). Title (Version X) [Data set]. Address. The site and the
    zip's README give the same."""
    year = str(citation["date-released"])[:4]
    address = f" {citation['url']}" if citation.get("url") else ""
    return (f"{'; '.join(author_names(citation))} ({year}). {citation['title']} "
            f"(Version {citation['version']}) [Data set].{address}")
