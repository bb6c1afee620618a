"""`ocr-engine ocr --split-into DIR`: a scanned stack becomes one file per invoice (real Tesseract), and
an input that cannot be split (a PNG) gets its failure line while the others go on."""

from __future__ import annotations

import io
import json

from PIL import Image

from ocr_tasks.cli import main as cli_main
from tests.ocr_tasks.scan_split.test_real_scan import PAGES


def test_a_stack_is_written_as_one_file_per_invoice(tmp_path, capsys):
    stack = tmp_path / "stack.tif"
    buffer = io.BytesIO()
    PAGES[2].save(
        buffer, format="TIFF", save_all=True, append_images=[PAGES[3], PAGES[2], PAGES[4]], dpi=(200, 200)
    )
    stack.write_bytes(buffer.getvalue())
    photo = tmp_path / "photo.png"
    PAGES[3].save(photo)
    out = tmp_path / "split"

    code = cli_main.main(
        ["ocr", "--lang", "eng", "--workers", "1", "--split-into", str(out), str(stack), str(photo)]
    )

    captured = capsys.readouterr()
    assert code == 1 and "photo.png: unsupported_type" in captured.err
    (line,) = [json.loads(x) for x in captured.out.splitlines()]
    assert [p["pages"] for p in line["parts"]] == [[2], [4]]  # blank sheets 1 and 3 dropped
    assert line["dropped"] == {"1": "blank separator page", "3": "blank separator page"}
    assert sorted(p.name for p in out.iterdir()) == ["stack-1.tif", "stack-2.tif"]
    with Image.open(out / "stack-2.tif") as second:
        assert second.n_frames == 1 and second.size == PAGES[4].size
