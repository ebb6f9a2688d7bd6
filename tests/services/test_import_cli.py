"""manage.py import-directive as an operator uses it: real processes, real databases."""

import io
import json

import docx
import pytest

import seed_data
from models.db import build_engine
from tests.conftest import ROOT, migrate
from tests.services.test_import import add_bodies
from tests.services.test_manage import manage, stats

FIXTURES = ROOT / "tests" / "fixtures"
SEED_TEXT = str(ROOT / "seed_data" / "chi-thi-cchc-lai-chau.txt")


@pytest.fixture
def with_bodies(db_url):
    engine = build_engine(db_url)
    add_bodies(engine)
    engine.dispose()
    return db_url


@pytest.fixture
def sqlite_with_bodies(tmp_path):
    """Reading files involves no database: the refusals are checked on SQLite only."""
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    migrate(url)
    engine = build_engine(url)
    add_bodies(engine)
    engine.dispose()
    return url


def test_json_is_one_object_and_the_import_is_saved(with_bodies):
    out = manage(with_bodies, "import-directive", SEED_TEXT, "--json")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert set(data) == {"kind", "number", "date", "title", "sections", "targets"}
    assert (data["kind"], data["number"], data["date"]) == ("Chỉ thị", None, None)
    assert len(data["sections"]) == 8
    assert sum(len(s["tasks"]) for s in data["sections"]) == 40
    assert len(data["sections"][0]["bodies"]) == 28
    assert data["sections"][2]["bodies"] == ["Văn phòng Ủy ban nhân dân tỉnh"]
    assert data["sections"][4]["tasks"][2]["partners"] == ["Văn phòng Ủy ban nhân dân tỉnh"]
    expected = seed_data.load_directive()
    assert [t["text"] for s in data["sections"] for t in s["tasks"]] == [
        t["text"] for s in expected["sections"] for t in s["tasks"]
    ]
    counts = stats(with_bodies)
    assert (counts["directives"], counts["tasks"], counts["lead_assignments"]) == (1, 40, 391)
    assert counts["partner_assignments"] == 7
    assert "Đã nhập" in out.stderr  # the confirmation does not spoil stdout


def test_dry_run_writes_nothing(with_bodies):
    before = stats(with_bodies)
    out = manage(
        with_bodies, "import-directive", str(FIXTURES / "ke-hoach-cchc-2022.txt"), "--dry-run"
    )
    assert out.returncode == 0, out.stderr
    assert "Kế hoạch số 15/KH-UBND, ngày 20/01/2022" in out.stdout
    assert "không lưu gì" in out.stdout
    assert stats(with_bodies) == before
    out = manage(with_bodies, "import-directive", SEED_TEXT, "--dry-run", "--json")
    assert out.returncode == 0 and len(json.loads(out.stdout)["sections"]) == 8
    assert stats(with_bodies) == before


def test_stdin_and_text_with_no_task(with_bodies):
    before = stats(with_bodies)
    out = manage(
        with_bodies, "import-directive", "-", "--json", stdin="Chỉ một đoạn văn, không có mục nào."
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["sections"] == []
    assert "Không tìm thấy nhiệm vụ nào" in out.stderr
    assert stats(with_bodies) == before


def _docx_without_text() -> bytes:
    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("   ")
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("trong.txt", b"", "trống"),
        ("nhi-phan.txt", bytes(range(256)) * 64, "không phải văn bản"),
        ("qua-lon.txt", b"a" * 20_000_001, "quá lớn"),
        ("trong.docx", None, "không có chữ"),
        ("ban-quet.pdf", (FIXTURES / "ban-quet-khong-co-chu.pdf").read_bytes(), "lớp chữ"),
        ("hong.pdf", b"%PDF-1.7\n% not really\n", "bị hỏng"),
    ],
)
def test_unreadable_input_is_one_line_exit_2_and_nothing_written(
    sqlite_with_bodies, tmp_path, name, content, words
):
    with_bodies = sqlite_with_bodies
    path = tmp_path / name
    path.write_bytes(_docx_without_text() if content is None else content)
    before = stats(with_bodies)
    out = manage(with_bodies, "import-directive", str(path), "--json")
    assert out.returncode == 2, (out.stdout, out.stderr)
    lines = [line for line in out.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and words in lines[0], out.stderr
    assert "Traceback" not in out.stderr and out.stdout == ""
    assert stats(with_bodies) == before


def test_missing_file_and_duplicate(with_bodies):
    out = manage(with_bodies, "import-directive", "/khong/co/tep.txt")
    assert out.returncode == 2 and "Không tìm thấy tệp" in out.stderr
    assert manage(with_bodies, "import-directive", SEED_TEXT).returncode == 0
    before = stats(with_bodies)
    again = manage(with_bodies, "import-directive", SEED_TEXT)
    assert again.returncode == 2 and "đã có trong hệ thống" in again.stderr
    assert stats(with_bodies) == before
