"""One Settings object, read from the environment (and an optional .env file)."""

import ipaddress
import math
import os
import secrets
from collections import Counter
from collections.abc import Hashable, Sequence
from contextlib import suppress
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "data"
# The database, its backups and safety copies hold every report and the password hashes:
# readable by the account that runs the app only.
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
MIN_SECRET_LENGTH = 32
# The least estimated strength of the cookie secret (see secret_strength_bits). A secret made by
# secrets.token_urlsafe(32) or longer (43+ characters), or 40 hexadecimal digits, passes (the
# app generates token_urlsafe(48)); 32 random characters are borderline; anything a person
# thinks up, repeats or types along the keyboard does not pass.
MIN_SECRET_BITS = 100
# Secrets copied from examples, tutorials and this project's own history: as good as none,
# however long.
KNOWN_DEFAULT_SECRETS = frozenset(
    {
        "changeme",
        "change-me",
        "change_me",
        "changethis",
        "secret",
        "cookie_secret",
        "cookie-secret",
        "some_signature_key",
        "random_signature_key",
        "abcdef",
        "your-secret-key",
        "your_secret_key",
        "supersecret",
        "laichau2021",
        "cchc_laichau_auth",
    }
)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str = Field(default=f"sqlite:///{DATA_DIR / 'cchc.db'}")
    # The sign-in cookie secret. Empty: generated once into cookie_secret_file.
    cookie_secret: str = ""
    cookie_secret_file: Path = DATA_DIR / "cookie_secret"
    cookie_name: str = "cchc_laichau_auth"
    cookie_expiry_days: float = Field(default=1.0, gt=0)
    # The sign-in cookie is Secure (sent over https only) when COOKIE_SECURE is true, or when
    # it is not set and APP_BASE_URL (the address people open) begins with https://.
    cookie_secure: bool | None = None
    app_base_url: str = ""
    # Addresses (or networks) of reverse proxies whose X-Forwarded-For is believed; from any
    # other peer the header is ignored. Comma-separated, e.g. "10.0.0.2,10.0.1.0/24".
    trusted_proxies: str = ""
    demo_password: str = "laichau2021"
    # E-mail of notices (services/notices/mail.py): sent only when SMTP_HOST and MAIL_FROM are
    # set; otherwise notices are in the app only. Links in the mails begin with APP_BASE_URL.
    smtp_host: str = ""
    smtp_port: int = Field(default=587, ge=1, le=65535)
    smtp_user: str = ""
    smtp_password: str = ""
    smtp_starttls: bool = True
    smtp_timeout_seconds: float = Field(default=20, gt=0)
    mail_from: str = ""
    language: str = "vi"
    # Restore: the copies of the database kept beside it (the newest N), and the largest
    # backup file accepted (a real installation's database is tens of MB).
    safety_copies_kept: int = Field(default=5, ge=1)
    restore_max_mb: int = Field(default=1024, ge=1)
    # The largest file the import page accepts, in MB; the nginx site (manage.py nginx-site)
    # refuses a larger request body before it reaches the app.
    import_max_mb: int = Field(default=25, ge=1)
    # Sign-in throttling (services/throttle.py): after `free` failures in a row an account or a
    # client address waits base_delay seconds, doubling with each further failure up to the
    # cap; a key with no failure for forget_after minutes starts again from nothing.
    sign_in_account_free: int = Field(default=5, ge=1)
    sign_in_address_free: int = Field(default=3, ge=1)
    sign_in_base_delay_seconds: int = Field(default=5, ge=1)
    sign_in_account_max_delay_seconds: int = Field(default=120, ge=1)
    sign_in_address_max_delay_seconds: int = Field(default=1800, ge=1)
    sign_in_account_forget_minutes: int = Field(default=24 * 60, ge=1)
    sign_in_address_forget_minutes: int = Field(default=60, ge=1)

    @property
    def smtp_configured(self) -> bool:
        return bool(self.smtp_host.strip() and self.mail_from.strip())

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def secure_cookie(self) -> bool:
        if self.cookie_secure is not None:
            return self.cookie_secure
        return self.app_base_url.strip().lower().startswith("https://")

    def proxy_networks(self) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
        return [
            ipaddress.ip_network(part.strip(), strict=False)
            for part in self.trusted_proxies.split(",")
            if part.strip()
        ]

    def cookie_secret_problem(self) -> str | None:
        """The catalogue key saying why the cookie secret is unsafe, or None. In every mode,
        demo included: a guessable secret lets anyone forge a sign-in cookie for any account."""
        return secret_problem(self.signing_secret())

    def signing_secret(self) -> str:
        """The cookie secret: from the environment, else read from (or generated once into) a
        file only the owner can read. Never a constant in code."""
        if self.cookie_secret:
            return self.cookie_secret
        path = self.cookie_secret_file
        if path.exists():
            return path.read_text(encoding="utf-8").strip()
        private_dir(path.parent)
        value = secrets.token_urlsafe(48)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(value)
        return value


def private_dir(path: Path) -> Path:
    """`path` as a folder only its owner may open: created so (with any missing parents), and
    tightened if it is the app's own data folder. A folder named by the operator that already
    exists (say /var/lib) is left as it is."""
    path = Path(path)
    if not path.is_dir():
        path.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
        path.chmod(PRIVATE_DIR_MODE)
    elif path.resolve() == DATA_DIR.resolve():
        path.chmod(PRIVATE_DIR_MODE)
    return path


def private_file(path: Path) -> Path:
    """`path` as a file only its owner may read or write: created empty if missing (before
    SQLite or anyone else creates it with the default mode), tightened if it exists. SQLite
    gives its -wal and -shm files the database file's mode."""
    path = Path(path)
    with suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE))
    path.chmod(PRIVATE_FILE_MODE)
    return path


def _shannon_bits(symbols: Sequence[Hashable]) -> float:
    """Shannon entropy per symbol of `symbols` as observed (bits)."""
    n = len(symbols)
    return -sum(c / n * math.log2(c / n) for c in Counter(symbols).values()) if n else 0.0


@lru_cache(maxsize=8)
def secret_strength_bits(secret: str) -> float:
    """A conservative estimate of how many bits an attacker must guess, the smaller of two:
    - the length times the Shannon entropy per character, of the characters and of the steps
      between neighbours (so "aaaa…", "abab…" and "abcdef…" count for almost nothing);
    - zxcvbn's estimate of the guesses (dictionary words, names, keyboard walks, dates,
      repeats, and 3.3 bits for each character it cannot explain)."""
    from zxcvbn import zxcvbn

    steps = [ord(b) - ord(a) for a, b in pairwise(secret)]
    shannon = len(secret) * min(_shannon_bits(list(secret)), _shannon_bits(steps))
    patterns: float = zxcvbn(secret[:200])["guesses_log10"] * math.log2(10)
    return min(shannon, patterns)


def secret_problem(secret: str) -> str | None:
    """Why `secret` may not sign cookies (a catalogue key), or None. The rule, in order: not a
    known secret; at least MIN_SECRET_LENGTH characters; at least MIN_SECRET_BITS by
    secret_strength_bits."""
    if secret.strip().lower() in KNOWN_DEFAULT_SECRETS:
        return "auth.secret_default"
    if len(secret) < MIN_SECRET_LENGTH:
        return "auth.secret_short"
    if secret_strength_bits(secret) < MIN_SECRET_BITS:
        return "auth.secret_weak"
    return None


@lru_cache
def get_settings() -> Settings:
    return Settings()
