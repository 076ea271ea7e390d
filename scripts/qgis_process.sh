#!/usr/bin/env bash
# Run qgis_process with SDG Monitor loaded from this checkout, in an isolated QGIS profile.
#   scripts/qgis_process.sh list
#   scripts/qgis_process.sh help sdg:forest_area_15_1_1
#   scripts/qgis_process.sh --json run sdg:forest_area_15_1_1 --LANDCOVER=lc.tif --OUTPUT=out.gpkg
# Debian's /usr/bin/qgis_process wrapper adds --noversioncheck, which QGIS 3.22 rejects: call the binary.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$root/.build"
mkdir -p "$build/plugins" "$build/xdg" "$build/qgis-config"
chmod 700 "$build/xdg"
ln -sfn "$root" "$build/plugins/sdg_monitor"
export QGIS_PLUGINPATH="$build/plugins"
export QGIS_CUSTOM_CONFIG_PATH="${SDG_QGIS_CONFIG:-$build/qgis-config}"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$build/xdg}"
bin=/usr/bin/qgis_process.bin
[[ -x $bin ]] || bin=$(command -v qgis_process)
# Enable the plugin once per profile (idempotent, quiet).
if ! grep -qs "sdg_monitor=true" "$QGIS_CUSTOM_CONFIG_PATH"/profiles/default/QGIS/QGIS3.ini; then
  "$bin" plugins enable sdg_monitor >/dev/null 2>&1 || true
fi
exec "$bin" "$@"
