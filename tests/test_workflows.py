"""The GitHub workflows parse, call only Makefile targets that exist, and agree with .ci/run."""
import re

import pytest
import yaml
from conftest import REPO
from scripts.context import checkout


WORKFLOWS = REPO / ".github" / "workflows"
# `make [options] [VAR=value] target` where a command starts (not the apt package named make).
MAKE_CALL = re.compile(r"(?:^|&&|;|\|\|)\s*(?:sudo\s+)?make((?:\s+(?:-[-\w]+|[A-Z_]+=\S*))*)\s+([a-z][\w-]*)",
                       re.MULTILINE)


def load(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    on = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the bare key `on` as True
    return {on: None} if isinstance(on, str) else on


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def make_targets(text: str) -> set[str]:
    return {match[2] for match in MAKE_CALL.finditer(text)}


def makefile_targets() -> set[str]:
    text = (REPO / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][\w-]*):(?!=)", text, re.MULTILINE))


def run_scripts(workflow: dict) -> str:
    return "\n".join(step.get("run", "") for step in steps(workflow))


@pytest.mark.parametrize("name", sorted(p.name for p in WORKFLOWS.glob("*.yml")))
def test_workflow_parses_and_calls_existing_make_targets(name):
    workflow = load(name)
    assert workflow["jobs"] and triggers(workflow)
    called = make_targets(run_scripts(workflow))
    assert called, f"{name} calls no make target"
    assert called <= makefile_targets(), f"{name} calls missing targets: {called - makefile_targets()}"
    for step in steps(workflow):
        if "uses" in step:  # GitHub's own actions only (pinned to commits: see below)
            assert re.fullmatch(r"actions/[\w-]+@[0-9a-f]{40}", step["uses"]), step["uses"]


def test_ci_runs_what_ci_run_runs_on_every_pull_request_and_push():
    workflow = load("ci.yml")
    assert {"pull_request", "push"} <= set(triggers(workflow))
    ci_run = make_targets((REPO / ".ci" / "run").read_text(encoding="utf-8"))
    assert ci_run <= make_targets(run_scripts(workflow))
    assert {"validate", "test", "build"} <= make_targets(run_scripts(workflow))


def test_pull_requests_get_the_data_diff_as_an_artifact_and_nothing_is_posted():
    workflow = load("ci.yml")
    diff_step = next(step for step in steps(workflow) if "diff" in make_targets(step.get("run", "")))
    assert "FORMAT=markdown" in diff_step["run"] and "pull_request" in diff_step["if"]
    output = diff_step["run"].rsplit(">", 1)[1].strip()
    uploads = [step["with"]["path"] for step in steps(workflow) if step.get("uses", "").startswith("actions/upload-artifact")]
    assert output in uploads
    text = (WORKFLOWS / "ci.yml").read_text(encoding="utf-8")
    assert "gh pr comment" not in text and "github-script" not in text
    assert workflow["permissions"] == {"contents": "read"}  # cannot write to pull requests


def uses(workflow: dict) -> dict[str, dict]:
    return {step.get("uses", "").split("@")[0]: step for step in steps(workflow)}


def builds_with_the_deployments_address(workflow: dict) -> bool:
    """Full history (releases are rebuilt from their commits), and `make build` given SITE_URL from
    actions/configure-pages: the address of the deployment itself, written by no one."""
    pages_id = uses(workflow)["actions/configure-pages"]["id"]
    build = next(step for step in steps(workflow) if "build" in make_targets(step.get("run", "")))
    return (uses(workflow)["actions/checkout"]["with"]["fetch-depth"] == 0
            and build["env"]["SITE_URL"] == f"${{{{ steps.{pages_id}.outputs.base_url }}}}/")


def test_pages_deploys_the_make_build_site_from_main():
    workflow = load("pages.yml")
    assert triggers(workflow)["push"]["branches"] == ["main"]
    assert "build" in make_targets(run_scripts(workflow))
    assert uses(workflow)["actions/upload-pages-artifact"]["with"]["path"] == checkout(REPO).site_dir.relative_to(REPO).as_posix()
    assert "actions/deploy-pages" in uses(workflow)
    assert workflow["permissions"]["pages"] == "write" and workflow["permissions"]["id-token"] == "write"
    assert builds_with_the_deployments_address(workflow)
    assert uses(workflow)["actions/cache"]["with"]["path"] == checkout(REPO).release_cache.relative_to(REPO).as_posix()


def test_release_workflow_publishes_the_newest_recorded_release_with_its_files():
    workflow = load("release.yml")
    on = triggers(workflow)
    assert on["push"] == {"branches": ["main"], "paths": [(REPO / "releases.yaml").name]} and "workflow_dispatch" in on
    assert workflow["permissions"]["contents"] == "write"
    assert builds_with_the_deployments_address(workflow)
    script = run_scripts(workflow)
    assert "python -m scripts.publication.registry newest" in script and "python -m scripts.publication.changelog" in script
    assert re.search(r'gh release view "v\$version"', script) and "exit 0" in script  # an existing release is kept
    create = script[script.index("gh release create"):]
    assert '--target "$commit"' in create and "--notes-file" in create
    for attached in ["*.zip", "*.xlsx", "*.sqlite", "SHA256SUMS"]:
        assert attached in create
    assert 'folder="site/downloads/v$version"' in script
    assert all(name.startswith("actions/") for name in uses(workflow) if name)  # no third-party action


def test_the_new_figure_form_asks_for_what_a_row_needs():
    """The bilingual issue form readers use to send a figure: target, value, date, address and quote, required."""
    form = yaml.safe_load((REPO / ".github" / "ISSUE_TEMPLATE" / "new-figure.yml").read_text(encoding="utf-8"))
    fields = {item["id"]: item for item in form["body"] if item.get("id")}
    for needed in ("target", "value", "date", "url", "quote"):
        assert fields[needed]["validations"]["required"] is True, needed
        assert "/" in fields[needed]["attributes"]["label"], f"{needed}: label in both languages"
    assert re.search(r"[\u4e00-\u9fff]", form["name"]) and re.search(r"[A-Za-z]", form["name"])


def test_every_action_is_pinned_to_a_commit():
    """A tag can be moved to other code; a commit SHA cannot. The comment says which release it is."""
    for workflow in WORKFLOWS.glob("*.yml"):
        for line in workflow.read_text(encoding="utf-8").splitlines():
            used = re.search(r"uses:\s*(\S+)", line)
            if used and not used[1].startswith("./"):
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", used[1]), f"{workflow.name}: {line.strip()}"
                assert re.search(r"#\s*v\d", line), f"{workflow.name}: say which release the SHA is: {line.strip()}"


def test_dependabot_watches_pip_npm_and_actions():
    config = yaml.safe_load((REPO / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert {update["package-ecosystem"] for update in config["updates"]} == {"pip", "npm", "github-actions"}
