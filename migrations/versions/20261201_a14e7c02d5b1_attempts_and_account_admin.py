"""attempts numbered per student, account flags (active, demo), session archive

Revision ID: a14e7c02d5b1
Revises: 4daf156c0b52
Create Date: 2026-12-01 23:30:00

Existing data is kept: every existing situation becomes an attempt, numbered 1, 2, … per student
in creation order; every existing account stays active; no account is flagged demo except the
two shipped demo logins (recognised by their e-mail).
"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "a14e7c02d5b1"
down_revision = "b15b0f0e7a11"  # after the session version and form tokens
branch_labels = None
depends_on = None

DEMO_EMAILS = ("formateur@negolab.test", "jury@negolab.test")


def upgrade():
    with op.batch_alter_table("situation") as batch:
        batch.add_column(sa.Column("attempt", sa.Integer(), nullable=False, server_default="1"))
    with op.batch_alter_table("user") as batch:
        batch.add_column(
            sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true())
        )
        batch.add_column(
            sa.Column("is_demo", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("class_session") as batch:
        batch.add_column(
            sa.Column("archived", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True))

    bind = op.get_bind()
    situation = sa.table(
        "situation",
        sa.column("id", sa.Integer),
        sa.column("student_id", sa.Integer),
        sa.column("attempt", sa.Integer),
    )
    counters: dict[int, int] = {}
    rows = bind.execute(
        sa.select(situation.c.id, situation.c.student_id)
        .where(situation.c.student_id.is_not(None))
        .order_by(situation.c.id)
    ).all()
    for situation_id, student_id in rows:
        counters[student_id] = counters.get(student_id, 0) + 1
        if counters[student_id] > 1:
            bind.execute(
                situation.update()
                .where(situation.c.id == situation_id)
                .values(attempt=counters[student_id])
            )
    user = sa.table("user", sa.column("email", sa.String), sa.column("is_demo", sa.Boolean))
    bind.execute(user.update().where(user.c.email.in_(DEMO_EMAILS)).values(is_demo=True))


def downgrade():
    with op.batch_alter_table("class_session") as batch:
        batch.drop_column("closed_at")
        batch.drop_column("archived")
    with op.batch_alter_table("user") as batch:
        batch.drop_column("is_demo")
        batch.drop_column("active")
    with op.batch_alter_table("situation") as batch:
        batch.drop_column("attempt")
