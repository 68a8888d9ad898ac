"""attachment contents in the database

Attachments' contents move from the user's data folder (``attachments/SHA256.ext``, where
backups, other PCs and a PostgreSQL server never saw them) into ``attachment_contents``, one
row per SHA-256. Each file found there with the recorded hash is read in; a file that is
missing or changed gets a row without data, and the application reports that attachment as
damaged or missing, as it did before. The files themselves are left where they were.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 11:00:00
"""

import hashlib
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from alembic import op

import db.base

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# written out rather than imported: a migration must not change when the models do
contents = sa.table(
    "attachment_contents",
    sa.column("sha256", sa.String),
    sa.column("size", sa.Integer),
    sa.column("data", sa.LargeBinary),
    sa.column("created_at", db.base.UtcDateTime),
)


def _old_folder() -> Path:
    from platformdirs import user_data_path

    return user_data_path("Gongjian", "Gongjian") / "attachments"


def _read(folder: Path, stored_name: str, sha256: str) -> bytes | None:
    try:
        data = (folder / stored_name).read_bytes()
    except OSError:
        return None
    return data if hashlib.sha256(data).hexdigest() == sha256 else None


def _move_files_in(connection: sa.Connection) -> None:
    folder = _old_folder()
    rows = connection.execute(
        sa.text("SELECT sha256, min(stored_name), max(size) FROM attachments GROUP BY sha256")
    ).all()
    now = datetime.now(UTC)
    for sha256, stored_name, size in rows:  # one at a time: a file may be tens of megabytes
        data = _read(folder, stored_name, sha256)
        connection.execute(
            contents.insert().values(sha256=sha256, size=size, data=data, created_at=now)
        )


def upgrade() -> None:
    op.create_table(
        "attachment_contents",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", db.base.UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_attachment_contents")),
    )
    _move_files_in(op.get_bind())
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.drop_column("stored_name")
        batch_op.create_index(batch_op.f("ix_attachments_sha256"), ["sha256"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_attachments_sha256_attachment_contents"),
            "attachment_contents",
            ["sha256"],
            ["sha256"],
        )


def _write_files_out(connection: sa.Connection) -> None:
    """Back to the data folder, named by hash, for the version before this one."""
    folder = _old_folder()
    folder.mkdir(parents=True, exist_ok=True)
    hashes = connection.execute(
        sa.text("SELECT sha256 FROM attachment_contents WHERE data IS NOT NULL")
    ).scalars()
    for sha256 in list(hashes):
        target = folder / sha256
        if not target.is_file():
            data = connection.execute(
                sa.select(contents.c.data).where(contents.c.sha256 == sha256)
            ).scalar_one()
            target.write_bytes(data)


def downgrade() -> None:
    _write_files_out(op.get_bind())
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_attachments_sha256_attachment_contents"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_attachments_sha256"))
        batch_op.add_column(
            sa.Column("stored_name", sa.String(length=80), nullable=False, server_default="")
        )
    op.execute("UPDATE attachments SET stored_name = sha256")
    op.drop_table("attachment_contents")
