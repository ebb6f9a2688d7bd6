"""One Settings object, read from the environment (and an optional .env file)."""

import os
import secrets
from contextlib import suppress
from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parent
DATA_DIR = ROOT / "data"
# The database, its backups and safety copies hold every report and the password hashes:
# readable by the account that runs the app only.
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
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
    # Restore: the copies of the database kept beside it (the newest N), and the largest
    # backup file accepted (a real installation's database is tens of MB).
    safety_copies_kept: int = Field(default=5, ge=1)
    restore_max_mb: int = Field(default=1024, ge=1)

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


@lru_cache
def get_settings() -> Settings:
    return Settings()
