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


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str = Field(default=f"sqlite:///{DATA_DIR / 'cchc.db'}")
    # The sign-in cookie secret. Empty: generated once into cookie_secret_file.
    cookie_secret: str = ""
    cookie_secret_file: Path = DATA_DIR / "cookie_secret"
    cookie_name: str = "cchc_laichau_auth"
    cookie_expiry_days: float = 1.0
    demo_password: str = "laichau2021"
    language: str = "vi"

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

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
