"""The downloads' addresses: public, from the one setting SITE_URL (scripts/site_url.py), and relative,
from the Data pages. With SITE_URL unset there is no public address: callers write none (the files) or
a relative one (the pages).
"""
from scripts.downloads import layout
from scripts.pages.addresses import address
from scripts.site_url import site_url


def folder_url(folder: str) -> str | None:
    """The address of downloads/<folder>/ on the published site, or None."""
    base = site_url()
    return address(f"{layout.DOWNLOADS}/{folder}/", "", base) if base else None


def release_url(version: str) -> str | None:
    """The address of the files that call themselves `version`: a release's own folder, or the preview's."""
    return folder_url(layout.folder_of(version))


PAGE_DIR = "data"  # the Data pages, relative to docs/


def page_link(folder: str, path: str) -> str:
    """A link from a Data page to a file under downloads/<folder>/."""
    return address(f"{layout.DOWNLOADS}/{folder}/{path}", f"{PAGE_DIR}/", None)
