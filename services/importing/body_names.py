"""Finding the bodies a directive names, in the many ways a text writes them.

Pure functions over plain data. Vietnamese words that differ only by their marks are different
words ("số", a number or digital, is not "Sở", a department), so matching keeps every mark and
unifies only the spellings of one word:
- Unicode's composed and decomposed forms (NFC/NFD);
- the old and new places of the tone mark ("Uỷ"/"Ủy", "hoà"/"hòa", "thuỷ"/"thủy"): a syllable
  has one tone, so the tone is taken off the letters and written after the syllable;
- upper and lower case.
A body's name never runs across a comma, semicolon, full stop, colon or bracket of the text,
unless the name itself has that comma ("Sở Văn hóa, Thể thao và Du lịch"); a name's own commas
may be left out ("Sở Văn hóa Thể thao và Du lịch") or written as a dash ("Lao động - Thương
binh và Xã hội"). Abbreviations an official text uses are known: "UBND" for "Ủy ban nhân dân",
"Sở TT&TT" or "TT&TT" for "Sở Thông tin và Truyền thông", "KH&ĐT", "LĐ-TB&XH", "VP UBND", and
"Bưu điện tỉnh" for "Bưu điện tỉnh Lai Châu". A name after "Bộ" is the ministry's.
"""

import re
import unicodedata
from collections.abc import Iterable

from models import OrgKind
from services.read.bodies import BodyRef

# the five tone marks (huyền, sắc, ngã, hỏi, nặng); the other marks (â, ă, ê, ô, ơ, ư, đ) make
# other letters and stay where they are
_TONES = {"\u0300": "1", "\u0301": "2", "\u0303": "3", "\u0309": "4", "\u0323": "5"}
_TONE_MARKS = "".join(_TONES)
_WORD = re.compile(r"[0-9a-zđ&\u00c0-\u1ef9" + _TONE_MARKS + r"\u0302\u0306\u031b]+")
_BREAK = re.compile(r"[,;.:!?()\[\]{}\"“”'‘’…/|]")
_END = re.compile(r"[;.:!?…|]")  # ends a clause
# a dash between two words ("LĐ-TB&XH") joins them; a dash between spaces is a soft separator
_JOIN_DASH = re.compile(r"(?<=\w)[-‐–](?=\w)")


def _word(word: str) -> str:
    """One syllable, its tone mark written after it as a digit: "Uỷ", "Ủy", "ủy" -> "uy4"."""
    tone = ""
    letters = []
    for c in word:
        if c in _TONES:
            tone = _TONES[c]
        else:
            letters.append(c)
    return unicodedata.normalize("NFC", "".join(letters)) + tone


def tokens(text: str) -> list[str]:
    """The text's words folded; "," for a comma (or a bracket, quote, slash) and "." for a
    semicolon, full stop, colon or other mark that ends a clause. "&"
    is kept inside a word and unspaced ("KH & ĐT" -> "kh&đt")."""
    text = unicodedata.normalize("NFD", (text or "").lower())
    text = re.sub(r"\s*&\s*", "&", text)
    text = _JOIN_DASH.sub("", text)
    out: list[str] = []
    for piece in re.finditer(r"\S+", text):
        for part in re.finditer(_WORD.pattern + "|" + _BREAK.pattern, piece.group()):
            found = part.group()
            if _BREAK.fullmatch(found):
                mark = "." if _END.fullmatch(found) else ","
                if out and out[-1] in {",", "."}:
                    if mark == ".":
                        out[-1] = "."
                else:
                    out.append(mark)
            elif found.strip("&"):
                out.append(_word(found.strip("&")))
    return out


def fold(text: str) -> str:
    """The words of a text as one string, marks kept, spellings of one word unified,
    punctuation dropped, padded with one space each side: " sở văn hoa2 thể thao ..." ."""
    return f" {' '.join(t for t in tokens(text) if t not in {',', '.'})} "


def loose_fold(text: str) -> str:
    """Lower case without any diacritics ("Kế hoạch" -> "ke hoach"), for recognising a fixed
    phrase's headings and keywords; never for body names."""
    text = unicodedata.normalize("NFD", text or "")
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    text = text.replace("đ", "d").replace("Đ", "D").lower()
    text = re.sub(r"\s*&\s*", "&", text)
    return f" {' '.join(re.sub(r'[^0-9a-z&]+', ' ', text).split())} "


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
    """Every way the text may write this body. The first is the full name."""
    found = [name]
    name = unicodedata.normalize("NFC", name)
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
        if tokens(alias) and alias not in out:
            out.append(alias)
    return out


def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A pattern finding the phrase's words in a folded text (see `folded_text`): whole words,
    no comma of the text between them unless the phrase has one there (and then it may be
    left out)."""
    parts: list[str] = []
    for piece in tokens(phrase):
        if piece == ",":
            parts.append("(?:, )?")
        else:
            parts.append(re.escape(piece) + " ")
    return re.compile(r"(?<= )" + "".join(parts))


def folded_text(text: str) -> str:
    """The text as `phrase_pattern` patterns search it: " word word , word "."""
    return f" {' '.join(tokens(text))} "


# A name after these words is someone else's: "Bộ Thông tin và Truyền thông" is the ministry.
_FOREIGN_BEFORE = {_word(unicodedata.normalize("NFD", "bộ"))}

# Phrases that address every body of a kind (headings like section 1 of the seed directive).
_CLASS_PHRASES: dict[str, list[str]] = {
    OrgKind.PROVINCIAL: [
        "các sở, ban, ngành",
        "sở, ban, ngành",
        "các sở, ngành",
        "các sở, ban ngành",
        "Giám đốc các sở",
        "các cơ quan chuyên môn thuộc UBND tỉnh",
        "các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh",
        "các cơ quan, đơn vị thuộc UBND tỉnh",
    ],
    OrgKind.DISTRICT: [
        "các huyện, thành phố",
        "các huyện, thị xã, thành phố",
        "UBND các huyện",
        "Ủy ban nhân dân các huyện",
        "cấp huyện",
        "UBND các cấp",
        "Ủy ban nhân dân các cấp",
    ],
    OrgKind.COMMUNE: [
        "các xã, phường",
        "UBND xã, phường",
        "Ủy ban nhân dân xã, phường",
        "cấp xã",
        "UBND các cấp",
        "Ủy ban nhân dân các cấp",
    ],
    # special zones (đặc khu) of the two-tier local government from 1 July 2025
    OrgKind.SPECIAL_ZONE: [
        "đặc khu",
    ],
}
_CLASS_PATTERNS = {
    kind: [(phrase_pattern(p), p.startswith("cấp ")) for p in phrases]
    for kind, phrases in _CLASS_PHRASES.items()
}
_PARTNER_START = phrase_pattern("phối hợp")
_TO_WHOM = {fold(w).strip() for w in ("về", "gửi", "đến", "tới", "lên")}


class BodyMatcher:
    """Finds bodies named in a piece of text; active bodies only."""

    def __init__(self, bodies: Iterable[BodyRef]) -> None:
        self.bodies = sorted((b for b in bodies if b.active), key=lambda b: (b.sort_order, b.code))
        self.by_code = {b.code: b for b in self.bodies}
        patterns: list[tuple[int, re.Pattern[str], BodyRef]] = []
        for body in self.bodies:
            for alias in aliases(body.name):
                patterns.append((len(fold(alias)), phrase_pattern(alias), body))
        # longest first, so that "Văn phòng UBND tỉnh" wins over any shorter name inside it
        patterns.sort(key=lambda p: -p[0])
        self._patterns = [(p, b) for _n, p, b in patterns]

    def _spans(self, folded: str) -> list[tuple[int, int, str]]:
        taken = [False] * len(folded)
        spans: list[tuple[int, int, str]] = []
        for pattern, body in self._patterns:
            for m in pattern.finditer(folded):
                start, end = m.start(), m.end()
                if any(taken[start:end]) or self._foreign(folded, start):
                    continue
                spans.append((start, end, body.code))
                for i in range(start, end):
                    taken[i] = True
        return sorted(spans)

    def named_in(self, text: str) -> list[str]:
        """Codes of the bodies the text names, in the order of the body list."""
        found = {code for _s, _e, code in self._spans(folded_text(text))}
        return [b.code for b in self.bodies if b.code in found]

    @staticmethod
    def _foreign(folded: str, start: int) -> bool:
        before = folded[:start].split()
        return bool(before) and before[-1] in _FOREIGN_BEFORE

    def classes_in(self, text: str, *, whole_only: bool = False) -> set[str]:
        """The kinds of body the text addresses as a whole ("các sở, ban, ngành")."""
        return {kind for _start, kind in self._classes(folded_text(text), whole_only=whole_only)}

    @staticmethod
    def _classes(folded: str, *, whole_only: bool) -> list[tuple[int, str]]:
        found: list[tuple[int, str]] = []
        for kind, patterns in _CLASS_PATTERNS.items():
            for pattern, level_only in patterns:
                if whole_only and level_only:
                    continue  # "các cơ quan chuyên môn thuộc UBND cấp huyện" are not the districts
                for m in pattern.finditer(folded):
                    if whole_only and _some_of(folded[m.end() : m.end() + 80]):
                        continue
                    found.append((m.start(), kind))
        return found

    def addressed_by(self, heading: str) -> list[str]:
        """The bodies a heading addresses: the ones it names, plus every active body of a kind
        it addresses as a whole ("các sở, ban, ngành", "các huyện, thành phố", "các xã,
        phường", "cấp xã", "đặc khu")."""
        kinds = self.classes_in(heading)
        named = set(self.named_in(heading))
        return [b.code for b in self.bodies if b.code in named or b.kind in kinds]

    def partners_in(self, text: str) -> list[str]:
        """The other bodies a task's text names, those it reports to ("báo cáo ... về Sở Nội
        vụ", "gửi Sở Tài chính") left out; and every body of a kind the text names as a whole
        after "phối hợp" ("phối hợp với các sở, ban, ngành", but not "các sở, ngành có liên
        quan", which is some of them)."""
        folded = folded_text(text)
        codes = {
            code
            for start, _end, code in self._spans(folded)
            if (folded[:start].split() or [""])[-1] not in _TO_WHOM
        }
        kinds: set[str] = set()
        for m in _PARTNER_START.finditer(folded):
            clause = _clause(folded[m.end() - 1 :])
            named = self._spans(clause)
            found = self._classes(clause, whole_only=True)
            # "phối hợp với Sở Tài chính, các sở, ngành ...": the body named first is the
            # partner, the class after it supports (the seed directive's reading)
            kinds |= {k for start, k in found if not named or start < named[0][0]}
        return [b.code for b in self.bodies if b.code in codes or b.kind in kinds]

    def whole_classes(self, text: str) -> list[str]:
        """Every body of a kind the text names as a whole ("Các sở, ban, ngành"; not "các sở,
        ngành có liên quan"): a partner column's reading."""
        kinds = self.classes_in(text, whole_only=True)
        return [b.code for b in self.bodies if b.kind in kinds]

    def names(self, codes: Iterable[str]) -> list[str]:
        return [self.by_code[c].name for c in codes if c in self.by_code]


def _clause(folded: str) -> str:
    """The folded text up to the end of its clause (a semicolon, full stop, colon...)."""
    end = folded.find(" . ")
    return folded if end == -1 else folded[: end + 1]


_LIEN_QUAN = fold("liên quan").strip()


def _some_of(after: str) -> bool:
    """Is a class phrase narrowed by what follows ("..., địa phương có liên quan")?"""
    window = " ".join(_clause(" " + after).split()[:7])
    return _LIEN_QUAN in window


# ----------------------------------------------------------------------------- unknown bodies

_TOKEN = re.compile(r"[\wĐđÀ-ỹ&-]+|[,;.:!?()\[\]\"“”]")
_TRIGGERS = {"sở": "dept", "ban": "board"}
_TIERS = {
    "huyện": OrgKind.DISTRICT,
    "thị xã": OrgKind.DISTRICT,
    "xã": OrgKind.COMMUNE,
    "phường": OrgKind.COMMUNE,
    "đặc khu": OrgKind.SPECIAL_ZONE,
}
# lower-case words that end a name: verbs, prepositions, "tỉnh"
_STOP = {
    "chủ",
    "phối",
    "thực",
    "tham",
    "tổ",
    "hướng",
    "chỉ",
    "kiểm",
    "rà",
    "xây",
    "đôn",
    "theo",
    "triển",
    "báo",
    "tiếp",
    "tăng",
    "đẩy",
    "nâng",
    "ban",
    "căn",
    "có",
    "được",
    "đã",
    "sẽ",
    "các",
    "của",
    "tỉnh",
    "trong",
    "về",
    "với",
    "cùng",
    "để",
    "tại",
    "trên",
    "khi",
    "nếu",
    "kịp",
    "là",
    "thuộc",
    "cấp",
    "và",
    "nghiên",
    "trình",
    "bố",
    "cập",
    "quản",
}
_NOT_BOARDS = {"chỉ đạo", "chấp hành", "thường vụ", "chủ nhiệm", "biên tập", "tổ chức"}


def _is_cap(word: str) -> bool:
    return word[:1].isupper() and word.lower() not in {"sở", "ban", "ubnd", "bộ"}


def _field(words: list[str], i: int) -> int:
    """The end of a department's field starting at words[i]: capitalised words, each with at
    most two lower-case syllables after it, joined by "và" or a comma before a capital."""
    j, lower = i, 0
    while j < len(words):
        w = words[j]
        if _is_cap(w):
            j, lower = j + 1, 0
        elif w in {"và", ","} and j + 1 < len(words) and _is_cap(words[j + 1]) and j > i:
            j += 1
        elif w == "triển" and words[j - 1] == "Phát":
            j += 1  # "Phát triển nông thôn"
        elif w.islower() and w not in _STOP and lower < 2 and j > i and w.isalpha():
            j, lower = j + 1, lower + 1
        else:
            break
    return j


def unknown_names(texts: Iterable[str], matcher: "BodyMatcher") -> list[tuple[str, str]]:
    """(name, kind) of what looks like a body ("Sở Dân tộc và Tôn giáo", "Ban Quản lý Khu kinh
    tế", "UBND xã Tân Mỹ Hà") in the texts but is not in the body list, in order of first
    mention: the preview lists them as "not in the body list" with a one-click add. A ministry
    ("Bộ ...") and the list's own names, however spelt, are left out."""
    found: dict[str, tuple[str, str]] = {}

    def add(name: str, kind: str) -> None:
        key = fold(name)
        if key.strip() and key not in found and not matcher.named_in(name):
            found[key] = (name, kind)

    for text in texts:
        words = _TOKEN.findall(unicodedata.normalize("NFC", text or ""))
        for i, w in enumerate(words):
            low = w.lower()
            before = words[i - 1].lower() if i else ""
            if low in _TRIGGERS and w[0].isupper() and before != "bộ":
                end = _field(words, i + 1)
                field = " ".join(words[i + 1 : end]).replace(" ,", ",")
                board_only = low == "ban" and field.lower().startswith(tuple(_NOT_BOARDS))
                if end > i + 1 and not board_only:
                    add(f"{w} {field}", str(OrgKind.PROVINCIAL))
                continue
            tier = f"{before} {low}" if f"{before} {low}" in _TIERS else low
            if tier in _TIERS and low != "thị":
                end = i + 1
                while end < len(words) and end < i + 5 and _is_cap(words[end]):
                    end += 1
                if end > i + 1:
                    add(f"{tier.capitalize()} {' '.join(words[i + 1 : end])}", str(_TIERS[tier]))
    return list(found.values())
