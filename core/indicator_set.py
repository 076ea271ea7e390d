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


class ConfigError(ValueError):
    """A config that cannot be used, with the file and the place named."""


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
            raise ConfigError(f"The indicator-set config {path} is larger than {MAX_BYTES // 1_000_000} MB: a "
                              "config lists a few indicators; check that this is the right file.")
        text = path.read_text(encoding="utf-8-sig")
    except OSError as err:
        raise ConfigError(f"Cannot read the indicator-set config {path}: {err.strerror}.") from err
    except UnicodeDecodeError as err:
        raise ConfigError(f"The indicator-set config {path} is not UTF-8 text: save it as UTF-8.") from err
    try:
        data = _load_yaml(text, path) if path.suffix.lower() in (".yml", ".yaml") else json.loads(text)
    except ConfigError:
        raise
    except RecursionError as err:
        raise ConfigError(f"The indicator-set config {path} is nested too deeply to be a config.") from err
    except Exception as err:  # any parser error is the user's file
        raise ConfigError(f"The indicator-set config {path} is not valid {path.suffix[1:].upper()}: {err}") from err
    return parse_config(data, path)


def _load_yaml(text: str, path: Path) -> Any:
    """YAML read safely (no code runs) and without anchors or aliases: an alias can expand a small file into
    billions of nodes (a "billion laughs" bomb) or refer to itself; a config never needs one."""
    import yaml

    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            mark = event.start_mark
            raise ConfigError(f"{path}, line {mark.line + 1}: YAML anchors and aliases (& and *) are not allowed "
                              "in an indicator-set config; write the values out.")
    return yaml.safe_load(text)


def refuse_unknown(keys, valid: tuple[str, ...] | list[str], where: str, what: str = "key") -> None:
    """Refuse the first key not in ``valid``, naming the place and the closest valid key."""
    for key in keys:
        if key not in valid:
            raise ConfigError(f"{where}: unknown {what} '{key}'{closest(str(key), valid)}.")


def closest(key: str, valid) -> str:
    """"; did you mean 'x'?" for the valid name closest to ``key`` (any case), or a list of the valid names."""
    lower = {name.lower(): name for name in valid}
    match = difflib.get_close_matches(key.lower(), list(lower), n=1, cutoff=0.6)
    if match:
        return f"; did you mean '{lower[match[0]]}'?"
    return f"; valid: {', '.join(valid)}"


def parse_config(data: Any, path: Path) -> IndicatorSet:
    """Validate a loaded config; relative paths resolve against ``path``'s folder."""
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the config must be a mapping with an 'indicators' list.")
    refuse_unknown(data, TOP_KEYS, str(path))
    for key, valid in (("area", AREA_KEYS), ("progress", PROGRESS_KEYS)):
        if data.get(key) is not None and not isinstance(data[key], dict):
            raise ConfigError(f"{path}: '{key}' must be a mapping with the keys {', '.join(valid)}.")
        refuse_unknown(data.get(key) or {}, valid, f"{path}: {key}")
    allow = data.get("allow_other_algorithms", False)
    if not isinstance(allow, bool):
        raise ConfigError(f"{path}: allow_other_algorithms must be true or false.")
    base = path.parent
    entries = data.get("indicators")
    if not isinstance(entries, list) or not entries:
        raise ConfigError(f"{path}: 'indicators' must be a non-empty list.")
    zones = data.get("zones")
    if zones is not None:
        zones = _zones(zones, base, path, "zones")
    steps, seen = [], set()
    for number, entry in enumerate(entries, start=1):
        where = f"{path}: indicators[{number}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("algorithm"), str):
            raise ConfigError(f"{where} needs an 'algorithm' such as sdg:forest_area_15_1_1.")
        refuse_unknown(entry, STEP_KEYS, where)
        step_id = str(entry.get("id") or f"{entry['algorithm']}#{number}")
        if step_id in seen:
            raise ConfigError(f"{where}: id '{step_id}' is used twice.")
        seen.add(step_id)
        parameters = entry.get("parameters") or {}
        if not isinstance(parameters, dict):
            raise ConfigError(f"{where}: 'parameters' must be a mapping of parameter names to values.")
        year = entry.get("year")
        if year is not None and not _is_int(year):
            raise ConfigError(f"{where}: year {year!r} is not a whole number.")
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
    """An algorithm id, or a model's path (``.model3``) made absolute against the config's folder."""
    return str(resolve(algorithm, base, must_exist=False)) if algorithm.lower().endswith(".model3") else algorithm



def _portal(portal: Any, base: Path, path: Path) -> dict[str, Any] | None:
    """The optional ``portal`` output: a folder, or ``{"path", "title", "language"}`` (language as in
    sdg:export_portal: 0 QGIS's, 1 English, 2 Chinese, 3 both)."""
    if portal is None or portal is False:
        return None
    if isinstance(portal, str):
        portal = {"path": portal}
    if not isinstance(portal, dict) or not isinstance(portal.get("path"), str) or not portal["path"].strip():
        raise ConfigError(f"{path}: 'portal' needs a 'path' (the folder to write the portal into).")
    refuse_unknown(portal, PORTAL_KEYS, f"{path}: portal")
    language = portal.get("language", 3)
    if not _is_int(language) or not 0 <= int(language) <= 3:
        raise ConfigError(f"{path}: portal.language {language!r} must be 0 (QGIS's), 1 (English), 2 (Chinese) "
                          f"or 3 (both).")
    return {"path": str(resolve(portal["path"], base, must_exist=False)), "title": str(portal.get("title") or ""),
            "language": int(language)}


def _zones(zones: Any, base: Path, path: Path, where: str) -> dict[str, Any] | None:
    if zones is None or zones is False:
        return None
    if not isinstance(zones, dict) or not isinstance(zones.get("path"), str):
        raise ConfigError(f"{path}: {where} needs a 'path' (a layer file, optionally with |layername=...).")
    refuse_unknown(zones, ZONES_KEYS, f"{path}: {where}")
    return dict(zones, path=resolve(zones["path"], base))


DATA_SUFFIXES = (".gpkg", ".tif", ".tiff", ".vrt", ".shp", ".csv", ".xlsx", ".json", ".geojson", ".sqlite",
                 ".qgz", ".model3", ".pdf", ".yml", ".yaml", ".txt")


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
