"""Downloads: every release of the Data Package in every common format, plus `latest`.

write_downloads(package, docs_dir) writes docs_dir/downloads/ (what goes where: published.py; the
files of one release: layout.py) and says what it published; blocks(package, published) gives what
the Data pages' placeholders become. A release's bytes depend only on its data, its descriptor's
`created` date and the site's address: same inputs, same files.
"""
from scripts.downloads.published import Published, write_downloads
from scripts.downloads.release import release_dir_name, write_release
from scripts.downloads.site_pages import blocks

# write_release is the door past releases are rebuilt through (past_releases.py): keep it importable here.
__all__ = ["Published", "blocks", "release_dir_name", "write_downloads", "write_release"]
