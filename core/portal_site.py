"""The portal's static pages (index, a page per goal, a page per indicator) as HTML, in one language each.

Pages open from ``file://`` with no network: a page's data is a JavaScript object written into the page itself
(``window.SDG_PAGE``), the zones' shapes one shared script (``assets/zones.js``); browsers refuse ``fetch()`` of
local files. Every chart and map has a table with the same numbers (its text alternative).
"""
from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from typing import Mapping, Sequence

from . import vocabulary
from .portal_data import IndicatorMeta, breakdown, dashed
from .vocabulary import STATUS, STATUSES

#: The switch names each language in itself (an endonym is never translated).
ENDONYMS = {"en": "English", "zh": "中文"}
HTML_LANG = {"en": "en", "zh": "zh-Hans"}
#: Sequential classes of the maps (ColorBrewer YlGnBu, 5 classes; colour-blind safe) and "no value".
MAP_COLOURS = ("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494")
NO_VALUE_COLOUR = "#d9d9d9"
SCRIPTS = ("vendor/chart.js/chart.umd.min.js", "vendor/leaflet/leaflet.js")


@dataclass
class GoalSummary:
    """A goal's tile: names per language, colour, indicator count and counts by status."""

    number: int
    short: dict[str, str]
    title: dict[str, str]
    colour: str
    indicators: int = 0
    counts: dict[str, int] = field(default_factory=dict)


@dataclass
class IndicatorPage:
    """An indicator's page: its words, its series (id -> :func:`portal_data.series_payload`), the summary row."""

    meta: IndicatorMeta
    series: dict[str, dict]
    latest_value: float | None
    latest_year: int | None
    status: str


@dataclass
class Portal:
    """Everything the pages show; ``labels[lang]`` are the interface's words, ``languages[0]`` the main one."""

    title: dict[str, str]
    area_name: str
    languages: tuple[str, ...]
    labels: Mapping[str, Mapping[str, str]]
    headline: dict[str, int]
    goals: list[GoalSummary]
    groups: list[dict]
    indicators: list[IndicatorPage]
    zone_names: dict[str, str]
    has_zones: bool
    produced: str


def page_file(base: str, lang: str, languages: Sequence[str]) -> str:
    """``index.html`` in the main language, ``index.zh.html`` in the other."""
    return f"{base}.html" if lang == languages[0] else f"{base}.{lang}.html"


def text_colour(background: str) -> str:
    """Black or white text, whichever has the higher WCAG contrast on ``background`` (``#RRGGBB``)."""
    def channel(hex_pair: str) -> float:
        c = int(hex_pair, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(background.lstrip("#")[i:i + 2]) for i in (0, 2, 4))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "#000000" if (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) else "#ffffff"


def number(value: float | None) -> str:
    """A value as the tables show it: whole from 1000 up with separators, else four significant digits."""
    if value is None:
        return "–"
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.4g}"


def pages(portal: Portal) -> dict[str, str]:
    """Every page of the site: file name -> HTML."""
    out = {}
    for lang in portal.languages:
        page = _Page(portal, lang)
        out[page_file("index", lang, portal.languages)] = page.index()
        for goal in portal.goals:
            out[page_file(f"goal-{goal.number}", lang, portal.languages)] = page.goal(goal)
        for indicator in portal.indicators:
            out[page_file(f"indicator-{dashed(indicator.meta.code)}", lang, portal.languages)] = \
                page.indicator(indicator)
    return out


def zones_script(geojson: dict) -> str:
    """``assets/zones.js``: the zones (WGS 84 GeoJSON with ``id`` and ``name``) for every map."""
    return f"window.SDG_ZONES = {_json(geojson)};\n"


def _json(value) -> str:
    """JSON safe inside a ``<script>`` element."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def _e(text) -> str:
    return html.escape(str(text), quote=True)


class _Page:
    """The pages in one language."""

    def __init__(self, portal: Portal, lang: str):
        self.portal, self.lang, self.words = portal, lang, portal.labels[lang]
        self.goals = {goal.number: goal for goal in portal.goals}

    def w(self, key: str) -> str:
        return _e(self.words.get(key, key))

    def status_chip(self, code: str) -> str:
        """A status in its colours (``core.vocabulary``) and words."""
        entry = vocabulary.status(code)
        return (f'<span class="status" style="background:{entry.colour};color:{entry.text_colour}">'
                f'{self.w(entry.code)}</span>')

    def link(self, base: str) -> str:
        return page_file(base, self.lang, self.portal.languages)

    # --- frame -------------------------------------------------------------------------------------------
    def frame(self, base: str, title: str, body: str, data: dict | None = None, maps: bool = False) -> str:
        portal, lang = self.portal, self.lang
        switch = "".join(
            f'<a href="{page_file(base, other, portal.languages)}" lang="{HTML_LANG[other]}" '
            f'hreflang="{HTML_LANG[other]}">{ENDONYMS[other]}</a>' for other in portal.languages if other != lang)
        scripts = ""
        if data is not None:
            scripts += f"<script>window.SDG_PAGE = {_json(data)};</script>\n"
            if maps and portal.has_zones:
                scripts += '<script src="assets/zones.js"></script>\n'
            scripts += "".join(f'<script src="{src}"></script>\n' for src in SCRIPTS)
        scripts += '<script src="assets/portal.js"></script>\n'
        site = _e(portal.title[lang])
        return f"""<!DOCTYPE html>
<html lang="{HTML_LANG[lang]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)} · {site}</title>
<link rel="stylesheet" href="vendor/leaflet/leaflet.css">
<link rel="stylesheet" href="assets/portal.css">
</head>
<body>
<a class="skip" href="#main">{self.w("skip")}</a>
<header class="site"><a class="brand" href="{self.link("index")}">{site}</a>
<span class="area">{_e(portal.area_name)}</span>
<nav class="languages" aria-label="{self.w("language")}">{switch}</nav></header>
<main id="main" tabindex="-1">
{body}
</main>
<footer class="site"><p>{_e(self.words["produced"].format(date=portal.produced))}</p>
<p>{self.w("credits")}</p></footer>
{scripts}</body>
</html>
"""

    # --- index -------------------------------------------------------------------------------------------
    def index(self) -> str:
        portal, lang = self.portal, self.lang
        headline = "".join(
            f'<div class="figure"><dt>{self.w(key)}</dt><dd>{int(portal.headline.get(key, 0))}</dd></div>'
            for key in ("measured", "with_target", "met_or_nearly_met"))
        tiles = "".join(self.goal_tile(goal) for goal in portal.goals)
        legend = " ".join(self.status_chip(status) for status in STATUSES)
        groups = self.table(
            ["goal_group", "indicators", *STATUSES, "mean_score"],
            [[self.w(row["goal_group"]), row.get("indicators", 0),
              *[row.get(status, 0) for status in STATUSES], number(row.get("mean_score"))]
             for row in portal.groups], caption=self.w("groups"))
        summary = self.indicator_table(portal.indicators, sortable=True, caption=self.w("summary"))
        body = f"""<h1>{_e(portal.title[lang])}</h1>
<section aria-labelledby="h-headline"><h2 id="h-headline">{self.w("headline")}</h2>
<dl class="headline">{headline}</dl></section>
<section aria-labelledby="h-goals"><h2 id="h-goals">{self.w("goals")}</h2>
<p class="status-legend">{legend}</p><ul class="goals">{tiles}</ul></section>
<section aria-labelledby="h-groups"><h2 id="h-groups">{self.w("groups")}</h2>{groups}</section>
<section aria-labelledby="h-summary"><h2 id="h-summary">{self.w("summary")}</h2>
<p>{self.w("sort_hint")}</p>{summary}</section>"""
        return self.frame("index", portal.title[lang], body, data={"kind": "index"})

    def goal_tile(self, goal: GoalSummary) -> str:
        counts = [(status, goal.counts.get(status, 0)) for status in STATUSES]
        total = sum(n for _, n in counts) or 1
        bar = "".join(f'<span style="width:{100 * n / total:.1f}%;background:'
                      f'{STATUS[status].colour}"></span>' for status, n in counts if n)
        text = ", ".join(f"{self.words[status]}: {n}" for status, n in counts if n) or self.words["no_data"]
        fg = text_colour(goal.colour)
        return (f'<li class="goal"><a href="{self.link(f"goal-{goal.number}")}">'
                f'<span class="goal-head" style="background:{goal.colour};color:{fg}">'
                f'<span class="goal-number">{goal.number}</span> {_e(goal.short[self.lang])}</span>'
                f'<span class="goal-body"><span class="bar" aria-hidden="true">{bar}</span>'
                f'<span class="counts">{_e(self.words["n_indicators"].format(n=goal.indicators))}</span>'
                f'<span class="visually-hidden">{_e(text)}</span></span></a></li>')

    def indicator_table(self, indicators: Sequence[IndicatorPage], sortable: bool, caption: str) -> str:
        rows = []
        for page in indicators:
            meta = page.meta
            link = f'<a href="{self.link(f"indicator-{dashed(meta.code)}")}">{_e(meta.code)}</a>'
            target = "; ".join(number(t["value"]) + (f" ({t['year']})" if t.get("year") else "")
                               for t in meta.targets)
            rows.append([
                (link, _sort_code(meta.code)), meta.goal, _e(meta.name[self.lang]),
                (number(page.latest_value), page.latest_value if page.latest_value is not None else ""),
                _e(meta.unit), page.latest_year or "", _e(target),
                (self.status_chip(page.status), STATUSES.index(page.status)
                 if page.status in STATUSES else 99)])
        return self.table(["indicator", "goal", "name", "value", "unit", "year", "target", "status"], rows,
                          caption=caption, sortable=sortable)

    def table(self, keys: Sequence[str], rows: Sequence[Sequence], caption: str, sortable: bool = False) -> str:
        """A table in a focusable scroll box; a cell is text (escaped by the caller) or (html, sort key)."""
        head = "".join(
            '<th scope="col">'
            + (f'<button type="button" data-column="{i}">{self.w(key)}</button>' if sortable else self.w(key))
            + "</th>" for i, key in enumerate(keys))
        body = []
        for row in rows:
            cells = []
            for cell in row:
                shown, key = cell if isinstance(cell, tuple) else (cell, cell)
                cells.append(f'<td data-sort="{_e(key)}">{shown}</td>')
            body.append("<tr>" + "".join(cells) + "</tr>")
        kind = ' class="sortable"' if sortable else ""
        return (f'<div class="scroll" tabindex="0" role="group" aria-label="{caption}">'
                f'<table{kind}><caption>{caption}</caption><thead><tr>{head}</tr></thead>'
                f'<tbody>{"".join(body)}</tbody></table></div>')

    # --- goal --------------------------------------------------------------------------------------------
    def goal(self, goal: GoalSummary) -> str:
        mine = [page for page in self.portal.indicators if page.meta.goal == goal.number]
        fg = text_colour(goal.colour)
        title = self.words["goal_title"].format(n=goal.number, name=goal.short[self.lang])
        content = (self.indicator_table(mine, sortable=True, caption=self.w("indicators"))
                   if mine else f"<p>{self.w('no_indicators')}</p>")
        body = f"""<nav class="crumbs" aria-label="{self.w("breadcrumb")}"><a href="{self.link("index")}">{
            self.w("overview")}</a></nav>
<div class="goal-banner" style="background:{goal.colour};color:{fg}">
<h1>{_e(title)}</h1><p>{_e(goal.title[self.lang])}</p></div>
<section aria-labelledby="h-indicators"><h2 id="h-indicators">{self.w("indicators")}</h2>{content}</section>"""
        return self.frame(f"goal-{goal.number}", title, body, data={"kind": "goal"})

    # --- indicator ---------------------------------------------------------------------------------------
    def indicator(self, page: IndicatorPage) -> str:
        meta, lang, words = page.meta, self.lang, self.words
        goal = self.goals.get(meta.goal)
        name = meta.name[lang]
        facts = "".join(f"<div><dt>{self.w(key)}</dt><dd>{_e(value or '–')}</dd></div>" for key, value in (
            ("unit", meta.unit), ("method", meta.method), ("source", meta.source),
            ("target_code", meta.target)))
        goal_link = (f'<a href="{self.link(f"goal-{meta.goal}")}">'
                     f'{_e(words["goal_title"].format(n=meta.goal, name=goal.short[lang]))}</a>' if goal else "")
        sections = "".join(self.series_section(page, number_, series_id)
                           for number_, series_id in enumerate(page.series))
        csv = f"data/indicator_{dashed(meta.code)}.csv"
        body = f"""<nav class="crumbs" aria-label="{self.w("breadcrumb")}"><a href="{self.link("index")}">{
            self.w("overview")}</a> › {goal_link}</nav>
<h1><span class="code">{_e(meta.code)}</span> {_e(name)}</h1>
<dl class="facts">{facts}</dl>
<p><a class="download" href="{csv}" download>{self.w("download")}</a></p>
{sections}"""
        data = {"kind": "indicator", "code": meta.code, "name": name, "unit": meta.unit, "lang": lang,
                "series": page.series, "zoneNames": self.portal.zone_names, "mapColours": MAP_COLOURS,
                "noValueColour": NO_VALUE_COLOUR,
                "words": {key: words[key] for key in ("value", "target", "trajectory", "no_value", "year",
                                                      "zone", "whole_area", "all", "chart_alt", "map_alt")}}
        return self.frame(f"indicator-{dashed(meta.code)}", f"{meta.code} {name}", body, data=data, maps=True)

    def series_section(self, page: IndicatorPage, index: int, series_id: str) -> str:
        series = page.series[series_id]
        sid = f"s{index}"
        heading = (f"{self.words['series']}: {series_id}" if series_id else self.words["series_all"])
        options = "".join(f'<option value="{_e(b)}">{_e(_breakdown_label(b, self.words["all"]))}</option>'
                          for b in series["breakdowns"])
        selector = (f'<p><label for="{sid}-breakdown">{self.w("breakdown")}</label> '
                    f'<select id="{sid}-breakdown" class="breakdown">{options}</select></p>'
                    if len(series["breakdowns"]) > 1 else "")
        status = f'<p>{self.w("status")}: {self.status_chip(series["status"])}</p>'
        chart = (f'<figure class="chart"><div class="chart-box"><canvas id="{sid}-chart" role="img" '
                 f'aria-label="{_e(self.words["chart_alt"].format(name=page.meta.name[self.lang]))}">'
                 f'</canvas></div></figure>')
        table = (f'<div class="scroll" tabindex="0" role="group" aria-label="{self.w("table")}">'
                 f'<table class="values"><caption>{self.w("table")}</caption><thead><tr>'
                 f'<th scope="col">{self.w("year")}</th><th scope="col">{self.w("value")}</th>'
                 f'<th scope="col">{self.w("trajectory")}</th></tr></thead><tbody></tbody></table></div>')
        map_part = ""
        if self.portal.has_zones and any(series["zones"].values()):
            years = sorted({int(y) for by_year in series["zones"].values() for y in by_year})
            year_options = "".join(f'<option value="{y}"{" selected" if y == years[-1] else ""}>{y}</option>'
                                   for y in years)
            map_part = f"""<h3>{self.w("map")}</h3>
<p><label for="{sid}-year">{self.w("year")}</label> <select id="{sid}-year" class="year">{year_options}</select></p>
<div class="map" id="{sid}-map" role="group" aria-label="{_e(self.words["map_alt"].format(
                name=page.meta.name[self.lang]))}"></div>
<div class="legend" aria-hidden="true"></div>
<div class="scroll" tabindex="0" role="group" aria-label="{self.w("zone_table")}"><table class="zones">
<caption>{self.w("zone_table")}</caption><thead><tr><th scope="col">{self.w("zone")}</th>
<th scope="col">{self.w("value")}</th></tr></thead><tbody></tbody></table></div>"""
        return f"""<section class="series" data-series="{_e(series_id)}" data-id="{sid}"
 aria-labelledby="{sid}-h"><h2 id="{sid}-h">{_e(heading)}</h2>
{status}{selector}<h3>{self.w("chart")}</h3>{chart}{table}{map_part}</section>
"""


def _breakdown_label(text: str, all_label: str) -> str:
    return ", ".join(f"{k}: {v}" for k, v in breakdown(text).items()) or all_label


def _sort_code(code: str) -> str:
    """A sort key that puts 2.1.1 before 10.1.1 (numbers padded)."""
    return ".".join(part.zfill(3) if part.isdigit() else part for part in str(code).split("."))
