"""Domain errors. Each carries a catalogue key and its parameters; the edge (a page or
manage.py) turns it into a sentence in the user's language with components.i18n."""

from typing import Any


class DomainError(Exception):
    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def __str__(self) -> str:
        from catalogue import t  # the catalogue is plain data, no Streamlit

        return t(self.code, "vi", **self.params)


class InvalidInput(DomainError):
    pass


class PermissionDenied(DomainError):
    pass


class StaleUpdate(DomainError):
    pass


class NotFound(DomainError):
    pass
