"""The data dictionary, generated from the Table Schemas: each field described once, there; and the
derived tables' own page (what the site computes, each with its rule), which the dictionary lists."""
from collections.abc import Iterator

from scripts.package import DataPackage
from scripts.site import escape, site_map
from scripts.site.markdown import Safe, bullets, cell, en, link, paragraph, table
from scripts.site.model import Site
from scripts.site.phrases import t
from scripts.standing import derived


def pages(site: Site, lang: str) -> Iterator[tuple[str, str]]:
    yield site_map.DICTIONARY, page(site.package, lang)
    yield site_map.DERIVED, derived_page(site.package, lang)


def page(package: DataPackage, lang: str) -> str:
    blocks = [f"# {t('dictionary_title', lang)}", t("dictionary_intro", lang)]
    for resource in package.descriptor["resources"]:
        blocks += resource_section(package, resource, lang)
    tables = [link(resource["name"], site_map.DICTIONARY, site_map.DERIVED, lang, anchor=resource["name"])
              for resource in derived.resources(package.root)]
    blocks += [f"## {t('dictionary_derived_title', lang)}", t("dictionary_derived_intro", lang), bullets(tables, lang)]
    return "\n\n".join(blocks)


def derived_page(package: DataPackage, lang: str) -> str:
    """The derived tables, each with its rule, file, keys and fields (a page of its own: one search result
    fetches one page, and the dictionary with them would cost more than a result may)."""
    blocks = [f"# {t('dictionary_derived_title', lang)}", t("dictionary_derived_intro", lang)]
    for resource in derived.resources(package.root):
        blocks += resource_section(package, resource, lang)
    return "\n\n".join(blocks)


def resource_section(package: DataPackage, resource: dict, lang: str) -> list[str]:
    """A table's file, keys and fields; a derived table's rule (its schema's description) first."""
    schema = resource["schema"]
    primary_key = ", ".join(schema.get("primaryKey", []))
    facts = [f"{t('file', lang)}: {code(resource['path'])}",
             f"{t('primary_key', lang)}: {code(primary_key) if primary_key else cell('', lang)}"]
    for key in schema.get("foreignKeys", []):
        target = key["reference"]
        facts.append(f"{t('foreign_keys', lang)}: {code(', '.join(key['fields']))} → "
                     f"{code(target['resource'] + '.' + ', '.join(target['fields']))}")
    headers = [t("field", lang), t("title", lang), t("type", lang), t("description", lang), t("constraints", lang)]
    rows = [field_row(field, lang) for field in schema["fields"]]
    rule = [paragraph(schema.get("description_zh" if lang == "zh" else "description", ""), lang)] if schema.get("derived") else []
    return [f"## {cell(resource['name'], lang)} {{ #{resource['name']} }}", *rule, "  \n".join(facts), table(headers, rows, lang)]


def code(name: str) -> str:
    """A file, resource or field name as code: it belongs to no language."""
    return f"<code>{escape.text(name)}</code>"


def field_row(field: dict, lang: str) -> list:
    description = field.get("description_zh" if lang == "zh" else "description", "")
    return [Safe(code(field["name"])), en(field.get("title", ""), lang),
            Safe(code(field.get("type", "string")) + (f" ({code(field['format'])})" if field.get("format") else "")),
            description, constraints(field, lang)]


def constraints(field: dict, lang: str) -> str:
    rules = field.get("constraints", {})
    parts = []
    if rules.get("required"):
        parts.append(t("required", lang))
    if rules.get("unique"):
        parts.append(t("unique", lang))
    if "pattern" in rules:
        parts.append(f"{t('pattern', lang)} {code(rules['pattern'])}")
    if "enum" in rules:
        values = ", ".join(code(v) for v in rules["enum"])
        parts.append(f"{t('allowed', lang)}: {values}")
    if "minimum" in rules:
        parts.append(f"{t('minimum', lang)} {cell(rules['minimum'], lang)}")
    if "maximum" in rules:
        parts.append(f"{t('maximum', lang)} {cell(rules['maximum'], lang)}")
    return Safe("; ".join(parts)) if parts else Safe("—")
