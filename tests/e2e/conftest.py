"""A live NegoLab server in a subprocess and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--lang=fr-FR",
]
#: where screenshots go when NEGOLAB_SCREENSHOTS names a folder (`make screenshots`: docs/screenshots)
SCREENSHOTS_ENV = "NEGOLAB_SCREENSHOTS"
E2E_DIR = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test under tests/e2e is an e2e test, marked or not."""
    for item in items:
        if E2E_DIR in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.e2e)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def live_server(app, database_url: str) -> Iterator[str]:
    """Serve the app with `simulator run` on a free port, against the test database."""
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SECRET_KEY": "e2e-secret",
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1",
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "simulator.cli", "run", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "/sante", timeout=1).close()
            break
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(proc.stdout.read().decode() if proc.stdout else "server died")
            time.sleep(0.2)
    else:
        proc.kill()
        raise RuntimeError("le serveur de test n'a pas démarré")
    yield url
    proc.terminate()
    proc.wait(timeout=10)
    if proc.stdout:
        proc.stdout.close()


@pytest.fixture
def browser():
    """Headless Debian Chromium (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def screenshot(tmp_path: Path):
    """Save a full-page screenshot: into a temporary folder, or the README's folder when
    NEGOLAB_SCREENSHOTS names it (`make screenshots`); tests never write into tracked files."""
    folder = Path(os.environ.get(SCREENSHOTS_ENV) or tmp_path / "screenshots")

    def save(page, name: str, full_page: bool = True) -> Path:
        """full_page=False: the viewport only (pages whose inner scroller, such as the code
        editor, would otherwise be drawn at full length)."""
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return save


#: the seed of the scripted negotiation flows: a student's situation is otherwise drawn at random,
#: and a fixed script cannot win against every buyer (the buyer may rightly walk away)
FLOW_SEED = int(os.environ.get("NEGOLAB_E2E_SEED", "3"))


def give_situation(app, display_name: str, seed: int = FLOW_SEED) -> None:
    """Store the joined student's situation with a known seed, before they open any page."""
    import sqlalchemy as sa

    from simulator.extensions import db
    from simulator.models import User
    from simulator.operations import packs
    from simulator.operations.situations import create_situation

    with app.app_context():
        student = db.session.scalar(sa.select(User).where(User.display_name == display_name))
        assert student is not None and student.class_session is not None
        stored = packs.latest(student.class_session.pack_slug or "")
        assert stored is not None
        create_situation(stored, seed, student, student.class_session_id)
        db.session.commit()
