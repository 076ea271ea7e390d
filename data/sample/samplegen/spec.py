"""Static description of the synthetic county: placement, townships, census totals and class codes."""
from __future__ import annotations

from dataclasses import dataclass

SEED = 330521
EPSG = 4549
CENTER = (500000.0, 3381085.0)  # 120.0 E, 30.55 N in EPSG:4549
HALF_AXES = (19500.0, 15300.0)  # ellipse the outline is drawn around (m)
AREA_M2 = 938.0e6
ORIGIN_STEP = 3000.0  # grid origins are multiples of this: the 10 m, 30 m, 100 m and 1 km grids align
COUNTY_CODE = "330521"
COUNTY_ZH = "德清县"
COUNTY_EN = "Deqing County"
CURRENT_DATE = "2024-01-01T00:00:00Z"
YEARS_WATER = tuple(range(2000, 2021))
YEARS_PM25 = tuple(range(2015, 2021))
PM25_MEAN = {2015: 44.0, 2016: 41.5, 2017: 39.0, 2018: 36.5, 2019: 33.5, 2020: 31.0}


@dataclass(frozen=True)
class Township:
    """One township: codes, names, relative position in the county (u west-east, v south-north) and sizes."""

    code: str
    name_zh: str
    name_en: str
    u: float
    v: float
    area_km2: float
    pop_2020: int
    growth: float  # population 2020 / 2015
    male_share: float
    radius_2015: float  # town core radius (m)
    radius_2020: float

    @property
    def short_zh(self) -> str:
        """Place name without the 街道 / 镇 suffix."""
        return self.name_zh.removesuffix("街道").removesuffix("镇")

    @property
    def short_en(self) -> str:
        """Place name without Subdistrict / Town."""
        return self.name_en.rsplit(" ", 1)[0]

    def census(self, year: int) -> tuple[int, int]:
        """Census population (male, female) in 2015 or 2020."""
        total = self.pop_2020 if year == 2020 else round(self.pop_2020 / self.growth)
        share = self.male_share if year == 2020 else self.male_share + 0.002
        male = round(total * share)
        return male, total - male


TOWNSHIPS = (
    Township("330521001", "武康街道", "Wukang Subdistrict", 0.38, 0.47, 70, 92000, 1.07, 0.512, 2550, 2900),
    Township("330521002", "舞阳街道", "Wuyang Subdistrict", 0.27, 0.28, 60, 34000, 1.05, 0.508, 1200, 1400),
    Township("330521003", "阜溪街道", "Fuxi Subdistrict", 0.30, 0.70, 60, 26000, 1.04, 0.506, 900, 1100),
    Township("330521004", "下渚湖街道", "Xiazhuhu Subdistrict", 0.52, 0.60, 75, 21000, 1.02, 0.505, 700, 850),
    Township("330521005", "康乾街道", "Kangqian Subdistrict", 0.45, 0.22, 45, 27000, 1.12, 0.516, 1250, 1600),
    Township("330521101", "乾元镇", "Qianyuan Town", 0.61, 0.38, 75, 41000, 1.03, 0.509, 1300, 1500),
    Township("330521102", "新市镇", "Xinshi Town", 0.89, 0.72, 90, 56000, 1.03, 0.507, 1600, 1900),
    Township("330521103", "洛舍镇", "Luoshe Town", 0.60, 0.84, 45, 15000, 0.99, 0.503, 600, 700),
    Township("330521104", "钟管镇", "Zhongguan Town", 0.73, 0.62, 75, 28000, 1.01, 0.506, 800, 950),
    Township("330521105", "禹越镇", "Yuyue Town", 0.82, 0.22, 45, 22000, 1.02, 0.505, 700, 850),
    Township("330521106", "新安镇", "Xin'an Town", 0.88, 0.44, 50, 27000, 1.01, 0.506, 800, 900),
    Township("330521107", "雷甸镇", "Leidian Town", 0.67, 0.14, 60, 27000, 1.04, 0.510, 800, 1000),
    Township("330521108", "莫干山镇", "Moganshan Town", 0.17, 0.50, 185, 14000, 0.97, 0.503, 450, 500),
)

# Village names: first syllable x second syllable, with pinyin (no second syllable starts with a vowel).
NAME_FIRST = (
    ("东", "Dong"), ("西", "Xi"), ("南", "Nan"), ("北", "Bei"), ("上", "Shang"), ("下", "Xia"), ("新", "Xin"),
    ("高", "Gao"), ("长", "Chang"), ("青", "Qing"), ("白", "Bai"), ("金", "Jin"), ("石", "Shi"), ("双", "Shuang"),
    ("三", "San"), ("五", "Wu"), ("沈", "Shen"), ("陈", "Chen"), ("杨", "Yang"), ("朱", "Zhu"), ("龙", "Long"),
    ("凤", "Feng"), ("桑", "Sang"), ("竹", "Zhu"),
)
NAME_SECOND = (
    ("桥", "qiao"), ("塘", "tang"), ("湾", "wan"), ("山", "shan"), ("港", "gang"), ("坞", "wu"), ("庄", "zhuang"),
    ("浜", "bang"), ("兜", "dou"), ("溪", "xi"), ("林", "lin"), ("河", "he"), ("墩", "dun"), ("阳", "yang"),
)

# GlobeLand30 classes used here, with display colours.
LANDCOVER_CLASSES = {
    10: ("cultivated land", (246, 226, 141)),
    20: ("forest", (31, 120, 50)),
    30: ("grassland", (163, 207, 96)),
    40: ("shrubland", (124, 163, 68)),
    50: ("wetland", (96, 186, 201)),
    60: ("water bodies", (36, 98, 201)),
    80: ("artificial surfaces", (214, 48, 39)),
    90: ("bare land", (196, 184, 170)),
}
CULTIVATED, FOREST, GRASS, SHRUB, WETLAND, WATER, ARTIFICIAL, BARE = 10, 20, 30, 40, 50, 60, 80, 90
