"""The example site's output is unchanged unless a commit says so (see tests/expected_site.py)."""

from expected_site import build, expected


def test_the_example_builds_to_the_expected_files_byte_for_byte(tmp_path):
    built, wanted = build(tmp_path), expected()
    assert wanted, "no expected files: run python tests/expected_site.py"
    assert sorted(built) == sorted(wanted), "files added or gone"
    changed = [path for path in wanted if built[path] != wanted[path]]
    assert changed == [], (f"{len(changed)} files differ, e.g. {changed[:5]}; if the change is deliberate, run "
                           "python tests/expected_site.py and commit the new expected files with it")
