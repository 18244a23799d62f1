"""The GitHub workflows parse, call only Makefile targets that exist, agree with .ci/run, answer a pull
request tier by tier, grant each job only what it needs, and pass zizmor's audit."""
import re
import subprocess
import sysconfig
from pathlib import Path

import pytest
import yaml
from conftest import REPO
from scripts.context import checkout


WORKFLOWS = REPO / ".github" / "workflows"
# `make test` (what .ci/run runs) as CI runs it: one job per tier, so a pull request hears the fast answer first.
TEST_TIERS = ["test-fast", "test-browser"]
# The only write grants in any workflow: workflow -> job -> scopes it may write. Everything else reads, at most.
WRITES = {"pages.yml": {"deploy": {"pages", "id-token"}}, "release.yml": {"release": {"contents"}}}
ZIZMOR = Path(sysconfig.get_path("scripts")) / "zizmor"  # pinned in requirements.lock; one binary, no network
# Offline (no GitHub API, whatever token the environment holds), no configuration file (a suppression is an
# inline comment with its reason, next to what it suppresses), and a file zizmor cannot read is an error.
ZIZMOR_ARGS = ["--offline", "--no-config", "--strict-collection", "--no-progress", "--color=never"]
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


def job_targets(job: dict) -> set[str]:
    return make_targets("\n".join(step.get("run", "") for step in job.get("steps", [])))


def job_running(workflow: dict, target: str) -> str:
    """The one job that runs `make target`."""
    [job_id] = [job_id for job_id, job in workflow["jobs"].items() if target in job_targets(job)]
    return job_id


def upstream(workflow: dict, job_id: str) -> set[str]:
    """Every job this one waits for, directly or through another."""
    needs = workflow["jobs"][job_id].get("needs", [])
    direct = {needs} if isinstance(needs, str) else set(needs)
    return direct.union(*(upstream(workflow, need) for need in direct))


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


def test_every_module_the_makefile_and_the_workflows_run_exists():
    """`make release` once ran a module the restructure had moved: each `python -m X` must import."""
    import importlib.util

    texts = [(REPO / "Makefile").read_text(encoding="utf-8"), *(run_scripts(load(p.name)) for p in WORKFLOWS.glob("*.yml"))]
    modules = {module for text in texts for module in re.findall(r"python3? -m ([\w.]+)|\$\(PY\) -m ([\w.]+)", text) for module in module if module}
    assert {"scripts.publication.cut", "scripts.build", "scripts.validate"} <= modules
    assert [module for module in sorted(modules) if importlib.util.find_spec(module) is None] == []


def test_ci_runs_what_ci_run_runs_on_every_pull_request_and_push():
    workflow = load("ci.yml")
    assert {"pull_request", "push"} <= set(triggers(workflow))
    called = make_targets(run_scripts(workflow))
    ci_run = make_targets((REPO / ".ci" / "run").read_text(encoding="utf-8"))
    assert ci_run - {"test"} <= called and ("test" not in ci_run or set(TEST_TIERS) <= called)
    assert {"validate", "diff", *TEST_TIERS, "build", "bench"} <= called


def test_ci_answers_a_pull_request_tier_by_tier_and_a_failed_validation_stops_the_rest():
    workflow = load("ci.yml")
    first = job_running(workflow, "validate")
    assert job_running(workflow, "diff") == first and upstream(workflow, first) == set()
    for job_id, job in workflow["jobs"].items():
        if job_id != first:
            assert first in upstream(workflow, job_id), f"{job_id} does not wait for the validation"
            # a job's `if` with no status function means success(): its needs all passed
            assert not re.search(r"\b(always|failure|cancelled)\(", str(job.get("if", ""))), f"{job_id} runs after a failure"
    fast, browser = job_running(workflow, "test-fast"), job_running(workflow, "test-browser")
    assert fast in upstream(workflow, browser)
    bench = job_running(workflow, "bench")
    assert job_targets(workflow["jobs"][bench]) == {"bench"}, "the full benchmark runs in a job of its own"


def test_pull_requests_get_the_data_diff_as_an_artifact_and_nothing_is_posted():
    workflow = load("ci.yml")
    diff_step = next(step for step in steps(workflow) if "diff" in make_targets(step.get("run", "")))
    assert "FORMAT=markdown" in diff_step["run"] and "pull_request" in diff_step["if"]
    output = diff_step["run"].rsplit(">", 1)[1].strip()
    uploads = [step["with"]["path"] for step in steps(workflow) if step.get("uses", "").startswith("actions/upload-artifact")]
    assert output in uploads
    text = (WORKFLOWS / "ci.yml").read_text(encoding="utf-8")
    assert "gh pr comment" not in text and "github-script" not in text
    assert all(job["permissions"] == {"contents": "read"} for job in workflow["jobs"].values())  # cannot write to pull requests


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
    deploy = next(job for job in workflow["jobs"].values() if "actions/deploy-pages" in uses({"jobs": {"_": job}}))
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert builds_with_the_deployments_address(workflow)
    assert uses(workflow)["actions/cache"]["with"]["path"] == checkout(REPO).release_cache.relative_to(REPO).as_posix()


def test_release_workflow_publishes_the_newest_recorded_release_with_its_files():
    workflow = load("release.yml")
    on = triggers(workflow)
    assert on["push"] == {"branches": ["main"], "paths": ["releases.yaml"]} and "workflow_dispatch" in on
    assert workflow["jobs"]["release"]["permissions"]["contents"] == "write"
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


def test_release_workflow_then_archives_the_same_files_on_zenodo_with_the_site_address():
    """After the GitHub release, one step hands the same folder to scripts.publication.zenodo (which skips, exit 0,
    without a token), with the deployment's address and the series to add a version to from repository variables."""
    workflow = load("release.yml")
    job_steps = workflow["jobs"]["release"]["steps"]
    runs = [step.get("run", "") for step in job_steps]
    [archive] = [index for index, run in enumerate(runs) if "python -m scripts.publication.zenodo" in run]
    [create] = [index for index, run in enumerate(runs) if "gh release create" in run]
    assert archive > create
    step = job_steps[archive]
    assert '.venv/bin/python -m scripts.publication.zenodo "$version" "site/downloads/v$version"' in step["run"]
    assert "python -m scripts.publication.registry newest" in step["run"] and "set -euo pipefail" in step["run"]
    pages_id = uses(workflow)["actions/configure-pages"]["id"]
    assert step["env"] == {"ZENODO_TOKEN": "${{ secrets.ZENODO_TOKEN }}", "ZENODO_CONCEPT_ID": "${{ vars.ZENODO_CONCEPT_ID }}",
                           "ZENODO_URL": "${{ vars.ZENODO_URL }}", "SITE_URL": f"${{{{ steps.{pages_id}.outputs.base_url }}}}/"}


def test_a_secret_reaches_only_the_step_that_uploads_to_zenodo():
    """No workflow or job `env:` holds a secret (every step would inherit it), and no step but the Zenodo upload
    names one: the build, the tests and gh never see the Zenodo token."""
    holders = []
    for workflow_file in sorted(WORKFLOWS.glob("*.yml")):
        workflow = load(workflow_file.name)
        assert "secrets." not in str(workflow.get("env", {})), workflow_file.name
        for job_id, job in workflow["jobs"].items():
            assert "secrets" not in str({key: job.get(key) for key in ("env", "container", "services")}), job_id
            holders += [(workflow_file.name, step.get("name")) for step in job.get("steps", []) if "secrets." in str(step)]
    assert holders == [("release.yml", "Archive the release's built files on Zenodo (skipped without the ZENODO_TOKEN secret)")]


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


@pytest.mark.parametrize("name", sorted(p.name for p in WORKFLOWS.glob("*.yml")))
def test_every_job_is_granted_only_what_it_needs(name):
    """Nothing at the workflow level (every job would inherit it); each job names its own grants; writing
    only where WRITES says; and a job that may write to Pages runs no code of ours, only GitHub's action."""
    workflow = load(name)
    assert workflow["permissions"] == {}
    for job_id, job in workflow["jobs"].items():
        grants = job["permissions"]
        assert set(grants.values()) <= {"read", "write"}, f"{name} {job_id}: {grants}"
        writes = {scope for scope, level in grants.items() if level == "write"}
        assert writes == WRITES.get(name, {}).get(job_id, set()), f"{name} {job_id} may write {writes}"
        if {"pages", "id-token"} & writes:
            assert all("run" not in step and "actions/checkout" not in step.get("uses", "") for step in job["steps"])


def test_no_checkout_leaves_its_token_in_the_git_config():
    """Nothing pushes with git (the release is made by gh with GH_TOKEN), so no token stays in .git/config
    for the build's code, or an uploaded folder, to find."""
    for workflow in WORKFLOWS.glob("*.yml"):
        for step in steps(load(workflow.name)):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False, workflow.name


def test_expressions_reach_scripts_through_the_environment():
    """`${{ }}` pasted into a script is code made from data (a branch name, a title); env: keeps it data."""
    for workflow in WORKFLOWS.glob("*.yml"):
        for step in steps(load(workflow.name)):
            assert "${{" not in step.get("run", ""), f"{workflow.name}: {step.get('name', step['run'])}"


def zizmor(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(ZIZMOR), *ZIZMOR_ARGS, folder.name], cwd=folder.parent, capture_output=True, text=True)


def test_zizmor_finds_nothing_in_the_workflows_and_dependabot():
    audit = zizmor(REPO / ".github")
    assert audit.returncode == 0, f"zizmor (exit {audit.returncode}):\n{audit.stdout}\n{audit.stderr}"
    audited = [*WORKFLOWS.glob("*.yml"), REPO / ".github" / "dependabot.yml"]
    for file in audited:  # guards against an audit that collected nothing
        assert f"completed {file.relative_to(REPO).as_posix()}" in audit.stderr, audit.stderr


def test_zizmor_as_run_here_fails_on_the_pages_workflow_with_its_old_grants(tmp_path):
    """The same call on a copy of pages.yml as it was (Pages and OIDC granted to every job at the workflow
    level, the checkout's token left in .git/config) exits 14, zizmor's code for a high finding: the audit
    above can fail."""
    text = (WORKFLOWS / "pages.yml").read_text(encoding="utf-8")
    broken = re.sub(r"^    permissions:.*\n(?:      .*\n)*", "", text, flags=re.M)  # no job's own grants
    broken = re.sub(r"^permissions: \{\}.*$", "permissions:\n  pages: write\n  id-token: write", broken, count=1, flags=re.M)
    broken = re.sub(r"^ *persist-credentials: false.*\n", "", broken, flags=re.M)
    assert "  pages: write\n  id-token: write" in broken and "    permissions:" not in broken and "persist-" not in broken
    copy = tmp_path / ".github" / "workflows" / "pages.yml"
    copy.parent.mkdir(parents=True)
    copy.write_text(broken, encoding="utf-8")
    audit = zizmor(tmp_path / ".github")
    assert audit.returncode == 14, audit.stdout + audit.stderr
    assert "excessive-permissions" in audit.stdout and "artipacked" in audit.stdout


def test_dependabot_watches_pip_npm_and_actions():
    config = yaml.safe_load((REPO / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert {update["package-ecosystem"] for update in config["updates"]} == {"pip", "npm", "github-actions"}
