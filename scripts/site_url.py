"""The site's public address: one setting, the environment variable SITE_URL (https://example.org/cq-sme-plan/).

Everything that needs an absolute address asks here: MkDocs' site_url (canonical links, sitemap), the
package's homepage and download addresses, CITATION.cff, the cite box and the use-the-data snippets.
Unset, the build still works and is fully relative (local preview, tests) and no address is invented.
"""
import os
from urllib.parse import urlsplit

from scripts.errors import BuildError

VARIABLE = "SITE_URL"


def site_url() -> str | None:
    """SITE_URL with a trailing slash, or None when it is not set; a malformed one stops the build."""
    value = os.environ.get(VARIABLE, "").strip()
    if not value:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise BuildError(f"{VARIABLE}={value!r} is not a site address: give http(s)://host/path/, with no query or fragment.")
    return value.rstrip("/") + "/"
