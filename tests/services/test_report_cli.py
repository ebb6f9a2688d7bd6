"""manage.py report as an operator runs it: a real process on each backend's demo database."""

import io

from docx import Document

from tests.services.test_manage import manage


def test_report_writes_the_docx_and_refuses_bad_input(db_url, seeded, tmp_path):
    out = tmp_path / "bao-cao.docx"
    done = manage(db_url, "report", "--period", "2022-Q4", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "2022-Q4" in done.stdout and str(out) in done.stdout
    doc = Document(io.BytesIO(out.read_bytes()))
    texts = [p.text for p in doc.paragraphs]
    assert "Kết quả thực hiện công tác cải cách hành chính quý IV năm 2022" in texts
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in doc.tables[0].cell(0, 1).text

    body = tmp_path / "stp.docx"
    done = manage(db_url, "report", "--period", "2022-H2", "--org", "stp", "--out", str(body))
    assert done.returncode == 0, done.stderr
    doc = Document(io.BytesIO(body.read_bytes()))
    assert "6 tháng cuối năm 2022" in "\n".join(p.text for p in doc.paragraphs)
    assert doc.tables[0].cell(1, 0).text == "Số: …/BC-STP"

    bad = [
        (["--period", "2030-Q1"], "chưa bắt đầu"),
        (["--period", "Q4-2022"], "không phải là một kỳ báo cáo"),
        (["--period", "2022-Q4", "--org", "KHONGCO"], "Không có cơ quan, đơn vị"),
        (["--period", "2022-Q4", "--directive", "99"], "99"),
        (["--period", "2022-Q4", "--as-of", "15/01/2023"], "nằm ngoài kỳ báo cáo"),
    ]
    target = tmp_path / "khong-duoc-ghi.docx"
    for args, says in bad:
        refused = manage(db_url, "report", *args, "--out", str(target))
        assert refused.returncode == 2, (args, refused.stderr)
        lines = refused.stderr.strip().splitlines()
        assert len(lines) == 1 and says in lines[0], (args, refused.stderr)
        assert "Traceback" not in refused.stderr
        assert not target.exists()
    nowhere = tmp_path / "khong-co-thu-muc" / "x.docx"
    refused = manage(db_url, "report", "--period", "2022-Q4", "--out", str(nowhere))
    assert refused.returncode == 2
    assert refused.stderr.strip().splitlines() == [
        f"Không ghi được tệp “{nowhere}” (thư mục không có hoặc không được phép ghi); "
        "không có tệp nào được tạo."
    ]
    # nothing written anywhere: neither the file nor a partial one
    assert not nowhere.parent.exists()
    assert {p.name for p in tmp_path.glob("*.docx")} == {"bao-cao.docx", "stp.docx"}
    assert not list(tmp_path.glob(".*.partial"))
