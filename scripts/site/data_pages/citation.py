"""How to cite, from CITATION.cff (the one place the citation is written): the site's plain-text and
BibTeX citations (the copy a release carries: scripts/archive/citation_file.py).

The repository's CITATION.cff names no address: the address to cite is a version's own folder on the
published site (SITE_URL + downloads/v<version>/), known only when the site is built with SITE_URL.
"""
import re
from pathlib import Path

import yaml

from scripts.archive import layout


def read_citation(root: Path) -> dict:
    return yaml.safe_load((root / layout.CITATION).read_text(encoding="utf-8"))


def site_citation(root: Path, site_url: str | None) -> dict:
    """CITATION.cff with the address of its version's folder, when the site has an address."""
    citation = read_citation(root)
    url = layout.release_url(site_url, str(citation["version"]))
    return dict(citation, url=url) if url else citation


def citation_key(version: str) -> str:
    """The BibTeX key of a version: letters, digits and underscores."""
    return re.sub(r"\W", "_", f"cq_sme_plan_{version}", flags=re.ASCII)


def bibtex(citation: dict, key: str) -> str:
    # An organisation goes in braces, so BibTeX keeps it whole instead of splitting it into given and family names.
    authors = " and ".join(f"{{{author['name']}}}" if author.get("name") else f"{author['family-names']}, {author['given-names']}"
                           for author in citation["authors"])
    fields = {
        "author": authors,
        "title": citation["title"],
        "year": str(citation["date-released"])[:4],
        "version": str(citation["version"]),
        "url": citation.get("url"),
        "note": f"Data set, released {citation['date-released']}, licence {citation['license']}",
    }
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items() if value)
    return f"@misc{{{key},\n{body}\n}}"
