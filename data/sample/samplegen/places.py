"""Points and areas of interest: health facilities, schools, parks and squares, protected areas and KBAs."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from osgeo import ogr

from . import noise
from .admin import Admin
from .network import TownGrid
from .spec import SEED, TOWNSHIPS
from .vector import polygon


@dataclass
class Place:
    """A feature with a geometry and attributes."""

    geom: ogr.Geometry
    attrs: dict[str, object] = field(default_factory=dict)


def point(p: np.ndarray) -> ogr.Geometry:
    geom = ogr.Geometry(ogr.wkbPoint)
    geom.AddPoint_2D(float(p[0]), float(p[1]))
    return geom


class _BlockPicker:
    """Hands out distinct town blocks around random points near the town centre."""

    def __init__(self, towns: list[TownGrid], reserved: dict[int, set[tuple[int, int]]]) -> None:
        self.towns = towns
        self.used = reserved
        self.rng = np.random.default_rng([SEED, 60])

    def take(self, t: int, spread: float) -> tuple[int, int] | None:
        """The free block nearest a random point within ``spread`` x the town radius of the centre."""
        town = self.towns[t]
        free = [b for b in town.blocks() if b not in self.used.setdefault(t, set())]
        if not free:
            return None
        r = spread * TOWNSHIPS[t].radius_2020 * np.sqrt(self.rng.uniform())
        ang = self.rng.uniform(0, 2 * np.pi)
        target = np.array([r * np.cos(ang), r * np.sin(ang)]) / town.spacing - 0.5
        dist = np.array([np.hypot(i - target[0], j - target[1]) for i, j in free])
        block = free[int(np.argmin(dist))]
        self.used[t].add(block)
        return block

    def centre(self, t: int, block: tuple[int, int]) -> np.ndarray:
        town = self.towns[t]
        return np.array(town.world((block[0] + 0.5) * town.spacing, (block[1] + 0.5) * town.spacing))


def open_spaces(towns: list[TownGrid]) -> tuple[list[Place], dict[int, set[tuple[int, int]]]]:
    """A central square per town and a few parks filling whole blocks; returns the blocks they use."""
    rng = np.random.default_rng([SEED, 61])
    used: dict[int, set[tuple[int, int]]] = {}
    out = []
    picker = _BlockPicker(towns, used)
    for t, town in enumerate(towns):
        spec = TOWNSHIPS[t]
        block = picker.take(t, 0.0)
        if block is None:
            continue
        out.append(Place(polygon(town.block_ring(*block, 25.0)), {
            "name_zh": f"{spec.short_zh}中心广场", "name_en": f"{spec.short_en} Central Square", "kind": "square"}))
        for k in range(1 + int(spec.radius_2020 // 700)):
            block = picker.take(t, 0.8)
            if block is None:
                break
            c = picker.centre(t, block)
            ring = noise.blob(tuple(c), town.spacing * rng.uniform(0.28, 0.36), rng, 0.2, 48)
            out.append(Place(polygon(ring), {"name_zh": f"{spec.short_zh}公园{k + 1}号",
                                             "name_en": f"{spec.short_en} Park {k + 1}", "kind": "park"}))
    return out, used


HOSPITALS = ((0, "德清县人民医院", "Deqing People's Hospital", 800), (0, "德清县中医院", "Deqing TCM Hospital", 400),
             (0, "德清县妇幼保健院", "Deqing Maternal and Child Health Hospital", 150),
             (6, "德清县第二人民医院", "Deqing Second People's Hospital", 350),
             (5, "德清县第三人民医院", "Deqing Third People's Hospital", 250))
HIGH_SCHOOLS = ((0, "德清县高级中学", "Deqing Senior High School"), (0, "德清县第一中学", "Deqing No. 1 High School"),
                (6, "德清县第二中学", "Deqing No. 2 High School"), (5, "德清县第三中学", "Deqing No. 3 High School"))


def facilities(admin: Admin, towns: list[TownGrid], used: dict[int, set[tuple[int, int]]]
               ) -> tuple[list[Place], list[Place]]:
    """Health facilities (hospital, health_centre, clinic) and schools (primary, middle, high)."""
    rng = np.random.default_rng([SEED, 62])
    picker = _BlockPicker(towns, used)
    health, schools = [], []

    def in_town(t: int, spread: float) -> np.ndarray:
        block = picker.take(t, spread)
        if block is None:
            return towns[t].centre + rng.uniform(-150, 150, 2)
        return picker.centre(t, block)

    for t, name_zh, name_en, beds in HOSPITALS:
        health.append(Place(point(in_town(t, 0.5)), {"name_zh": name_zh, "name_en": name_en, "type": "hospital",
                                                     "beds": beds}))
    for t, spec in enumerate(TOWNSHIPS):
        street = spec.name_zh.endswith("街道")
        for k in range(2 if t == 0 else 1):
            suffix_zh = "社区卫生服务中心" if street else "卫生院"
            suffix_en = "Community Health Service Centre" if street else "Health Centre"
            name_zh = f"{spec.short_zh}{'第二' if k else ''}{suffix_zh}"
            name_en = f"{spec.short_en} {'Second ' if k else ''}{suffix_en}"
            health.append(Place(point(in_town(t, 0.6)), {"name_zh": name_zh, "name_en": name_en,
                                                         "type": "health_centre", "beds": 30 if not street else 10}))
        n_primary = {0: 5, 6: 3, 5: 2}.get(t, 1)
        n_middle = {0: 3, 6: 2}.get(t, 1)
        for level, count, zh, en, pupils in (("primary", n_primary, "小学", "Primary School", (600, 1800)),
                                             ("middle", n_middle, "中学", "Middle School", (500, 1500))):
            for k in range(count):
                num_zh, num_en = ("", "") if count == 1 else (f"第{'一二三四五'[k]}", f" No. {k + 1}")
                name_zh = f"{spec.short_zh}{num_zh}{'实验' if level == 'primary' and k == 0 else ''}{zh}"
                name_en = f"{spec.short_en}{num_en} {en}"
                schools.append(Place(point(in_town(t, 0.8)), {"name_zh": name_zh, "name_en": name_en,
                                                              "level": level, "pupils": int(rng.integers(*pupils))}))
    for t, name_zh, name_en in HIGH_SCHOOLS:
        schools.append(Place(point(in_town(t, 0.7)), {"name_zh": name_zh, "name_en": name_en, "level": "high",
                                                      "pupils": int(rng.integers(1500, 3000))}))
    for v in admin.villages:
        offset = rng.uniform(-120.0, 120.0, 2)
        p = np.array([v.x, v.y]) + offset
        base_zh, base_en = v.name_zh.removesuffix("村").removesuffix("社区"), v.name_en.rsplit(" ", 1)[0]
        if v.urban:
            if rng.uniform() < 0.5:
                health.append(Place(point(p), {"name_zh": f"{base_zh}社区卫生服务站",
                                               "name_en": f"{base_en} Community Health Station",
                                               "type": "clinic", "beds": 0}))
        elif rng.uniform() < 0.75:
            health.append(Place(point(p), {"name_zh": f"{base_zh}村卫生室", "name_en": f"{base_en} Village Clinic",
                                           "type": "clinic", "beds": 0}))
        if not v.urban and rng.uniform() < 0.15:
            q = np.array([v.x, v.y]) - offset
            schools.append(Place(point(q), {"name_zh": f"{base_zh}小学", "name_en": f"{base_en} Primary School",
                                            "level": "primary", "pupils": int(rng.integers(120, 500))}))
    return health, schools


# name_zh, name_en, designation, IUCN category, year, centre (u, v), radius (m), aspect
PROTECTED = (
    ("莫干山国家级风景名胜区", "Moganshan National Scenic Area", "national scenic area", "V", 1994,
     (0.13, 0.66), 3600.0, 1.2),
    ("莫干山国家森林公园", "Moganshan National Forest Park", "national forest park", "V", 1996,
     (0.21, 0.74), 2900.0, 1.3),
    ("下渚湖国家湿地公园", "Xiazhu Lake National Wetland Park", "national wetland park", "IV", 2009,
     (0.575, 0.525), 2500.0, 1.2),
    ("对河口水源保护区", "Duihekou Water Source Protection Area", "drinking water source protection area", "VI", 2003,
     (0.21, 0.60), 1500.0, 1.5),
)
KBAS = (
    ("莫干山", "Moganshan", 31001, (0.08, 0.62), 4300.0, 1.1),
    ("下渚湖湿地", "Xiazhu Lake Wetlands", 31002, (0.59, 0.51), 2200.0, 1.3),
    ("舞阳丘陵", "Wuyang Hills", 31003, (0.26, 0.12), 1700.0, 1.4),
)


def protected_areas(admin: Admin) -> tuple[list[Place], list[Place]]:
    """Protected areas (two overlapping on Moganshan) and KBAs (covered fully, partly and not at all)."""
    rng = np.random.default_rng([SEED, 63])
    areas, kbas = [], []
    for name_zh, name_en, designation, iucn, year, (u, v), radius, aspect in PROTECTED:
        ring = noise.blob(tuple(admin.xy(u, v)), radius, rng, 0.3, 120, aspect, rng.uniform(0, np.pi))
        areas.append(Place(polygon(ring).Intersection(admin.county), {
            "name_zh": name_zh, "name_en": name_en, "designation": designation, "iucn_cat": iucn, "year": year}))
    for name_zh, name_en, site_id, (u, v), radius, aspect in KBAS:
        ring = noise.blob(tuple(admin.xy(u, v)), radius, rng, 0.3, 120, aspect, rng.uniform(0, np.pi))
        kbas.append(Place(polygon(ring).Intersection(admin.county),
                          {"name_zh": name_zh, "name_en": name_en, "site_id": site_id}))
    return areas, kbas
