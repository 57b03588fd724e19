"""user session version (server-side invalidation of session cookies)

Revision ID: a15b5e55107a
Revises: 4daf156c0b52
Create Date: 2026-12-01 23:15:00

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "a15b5e55107a"
down_revision = "4daf156c0b52"
branch_labels = None
depends_on = None


def upgrade():
    # reviewed: written by hand
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("session_version", sa.Integer(), server_default="0", nullable=False)
        )


def downgrade():
    # reviewed: written by hand
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.drop_column("session_version")
