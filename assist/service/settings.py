"""Service settings from the environment (``ASSIST_*``), validated; unsafe values refuse to start."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_PEPPER = "change-me-development-only"  # refused outside development


class Settings(BaseSettings):
    """Every setting of the service; each is ``ASSIST_<NAME>`` in the environment."""

    model_config = SettingsConfigDict(env_prefix="ASSIST_", extra="ignore")

    environment: Literal["development", "test", "production"] = Field(
        default="development", description="development allows the default pepper and --demo"
    )
    data_dir: Path = Field(default=Path("data"), description="SQLite file, uploads and job outputs")
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL (postgresql+psycopg://…); default SQLite in data_dir",
    )
    token_pepper: SecretStr = Field(
        default=SecretStr(DEFAULT_PEPPER), description="server secret mixed into token hashes"
    )
    token_cache_seconds: float = Field(
        default=5.0,
        ge=0,
        description="a valid token is re-checked in the database after this many seconds "
        "(a token revoked by another process works here at most this long; 0 = every request)",
    )
    max_body_bytes: int = Field(
        default=20_000_000, gt=0, description="largest request body accepted"
    )
    max_text_chars: int = Field(
        default=2_000_000, gt=0, description="longest document text analysed"
    )
    cors_origins: list[str] = Field(
        default_factory=list, description="origins allowed by CORS; empty = CORS closed"
    )
    screen_workers: int = Field(default=1, ge=1, le=16, description="screening jobs run at once")
    page_size_max: int = Field(default=200, ge=1, description="largest page of GET /v1/leads")
    load_samples: bool = Field(default=False, description="analyse the bundled samples at start-up")
    warm_up: bool = Field(default=True, description="analyse one sample before reporting ready")

    @model_validator(mode="after")
    def _refuse_unsafe(self) -> Settings:
        if self.environment == "development":
            return self
        if self.token_pepper.get_secret_value() == DEFAULT_PEPPER:
            raise ValueError(
                f"ASSIST_TOKEN_PEPPER is the development default; in {self.environment} set it "
                "to a long random secret (python -c 'import secrets; print(secrets.token_hex(32))')"
            )
        if len(self.token_pepper.get_secret_value()) < 16:
            raise ValueError("ASSIST_TOKEN_PEPPER must be at least 16 characters")
        if "*" in self.cors_origins:
            raise ValueError("ASSIST_CORS_ORIGINS may not be '*' outside development")
        return self

    @property
    def db_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'assist.db'}"

    @property
    def pepper(self) -> bytes:
        return self.token_pepper.get_secret_value().encode("utf-8")
