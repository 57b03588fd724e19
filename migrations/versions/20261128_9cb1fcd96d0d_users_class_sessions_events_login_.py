"""users class sessions events login attempts

Revision ID: 9cb1fcd96d0d
Revises:
Create Date: 2026-11-28 20:21:13.049503

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "9cb1fcd96d0d"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    # reviewed by hand: table order fixed for the user/class_session cycle
    op.create_table(
        "user",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "role",
            sa.Enum("TRAINER", "JURY", "STUDENT", name="role", native_enum=False, length=16),
            nullable=False,
        ),
        sa.Column("display_name", sa.String(length=80), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("password_hash", sa.String(length=255), nullable=True),
        sa.Column("class_session_id", sa.Integer(), nullable=True),
        sa.Column("resume_code", sa.String(length=16), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user")),
        sa.UniqueConstraint("class_session_id", "display_name", name="uq_user_class_name"),
        sa.UniqueConstraint("email", name=op.f("uq_user_email")),
    )
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_user_class_session_id"), ["class_session_id"], unique=False
        )

    op.create_table(
        "class_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column(
            "mode",
            sa.Enum("PRACTICE", "EXAM", name="sessionmode", native_enum=False, length=16),
            nullable=False,
        ),
        sa.Column("join_code", sa.String(length=12), nullable=False),
        sa.Column("pack_slug", sa.String(length=80), nullable=True),
        sa.Column("trainer_id", sa.Integer(), nullable=False),
        sa.Column("is_open", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["trainer_id"], ["user.id"], name=op.f("fk_class_session_trainer_id_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_class_session")),
        sa.UniqueConstraint("join_code", name=op.f("uq_class_session_join_code")),
    )
    with op.batch_alter_table("class_session", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_class_session_trainer_id"), ["trainer_id"], unique=False
        )

    # user <-> class_session reference each other: add this FK once both tables exist
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.create_foreign_key(
            batch_op.f("fk_user_class_session_id_class_session"),
            "class_session",
            ["class_session_id"],
            ["id"],
            ondelete="CASCADE",
        )

    op.create_table(
        "login_attempt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("identifier", sa.String(length=254), nullable=False),
        sa.Column("remote_addr", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_attempt")),
    )
    with op.batch_alter_table("login_attempt", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_login_attempt_at"), ["at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_login_attempt_identifier"), ["identifier"], unique=False
        )

    op.create_table(
        "event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("stream_type", sa.String(length=32), nullable=False),
        sa.Column("stream_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("actor", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=48), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user.id"], name=op.f("fk_event_user_id_user"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event")),
        sa.UniqueConstraint("stream_type", "stream_id", "seq", name="uq_event_stream_seq"),
    )
    # ### end Alembic commands ###


def downgrade():
    # reviewed by hand: table order fixed for the user/class_session cycle
    op.drop_table("event")
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_user_class_session_id"))

    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_user_class_session_id_class_session"), type_="foreignkey"
        )
    with op.batch_alter_table("class_session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_class_session_trainer_id"))
    op.drop_table("class_session")
    op.drop_table("user")
    with op.batch_alter_table("login_attempt", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_login_attempt_identifier"))
        batch_op.drop_index(batch_op.f("ix_login_attempt_at"))

    op.drop_table("login_attempt")
    # ### end Alembic commands ###
