"""Flask extensions, instantiated once and wired by the factory."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flask_babel import Babel
from flask_htmx import HTMX
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy import MetaData, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import DeclarativeBase

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with stable constraint names."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


db = SQLAlchemy(model_class=Base)

if TYPE_CHECKING:
    # flask-sqlalchemy declares `db.Model` as a variable (type[_FSAModel]), which mypy cannot use
    # as a base class; at runtime it is a subclass of Base (the model_class above) with the same
    # mapping, so the models are typed as subclasses of Base.
    Model = Base
else:
    Model = db.Model


@event.listens_for(Engine, "savepoint")
def _sqlite_begin_before_savepoint(conn: Connection, name: str) -> None:
    """pysqlite opens its transaction only before a write: a SAVEPOINT issued first would open
    it instead, and releasing that savepoint would commit the whole request. Open it first."""
    if conn.dialect.name != "sqlite":
        return
    raw = conn.connection.dbapi_connection
    if raw is not None and not raw.in_transaction:
        raw.execute("BEGIN")


migrate = Migrate()
csrf = CSRFProtect()
babel = Babel()
login_manager = LoginManager()
htmx = HTMX()
