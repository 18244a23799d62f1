"""MkDocs hook (see `hooks:` in mkdocs.yml): a Content-Security-Policy in the head of every page.

GitHub Pages sends no headers of ours, so the policy is a <meta http-equiv> at the top of the head,
before any script (a meta policy covers only what follows it). It lets a page load nothing from another
host: scripts, styles, images, fonts and fetches from the site itself only. The inline scripts Material
writes (its settings, whose base path differs with a page's depth, and its tab-from-fragment line) are
allowed by the SHA-256 of each one found in the finished page, never by 'unsafe-inline'. Script elements
that only carry data (Material's JSON settings, our JSON-LD) are never run, so they need no hash.
'wasm-unsafe-eval' is Pagefind's WebAssembly (the search box); 'data:' images are the icons Material's
stylesheet draws as data: SVGs. No page has an inline style attribute (tests/test_csp.py checks), so
style-src is 'self' alone.
"""
import base64
import hashlib
import re

from mkdocs.plugins import event_priority

POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'wasm-unsafe-eval'"],  # and the hash of each inline script of the page
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}
SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S | re.I)
TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
RUN_TYPES = {"", "text/javascript", "application/javascript", "module"}  # what a browser executes
CHARSET = '<meta charset="utf-8">'


def inline_scripts(html: str) -> list[str]:
    """The text of every script element the browser would run from the page itself (no src)."""
    found = []
    for attributes, body in SCRIPT.findall(html):
        kind = TYPE.search(attributes)
        if not re.search(r"\bsrc\s*=", attributes, re.I) and (kind[1].lower() if kind else "") in RUN_TYPES:
            found.append(body)
    return found


def script_hash(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"


def policy(html: str) -> str:
    """The page's policy: POLICY with a hash for each of its inline scripts (each once, in page order)."""
    hashes = list(dict.fromkeys(script_hash(body) for body in inline_scripts(html)))
    directives = dict(POLICY, **{"script-src": POLICY["script-src"] + hashes})
    return "; ".join(" ".join([name, *values]) for name, values in directives.items())


def with_policy(html: str) -> str:
    """The page with its policy right after <meta charset>, ahead of every script and stylesheet."""
    if CHARSET not in html:
        raise ValueError(f"no {CHARSET} to put the Content-Security-Policy after")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    return html.replace(CHARSET, f"{CHARSET}\n    {meta}", 1)


@event_priority(-100)  # last: the hashes are those of the page as written
def on_post_page(output, page, config):
    return with_policy(output)


@event_priority(-100)
def on_post_template(output, template_name, config):
    """The theme's own pages: 404.html (the sitemap is not a page; an empty output is not written)."""
    return with_policy(output) if template_name.endswith(".html") and output.strip() else output
