"""Short labels for lists to choose from."""

from render.fmt import distinct_labels, shorten


def test_shorten_keeps_one_line_within_the_limit():
    assert shorten("  Sở  Nội\nvụ ", 20) == "Sở Nội vụ"
    assert shorten("a" * 30, 10) == "a" * 9 + "…"
    assert shorten(None, 5) == ""


def test_long_names_alike_at_the_start_keep_their_ends():
    title = "Chỉ thị về việc đẩy mạnh thực hiện công tác cải cách hành chính năm "
    labels = distinct_labels({1: title + "2021", 2: title + "2022", 3: "Kế hoạch 12"}, 40)
    assert labels[3] == "Kế hoạch 12"
    assert labels[1].endswith("2021") and labels[2].endswith("2022")
    assert all(len(v) <= 40 for v in labels.values())


def test_labels_still_alike_get_the_record_number():
    labels = distinct_labels({7: "Chỉ thị 01", 9: "Chỉ thị  01"}, 40)
    assert labels == {7: "Chỉ thị 01 (#7)", 9: "Chỉ thị 01 (#9)"}


def test_plain_shows_any_text_as_written_on_one_line():
    import html
    import string

    from render.fmt import html_text, plain
    from tests.markdown_text import masked, shown

    samples = [
        string.punctuation,
        "Sở Tư pháp: ![x](http://e/x.png) :red-background[**KHẨN**] <img src=x> $x^2$",
        ":smile: :100: :streamlit: :material/home: a -> b <-> c -- d >= e www.e.vn a@b.vn",
        "dòng một\n\n# dòng hai\n    - ba\t|a|b|\r\n1. bốn \\* năm",
    ]
    for text in samples:
        one_line = " ".join(text.split())
        assert shown(plain(text)) == one_line
        assert not set(masked(plain(text))) & set(r"""\`*_{}[]()#+-.!|<>~$:=&^"'@""")
        assert html.unescape(html_text(text)) == one_line
        assert "<" not in html_text(text) and "\n" not in html_text(text)
    assert plain(None) == "" and plain(12) == "12"
