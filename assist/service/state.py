"""The service's long-lived parts: settings, store, metrics, the analyzer (loaded in the
background so /healthz answers at once and /readyz tells when analysis can start), jobs."""

from __future__ import annotations

import logging
import threading
import time

from assist.analyze import Analyzer
from assist.service.auth import TokenCache
from assist.service.errors import ServiceError
from assist.service.jobs import JobRunner
from assist.service.metrics import Metrics
from assist.service.migrations import migrate
from assist.service.settings import Settings
from assist.service.store import Store

log = logging.getLogger("assist.service")


class ServiceState:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.metrics = Metrics()
        self.tokens = TokenCache(settings.token_cache_seconds)
        self.store = Store(settings.db_url)
        self.jobs = JobRunner(self.store, self.analyzer, settings.screen_workers)
        self.jobs.on_finish = lambda status: self.metrics.jobs.labels(status).inc()
        self._analyzer: Analyzer | None = None
        self._loaded = threading.Event()
        self.load_error: str | None = None
        self.started = time.monotonic()
        self.ready_seconds: float | None = None

    def start(self) -> None:
        """Create the data folder, migrate the schema, load the analyzer in the background."""
        self.settings.data_dir.mkdir(parents=True, exist_ok=True)
        applied = migrate(self.store.engine)
        if applied:
            log.info("schema migrated to version %s", applied[-1])
        failed = self.jobs.fail_unfinished()
        if failed:
            log.warning("%d unfinished screening jobs marked failed", failed)
        threading.Thread(target=self._load, name="load-analyzer", daemon=True).start()

    def _load(self) -> None:
        try:
            analyzer = Analyzer(max_chars=self.settings.max_text_chars)
            if self.settings.warm_up or self.settings.load_samples:
                from assist.service.samples import load_samples, warm_up

                warm_up(analyzer)
                if self.settings.load_samples:
                    load_samples(self.store, analyzer)
            self._analyzer = analyzer
            self.ready_seconds = time.monotonic() - self.started
            self.metrics.ready.set(1)
            log.info("analyzer ready in %.2f s", self.ready_seconds)
        except Exception as exc:  # readyz reports it; the process stays up for diagnosis
            self.load_error = f"{type(exc).__name__}: {exc}"
            log.exception("the analyzer failed to load")
        finally:
            self._loaded.set()

    def wait_ready(self, timeout: float | None = None) -> bool:
        self._loaded.wait(timeout)
        return self._analyzer is not None

    @property
    def ready(self) -> bool:
        return self._analyzer is not None

    def analyzer(self) -> Analyzer:
        if self._analyzer is None:
            raise ServiceError(
                "not_ready", "the analyzer is still loading; retry when GET /readyz says ready", 503
            )
        return self._analyzer

    def stop(self) -> None:
        self.jobs.shutdown()
        self.store.dispose()
