"""NegoLab: a simulator of French B2B technical selling for the BTS CCST."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask

from simulator.resources import resource_dir

#: the folder holding templates/, static/… : the package once installed, the checkout when editable
#: (Flask finds instance/ on its own: <checkout>/instance, or <venv>/var/simulator-instance)
ROOT = resource_dir("static").parent


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the app: defaults, then the environment, then test_config."""
    app = Flask(
        __name__,
        instance_relative_config=True,
        template_folder=str(resource_dir("templates")),
        static_folder=str(resource_dir("static")),
    )
    from simulator.config import settings_from_env

    app.config.from_mapping(settings_from_env(app.instance_path))
    if test_config:
        app.config.from_mapping(test_config)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    from simulator.web.security import register_security

    register_security(app)  # before the blueprints: routes use its `id` converter
    _register_extensions(app)
    _register_blueprints(app)
    from simulator.web.errors import register_error_handlers
    from simulator.web.i18n import register_template_helpers
    from simulator.web.labels import register_labels
    from simulator.web.transaction import register_transaction

    register_transaction(app)
    register_error_handlers(app)
    register_template_helpers(app)
    register_labels(app)
    return app


def _register_extensions(app: Flask) -> None:
    from simulator import models  # noqa: F401  (tables known to Alembic)
    from simulator.extensions import babel, csrf, db, htmx, login_manager, migrate
    from simulator.web.i18n import select_locale

    db.init_app(app)
    migrate.init_app(app, db, directory=str(resource_dir("migrations")), render_as_batch=True)
    csrf.init_app(app)
    babel.init_app(
        app,
        locale_selector=select_locale,
        default_translation_directories=str(resource_dir("translations")),
    )
    htmx.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.home"
    login_manager.login_message = None
    login_manager.session_protection = "strong"

    @login_manager.user_loader
    def load_user(user_id: str) -> models.User | None:
        user = db.session.get(models.User, int(user_id))
        return user if user is not None and user.active else None


def _register_blueprints(app: Flask) -> None:
    from simulator.web.auth import bp as auth_bp
    from simulator.web.jury import bp as jury_bp
    from simulator.web.student import bp as student_bp
    from simulator.web.trainer import bp as trainer_bp

    for bp in (auth_bp, trainer_bp, jury_bp, student_bp):
        app.register_blueprint(bp)
