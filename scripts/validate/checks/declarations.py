"""What the descriptor and schemas must declare: a semantic version, no address of its own (the build adds it), UTF-8,
safe IDs, each field's language and a label in both languages for every allowed value."""
from collections.abc import Iterator

from scripts.package import LANGUAGES, SAFE_ID_PATTERN, VERSION, DataPackage
from scripts.validate.problems import Problem


def declarations(package: DataPackage) -> Iterator[Problem]:
    version = str(package.descriptor.get("version", ""))
    if not VERSION.fullmatch(version):
        yield Problem("package.version-malformed", "datapackage.yaml", None, "version",
                      f"\u201c{version}\u201d is not a version MAJOR.MINOR.PATCH.",
                      "write three numbers, such as 1.0.1, and say what changed in CHANGELOG.md and CHANGELOG.zh.md.")
    if "homepage" in package.descriptor:
        yield Problem("package.homepage-stated", "datapackage.yaml", None, "homepage", "the descriptor states an address of its own.",
                      "remove homepage: the build gives the released package the site's address from SITE_URL.")
    for resource in package.descriptor["resources"]:
        if str(resource.get("encoding", "")).lower() != "utf-8":
            yield Problem("package.encoding-not-declared", "datapackage.yaml", None, None,
                          f'resource "{resource["name"]}" does not declare its encoding as UTF-8.',
                          "add encoding: utf-8 to the resource.")
        for field in resource["schema"]["fields"]:
            yield from _field_declarations(package.schema_files[resource["name"]], resource, field)


def _field_declarations(schema_file: str, resource: dict, field: dict) -> Iterator[Problem]:
    name, constraints = field["name"], field.get("constraints", {})
    if name.endswith("_id") and constraints.get("pattern") != SAFE_ID_PATTERN:
        yield Problem("schema.id-without-safe-pattern", schema_file, None, name, "an ID field without the safe ID pattern.",
                      f"add constraints: {{pattern: '{SAFE_ID_PATTERN}'}}.")
    for suffix in LANGUAGES:
        if name.endswith(f"_{suffix}") and field.get("lang") != suffix:
            yield Problem("schema.language-not-declared", schema_file, None, name,
                          f"a _{suffix} field that does not declare its language.",
                          f"add lang: {suffix} to the field.")
    twin = field.get("translates")
    if twin and twin not in {f["name"] for f in resource["schema"]["fields"]}:
        yield Problem("schema.translates-unknown-field", schema_file, None, name,
                      f"translates names {twin}, which is not a field of this schema.",
                      "name the field this one translates, or remove translates.")
    labels = field.get("enumLabels", {})
    for value in constraints.get("enum", []):
        if set(labels.get(value) or {}) != set(LANGUAGES):
            yield Problem("schema.enum-value-without-labels", schema_file, None, name,
                          f"the allowed value \u201c{value}\u201d has no label in both languages.",
                          f"add enumLabels: {{'{value}': {{zh: …, en: …}}}} to the field.")
