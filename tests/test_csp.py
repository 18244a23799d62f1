"""The Content-Security-Policy of every built page, read as files (tests/test_browser_csp.py runs it)."""
import base64
import hashlib
import re

from scripts.theme.hooks.csp import policy, with_policy

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S)


def directives(content: str) -> dict[str, list[str]]:
    return {name: values for name, *values in (part.split() for part in content.split(";"))}


def pages(site):
    return sorted(page for page in site.rglob("*.html") if "downloads" not in page.parts)


def test_every_page_has_one_policy_before_its_first_script_and_stylesheet(built_site):
    for page in pages(built_site):
        html = page.read_text(encoding="utf-8")
        (found,) = META.finditer(html)
        assert found.start() < html.index("<script") and found.start() < html.index('rel="stylesheet"'), page


def test_nothing_from_another_host_and_no_unsafe_inline_or_eval(built_site):
    for page in pages(built_site):
        policy_of = directives(META.search(page.read_text(encoding="utf-8"))[1])
        assert policy_of["default-src"] == ["'self'"] and policy_of["object-src"] == ["'none'"], page
        for name in ["style-src", "img-src", "font-src", "connect-src", "base-uri", "form-action"]:
            assert set(policy_of[name]) <= {"'self'", "data:"}, (page, name)
        assert [value for value in policy_of["script-src"] if not value.startswith("'sha256-")] == ["'self'", "'wasm-unsafe-eval'"]


def test_every_inline_script_that_runs_is_allowed_by_its_hash_and_nothing_else_is(built_site):
    for page in pages(built_site):
        html = page.read_text(encoding="utf-8")
        running = [body for attributes, body in SCRIPT.findall(html)
                   if "src=" not in attributes and "application/json" not in attributes and "ld+json" not in attributes]
        expected = {"'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'" for body in running}
        hashes = {value for value in directives(META.search(html)[1])["script-src"] if value.startswith("'sha256-")}
        assert running and hashes == expected, page


def test_no_page_has_an_inline_style(built_site):
    """style-src 'self' blocks style attributes and <style> elements: none may be written."""
    for page in pages(built_site):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"<[^>]+\sstyle=|<style\b", html), page


def test_data_blocks_get_no_hash_and_a_script_gets_one():
    html = ('<meta charset="utf-8"><script type="application/ld+json">{"a": 1}</script>'
            '<script id="__config" type="application/json">{}</script><script>run()</script>')
    hashes = [value for value in policy(html).split() if value.startswith("'sha256-")]
    assert hashes == ["'sha256-" + base64.b64encode(hashlib.sha256(b"run()").digest()).decode() + "';"]
    assert with_policy(html).index("Content-Security-Policy") < with_policy(html).index("<script")


def test_the_pyramids_widths_come_from_the_stylesheet_instead(built_site):
    css = (built_site / "stylesheets" / "pyramid.css").read_text(encoding="utf-8")
    for home in [built_site / "index.html", built_site / "en" / "index.html"]:
        widths = re.findall(r'<li class="width-(\d+)">', home.read_text(encoding="utf-8"))
        assert len(widths) > 2 and widths == sorted(widths, key=int)
        assert all(f"li.width-{width} {{ width: {width}%; }}" in css for width in widths)
