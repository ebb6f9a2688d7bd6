"""The report as Word's rival reads it: LibreOffice (Debian's libreoffice-writer-nogui, headless)
turns the DOCX into a PDF; its pages are A4, the national header stays on its lines, the page
number stands at the top from page 2, and the first two pages are kept as PNGs to look at
(test-output/report/). `make test` installs LibreOffice and poppler (`make office`)."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlmodel import Session

from models.db import build_engine
from render import report_docx
from services.core.actor import SYSTEM
from services.read import periodic_report
from tests.conftest import IN_CI, ROOT

OUT = ROOT / "test-output" / "report"


def _tools() -> tuple[str, str, str]:
    found = tuple(shutil.which(name) for name in ("soffice", "pdftotext", "pdftoppm"))
    if not all(found):
        message = "LibreOffice or poppler-utils is missing: run `make office`"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return found  # type: ignore[return-value]


def _pdf(docx: Path, soffice: str, tmp_path: Path) -> Path:
    profile = tmp_path / "lo-profile"  # its own profile: no lock shared with another run
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=240,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    return tmp_path / f"{docx.stem}.pdf"


def _page(pdftotext: str, pdf: Path, n: int) -> str:
    return subprocess.run(
        [pdftotext, "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def test_libreoffice_lays_the_report_out_as_an_official_document(demo_sqlite_url, tmp_path):
    soffice, pdftotext, pdftoppm = _tools()
    engine = build_engine(demo_sqlite_url)
    with Session(engine) as s:
        facts = periodic_report.build(s, actor=SYSTEM, period="2022-Q4")
    engine.dispose()
    docx = tmp_path / "bao-cao-2022-Q4.docx"
    docx.write_bytes(report_docx.build_docx(facts))
    pdf = _pdf(docx, soffice, tmp_path)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    pages = int(next(x for x in info.splitlines() if x.startswith("Pages:")).split()[1])
    assert pages >= 3
    assert "pts (A4)" in info  # the first page
    first = _page(pdftotext, pdf, 1)
    lines = [" ".join(x.split()) for x in first.splitlines() if x.strip()]
    # the issuer and the national title side by side, each on its own line
    assert any("ỦY BAN NHÂN DÂN" in x and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in x for x in lines)
    assert any("TỈNH LAI CHÂU" in x and "Độc lập - Tự do - Hạnh phúc" in x for x in lines)
    assert any("Số: …/BC-UBND" in x and "Lai Châu, ngày" in x for x in lines)
    assert "Kết quả thực hiện công tác cải cách hành chính quý IV năm 2022" in lines
    assert lines[0] != "1"  # no page number on page 1
    assert _page(pdftotext, pdf, 2).split()[0] == "2"  # at the top from page 2
    last = _page(pdftotext, pdf, pages)
    assert "Phụ lục" in "".join(_page(pdftotext, pdf, n) for n in range(pages - 3, pages + 1))
    assert last.split()[0] == str(pages)
    OUT.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [pdftoppm, "-png", "-r", "80", "-f", "1", "-l", "2", str(pdf), str(OUT / "page")],
        check=True,
    )
    assert (OUT / "page-01.png").stat().st_size > 10_000
    shutil.copy(pdf, OUT / pdf.name)
