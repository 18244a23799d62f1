"""What a target page needs from the built release, so a reader can check it: each source with the stored
excerpt that proves its quotes (in the release), the target's figures as CSV and JSON with their
checksums, and how to cite the page. Filled into the placeholders targets.py leaves
(`<!-- data:target-sources ID -->` …) once the downloads are written (scripts/build.py)."""
from collections.abc import Callable

from scripts.archive import layout
from scripts.archive.citation_file import author_names
from scripts.archive.files import human_size, sha256
from scripts.context import BuildContext
from scripts.package import DataPackage
from scripts.publication.published import Published
from scripts.site import escape, sentences, site_map
from scripts.site.data_pages.citation import read_citation
from scripts.site.markdown import cell, written
from scripts.site.model import Site
from scripts.site.pages.targets import source_name
from scripts.site.phrases import t

# Official pages first, then a news outlet's own report, then reprints (where we read a copy).
KIND_ORDER = ["official", "press", "reprint"]
FILE_WORDS = {"csv": "target_file_csv", "json": "target_file_json"}


def blocks(context: BuildContext, package: DataPackage, published: Published) -> dict[str, Callable[[str, str], str]]:
    site = Site(package)
    return {"target-sources": lambda lang, target_id: sources(site, site.target[target_id], published, lang),
            "target-downloads": lambda lang, target_id: downloads(site.target[target_id], published, lang),
            "target-cite": lambda lang, target_id: citation(context, site, site.target[target_id], published, lang)}


def release_link(target: dict, published: Published, path: str) -> str:
    """A link from the target's page to a file of the working tree's release (its own version, or the preview)."""
    return site_map.link_from_page(site_map.target_page(target), site_map.download_path(published.current, path))


def sources(site: Site, target: dict, published: Published, lang: str) -> str:
    """Each source of the target's figures: who published it first where we know, then the page we read
    (marked as a reprint where it is one), and the excerpt we stored, in the release."""
    used = {o["source_id"] for o in site.observations_of(target["target_id"])}
    if not used:
        return t("target_sources_none", lang)
    listed = sorted((site.source[s] for s in used), key=lambda s: (KIND_ORDER.index(s["kind"]), s["published_date"], s["source_id"]))
    return "\n".join(f"- {source_entry(site, source, target, published, lang)}" for source in listed)


def source_entry(site: Site, source: dict, target: dict, published: Published, lang: str) -> str:
    anchor = f'<span id="source-{escape.attribute(source["source_id"])}"></span>'
    page = source_name(source, lang)
    date = cell(source["published_date"], lang)
    excerpt = f"[{t('stored_excerpt', lang)}]({release_link(target, published, layout.source_path(source['excerpt_file']))})"
    if source["kind"] == "reprint":
        first = t("original_first", lang, outlet=written(source["original_outlet"], lang)) if source["original_outlet"] \
            else t("original_unknown", lang)
        read = t("read_at_reprint", lang, page=page, publisher=written(source["publisher"], lang), date=date)
        return f"{anchor}{first} {read} · {excerpt}"
    kind = cell(site.package.enum_label("sources", "kind", source["kind"], lang), lang)
    return f"{anchor}{t('published_by', lang, publisher=written(source['publisher'], lang), page=page, date=date, kind=kind)} · {excerpt}"


def downloads(target: dict, published: Published, lang: str) -> str:
    """The target's figures as the release holds them: CSV and JSON, each with its size and SHA-256 (a list,
    not a table: a 64-character checksum would push a table off a phone)."""
    items = []
    for kind in ("csv", "json"):
        path = layout.target_file(target["target_id"], kind)
        file = published.current_dir / path
        size = human_size(file.stat().st_size)
        items.append(f"- [{path.rsplit('/', 1)[1]}]({release_link(target, published, path)}): "
                     f"{t('target_file', lang, what=t(FILE_WORDS[kind], lang), size=size)}  \n"
                     f"  SHA-256 <code class=\"checksum\">{sha256(file)}</code>")
    return "\n".join(items) + "\n\n" + t("target_download_note", lang, folder=published.current)


def citation(context: BuildContext, site: Site, target: dict, published: Published, lang: str) -> str:
    """The target's page, the release version and its date, in the form of the package's own citation."""
    cff, descriptor = read_citation(context.root), site.package.descriptor
    version = descriptor["version"] + (f"+{layout.UNRELEASED}" if published.unreleased else "")
    page = site_map.page_in(lang, site_map.target_page(target))
    address = f"{context.site_url}{page}" if context.site_url else t("cite_page_path", lang, path=page)
    line = t("cite_target", lang, authors="; ".join(author_names(cff)), year=descriptor["created"][:4],
             headline=sentences.headline(target, lang), target_id=target["target_id"], title=cff["title"], version=version,
             date=descriptor["created"][:10], address=address)
    warning = t("cite_unreleased", lang, version=descriptor["version"]) if published.unreleased else ""
    return f'<p class="citation">{cell(line, lang)}</p>' + (f"\n\n{warning}" if warning else "")
