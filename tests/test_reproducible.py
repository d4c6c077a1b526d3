"""Two clean builds of the same commit, in two different folders, give the same bytes."""

import filecmp
import shutil

from helpers import copy_project, run


def test_two_clean_builds_in_different_folders_are_byte_identical(tmp_path):
    sites = []
    for name in ("first", "second-clone"):
        project = copy_project(tmp_path / name)
        shutil.rmtree(project / "docs" / "auto_examples", ignore_errors=True)
        result = run("-m", "autograd_site.build", cwd=project)
        assert result.returncode == 0, result.stdout
        sites.append(project / "_build" / "html")
    first, second = ({p.relative_to(site): p for p in site.rglob("*") if p.is_file()} for site in sites)
    assert sorted(first) == sorted(second), f"files only in one build: {sorted(set(first) ^ set(second))[:10]}"
    differ = [str(name) for name in sorted(first) if not filecmp.cmp(first[name], second[name], shallow=False)]
    assert differ == [], f"{len(differ)} files differ between two clean builds, first: {differ[:10]}"
