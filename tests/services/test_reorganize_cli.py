"""manage.py reorganize as an operator runs it: real processes on the seeded demo, SQLite and
PostgreSQL. --dry-run prints the numbers the real run then prints, and writes nothing; bad
input is one Vietnamese sentence, exit 2, nothing written."""

import json

from tests.services.test_manage import manage, stats


def test_merge_dry_run_then_real(db_url):
    assert manage(db_url, "seed", "--demo").returncode == 0
    before = stats(db_url)
    args = [
        "reorganize",
        "merge",
        "HMT,HNN",
        "--into",
        "MTNN",
        "--new-name",
        "Khu vực Mường Tè",
        "--on",
        "01/03/2025",
        "--json",
    ]
    dry = manage(db_url, *args, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert stats(db_url) == before  # nothing written
    real = manage(db_url, *args)
    assert real.returncode == 0, real.stderr
    assert json.loads(dry.stdout) == json.loads(real.stdout)
    moved = json.loads(real.stdout)
    assert moved["closed_bodies"] == ["HMT", "HNN"] and moved["moved_assignments"] > 0
    assert set(moved) >= {"moved_assignments", "merged_assignments", "closed_bodies", "accounts"}
    after = stats(db_url)
    assert after["reports"] == before["reports"]
    assert after["measurements"] == before["measurements"]
    assert after["organizations"] == before["organizations"] + 1


def test_split_with_a_plan_and_rename(db_url, tmp_path):
    assert manage(db_url, "seed", "--demo").returncode == 0
    plan = tmp_path / "plan.csv"
    # HSH's tasks (section 1) split between two existing bodies, odd ones to TPLC
    lines = ["nhiem_vu,don_vi"] + [f"1.{n},{'TPLC' if n % 2 else 'HTD'}" for n in range(1, 14)]
    plan.write_text("\n".join(lines), encoding="utf-8")
    out = manage(
        db_url,
        "reorganize",
        "split",
        "HSH",
        "--into",
        "TPLC,HTD",
        "--on",
        "01/03/2025",
        "--plan",
        str(plan),
        "--json",
    )
    assert out.returncode == 0, out.stderr
    moved = json.loads(out.stdout)
    assert moved["closed_bodies"] == ["HSH"]
    assert moved["moved_assignments"] + moved["merged_assignments"] > 0
    renamed = manage(
        db_url, "reorganize", "rename", "SNV", "--name", "Sở Nội vụ mới", "--on", "01/03/2025"
    )
    assert renamed.returncode == 0, renamed.stderr
    assert "Đổi tên" in renamed.stdout


def test_bad_input_is_one_sentence_and_exit_2(db_url):
    assert manage(db_url, "seed", "--demo").returncode == 0
    before = stats(db_url)
    for args, words in [
        (["merge", "HMT", "--into", "HMT", "--on", "01/03/2025"], "chính nó"),
        (["merge", "KHONGCO", "--into", "HMT", "--on", "01/03/2025"], "KHONGCO"),
        (["merge", "HMT", "--into", "HNN", "--on", "01/01/2022"], "đã khóa"),
        (["merge", "HMT", "--into", "HNN", "--on", "31/02/2025"], "31/02/2025"),
        (["split", "HSH", "--into", "TPLC,HTD", "--on", "01/03/2025"], "chưa giao"),
    ]:
        out = manage(db_url, "reorganize", *args)
        assert out.returncode == 2, (args, out.stdout, out.stderr)
        assert words in out.stderr and len(out.stderr.strip().splitlines()) == 1, out.stderr
        assert "Traceback" not in out.stderr
    assert stats(db_url) == before


def test_apply_the_lai_chau_body_list(db_url):
    assert manage(db_url, "seed", "--demo").returncode == 0
    before = stats(db_url)
    path = "seed_data/reorganize/lai-chau-2025-xa-phuong.csv"
    dry = manage(db_url, "reorganize", "apply", path, "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    assert stats(db_url) == before
    real = manage(db_url, "reorganize", "apply", path, "--json")
    assert real.returncode == 0, real.stderr
    assert json.loads(dry.stdout) == json.loads(real.stdout)
    assert len(json.loads(real.stdout)["created"]) == 38
    assert stats(db_url)["organizations"] == before["organizations"] + 38
    again = manage(db_url, "reorganize", "apply", path)
    assert again.returncode == 0 and "thêm 0" in again.stdout, again.stdout


def test_apply_an_xlsx_and_every_problem_on_stderr(db_url, tmp_path):
    from openpyxl import Workbook

    assert manage(db_url, "seed", "--demo").returncode == 0
    book = Workbook()
    for row in [
        ["code", "name", "kind", "predecessors", "effective_on"],
        ["MTNN", "Khu vực Mường Tè - Nậm Nhùn", "commune", "HMT HNN", "01/03/2025"],
    ]:
        book.active.append(row)
    good = tmp_path / "bodies.xlsx"
    book.save(good)
    real = manage(db_url, "reorganize", "apply", str(good), "--json")
    assert real.returncode == 0, real.stderr
    assert json.loads(real.stdout)["closed_bodies"] == ["HMT", "HNN"]
    before = stats(db_url)
    book.active.append(["XA1", "=1+1", "commune", "", ""])
    book.active.append(["XA2", "Xã Hai", "commune", "", "32/01/2025"])
    bad = tmp_path / "bad.xlsx"
    book.save(bad)
    refused = manage(db_url, "reorganize", "apply", str(bad))
    assert refused.returncode == 2
    said = refused.stderr.strip().splitlines()
    assert len(said) == 2 and "dòng 3" in said[0] and "dòng 4" in said[1], refused.stderr
    assert stats(db_url) == before
