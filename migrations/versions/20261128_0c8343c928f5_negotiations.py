"""negotiations: a student's negotiation (moves and replies are events of stream "negotiation")

Revision ID: 0c8343c928f5
Revises: fdc81bf09056
Create Date: 2026-11-28 20:47:04.335565

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "0c8343c928f5"
down_revision = "fdc81bf09056"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "negotiation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("situation_version_id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("buyer_mode", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deadline", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("lock_version", sa.Integer(), nullable=False),
        sa.Column("preparation", sa.JSON(), nullable=False),
        sa.Column("follow_up", sa.JSON(), nullable=True),
        sa.Column("debrief_released", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["situation_version_id"],
            ["situation_version.id"],
            name=op.f("fk_negotiation_situation_version_id_situation_version"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["student_id"],
            ["user.id"],
            name=op.f("fk_negotiation_student_id_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_negotiation")),
    )
    with op.batch_alter_table("negotiation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_negotiation_situation_version_id"),
            ["situation_version_id"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_negotiation_student_id"), ["student_id"], unique=False)


def downgrade():
    with op.batch_alter_table("negotiation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_negotiation_student_id"))
        batch_op.drop_index(batch_op.f("ix_negotiation_situation_version_id"))

    op.drop_table("negotiation")
