"""The door every recorded release is rebuilt through, in its own commit's tree (scripts/publication/rebuild.py):

    python -m scripts.archive --root ROOT --out FOLDER [--site-url URL]

writes the release of the package under ROOT into FOLDER (which must not exist). Keep this command
working in every future version: it is how the release made from this code is made again, byte for byte.
Releases made before it existed (1.0.0, 2.0.0) are rebuilt through their own older door (rebuild.py).
"""
import argparse
import sys
from pathlib import Path

from scripts.archive.writer import write_release
from scripts.context import parse_site_url
from scripts.errors import BuildError
from scripts.package import load_package


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, required=True, help="folder holding datapackage.yaml, LICENSE.md, CITATION.cff")
    parser.add_argument("--out", type=Path, required=True, help="the release's folder, created")
    parser.add_argument("--site-url", default="", help="the site's address, written into the files (none: no address)")
    args = parser.parse_args(argv)
    try:
        write_release(load_package(args.root.resolve()), args.out, parse_site_url(args.site_url))
    except BuildError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
