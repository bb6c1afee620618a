"""A folder given on the command line stands for the files under it, hidden ones skipped; only the
parts below the folder count as hidden (a path given as `../dir` or inside `.cache/` still works)."""

from __future__ import annotations

import os

from ocr_tasks.cli.reporting import expand_inputs


def test_hidden_means_below_the_folder_given(tmp_path, monkeypatch):
    folder = tmp_path / ".cache" / "inbox"
    (folder / "sub").mkdir(parents=True)
    (folder / ".hidden").mkdir()
    for name in ("b.pdf", "a.png", "sub/c.jpg", ".dot.png", ".hidden/d.png"):
        (folder / name).write_bytes(b"x")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    relative = os.path.join("..", ".cache", "inbox")
    found = [p.relative_to(relative).as_posix() for p in expand_inputs([relative])]
    assert found == ["a.png", "b.pdf", "sub/c.jpg"]
    assert expand_inputs(["missing.pdf"]) == [type(folder)("missing.pdf")]
