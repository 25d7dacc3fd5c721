"""Deliver briefings, memos and alerts: console, file, webhook (HTTP POST JSON), email (SMTP).

Each channel takes a ``Message`` (subject, plain text, optional HTML, JSON payload) and
either delivers it or raises ``BriefError("E602")`` naming the channel and why, so a caller
delivering to several channels can record which ones succeeded.

Email settings come from the profile's ``delivery.email`` mapping; a key it leaves out is
taken from the environment (``SITREP_SMTP_HOST``, ``_PORT``, ``_USER``, ``_PASSWORD``,
``_FROM``, ``_TO`` (comma-separated), ``_STARTTLS``), so passwords need not live in profiles.
"""

from __future__ import annotations

import json
import os
import smtplib
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path
from typing import Any, TextIO

import httpx

from sitrep.errors import BriefError
from sitrep.safety import terminal_text

CHANNELS: tuple[str, ...] = ("console", "file", "webhook", "email")


@dataclass
class Message:
    """What is delivered: the same content as text, HTML and a JSON payload."""

    subject: str
    text: str
    html: str | None = None
    payload: dict[str, Any] = field(default_factory=dict)
    name: str = "message"
    """File stem for the file channel (``israel-2022-01-10_2022-01-16``)."""


@dataclass(frozen=True)
class SmtpSettings:
    """Where and how to send email."""

    host: str
    port: int = 25
    user: str | None = None
    password: str | None = None
    sender: str = "sitrep@localhost"
    to: tuple[str, ...] = ()
    starttls: bool = False
    timeout: float = 20.0


def smtp_settings(config: Mapping[str, Any] | None = None,
                  environ: Mapping[str, str] | None = None) -> SmtpSettings | None:
    """Email settings from a profile's ``delivery.email`` and ``SITREP_SMTP_*`` variables.

    Returns:
        The settings, or None when no host or no recipient is configured.

    Raises:
        BriefError: E602 when the port is not a number.
    """
    env = os.environ if environ is None else environ
    conf = dict(config or {})

    def get(name: str) -> Any:
        value = conf.get(name)
        return value if value not in (None, "") else env.get(f"SITREP_SMTP_{name.upper()}")

    host, to = get("host"), get("to")
    if not host or not to:
        return None
    recipients = tuple(to) if isinstance(to, list) else tuple(
        t.strip() for t in str(to).split(",") if t.strip())
    try:
        port = int(get("port") or 25)
    except ValueError:
        raise BriefError("E602", f"SMTP port {get('port')!r} is not a number",
                         item="email") from None
    tls = get("starttls")
    return SmtpSettings(str(host), port, get("user"), get("password"),
                        str(get("from") or "sitrep@localhost"), recipients,
                        tls if isinstance(tls, bool) else str(tls or "").lower()
                        in ("1", "true", "yes", "on"), float(conf.get("timeout") or 20.0))


def to_console(message: Message, stream: TextIO | None = None) -> None:
    """Print the message's text, its control characters shown as escapes."""
    out = stream or sys.stdout
    out.write(terminal_text(f"== {message.subject} ==\n{message.text}\n"))
    out.flush()


def to_file(message: Message, folder: str | Path) -> list[Path]:
    """Write ``<name>.md`` (and ``<name>.html``) into ``folder``; alerts append to a log.

    Returns:
        The files written.

    Raises:
        BriefError: E602 when the folder cannot be written.
    """
    target = Path(folder)
    try:
        target.mkdir(parents=True, exist_ok=True)
        written = [target / f"{message.name}.md"]
        written[0].write_text(message.text, encoding="utf-8")
        if message.html:
            written.append(target / f"{message.name}.html")
            written[1].write_text(message.html, encoding="utf-8")
        if message.payload:
            log = target / "deliveries.jsonl"
            with log.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps({"at": datetime.now().isoformat(timespec="seconds"),
                                     **message.payload}, ensure_ascii=False) + "\n")
            written.append(log)
    except OSError as exc:
        raise BriefError("E602", f"file: {exc}", item=str(folder)) from None
    return written


def to_webhook(message: Message, url: str, *, timeout: float = 10.0, retries: int = 2,
               backoff: float = 0.5) -> int:
    """POST the message as JSON; retry on timeouts, connection errors, 429 and 5xx.

    Returns:
        The HTTP status of the accepted request.

    Raises:
        BriefError: E602 when every attempt failed or the server refused the payload.
    """
    body = {"subject": message.subject, "text": message.text, **message.payload}
    last = ""
    for attempt in range(retries + 1):
        if attempt:
            time.sleep(backoff * 2 ** (attempt - 1))
        try:
            response = httpx.post(url, json=body, timeout=timeout)
        except httpx.HTTPError as exc:
            last = f"{type(exc).__name__}: {exc}"
            continue
        if response.status_code < 300:
            return response.status_code
        last = f"HTTP {response.status_code}"
        if response.status_code != 429 and response.status_code < 500:
            break
    raise BriefError("E602", f"webhook: {last}", item=url)


def to_email(message: Message, settings: SmtpSettings) -> None:
    """Send a multipart (text + HTML) email over SMTP, with STARTTLS and login if set.

    Raises:
        BriefError: E602 when the server cannot be reached or refuses the message.
    """
    mail = EmailMessage()
    mail["Subject"] = message.subject
    mail["From"] = settings.sender
    mail["To"] = ", ".join(settings.to)
    mail.set_content(message.text)
    if message.html:
        mail.add_alternative(message.html, subtype="html")
    try:
        with smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout) as smtp:
            if settings.starttls:
                smtp.starttls()
            if settings.user:
                smtp.login(settings.user, settings.password or "")
            smtp.send_message(mail)
    except (OSError, smtplib.SMTPException) as exc:
        raise BriefError("E602", f"email: {exc}",
                         item=f"smtp://{settings.host}:{settings.port}") from None


def deliver(message: Message, delivery: Mapping[str, Any], *, email: bool = True,
            environ: Mapping[str, str] | None = None,
            stream: TextIO | None = None) -> dict[str, str | None]:
    """Deliver to every channel a profile's ``delivery`` mapping configures.

    Args:
        message: what to send.
        delivery: ``{"console": true, "file": {"dir": ...}, "webhook": {"url": ...},
            "email": {...}}``; email also counts as configured through ``SITREP_SMTP_*``.
        email: send email (when configured); False skips it.
        environ: environment for the SMTP variables (default ``os.environ``).
        stream: where the console channel prints.

    Returns:
        Channel -> None when delivered, else the error message; a batch never stops at the
        first failed channel.
    """
    results: dict[str, str | None] = {}
    jobs: list[tuple[str, Any]] = []
    if delivery.get("console"):
        jobs.append(("console", lambda: to_console(message, stream)))
    if delivery.get("file"):
        jobs.append(("file", lambda: to_file(message, delivery["file"]["dir"])))
    if delivery.get("webhook"):
        hook = delivery["webhook"]
        jobs.append(("webhook", lambda: to_webhook(
            message, hook["url"], timeout=hook.get("timeout", 10.0),
            retries=hook.get("retries", 2))))
    smtp = smtp_settings(delivery.get("email"), environ) if email else None
    if smtp:
        jobs.append(("email", lambda: to_email(message, smtp)))
    for channel, job in jobs:
        try:
            job()
            results[channel] = None
        except BriefError as exc:
            results[channel] = exc.message
    return results
