"""Indicators that are shares of measured areas: 15.1.2 (mean share of each key biodiversity area covered by
protected areas, UN SDG metadata 15.1.2, custodians UNEP-WCMC, BirdLife, IUCN) and 11.7.1 (open public space and
streets as a share of the built-up area, UN-Habitat metadata 11.7.1)."""
from __future__ import annotations

from typing import Protocol, Sequence

from .formulas import ratio
from .results import ZoneValue

#: Components of 11.7.1's value per zone.
OPEN_SPACE_COMPONENTS = ("open_space_km2", "street_km2", "builtup_km2")


class KbaCover(Protocol):
    """A key biodiversity area as measured: its area, the part covered by protected areas (km²), its zone."""

    area_km2: float
    protected_km2: float
    zone: int | None


def kba_percent(area_km2: float, protected_km2: float) -> float:
    """Percent of a KBA covered by protected areas (at most 100)."""
    return min(100.0, protected_km2 / area_km2 * 100.0)


def kba_cover_values(kbas: Sequence[KbaCover], n_zones: int | None) -> tuple[list[ZoneValue], ZoneValue]:
    """15.1.2 per zone (``n_zones`` zones, KBA ``zone`` 0 …; None: no zones) and for the whole area: the mean
    over the KBAs of their percent covered (numerator the sum of the percents, denominator the count); without
    zones the whole area holds every KBA, with zones those in a zone."""
    if n_zones is None:
        return [], _kba_value(kbas)
    zones = [_kba_value([k for k in kbas if k.zone == i]) for i in range(n_zones)]
    return zones, _kba_value([k for k in kbas if k.zone is not None])


def _kba_value(kbas: Sequence[KbaCover]) -> ZoneValue:
    """Mean percent over ``kbas`` (None without any), with their count and summed areas."""
    percents = [kba_percent(k.area_km2, k.protected_km2) for k in kbas]
    mean = sum(percents) / len(percents) if percents else None
    return ZoneValue(mean, float(sum(percents)), float(len(percents)), {
        "kba_count": float(len(kbas)), "kba_km2": float(sum(k.area_km2 for k in kbas)),
        "protected_km2": float(sum(k.protected_km2 for k in kbas))})


def open_space_values(areas_km2: Sequence[tuple[float, float, float]]) -> tuple[list[ZoneValue], ZoneValue]:
    """11.7.1 per zone and for the whole area (the sums of the zones) from (open space, streets, built-up) km²
    per zone: (open space + streets) / built-up × 100."""
    zones = [_open_space_value(*parts) for parts in areas_km2]
    return zones, _open_space_value(*(sum(v.components[k] for v in zones) for k in OPEN_SPACE_COMPONENTS))


def _open_space_value(open_km2: float, street_km2: float, built_km2: float) -> ZoneValue:
    public = open_km2 + street_km2
    return ZoneValue(ratio(public, built_km2), public, built_km2,
                     {"open_space_km2": open_km2, "street_km2": street_km2, "builtup_km2": built_km2})
