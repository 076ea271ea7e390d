<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>SdgMonitor</name>
    <message>
        <location filename="../ui/dock.py" line="14"/>
        <source>SDG Monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin.py" line="45"/>
        <source>Show the SDG Monitor dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin.py" line="54"/>
        <source>&amp;SDG Monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="113"/>
        <source>Indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="114"/>
        <source>Land and environment indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="115"/>
        <source>Population and access indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="116"/>
        <source>Statistical indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="117"/>
        <source>Progress and reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="130"/>
        <source>Zones for disaggregation (townships, villages)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="133"/>
        <source>Zone id field (default: feature id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="136"/>
        <source>Reference year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="139"/>
        <source>Results store (GeoPackage; created if missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="143"/>
        <source>Zone name field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="145"/>
        <source>Zone level written to the results store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="147"/>
        <source>Area id of the whole-area row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="149"/>
        <source>Area name of the whole-area row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="154"/>
        <source>Indicator by zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="156"/>
        <source>Indicator value for the whole area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="179"/>
        <source>Wrote {} row(s) to the results store {}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="180"/>
        <source>{} for the whole area: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="287"/>
        <source>no value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/forest_area.py" line="39"/>
        <source>Forest area as a proportion of land area (15.1.1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/forest_area.py" line="42"/>
        <source>&lt;p&gt;SDG indicator 15.1.1: forest area as a percentage of total land area, for the whole area and for each zone.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Method&lt;/b&gt; (UN SDG metadata 15.1.1, custodian FAO): value = forest area / land area × 100, where land area is the total area less inland water. Forest and water are the land-cover classes listed (defaults: GlobeLand30 20 = forest, 60 = water bodies); every other valid class is land. Nodata pixels count as neither.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Areas&lt;/b&gt; are true areas in km²: in a geographic CRS each pixel row gets its ellipsoidal area; in a projected CRS the pixel size in metres is used, so prefer an equal-area or local projection (such as CGCS2000 Gauss-Kruger). Zones in another CRS are reprojected to the raster's CRS; a pixel belongs to a zone when its centre lies inside it; zones should not overlap.&lt;/p&gt;&lt;p&gt;The raster is read in strips, so rasters of any size work; cancel stops the run and writes nothing. The whole-area value is the sum of forest over the sum of land of all zones (not a mean of the zone percentages).&lt;/p&gt;&lt;p&gt;Outputs: VALUE (percent) and OUTPUT, the zones with &lt;i&gt;value&lt;/i&gt;, &lt;i&gt;forest_km2&lt;/i&gt; and &lt;i&gt;land_km2&lt;/i&gt;. With a results store, one row per zone and one for the whole area are upserted.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/forest_area.py" line="61"/>
        <source>Land-cover raster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/forest_area.py" line="62"/>
        <source>Band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/forest_area.py" line="64"/>
        <source>Forest classes (e.g. 20 or 41,42,43 or 40-49)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/forest_area.py" line="66"/>
        <source>Inland water classes (excluded from land area)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/forest_area.py" line="77"/>
        <source>Classes {} are listed both as forest and as water; list each class once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/forest_area.py" line="108"/>
        <source>Parameter {}: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/forest_area.py" line="110"/>
        <source>Parameter {} lists no class; give at least one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/provider.py" line="25"/>
        <source>SDG Monitor: Sustainable Development Goal indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/raster_io.py" line="102"/>
        <source>Raster layer &apos;{}&apos; has no coordinate reference system: set one (Layer Properties &gt; Source) and run again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/raster_io.py" line="126"/>
        <source>Raster layer &apos;{}&apos; has no band {}: it has {} band(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/raster_io.py" line="131"/>
        <source>Raster layer &apos;{}&apos; band {} has a data type SDG Monitor cannot read (complex or unknown); convert it to integer or float first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/raster_io.py" line="141"/>
        <source>Could not read rows {}-{} of raster layer &apos;{}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zones.py" line="56"/>
        <source>Zones layer &apos;{}&apos; has no coordinate reference system: set one and run again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zones.py" line="61"/>
        <source>Zones layer &apos;{}&apos; has no field &apos;{}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zones.py" line="76"/>
        <source>Zones layer &apos;{}&apos;: zone id &apos;{}&apos; appears more than once in field &apos;{}&apos;; choose a field with unique values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zones.py" line="115"/>
        <source>Could not rasterize zones layer &apos;{}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/zones.py" line="147"/>
        <source>Cancelled: nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="17"/>
        <source>No results store is open yet. Run an indicator from the Processing toolbox (SDG Monitor group) with a results store (.gpkg), then open it here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
