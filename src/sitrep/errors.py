"""Errors with stable codes.

Every failure a user can meet carries a code from ``CODES`` so that scripts, logs and bug
reports can name it. Codes are grouped by stage and never reused:

    E1xx  input and fetching          E4xx  NLP and event coding
    E2xx  extraction                  E5xx  queries and exports
    E3xx  store                       E6xx  briefings, memos, alerts
    E7xx  users, logins and the web   E9xx  settings and usage

The exception tree mirrors the stages, so callers can catch ``IngestError`` for any bad item
and let store failures (which mean the machine, not the input, is in trouble) propagate.
"""

from __future__ import annotations

CODES: dict[str, str] = {
    # --- input and fetching ---------------------------------------------------------------
    "E101": "input is empty",
    "E102": "input is binary, not text or HTML",
    "E103": "gzip stream is truncated or corrupt",
    "E104": "text could not be decoded with any plausible encoding",
    "E105": "input exceeds the size cap",
    "E106": "unsupported input type",
    "E107": "path does not exist",
    "E108": "JSON or JSONL record is malformed",
    "E109": "JSON record lacks the fields an article needs",
    "E110": "feed XML is malformed",
    "E111": "feed or XML document uses entity expansion (possible billion-laughs attack)",
    "E112": "WARC archive is malformed",
    "E120": "URL refused: it points at a private, loopback or link-local address",
    "E121": "URL refused by robots.txt",
    "E122": "HTTP request failed",
    "E123": "HTTP status is not a success",
    "E124": "HTTP request timed out",
    "E125": "too many redirects",
    "E126": "URL scheme is not http or https",
    "E127": "response is not HTML or text",
    # --- extraction -----------------------------------------------------------------------
    "E201": "no article text could be extracted",
    "E202": "page language is not supported by the event coder",
    "E203": "HTML is malformed beyond repair",
    "E204": "extracted text is too short to be an article",
    "E205": "page has more elements or attributes than the parser caps allow",
    # --- store ----------------------------------------------------------------------------
    "E301": "store file cannot be opened",
    "E302": "store schema is newer than this version of sitrep",
    "E303": "article not found",
    "E304": "event not found",
    "E305": "store is locked by another process",
    "E306": "store is held by a running sitrep server",
    # --- NLP and event coding -------------------------------------------------------------
    "E401": "spaCy pipeline cannot be loaded",
    "E402": "knowledge-base file is invalid",
    "E403": "embedding model cannot be loaded",
    "E404": "gold events file is malformed",
    "E405": "an ingest worker process died",
    # --- queries and exports --------------------------------------------------------------
    "E501": "actor name matches no known actor",
    "E502": "actor name is ambiguous",
    "E503": "date or period is malformed",
    "E504": "unsupported output format",
    # --- briefings, memos, alerts ---------------------------------------------------------
    "E601": "watch profile is invalid",
    "E602": "delivery failed",
    # --- users, logins and the web ------------------------------------------------------
    "E701": "login required",
    "E702": "permission denied for this role",
    "E703": "form was posted without its CSRF token, or with a wrong one",
    "E704": "too many failed logins: wait before trying again",
    "E705": "user name or password is wrong",
    "E706": "user already exists",
    "E707": "user not found",
    "E708": "role is unknown",
    "E709": "API token is invalid or revoked",
    "E710": "job not found",
    "E711": "form field is invalid",
    "E712": "not found",
    # --- settings and usage ---------------------------------------------------------------
    "E901": "setting is unknown",
    "E902": "setting value is invalid",
    "E903": "Ray is not installed",
    "E904": "Ray cluster cannot be reached",
    "E905": "number of ingest workers is invalid",
}


class SitrepError(Exception):
    """Base of every error sitrep raises on purpose.

    Args:
        code: a key of ``CODES``.
        detail: what went wrong with this item, in words a user can act on.
        item: the path, URL or id the error is about, if any.
    """

    def __init__(self, code: str, detail: str = "", item: str | None = None) -> None:
        if code not in CODES:
            raise ValueError(f"unknown error code {code!r}")
        self.code = code
        self.detail = detail
        self.item = item
        super().__init__(self.message)

    def __reduce__(self) -> tuple[type[SitrepError], tuple[str, str, str | None]]:
        # Pickled by code, detail and item (not by message): errors cross to and from the
        # ingest workers.
        return type(self), (self.code, self.detail, self.item)

    @property
    def message(self) -> str:
        """``[E101] path/to/file: input is empty (detail)``."""
        where = f"{self.item}: " if self.item else ""
        extra = f" ({self.detail})" if self.detail else ""
        return f"[{self.code}] {where}{CODES[self.code]}{extra}"

    def to_dict(self) -> dict[str, str | None]:
        return {"code": self.code, "item": self.item, "error": CODES[self.code],
                "detail": self.detail}


class IngestError(SitrepError):
    """A single input item is bad or could not be fetched; the batch goes on."""


class FetchError(IngestError):
    """An HTTP fetch failed or was refused."""


class ExtractError(IngestError):
    """A fetched item held no usable article."""


class StoreError(SitrepError):
    """The store cannot be read or written."""


class CodingError(SitrepError):
    """The NLP pipeline, knowledge base or event coder cannot run."""


class QueryError(SitrepError):
    """A question asked of the store cannot be answered as put."""


class BriefError(SitrepError):
    """A profile, briefing, memo or alert cannot be produced or delivered."""


class AccessError(SitrepError):
    """A user, login, token, role or form is refused (E7xx)."""


class SettingsError(SitrepError):
    """A setting or configuration file is wrong."""
