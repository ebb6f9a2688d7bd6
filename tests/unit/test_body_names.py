"""Body names without false matches (issue 16): folding unifies only the spellings of one word
(Unicode forms, the old and new tone placement, case) and never drops a mark; a name never
runs across the text's punctuation. The examples are the issue's; the class is checked by
generating words that differ only by their marks."""

import itertools
import unicodedata

import pytest

from services.importing.body_names import BodyMatcher, fold
from services.read.bodies import BodyRef

BODIES = [
    BodyRef("SXD", "Sở Xây dựng", "provincial", sort_order=1),
    BodyRef("SVH", "Sở Văn hóa, Thể thao và Du lịch", "provincial", sort_order=2),
    BodyRef("SLD", "Sở Lao động, Thương binh và Xã hội", "provincial", sort_order=3),
    BodyRef("VP", "Văn phòng Ủy ban nhân dân tỉnh", "provincial", sort_order=4),
    BodyRef("SNV", "Sở Nội vụ", "provincial", sort_order=5),
    BodyRef("STTTT", "Sở Thông tin và Truyền thông", "provincial", sort_order=6),
    BodyRef("HB", "Thành phố Hòa Bình", "district", sort_order=7),
    BodyRef("XTM", "Xã Tân Mỹ Hà", "commune", sort_order=8),
    BodyRef("PDK", "Phường Đoàn Kết", "commune", sort_order=9),
]


@pytest.fixture
def matcher() -> BodyMatcher:
    return BodyMatcher(BODIES)


def test_the_issue_example_is_no_match(matcher: BodyMatcher) -> None:
    # "số" (digital) is not "Sở" (department), and the name does not run over the comma
    assert matcher.named_in("…vận hành chính quyền số, xây dựng các dịch vụ…") == []
    assert matcher.named_in("chính quyền số xây dựng") == []
    assert matcher.named_in("chính quyền Sở, xây dựng") == []
    assert matcher.named_in("Sở Xây dựng") == ["SXD"]


@pytest.mark.parametrize("mark", [",", ";", ".", ":", "!", "?", "…"])
def test_a_name_never_spans_punctuation(matcher: BodyMatcher, mark: str) -> None:
    assert matcher.named_in(f"giao Sở{mark} Xây dựng") == []
    assert matcher.named_in(f"Sở Nội{mark} vụ") == []
    assert matcher.named_in(f"Văn phòng Ủy ban nhân dân{mark} tỉnh") == []
    # a line break is no punctuation: a PDF wraps names over lines
    assert matcher.named_in("giao Sở\nXây dựng") == ["SXD"]


def test_a_name_keeps_its_own_comma_which_may_be_left_out_or_written_as_a_dash(
    matcher: BodyMatcher,
) -> None:
    assert matcher.named_in("Sở Văn hóa, Thể thao và Du lịch") == ["SVH"]
    assert matcher.named_in("Sở Văn hoá Thể thao và Du lịch") == ["SVH"]
    assert matcher.named_in("Sở Văn hóa; Thể thao và Du lịch") == []
    assert matcher.named_in("Sở Lao động - Thương binh và Xã hội") == ["SLD"]
    assert matcher.named_in("Sở LĐ-TB&XH") == ["SLD"]


@pytest.mark.parametrize(
    "spelling",
    [
        "Văn phòng Uỷ ban nhân dân tỉnh",  # old tone placement
        "VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH",
        unicodedata.normalize("NFD", "Văn phòng Ủy ban nhân dân tỉnh"),
        "VP UBND tỉnh",
    ],
)
def test_spellings_of_the_same_words_agree(matcher: BodyMatcher, spelling: str) -> None:
    assert matcher.named_in(spelling) == ["VP"]


def test_old_and_new_tone_placement_agree() -> None:
    pairs = [("hoà", "hòa"), ("Uỷ", "Ủy"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"), ("loà", "lòa")]
    for old, new in pairs:
        decomposed = unicodedata.normalize("NFD", new)
        assert fold(old) == fold(new) == fold(old.upper()) == fold(decomposed)
    assert BodyMatcher(BODIES).named_in("thành phố Hoà Bình") == ["HB"]


_TONES = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
_VOWELS = {"a": ["a", "â", "ă"], "o": ["o", "ô", "ơ"], "u": ["u", "ư"], "e": ["e", "ê"]}


def _variants(word: str) -> set[str]:
    """Every spelling of `word` with other vowel marks (a/â/ă, o/ô/ơ...) and any of the six
    tones: different words, each written once (its tone on its last vowel)."""
    out = set()
    vowel_at = [i for i, c in enumerate(word) if c in _VOWELS]
    for letters in itertools.product(*(_VOWELS[word[i]] for i in vowel_at)):
        chars = list(word)
        for i, letter in zip(vowel_at, letters, strict=True):
            chars[i] = letter
        for tone in _TONES:
            last = vowel_at[-1]
            spelled = [*chars[: last + 1], tone, *chars[last + 1 :]]
            out.add(unicodedata.normalize("NFC", "".join(spelled)))
    return out


@pytest.mark.parametrize("word", ["so", "ban", "vu", "do", "ha", "tan", "xa", "dan", "hoa"])
def test_words_differing_only_by_marks_never_fold_together(word: str) -> None:
    variants = sorted(_variants(word))
    assert len(variants) > 6
    for a, b in itertools.combinations(variants, 2):
        assert fold(a) != fold(b), (a, b)
        assert fold(a) == fold(a.upper()) == fold(unicodedata.normalize("NFD", a))


def test_a_body_differing_by_one_mark_is_not_matched(matcher: BodyMatcher) -> None:
    assert matcher.named_in("Sở Xây dựng") == ["SXD"]
    for name in ("Sơ Xây dựng", "Số Xây dựng", "Sở Xay dựng", "Sở Xây dưng", "Sở Nội vũ"):
        assert matcher.named_in(name) == [], name
    for name in ("Xã Tân Mỹ Hà", "xã Tân Mỹ Hà", "XÃ TÂN MỸ HÀ"):
        assert matcher.named_in(name) == ["XTM"], name
    for name in ("Xa Tân Mỹ Hà", "Xã Tấn Mỹ Hà", "Xã Tân My Hà", "Xã Tân Mỹ Hạ"):
        assert matcher.named_in(name) == [], name


def test_a_ministry_is_never_the_department(matcher: BodyMatcher) -> None:
    assert matcher.named_in("Bộ Nội vụ, Bộ Xây dựng và Bộ Thông tin và Truyền thông") == []
    assert matcher.named_in("Bộ Nội vụ và Sở Nội vụ") == ["SNV"]


def test_partners_are_named_after_phoi_hop_and_a_whole_class_only_when_it_is_whole(
    matcher: BodyMatcher,
) -> None:
    communes = ["XTM", "PDK"]
    provincial = ["SXD", "SVH", "SLD", "VP", "SNV", "STTTT"]
    text = "Chủ trì, phối hợp với sở, ban, ngành, Ủy ban nhân dân xã, phường tăng cường kiểm tra"
    assert matcher.partners_in(text) == provincial + communes
    some = "Phối hợp với Sở Nội vụ và các sở, ban, ngành, địa phương có liên quan tham mưu"
    assert matcher.partners_in(some) == ["SNV"]
    # a body the text reports to is no partner
    assert matcher.partners_in("báo cáo bằng văn bản về Sở Nội vụ để tổng hợp") == []


def test_names_that_look_like_bodies_but_are_not_in_the_list_are_reported(
    matcher: BodyMatcher,
) -> None:
    from services.importing.body_names import unknown_names

    text = (
        "Sở Nội vụ chủ trì, phối hợp với Sở Dân tộc và Tôn giáo, Sở Công Thương, UBND xã Tân "
        "Mỹ Hà, Ủy ban nhân dân phường Đông Hà và Ban Quản lý Khu kinh tế tỉnh; báo cáo Ban Chỉ "
        "đạo tỉnh, Bộ Tài chính; Sở Văn hoá Thể thao và Du lịch, Sở Nông nghiệp và Phát triển "
        "nông thôn hướng dẫn; các sở, ban, ngành, UBND các xã, phường."
    )
    assert unknown_names([text], matcher) == [
        ("Sở Dân tộc và Tôn giáo", "provincial"),
        ("Sở Công Thương", "provincial"),
        ("Phường Đông Hà", "commune"),
        ("Ban Quản lý Khu kinh tế", "provincial"),
        ("Sở Nông nghiệp và Phát triển nông thôn", "provincial"),
    ]  # Sở Nội vụ, Xã Tân Mỹ Hà and Sở Văn hóa... are in the list, however spelt


def test_a_real_document_names_a_body_missing_from_the_list() -> None:
    import json
    from pathlib import Path

    from services.importing.parser import parse_text
    from services.importing.reader import read_document

    real = Path(__file__).resolve().parents[1] / "fixtures" / "real"
    expected = json.loads((real / "dak-lak-ct-012-2025.expected.json").read_text("utf-8"))
    bodies = [
        BodyRef(f"B{i}", b["name"], b["kind"], sort_order=i)
        for i, b in enumerate(expected["bodies"])
        if b["name"] != "Sở Khoa học và Công nghệ"
    ]
    source = read_document((real / expected["file"]).read_bytes(), expected["file"])
    parsed = parse_text(source.text, bodies, wrapped=source.wrapped)
    assert ("Sở Khoa học và Công nghệ", "provincial") in parsed.unknown_bodies
