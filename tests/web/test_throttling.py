"""Throttling: growing delays per client address, never a lockout of the real user."""

from __future__ import annotations

import time
import uuid

import pytest

from tests.conftest import Actions

ATTACKER = {"REMOTE_ADDR": "203.0.113.66"}
REAL_USER = {"REMOTE_ADDR": "198.51.100.7"}


def _login(actions: Actions, password: str, env: dict[str, str], email="formateur@negolab.test"):
    return actions.post("/connexion", {"email": email, "password": password}, environ_base=env)


def _join(actions: Actions, code: str, name: str, env: dict[str, str], resume: str = ""):
    data = {"join_code": code, "display_name": name, "resume_code": resume}
    return actions.post("/rejoindre", data, environ_base=env)


def test_attackers_failures_do_not_lock_out_the_right_password_elsewhere(app, demo):
    attacker = Actions(app.test_client())
    for _ in range(app.config["LOGIN_MAX_FAILURES"] + 3):
        assert _login(attacker, "devine", ATTACKER).status_code in (401, 429)
    assert _login(attacker, "formateur-demo", ATTACKER).status_code == 429
    real = Actions(app.test_client())
    assert _login(real, "formateur-demo", REAL_USER).status_code == 303


def test_same_address_waits_a_growing_delay_not_a_lockout(app, demo, monkeypatch):
    actions = Actions(app.test_client())
    for _ in range(app.config["LOGIN_MAX_FAILURES"]):
        assert _login(actions, "faux", ATTACKER).status_code == 401
    refused = _login(actions, "formateur-demo", ATTACKER)
    assert refused.status_code == 429
    wait = int(refused.headers["Retry-After"])
    assert 0 < wait <= 2
    assert "Réessayez dans" in refused.get_data(as_text=True)
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + wait + 1)
    assert _login(actions, "faux", ATTACKER).status_code == 401  # one more failure…
    second = _login(actions, "formateur-demo", ATTACKER)
    assert second.status_code == 429
    assert int(second.headers["Retry-After"]) > wait  # …doubles the delay
    monkeypatch.setattr(time, "time", lambda: now + 3 * wait + 10)
    assert _login(actions, "formateur-demo", ATTACKER).status_code == 303


def test_sixty_different_emails_from_one_address_are_throttled(app, demo):
    actions = Actions(app.test_client())
    statuses = [
        _login(actions, "x", ATTACKER, email=f"essai{i}@exemple.fr").status_code for i in range(60)
    ]
    limit = app.config["ADDRESS_MAX_FAILURES"]
    assert statuses[:limit] == [401] * limit
    assert set(statuses[limit:]) == {429}
    # the trainer on another machine is not concerned
    assert _login(Actions(app.test_client()), "formateur-demo", REAL_USER).status_code == 303


def test_wrong_join_codes_are_counted_per_address(app, demo):
    attacker = Actions(app.test_client())
    limit = app.config["JOIN_MAX_FAILURES"]
    statuses = [
        _join(attacker, f"ZZ{i:04d}", "Eve Hacker", ATTACKER).status_code for i in range(limit + 5)
    ]
    assert 429 not in statuses[:limit]
    assert set(statuses[limit:]) == {429}
    assert _join(attacker, "DEMO42", "Eve Hacker", ATTACKER).status_code == 429
    newcomer = Actions(app.test_client())
    assert _join(newcomer, "DEMO42", "Nina Nouvelle", REAL_USER).status_code == 303


def test_wrong_resume_codes_never_lock_the_class(app, demo):
    from simulator.extensions import db
    from simulator.models import User

    first = Actions(app.test_client())
    assert _join(first, "DEMO42", "Léa Dubois", REAL_USER).status_code == 303
    with app.app_context():
        resume = db.session.scalar(
            db.select(User.resume_code).where(User.display_name == "Léa Dubois")
        )
    attacker = Actions(app.test_client())
    for _ in range(app.config["JOIN_MAX_FAILURES"] + 2):
        assert _join(attacker, "DEMO42", "Léa Dubois", ATTACKER, "MAUVAIS").status_code in (
            409,
            429,
        )
    assert _join(attacker, "DEMO42", "Léa Dubois", ATTACKER, resume).status_code == 429
    # the class code still works for everyone else, and Léa comes back with her code
    assert _join(Actions(app.test_client()), "DEMO42", "Tom Nouveau", REAL_USER).status_code == 303
    back = Actions(app.test_client())
    assert (
        _join(back, "DEMO42", "Léa Dubois", {"REMOTE_ADDR": "198.51.100.8"}, resume).status_code
        == 303
    )


def _redis_client():
    """The machine's Redis (127.0.0.1:6379, database 15): CI runs where one is started."""
    import redis

    client = redis.Redis.from_url("redis://127.0.0.1:6379/15", socket_connect_timeout=1)
    client.ping()  # no Redis is a failure, not a skip
    return client


def test_redis_store_applies_the_same_policy():
    from simulator.operations import throttle

    store = throttle.RedisStore(_redis_client(), 60, prefix=f"negolab-test:{uuid.uuid4().hex}:")
    policy = throttle.Policy(threshold=3, window=60)
    key = throttle.join_key("203.0.113.66")
    for _ in range(3):
        throttle.check(store, [(key, policy)])
        throttle.record(store, [key], "203.0.113.66")
    assert store.recent(key, 60)[0] == 3
    with pytest.raises(throttle.TooManyAttempts) as refused:
        throttle.check(store, [(key, policy)])
    assert 0 < refused.value.retry_after <= 2
    throttle.check(store, [(throttle.join_key("198.51.100.7"), policy)])  # other address: fine


def test_login_through_redis_when_redis_url_is_set(app, demo):
    client = _redis_client()
    app.extensions["negolab_redis"] = client
    try:
        actions = Actions(app.test_client())
        env = {"REMOTE_ADDR": f"10.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}.9"}
        for _ in range(app.config["LOGIN_MAX_FAILURES"]):
            assert _login(actions, "faux", env).status_code == 401
        assert _login(actions, "formateur-demo", env).status_code == 429
        assert _login(Actions(app.test_client()), "formateur-demo", REAL_USER).status_code == 303
        from simulator.extensions import db
        from simulator.models import LoginAttempt

        with app.app_context():  # nothing went to the database
            assert db.session.scalar(db.select(db.func.count(LoginAttempt.id))) == 0
    finally:
        app.extensions["negolab_redis"] = None
        for name in client.scan_iter(f"negolab:throttle:*{env['REMOTE_ADDR']}*"):
            client.delete(name)
