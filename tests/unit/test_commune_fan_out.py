"""The two-tier local government (from 1 July 2025): a heading addressed to "UBND các xã,
phường" or "cấp xã" fans out to every active commune and ward; "đặc khu" to the special
zones; the district phrases no longer reach them."""

from services.importing.body_names import BodyMatcher
from services.read.bodies import BodyRef

BODIES = [
    BodyRef("SNV", "Sở Nội vụ", "provincial", True, 1),
    BodyRef("HTD", "Huyện Tam Đường", "district", False, 2),
    BodyRef("XBANHON", "Xã Bản Hon", "commune", True, 3),
    BodyRef("PTANPHONG", "Phường Tân Phong", "commune", True, 4),
    BodyRef("XCU", "Xã Cũ", "commune", False, 5),
    BodyRef("DKX", "Đặc khu X", "special_zone", True, 6),
]


def test_commune_phrases_fan_out_to_active_communes_and_wards():
    matcher = BodyMatcher(BODIES)
    everyone = ["XBANHON", "PTANPHONG"]
    assert matcher.addressed_by("Chủ tịch UBND các xã, phường") == everyone
    assert matcher.addressed_by("Ủy ban nhân dân cấp xã") == everyone
    assert matcher.addressed_by("Các sở, ban, ngành tỉnh; UBND các xã, phường") == [
        "SNV",
        *everyone,
    ]
    assert matcher.addressed_by("UBND các xã, phường, đặc khu") == [*everyone, "DKX"]
    assert matcher.addressed_by("UBND các huyện, thành phố") == []  # abolished, inactive
