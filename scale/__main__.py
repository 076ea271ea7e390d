"""Command line: ``python -m sdg_monitor.scale forest --landcover 'tiles/*.tif' --zones counties.gpkg ...``.

Runs in this process by default, on a local Dask cluster with ``--workers N``, or on a running cluster with
``--scheduler tcp://host:8786``. Writes a CSV and/or upserts the results store; prints the whole-area value.
"""
from __future__ import annotations

import argparse
import sys
from contextlib import ExitStack
from typing import Any, Sequence

from ..core.classes import parse_classes
from ..core.land_formulas import PGR_TOLERANCE
from ..core.store import StoreError, open_store
from ..translation import load_translator, tr
from . import ScaleError
from .backend import local_client
from .indicators import IndicatorTable, forest_area, land_consumption
from .tiles import WINDOW_PIXELS


def main(argv: Sequence[str] | None = None) -> int:
    translation = _install_translation()  # noqa: F841 (kept alive while the command runs)
    args = _parser().parse_args(argv)
    try:
        with ExitStack() as stack:
            table = _compute(args, _client(args, stack))
        if args.csv:
            table.zones.to_csv(args.csv, index=False, encoding="utf-8-sig")
        if args.results:
            open_store(args.results).upsert_results(table.store_rows(args.year, args.area_id, args.area_name,
                                                                       args.zone_level))
    except (ScaleError, StoreError, ValueError, OSError) as err:
        print(tr("error: {}").format(err), file=sys.stderr)
        return 1
    except Exception as err:  # the last net: a message, not a traceback
        print(tr("error: unexpected {}: {}; check the inputs it names, or report it with the command line").format(
            type(err).__name__, err), file=sys.stderr)
        return 1
    value = table.total["value"]
    print("\n" + tr("{} whole area: {} {} ({} zones, {} windows, {})").format(
        table.indicator, tr("no value") if value is None else f"{value:.4f}", table.unit, len(table.zones),
        table.parameters["WINDOWS"], table.parameters["BACKEND"]))
    return 0


def _compute(args: argparse.Namespace, client: Any) -> IndicatorTable:
    common = dict(zone_id=args.zone_id, zone_name=args.zone_name, band=args.band, zones_layer=args.layer,
                  client=client, window_pixels=args.window_pixels, progress=_progress)
    if args.indicator == "forest":
        return forest_area(args.landcover, args.zones, forest=parse_classes(args.forest),
                           water=parse_classes(args.water), **common)
    args.year = args.year or args.year_end
    return land_consumption(args.builtup_start, args.builtup_end, args.population_start, args.population_end,
                            args.zones, args.year_start, args.year_end, builtup=parse_classes(args.builtup),
                            tolerance=args.pgr_tolerance, **common)


def _parser() -> argparse.ArgumentParser:
    shared = argparse.ArgumentParser(add_help=False)
    shared.add_argument("--band", type=int, default=1, help=tr("band of the rasters"))
    shared.add_argument("--zones", required=True, help=tr("zones: any vector file GDAL reads"))
    shared.add_argument("--layer", default="", help=tr("layer of the zones file (default: the first)"))
    shared.add_argument("--zone-id", default="", help=tr("field with unique zone ids (default: the feature id)"))
    shared.add_argument("--zone-name", default="", help=tr("field with the zone names"))
    shared.add_argument("--zone-level", default="zone", help=tr("area level of the zones' store rows"))
    shared.add_argument("--year", type=int, default=0, help=tr("year of the store rows"))
    shared.add_argument("--area-id", default="total", help=tr("id of the whole area's store row"))
    shared.add_argument("--area-name", default="", help=tr("name of the whole area"))
    shared.add_argument("--csv", help=tr("write the zones' values to this CSV (UTF-8)"))
    shared.add_argument("--results", help=tr("upsert the rows into this results store (GeoPackage)"))
    shared.add_argument("--window-pixels", type=int, default=WINDOW_PIXELS, help=tr("pixels per task"))
    where = shared.add_mutually_exclusive_group()
    where.add_argument("--workers", type=int, default=0, help=tr("run on a local Dask cluster of N processes"))
    where.add_argument("--scheduler", help=tr("run on the Dask cluster at this address (tcp://host:8786)"))
    shared.add_argument("--upload", help=tr("send this zip of the plugin to the cluster's workers first "
                                            "(dist/sdg_monitor-<version>.zip from make package)"))
    parser = argparse.ArgumentParser(prog="python -m sdg_monitor.scale", description=tr(
        "SDG indicators over tiled rasters, in this process or on a Dask cluster."))
    commands = parser.add_subparsers(dest="indicator", required=True)
    forest = commands.add_parser("forest", parents=[shared],
                                 help=tr("SDG 15.1.1 forest area as a proportion of land area"))
    forest.add_argument("--landcover", nargs="+", required=True,
                        help=tr("land-cover tiles: paths or globs, or a VRT"))
    forest.add_argument("--forest", default="20", help=tr("forest classes (default 20, GlobeLand30)"))
    forest.add_argument("--water", default="60", help=tr("inland water classes (default 60)"))
    land = commands.add_parser("land-consumption", parents=[shared],
                               help=tr("SDG 11.3.1 land consumption rate to population growth rate"))
    for name in ("builtup-start", "builtup-end", "population-start", "population-end"):
        land.add_argument(f"--{name}", nargs="+", required=True, help=tr("tiles: paths or globs, or a VRT"))
    land.add_argument("--builtup", default="1", help=tr("built-up classes (default 1; GlobeLand30: 80)"))
    land.add_argument("--year-start", type=int, required=True, help=tr("start year (t1)"))
    land.add_argument("--year-end", type=int, required=True, help=tr("end year (t2)"))
    land.add_argument("--pgr-tolerance", type=float, default=PGR_TOLERANCE,
                      help=tr("PGR counted as zero up to (per year)"))
    return parser


def _client(args: argparse.Namespace, stack: ExitStack) -> Any:
    """A ``distributed.Client`` for ``--workers`` or ``--scheduler``; None to run in this process."""
    if not args.workers and not args.scheduler:
        return None
    try:
        from distributed import Client
    except ImportError as err:
        raise ScaleError(tr("Dask is not installed: pip install 'dask[distributed]', or run without --workers "
                            "and --scheduler.")) from err
    if args.scheduler:
        client = stack.enter_context(Client(args.scheduler))
    else:
        client = stack.enter_context(local_client(args.workers))
    if args.upload:
        client.upload_file(args.upload)
    return client


def _install_translation() -> tuple[Any, Any] | None:
    """The plugin's translation for the system locale (``LANG=zh_CN.UTF-8``: Chinese), where Qt is importable."""
    try:
        from qgis.PyQt.QtCore import QCoreApplication, QLocale
    except ImportError:
        return None
    application = QCoreApplication.instance() or QCoreApplication([])
    translator = load_translator(QLocale.system().name())
    if translator is not None:
        application.installTranslator(translator)
    return application, translator


def _progress(done: int, total: int) -> None:
    print("\r" + tr("{}/{} windows").format(done, total), end="", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
