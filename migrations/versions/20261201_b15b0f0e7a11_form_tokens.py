"""form tokens (idempotent non-repeatable POSTs)

Revision ID: b15b0f0e7a11
Revises: a15b5e55107a
Create Date: 2026-12-01 23:30:00

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "b15b0f0e7a11"
down_revision = "a15b5e55107a"
branch_labels = None
depends_on = None


def upgrade():
    # reviewed: written by hand
    op.create_table(
        "form_token",
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("result_url", sa.String(length=512), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user.id"], name=op.f("fk_form_token_user_id_user"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("token", name=op.f("pk_form_token")),
    )
    with op.batch_alter_table("form_token", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_form_token_user_id"), ["user_id"], unique=False)


def downgrade():
    # reviewed: written by hand
    with op.batch_alter_table("form_token", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_form_token_user_id"))

    op.drop_table("form_token")
