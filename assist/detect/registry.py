"""A small registry: versioned detector names → factories.

Built-ins register in ``assist.detect.builtin`` exactly as a third party would::

    @register("detector.my_issue.v1")
    def my_issue(name: str, settings: DetectorSettings) -> Detector: ...

``build_detectors`` builds the enabled detectors of a configuration and fails at start-up on a
name nobody registered, listing the names that are.
"""

from __future__ import annotations

from collections.abc import Callable

from assist.detect.base import Detector
from assist.detect.config import (
    NAME_PATTERN,
    DetectorConfigError,
    DetectorsConfig,
    DetectorSettings,
    default_config,
)

DetectorFactory = Callable[[str, DetectorSettings], Detector]

_FACTORIES: dict[str, DetectorFactory] = {}


def register(name: str) -> Callable[[DetectorFactory], DetectorFactory]:
    """Register ``factory`` under ``name`` ("detector.<issue>.v<N>"); a name is taken once."""
    if not NAME_PATTERN.match(name):
        raise ValueError(f"detector names look like 'detector.<issue>.v1'; got {name!r}")

    def add(factory: DetectorFactory) -> DetectorFactory:
        if name in _FACTORIES:
            raise ValueError(f"detector {name!r} is already registered; bump its version instead")
        _FACTORIES[name] = factory
        return factory

    return add


def registered() -> tuple[str, ...]:
    """Every registered name, sorted."""
    return tuple(sorted(_FACTORIES))


def build_detectors(config: DetectorsConfig | None = None) -> list[Detector]:
    """The enabled detectors of ``config`` (default: the checked-in detectors.toml), in order."""
    config = config if config is not None else default_config()
    unknown = [name for name in config.detectors if name not in _FACTORIES]
    if unknown:
        raise DetectorConfigError(
            f"unknown detector(s) {', '.join(unknown)}; registered: {', '.join(registered())}. "
            "Fix the name, or import the module that registers it before building"
        )
    built: list[Detector] = []
    for name, settings in config.detectors.items():
        if not settings.enabled:
            continue
        try:
            built.append(_FACTORIES[name](name, settings))
        except ValueError as exc:
            raise DetectorConfigError(str(exc), source=name) from None
    return built
