"""The release writer: one release of the Data Package in every format (layout.py says where each file goes).

It reads the package and the repository files that travel with it (LICENSE.md, CITATION.cff) from the
package's root and writes one folder; it imports neither MkDocs nor the site's page code (a test proves
it), so the door every past release is rebuilt through stays small: `python -m scripts.archive`.
"""
from scripts.archive.writer import release_dir_name, write_release

__all__ = ["release_dir_name", "write_release"]
