"""The GitHub workflows are valid: GitHub's workflow schema (vendored in check-jsonschema, no network) accepts them."""

from __future__ import annotations

import subprocess
import sys

import yaml
from sitekit import REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))


def test_workflows_match_githubs_schema():
    assert WORKFLOWS
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", *map(str, WORKFLOWS)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_pull_requests_run_check_build_and_tests_and_main_deploys():
    pr = yaml.safe_load((REPO / ".github/workflows/pull-request.yml").read_text(encoding="utf-8"))
    runs = " ".join(step.get("run", "") for job in pr["jobs"].values() for step in job["steps"])
    assert "metodbanken check --format github" in runs and "mkdocs build --strict" in runs and ".ci/run" in runs
    publish = yaml.safe_load((REPO / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    uses = [step.get("uses", "") for job in publish["jobs"].values() for step in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert publish[True]["push"]["branches"] == ["main"]  # YAML 1.1 reads the key 'on' as true


def test_the_publishing_build_gets_its_address_from_github_pages_and_its_repository_from_github():
    publish = yaml.safe_load((REPO / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    steps = publish["jobs"]["build"]["steps"]
    index = {step.get("id") or step.get("name") or step.get("uses"): i for i, step in enumerate(steps)}
    build = steps[index["Build"]]
    assert build["env"]["MB_PUBLISH"] == "1"  # a build for publishing: fails without a public address
    assert build["env"]["SITE_URL"].startswith("${{ steps.pages.outputs.base_url }}")
    assert steps[index["pages"]]["uses"].startswith("actions/configure-pages@") and index["pages"] < index["Build"]
    cms = next(i for i, step in enumerate(steps) if "metodbanken cms --repository" in step.get("run", ""))
    assert '"$GITHUB_REPOSITORY"' in steps[cms]["run"] and cms < index["Build"]
