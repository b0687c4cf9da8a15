"""One settings class: every setting is an environment variable prefixed ``DIGITIZE_``."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# The broker a Celery worker connects to when ``DIGITIZE_BROKER_URL`` is unset (``effective_broker_url``).
DEFAULT_BROKER_URL = "redis://127.0.0.1:6379/0"
# Broker URL schemes of Redis (kombu's ``redis+socket://`` is a Unix socket).
REDIS_BROKER_SCHEMES: tuple[str, ...] = ("redis://", "rediss://", "redis+socket://")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="DIGITIZE_", env_file=None, extra="ignore")

    # Where the embedded default keeps its database and files.
    home: Path = Field(default=Path("./var"))
    # SQLAlchemy URL; default: SQLite (WAL) under ``home``.
    database_url: str | None = None
    # ``file:///path`` or ``s3://bucket``; default: ``home``/objects.
    storage_url: str | None = None
    s3_endpoint: str | None = None
    s3_access_key: str | None = None
    s3_secret_key: str | None = None
    s3_region: str = "us-east-1"
    s3_secure: bool | None = None  # default: from the endpoint's scheme
    # Celery broker; unset means the in-process worker pool of the embedded default.
    broker_url: str | None = None
    # Distributed workers (issue #5): queue name, retries, and how fast stuck work is re-queued.
    queue_name: str = "digitize"
    broker_key_prefix: str = ""  # Redis only: prefix of every broker key (several deployments, one Redis)
    page_max_attempts: int = 3  # a page that kills its worker this many times is marked failed
    worker_heartbeat_seconds: float = 10.0  # a busy worker refreshes its claim this often
    worker_stale_seconds: float = 60.0  # a claim not refreshed for this long is re-queued
    reaper_interval_seconds: float = 15.0  # every worker looks for stuck work this often
    shutdown_grace_seconds: float = 30.0  # on SIGTERM, running pages get this long to finish

    lang: Literal["vi", "en"] = "vi"

    # OCR
    # "vie" alone: measured better than "vie+eng" on Decree 30 scans (eng drops diacritics off capitals)
    ocr_languages: str = "vie"
    ocr_dpi: int = 300
    ocr_jobs: int = Field(default_factory=lambda: os.cpu_count() or 1)
    ocr_page_timeout: float = 180.0
    # language-aware correction of OCR'd words (pipeline/correct.py); off only to measure what it gains
    ocr_correct: bool = True
    # Tesseract through libtesseract in the worker (engines kept) rather than a child process per call
    # (tools/tesseract.py: the same text, ~65 ms less CPU per call); off to compare or to isolate crashes
    ocr_in_process: bool = True
    # ... with its OpenMP regions run inline and its line images kept uncompressed when
    # tools/libompinline.so is built (`make ompinline`: the same words, less CPU); off to compare
    ocr_omp_inline: bool = True
    # the most CPU seconds one document's targeted second readings (stamp, dropped block, signature block
    # and name, handwritten digits, header lines: pipeline/budget.py) may take in all, each pass's readings
    # together ending by 4x what is left in wall time (tools.tesseract.deadline); later pages keep their
    # first reading (0: none)
    ocr_second_pass_seconds: float = Field(default=60.0, ge=0)
    # OpenCV's threads in a process reading a page (1: one process per core, as Tesseract's one thread; its
    # own pool of one thread per core made the real photos ~5-15 % more CPU on a shared 2-core machine;
    # 0: OpenCV's default)
    ocr_opencv_threads: int = Field(default=1, ge=0)

    # Limits on input
    max_upload_bytes: int = 200 * 1024 * 1024
    max_pages: int = 500
    max_image_pixels: int = 200_000_000  # ~ A0 at 300 dpi is 140 Mpx
    max_zip_members: int = 5000
    max_zip_ratio: int = 200
    max_zip_total_bytes: int = 2 * 1024 * 1024 * 1024

    # Preservation (issue 16): the largest file a bag to import may hold; how often ``serve`` and Celery beat
    # recompute every stored object's sha256 (hours; 0: never on a schedule, ``digitize audit`` still works)
    import_max_file_bytes: int = 4 * 1024 * 1024 * 1024
    fixity_interval_hours: float = 24.0 * 7

    # Hot folder (issue 15): ``digitize serve`` watches this folder for scanners' files (``digitize watch``)
    watch_dir: Path | None = None
    watch_split: bool = False  # multi-page files dropped there are stacks to split into documents
    watch_settle_seconds: float = 2.0  # a file is taken once its size has not changed for this long

    # Serving
    # The key that signs the web pages' cookies and tokens (at least 32 random characters); unset: a random
    # one in ``home``/secret_key, made on first use. A weak one is refused at start (``digitize.startup``).
    secret_key: str | None = None
    # Addresses of the TLS proxy whose X-Forwarded-For/-Proto are believed ("127.0.0.1,10.0.0.5" or "*");
    # empty: none (``digitize serve --forwarded-allow-ips``).
    forwarded_allow_ips: str = ""
    host: str = "127.0.0.1"
    port: int = 8000
    public_base_url: str = "http://127.0.0.1:8000"
    agency_rate_limit_per_minute: int = 120
    public_rate_limit_per_minute: int = 120  # per client address: POST /api/v1/verify, GET /v/{id} (0: off)
    # GET /metrics: "token" (default) needs Authorization: Bearer <metrics_token> or an admin API key;
    # "off" answers 404; "open" only where the port is not reachable from outside (a scraper's network).
    metrics: Literal["off", "token", "open"] = "token"
    metrics_token: str | None = None
    # Bodies: any request over its door's limit is refused (413) while it streams, before it is stored.
    max_request_bytes: int = 10 * 1024 * 1024  # every door without a limit of its own (forms, JSON)
    max_batch_bytes: int = 4 * 1024 * 1024 * 1024  # one upload request of many files (batches, /upload)
    max_upload_files: int = 2000  # files in one upload request

    # Public verification (POST /api/v1/verify, the /verify page): bounded work per request and per client
    verify_max_bytes: int = 50 * 1024 * 1024  # (and never over max_upload_bytes)
    verify_max_signatures: int = 50  # signature fields and signature dictionaries
    verify_max_pages: int = 2000
    verify_max_objects: int = 500_000
    verify_time_budget_seconds: float = 60.0  # a verification still running then is stopped (422)
    verify_memory_bytes: int = 3 * 1024 * 1024 * 1024  # address space of the process that verifies
    verify_concurrency: int = 0  # verifications at once per server process (0: one per core)
    verify_queue_seconds: float = 20.0  # how long a request waits for a free slot before 503

    # Signing and verification
    trust_dir: Path | None = None  # directory of CA certificates (PEM/DER) trusted for verification
    # Hosts with a non-public address that verification may still fetch OCSP/CRL/certificates from
    # (comma-separated, e.g. an in-house CA "ocsp.so-khcn.local"); other such hosts are refused (SSRF).
    verify_fetch_allow_hosts: str = ""
    verify_fetch_max_bytes: int = 16 * 1024 * 1024  # the most one OCSP/CRL/certificate answer may be
    tsa_url: str | None = None
    signing_profiles_file: Path | None = None
    signing_session_seconds: int = 900  # a signing session (hash out, signature in) expires after this
    agent_pairing_seconds: int = 600  # a pairing code shown on the signing page is good this long
    signing_sweep_seconds: int = 300  # serve removes expired/finished sessions' prepared PDFs this often
    seal_image: Path | None = None  # the organisation's seal (PNG) for organisation signatures over sessions
    organization_name: str = "Sở Khoa học và Công nghệ"

    @model_validator(mode="after")
    def _home_defaults(self) -> Settings:
        """What ``digitize serve --first-run`` put in the home (the demo PKI: its root trusted, its profiles,
        its seal) applies to that home only, and only where nothing was configured."""
        home = self.home.expanduser()
        for attr, path in (
            ("trust_dir", home / "trust"),
            ("signing_profiles_file", home / "signing.toml"),
            ("seal_image", home / "demo" / "seal.png"),
        ):
            if getattr(self, attr) is None and path.exists():
                object.__setattr__(self, attr, path)
        return self

    @property
    def home_dir(self) -> Path:
        return self.home.expanduser().resolve()

    def scratch_dir(self) -> Path:
        """``HOME/tmp``, created if need be: where uploads are received and archives unpacked before their
        bytes are stored (the same file system as the home, so a finished file is moved, not copied)."""
        d = self.home_dir / "tmp"
        d.mkdir(parents=True, exist_ok=True)
        return d

    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.home_dir / 'digitize.db'}"

    @property
    def effective_storage_url(self) -> str:
        if self.storage_url:
            return self.storage_url
        return (self.home_dir / "objects").as_uri()

    @property
    def uses_celery(self) -> bool:
        return bool(self.broker_url)

    @property
    def effective_broker_url(self) -> str:
        """The broker Celery uses: ``broker_url``, else ``DEFAULT_BROKER_URL`` (a worker started without
        ``DIGITIZE_BROKER_URL`` connects to the local Redis)."""
        return self.broker_url or DEFAULT_BROKER_URL

    @property
    def broker_is_redis(self) -> bool:
        return self.effective_broker_url.startswith(REDIS_BROKER_SCHEMES)


_settings_lock = threading.Lock()
_settings: Settings | None = None


def get_settings() -> Settings:
    """The process-wide settings (read once from the environment).

    Read under a lock that ``reset_settings`` takes too: settings a background thread was reading from the
    old environment can never be cached after a reset (an ``lru_cache`` would store them once the slow read
    ends, and every later caller would see the old environment)."""
    global _settings
    with _settings_lock:
        if _settings is None:
            _settings = Settings()
        return _settings


def reset_settings() -> None:
    """Forget cached settings (tests change the environment)."""
    global _settings
    with _settings_lock:
        _settings = None
