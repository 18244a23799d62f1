"""requirements.lock: every package pinned with its hashes, installed with --require-hashes, in step with pyproject.toml."""
import re
import tomllib
from conftest import REPO


REQUIREMENT = re.compile(r"([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\]+)((?:\s*\\?\s*--hash=sha256:[0-9a-f]{64})+)\s*")
PIN = re.compile(r"([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;]+)")


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirements() -> list[str]:
    """The lock's requirements, each with its continuation lines joined; comments and blank lines dropped."""
    text = (REPO / "requirements.lock").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return re.split(r"\n(?=\S)", "\n".join(lines))


def locked() -> dict[str, str]:
    return {normal(m[1]): m[2] for m in map(REQUIREMENT.fullmatch, requirements())}


def test_every_requirement_is_name_equals_version_with_sha256_hashes():
    bad = [requirement.splitlines()[0] for requirement in requirements() if not REQUIREMENT.fullmatch(requirement)]
    assert bad == [] and len(requirements()) > 50


def test_pyproject_pins_are_the_locked_versions():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    parsed = [PIN.match(pin) for pin in pins]
    assert all(parsed), pins
    assert {normal(m[1]): m[2] for m in parsed}.items() <= locked().items()


def test_make_install_requires_the_hashes():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    installs = [line.strip() for line in makefile.splitlines() if "pip install" in line and not line.startswith("#")]
    assert installs == [".venv/bin/pip install --quiet --require-hashes -r requirements.lock"]
