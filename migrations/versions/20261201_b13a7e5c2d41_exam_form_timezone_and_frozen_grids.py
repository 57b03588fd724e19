"""exam form and time zone of an exam session; grids frozen at signature

Revision ID: b13a7e5c2d41
Revises: 4daf156c0b52
Create Date: 2026-12-01 23:30:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "b13a7e5c2d41"
down_revision = "a14e7c02d5b1"  # after the attempts and account administration
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("class_session") as batch:
        batch.add_column(
            sa.Column("exam_form", sa.String(24), nullable=False, server_default="ccf_situation_2")
        )
        batch.add_column(
            sa.Column("exam_timezone", sa.String(64), nullable=False, server_default="Europe/Paris")
        )
    with op.batch_alter_table("evaluation") as batch:
        batch.add_column(sa.Column("signed_document", sa.Text(), nullable=True))
        batch.add_column(sa.Column("signed_state", sa.String(24), nullable=True))


def downgrade():
    with op.batch_alter_table("evaluation") as batch:
        batch.drop_column("signed_state")
        batch.drop_column("signed_document")
    with op.batch_alter_table("class_session") as batch:
        batch.drop_column("exam_timezone")
        batch.drop_column("exam_form")
