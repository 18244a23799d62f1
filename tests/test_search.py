"""The search index (scripts/search.py) read as files: what is indexed, how, and that our re-chunking
reproduces Pagefind's own files. The browser side is in test_browser.py."""
import json
import re
from pathlib import Path

import pytest

from scripts import search
from scripts.package import LANGUAGES
from scripts.site import site_map

FRAGMENT_BUDGET = 8 * 1024  # one search result costs one fragment; the further-query budget is 20 KB


def fragments(site: Path) -> dict[str, dict]:
    """Every indexed page's fragment (gzip, signature, JSON), by URL."""
    found = {}
    for path in (site / search.BUNDLE / "fragment").iterdir():
        data = json.loads(search.unpack(path))
        found[data["url"]] = dict(data, size=path.stat().st_size)
    return found


def entry(site: Path) -> dict:
    """pagefind-entry.json of a site, or of a bundle folder itself."""
    bundle = site if (site / "pagefind-entry.json").exists() else site / search.BUNDLE
    return json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))


def chunk_words(bundle: Path, language: dict) -> tuple[list, list[list]]:
    """A language's metadata chunk list and the words of each chunk, as (word, locations, CBOR bytes)."""
    meta = search.read_file(bundle / f"pagefind.{language['hash']}.pf_meta")
    chunks = [search.word_entries(search.unpack(bundle / "index" / f"{name}.pf_index")) for _, _, name in meta[search.CHUNKS]]
    return meta[search.CHUNKS], chunks


@pytest.fixture(scope="module")
def pagefinds_own(built_site, tmp_path_factory) -> Path:
    """The bundle Pagefind itself writes for the built site, before scripts/search.py re-chunks it."""
    work = tmp_path_factory.mktemp("pagefind")
    search.pagefind_bundle(built_site, work / "bundle")
    return work / "bundle"


def test_our_cbor_reproduces_pagefinds_files_byte_for_byte(pagefinds_own):
    files = list(pagefinds_own.glob("*.pf_meta")) + list(pagefinds_own.glob("index/*.pf_index"))
    assert files
    for path in files:
        body = search.unpack(path)
        assert search.cbor_encode(search.cbor_decode(body)) == body, path.name


def test_our_chunks_at_pagefinds_size_are_pagefinds_chunks(pagefinds_own):
    """word_entries() reads a chunk's words whole, split() and ranges() cut and name the chunks where
    Pagefind does: at its own size, our chunks are its chunks, byte for byte."""
    for language in entry(pagefinds_own)["languages"].values():
        listed, chunks = chunk_words(pagefinds_own, language)
        assert search.split([word for chunk in chunks for word in chunk], 20000) == chunks
        assert [list(bounds) for bounds in search.ranges(chunks)] == [item[:2] for item in listed]
        for (_, _, name), chunk in zip(listed, chunks):
            assert search.chunk_bytes(chunk) == search.unpack(pagefinds_own / "index" / f"{name}.pf_index")


def test_the_site_has_small_chunks_holding_every_word_once(built_site, pagefinds_own):
    own = entry(pagefinds_own)["languages"]
    for code, language in entry(built_site)["languages"].items():
        listed, chunks = chunk_words(built_site / search.BUNDLE, language)
        _, originals = chunk_words(pagefinds_own, own[code])
        assert [w for chunk in chunks for w in chunk] == [w for chunk in originals for w in chunk]
        assert len(chunks) > len(originals)
        for chunk in chunks:  # a chunk closes once it holds the limit; one word alone may hold more
            assert sum(size for _, size, _ in chunk[:-1]) < search.CHUNK_LOCATIONS
    files = {p.stem for p in (built_site / search.BUNDLE / "index").iterdir()}
    assert files == {name for language in entry(built_site)["languages"].values()
                     for _, _, name in chunk_words(built_site / search.BUNDLE, language)[0]}



def test_one_index_per_language_and_nothing_of_materials_search(built_site):
    assert set(entry(built_site)["languages"]) == {"zh", "en"}
    assert entry(built_site)["version"] == search.FORMAT
    assert not (built_site / "search").exists() and not list(built_site.rglob("search_index.json"))
    assert not any((built_site / search.BUNDLE / name).exists() for name in search.UNUSED)
    for page in [built_site / "index.html", built_site / "en" / "index.html"]:
        html = page.read_text(encoding="utf-8")
        assert "pagefind.js" not in html and "search_index" not in html  # search.js loads Pagefind on use
        assert re.search(r'<script src="(\.\./)?javascripts/search\.js" type="module">', html)


def test_every_page_but_the_unsearched_404_and_landing_pages_is_indexed(built_site):
    """The download folders' landing pages (written after MkDocs) list files and checksums: no search result."""
    indexed = set(fragments(built_site))
    pages = {"/" + p.relative_to(built_site).as_posix().removesuffix("index.html") for p in built_site.rglob("*.html")
             if not p.is_relative_to(built_site / search.BUNDLE) and not p.is_relative_to(built_site / "downloads")}
    unsearched = {"/" + site_map.page_in(lang, page) for page in site_map.UNSEARCHED for lang in LANGUAGES}
    assert unsearched >= {"/text/", "/en/text/", "/data/changelog/", "/en/data/changelog/", "/data/versions/", "/en/data/versions/"}
    assert indexed == pages - unsearched - {"/404.html"}
    assert {code: language["page_count"] for code, language in entry(built_site)["languages"].items()} == {
        "zh": sum(not url.startswith("/en/") for url in indexed), "en": sum(url.startswith("/en/") for url in indexed)}


def test_only_the_article_is_indexed(built_site):
    """The footer's licence line and the sidebar (which lists every term on a term's page) stay out."""
    found = fragments(built_site)
    yuqima = found["/glossary/yuqima/"]["content"].replace("\u200b", "")
    assert yuqima.startswith("渝企码") and "白名单" not in yuqima  # 白名单 is in its sidebar, not its article
    assert "白名单" in (built_site / "glossary" / "yuqima" / "index.html").read_text(encoding="utf-8")
    footer = {"zh": "本站汇编与译文采用 CC BY 4.0 许可", "en": "Our compilation and translations: CC BY 4.0"}
    for url, data in found.items():
        assert footer["en" if url.startswith("/en/") else "zh"] not in data["content"].replace("\u200b", ""), url
        assert "¶" not in data["content"] and "¶" not in data["meta"]["title"], url


def test_chinese_is_indexed_character_by_character_and_pages_are_unchanged(built_site):
    content = fragments(built_site)["/glossary/little-giant/"]["content"]
    assert content.startswith("小\u200b巨\u200b人")
    assert "\u200b" not in (built_site / "glossary" / "little-giant" / "index.html").read_text(encoding="utf-8")


def test_spreading_han_characters_leaves_tags_and_other_text_alone():
    html = '<h1 id="渝企码" title="市经济">渝企码 Yuqima 2027年</h1><p>中小企业</p>'
    assert search.spread_han(html) == ('<h1 id="渝企码" title="市经济">渝\u200b企\u200b码 Yuqima 2027年</h1>'
                                       '<p>中\u200b小\u200b企\u200b业</p>')


def test_no_result_costs_more_than_its_budget(built_site):
    sizes = {url: data["size"] for url, data in fragments(built_site).items()}
    assert max(sizes.values()) < FRAGMENT_BUDGET, sorted(sizes.items(), key=lambda item: -item[1])[:3]


def test_cbor_refuses_what_pagefind_does_not_write():
    assert search.cbor_decode(search.cbor_encode([0, 23, 24, 255, 65536, 2**32, -1, -25, "渝企码", b"\x00", {"a": [1]}])) == \
        [0, 23, 24, 255, 65536, 2**32, -1, -25, "渝企码", b"\x00", {"a": [1]}]
    with pytest.raises(TypeError):
        search.cbor_encode(1.5)
    with pytest.raises(ValueError, match="indefinite"):
        search.cbor_decode(bytes([0x9F, 0x01, 0xFF]))
