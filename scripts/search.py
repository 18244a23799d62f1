"""The site's search index: Pagefind, run on the built site after MkDocs (scripts/build.py).

Usage: python -m scripts.search SITE_DIR   (scripts.build runs it on the staging copy of the site)

Pagefind reads every page's article (data-pagefind-body, set in scripts/theme/overrides/main.html) and
writes SITE_DIR/pagefind/: one index per <html lang> (zh and en), which the search box
(docs/javascripts/search.js) fetches piece by piece, only for the words of a query. It runs from the
pagefind[extended] wheel (the binary is inside it: nothing is downloaded).

Chinese is indexed character by character. Pagefind cuts Chinese text into words when it indexes
(jieba's dictionary) and cuts the query with the browser's own dictionary (Intl.Segmenter), and a
query word must begin an indexed word of the page: where the two dictionaries disagree the page is
not found. With Pagefind 1.5.2 that lost 20 of our 110 Chinese names (白名单, 八张报表, 创新型中小企业,
市级有关部门 found nothing) and the commonest word of all, 中小企业 (6 pages of 101). So Pagefind
indexes a copy of each page in which every Han character stands alone (a zero-width space between
two of them, which is also how Pagefind itself separates Chinese words), and the search box searches
a Chinese query as its characters, standing together: any text on the page is found, whatever the
dictionaries say, without a dictionary of ours. The pages served are not changed.

Pagefind cuts each index into chunks of 20,000 word locations, about 25 KB each, and has no option
to change that. A query loads the chunks its words fall in, so a query on a word not met before cost
25 KB or more: over the budget of 20 KB for a further query (issue 11). We therefore cut the chunks
again, smaller (CHUNK_LOCATIONS), the way Pagefind itself does: the words stay in order, each chunk
is named by a hash of its content, and the language's metadata lists each chunk with the shortest
prefixes telling it from its neighbours. This reads and writes Pagefind's own files (gzip, a
signature, then CBOR), so it is tied to the pinned version: FORMAT is checked before anything is
touched, and tests/test_search.py checks that our CBOR reading and writing reproduce Pagefind's
files byte for byte and that our chunks are those Pagefind makes at its own size.
"""
import gzip
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

from scripts.errors import BuildError
from scripts.scratch import scratch

BUNDLE = "pagefind"  # the folder Pagefind writes into, and the search box loads from
FORMAT = "1.5.2"     # the Pagefind version whose index files rechunk() knows
SIGNATURE = b"pagefind_dcd"
CHUNK_LOCATIONS = 1000  # word locations per index chunk (Pagefind's own: 20,000); ~1.5 KB gzipped
CHUNKS = 2              # position of the chunk list [from, to, name] in a language's metadata
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef"  # CJK ideographs (and extensions)
BETWEEN_HAN = re.compile(f"(?<=[{HAN}])(?=[{HAN}])")
TEXT = re.compile(r">([^<]+)<")  # the text between two tags
OPENING = re.compile(r"<html\b[^>]*>")
ARTICLE = re.compile(r"<article\b[^>]*\bdata-pagefind-body\b.*?</article>", re.S)
# What Pagefind writes for its own search interfaces and its web worker: the search box is ours and
# runs Pagefind on the page's own thread, so these are never loaded and are not published.
UNUSED = ["pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js", "pagefind-worker.js"]


def pagefind_binary() -> Path:
    """The extended Pagefind binary shipped in the pagefind_bin_extended wheel: the build with Chinese
    support, the one this index was made and tested with (no other binary is accepted as a stand-in)."""
    try:
        from pagefind_bin_extended import get_executable
    except ImportError:
        raise BuildError("build.pagefind-missing", "Pagefind is missing. Fix: run `make install` (pagefind[extended] is in requirements.lock).") from None
    return get_executable()


def write_index(site: Path) -> str:
    """Index the built site into site/pagefind/; return Pagefind's report. BuildError says why it failed."""
    report = pagefind_bundle(site, site / BUNDLE)
    rechunk(site / BUNDLE)
    for name in UNUSED:
        (site / BUNDLE / name).unlink(missing_ok=True)
    return report


def pagefind_bundle(site: Path, bundle: Path) -> str:
    """Pagefind's own bundle for the built site, written to `bundle` (before rechunk); its report. It reads
    copies of the pages (copy_for_indexing), made in memory where the machine allows (the order Pagefind
    numbers the pages in is the order its folder lists them)."""
    with scratch("pagefind-") as copy:
        copy_for_indexing(site, Path(copy))
        return run_pagefind(Path(copy), bundle)


def run_pagefind(pages: Path, bundle: Path) -> str:
    """Pagefind's own bundle for the pages in `pages`, written to `bundle`; its report."""
    command = [str(pagefind_binary()), "--site", str(pages), "--output-path", str(bundle.resolve()),
               "--exclude-selectors", ".headerlink"]  # the ¶ after each heading
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode:
        raise BuildError("build.pagefind-failed", f"Pagefind could not index {pages}: {' '.join((done.stderr or done.stdout).split())} "
                         "Fix: read Pagefind's words; a page it cannot read points at the theme (scripts/theme/overrides/).")
    return done.stdout


def copy_for_indexing(site: Path, copy: Path) -> None:
    """What Pagefind reads of each page to index, at the page's path under copy: the <html> tag (its
    lang picks the index) and the article (data-pagefind-body), each Han character of its text set
    apart by a zero-width space. Leaving out the header, the sidebars and the footer, which Pagefind
    would skip anyway, halves its work."""
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        article = ARTICLE.search(html)
        if article:
            target = copy / page.relative_to(site)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(f"{OPENING.search(html)[0]}<body>{spread_han(article[0])}</body></html>", encoding="utf-8")


def spread_han(html: str) -> str:
    """Every Han character of the text between tags apart from the next (tags and attributes as they were)."""
    return TEXT.sub(lambda text: ">" + BETWEEN_HAN.sub("\u200b", text[1]) + "<", html)


# --- smaller index chunks ------------------------------------------------------------------------

def rechunk(bundle: Path, limit: int = CHUNK_LOCATIONS) -> None:
    """Cut every language's word index into chunks of about `limit` word locations."""
    entry_file = bundle / "pagefind-entry.json"
    entry = json.loads(entry_file.read_text(encoding="utf-8"))
    if entry["version"] != FORMAT:
        raise BuildError("build.pagefind-format-unknown", f"scripts/search.py knows the index files of Pagefind {FORMAT}, not {entry['version']}. "
                           "Fix: check rechunk() against the new version before changing the pin.")
    for language in entry["languages"].values():
        meta_file = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = read_file(meta_file)
        old = [bundle / "index" / f"{name}.pf_index" for _, _, name in meta[CHUNKS]]
        words = [word for path in old for word in word_entries(unpack(path))]
        pieces = split(words, limit)
        prefix = language["hash"].split("_")[0] + "_"
        names = [write_file(bundle / "index", prefix, chunk_bytes(piece), ".pf_index", 7) for piece in pieces]
        meta[CHUNKS] = [[start, end, name] for (start, end), name in zip(ranges(pieces), names)]
        for path in old:
            if path.stem not in names:
                path.unlink()
        meta_file.unlink()
        language["hash"] = write_file(bundle, prefix, cbor_encode(meta), ".pf_meta", 10, stem="pagefind.")
    entry_file.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def word_entries(chunk: bytes) -> list[tuple[str, int, bytes]]:
    """The words of an index chunk, [[[word, [[page, [locations], [meta locations]], …], …], …]], each as
    (word, its locations as Pagefind counts them, its CBOR bytes): no need to decode the locations to
    move a word to another chunk."""
    _, _, at = _item(chunk, 0)
    _, count, at = _item(chunk, at)
    entries = []
    for _ in range(count):
        start = at
        _, fields, at = _item(chunk, at)
        _, length, at = _item(chunk, at)
        word, at = chunk[at:at + length].decode("utf-8"), at + length
        _, pages, at = _item(chunk, at)
        size = pages  # each page counts one, and one per location and meta location
        for _ in range(pages):
            _, _, at = _item(chunk, at)
            at = _skip(chunk, at)
            for _ in range(2):
                _, listed, at = _item(chunk, at)
                size += listed
                at = _skip(chunk, at, listed)
        at = _skip(chunk, at, fields - 2)
        entries.append((word, size, chunk[start:at]))
    return entries


def chunk_bytes(words: list[tuple[str, int, bytes]]) -> bytes:
    """An index chunk's CBOR, [[word, …]], from the words' own CBOR bytes."""
    return _head(4, 1) + _head(4, len(words)) + b"".join(raw for _, _, raw in words)


def split(words: list, limit: int) -> list[list]:
    """Consecutive runs of words (word, locations, …), each closed once it holds `limit` locations."""
    pieces, piece, size = [], [], 0
    for word in words:
        piece.append(word)
        size += word[1]
        if size >= limit:
            pieces.append(piece)
            piece, size = [], 0
    return pieces + [piece] if piece else pieces


def ranges(pieces: list[list]) -> list[tuple[str, str]]:
    """(from, to) of each chunk: its first and last word, cut to the shortest prefixes that still tell
    neighbouring chunks apart (what Pagefind's own chunk_meta writes, and its search relies on)."""
    bounds = [[piece[0][0], piece[-1][0]] for piece in pieces]
    for left, right in zip(bounds, bounds[1:]):
        left[1], right[0] = distinct_prefixes(left[1], right[0])
    return [tuple(bound) for bound in bounds]


def distinct_prefixes(a: str, b: str) -> tuple[str, str]:
    common = 0
    while common < min(len(a), len(b)) and a[common] == b[common]:
        common += 1
    return a[:common + 1], b[:common + 1]


def unpack(path: Path) -> bytes:
    """A Pagefind file's CBOR: gunzipped, its signature checked and taken off."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise BuildError("build.pagefind-format-unknown", f"{path} is not a Pagefind {FORMAT} file. Fix: check rechunk() against the installed Pagefind.")
    return data[len(SIGNATURE):]


def read_file(path: Path):
    return cbor_decode(unpack(path))


def write_file(folder: Path, prefix: str, body: bytes, suffix: str, digits: int, stem: str = "") -> str:
    """Write CBOR body as Pagefind does, named prefix + a hash of it; return the name (no stem, no suffix)."""
    content = gzip.compress(SIGNATURE + body, 9, mtime=0)
    digest = hashlib.sha256(body).hexdigest()
    name = prefix + digest[:digits]
    while (folder / f"{stem}{name}{suffix}").exists() and (folder / f"{stem}{name}{suffix}").read_bytes() != content:
        digits += 1  # another file has this short hash: lengthen ours
        name = prefix + digest[:digits]
    (folder / f"{stem}{name}{suffix}").write_bytes(content)
    return name


# --- CBOR, the subset Pagefind writes: integers, text, bytes, arrays and maps of definite length ---

def cbor_decode(data: bytes):
    value, end = _decode(data, 0)
    if end != len(data):
        raise ValueError(f"{len(data) - end} bytes left after the CBOR value")
    return value


def _item(data: bytes, at: int) -> tuple[int, int, int]:
    """The CBOR item head at `at`: (major type, argument, where the item's content starts)."""
    major, info = data[at] >> 5, data[at] & 0x1F
    if info < 24:
        return major, info, at + 1
    if info <= 27:
        size = 1 << (info - 24)
        return major, int.from_bytes(data[at + 1:at + 1 + size], "big"), at + 1 + size
    raise ValueError(f"CBOR item {data[at]:#x} (indefinite length or reserved) is not used by Pagefind")


def _skip(data: bytes, at: int, items: int = 1) -> int:
    """Where the `items` CBOR items starting at `at` end. Most are the integers of word locations, which
    are stepped over without reading their value (this loop is most of the re-chunking's time)."""
    while items:
        items -= 1
        head = data[at]
        if head < 0x40 and head & 0x1F <= 27:  # an integer (major type 0 or 1): one byte, or one and 1, 2, 4 or 8 more
            info = head & 0x1F
            at += 1 if info < 24 else 1 + (1 << (info - 24))
            continue
        major, argument, at = _item(data, at)
        if major in (2, 3):
            at += argument
        elif major in (4, 5):
            items += argument * (major - 3)
        elif major > 5:
            raise ValueError(f"CBOR major type {major} is not used by Pagefind")
    return at


def _decode(data: bytes, at: int):
    major, argument, at = _item(data, at)
    if major == 0:
        return argument, at
    if major == 1:
        return -1 - argument, at
    if major in (2, 3):
        raw = data[at:at + argument]
        return (bytes(raw) if major == 2 else raw.decode("utf-8")), at + argument
    if major in (4, 5):
        items = []
        for _ in range(argument * (major - 3)):
            item, at = _decode(data, at)
            items.append(item)
        return (items if major == 4 else dict(zip(items[::2], items[1::2]))), at
    raise ValueError(f"CBOR major type {major} is not used by Pagefind")


def cbor_encode(value) -> bytes:
    if isinstance(value, bool) or value is None:
        raise TypeError(f"{value!r}: not in the subset of CBOR Pagefind writes")
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(map(cbor_encode, value))
    if isinstance(value, dict):
        return _head(5, len(value)) + b"".join(cbor_encode(k) + cbor_encode(v) for k, v in value.items())
    raise TypeError(f"{type(value).__name__}: not in the subset of CBOR Pagefind writes")


def _head(major: int, argument: int) -> bytes:
    """A CBOR item head, in the shortest form (as Pagefind's encoder writes it)."""
    if argument < 24:
        return bytes([major << 5 | argument])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if argument < 1 << (8 * size):
            return bytes([major << 5 | info]) + argument.to_bytes(size, "big")
    raise ValueError(f"{argument} does not fit in a CBOR head")


def main() -> int:
    if len(sys.argv) != 2:
        sys.exit("Usage: python -m scripts.search SITE_DIR")
    print(write_index(Path(sys.argv[1])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
