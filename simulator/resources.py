"""Where the files shipped with the package live: templates, static, packs, migrations, translations.

The repository keeps ``templates/``, ``static/``, ``scenario_packs/`` and ``migrations/`` at its root;
a built wheel ships them as package data ``simulator/templates/`` … (the ``package_dir`` mapping in
``setup.py``), next to the compiled catalogues in ``simulator/translations/``. This is the one place
that knows both layouts: installed, the folders are inside the package; in an editable checkout
(setuptools' editable finder cannot import a data folder nested in a regular package) they are the
checkout's root folders, next to the ``simulator`` package.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

#: folders shipped next to the code (installed as simulator/<name>/)
SHIPPED = ("templates", "static", "scenario_packs", "migrations", "translations")


def resource_dir(name: str) -> Path:
    """Return the directory of the shipped folder ``name`` (one of SHIPPED)."""
    if name not in SHIPPED:
        raise ValueError(f"unknown shipped folder: {name}")
    package = Path(str(files("simulator")))
    installed = package / name
    return installed if installed.is_dir() else package.parent / name
