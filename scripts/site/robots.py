"""robots.txt at the site's root, and the sitemap MkDocs writes, which only an address makes valid.

Everything may be crawled. A sitemap must list absolute addresses: with SITE_URL the one MkDocs writes
(every page in both languages, each with its twin as an xhtml:link alternate) is named in robots.txt;
without it MkDocs writes "None" where the address should be, so the build removes that sitemap and
names none. robots.txt itself must stand at a host's root to be read: on a GitHub Pages project site
(owner.github.io/repository/) it is not, and the sitemap is then for submitting by hand.
"""
from pathlib import Path

SITEMAPS = ["sitemap.xml", "sitemap.xml.gz"]


def robots_txt(site_url: str | None) -> str:
    lines = ["User-agent: *", "Allow: /"]
    return "\n".join(lines + ([f"Sitemap: {site_url}{SITEMAPS[0]}"] if site_url else [])) + "\n"


def write_robots(site: Path, site_url: str | None) -> None:
    if not site_url:
        for name in SITEMAPS:
            (site / name).unlink(missing_ok=True)
    (site / "robots.txt").write_text(robots_txt(site_url), encoding="utf-8")
