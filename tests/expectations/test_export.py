"""The suites' JSON files are generated from code, and `--check` tells when they are stale."""

from __future__ import annotations

import json

from expectations import export


def test_checked_in_json_is_up_to_date(capsys):
    assert export.main(["--check"]) == 0


def test_check_fails_on_a_stale_or_missing_file(tmp_path, capsys):
    assert export.main(["--out", str(tmp_path)]) == 0
    written = json.loads((tmp_path / "invoice_fields.json").read_text())
    assert written["name"] == "invoice_fields" and len(written["expectations"]) == 22
    assert all("id" not in e for e in written["expectations"])
    assert export.main(["--check", "--out", str(tmp_path)]) == 0
    (tmp_path / "line_items.json").write_text("{}")
    assert export.main(["--check", "--out", str(tmp_path)]) == 1
    (tmp_path / "line_items.json").unlink()
    assert export.main(["--check", "--out", str(tmp_path)]) == 1
    assert "stale" in capsys.readouterr().err
