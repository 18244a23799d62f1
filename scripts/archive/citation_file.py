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
