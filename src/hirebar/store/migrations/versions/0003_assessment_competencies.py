"""competency scores beside each assessment, so history need not read whole payloads

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("assessments") as batch:
        batch.add_column(sa.Column("competencies", sa.JSON(), nullable=True))
    table = sa.table(
        "assessments",
        sa.column("id", sa.Integer()),
        sa.column("payload", sa.JSON()),
        sa.column("competencies", sa.JSON()),
    )
    connection = op.get_bind()
    for row_id, payload in connection.execute(sa.select(table.c.id, table.c.payload)).all():
        data = json.loads(payload) if isinstance(payload, str) else payload
        scores = {c["competency"]: c["score"] for c in (data or {}).get("competencies", [])}
        connection.execute(table.update().where(table.c.id == row_id).values(competencies=scores))


def downgrade() -> None:
    with op.batch_alter_table("assessments") as batch:
        batch.drop_column("competencies")
