"""One Settings object, read from the environment (and an optional .env file)."""

import os
import secrets
from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parent
DATA_DIR = ROOT / "data"
MIN_SECRET_LENGTH = 32
# Secrets copied from examples and tutorials: as good as none.
KNOWN_DEFAULT_SECRETS = frozenset(
    {
        "changeme",
        "change-me",
        "change_me",
        "changethis",
        "secret",
        "cookie_secret",
        "some_signature_key",
        "random_signature_key",
        "abcdef",
        "your-secret-key",
        "your_secret_key",
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
    demo_password: str = "laichau2021"
    language: str = "vi"
    # A demo installation (the database's demo flag also counts) may run with a weak secret.
    demo_mode: bool = False
    # Sign-in: after this many wrong passwords in a row an account waits login_lock_minutes.
    max_failed_logins: int = Field(default=5, ge=1)
    login_lock_minutes: int = Field(default=15, ge=1)

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    def cookie_secret_problem(self, *, demo: bool) -> str | None:
        """The catalogue key saying why the cookie secret is unsafe, or None. Outside demo mode
        a default or short secret would let anyone forge a sign-in cookie."""
        if demo or self.demo_mode:
            return None
        secret = self.signing_secret()
        if secret.strip().lower() in KNOWN_DEFAULT_SECRETS:
            return "auth.secret_default"
        if len(secret) < MIN_SECRET_LENGTH:
            return "auth.secret_short"
        return None

    def signing_secret(self) -> str:
        """The cookie secret: from the environment, else read from (or generated once into) a
        file only the owner can read. Never a constant in code."""
        if self.cookie_secret:
            return self.cookie_secret
        path = self.cookie_secret_file
        if path.exists():
            return path.read_text(encoding="utf-8").strip()
        path.parent.mkdir(parents=True, exist_ok=True)
        value = secrets.token_urlsafe(48)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(value)
        return value


@lru_cache
def get_settings() -> Settings:
    return Settings()
