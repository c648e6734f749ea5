"""Settings, declared once: name, type, default and help; read from ``HIREBAR_*``.

Only the adapters and services read settings; the pure core is handed what it needs.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

MODEL_NAME = "all-MiniLM-L6-v2"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="HIREBAR_", extra="ignore")

    data_dir: Path = Field(
        default_factory=lambda: Path(user_data_dir("hirebar", appauthor=False)),
        description="Where the database, user packs and model files live.",
    )
    database_url: str = Field(
        default="",
        description="SQLAlchemy URL; empty means SQLite (WAL) in the data folder.",
    )
    packs: str = Field(
        default="",
        description=f"Extra pack folders, separated by '{os.pathsep}'.",
    )
    model_threads: int = Field(
        default=2, ge=1, le=64, description="Texts the model embeds at once, each on one core."
    )
    grade_in_background: bool = Field(
        default=True,
        description="Web app: grade answers in a separate process so pages stay fast.",
    )
    model_dir: Path | None = Field(
        default=None,
        description="Folder with the MiniLM tokenizer files; empty means the data folder's.",
    )

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'hirebar.db'}"

    @property
    def resolved_model_dir(self) -> Path:
        return self.model_dir or self.data_dir / "models" / MODEL_NAME

    def pack_paths(self) -> list[Path]:
        """``HIREBAR_PACKS`` first, then every pack folder under ``<data_dir>/packs``."""
        listed = [Path(p).expanduser() for p in self.packs.split(os.pathsep) if p.strip()]
        user_root = self.data_dir / "packs"
        found = (
            sorted(p.parent for p in user_root.glob("*/pack.yaml")) if user_root.is_dir() else []
        )
        return listed + [p for p in found if p not in listed]
