"""Packaging beyond what pyproject.toml can say: the root folders shipped inside the package.

``templates/``, ``static/``, ``scenario_packs/`` and ``migrations/`` stay at the repository root (the
layout the product was specified with) and are installed as ``simulator.templates`` … through a
``package_dir`` mapping; the English catalogue is compiled into the wheel (``.mo`` files are not
tracked). ``simulator.resources`` finds them, installed or editable.
"""

from __future__ import annotations

from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

DATA = {
    "templates": ["*.html", "**/*.html"],
    "static": ["**/*.css", "**/*.js", "vendor/VERSIONS", "favicon.ico"],
    "scenario_packs": ["*.yaml", "*.json"],
    "migrations": ["alembic.ini", "README", "script.py.mako", "versions/*.py"],
}


class BuildWithCatalogues(build_py):
    """build_py, then compile each translations/*/LC_MESSAGES/*.po into the build directory."""

    def run(self) -> None:
        super().run()
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        for po in Path("simulator/translations").glob("*/LC_MESSAGES/*.po"):
            target = Path(self.build_lib) / po.with_suffix(".mo")
            target.parent.mkdir(parents=True, exist_ok=True)
            with po.open("rb") as source:
                catalog = read_po(source)
            with target.open("wb") as out:
                write_mo(out, catalog)


setup(
    packages=find_packages(include=["simulator", "simulator.*"]) + [f"simulator.{d}" for d in DATA],
    package_dir={f"simulator.{d}": d for d in DATA},
    package_data={
        "simulator": ["translations/*/LC_MESSAGES/*.po", "translations/*/LC_MESSAGES/*.mo"],
        **{f"simulator.{d}": patterns for d, patterns in DATA.items()},
    },
    cmdclass={"build_py": BuildWithCatalogues},
)
