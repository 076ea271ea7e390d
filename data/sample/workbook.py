"""The sample county's statistical workbook: every item of the Deqing profile, for the county and its 13
townships, 2015-2020, as a county statistics bureau would fill it in (one long sheet).

Townships, codes, names and the 2015 and 2020 census totals come from the sample-county generator
(``samplegen.spec``), so the workbook agrees with the census layers; the years between are geometric
interpolations. Values are invented but plausible for Deqing: the urban-rural income ratio falls to 1.71 in
2020, women hold more than one third of the county congress seats, and 4.62 % of government health spending
went to maternal and child care in 2016. The same seed always gives the same bytes.
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from openpyxl import Workbook
from openpyxl.styles import Font

from ...core.profile import Profile, load_profile
from ...core.xlsx import save_workbook
from .samplegen.spec import COUNTY_CODE, COUNTY_ZH, SEED, TOWNSHIPS

YEARS = tuple(range(2015, 2021))
DATA_SHEET = "data"
ITEMS_SHEET = "items"
HEADER = ("item", "area_code", "area_name", "year", "value", "unit")


@dataclass(frozen=True)
class Base:
    """An item modelled directly: ``count`` and ``amount`` per resident (summed to the county), or ``level``
    (a value per area, such as income per capita; the county gets the trajectory itself)."""

    kind: str
    unit: str
    v2015: float
    v2020: float
    digits: int = 1
    sigma: float = 0.1


@dataclass(frozen=True)
class Derived:
    """A numerator made from the county indicator value (2015 -> 2020) of the profile indicator that divides
    it by a denominator (the first one, or the one dividing by ``of``): ``value × denominator / multiplier``."""

    unit: str
    v2015: float
    v2020: float
    digits: int = 0
    of: str = ""


def _count(v2015: float, v2020: float, unit: str = "persons") -> Base:
    return Base("count", unit, v2015, v2020, 0)


def _amount(unit: str, v2015: float, v2020: float, digits: int = 1, sigma: float = 0.1) -> Base:
    return Base("amount", unit, v2015, v2020, digits, sigma)


def _level(unit: str, v2015: float, v2020: float, digits: int, sigma: float) -> Base:
    return Base("level", unit, v2015, v2020, digits, sigma)


Y4 = "10,000 yuan"
BASE = {
    "live_births": _count(0.0098, 0.0085), "births_female": _count(0.0047, 0.0041),
    "households": _count(0.345, 0.36, "households"), "pop_30_70": _count(0.55, 0.56),
    "women_15_19": _count(0.024, 0.022), "women_15_49_married": _count(0.19, 0.18),
    "pop_15plus": _count(0.86, 0.865), "pop_25_64": _count(0.58, 0.57), "pop_15_24": _count(0.11, 0.10),
    "pop_15_17": _count(0.033, 0.031), "children_age5": _count(0.0105, 0.0098),
    "children_3_5": _count(0.031, 0.029), "children_u5_measured": _count(0.049, 0.045),
    "pregnant_screened": _count(0.0099, 0.0087), "pop_adults": _count(0.82, 0.83), "employed": _count(0.62, 0.61),
    "urban_labour_force": _count(0.30, 0.34), "ag_workers": _count(0.12, 0.085),
    "pension_eligible": _count(0.78, 0.79), "land_contract_households": _count(0.20, 0.20, "households"),
    "land_holders": _count(0.48, 0.47), "adults_surveyed_tobacco": _count(0.004, 0.004),
    "residents_surveyed_literacy": _count(0.004, 0.004), "residents_surveyed_safety": _count(0.005, 0.005),
    "residents_surveyed_services": _count(0.005, 0.005), "women_surveyed_mobile": _count(0.003, 0.003),
    "children_due_vaccination": _count(0.045, 0.041), "compulsory_cohort": _count(0.0095, 0.0098),
    "congress_deputies": _count(0.0006, 0.0006), "village_committee_members": _count(0.0018, 0.0018),
    "managers": _count(0.02, 0.022), "civil_servants": _count(0.005, 0.0052), "teachers": _count(0.011, 0.012),
    "primary_teachers": _count(0.0045, 0.0048), "schools": _count(0.00025, 0.00025, "schools"),
    "villages": _count(0.00035, 0.00035, "villages"), "detainees": _count(0.0006, 0.0005),
    "sections_monitored": _count(0.00007, 0.00008, "monitoring sections"),
    "urban_population": _count(0.58, 0.63), "companies_reporting": _count(0.00002, 0.00006, "companies"),
    "monitored_days": _level("days", 365, 365, 0, 0.0),
    "msw_generated": _amount("tonnes", 0.40, 0.45), "hazwaste_generated": _amount("tonnes", 0.030, 0.040),
    "industrial_waste_generated": _amount("10,000 tonnes", 0.00012, 0.00013, 3),
    "wastewater_discharged": _amount("10,000 cubic metres", 0.0055, 0.0060, 2),
    "water_use": _amount("10,000 cubic metres", 0.055, 0.050), "water_resources": _amount(
        "10,000 cubic metres", 0.165, 0.160, 1, 0.25),
    "energy_total": _amount("tonnes of standard coal", 3.3, 3.6), "sown_area": _amount("hectares", 0.13, 0.12),
    "grain_area": _amount("hectares", 0.06, 0.055), "cultivated_area": _amount("hectares", 0.07, 0.068),
    "forest_area": _amount("hectares", 0.10, 0.10, 1, 0.5), "gdp": _amount(Y4, 9.4, 13.7),
    "gdp_constant": _amount(f"{Y4} (2015 prices)", 9.4, 12.9), "industry_va": _amount(Y4, 4.1, 5.3),
    "industry_output": _amount(Y4, 16.0, 20.0), "spend_total": _amount(Y4, 1.35, 1.95),
    "health_total": _amount(Y4, 0.28, 0.42), "health_spend_gov": _amount(Y4, 0.105, 0.150),
    "passengers": _amount("10,000 passengers", 0.018, 0.011), "freight": _amount("10,000 tonnes", 0.0045, 0.0055),
    "fdi": _amount("10,000 US dollars", 0.050, 0.062), "ghg_emissions": _amount(
        "10,000 tonnes CO2 equivalent", 0.00085, 0.00082, 2),
    "rural_income": _level("yuan", 25300, 37800, 0, 0.08), "average_wage": _level("yuan", 56000, 87000, 0, 0.08),
    "enrol_upper_male": _level("percent", 97.0, 98.3, 2, 0.01),
    "life_expectancy": _level("years", 80.3, 81.7, 2, 0.005),
    "schooling_years": _level("years", 10.1, 10.8, 2, 0.03),
}

P, H, T = "persons", "households", "tonnes"
DERIVED = {
    "poor_intl_persons": Derived(P, 0.0, 0.0), "low_income_persons": Derived(P, 2.1, 0.9),
    "medical_insured": Derived(P, 97.5, 98.6), "pension_insured": Derived(P, 88.0, 93.5),
    "land_cert_households": Derived(H, 35.0, 99.2), "disaster_deaths_missing": Derived(P, 0.5, 0.2),
    "disaster_loss": Derived(Y4, 0.12, 0.08, 1), "spend_essential": Derived(Y4, 36.5, 39.0, 1),
    "children_stunted": Derived(P, 1.3, 0.9), "children_overweight": Derived(P, 4.8, 5.6),
    "pregnant_anaemic": Derived(P, 14.0, 10.5), "ag_value_added": Derived(Y4, 5.2, 7.9, 1),
    "ag_certified_area": Derived("hectares", 18.0, 32.0, 1), "fertiliser_tonnes": Derived(T, 265, 215, 1),
    "grain_output": Derived(T, 6900, 7150, 1), "maternal_deaths": Derived(P, 9.0, 6.0),
    "births_in_hospital": Derived(P, 99.92, 99.98), "under5_deaths": Derived(P, 3.6, 2.6),
    "neonatal_deaths": Derived(P, 1.6, 1.1), "infant_deaths": Derived(P, 2.8, 2.0),
    "hiv_new": Derived(P, 6.5, 5.2), "tb_new": Derived(P, 52.0, 36.0), "malaria_cases": Derived(P, 0.012, 0.007),
    "hepb_new": Derived(P, 45.0, 30.0), "ncd_deaths_30_70": Derived(P, 330, 280), "suicides": Derived(P, 6.5, 5.4),
    "road_deaths": Derived(P, 12.0, 8.5), "women_modern_contraception": Derived(P, 86.0, 84.0),
    "births_15_19": Derived(P, 2.5, 2.0), "health_oop": Derived(Y4, 30.5, 27.0, 1),
    "poisoning_deaths": Derived(P, 1.2, 0.9), "smokers_surveyed": Derived(P, 24.5, 21.8),
    "children_vaccinated": Derived(P, 98.5, 99.2), "nurses": Derived(P, 2.6, 3.5), "physicians": Derived(P, 2.5, 3.3),
    "health_spend_mch": Derived(Y4, 4.50, 5.10, 1), "health_literate": Derived(P, 13.0, 26.5),
    "compulsory_completers": Derived(P, 99.5, 99.8), "kinder_final_year": Derived(P, 98.5, 99.6),
    "adults_training": Derived(P, 8.0, 12.0), "enrol_upper_female": Derived("percent", 1.01, 1.00, 2),
    "literate_15plus": Derived(P, 96.8, 97.9), "schools_internet": Derived("schools", 97.0, 100.0),
    "teachers_qualified": Derived(P, 99.1, 99.9), "upper_secondary_enrolled": Derived(P, 97.5, 98.8),
    "kinder_enrolled": Derived(P, 97.0, 98.5), "primary_pupils": Derived(P, 17.5, 16.0),
    "congress_women": Derived(P, 30.5, 35.2), "village_committee_women": Derived(P, 22.0, 28.0),
    "managers_women": Derived(P, 28.0, 31.5), "land_holders_women": Derived(P, 46.5, 47.5),
    "women_mobile": Derived(P, 88.0, 95.0), "births_male": Derived(P, 108.5, 106.0),
    "pop_tap_water": Derived(P, 98.2, 99.9), "households_sanitary_toilet": Derived(H, 96.5, 99.6),
    "wastewater_treated": Derived("10,000 cubic metres", 88.0, 95.5, 2),
    "sections_good": Derived("monitoring sections", 78.0, 96.0), "villages_sewage": Derived("villages", 55.0, 98.0),
    "households_electricity": Derived(H, 100.0, 100.0), "households_clean_fuel": Derived(H, 93.0, 98.5),
    "energy_nonfossil": Derived("tonnes of standard coal", 9.5, 16.5, 1),
    "renewable_capacity_kw": Derived("kilowatts", 45, 260, 1), "unemployed_registered": Derived(P, 2.1, 2.4),
    "youth_neet": Derived(P, 6.5, 5.5), "work_deaths": Derived(P, 4.2, 2.6),
    "tourism_value_added": Derived(Y4, 6.8, 8.9, 1), "atms": Derived("machines", 62, 55),
    "bank_branches": Derived("branches", 24, 22), "gdp_tertiary": Derived(Y4, 38.5, 45.8, 1),
    "manufacturing_va": Derived(Y4, 41.0, 39.5, 1, "gdp"), "manufacturing_employed": Derived(P, 38.0, 36.0),
    "small_industry_output": Derived(Y4, 32.0, 30.0, 1), "co2_emissions": Derived(T, 0.76, 0.52, 1, "gdp"),
    "rd_expenditure": Derived(Y4, 2.55, 3.10, 1), "researchers": Derived(P, 3900, 5200),
    "pop_4g": Derived(P, 88.0, 99.5), "hightech_va": Derived(Y4, 38.0, 55.0, 1),
    "invention_patents": Derived("patents", 10.5, 28.0), "compensation_employees": Derived(Y4, 44.0, 46.5, 1),
    "urban_income": Derived("yuan", 1.77, 1.71), "households_dilapidated": Derived(H, 0.8, 0.1),
    "heritage_spending": Derived(Y4, 12.0, 25.0, 1), "msw_treated": Derived(T, 99.0, 100.0, 1),
    "good_air_days": Derived("days", 72.0, 87.0), "park_green_area": Derived("square metres", 13.5, 15.2),
    "hazwaste_treated": Derived(T, 98.5, 99.9, 1), "msw_recycled": Derived(T, 25.0, 45.0, 1),
    "industrial_waste_used": Derived("10,000 tonnes", 92.0, 96.5, 3),
    "energy_industry": Derived("tonnes of standard coal", 0.58, 0.42, 1),
    "forest_stock": Derived("cubic metres", 48.0, 56.0), "biodiversity_spending": Derived(Y4, 1.2, 1.8, 1),
    "homicides": Derived(P, 0.9, 0.5), "residents_safe": Derived(P, 95.5, 98.2),
    "detainees_unsentenced": Derived(P, 35.0, 30.0), "residents_satisfied": Derived(P, 86.0, 92.0),
    "civil_servants_women": Derived(P, 27.0, 30.0), "births_registered": Derived(P, 99.5, 99.9),
    "criminal_cases": Derived("cases", 55.0, 28.0), "gov_revenue": Derived(Y4, 12.5, 11.8, 1),
    "tax_revenue": Derived(Y4, 75.0, 70.0, 1), "broadband_subscriptions": Derived("subscriptions", 32.0, 45.0),
    "internet_users": Derived(P, 68.0, 82.0), "exports": Derived(Y4, 28.0, 30.0, 1),
    "pop_warned": Derived(P, 85.0, 97.0),
}

_SMALL = 100.0  # expected county counts below this are drawn at random (Poisson), not rounded


@dataclass(frozen=True)
class Area:
    """The county or a township."""

    code: str
    name: str


AREAS = (Area(COUNTY_CODE, COUNTY_ZH), *(Area(t.code, t.name_zh) for t in TOWNSHIPS))
Series = dict[int, np.ndarray]  # year -> township values (TOWNSHIPS order)


def township_population(year: int) -> np.ndarray:
    """Residents per township: the census in 2015 and 2020, geometric interpolation between."""
    first = np.array([sum(t.census(2015)) for t in TOWNSHIPS], dtype=float)
    last = np.array([sum(t.census(2020)) for t in TOWNSHIPS], dtype=float)
    return np.round(first * (last / first) ** ((year - 2015) / 5))


def sample_values(seed: int = SEED, profile: Profile | None = None) -> dict[str, dict[int, list[float]]]:
    """``{item: {year: [county, township 1, ...]}}`` for every item the profile needs."""
    profile = profile or load_profile()
    ratios = {}
    for indicator in profile.statistical():
        spec = DERIVED.get(indicator.numerator)
        if spec and indicator.denominator and indicator.numerator not in ratios \
                and spec.of in ("", indicator.denominator):
            ratios[indicator.numerator] = (indicator.denominator, indicator.multiplier, indicator.formula)
    county: dict[str, dict[int, float]] = {"population": {}}
    towns: dict[str, Series] = {"population": {}}
    for year in YEARS:
        towns["population"][year] = township_population(year)
        county["population"][year] = float(towns["population"][year].sum())
    for item, spec in BASE.items():
        county[item], towns[item] = _base(item, spec, towns["population"], seed)
    missing = [item for item in profile.required_items() if item not in county and item not in DERIVED]
    if missing:
        raise KeyError(f"The sample workbook has no model for item(s) {', '.join(missing)}")
    for item, spec in DERIVED.items():
        if item not in ratios:
            raise KeyError(f"Item {item} is no numerator of a ratio in the profile")
        denominator, multiplier, formula = ratios[item]
        level = denominator in BASE and BASE[denominator].kind == "level"
        county[item], towns[item] = _derived(item, spec, county[denominator], towns[denominator], level,
                                             multiplier, formula, seed)
    return {item: {year: [county[item][year], *towns[item][year].tolist()] for year in YEARS}
            for item in profile.required_items()}


def item_units() -> dict[str, str]:
    """The unit of every modelled item."""
    units = {"population": "persons"}
    units.update({item: spec.unit for item, spec in BASE.items()})
    units.update({item: spec.unit for item, spec in DERIVED.items()})
    return units


def write_workbook(path: Path, seed: int = SEED) -> Path:
    """Write the sample workbook (sheets ``data`` and ``items``) to ``path``; byte-identical for a seed."""
    profile = load_profile()
    values = sample_values(seed, profile)
    units = item_units()
    book = Workbook()
    sheet = book.active
    sheet.title = DATA_SHEET
    sheet.append(HEADER)
    for item in profile.required_items():
        for column, area in enumerate(AREAS):
            for year in YEARS:
                sheet.append((item, area.code, area.name, year, values[item][year][column], units[item]))
    used_by: dict[str, list[str]] = {}
    for indicator in profile.statistical():
        for item in indicator.items:
            label = indicator.code + (f" ({indicator.series})" if indicator.series else "")
            used_by.setdefault(item, []).append(label)
    items = book.create_sheet(ITEMS_SHEET)
    items.append(("item", "unit", "used_by"))
    for item in profile.required_items():
        items.append((item, units[item], ", ".join(used_by[item])))
    for ws in (sheet, items):
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "A2"
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["C"].width = 14
    items.column_dimensions["A"].width = 28
    items.column_dimensions["B"].width = 36
    book.properties.creator = "SDG Monitor sample generator"
    return save_workbook(book, Path(path))


def _rng(seed: int, item: str) -> np.random.Generator:
    return np.random.default_rng([seed, zlib.crc32(item.encode("utf-8"))])


def _trend(v2015: float, v2020: float, year: int) -> float:
    return v2015 + (v2020 - v2015) * (year - YEARS[0]) / (YEARS[-1] - YEARS[0])


def _factors(rng: np.random.Generator, sigma: float) -> dict[int, np.ndarray]:
    """Per-year township factors: a lasting one per township times a small yearly wobble."""
    lasting = np.exp(rng.normal(0.0, sigma, len(TOWNSHIPS)))
    return {year: lasting * np.exp(rng.normal(0.0, sigma / 5, len(TOWNSHIPS))) for year in YEARS}


def _base(item: str, spec: Base, population: Series, seed: int) -> tuple[dict[int, float], Series]:
    factors = _factors(_rng(seed, item), spec.sigma)
    county, towns = {}, {}
    for year in YEARS:
        level = _trend(spec.v2015, spec.v2020, year)
        if spec.kind == "level":
            towns[year] = np.round(level * factors[year], spec.digits)
            county[year] = round(level, spec.digits)
        else:
            towns[year] = np.round(level * factors[year] * population[year], spec.digits)
            county[year] = round(float(towns[year].sum()), spec.digits)
    return county, towns


def _derived(item: str, spec: Derived, den_county: dict[int, float], den_towns: Series, level: bool,
             multiplier: float, formula: str, seed: int) -> tuple[dict[int, float], Series]:
    """Numerators giving the trajectory's value for the county, varying between townships."""
    rng = _rng(seed, item)
    factors = _factors(rng, 0.15)
    bounded = formula == "percentage"
    county, towns = {}, {}
    for year in YEARS:
        value = _trend(spec.v2015, spec.v2020, year)
        if bounded and value > 50:  # vary the shortfall, so no township passes 100 %
            shares = 100.0 - (100.0 - value) * factors[year]
        else:
            shares = value * factors[year]
        raw = shares * den_towns[year] / multiplier
        target = value * den_county[year] / multiplier
        if level:
            towns[year] = np.round(raw, spec.digits)
            county[year] = round(target, spec.digits)
            continue
        if spec.digits == 0 and target < _SMALL and not bounded:
            numbers = rng.poisson(raw).astype(float)
        else:
            scale = target / raw.sum() if raw.sum() > 0 else 0.0
            numbers = np.round(raw * scale, spec.digits)
            if bounded:
                numbers = np.minimum(numbers, den_towns[year])
        towns[year] = numbers
        county[year] = round(float(numbers.sum()), spec.digits)
    return county, towns

