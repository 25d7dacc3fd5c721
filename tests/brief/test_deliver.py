"""Delivery against real servers on 127.0.0.1: SMTP (aiosmtpd) and an HTTP webhook."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from servers import Hook, Mailbox

from sitrep.brief.briefing import build_briefing, render_html, render_markdown
from sitrep.brief.deliver import Message, deliver, smtp_settings, to_email, to_file, to_webhook
from sitrep.brief.period import parse_period
from sitrep.brief.profile import load_profile
from sitrep.errors import BriefError
from sitrep.store import Store


def _briefing_message(store: Store) -> Message:
    briefing = build_briefing(store, load_profile("israel"), parse_period(week_of="2022-01-10"))
    return Message(briefing.title, render_markdown(briefing), render_html(briefing),
                   {"profile": "israel"}, name="israel-week")


def test_deliver_email_multipart_briefing_reaches_smtp_server(store: Store) -> None:
    message = _briefing_message(store)
    with Mailbox() as box:
        settings = smtp_settings({"to": ["analyst@example.org"]},
                                 {"SITREP_SMTP_HOST": "127.0.0.1",
                                  "SITREP_SMTP_PORT": str(box.port),
                                  "SITREP_SMTP_FROM": "briefings@example.org"})
        assert settings is not None
        to_email(message, settings)
    assert box.envelopes == [("briefings@example.org", ["analyst@example.org"])]
    mail = box.messages[0]
    assert mail["Subject"] == "Israel briefing: 10 January 2022 to 16 January 2022"
    text = mail.get_body(("plain",)).get_content()
    html = mail.get_body(("html",)).get_content()
    assert "Vladimir Putin on 13 January 2022" in text
    assert "<h2>Leader contacts</h2>" in html and "data:image/png;base64," in html


def test_deliver_email_unreachable_server_fails_e602() -> None:
    settings = smtp_settings({"host": "127.0.0.1", "port": 9, "to": ["a@example.org"]}, {})
    assert settings is not None
    with pytest.raises(BriefError) as err:
        to_email(Message("s", "t"), settings)
    assert err.value.code == "E602" and "smtp://127.0.0.1:9" in err.value.message


def test_deliver_smtp_not_configured_without_host_or_recipient() -> None:
    assert smtp_settings({}, {}) is None
    assert smtp_settings({"host": "mail"}, {}) is None
    configured = smtp_settings({"host": "mail"}, {"SITREP_SMTP_TO": "a@x.org, b@x.org",
                                                  "SITREP_SMTP_STARTTLS": "yes"})
    assert configured is not None and configured.to == ("a@x.org", "b@x.org")
    assert configured.starttls


def test_deliver_webhook_posts_json_and_retries_server_errors() -> None:
    with Hook([503, 200]) as hook:
        status = to_webhook(Message("subject", "text", payload={"events": [1]}), hook.url,
                            backoff=0.01)
    assert status == 200
    assert [r["status"] for r in hook.received] == [503, 200]
    assert hook.received[1]["json"] == {"subject": "subject", "text": "text", "events": [1]}
    assert hook.received[1]["type"] == "application/json"


def test_deliver_webhook_gives_up_with_e602() -> None:
    with Hook([500]) as hook, pytest.raises(BriefError) as err:
        to_webhook(Message("s", "t"), hook.url, retries=2, backoff=0.01)
    assert err.value.code == "E602" and "HTTP 500" in err.value.message
    assert len(hook.received) == 3
    with Hook([400]) as refused, pytest.raises(BriefError):
        to_webhook(Message("s", "t"), refused.url, retries=2, backoff=0.01)
    assert len(refused.received) == 1  # a client error is not retried


def test_deliver_all_channels_reports_each(store: Store, tmp_path: Path) -> None:
    message = _briefing_message(store)
    out = io.StringIO()
    with Hook() as hook, Mailbox() as box:
        results = deliver(message, {
            "console": True, "file": {"dir": str(tmp_path / "files")},
            "webhook": {"url": hook.url},
            "email": {"host": "127.0.0.1", "port": box.port, "to": ["a@example.org"]},
        }, stream=out, environ={})
    assert results == {"console": None, "file": None, "webhook": None, "email": None}
    assert "Leader contacts" in out.getvalue()
    assert (tmp_path / "files" / "israel-week.html").read_text(encoding="utf-8") == message.html
    assert hook.received[0]["json"]["profile"] == "israel" and len(box.messages) == 1


def test_deliver_failed_channel_does_not_stop_others(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    with Hook() as hook:
        results = deliver(Message("s", "t"), {"file": {"dir": str(blocker)},
                                              "webhook": {"url": hook.url}}, environ={})
    assert results["webhook"] is None and "E602" in (results["file"] or "")
    with pytest.raises(BriefError):
        to_file(Message("s", "t"), blocker)
