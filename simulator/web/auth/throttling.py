"""The throttling settings of the running app: database store by default, Redis with REDIS_URL."""

from __future__ import annotations

import importlib
from typing import Any

from flask import Flask, current_app, request

from simulator.operations import throttle
from simulator.operations.accounts import Throttling


def client_address() -> str:
    """The client address as the WSGI server (or a configured ProxyFix) gives it."""
    return (request.remote_addr or "?")[:64]


def _redis_client(url: str) -> Any:
    redis = importlib.import_module("redis")  # optional dependency: the `redis` extra

    return redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)


def init_throttling(app: Flask) -> None:
    """Connect to Redis once when REDIS_URL is set; otherwise failures go to the database."""
    url = app.config.get("REDIS_URL")
    app.extensions["negolab_redis"] = _redis_client(url) if url else None


def current_limits() -> Throttling:
    """The store and the policies configured for this app."""
    config = current_app.config
    window = int(config["LOGIN_WINDOW_SECONDS"])
    cap = float(config["THROTTLE_MAX_DELAY_SECONDS"])
    client = current_app.extensions.get("negolab_redis")
    store: throttle.FailureStore = (
        throttle.RedisStore(client, window)
        if client is not None
        else throttle.DatabaseStore(window)
    )
    return Throttling(
        store=store,
        account=throttle.Policy(int(config["LOGIN_MAX_FAILURES"]), window, cap=cap),
        address=throttle.Policy(int(config["ADDRESS_MAX_FAILURES"]), window, cap=cap),
        join=throttle.Policy(int(config["JOIN_MAX_FAILURES"]), window, cap=cap),
    )
