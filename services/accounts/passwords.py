"""The one password policy, for every way a password is set: `manage.py create-user`, the
administration page (a new account, a reset) and one's own password form all reach it through
users.create_user, users.reset_password and accounts.change_password.

A password is kept exactly as typed (in Unicode's composed form, NFC, so a Vietnamese letter
typed with either kind of input method is the same password); the sign-in checks it the same
way, never trimmed. The rules, each with its own sentence:
- no space, tab or line break at either end, no control character (what cannot be typed the
  same way twice);
- at least MIN_PASSWORD_LENGTH characters and at most MAX_PASSWORD_BYTES bytes in UTF-8
  (bcrypt reads no further; a Vietnamese letter takes two or three bytes);
- not the account's name;
- not the demo password outside a demo installation;
- not one of the 30,000 most common passwords (the list zxcvbn ships) nor one of our own
  (LOCAL_COMMON), ignoring case;
- not guessable in under about a hundred million tries by zxcvbn's estimate (score 3 or
  more), with the account's name and this office's words counted as known words: "Laichau@2022"
  and "Abcd1234!" are refused, "mat-khau-dai" and "toi yeu lai chau" pass.
"""

import unicodedata
from functools import lru_cache

from sqlmodel import Session

from config import Settings, get_settings
from services.core.errors import InvalidInput

MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_BYTES = 72  # bcrypt reads no further
MIN_SCORE = 3  # zxcvbn: 3 is "safely unguessable" (10^8 guesses or more); below is refused
# Words of this office and this system, which an attacker tries first.
OFFICE_WORDS = (
    "laichau",
    "lai chau",
    "cchc",
    "ubnd",
    "ubndtinh",
    "vanphong",
    "chithi",
    "matkhau",
    "mat khau",
    "quantri",
    "admin",
    "taikhoan",
    "dangnhap",
    "caicachhanhchinh",
)
# Common Vietnamese passwords that an English list misses.
LOCAL_COMMON = frozenset(
    {
        "matkhau",
        "matkhau1",
        "matkhau123",
        "matkhau@123",
        "123456a@",
        "123456aa",
        "a123456",
        "abc@123",
        "admin@123",
        "anhyeuem",
        "emyeuanh",
        "yeuemnhieu",
        "vietnam",
        "vietnam123",
        "hanoi123",
        "laichau",
        "laichau123",
        "laichau@123",
        "cchc2021",
        "cchc2022",
        "ubnd2022",
        "12345678a",
        "123456789a",
    }
)


def normalise(password: str) -> str:
    """The form a password is hashed and checked in."""
    return unicodedata.normalize("NFC", password or "")


def _is_demo(session: Session) -> bool:
    from services.install.demo import (
        is_demo,  # services.demo creates accounts through services.users
    )

    return is_demo(session)


@lru_cache(maxsize=1)
def _common_passwords() -> frozenset[str]:
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    return frozenset(FREQUENCY_LISTS["passwords"]) | LOCAL_COMMON


def check_new_password(session: Session, password: str | None, *, username: str) -> str:
    """The password to hash, or InvalidInput with the sentence that says what to change."""
    password = normalise(password or "")
    if not password:
        raise InvalidInput("err.password_short", n=MIN_PASSWORD_LENGTH)
    if password != password.strip():
        raise InvalidInput("err.password_spaces")
    if any(unicodedata.category(ch) in {"Cc", "Cf", "Zl", "Zp"} for ch in password):
        raise InvalidInput("err.password_control")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput("err.password_short", n=MIN_PASSWORD_LENGTH)
    if len(password.encode("utf-8")) > MAX_PASSWORD_BYTES:
        raise InvalidInput("err.password_long", n=MAX_PASSWORD_BYTES)
    folded = password.casefold()
    name = (username or "").strip().casefold()
    if name and folded in {name, name[::-1]}:
        raise InvalidInput("err.password_is_username")
    demo_passwords = {  # the published default (the README) and this installation's
        normalise(str(Settings.model_fields["demo_password"].default)).casefold(),
        normalise(get_settings().demo_password).casefold(),
    }
    if folded in demo_passwords and not _is_demo(session):
        raise InvalidInput("err.password_demo")
    if folded in _common_passwords():
        raise InvalidInput("err.password_common")
    from zxcvbn import zxcvbn

    known = [*OFFICE_WORDS, *demo_passwords, *([name] if name else [])]
    if zxcvbn(password, user_inputs=known)["score"] < MIN_SCORE:
        raise InvalidInput("err.password_guessable")
    return password
