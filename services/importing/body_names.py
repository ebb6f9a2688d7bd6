"""Finding the bodies a directive names, in the many ways a text writes them.

Pure functions over plain data. Matching folds case and diacritics (so "Ủy" and "Uỷ", the two
Unicode spellings of the same word, agree), ignores punctuation, and knows the abbreviations
an official text uses: "UBND" for "Ủy ban nhân dân", "Sở TT&TT" or "TT&TT" for "Sở Thông tin và
Truyền thông", "KH&ĐT", and "Bưu điện tỉnh" for "Bưu điện tỉnh Lai Châu".
"""

import re
import unicodedata
from collections.abc import Iterable

from models import OrgKind
from services.read.bodies import BodyRef

_NON_WORD = re.compile(r"[^0-9a-z&]+")


def fold(text: str) -> str:
    """Lower case, no diacritics, đ -> d, punctuation -> spaces, "&" kept and unspaced,
    padded with one space each side so that " word " finds whole words only."""
    text = unicodedata.normalize("NFD", text or "")
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    text = text.replace("đ", "d").replace("Đ", "D").lower()
    text = re.sub(r"\s*&\s*", "&", text)
    text = _NON_WORD.sub(" ", text)
    return f" {' '.join(text.split())} "


def _initials(words: str) -> str:
    return "".join(w[0].upper() for w in words.split() if w)


def abbreviation(field: str) -> str:
    """ "Thông tin và Truyền thông" -> "TT&TT"; "Lao động, Thương binh và Xã hội" -> "LĐTB&XH";
    "Giao thông vận tải" -> "GTVT"."""
    parts = re.split(r"\s+và\s+", field.strip(), maxsplit=1)
    if len(parts) == 2:
        return f"{_initials(parts[0].replace(',', ' '))}&{_initials(parts[1])}"
    return _initials(field.replace(",", " "))


def aliases(name: str) -> list[str]:
    """Every way the text may write this body, folded. The first is the full name."""
    found = [name]
    short = re.sub(r"(?i)ủy ban nhân dân|uỷ ban nhân dân", "UBND", name)
    if short != name:
        found += [short, short.replace("Văn phòng UBND", "VP UBND")]
    # "Bưu điện tỉnh Lai Châu" is "Bưu điện tỉnh" inside the province's own text
    if m := re.match(r"^(.+\btỉnh)\s+\S.*$", name):
        found.append(m.group(1))
    if m := re.match(r"^Thành phố\s+(.+)$", name):
        found += [f"TP {m.group(1)}", f"TP. {m.group(1)}"]
    if m := re.match(r"^Sở\s+(.+)$", name):
        abbr = abbreviation(m.group(1))
        if len(abbr) >= 2:
            found.append(f"Sở {abbr}")
            if "&" in abbr:
                found.append(abbr.replace("&", " và "))  # "KH và ĐT"
        if "&" in abbr or len(abbr) >= 4:
            found.append(abbr)  # bare "TT&TT", "KH&ĐT", "GTVT"
    out: list[str] = []
    for alias in found:
        folded = fold(alias)
        if folded.strip() and folded not in out:
            out.append(folded)
    return out


# Words that make a following name someone else's: "Bộ Thông tin và Truyền thông" is the ministry.
_FOREIGN_BEFORE = {"bo"}

# Phrases that address every body of a kind (headings like section 1 of the seed directive).
_ALL_PROVINCIAL = [
    fold("các sở, ban, ngành"),
    fold("các sở, ngành"),
    fold("các cơ quan chuyên môn thuộc UBND tỉnh"),
    fold("các cơ quan, đơn vị thuộc UBND tỉnh"),
]
_ALL_DISTRICT = [
    fold("các huyện, thành phố"),
    fold("các huyện, thị xã, thành phố"),
    fold("UBND các huyện"),
    fold("cấp huyện"),
]
# The local tier from 1 July 2025 (two-tier local government): communes and wards.
_ALL_COMMUNE = [
    fold("UBND các xã, phường"),
    fold("các xã, phường"),
    fold("cấp xã"),
]
_ALL_SPECIAL_ZONE = [
    fold("đặc khu"),
]


class BodyMatcher:
    """Finds bodies named in a piece of text; active bodies only."""

    def __init__(self, bodies: Iterable[BodyRef]) -> None:
        self.bodies = sorted((b for b in bodies if b.active), key=lambda b: (b.sort_order, b.code))
        self.by_code = {b.code: b for b in self.bodies}
        self._patterns: list[tuple[str, BodyRef]] = []
        for body in self.bodies:
            for alias in aliases(body.name):
                self._patterns.append((alias, body))
        # longest first, so that "Văn phòng UBND tỉnh" wins over any shorter name inside it
        self._patterns.sort(key=lambda p: -len(p[0]))

    def named_in(self, text: str) -> list[str]:
        """Codes of the bodies the text names, in the order of the body list."""
        folded = fold(text)
        taken = [False] * len(folded)
        found: set[str] = set()
        for alias, body in self._patterns:
            start = folded.find(alias)
            while start != -1:
                end = start + len(alias)
                if not any(taken[start + 1 : end - 1]) and not self._foreign(folded, start):
                    found.add(body.code)
                    for i in range(start + 1, end - 1):
                        taken[i] = True
                start = folded.find(alias, start + 1)
        return [b.code for b in self.bodies if b.code in found]

    @staticmethod
    def _foreign(folded: str, start: int) -> bool:
        before = folded[:start].split()
        return bool(before) and before[-1] in _FOREIGN_BEFORE

    def addressed_by(self, heading: str) -> list[str]:
        """The bodies a heading addresses: the ones it names, plus every active provincial
        body for "các sở, ban, ngành", every district for "các huyện, thành phố", every
        commune and ward for "UBND các xã, phường" or "cấp xã" (and special zones for "đặc khu")."""
        folded = fold(heading)
        kinds: set[str] = set()
        if any(p in folded for p in _ALL_PROVINCIAL):
            kinds.add(OrgKind.PROVINCIAL)
        if any(p in folded for p in _ALL_DISTRICT):
            kinds.add(OrgKind.DISTRICT)
        if any(p in folded for p in _ALL_COMMUNE):
            kinds.add(OrgKind.COMMUNE)
        if any(p in folded for p in _ALL_SPECIAL_ZONE):
            kinds.add(OrgKind.SPECIAL_ZONE)
        named = set(self.named_in(heading))
        return [b.code for b in self.bodies if b.code in named or b.kind in kinds]

    def names(self, codes: Iterable[str]) -> list[str]:
        return [self.by_code[c].name for c in codes if c in self.by_code]
