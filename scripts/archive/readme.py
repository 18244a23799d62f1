"""README.md inside the zip: what a copy found on its own holds, how to cite it, its licence and, when the
site has an address, where the package lives. Made from the descriptor and the release's CITATION.cff,
so it says nothing the release does not; it names no time but the release's date, so the bytes repeat."""
import yaml

from scripts.archive import layout
from scripts.archive.citation_file import plain_citation
from scripts.package import DataPackage

README = "README.md"
LICENCE_SUMMARY = ("Our compilation, translations and notes: {licence} ({address}). The Chinese text of the notice is "
                   "reproduced verbatim: in our understanding it is not covered by copyright, and no licence of ours "
                   "applies to it. The English translation is ours and unofficial. The code is under the MIT licence. "
                   "LICENSE.md says all this in full.")


def readme_text(package: DataPackage, released_cff: str, site_url: str | None) -> str:
    descriptor, citation = package.descriptor, yaml.safe_load(released_cff)
    licence = descriptor["licenses"][0]
    resources = "\n".join(f"  - `{layout.file_of(resource, 'csv')}`" + (" (derived: what the site computes)" if resource.get("derived") else "")
                           for resource in descriptor["resources"])
    where = (f"- the site, with every version and the data dictionary: {site_url}\n"
             f"- this version's own address: {citation['url']}\n") if site_url and citation.get("url") else \
        "This copy was built without the site's address, so it names none.\n"
    return f"""# {descriptor['title']}

Version {descriptor['version']}, released {descriptor['created'][:10]}.

{" ".join(descriptor['description'].split())}

渝府办发〔2024〕14号全文、各级标题、量化目标、责任单位、专有名称和已报告的进展：中文照录原文，英文为本站的非官方译文。

## What this zip holds

- `{layout.DESCRIPTOR}`: the Frictionless Data Package descriptor: every table's schema (each field described
  in English and Chinese, with its type), the version, the release date, and each CSV's size and SHA-256.
  `frictionless validate {layout.DESCRIPTOR}` checks the whole package.
- One CSV per table (UTF-8 without a BOM; an empty cell is a missing value, never an empty string):
{resources}
- `{layout.DATA}/source/`: the stored texts every Chinese quote is checked against: the notice itself and the
  excerpt of each progress source.
- `{layout.LICENCE}` and `{layout.CITATION}`.

## How to cite

{plain_citation(citation)}

`{layout.CITATION}` holds the same, for reference managers (Citation File Format).

## Licence

{LICENCE_SUMMARY.format(licence=licence['name'], address=licence['path'])}

## Where it lives

{where}"""


def readme_entry(package: DataPackage, released_cff: str, site_url: str | None) -> tuple[str, bytes]:
    return README, readme_text(package, released_cff, site_url).encode("utf-8")
