"""Prometheus metrics, one registry per app (so tests can build many apps); per process."""

from __future__ import annotations

from dataclasses import dataclass, field

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


@dataclass
class Metrics:
    registry: CollectorRegistry = field(default_factory=CollectorRegistry)

    def __post_init__(self) -> None:
        r = self.registry
        self.requests = Counter(
            "assist_http_requests", "HTTP requests", ["method", "route", "status"], registry=r
        )
        self.latency = Histogram(
            "assist_http_request_seconds", "HTTP request latency", ["route"], registry=r,
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
        )  # fmt: skip
        self.analyses = Counter("assist_analyses", "documents analysed", ["outcome"], registry=r)
        self.analysis_chars = Counter("assist_analysed_chars", "characters analysed", registry=r)
        self.ready = Gauge("assist_ready", "1 when the analyzer is loaded", registry=r)
        self.jobs = Counter("assist_jobs", "screening jobs by final status", ["status"], registry=r)
        self.reviews = Counter("assist_reviews", "lead reviews", ["decision"], registry=r)

    def render(self) -> bytes:
        return generate_latest(self.registry)
