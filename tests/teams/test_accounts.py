"""Users, passwords, tokens and sessions in a real store; the login throttle."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import sitrep
from sitrep.errors import AccessError
from sitrep.teams import Throttle


def test_accounts_password_token_and_session_round_trip(tmp_path: Path) -> None:
    with sitrep.open(tmp_path / "a.duckdb") as s:
        accounts = s.accounts()
        made = accounts.add_user("ann", "admin", password="a long passphrase")
        assert made.generated_password is None and made.user.team == "default"
        assert accounts.authenticate("ann", "a long passphrase").role == "admin"
        token = accounts.create_token("ann", "ci")
        assert accounts.token_user(token).name == "ann"
        with pytest.raises(AccessError) as bad:
            accounts.token_user(token + "x")
        assert bad.value.code == "E709"
        session_id, login = accounts.start_session(made.user)
        assert accounts.session(session_id) == login
        accounts.end_session(session_id)
        assert accounts.session(session_id) is None
        stored = s.store.con.execute("SELECT token_hash FROM api_tokens").fetchone()
        assert stored is not None and token not in stored[0]


@pytest.mark.parametrize(("name", "role", "password", "code"), [
    ("bob", "boss", "a long passphrase", "E708"),
    ("bob smith", "viewer", "a long passphrase", "E711"),
    ("bob", "viewer", "short", "E711"),
])
def test_accounts_add_user_refuses_bad_input(tmp_path: Path, name: str, role: str,
                                             password: str, code: str) -> None:
    with sitrep.open(tmp_path / "a.duckdb") as s:
        with pytest.raises(AccessError) as found:
            s.accounts().add_user(name, role, password=password)
        assert found.value.code == code


def test_accounts_wrong_name_and_password_fail_alike_then_throttle(tmp_path: Path) -> None:
    with sitrep.open(tmp_path / "a.duckdb") as s:
        accounts = s.accounts(Throttle(max_failures=2, window_s=3))
        accounts.add_user("ann", "viewer", password="a long passphrase")
        codes = []
        for name in ("ann", "ann", "ann"):
            with pytest.raises(AccessError) as found:
                accounts.authenticate(name, "wrong one", client="10.0.0.1")
            codes.append(found.value.code)
        assert codes == ["E705", "E705", "E704"]
        with pytest.raises(AccessError) as unknown:
            accounts.authenticate("nobody", "wrong one")
        assert unknown.value.code == "E705"
        time.sleep(3.1)
        assert accounts.authenticate("ann", "a long passphrase", client="10.0.0.1").name == "ann"


def test_accounts_throttle_counts_clients_over_all_names() -> None:
    throttle = Throttle(max_failures=5, max_client_failures=3, window_s=60)
    for n in range(3):
        throttle.fail(f"name:user{n}", "client:10.0.0.9")
    assert throttle.wait_s("name:fresh", "client:10.0.0.9") > 0
    assert throttle.wait_s("name:fresh", "client:10.0.0.8") == 0
