"""Is each CSV UTF-8 without a byte-order mark, with Unix line endings? Spreadsheets and Windows editors often save
something else; say what and how to fix it."""
from collections.abc import Iterator
from pathlib import Path

from scripts.validate.problems import Problem


def check_encoding(root: Path, descriptor: dict) -> Iterator[Problem]:
    """Each CSV is UTF-8 without a byte-order mark, lines ending LF; GBK (what Excel often saves) gets its own advice."""
    for resource in descriptor["resources"]:
        path = root / resource["path"]
        if not path.is_file():
            yield Problem("package.file-missing", resource["path"], None, None, "the file is missing.",
                          "restore it, or remove the resource from datapackage.yaml.")
            continue
        yield from _encoding_of(resource["path"], path.read_bytes())


def _encoding_of(file: str, raw: bytes) -> Iterator[Problem]:
    if raw.startswith(b"\xef\xbb\xbf"):
        yield Problem("encoding.byte-order-mark", file, 1, None, "the file starts with a byte-order mark (BOM).",
                      'save it as UTF-8 without BOM (in Excel: "CSV UTF-8" is with BOM; use a text editor or LibreOffice).')
        return
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw.split(b"\n", 1)[0]:
        yield Problem("encoding.not-utf8", file, 1, None,
                      "the file is not UTF-8; it looks like UTF-16 (Excel's \u201cUnicode Text\u201d).",
                      'save it as UTF-8 (LibreOffice: Character set "Unicode (UTF-8)"; '
                      "or run: iconv -f UTF-16 -t UTF-8 in.csv > out.csv).")
        return
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        yield Problem("encoding.not-utf8", file, line, None, _not_utf8(raw),
                      'save it as UTF-8 (LibreOffice: Character set "Unicode (UTF-8)"; '
                      "or run: iconv -f GB18030 -t UTF-8 in.csv > out.csv).")
        return
    yield from _line_endings(file, raw)


def _line_endings(file: str, raw: bytes) -> Iterator[Problem]:
    """Windows line endings (CR LF) make git show every line changed and travel into the released files."""
    crlf = raw.find(b"\r\n")
    if crlf != -1:
        yield Problem("encoding.crlf-line-endings", file, raw[:crlf].count(b"\n") + 1, None,
                      "the file has Windows line endings (CR LF), the first at the end of this line.",
                      f"save it with Unix line endings (LF): run sed -i 's/\\r$//' {file} (or dos2unix {file}), "
                      'or set your editor\'s line endings to "LF" (Unix) and save it again.')


def _not_utf8(raw: bytes) -> str:
    try:
        raw.decode("gb18030")
        return "the file is not UTF-8; it looks like GBK/GB18030, which Excel often saves for Chinese text."
    except UnicodeDecodeError:
        return "the file is not UTF-8."
