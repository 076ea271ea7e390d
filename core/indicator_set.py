"""Indicator-set configs: which algorithms to run, on which inputs, for one area, parsed safely (JSON or YAML).

A config (paths relative to the config file)::

    {
      "name": "Deqing County sample",
      "results": "out/results.gpkg",
      "area": {"id": "330521", "name": "德清县"},
      "zones": {"path": "out/sample_county.gpkg|layername=townships", "id_field": "code",
                "name_field": "name_zh", "level": "township"},
      "targets": "targets.csv",
      "progress": {"method": "open_sdg"},
      "portal": {"path": "out/portal", "title": "Deqing SDG portal", "language": 3},
      "indicators": [
        {"id": "forest-2020", "algorithm": "sdg:forest_area_15_1_1", "year": 2020,
         "parameters": {"LANDCOVER": "out/landcover_2020_10m.tif", "FOREST_CLASSES": "20"}}
      ]
    }
"""
from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .messages import QT_TR_NOOP, Message, MessageError

#: Largest config read (a hand-written set is a few kB; anything far bigger is not a config).
MAX_BYTES = 1_000_000
#: The keys of each level of a config; anything else is refused with the closest valid key.
TOP_KEYS = ("name", "results", "area", "zones", "targets", "progress", "portal", "indicators",
            "allow_other_algorithms")
PORTAL_KEYS = ("path", "title", "language")
AREA_KEYS = ("id", "name")
ZONES_KEYS = ("path", "id_field", "name_field", "level")
PROGRESS_KEYS = ("method",)
STEP_KEYS = ("id", "algorithm", "year", "parameters", "zones")


#: Files a step may run by path instead of an algorithm id: Processing models and scripts.
MODEL_SUFFIX = ".model3"
SCRIPT_SUFFIX = ".py"
UNKNOWN_KEY = QT_TR_NOOP("{}: unknown key '{}'{}.")
UNKNOWN_PARAMETER = QT_TR_NOOP("{}: unknown parameter '{}'{}.")


class ConfigError(MessageError):
    """A config that cannot be used, with the file and the place named: an English template and its values
    (``str()`` is English; ``translation.message_text(err.message)`` the user's language)."""


@dataclass(frozen=True)
class Step:
    """One algorithm run of the set."""

    id: str
    algorithm: str
    parameters: dict[str, Any]
    year: int | None = None
    zones: dict[str, Any] | None = None


@dataclass(frozen=True)
class IndicatorSet:
    """A parsed config with every relative path made absolute."""

    path: Path
    name: str
    results: str | None
    steps: list[Step]
    area: dict[str, str] = field(default_factory=dict)
    targets: str | None = None
    method: str = "open_sdg"
    allow_other_algorithms: bool = False
    portal: dict[str, Any] | None = None


def read_config(path: str | Path) -> IndicatorSet:
    """Parse a JSON or YAML config (YAML with ``safe_load``: no code runs) and resolve its paths."""
    path = Path(path).resolve()
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ConfigError(QT_TR_NOOP("The indicator-set config {} is larger than {} MB: a config lists a few "
                                         "indicators; check that this is the right file."), path,
                              MAX_BYTES // 1_000_000)
        text = path.read_text(encoding="utf-8-sig")
    except OSError as err:
        raise ConfigError(QT_TR_NOOP("Cannot read the indicator-set config {}: {}."), path, err.strerror) from err
    except UnicodeDecodeError as err:
        raise ConfigError(QT_TR_NOOP("The indicator-set config {} is not UTF-8 text: save it as UTF-8."),
                          path) from err
    try:
        data = _load_yaml(text, path) if path.suffix.lower() in (".yml", ".yaml") else json.loads(text)
    except ConfigError:
        raise
    except RecursionError as err:
        raise ConfigError(QT_TR_NOOP("The indicator-set config {} is nested too deeply to be a config."),
                          path) from err
    except Exception as err:  # any parser error is the user's file
        raise ConfigError(QT_TR_NOOP("The indicator-set config {} is not valid {}: {}"), path,
                          path.suffix[1:].upper(), err) from err
    return parse_config(data, path)


def _load_yaml(text: str, path: Path) -> Any:
    """YAML read safely (no code runs) and without anchors or aliases: an alias can expand a small file into
    billions of nodes (a "billion laughs" bomb) or refer to itself; a config never needs one."""
    import yaml

    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            mark = event.start_mark
            raise ConfigError(QT_TR_NOOP("{}, line {}: YAML anchors and aliases (& and *) are not allowed in an "
                                         "indicator-set config; write the values out."), path, mark.line + 1)
    return yaml.safe_load(text)


def refuse_unknown(keys, valid: tuple[str, ...] | list[str], where: object, template: str = UNKNOWN_KEY) -> None:
    """Refuse the first key not in ``valid`` with ``template`` (:data:`UNKNOWN_KEY` or :data:`UNKNOWN_PARAMETER`),
    naming the place and the closest valid key."""
    for key in keys:
        if key not in valid:
            raise ConfigError(template, where, key, closest(str(key), valid))


def closest(key: str, valid) -> Message:
    """"; did you mean 'x'?" for the valid name closest to ``key`` (any case), or a list of the valid names."""
    lower = {name.lower(): name for name in valid}
    match = difflib.get_close_matches(key.lower(), list(lower), n=1, cutoff=0.6)
    if match:
        return Message(QT_TR_NOOP("; did you mean '{}'?"), lower[match[0]])
    return Message(QT_TR_NOOP("; valid: {}"), ", ".join(valid))


def parse_config(data: Any, path: Path) -> IndicatorSet:
    """Validate a loaded config; relative paths resolve against ``path``'s folder."""
    if not isinstance(data, dict):
        raise ConfigError(QT_TR_NOOP("{}: the config must be a mapping with an 'indicators' list."), path)
    refuse_unknown(data, TOP_KEYS, path)
    for key, valid in (("area", AREA_KEYS), ("progress", PROGRESS_KEYS)):
        if data.get(key) is not None and not isinstance(data[key], dict):
            raise ConfigError(QT_TR_NOOP("{}: '{}' must be a mapping with the keys {}."), path, key,
                              ", ".join(valid))
        refuse_unknown(data.get(key) or {}, valid, f"{path}: {key}")
    allow = data.get("allow_other_algorithms", False)
    if not isinstance(allow, bool):
        raise ConfigError(QT_TR_NOOP("{}: allow_other_algorithms must be true or false."), path)
    base = path.parent
    entries = data.get("indicators")
    if not isinstance(entries, list) or not entries:
        raise ConfigError(QT_TR_NOOP("{}: 'indicators' must be a non-empty list."), path)
    zones = data.get("zones")
    if zones is not None:
        zones = _zones(zones, base, path, "zones")
    steps, seen = [], set()
    for number, entry in enumerate(entries, start=1):
        where = f"{path}: indicators[{number}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("algorithm"), str):
            raise ConfigError(QT_TR_NOOP("{} needs an 'algorithm' such as sdg:forest_area_15_1_1."), where)
        refuse_unknown(entry, STEP_KEYS, where)
        step_id = str(entry.get("id") or f"{entry['algorithm']}#{number}")
        if step_id in seen:
            raise ConfigError(QT_TR_NOOP("{}: id '{}' is used twice."), where, step_id)
        seen.add(step_id)
        parameters = entry.get("parameters") or {}
        if not isinstance(parameters, dict):
            raise ConfigError(QT_TR_NOOP("{}: 'parameters' must be a mapping of parameter names to values."), where)
        year = entry.get("year")
        if year is not None and not _is_int(year):
            raise ConfigError(QT_TR_NOOP("{}: year {} is not a whole number."), where, repr(year))
        step_zones = _zones(entry["zones"], base, path, f"{where}.zones") if "zones" in entry else zones
        steps.append(Step(step_id, _algorithm(entry["algorithm"], base),
                          {k: resolve(v, base) for k, v in parameters.items()},
                          int(year) if year is not None else None, step_zones))
    area = data.get("area") or {}
    progress = data.get("progress") or {}
    results = data.get("results")
    return IndicatorSet(
        path=path, name=str(data.get("name") or path.stem), steps=steps,
        results=str(resolve(results, base, must_exist=False)) if results else None,
        area={k: str(v) for k, v in area.items()},
        targets=str(resolve(data["targets"], base)) if data.get("targets") else None,
        method=str(progress.get("method", "open_sdg")), allow_other_algorithms=allow,
        portal=_portal(data.get("portal"), base, path))


def _algorithm(algorithm: str, base: Path) -> str:
    """An algorithm id, or the path of a model (``.model3``) or a Processing script (``.py``) made absolute
    against the config's folder."""
    return str(resolve(algorithm, base, must_exist=False)) if by_path(algorithm) else algorithm


def by_path(algorithm: str) -> bool:
    """Whether a step's ``algorithm`` is a model's or a script's path rather than an algorithm id."""
    return algorithm.lower().endswith((MODEL_SUFFIX, SCRIPT_SUFFIX))


def _portal(portal: Any, base: Path, path: Path) -> dict[str, Any] | None:
    """The optional ``portal`` output: a folder, or ``{"path", "title", "language"}`` (language as in
    sdg:export_portal: 0 QGIS's, 1 English, 2 Chinese, 3 both)."""
    if portal is None or portal is False:
        return None
    if isinstance(portal, str):
        portal = {"path": portal}
    if not isinstance(portal, dict) or not isinstance(portal.get("path"), str) or not portal["path"].strip():
        raise ConfigError(QT_TR_NOOP("{}: 'portal' needs a 'path' (the folder to write the portal into)."), path)
    refuse_unknown(portal, PORTAL_KEYS, f"{path}: portal")
    language = portal.get("language", 3)
    if not _is_int(language) or not 0 <= int(language) <= 3:
        raise ConfigError(QT_TR_NOOP("{}: portal.language {} must be 0 (QGIS's), 1 (English), 2 (Chinese) or 3 "
                                     "(both)."), path, repr(language))
    return {"path": str(resolve(portal["path"], base, must_exist=False)), "title": str(portal.get("title") or ""),
            "language": int(language)}


def _zones(zones: Any, base: Path, path: Path, where: str) -> dict[str, Any] | None:
    if zones is None or zones is False:
        return None
    if not isinstance(zones, dict) or not isinstance(zones.get("path"), str):
        raise ConfigError(QT_TR_NOOP("{}: {} needs a 'path' (a layer file, optionally with |layername=...)."),
                          path, where)
    refuse_unknown(zones, ZONES_KEYS, f"{path}: {where}")
    return dict(zones, path=resolve(zones["path"], base))


DATA_SUFFIXES = (".gpkg", ".tif", ".tiff", ".vrt", ".shp", ".csv", ".xlsx", ".json", ".geojson", ".sqlite",
                 ".qgz", MODEL_SUFFIX, ".pdf", ".yml", ".yaml", ".txt")


def resolve(value: Any, base: Path, must_exist: bool = True) -> Any:
    """A relative path (before any ``|layername=...``) made absolute against ``base`` when that file exists or
    names a data file (by its suffix; always with ``must_exist=False``); other values (class lists, field names,
    expressions) unchanged. Lists are resolved item by item."""
    if isinstance(value, list):
        return [resolve(item, base, must_exist) for item in value]
    if not isinstance(value, str) or not value or "://" in value or value.startswith(("memory:", "TEMPORARY")):
        return value
    head, sep, tail = value.partition("|")
    candidate = Path(head).expanduser()
    if candidate.is_absolute():
        return value
    absolute = base / candidate
    if must_exist and not absolute.exists() and candidate.suffix.lower() not in DATA_SUFFIXES:
        return value
    return str(absolute) + sep + tail


def _is_int(value: Any) -> bool:
    try:
        return int(value) == float(value)
    except (TypeError, ValueError):
        return False
