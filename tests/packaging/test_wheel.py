"""The wheel built from the tree carries templates, static files, packs, migrations and catalogues,
and a fresh venv with only that wheel serves a page after `simulator init-db && simulator demo`.

The fresh venv gets the project's dependencies from the running interpreter's site-packages through
a one-line .pth (a plain path line: the editable install's own .pth hooks there are not run), so the
test needs no network for dependencies and stays well under a minute; `simulator` itself can only
come from the wheel (checked).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import sysconfig
import time
import urllib.request
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--quiet", "-w", str(out)],
        check=True,
        cwd=out,
        timeout=300,
    )
    (built,) = out.glob("negolab-*.whl")
    return built


def test_wheel_ships_the_root_folders(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    migrations = {n for n in names if n.startswith("simulator/migrations/versions/")}
    tracked = {p.name for p in (ROOT / "migrations" / "versions").glob("*.py")}
    assert {Path(n).name for n in migrations} == tracked
    for expected in (
        "simulator/templates/base.html",
        "simulator/templates/student/situation.html",
        "simulator/static/css/app.css",
        "simulator/migrations/env.py",
        "simulator/migrations/alembic.ini",
        "simulator/migrations/script.py.mako",
        "simulator/scenario_packs/schema.json",
        "simulator/scenario_packs/materiel-electrique.yaml",
        "simulator/translations/en/LC_MESSAGES/messages.mo",
    ):
        assert expected in names, expected
    assert not any("__pycache__" in n for n in names)


def test_fresh_venv_serves_a_page(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    bin_dir = env_dir / "bin"
    python = bin_dir / "python"
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    (site / "negolab_test_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "--quiet",
            str(wheel),
        ],
        check=True,
        timeout=300,
    )

    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    env.update(DATABASE_URL=f"sqlite:///{tmp_path / 'wheel.db'}", SECRET_KEY="wheel-test")
    run = {
        "cwd": tmp_path,
        "env": env,
        "check": True,
        "capture_output": True,
        "text": True,
        "timeout": 180,
    }
    where = subprocess.run(
        [str(python), "-c", "import simulator; print(simulator.__file__)"], **run
    )
    assert Path(where.stdout.strip()).is_relative_to(env_dir), where.stdout
    assert (
        "Base de données à jour"
        in subprocess.run([str(bin_dir / "simulator"), "init-db"], **run).stdout
    )
    assert "code de session" in subprocess.run([str(bin_dir / "simulator"), "demo"], **run).stdout

    port = _free_port()
    log = tmp_path / "server.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [str(bin_dir / "simulator"), "run", "--port", str(port)],
            cwd=tmp_path,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        home = health = None
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/sante", timeout=5) as answer:
                    health = answer.status
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as answer:
                    home = answer.read().decode()
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/static/css/app.css", timeout=5
                ) as answer:
                    css = answer.status
                break
            except OSError:
                assert server.poll() is None, log.read_text()
                time.sleep(0.5)
        assert health == 200 and css == 200
        assert home is not None and "<html" in home and "NegoLab" in home
    finally:
        server.terminate()
        server.wait(timeout=10)
