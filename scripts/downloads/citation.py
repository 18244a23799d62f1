"""The "how to cite" text, plain and BibTeX, from CITATION.cff: the one place the citation is written."""
import yaml

from scripts import paths


def read_citation() -> dict:
    return yaml.safe_load((paths.ROOT / "CITATION.cff").read_text(encoding="utf-8"))


def author_names(citation: dict) -> list[str]:
    """Entities by name, people as Family, Given."""
    return [author.get("name") or f"{author['family-names']}, {author['given-names']}" for author in citation["authors"]]


def plain_citation(citation: dict) -> str:
    year = str(citation["date-released"])[:4]
    return (f"{'; '.join(author_names(citation))} ({year}). {citation['title']} "
            f"(Version {citation['version']}) [Data set]. {citation['url']}")


def bibtex(citation: dict, key: str) -> str:
    # An organisation goes in braces, so BibTeX keeps it whole instead of splitting it into given and family names.
    authors = " and ".join(f"{{{author['name']}}}" if author.get("name") else f"{author['family-names']}, {author['given-names']}"
                           for author in citation["authors"])
    fields = {
        "author": authors,
        "title": citation["title"],
        "year": str(citation["date-released"])[:4],
        "version": str(citation["version"]),
        "url": citation["url"],
        "note": f"Data set, released {citation['date-released']}, licence {citation['license']}",
    }
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items())
    return f"@misc{{{key},\n{body}\n}}"
