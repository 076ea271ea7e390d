<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>SdgMonitor</name>
    <message>
        <location filename="../ui/dock.py" line="49"/>
        <source>SDG Monitor</source>
        <translation>SDG 监测</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="69"/>
        <source>Show the SDG Monitor dashboard</source>
        <translation>显示 SDG 监测仪表板</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="78"/>
        <source>&amp;SDG Monitor</source>
        <translation>SDG 监测(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="92"/>
        <source>Indicators</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="219"/>
        <source>Land and environment indicators</source>
        <translation>土地与环境指标</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="220"/>
        <source>Population and access indicators</source>
        <translation>人口与可达性指标</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="222"/>
        <source>Statistical indicators</source>
        <translation>统计指标</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="223"/>
        <source>Progress and reports</source>
        <translation>进展与报告</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="328"/>
        <source>Zones for disaggregation (townships, villages)</source>
        <translation>分区统计单元（乡镇、村）</translation>
    </message>
    <message>
        <location filename="../processing/report_base.py" line="114"/>
        <source>Zone id field (default: feature id)</source>
        <translation>分区代码字段（默认：要素 ID）</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="334"/>
        <source>Reference year</source>
        <translation>参考年份</translation>
    </message>
    <message>
        <location filename="../processing/workbook_indicators.py" line="75"/>
        <source>Results store (GeoPackage; created if missing)</source>
        <translation>结果库（GeoPackage；不存在时自动创建）</translation>
    </message>
    <message>
        <location filename="../processing/workbook_template.py" line="65"/>
        <source>Zone name field</source>
        <translation>分区名称字段</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="339"/>
        <source>Zone level written to the results store</source>
        <translation>写入结果库的分区级别</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="341"/>
        <source>Area id of the whole-area row</source>
        <translation>全域记录的区域代码</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="343"/>
        <source>Area name of the whole-area row</source>
        <translation>全域记录的区域名称</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="346"/>
        <source>Indicator by zone</source>
        <translation>分区指标</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="348"/>
        <source>Indicator value for the whole area</source>
        <translation>全域指标值</translation>
    </message>
    <message>
        <location filename="../processing/store_access.py" line="138"/>
        <source>Wrote {} row(s) to the results store {}.</source>
        <translation>已向结果库 {1} 写入 {0} 行。</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="373"/>
        <source>{} for the whole area: {}</source>
        <translation>{} 全域值：{}</translation>
    </message>
    <message>
        <location filename="../scale/__main__.py" line="42"/>
        <source>no value</source>
        <translation>无值</translation>
    </message>
    <message>
        <location filename="../processing/forest_area.py" line="35"/>
        <source>Forest area as a proportion of land area (15.1.1)</source>
        <translation>森林面积占陆地面积的比例（15.1.1）</translation>
    </message>
    <message>
        <location filename="../processing/mountain_green_cover.py" line="134"/>
        <source>Land-cover raster</source>
        <translation>土地覆盖栅格</translation>
    </message>
    <message>
        <location filename="../processing/forest_area.py" line="57"/>
        <source>Band</source>
        <translation>波段</translation>
    </message>
    <message>
        <location filename="../processing/forest_area.py" line="59"/>
        <source>Forest classes (e.g. 20 or 41,42,43 or 40-49)</source>
        <translation>森林类别（如 20、41,42,43 或 40-49）</translation>
    </message>
    <message>
        <location filename="../processing/forest_area.py" line="61"/>
        <source>Inland water classes (excluded from land area)</source>
        <translation>内陆水域类别（不计入陆地面积）</translation>
    </message>
    <message>
        <location filename="../translation.py" line="69"/>
        <source>Classes {} are listed both as forest and as water; list each class once.</source>
        <translation>类别 {} 同时被列为森林和水域；每个类别只能列出一次。</translation>
    </message>
    <message>
        <location filename="../processing/soil_carbon.py" line="191"/>
        <source>Parameter {}: {}</source>
        <translation>参数 {}：{}</translation>
    </message>
    <message>
        <location filename="../translation.py" line="68"/>
        <source>Parameter {} lists no class; give at least one.</source>
        <translation>参数 {} 未列出任何类别；请至少提供一个。</translation>
    </message>
    <message>
        <location filename="../processing/provider.py" line="79"/>
        <source>SDG Monitor: Sustainable Development Goal indicators</source>
        <translation>SDG 监测：可持续发展目标指标</translation>
    </message>
    <message>
        <location filename="../processing/raster_io.py" line="168"/>
        <source>Raster layer &apos;{}&apos; has no coordinate reference system: set one (Layer Properties &gt; Source) and run again.</source>
        <translation>栅格图层“{}”没有坐标参考系：请先设置（图层属性 &gt; 源）后再运行。</translation>
    </message>
    <message>
        <location filename="../processing/raster_io.py" line="227"/>
        <source>Raster layer &apos;{}&apos; has no band {}: it has {} band(s).</source>
        <translation>栅格图层“{}”没有第 {} 波段：它只有 {} 个波段。</translation>
    </message>
    <message>
        <location filename="../processing/raster_io.py" line="232"/>
        <source>Raster layer &apos;{}&apos; band {} has a data type SDG Monitor cannot read (complex or unknown); convert it to integer or float first.</source>
        <translation>栅格图层“{}”第 {} 波段的数据类型 SDG 监测无法读取（复数或未知类型）；请先将其转换为整型或浮点型。</translation>
    </message>
    <message>
        <location filename="../processing/raster_io.py" line="277"/>
        <source>Could not read rows {}-{} of raster layer &apos;{}&apos;.</source>
        <translation>无法读取栅格图层“{2}”的第 {0}-{1} 行。</translation>
    </message>
    <message>
        <location filename="../processing/zones.py" line="63"/>
        <source>Zones layer &apos;{}&apos; has no coordinate reference system: set one and run again.</source>
        <translation>分区图层“{}”没有坐标参考系：请先设置后再运行。</translation>
    </message>
    <message>
        <location filename="../processing/zones.py" line="69"/>
        <source>Zones layer &apos;{}&apos; has no field &apos;{}&apos;.</source>
        <translation>分区图层“{}”没有字段“{}”。</translation>
    </message>
    <message>
        <location filename="../processing/zones.py" line="181"/>
        <source>Could not rasterize zones layer &apos;{}&apos;.</source>
        <translation>无法栅格化分区图层“{}”。</translation>
    </message>
    <message>
        <location filename="../processing/feedback.py" line="12"/>
        <source>Cancelled: nothing was written.</source>
        <translation>已取消：未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../processing/access.py" line="115"/>
        <source>Network layer &apos;{}&apos; has no coordinate reference system: set one and run again.</source>
        <translation>路网图层“{}”没有坐标参考系：请先设置后再运行。</translation>
    </message>
    <message>
        <location filename="../processing/access.py" line="131"/>
        <source>Network layer &apos;{}&apos; has no line to walk along: give a line layer with features.</source>
        <translation>路网图层“{}”没有可供步行的线：请提供含有要素的线图层。</translation>
    </message>
    <message>
        <location filename="../processing/access.py" line="432"/>
        <source>Population raster (people per cell)</source>
        <translation>人口栅格（每像元人数）</translation>
    </message>
    <message>
        <location filename="../processing/access.py" line="435"/>
        <source>Female population raster (for the breakdown by sex)</source>
        <translation>女性人口栅格（用于按性别分列）</translation>
    </message>
    <message>
        <location filename="../processing/access.py" line="437"/>
        <source>Male population raster (for the breakdown by sex)</source>
        <translation>男性人口栅格（用于按性别分列）</translation>
    </message>
    <message>
        <location filename="../processing/access.py" line="449"/>
        <source>Street network (lines; without it, straight-line distance)</source>
        <translation>街道路网（线；不提供时使用直线距离）</translation>
    </message>
    <message>
        <location filename="../processing/access.py" line="452"/>
        <source>Walk-off distance from the network to a home (m)</source>
        <translation>从路网到住所的离网步行距离（m）</translation>
    </message>
    <message>
        <location filename="../processing/access.py" line="475"/>
        <source>Give a population raster (POPULATION).</source>
        <translation>请提供人口栅格（POPULATION）。</translation>
    </message>
    <message>
        <location filename="../processing/access.py" line="501"/>
        <source>Building the network graph…</source>
        <translation>正在构建路网图…</translation>
    </message>
    <message>
        <location filename="../processing/access.py" line="520"/>
        <source>The walk-off distance ({:.0f} m) is under half the population cell&apos;s diagonal ({:.0f} m): cells whose centre is farther than that from every street are never served. Use a finer population grid or a larger WALK_OFF.</source>
        <translation>离网步行距离（{:.0f} m）小于人口像元对角线长度的一半（{:.0f} m）：中心到所有街道的距离都超过该值的像元永远不会被覆盖。请使用更细的人口格网或更大的 WALK_OFF。</translation>
    </message>
    <message>
        <location filename="../processing/land_areas.py" line="127"/>
        <source>Layer &apos;{}&apos; has no coordinate reference system: set one and run again.</source>
        <translation>图层“{}”没有坐标参考系：请先设置后再运行。</translation>
    </message>
    <message>
        <location filename="../processing/access.py" line="558"/>
        <source>Layer &apos;{}&apos; has no field &apos;{}&apos;.</source>
        <translation>图层“{}”没有字段“{}”。</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="112"/>
        <source>Indicator code &apos;{}&apos; names no SDG goal: use a global code (e.g. 3.2.1) or a local code that starts with its goal number (e.g. L10.1).</source>
        <translation>指标代码“{}”不对应任何可持续发展目标：请使用全球指标代码（如 3.2.1）或以目标编号开头的地方指标代码（如 L10.1）。</translation>
    </message>
    <message>
        <location filename="../processing/assess_progress.py" line="56"/>
        <source>Assess progress against targets</source>
        <translation>评估目标值实现进展</translation>
    </message>
    <message>
        <location filename="../processing/assess_progress.py" line="96"/>
        <source>Indicator values (indicator, year, value; default: the results store)</source>
        <translation>指标值（indicator、year、value；默认：结果库）</translation>
    </message>
    <message>
        <location filename="../processing/assess_progress.py" line="99"/>
        <source>Targets table (overrides the store&apos;s targets)</source>
        <translation>目标值表（覆盖结果库中的目标值）</translation>
    </message>
    <message>
        <location filename="../processing/report_base.py" line="120"/>
        <source>Results store (GeoPackage)</source>
        <translation>结果库（GeoPackage）</translation>
    </message>
    <message>
        <location filename="../processing/assess_progress.py" line="103"/>
        <source>Indicator profile with default targets (default: the shipped Deqing profile)</source>
        <translation>含默认目标值的指标体系（默认：随插件提供的德清县指标体系）</translation>
    </message>
    <message>
        <location filename="../processing/report_base.py" line="45"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="101"/>
        <source>Open SDG (Statistics Canada)</source>
        <translation>Open SDG（加拿大统计局）</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="101"/>
        <source>UN Statistics Division Progress Chart</source>
        <translation>联合国统计司进展图（Progress Chart）</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="101"/>
        <source>ESCAP current status index</source>
        <translation>亚太经社会（ESCAP）现状指数</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="101"/>
        <source>SDSN normalised score</source>
        <translation>SDSN 标准化得分</translation>
    </message>
    <message>
        <location filename="../processing/assess_progress.py" line="107"/>
        <source>Area of the headline outputs (default: &apos;total&apos;, else the first area)</source>
        <translation>总体情况输出所对应的区域（默认：“total”，否则为第一个区域）</translation>
    </message>
    <message>
        <location filename="../processing/assess_progress.py" line="110"/>
        <source>Progress</source>
        <translation>进展</translation>
    </message>
    <message>
        <location filename="../processing/report_pdf.py" line="31"/>
        <source>Indicators measured</source>
        <translation>已监测指标数</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="140"/>
        <source>Indicators with a target</source>
        <translation>设有目标值的指标数</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="140"/>
        <source>Indicators with a target met or nearly met</source>
        <translation>已实现或基本实现目标值的指标数</translation>
    </message>
    <message>
        <location filename="../processing/assess_progress.py" line="127"/>
        <source>Cannot assess progress: {}</source>
        <translation>无法评估进展：{}</translation>
    </message>
    <message>
        <location filename="../processing/assess_progress.py" line="136"/>
        <source>Assessed {} indicator series in {} area(s).</source>
        <translation>已评估 {1} 个区域中的 {0} 个指标系列。</translation>
    </message>
    <message>
        <location filename="../processing/assess_progress.py" line="141"/>
        <source>Wrote the progress and its roll-ups to {}.</source>
        <translation>已将进展及其汇总写入 {}。</translation>
    </message>
    <message>
        <location filename="../processing/assess_progress.py" line="143"/>
        <source>Measured: {MEASURED}; with a target: {WITH_TARGET}; met or nearly met: {MET_OR_NEARLY_MET}</source>
        <translation>已监测：{MEASURED}；设有目标值：{WITH_TARGET}；已实现或基本实现：{MET_OR_NEARLY_MET}</translation>
    </message>
    <message>
        <location filename="../processing/assess_progress.py" line="156"/>
        <source>Give an input table of indicator values or a results store.</source>
        <translation>请提供指标值输入表或结果库。</translation>
    </message>
    <message>
        <location filename="../processing/assess_progress.py" line="120"/>
        <source>There are no indicator values to assess.</source>
        <translation>没有可供评估的指标值。</translation>
    </message>
    <message>
        <location filename="../processing/assess_progress.py" line="198"/>
        <source>Area &apos;{}&apos; has no assessed indicator.</source>
        <translation>区域“{}”没有已评估的指标。</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="221"/>
        <source>Population</source>
        <translation>人口</translation>
    </message>
    <message>
        <location filename="../processing/dasymetric_population.py" line="104"/>
        <source>Dasymetric population grid</source>
        <translation>人口空间化格网（分区密度制图）</translation>
    </message>
    <message>
        <location filename="../processing/dasymetric_population.py" line="139"/>
        <source>Zones with population totals (census townships, villages)</source>
        <translation>含人口总数的分区（普查乡镇、村）</translation>
    </message>
    <message>
        <location filename="../processing/dasymetric_population.py" line="142"/>
        <source>Total fields (one output raster each, e.g. pop_2020_m, pop_2020_f)</source>
        <translation>总数字段（每个字段输出一个栅格，如 pop_2020_m、pop_2020_f）</translation>
    </message>
    <message>
        <location filename="../processing/dasymetric_population.py" line="145"/>
        <source>Zone id field (names zones in messages; default: feature id)</source>
        <translation>分区代码字段（用于在消息中指明分区；默认：要素 ID）</translation>
    </message>
    <message>
        <location filename="../processing/mountain_green_cover.py" line="135"/>
        <source>Land-cover band</source>
        <translation>土地覆盖波段</translation>
    </message>
    <message>
        <location filename="../processing/dasymetric_population.py" line="153"/>
        <source>Land-cover class weights (class:weight, e.g. 80:1,10:0.05,20:0.01)</source>
        <translation>土地覆盖类别权重（类别:权重，如 80:1,10:0.05,20:0.01）</translation>
    </message>
    <message>
        <location filename="../processing/dasymetric_population.py" line="156"/>
        <source>Buildings (polygons)</source>
        <translation>建筑（多边形）</translation>
    </message>
    <message>
        <location filename="../processing/dasymetric_population.py" line="158"/>
        <source>Number of floors field (default: 1 floor)</source>
        <translation>层数字段（默认：1 层）</translation>
    </message>
    <message>
        <location filename="../processing/dasymetric_population.py" line="161"/>
        <source>Cell size (metres)</source>
        <translation>像元大小（米）</translation>
    </message>
    <message>
        <location filename="../processing/dasymetric_population.py" line="164"/>
        <source>Reference raster for the output grid (overrides cell size)</source>
        <translation>输出格网的参考栅格（优先于像元大小）</translation>
    </message>
    <message>
        <location filename="../processing/dasymetric_population.py" line="169"/>
        <source>Output folder (one GeoTIFF per total field)</source>
        <translation>输出文件夹（每个总数字段一个 GeoTIFF）</translation>
    </message>
    <message>
        <location filename="../processing/dasymetric_population.py" line="171"/>
        <source>Population rasters</source>
        <translation>人口栅格</translation>
    </message>
    <message>
        <location filename="../processing/dasymetric_population.py" line="181"/>
        <source>Choose at least one total field of the zones layer (TOTAL_FIELDS).</source>
        <translation>请至少选择分区图层的一个总数字段（TOTAL_FIELDS）。</translation>
    </message>
    <message>
        <location filename="../processing/dasymetric_population.py" line="186"/>
        <source>Give a land-cover raster (LANDCOVER), buildings (BUILDINGS) or both to weight the cells.</source>
        <translation>请提供土地覆盖栅格（LANDCOVER）、建筑（BUILDINGS）或两者，用于为像元加权。</translation>
    </message>
    <message>
        <location filename="../processing/dasymetric_population.py" line="189"/>
        <source>Output grid: {} × {} cells of {:.6g} × {:.6g} ({}).</source>
        <translation>输出格网：{} × {} 个像元，像元大小 {:.6g} × {:.6g}（{}）。</translation>
    </message>
    <message>
        <location filename="../processing/dasymetric_population.py" line="223"/>
        <source>Parameter CLASS_WEIGHTS: {}</source>
        <translation>参数 CLASS_WEIGHTS：{}</translation>
    </message>
    <message>
        <location filename="../processing/dasymetric_population.py" line="225"/>
        <source>Parameter CLASS_WEIGHTS gives no class a weight above 0; give the inhabited classes a weight, e.g. 80:1.</source>
        <translation>参数 CLASS_WEIGHTS 没有为任何类别赋予大于 0 的权重；请为有人居住的类别赋予权重，如 80:1。</translation>
    </message>
    <message>
        <location filename="../processing/dasymetric_population.py" line="241"/>
        <source>Zones layer &apos;{}&apos; has no geometry.</source>
        <translation>分区图层“{}”没有几何。</translation>
    </message>
    <message>
        <location filename="../processing/dasymetric_population.py" line="259"/>
        <source>Buildings layer has no coordinate reference system: set one and run again.</source>
        <translation>建筑图层没有坐标参考系：请先设置后再运行。</translation>
    </message>
    <message>
        <location filename="../processing/dasymetric_population.py" line="288"/>
        <source>{} building(s) without a valid number of floors or geometry were left out.</source>
        <translation>已剔除 {} 栋层数或几何无效的建筑。</translation>
    </message>
    <message>
        <location filename="../processing/dasymetric_population.py" line="293"/>
        <source>Building floor area on the grid: {:.6g} m².</source>
        <translation>格网上的建筑面积：{:.6g} m²。</translation>
    </message>
    <message>
        <location filename="../processing/dasymetric_population.py" line="305"/>
        <source>Zone &apos;{}&apos; holds no cell centre of the output grid: its totals ({}) are not in the output; use a smaller CELL_SIZE.</source>
        <translation>分区“{}”不包含输出格网的任何像元中心：其总数（{}）未计入输出；请使用更小的 CELL_SIZE。</translation>
    </message>
    <message>
        <location filename="../processing/dasymetric_population.py" line="309"/>
        <source>Zone &apos;{}&apos; has no weighted cell: its totals are spread uniformly over its {} cell(s).</source>
        <translation>分区“{}”没有带权重的像元：其总数均匀分配到它的 {} 个像元上。</translation>
    </message>
    <message>
        <location filename="../processing/dasymetric_population.py" line="313"/>
        <source>Zone &apos;{}&apos; has no {}: its totals are spread by {}.</source>
        <translation>分区“{}”没有{}：其总数按{}分配。</translation>
    </message>
    <message>
        <location filename="../processing/dasymetric_population.py" line="330"/>
        <source>Could not create the raster {}.</source>
        <translation>无法创建栅格 {}。</translation>
    </message>
    <message>
        <location filename="../processing/dasymetric_population.py" line="356"/>
        <source>{}: {:.8g} on the grid.</source>
        <translation>{}：格网上合计 {:.8g}。</translation>
    </message>
    <message>
        <location filename="../processing/dasymetric_population.py" line="413"/>
        <source>building floor area on weighted land cover</source>
        <translation>加权土地覆盖上的建筑面积</translation>
    </message>
    <message>
        <location filename="../processing/dasymetric_population.py" line="413"/>
        <source>building floor area</source>
        <translation>建筑面积</translation>
    </message>
    <message>
        <location filename="../processing/dasymetric_population.py" line="416"/>
        <source>land-cover weights</source>
        <translation>土地覆盖权重</translation>
    </message>
    <message>
        <location filename="../processing/dasymetric_population.py" line="417"/>
        <source>a uniform spread</source>
        <translation>均匀分配</translation>
    </message>
    <message>
        <location filename="../processing/dasymetric_population.py" line="509"/>
        <source>Zone &apos;{}&apos; of layer &apos;{}&apos; has no valid total in field &apos;{}&apos; ({}): fill in a number &gt;= 0 (0 if nobody lives there) and run again.</source>
        <translation>图层“{1}”的分区“{0}”在字段“{2}”中没有有效的总数（{3}）：请填入 &gt;= 0 的数值（无人居住填 0）后再运行。</translation>
    </message>
    <message>
        <location filename="../processing/report_pdf.py" line="104"/>
        <source>SDG progress report</source>
        <translation>可持续发展目标进展报告</translation>
    </message>
    <message>
        <location filename="../processing/report_base.py" line="33"/>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../processing/report_base.py" line="34"/>
        <source>Headline</source>
        <translation>总体情况</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="91"/>
        <source>Goals</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../processing/report_base.py" line="34"/>
        <source>Goal groups</source>
        <translation>目标组</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="135"/>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../processing/report_base.py" line="35"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../processing/report_base.py" line="35"/>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../ui/shared_store.py" line="80"/>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../ui/indicator_table.py" line="47"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../processing/report_base.py" line="36"/>
        <source>Series</source>
        <translation>系列</translation>
    </message>
    <message>
        <location filename="../processing/report_base.py" line="37"/>
        <source>Area id</source>
        <translation>区域代码</translation>
    </message>
    <message>
        <location filename="../processing/report_base.py" line="37"/>
        <source>Area name</source>
        <translation>区域名称</translation>
    </message>
    <message>
        <location filename="../processing/report_base.py" line="37"/>
        <source>Area level</source>
        <translation>区域级别</translation>
    </message>
    <message>
        <location filename="../ui/indicator_table.py" line="47"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../ui/charts.py" line="99"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../ui/indicator_table.py" line="47"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../ui/indicator_table.py" line="47"/>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <location filename="../processing/report_base.py" line="39"/>
        <source>Target year</source>
        <translation>目标年份</translation>
    </message>
    <message>
        <location filename="../ui/indicator_table.py" line="48"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/indicator_table.py" line="48"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../processing/report_base.py" line="40"/>
        <source>Measured</source>
        <translation>已监测</translation>
    </message>
    <message>
        <location filename="../processing/report_pdf.py" line="31"/>
        <source>With a target</source>
        <translation>设有目标值</translation>
    </message>
    <message>
        <location filename="../processing/report_pdf.py" line="32"/>
        <source>Met or nearly met</source>
        <translation>已实现或基本实现</translation>
    </message>
    <message>
        <location filename="../processing/report_base.py" line="42"/>
        <source>Mean score</source>
        <translation>平均得分</translation>
    </message>
    <message>
        <location filename="../processing/report_base.py" line="42"/>
        <source>Goal group</source>
        <translation>目标组</translation>
    </message>
    <message>
        <location filename="../processing/report_base.py" line="43"/>
        <source>Increase</source>
        <translation>增加</translation>
    </message>
    <message>
        <location filename="../processing/report_base.py" line="43"/>
        <source>Decrease</source>
        <translation>减少</translation>
    </message>
    <message>
        <location filename="../processing/report_base.py" line="44"/>
        <source>Disaggregation</source>
        <translation>分列</translation>
    </message>
    <message>
        <location filename="../processing/report_base.py" line="44"/>
        <source>Numerator</source>
        <translation>分子</translation>
    </message>
    <message>
        <location filename="../processing/report_base.py" line="45"/>
        <source>Denominator</source>
        <translation>分母</translation>
    </message>
    <message>
        <location filename="../processing/report_base.py" line="45"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../processing/report_base.py" line="46"/>
        <source>Computed at</source>
        <translation>计算时间</translation>
    </message>
    <message>
        <location filename="../processing/export_report.py" line="24"/>
        <source>Export report (Excel, CSV)</source>
        <translation>导出报告（Excel、CSV）</translation>
    </message>
    <message>
        <location filename="../processing/export_report.py" line="27"/>
        <source>&lt;p&gt;Writes an Excel workbook from a results store: an overview (the headline per area: indicators measured, with a target, met or nearly met; progress per goal and per goal group with status colours), one sheet per goal, one per area, and all data rows. Numbers are written as numbers with their unit beside them; text can never become a formula. Run &lt;i&gt;sdg:assess_progress&lt;/i&gt; first for statuses and scores.&lt;/p&gt;&lt;p&gt;Optionally a CSV (UTF-8) of the latest value per indicator and area. Language: QGIS&apos;s, English, Chinese or both side by side.&lt;/p&gt;</source>
        <translation>&lt;p&gt;根据结果库生成 Excel 工作簿：概览（每个区域的总体情况：已监测的指标、设有目标值的指标、已实现或基本实现的指标；各目标和各目标组的进展，并以颜色标示状态）、每个目标一个工作表、每个区域一个工作表，以及全部数据行。数值以数字形式写入，单位列于其旁；文本永远不会变成公式。如需状态和得分，请先运行 &lt;i&gt;sdg:assess_progress&lt;/i&gt;。&lt;/p&gt;&lt;p&gt;可选输出每个指标和区域最新值的 CSV（UTF-8）。语言：QGIS 界面语言、英文、中文或中英文对照。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/report_base.py" line="121"/>
        <source>Progress method to report</source>
        <translation>报告所用的进展评估方法</translation>
    </message>
    <message>
        <location filename="../processing/report_base.py" line="122"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../processing/report_base.py" line="122"/>
        <source>QGIS&apos;s language</source>
        <translation>QGIS 界面语言</translation>
    </message>
    <message>
        <location filename="../processing/report_base.py" line="122"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../processing/report_base.py" line="122"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../processing/report_base.py" line="122"/>
        <source>English and Chinese</source>
        <translation>中英文对照</translation>
    </message>
    <message>
        <location filename="../processing/export_report.py" line="37"/>
        <source>Excel report</source>
        <translation>Excel 报告</translation>
    </message>
    <message>
        <location filename="../ui/run_panel.py" line="138"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../processing/export_report.py" line="39"/>
        <source>CSV of the latest values</source>
        <translation>最新值 CSV</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="454"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../processing/report_base.py" line="130"/>
        <source>The results store {} does not exist.</source>
        <translation>结果库 {} 不存在。</translation>
    </message>
    <message>
        <location filename="../processing/report_base.py" line="141"/>
        <source>The results store {} holds no results yet.</source>
        <translation>结果库 {} 中还没有结果。</translation>
    </message>
    <message>
        <location filename="../processing/report_base.py" line="143"/>
        <source>No progress assessment with this method in the store: run sdg:assess_progress first for statuses and scores.</source>
        <translation>结果库中没有使用此方法的进展评估：如需状态和得分，请先运行 sdg:assess_progress。</translation>
    </message>
    <message>
        <location filename="../processing/export_report.py" line="65"/>
        <source>Report written: {}</source>
        <translation>报告已写入：{}</translation>
    </message>
    <message>
        <location filename="../processing/facility_access.py" line="47"/>
        <source>Population access to facilities (local 3.8 / 4.x)</source>
        <translation>人口的设施可达性（地方指标 3.8 / 4.x）</translation>
    </message>
    <message>
        <location filename="../processing/facility_access.py" line="50"/>
        <source>&lt;p&gt;The share of the population living within a distance of a facility (health facility, school, …), for the whole area and each zone, by sex and urban/rural location when those inputs are given, and for each facility type.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Method&lt;/b&gt;: population within DISTANCE metres of a facility / population × 100, along the street network when NETWORK is given, else in a straight line. This is how Deqing County assessed SDG 3.8.1 (coverage of essential health services) and 4.a.1 (schools) locally: as accessibility, the population within a distance of health facilities and schools (a local substitute for the UN metadata's survey-based methods; write the code you report under in INDICATOR_CODE, e.g. 3.8.1). With TYPE_FIELD each facility type is a further series (one value per distinct type): its own output field &lt;i&gt;pct_&amp;lt;type&amp;gt;&lt;/i&gt; and results-store rows with the type as &lt;i&gt;series&lt;/i&gt;; the headline counts anyone near a facility of any type.&lt;/p&gt;</source>
        <translation>&lt;p&gt;居住在设施（医疗卫生设施、学校等）一定距离内的人口比例，按全域和各分区计算；提供相应输入时按性别和城乡分列，并按设施类型分别计算。&lt;/p&gt;&lt;p&gt;&lt;b&gt;方法&lt;/b&gt;：距设施 DISTANCE 米以内的人口 / 人口 × 100；提供 NETWORK 时沿街道路网计算，否则按直线距离计算。德清县在地方层面即以此评估 SDG 3.8.1（基本卫生服务覆盖率）和 4.a.1（学校）：以可达性衡量，即医疗卫生设施和学校一定距离内的人口（作为联合国元数据中基于调查的方法的地方替代方法；请在 INDICATOR_CODE 中填写所报告的指标代码，如 3.8.1）。指定 TYPE_FIELD 时，每种设施类型作为一个单独的系列（每个不同类型一个值）：有其自己的输出字段 &lt;i&gt;pct_&amp;lt;type&amp;gt;&lt;/i&gt;，并在结果库中以该类型作为 &lt;i&gt;series&lt;/i&gt; 写入记录；总体值统计邻近任何类型设施的人口。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/facility_access.py" line="61"/>
        <source>&lt;p&gt;Outputs: VALUE (percent, any facility), METHOD (&lt;i&gt;network&lt;/i&gt; or &lt;i&gt;euclidean&lt;/i&gt;) and OUTPUT, the zones with &lt;i&gt;value&lt;/i&gt;, &lt;i&gt;served_population&lt;/i&gt;, &lt;i&gt;population&lt;/i&gt; and one percentage per type.&lt;/p&gt;</source>
        <translation>&lt;p&gt;输出：VALUE（百分比，任意设施）、METHOD（&lt;i&gt;network&lt;/i&gt; 或 &lt;i&gt;euclidean&lt;/i&gt;）和 OUTPUT（带有 &lt;i&gt;value&lt;/i&gt;、&lt;i&gt;served_population&lt;/i&gt;、&lt;i&gt;population&lt;/i&gt; 字段及每种类型一个百分比字段的分区图层）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/facility_access.py" line="68"/>
        <source>Facilities (points)</source>
        <translation>设施（点）</translation>
    </message>
    <message>
        <location filename="../processing/facility_access.py" line="70"/>
        <source>Facility type field (one series per type)</source>
        <translation>设施类型字段（每种类型一个系列）</translation>
    </message>
    <message>
        <location filename="../processing/facility_access.py" line="73"/>
        <source>Distance (m)</source>
        <translation>距离（m）</translation>
    </message>
    <message>
        <location filename="../processing/transit_access.py" line="93"/>
        <source>Urban areas (polygons, for the urban/rural breakdown)</source>
        <translation>城镇区域（多边形，用于城乡分列）</translation>
    </message>
    <message>
        <location filename="../processing/facility_access.py" line="78"/>
        <source>Indicator code written to the results store (e.g. 3.8.1 or 4.a.1)</source>
        <translation>写入结果库的指标代码（如 3.8.1 或 4.a.1）</translation>
    </message>
    <message>
        <location filename="../processing/transit_access.py" line="94"/>
        <source>Distance method (network or euclidean)</source>
        <translation>距离计算方法（network 或 euclidean）</translation>
    </message>
    <message>
        <location filename="../processing/facility_access.py" line="93"/>
        <source>The facilities layer has no point: nobody is served.</source>
        <translation>设施图层中没有点：没有人被覆盖。</translation>
    </message>
    <message>
        <location filename="../processing/land_areas.py" line="138"/>
        <source>Layer &apos;{}&apos; feature {} is not a polygon; give a polygon layer.</source>
        <translation>图层“{}”的要素 {} 不是多边形；请提供多边形图层。</translation>
    </message>
    <message>
        <location filename="../processing/land_consumption.py" line="84"/>
        <source>Land consumption rate to population growth rate (11.3.1)</source>
        <translation>土地消耗率与人口增长率之比（11.3.1）</translation>
    </message>
    <message>
        <location filename="../processing/land_consumption.py" line="116"/>
        <source>Built-up raster at the start year</source>
        <translation>起始年建成区栅格</translation>
    </message>
    <message>
        <location filename="../processing/land_consumption.py" line="118"/>
        <source>Built-up raster at the end year</source>
        <translation>结束年建成区栅格</translation>
    </message>
    <message>
        <location filename="../processing/land_consumption.py" line="120"/>
        <source>Built-up classes of the rasters (e.g. 1 or 80 or 10-12)</source>
        <translation>栅格的建成区类别（如 1、80 或 10-12）</translation>
    </message>
    <message>
        <location filename="../processing/land_consumption.py" line="122"/>
        <source>Or built-up polygons at the start year</source>
        <translation>或起始年建成区多边形</translation>
    </message>
    <message>
        <location filename="../processing/land_consumption.py" line="125"/>
        <source>Or built-up polygons at the end year</source>
        <translation>或结束年建成区多边形</translation>
    </message>
    <message>
        <location filename="../processing/land_consumption.py" line="128"/>
        <source>Start year (t1)</source>
        <translation>起始年（t1）</translation>
    </message>
    <message>
        <location filename="../processing/land_consumption.py" line="128"/>
        <source>End year (t2)</source>
        <translation>结束年（t2）</translation>
    </message>
    <message>
        <location filename="../processing/land_consumption.py" line="131"/>
        <source>Population of the whole area at the start year</source>
        <translation>起始年全域人口</translation>
    </message>
    <message>
        <location filename="../processing/land_consumption.py" line="131"/>
        <source>Population of the whole area at the end year</source>
        <translation>结束年全域人口</translation>
    </message>
    <message>
        <location filename="../processing/land_consumption.py" line="135"/>
        <source>Zone field with the population at the start year</source>
        <translation>起始年人口所在的分区字段</translation>
    </message>
    <message>
        <location filename="../processing/land_consumption.py" line="135"/>
        <source>Zone field with the population at the end year</source>
        <translation>结束年人口所在的分区字段</translation>
    </message>
    <message>
        <location filename="../processing/land_consumption.py" line="140"/>
        <source>Or population raster at the start year</source>
        <translation>或起始年人口栅格</translation>
    </message>
    <message>
        <location filename="../processing/land_consumption.py" line="140"/>
        <source>Or population raster at the end year</source>
        <translation>或结束年人口栅格</translation>
    </message>
    <message>
        <location filename="../scale/__main__.py" line="95"/>
        <source>PGR counted as zero up to (per year)</source>
        <translation>PGR 视为零的上限（每年）</translation>
    </message>
    <message>
        <location filename="../processing/land_consumption.py" line="148"/>
        <source>Land consumption rate (per year)</source>
        <translation>土地消耗率（每年）</translation>
    </message>
    <message>
        <location filename="../processing/land_consumption.py" line="149"/>
        <source>Population growth rate (per year)</source>
        <translation>人口增长率（每年）</translation>
    </message>
    <message>
        <location filename="../processing/land_consumption.py" line="150"/>
        <source>PGR status (ok, near_zero, negative)</source>
        <translation>PGR 状态（ok、near_zero、negative）</translation>
    </message>
    <message>
        <location filename="../processing/land_consumption.py" line="156"/>
        <source>YEAR_END ({}) must come after YEAR_START ({}).</source>
        <translation>YEAR_END（{}）必须晚于 YEAR_START（{}）。</translation>
    </message>
    <message>
        <location filename="../processing/land_consumption.py" line="173"/>
        <source>PGR is near zero or negative in zone(s) {}: LCRPGR is left empty there (see pgr_flag).</source>
        <translation>分区 {} 的 PGR 接近零或为负：这些分区的 LCRPGR 留空（见 pgr_flag）。</translation>
    </message>
    <message>
        <location filename="../processing/land_consumption.py" line="178"/>
        <source>PGR for the whole area is {} ({}): LCRPGR is not computed, since dividing by it would mislead.</source>
        <translation>全域 PGR 为 {}（{}）：不计算 LCRPGR，因为除以该值会产生误导。</translation>
    </message>
    <message>
        <location filename="../processing/land_consumption.py" line="198"/>
        <source>Give the built-up area at the {} year either as a raster ({}) or as polygons ({}), not both and not neither.</source>
        <translation>{}年的建成区面积只能以栅格（{}）或多边形（{}）之一提供，不能同时提供，也不能都不提供。</translation>
    </message>
    <message>
        <location filename="../processing/land_consumption.py" line="241"/>
        <source>Give the population either as a zone field ({}) or as a raster ({}), not both.</source>
        <translation>人口只能以分区字段（{}）或栅格（{}）之一提供，不能同时提供。</translation>
    </message>
    <message>
        <location filename="../processing/land_consumption.py" line="246"/>
        <source>{} needs a ZONES layer holding field &apos;{}&apos;.</source>
        <translation>{} 需要一个包含字段“{}”的 ZONES 图层。</translation>
    </message>
    <message>
        <location filename="../processing/land_consumption.py" line="282"/>
        <source>Zones layer &apos;{}&apos;, zone &apos;{}&apos;: field &apos;{}&apos; holds &apos;{}&apos;, not a population.</source>
        <translation>分区图层“{}”，分区“{}”：字段“{}”的值为“{}”，不是人口数。</translation>
    </message>
    <message>
        <location filename="../processing/land_consumption.py" line="286"/>
        <source>Zones layer &apos;{}&apos;, zone &apos;{}&apos;: field &apos;{}&apos; holds a negative population ({}).</source>
        <translation>分区图层“{}”，分区“{}”：字段“{}”的人口为负值（{}）。</translation>
    </message>
    <message>
        <location filename="../processing/degradation_inputs.py" line="23"/>
        <source>Degraded</source>
        <translation>退化</translation>
    </message>
    <message>
        <location filename="../processing/land_productivity.py" line="43"/>
        <source>Stable</source>
        <translation>稳定</translation>
    </message>
    <message>
        <location filename="../processing/degradation_inputs.py" line="23"/>
        <source>Improved</source>
        <translation>改善</translation>
    </message>
    <message>
        <location filename="../processing/land_degradation.py" line="73"/>
        <source>Proportion of land that is degraded (15.3.1)</source>
        <translation>已退化土地占土地总面积的比例（15.3.1）</translation>
    </message>
    <message>
        <location filename="../processing/land_degradation.py" line="120"/>
        <source>Land-cover sub-indicator (-1/0/1), or give the two land covers below</source>
        <translation>土地覆盖子指标（-1/0/1），或在下方提供两期土地覆盖</translation>
    </message>
    <message>
        <location filename="../processing/soil_carbon.py" line="95"/>
        <source>Land cover at the start</source>
        <translation>起始土地覆盖</translation>
    </message>
    <message>
        <location filename="../processing/soil_carbon.py" line="96"/>
        <source>Land cover at the end</source>
        <translation>结束土地覆盖</translation>
    </message>
    <message>
        <location filename="../processing/soil_carbon.py" line="97"/>
        <source>Land-cover codes to UNCCD classes 1-7 (codes=class; ...)</source>
        <translation>土地覆盖代码到 UNCCD 类别 1-7 的映射（代码=类别；...）</translation>
    </message>
    <message>
        <location filename="../processing/mountain_land.py" line="115"/>
        <source>From \ to</source>
        <translation>起始 \ 结束</translation>
    </message>
    <message>
        <location filename="../processing/land_degradation.py" line="133"/>
        <source>Land-cover transition matrix (-1 degradation, 0 stable, 1 improvement)</source>
        <translation>土地覆盖转移矩阵（-1 退化，0 稳定，1 改善）</translation>
    </message>
    <message>
        <location filename="../processing/land_productivity.py" line="126"/>
        <source>Land productivity sub-indicator (-1/0/1)</source>
        <translation>土地生产力子指标（-1/0/1）</translation>
    </message>
    <message>
        <location filename="../processing/land_degradation.py" line="142"/>
        <source>Soil organic carbon sub-indicator (-1/0/1), or give the two stocks below</source>
        <translation>土壤有机碳子指标（-1/0/1），或在下方提供两期碳储量</translation>
    </message>
    <message>
        <location filename="../processing/land_degradation.py" line="145"/>
        <source>Soil organic carbon stock at the start</source>
        <translation>起始土壤有机碳储量</translation>
    </message>
    <message>
        <location filename="../processing/land_degradation.py" line="147"/>
        <source>Soil organic carbon stock at the end</source>
        <translation>结束土壤有机碳储量</translation>
    </message>
    <message>
        <location filename="../processing/degradation_inputs.py" line="29"/>
        <source>Soil organic carbon change counted as degradation or improvement (%)</source>
        <translation>视为退化或改善的土壤有机碳变化幅度（%）</translation>
    </message>
    <message>
        <location filename="../processing/land_degradation.py" line="150"/>
        <source>Land degradation (one out, all out)</source>
        <translation>土地退化（一出全出）</translation>
    </message>
    <message>
        <location filename="../processing/land_degradation.py" line="157"/>
        <source>Degraded area (km²)</source>
        <translation>退化面积（km²）</translation>
    </message>
    <message>
        <location filename="../processing/land_degradation.py" line="157"/>
        <source>Stable area (km²)</source>
        <translation>稳定面积（km²）</translation>
    </message>
    <message>
        <location filename="../processing/land_degradation.py" line="157"/>
        <source>Improved area (km²)</source>
        <translation>改善面积（km²）</translation>
    </message>
    <message>
        <location filename="../processing/land_degradation.py" line="217"/>
        <source>{} pixel(s) of &apos;{}&apos; hold a value other than -1, 0 or 1 and were left out.</source>
        <translation>“{1}”中有 {0} 个像元的值不是 -1、0 或 1，已剔除。</translation>
    </message>
    <message>
        <location filename="../processing/land_degradation.py" line="222"/>
        <source>{:.4g} km² of water at the end date left out of the land area.</source>
        <translation>已从陆地面积中剔除结束时点为水体的 {:.4g} km²。</translation>
    </message>
    <message>
        <location filename="../processing/land_degradation.py" line="279"/>
        <source>Give either {} or {} and {}, not both.</source>
        <translation>请提供 {}，或者提供 {} 和 {}，不能同时提供。</translation>
    </message>
    <message>
        <location filename="../processing/land_degradation.py" line="282"/>
        <source>{} and {} go together: give both, or give {} instead.</source>
        <translation>{} 和 {} 须同时提供：请两者都提供，或改为提供 {}。</translation>
    </message>
    <message>
        <location filename="../processing/land_rasters.py" line="23"/>
        <source>Could not create the raster {}; use a .tif file.</source>
        <translation>无法创建栅格 {}；请使用 .tif 文件。</translation>
    </message>
    <message>
        <location filename="../processing/mountain_green_cover.py" line="40"/>
        <source>Not mountain</source>
        <translation>非山地</translation>
    </message>
    <message>
        <location filename="../processing/mountain_green_cover.py" line="41"/>
        <source>1: elevation ≥ 4500 m</source>
        <translation>1：海拔 ≥ 4500 m</translation>
    </message>
    <message>
        <location filename="../processing/mountain_green_cover.py" line="42"/>
        <source>2: 3500-4500 m</source>
        <translation>2：3500-4500 m</translation>
    </message>
    <message>
        <location filename="../processing/mountain_green_cover.py" line="43"/>
        <source>3: 2500-3500 m</source>
        <translation>3：2500-3500 m</translation>
    </message>
    <message>
        <location filename="../processing/mountain_green_cover.py" line="44"/>
        <source>4: 1500-2500 m and slope ≥ 2°</source>
        <translation>4：1500-2500 m 且坡度 ≥ 2°</translation>
    </message>
    <message>
        <location filename="../processing/mountain_green_cover.py" line="45"/>
        <source>5: 1000-1500 m and slope ≥ 5° or local relief &gt; 300 m</source>
        <translation>5：1000-1500 m 且坡度 ≥ 5° 或局部起伏 &gt; 300 m</translation>
    </message>
    <message>
        <location filename="../processing/mountain_green_cover.py" line="46"/>
        <source>6: 300-1000 m and local relief &gt; 300 m</source>
        <translation>6：300-1000 m 且局部起伏 &gt; 300 m</translation>
    </message>
    <message>
        <location filename="../processing/mountain_green_cover.py" line="96"/>
        <source>Mountain Green Cover Index (15.4.2)</source>
        <translation>山区绿化覆盖指数（15.4.2）</translation>
    </message>
    <message>
        <location filename="../processing/mountain_land.py" line="105"/>
        <source>Digital elevation model (metres)</source>
        <translation>数字高程模型（米）</translation>
    </message>
    <message>
        <location filename="../processing/mountain_green_cover.py" line="132"/>
        <source>DEM band</source>
        <translation>DEM 波段</translation>
    </message>
    <message>
        <location filename="../processing/mountain_green_cover.py" line="137"/>
        <source>Green land-cover classes (cropland, forest, grassland, shrubland, wetland)</source>
        <translation>绿色土地覆盖类别（耕地、森林、草地、灌木地、湿地）</translation>
    </message>
    <message>
        <location filename="../processing/mountain_land.py" line="126"/>
        <source>Mountain classes (Kapos)</source>
        <translation>山地类别（Kapos）</translation>
    </message>
    <message>
        <location filename="../processing/mountain_green_cover.py" line="143"/>
        <source>MGCI of Kapos class {}</source>
        <translation>Kapos 类别 {} 的 MGCI</translation>
    </message>
    <message>
        <location filename="../processing/mountain_land.py" line="143"/>
        <source>Could not open the mountain class raster {}.</source>
        <translation>无法打开山地类别栅格 {}。</translation>
    </message>
    <message>
        <location filename="../processing/mountain_land.py" line="171"/>
        <source>No mountain pixel with land cover: DEM &apos;{}&apos; has no Kapos mountain class where land cover &apos;{}&apos; has data.</source>
        <translation>没有具有土地覆盖的山地像元：在土地覆盖“{1}”有数据的范围内，DEM“{0}”没有 Kapos 山地类别。</translation>
    </message>
    <message>
        <location filename="../processing/mountain_green_cover.py" line="210"/>
        <source>No GDAL driver can write {}; use a .tif file.</source>
        <translation>没有可写入 {} 的 GDAL 驱动；请使用 .tif 文件。</translation>
    </message>
    <message>
        <location filename="../processing/mountain_green_cover.py" line="214"/>
        <source>Could not create the mountain class raster {}.</source>
        <translation>无法创建山地类别栅格 {}。</translation>
    </message>
    <message>
        <location filename="../processing/open_space.py" line="61"/>
        <source>Open public space in built-up areas (11.7.1)</source>
        <translation>建成区中的开放公共空间（11.7.1）</translation>
    </message>
    <message>
        <location filename="../processing/open_space.py" line="77"/>
        <source>&lt;p&gt;Outputs: VALUE (percent of built-up area) and OUTPUT, the zones with &lt;i&gt;value&lt;/i&gt;, &lt;i&gt;open_space_km2&lt;/i&gt;, &lt;i&gt;street_km2&lt;/i&gt;, &lt;i&gt;builtup_km2&lt;/i&gt;, &lt;i&gt;access_pct&lt;/i&gt;, &lt;i&gt;served_population&lt;/i&gt; and &lt;i&gt;population&lt;/i&gt;. Results-store rows: the share as the main series, access as series &lt;i&gt;population_within_walk&lt;/i&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;输出：VALUE（占建成区面积的百分比）和 OUTPUT（带有 &lt;i&gt;value&lt;/i&gt;、&lt;i&gt;open_space_km2&lt;/i&gt;、&lt;i&gt;street_km2&lt;/i&gt;、&lt;i&gt;builtup_km2&lt;/i&gt;、&lt;i&gt;access_pct&lt;/i&gt;、&lt;i&gt;served_population&lt;/i&gt; 和 &lt;i&gt;population&lt;/i&gt; 字段的分区图层）。结果库记录：比例为主系列，可达性为系列 &lt;i&gt;population_within_walk&lt;/i&gt;。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/open_space.py" line="84"/>
        <source>Built-up area (polygons)</source>
        <translation>建成区（多边形）</translation>
    </message>
    <message>
        <location filename="../processing/open_space.py" line="86"/>
        <source>Open public spaces (polygons)</source>
        <translation>开放公共空间（多边形）</translation>
    </message>
    <message>
        <location filename="../processing/open_space.py" line="88"/>
        <source>Street areas (polygons)</source>
        <translation>街道面（多边形）</translation>
    </message>
    <message>
        <location filename="../processing/open_space.py" line="90"/>
        <source>Roads (lines, with a width; instead of street polygons)</source>
        <translation>道路（线，带宽度；替代街道多边形）</translation>
    </message>
    <message>
        <location filename="../processing/open_space.py" line="93"/>
        <source>Road width field (m)</source>
        <translation>道路宽度字段（m）</translation>
    </message>
    <message>
        <location filename="../processing/open_space.py" line="96"/>
        <source>Road width where the field is empty or not given (m)</source>
        <translation>字段为空或未提供时的道路宽度（m）</translation>
    </message>
    <message>
        <location filename="../processing/open_space.py" line="99"/>
        <source>Population raster (for the access series)</source>
        <translation>人口栅格（用于可达性系列）</translation>
    </message>
    <message>
        <location filename="../processing/open_space.py" line="103"/>
        <source>Walking distance to open space (m)</source>
        <translation>到开放空间的步行距离（m）</translation>
    </message>
    <message>
        <location filename="../processing/open_space.py" line="153"/>
        <source>Give streets either as polygons (STREETS) or as road lines (ROADS), not both.</source>
        <translation>街道只能以多边形（STREETS）或道路线（ROADS）之一提供，不能同时提供。</translation>
    </message>
    <message>
        <location filename="../processing/pm25_exposure.py" line="38"/>
        <source>Population-weighted mean PM2.5 (11.6.2)</source>
        <translation>人口加权的 PM2.5 年均浓度（11.6.2）</translation>
    </message>
    <message>
        <location filename="../processing/pm25_exposure.py" line="41"/>
        <source>&lt;p&gt;SDG indicator 11.6.2: annual mean level of fine particulate matter (PM2.5) weighted by population, for the whole area and for each zone, in µg/m³.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Method&lt;/b&gt; (UN SDG metadata 11.6.2, custodian WHO with UN-Habitat): value = Σ cᵢ pᵢ / Σ pᵢ over the pixels i of the population grid, where pᵢ is the population of the pixel (persons per pixel, e.g. WorldPop or the output of Dasymetric population grid) and cᵢ the annual mean concentration there. The concentration raster (any grid and CRS) is aligned onto the population grid: each population pixel takes the concentration of the pixel holding its centre (nearest neighbour, reprojected by QGIS when the CRS differs), so every person is counted once and none is lost at the edges. Bilinear interpolation of a coarse concentration grid would be smoother; it is not applied.&lt;/p&gt;&lt;p&gt;Population pixels without a concentration value (nodata or outside the concentration raster) are left out of both sums and reported in &lt;i&gt;pop_no_data&lt;/i&gt;. A pixel belongs to the zone holding its centre; the whole-area value uses the population of all zones.&lt;/p&gt;&lt;p&gt;Also the share of the population exposed above THRESHOLD (default 5 µg/m³, the WHO 2021 air quality guideline for annual PM2.5): &lt;i&gt;pct_above&lt;/i&gt; = population where c &gt; threshold / population × 100, and the output PCT_ABOVE for the whole area.&lt;/p&gt;&lt;p&gt;Outputs: VALUE (µg/m³) and OUTPUT, the zones with &lt;i&gt;value&lt;/i&gt;, &lt;i&gt;conc_x_pop&lt;/i&gt; (Σ c·p, the numerator), &lt;i&gt;population&lt;/i&gt; (Σ p, the denominator), &lt;i&gt;pop_above&lt;/i&gt;, &lt;i&gt;pct_above&lt;/i&gt; and &lt;i&gt;pop_no_data&lt;/i&gt;. Rasters are read in strips; cancel stops the run and writes nothing.&lt;/p&gt;</source>
        <translation>&lt;p&gt;可持续发展目标指标 11.6.2：按人口加权的细颗粒物（PM2.5）年均浓度，按全域和各分区计算，单位为 µg/m³。&lt;/p&gt;&lt;p&gt;&lt;b&gt;方法&lt;/b&gt;（联合国 SDG 指标元数据 11.6.2，托管机构：世界卫生组织与联合国人居署）：指标值 = Σ cᵢ pᵢ / Σ pᵢ，对人口格网的像元 i 求和，其中 pᵢ 为像元人口（每像元人数，如 WorldPop 或“人口空间化格网”的输出），cᵢ 为该处的年均浓度。浓度栅格（任意格网和坐标参考系）对齐到人口格网上：每个人口像元取包含其中心的浓度像元的值（最邻近法，坐标参考系不同时由 QGIS 重投影），因此每个人只计一次，边缘处也不会遗漏。对较粗的浓度格网进行双线性插值会更平滑，但本算法不采用。&lt;/p&gt;&lt;p&gt;没有浓度值（无数据或位于浓度栅格之外）的人口像元不计入两个求和，并在 &lt;i&gt;pop_no_data&lt;/i&gt; 中报告。像元归属于包含其中心的分区；全域值使用所有分区的人口。&lt;/p&gt;&lt;p&gt;另计算暴露于 THRESHOLD（默认 5 µg/m³，即世界卫生组织 2021 年空气质量指南中的 PM2.5 年均值）以上的人口比例：&lt;i&gt;pct_above&lt;/i&gt; = c &gt; 阈值处的人口 / 人口 × 100，全域结果为输出 PCT_ABOVE。&lt;/p&gt;&lt;p&gt;输出：VALUE（µg/m³）和 OUTPUT（带有 &lt;i&gt;value&lt;/i&gt;、&lt;i&gt;conc_x_pop&lt;/i&gt;（Σ c·p，分子）、&lt;i&gt;population&lt;/i&gt;（Σ p，分母）、&lt;i&gt;pop_above&lt;/i&gt;、&lt;i&gt;pct_above&lt;/i&gt; 和 &lt;i&gt;pop_no_data&lt;/i&gt; 字段的分区图层）。栅格按条带读取；取消运行即停止，不写入任何结果。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/pm25_exposure.py" line="63"/>
        <source>Annual mean PM2.5 concentration raster (µg/m³)</source>
        <translation>PM2.5 年均浓度栅格（µg/m³）</translation>
    </message>
    <message>
        <location filename="../processing/pm25_exposure.py" line="65"/>
        <source>Concentration band</source>
        <translation>浓度波段</translation>
    </message>
    <message>
        <location filename="../processing/pm25_exposure.py" line="68"/>
        <source>Population raster (persons per pixel)</source>
        <translation>人口栅格（每像元人数）</translation>
    </message>
    <message>
        <location filename="../processing/pm25_exposure.py" line="70"/>
        <source>Population band</source>
        <translation>人口波段</translation>
    </message>
    <message>
        <location filename="../processing/pm25_exposure.py" line="73"/>
        <source>Threshold for the share of population exposed above it (µg/m³; WHO guideline 5)</source>
        <translation>计算超标暴露人口比例的阈值（µg/m³；世界卫生组织指南值为 5）</translation>
    </message>
    <message>
        <location filename="../processing/pm25_exposure.py" line="76"/>
        <source>Share of the population above the threshold (percent)</source>
        <translation>超过阈值的人口比例（百分比）</translation>
    </message>
    <message>
        <location filename="../processing/pm25_exposure.py" line="100"/>
        <source>{:.6g} people live on pixels without a concentration value in &apos;{}&apos; (nodata or outside it); they are left out of the mean.</source>
        <translation>有 {0:.6g} 人居住在“{1}”中没有浓度值的像元上（无数据或超出其范围）；这些人口未计入均值。</translation>
    </message>
    <message>
        <location filename="../processing/protected_kba.py" line="60"/>
        <source>Key biodiversity areas covered by protected areas (15.1.2)</source>
        <translation>保护区覆盖的关键生物多样性区域（15.1.2）</translation>
    </message>
    <message>
        <location filename="../processing/protected_kba.py" line="63"/>
        <source>&lt;p&gt;SDG indicator 15.1.2: average proportion of key biodiversity areas (KBAs) covered by protected areas, for the whole area and for each zone.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Method&lt;/b&gt; (UN SDG metadata 15.1.2, custodians UNEP-WCMC, BirdLife International and IUCN): for each KBA, the percent of its area covered by protected areas; the indicator is the mean of these percents over the KBAs (a mean per KBA, not the share of the total KBA area). Protected areas are dissolved first, so overlapping protected areas count once. Filter the protected areas beforehand as the method asks (e.g. WDPA status designated, inscribed or established; no proposed sites, no UNESCO-MAB buffer zones).&lt;/p&gt;&lt;p&gt;Features of the KBA layer that share a value of the KBA id field form one KBA (without the field, each feature is one KBA). A KBA counts whole (also its parts outside the zones) in the zone that holds the largest part of its area; KBAs outside every zone are left out, and the whole-area value is then the mean over the KBAs of all zones.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Areas&lt;/b&gt; are ellipsoidal (on the ellipsoid of the KBA layer's CRS, WGS 84 if it names none), in km², whatever the CRS; protected areas and zones in other CRSs are reprojected to the KBA layer's CRS.&lt;/p&gt;&lt;p&gt;Outputs: VALUE (percent), OUTPUT (the zones with &lt;i&gt;value&lt;/i&gt;, &lt;i&gt;kba_count&lt;/i&gt;, &lt;i&gt;kba_km2&lt;/i&gt; and &lt;i&gt;protected_km2&lt;/i&gt;, the sums over their KBAs) and optionally KBA_OUTPUT, one feature per KBA with its areas, percent and zone. The results store gets value = mean percent, numerator = sum of the KBA percents and denominator = number of KBAs.&lt;/p&gt;</source>
        <translation>&lt;p&gt;可持续发展目标指标 15.1.2：关键生物多样性区域（KBA）被保护区覆盖的平均比例，按全域和各分区计算。&lt;/p&gt;&lt;p&gt;&lt;b&gt;方法&lt;/b&gt;（联合国 SDG 指标元数据 15.1.2，托管机构：UNEP-WCMC、国际鸟盟和世界自然保护联盟 IUCN）：对每个 KBA 计算其面积被保护区覆盖的百分比；指标为这些百分比在所有 KBA 上的平均值（按 KBA 平均，而非占 KBA 总面积的比例）。保护区先进行融合，因此重叠的保护区只计一次。请按方法要求事先筛选保护区（如 WDPA 状态为已指定、已列入或已建立；不包括拟建保护区和联合国教科文组织人与生物圈保护区的缓冲区）。&lt;/p&gt;&lt;p&gt;KBA 图层中 KBA 代码字段取值相同的要素构成一个 KBA（未提供该字段时，每个要素为一个 KBA）。一个 KBA 整体（包括其位于分区之外的部分）计入包含其最大面积部分的分区；位于所有分区之外的 KBA 不予计入，此时全域值为所有分区 KBA 的平均值。&lt;/p&gt;&lt;p&gt;&lt;b&gt;面积&lt;/b&gt;按椭球计算（使用 KBA 图层坐标参考系的椭球，未指定时为 WGS 84），单位为 km²，与坐标参考系无关；坐标参考系不同的保护区和分区会重投影到 KBA 图层的坐标参考系。&lt;/p&gt;&lt;p&gt;输出：VALUE（百分比）、OUTPUT（带有 &lt;i&gt;value&lt;/i&gt;、&lt;i&gt;kba_count&lt;/i&gt;、&lt;i&gt;kba_km2&lt;/i&gt; 和 &lt;i&gt;protected_km2&lt;/i&gt; 字段的分区图层，均为其 KBA 的合计），以及可选的 KBA_OUTPUT（每个 KBA 一个要素，含其面积、百分比和所属分区）。结果库中 value = 平均百分比，numerator = KBA 百分比之和，denominator = KBA 个数。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/protected_kba.py" line="85"/>
        <source>Key biodiversity areas</source>
        <translation>关键生物多样性区域</translation>
    </message>
    <message>
        <location filename="../processing/protected_kba.py" line="87"/>
        <source>KBA id field (features sharing an id form one KBA; default: feature id)</source>
        <translation>KBA 代码字段（代码相同的要素构成一个 KBA；默认：要素 ID）</translation>
    </message>
    <message>
        <location filename="../processing/protected_kba.py" line="90"/>
        <source>Protected areas</source>
        <translation>保护区</translation>
    </message>
    <message>
        <location filename="../processing/protected_kba.py" line="92"/>
        <source>Coverage per key biodiversity area</source>
        <translation>各关键生物多样性区域的覆盖情况</translation>
    </message>
    <message>
        <location filename="../processing/protected_kba.py" line="100"/>
        <source>Give both the KBA layer and the protected areas layer.</source>
        <translation>请同时提供 KBA 图层和保护区图层。</translation>
    </message>
    <message>
        <location filename="../processing/protected_kba.py" line="114"/>
        <source>KBA(s) {} have no area and are left out.</source>
        <translation>KBA {} 没有面积，已剔除。</translation>
    </message>
    <message>
        <location filename="../processing/protected_kba.py" line="120"/>
        <source>KBA(s) {} lie outside every zone and are left out.</source>
        <translation>KBA {} 位于所有分区之外，已剔除。</translation>
    </message>
    <message>
        <location filename="../processing/protected_kba.py" line="124"/>
        <source>{} KBA(s) measured.</source>
        <translation>已量算 {} 个 KBA。</translation>
    </message>
    <message>
        <location filename="../processing/protected_kba.py" line="143"/>
        <source>KBA layer &apos;{}&apos; holds no polygon.</source>
        <translation>KBA 图层“{}”中没有多边形。</translation>
    </message>
    <message>
        <location filename="../processing/run_indicator_set.py" line="66"/>
        <source>Run an indicator set</source>
        <translation>运行指标集</translation>
    </message>
    <message>
        <location filename="../processing/run_indicator_set.py" line="90"/>
        <source>Indicator-set config (JSON or YAML)</source>
        <translation>指标集配置文件（JSON 或 YAML）</translation>
    </message>
    <message>
        <location filename="../processing/run_indicator_set.py" line="90"/>
        <source>Indicator sets (*.json *.yml *.yaml)</source>
        <translation>指标集 (*.json *.yml *.yaml)</translation>
    </message>
    <message>
        <location filename="../processing/run_indicator_set.py" line="93"/>
        <source>Results store (default: the config&apos;s)</source>
        <translation>结果库（默认：配置文件中指定的）</translation>
    </message>
    <message>
        <location filename="../processing/run_indicator_set.py" line="94"/>
        <source>Run summary</source>
        <translation>运行摘要</translation>
    </message>
    <message>
        <location filename="../processing/run_indicator_set.py" line="96"/>
        <source>Indicators computed</source>
        <translation>计算成功的指标数</translation>
    </message>
    <message>
        <location filename="../processing/run_indicator_set.py" line="97"/>
        <source>Indicators failed</source>
        <translation>计算失败的指标数</translation>
    </message>
    <message>
        <location filename="../processing/run_indicator_set.py" line="98"/>
        <source>Results store</source>
        <translation>结果库</translation>
    </message>
    <message>
        <location filename="../processing/run_indicator_set.py" line="112"/>
        <source>Give a results store: in the config (&apos;results&apos;) or as RESULTS.</source>
        <translation>请提供结果库：在配置文件中（'results'）或作为 RESULTS 参数。</translation>
    </message>
    <message>
        <location filename="../processing/run_indicator_set.py" line="114"/>
        <source>Unknown progress method &apos;{}&apos; in the config; use one of {}.</source>
        <translation>配置文件中的进展评估方法“{}”未知；请使用以下之一：{}。</translation>
    </message>
    <message>
        <location filename="../processing/run_indicator_set.py" line="122"/>
        <source>Cancelled after {} indicator(s); their rows are in the store, nothing partial was written.</source>
        <translation>已在完成 {} 个指标后取消；这些指标的记录已写入结果库，没有写入不完整的内容。</translation>
    </message>
    <message>
        <location filename="../processing/run_indicator_set.py" line="135"/>
        <source>{}: {} indicator(s) computed, {} failed.</source>
        <translation>{}：已计算 {} 个指标，{} 个失败。</translation>
    </message>
    <message>
        <location filename="../processing/run_indicator_set.py" line="154"/>
        <source>Indicator {} failed: {}</source>
        <translation>指标 {} 失败：{}</translation>
    </message>
    <message>
        <location filename="../processing/run_indicator_set.py" line="198"/>
        <source>Cannot load the targets {}: {}</source>
        <translation>无法载入目标值 {}：{}</translation>
    </message>
    <message>
        <location filename="../processing/rural_access.py" line="39"/>
        <source>Rural access to all-season roads (9.1.1)</source>
        <translation>农村人口到全天候道路的可达性（9.1.1）</translation>
    </message>
    <message>
        <location filename="../processing/rural_access.py" line="42"/>
        <source>&lt;p&gt;SDG indicator 9.1.1 (Rural Access Index): the share of the rural population living within 2 km of an all-season road, for the whole area and each zone (and by sex with female and male rasters).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Method&lt;/b&gt; (UN SDG metadata 9.1.1, custodian World Bank): rural population within DISTANCE (default 2000 m, straight line) of an all-season road / rural population × 100. All-season roads are the ROADS features for which the ALL_SEASON expression is true (e.g. &lt;i&gt;&quot;surface&quot; IN ('paved', 'gravel')&lt;/i&gt;; empty: every road). Urban areas, from polygons (URBAN) or a raster mask (URBAN_MASK: non-zero pixels are urban), are removed from both the roads (the parts of roads inside them are dropped) and the population (cells whose centre is urban).&lt;/p&gt;&lt;p&gt;&lt;b&gt;BOUNDARY_FREE&lt;/b&gt;: the variant Deqing County used, which does not depend on an urban/rural line: all the population and all the roads count.&lt;/p&gt;</source>
        <translation>&lt;p&gt;可持续发展目标指标 9.1.1（农村通达指数）：居住在全天候道路 2 km 以内的农村人口比例，按全域和各分区计算（提供女性和男性人口栅格时按性别分列）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;方法&lt;/b&gt;（联合国 SDG 指标元数据 9.1.1，托管机构：世界银行）：距全天候道路 DISTANCE（默认 2000 m，直线距离）以内的农村人口 / 农村人口 × 100。全天候道路为 ROADS 中 ALL_SEASON 表达式为真的要素（如 &lt;i&gt;&quot;surface&quot; IN ('paved', 'gravel')&lt;/i&gt;；为空时：所有道路）。城镇区域来自多边形（URBAN）或栅格掩膜（URBAN_MASK：非零像元为城镇），将其从道路（剔除道路位于城镇内的部分）和人口（剔除中心位于城镇的像元）中同时移除。&lt;/p&gt;&lt;p&gt;&lt;b&gt;BOUNDARY_FREE&lt;/b&gt;：德清县采用的变体，不依赖城乡界线：全部人口和全部道路均计入。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/rural_access.py" line="53"/>
        <source>&lt;p&gt;Outputs: VALUE (percent) and OUTPUT, the zones with &lt;i&gt;value&lt;/i&gt;, &lt;i&gt;served_population&lt;/i&gt; (rural population near a road) and &lt;i&gt;population&lt;/i&gt; (rural population).&lt;/p&gt;</source>
        <translation>&lt;p&gt;输出：VALUE（百分比）和 OUTPUT（带有 &lt;i&gt;value&lt;/i&gt;、&lt;i&gt;served_population&lt;/i&gt;（道路附近的农村人口）和 &lt;i&gt;population&lt;/i&gt;（农村人口）字段的分区图层）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/rural_access.py" line="59"/>
        <source>Roads (lines)</source>
        <translation>道路（线）</translation>
    </message>
    <message>
        <location filename="../processing/rural_access.py" line="61"/>
        <source>All-season roads (expression; empty: all roads)</source>
        <translation>全天候道路（表达式；为空：所有道路）</translation>
    </message>
    <message>
        <location filename="../processing/rural_access.py" line="64"/>
        <source>Distance to a road (m)</source>
        <translation>到道路的距离（m）</translation>
    </message>
    <message>
        <location filename="../processing/rural_access.py" line="67"/>
        <source>Urban areas (polygons)</source>
        <translation>城镇区域（多边形）</translation>
    </message>
    <message>
        <location filename="../processing/rural_access.py" line="68"/>
        <source>Urban areas (raster mask: non-zero is urban)</source>
        <translation>城镇区域（栅格掩膜：非零为城镇）</translation>
    </message>
    <message>
        <location filename="../processing/rural_access.py" line="70"/>
        <source>Boundary-free variant (all population, no urban/rural line)</source>
        <translation>不分城乡的变体（全部人口，不设城乡界线）</translation>
    </message>
    <message>
        <location filename="../processing/rural_access.py" line="81"/>
        <source>Give urban areas either as polygons (URBAN) or as a raster mask (URBAN_MASK), not both.</source>
        <translation>城镇区域只能以多边形（URBAN）或栅格掩膜（URBAN_MASK）之一提供，不能同时提供。</translation>
    </message>
    <message>
        <location filename="../processing/rural_access.py" line="93"/>
        <source>No urban areas given: all the population counts as rural (as in the boundary-free variant).</source>
        <translation>未提供城镇区域：全部人口都计为农村人口（与不分城乡的变体相同）。</translation>
    </message>
    <message>
        <location filename="../processing/rural_access.py" line="110"/>
        <source>Roads layer &apos;{}&apos; has no coordinate reference system: set one and run again.</source>
        <translation>道路图层“{}”没有坐标参考系：请先设置后再运行。</translation>
    </message>
    <message>
        <location filename="../processing/rural_access.py" line="131"/>
        <source>No all-season road: nobody is served.</source>
        <translation>没有全天候道路：没有人被覆盖。</translation>
    </message>
    <message>
        <location filename="../processing/table_indicator.py" line="58"/>
        <source>Statistical indicator from a table</source>
        <translation>基于表格的统计指标</translation>
    </message>
    <message>
        <location filename="../processing/table_indicator.py" line="61"/>
        <source>&lt;p&gt;Computes one statistical indicator from an attribute table or layer: for each row (an area in a year) and for the whole table in each year.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Formulas&lt;/b&gt; (UN SDG metadata conventions): &lt;i&gt;ratio&lt;/i&gt; = numerator / denominator × multiplier; &lt;i&gt;percentage&lt;/i&gt; = numerator / denominator × 100; &lt;i&gt;rate per N&lt;/i&gt; = numerator / denominator × N (e.g. 100000 for maternal deaths per 100,000 live births); &lt;i&gt;per capita&lt;/i&gt; = numerator / population × multiplier (a unit factor); &lt;i&gt;parity index&lt;/i&gt; = group value / reference value (e.g. female / male; 1 is parity); &lt;i&gt;growth&lt;/i&gt; = ((x2 / x1) ^ (1 / (t2 - t1)) - 1) × multiplier, with x the numerator (or numerator / denominator) of the same area in its latest earlier year.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Totals&lt;/b&gt; are the sum of the numerators over the sum of the denominators of the rows of a year (never a mean of the rows' values); a row missing either value counts in neither sum.&lt;/p&gt;&lt;p&gt;Numerator and denominator are QGIS expressions (a field name is one, e.g. &lt;i&gt;&quot;deaths&quot; + &quot;missing&quot;&lt;/i&gt;). A NULL or a text in a number gives that row no value and a warning naming the row; the other rows go on.&lt;/p&gt;&lt;p&gt;Outputs: OUTPUT, a table with &lt;i&gt;area_id&lt;/i&gt;, &lt;i&gt;year&lt;/i&gt;, &lt;i&gt;numerator&lt;/i&gt;, &lt;i&gt;denominator&lt;/i&gt; and &lt;i&gt;value&lt;/i&gt; per input row; VALUE, the total of the latest year. With a results store, the rows and the yearly totals are upserted in one transaction.&lt;/p&gt;</source>
        <translation>&lt;p&gt;根据属性表或图层计算一个统计指标：对每一行（某区域某年份）以及每年的整个表计算。&lt;/p&gt;&lt;p&gt;&lt;b&gt;公式&lt;/b&gt;（联合国 SDG 指标元数据惯例）：&lt;i&gt;比率&lt;/i&gt; = 分子 / 分母 × 乘数；&lt;i&gt;百分比&lt;/i&gt; = 分子 / 分母 × 100；&lt;i&gt;每 N 的比率&lt;/i&gt; = 分子 / 分母 × N（如孕产妇死亡率按每 10 万活产计为 100000）；&lt;i&gt;人均&lt;/i&gt; = 分子 / 人口 × 乘数（单位换算系数）；&lt;i&gt;均等指数&lt;/i&gt; = 组值 / 参照值（如女性 / 男性；1 表示均等）；&lt;i&gt;增长率&lt;/i&gt; = ((x2 / x1) ^ (1 / (t2 - t1)) - 1) × 乘数，其中 x 为同一区域在其最近的较早年份的分子（或分子 / 分母）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;总计&lt;/b&gt;为某年各行分子之和除以分母之和（绝不是各行值的平均值）；缺少任一值的行两个求和都不计入。&lt;/p&gt;&lt;p&gt;分子和分母为 QGIS 表达式（字段名也是表达式，如 &lt;i&gt;&quot;deaths&quot; + &quot;missing&quot;&lt;/i&gt;）。数值为 NULL 或文本时，该行没有值，并给出指明该行的警告；其他行继续计算。&lt;/p&gt;&lt;p&gt;输出：OUTPUT，每个输入行一行的表，含 &lt;i&gt;area_id&lt;/i&gt;、&lt;i&gt;year&lt;/i&gt;、&lt;i&gt;numerator&lt;/i&gt;、&lt;i&gt;denominator&lt;/i&gt; 和 &lt;i&gt;value&lt;/i&gt;；VALUE，最新年份的总计。指定结果库时，各行及各年总计在一个事务中写入（插入或更新）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/table_indicator.py" line="81"/>
        <source>Table or layer</source>
        <translation>表或图层</translation>
    </message>
    <message>
        <location filename="../processing/table_indicator.py" line="83"/>
        <source>Indicator code (e.g. 3.1.1 or L10.1)</source>
        <translation>指标代码（如 3.1.1 或 L10.1）</translation>
    </message>
    <message>
        <location filename="../processing/table_indicator.py" line="84"/>
        <source>Formula</source>
        <translation>公式</translation>
    </message>
    <message>
        <location filename="../processing/table_indicator.py" line="84"/>
        <source>Ratio (numerator / denominator × multiplier)</source>
        <translation>比率（分子 / 分母 × 乘数）</translation>
    </message>
    <message>
        <location filename="../processing/table_indicator.py" line="84"/>
        <source>Percentage</source>
        <translation>百分比</translation>
    </message>
    <message>
        <location filename="../processing/table_indicator.py" line="84"/>
        <source>Rate per N</source>
        <translation>每 N 的比率</translation>
    </message>
    <message>
        <location filename="../processing/table_indicator.py" line="84"/>
        <source>Per capita</source>
        <translation>人均</translation>
    </message>
    <message>
        <location filename="../processing/table_indicator.py" line="84"/>
        <source>Parity index</source>
        <translation>均等指数</translation>
    </message>
    <message>
        <location filename="../processing/table_indicator.py" line="84"/>
        <source>Growth rate</source>
        <translation>增长率</translation>
    </message>
    <message>
        <location filename="../processing/table_indicator.py" line="88"/>
        <source>Numerator (field or expression)</source>
        <translation>分子（字段或表达式）</translation>
    </message>
    <message>
        <location filename="../processing/table_indicator.py" line="90"/>
        <source>Denominator (field or expression; optional for growth)</source>
        <translation>分母（字段或表达式；增长率可不填）</translation>
    </message>
    <message>
        <location filename="../processing/table_indicator.py" line="93"/>
        <source>Multiplier (N of a rate per N)</source>
        <translation>乘数（每 N 的比率中的 N）</translation>
    </message>
    <message>
        <location filename="../processing/table_indicator.py" line="96"/>
        <source>Area id field (default: feature id)</source>
        <translation>区域代码字段（默认：要素 ID）</translation>
    </message>
    <message>
        <location filename="../processing/table_indicator.py" line="99"/>
        <source>Year field (default: the reference year below)</source>
        <translation>年份字段（默认：下方的参考年份）</translation>
    </message>
    <message>
        <location filename="../processing/table_indicator.py" line="102"/>
        <source>Reference year (when there is no year field)</source>
        <translation>参考年份（无年份字段时）</translation>
    </message>
    <message>
        <location filename="../processing/table_indicator.py" line="105"/>
        <source>Series written to the results store</source>
        <translation>写入结果库的系列</translation>
    </message>
    <message>
        <location filename="../processing/table_indicator.py" line="106"/>
        <source>Unit written to the results store</source>
        <translation>写入结果库的单位</translation>
    </message>
    <message>
        <location filename="../processing/table_indicator.py" line="107"/>
        <source>Area id of the total rows</source>
        <translation>总计行的区域代码</translation>
    </message>
    <message>
        <location filename="../processing/table_indicator.py" line="111"/>
        <source>Indicator per row</source>
        <translation>逐行指标</translation>
    </message>
    <message>
        <location filename="../processing/table_indicator.py" line="113"/>
        <source>Total for the latest year</source>
        <translation>最新年份总计</translation>
    </message>
    <message>
        <location filename="../processing/table_indicator.py" line="121"/>
        <source>Give the indicator code (INDICATOR), e.g. 3.1.1.</source>
        <translation>请提供指标代码（INDICATOR），如 3.1.1。</translation>
    </message>
    <message>
        <location filename="../processing/table_indicator.py" line="126"/>
        <source>A {} always uses the multiplier {}; MULTIPLIER {} is ignored.</source>
        <translation>公式 {} 始终使用乘数 {}；忽略 MULTIPLIER {}。</translation>
    </message>
    <message>
        <location filename="../processing/table_indicator.py" line="131"/>
        <source>A {} needs a denominator (DENOMINATOR).</source>
        <translation>公式 {} 需要分母（DENOMINATOR）。</translation>
    </message>
    <message>
        <location filename="../processing/table_indicator.py" line="142"/>
        <source>Table {}: {}</source>
        <translation>表 {}：{}</translation>
    </message>
    <message>
        <location filename="../processing/table_indicator.py" line="152"/>
        <source>{} total for {}: {} / {} -&gt; {}</source>
        <translation>{} {} 年总计：{} / {} -&gt; {}</translation>
    </message>
    <message>
        <location filename="../processing/workbook_indicators.py" line="103"/>
        <source>Cancelled; nothing was written to the results store.</source>
        <translation>已取消；未向结果库写入任何内容。</translation>
    </message>
    <message>
        <location filename="../processing/table_indicator.py" line="185"/>
        <source>Row {} (feature id {}): year field {} holds {!r}, not a year; the row is left out of the totals and the store.</source>
        <translation>第 {} 行（要素 ID {}）：年份字段 {} 的值为 {!r}，不是年份；该行不计入总计，也不写入结果库。</translation>
    </message>
    <message>
        <location filename="../processing/table_indicator.py" line="210"/>
        <source>{} expression {} cannot be read: {}</source>
        <translation>{} 表达式 {} 无法解析：{}</translation>
    </message>
    <message>
        <location filename="../processing/table_indicator.py" line="218"/>
        <source>Row {} (feature id {}): {} expression {} failed: {}; the row has no value.</source>
        <translation>第 {} 行（要素 ID {}）：{} 表达式 {} 计算失败：{}；该行没有值。</translation>
    </message>
    <message>
        <location filename="../processing/table_indicator.py" line="223"/>
        <source>Row {} (feature id {}): {} {} is NULL; the row has no value.</source>
        <translation>第 {} 行（要素 ID {}）：{} {} 为 NULL；该行没有值。</translation>
    </message>
    <message>
        <location filename="../processing/table_indicator.py" line="229"/>
        <source>Row {} (feature id {}): {} {} gives {!r}, not a number; the row has no value.</source>
        <translation>第 {} 行（要素 ID {}）：{} {} 的结果为 {!r}，不是数值；该行没有值。</translation>
    </message>
    <message>
        <location filename="../processing/table_indicator.py" line="240"/>
        <source>Rows repeat area and year ({}); the results store keeps one value per area and year. Nothing was written.</source>
        <translation>有若干行的区域和年份重复（{}）；结果库中每个区域每年只保留一个值。未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../processing/tables.py" line="29"/>
        <source>Table &apos;{}&apos; lacks the field(s) {}; it has {}.</source>
        <translation>表“{}”缺少字段 {}；现有字段为 {}。</translation>
    </message>
    <message>
        <location filename="../processing/transit_access.py" line="44"/>
        <source>Convenient access to public transport (11.2.1)</source>
        <translation>可便利使用公共交通的人口比例（11.2.1）</translation>
    </message>
    <message>
        <location filename="../processing/transit_access.py" line="67"/>
        <source>&lt;p&gt;Outputs: VALUE (percent), METHOD (&lt;i&gt;network&lt;/i&gt; or &lt;i&gt;euclidean&lt;/i&gt;: straight-line buffers are the metadata&apos;s labelled fallback), and OUTPUT, the zones with &lt;i&gt;value&lt;/i&gt;, &lt;i&gt;served_population&lt;/i&gt; and &lt;i&gt;population&lt;/i&gt;. Results-store rows carry the method in &lt;i&gt;method&lt;/i&gt; and &lt;i&gt;parameters&lt;/i&gt; (DISTANCE_METHOD) and the breakdowns sex=female, sex=male, location=urban, location=rural and their combinations.&lt;/p&gt;</source>
        <translation>&lt;p&gt;输出：VALUE（百分比）、METHOD（&lt;i&gt;network&lt;/i&gt; 或 &lt;i&gt;euclidean&lt;/i&gt;：直线缓冲区是元数据中注明的替代方法）和 OUTPUT（带有 &lt;i&gt;value&lt;/i&gt;、&lt;i&gt;served_population&lt;/i&gt; 和 &lt;i&gt;population&lt;/i&gt; 字段的分区图层）。结果库记录在 &lt;i&gt;method&lt;/i&gt; 和 &lt;i&gt;parameters&lt;/i&gt;（DISTANCE_METHOD）中注明所用方法，并包括 sex=female、sex=male、location=urban、location=rural 及其组合的分列结果。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/transit_access.py" line="79"/>
        <source>Capacity field (optional; without it every stop is low-capacity)</source>
        <translation>运量字段（可选；不提供时所有站点均为低运量）</translation>
    </message>
    <message>
        <location filename="../processing/transit_access.py" line="82"/>
        <source>Capacity values of high-capacity stops (comma-separated)</source>
        <translation>大运量站点的运量字段取值（以逗号分隔）</translation>
    </message>
    <message>
        <location filename="../processing/transit_access.py" line="87"/>
        <source>Walking distance to low-capacity stops (m)</source>
        <translation>到低运量站点的步行距离（m）</translation>
    </message>
    <message>
        <location filename="../processing/transit_access.py" line="90"/>
        <source>Walking distance to high-capacity stops (m)</source>
        <translation>到大运量站点的步行距离（m）</translation>
    </message>
    <message>
        <location filename="../processing/transit_access.py" line="109"/>
        <source>{} low-capacity and {} high-capacity stop(s).</source>
        <translation>低运量站点 {} 个，大运量站点 {} 个。</translation>
    </message>
    <message>
        <location filename="../processing/transit_access.py" line="125"/>
        <source>Distance method: {}.</source>
        <translation>距离计算方法：{}。</translation>
    </message>
    <message>
        <location filename="../processing/water_extent.py" line="51"/>
        <source>Change in the extent of water bodies (6.6.1)</source>
        <translation>水体范围的变化（6.6.1）</translation>
    </message>
    <message>
        <location filename="../processing/water_extent.py" line="78"/>
        <source>Water rasters, one per year</source>
        <translation>水体栅格（每年一个）</translation>
    </message>
    <message>
        <location filename="../processing/water_extent.py" line="80"/>
        <source>Years of the rasters, in order (e.g. 2000,2005,2010; empty: from the layer names)</source>
        <translation>各栅格的年份，按顺序（如 2000,2005,2010；为空：从图层名称读取）</translation>
    </message>
    <message>
        <location filename="../processing/water_extent.py" line="83"/>
        <source>Water classes of the rasters (e.g. 1 or 60 or 50-52)</source>
        <translation>栅格的水体类别（如 1、60 或 50-52）</translation>
    </message>
    <message>
        <location filename="../processing/water_extent.py" line="85"/>
        <source>Or water polygons of several years</source>
        <translation>或多个年份的水体多边形</translation>
    </message>
    <message>
        <location filename="../processing/water_extent.py" line="88"/>
        <source>Year field of the water polygons</source>
        <translation>水体多边形的年份字段</translation>
    </message>
    <message>
        <location filename="../processing/water_extent.py" line="91"/>
        <source>Baseline period: first year</source>
        <translation>基准期：起始年份</translation>
    </message>
    <message>
        <location filename="../processing/water_extent.py" line="94"/>
        <source>Baseline period: last year</source>
        <translation>基准期：结束年份</translation>
    </message>
    <message>
        <location filename="../processing/water_extent.py" line="97"/>
        <source>Latest year</source>
        <translation>最新年份</translation>
    </message>
    <message>
        <location filename="../processing/water_extent.py" line="98"/>
        <source>Baseline water extent (km²)</source>
        <translation>基准水体范围（km²）</translation>
    </message>
    <message>
        <location filename="../processing/water_extent.py" line="104"/>
        <source>Give the water extent either as rasters ({}) or as polygons ({}), not both and not neither.</source>
        <translation>水体范围只能以栅格（{}）或多边形（{}）之一提供，不能同时提供，也不能都不提供。</translation>
    </message>
    <message>
        <location filename="../processing/water_extent.py" line="117"/>
        <source>Baseline period: {}</source>
        <translation>基准期：{}</translation>
    </message>
    <message>
        <location filename="../processing/water_extent.py" line="119"/>
        <source>No year given falls in the baseline period {}-{}: the baseline is the mean of {}.</source>
        <translation>给出的年份都不在基准期 {}-{} 内：以 {} 的平均值作为基准。</translation>
    </message>
    <message>
        <location filename="../processing/water_extent.py" line="121"/>
        <source>Baseline years: {}.</source>
        <translation>基准年份：{}。</translation>
    </message>
    <message>
        <location filename="../processing/water_extent.py" line="146"/>
        <source>Layer &apos;{}&apos; in {} is not a raster.</source>
        <translation>{1} 中的图层“{0}”不是栅格。</translation>
    </message>
    <message>
        <location filename="../processing/water_extent.py" line="159"/>
        <source>Parameter {}: &apos;{}&apos; is not a list of years such as 2000,2005,2010.</source>
        <translation>参数 {}：“{}”不是类似 2000,2005,2010 的年份列表。</translation>
    </message>
    <message>
        <location filename="../processing/water_extent.py" line="163"/>
        <source>Parameter {} lists {} year(s) for {} raster(s); give one year per raster, in the same order.</source>
        <translation>参数 {} 为 {} 个栅格列出了 {} 个年份；请按相同顺序为每个栅格给出一个年份。</translation>
    </message>
    <message>
        <location filename="../processing/water_extent.py" line="171"/>
        <source>Raster &apos;{}&apos; has no year in its name: list the years in {}.</source>
        <translation>栅格“{}”的名称中没有年份：请在 {} 中列出年份。</translation>
    </message>
    <message>
        <location filename="../processing/water_extent.py" line="177"/>
        <source>Year(s) {} appear more than once among the water rasters; give one raster per year.</source>
        <translation>年份 {} 在水体栅格中出现了多次；请每年只提供一个栅格。</translation>
    </message>
    <message>
        <location filename="../processing/water_extent.py" line="187"/>
        <source>Water polygons &apos;{}&apos;: choose their year field in {}.</source>
        <translation>水体多边形“{}”：请在 {} 中选择其年份字段。</translation>
    </message>
    <message>
        <location filename="../processing/water_extent.py" line="194"/>
        <source>Water polygons &apos;{}&apos; hold no polygon.</source>
        <translation>水体多边形“{}”中没有多边形。</translation>
    </message>
    <message>
        <location filename="../processing/water_extent.py" line="213"/>
        <source>Water polygons &apos;{}&apos;, feature {}: field &apos;{}&apos; holds &apos;{}&apos;, not a year.</source>
        <translation>水体多边形“{}”，要素 {}：字段“{}”的值为“{}”，不是年份。</translation>
    </message>
    <message>
        <location filename="../processing/workbook_indicators.py" line="48"/>
        <source>Statistical indicators from a workbook</source>
        <translation>基于工作簿的统计指标</translation>
    </message>
    <message>
        <location filename="../processing/workbook_indicators.py" line="51"/>
        <source>&lt;p&gt;Computes every statistical indicator of an indicator profile (default: the Deqing County profile shipped with the plugin) from a statistical workbook, for every area and year in it.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Workbook&lt;/b&gt; (.xlsx): a sheet (default &lt;i&gt;data&lt;/i&gt;) whose first row names the columns &lt;i&gt;item, area_code, area_name, year, value, unit&lt;/i&gt;, one row per item, area and year. Item ids are those of the profile&apos;s &lt;i&gt;numerator&lt;/i&gt; and &lt;i&gt;denominator&lt;/i&gt; columns.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Formulas&lt;/b&gt; as in the profile: percentage, rate per N, ratio, per capita, parity index, growth ((x2 / x1) ^ (1 / (t2 - t1)) - 1), or a plain value (UN SDG metadata conventions). Spatial indicators of the profile (sdg:...) are left to their own algorithms.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Errors&lt;/b&gt; are per indicator and name the sheet and cell: an indicator whose items are not in the sheet is skipped; a text in a number cell, an empty cell or a zero denominator loses only that area and year. The rest is computed.&lt;/p&gt;&lt;p&gt;Outputs: VALUE, the number of indicators computed; SKIPPED, the number skipped; OUTPUT, a table of every value. With a results store, all rows are written in one transaction (all or nothing). The area whose code starts every other code (the county) is written as the whole area unless AREA_ID names another.&lt;/p&gt;</source>
        <translation>&lt;p&gt;根据统计工作簿，计算指标体系（默认：随插件提供的德清县指标体系）中的所有统计指标，覆盖其中的每个区域和年份。&lt;/p&gt;&lt;p&gt;&lt;b&gt;工作簿&lt;/b&gt;（.xlsx）：一个工作表（默认 &lt;i&gt;data&lt;/i&gt;），首行为列名 &lt;i&gt;item, area_code, area_name, year, value, unit&lt;/i&gt;，每个统计项、区域和年份一行。统计项 ID 即指标体系中 &lt;i&gt;numerator&lt;/i&gt; 和 &lt;i&gt;denominator&lt;/i&gt; 列所用的 ID。&lt;/p&gt;&lt;p&gt;&lt;b&gt;公式&lt;/b&gt;与指标体系一致：百分比、每 N 的比率、比率、人均、均等指数、增长率（(x2 / x1) ^ (1 / (t2 - t1)) - 1），或直接取值（联合国 SDG 指标元数据惯例）。指标体系中的空间指标（sdg:...）由各自的算法计算。&lt;/p&gt;&lt;p&gt;&lt;b&gt;错误&lt;/b&gt;按指标报告，并指明工作表和单元格：统计项不在工作表中的指标会被跳过；数值单元格中的文本、空单元格或分母为零只影响该区域该年份。其余部分照常计算。&lt;/p&gt;&lt;p&gt;输出：VALUE，计算成功的指标数；SKIPPED，跳过的指标数；OUTPUT，包含所有值的表。指定结果库时，所有记录在一个事务中写入（要么全部写入，要么全部不写）。代码为其他所有代码前缀的区域（县）作为全域写入，除非 AREA_ID 指定了其他区域。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/workbook_indicators.py" line="69"/>
        <source>Statistical workbook (.xlsx)</source>
        <translation>统计工作簿（.xlsx）</translation>
    </message>
    <message>
        <location filename="../processing/workbook_indicators.py" line="69"/>
        <source>Excel workbooks (*.xlsx *.XLSX)</source>
        <translation>Excel 工作簿 (*.xlsx *.XLSX)</translation>
    </message>
    <message>
        <location filename="../processing/workbook_template.py" line="55"/>
        <source>Indicator profile (CSV; default: Deqing County)</source>
        <translation>指标体系（CSV；默认：德清县）</translation>
    </message>
    <message>
        <location filename="../processing/workbook_indicators.py" line="77"/>
        <source>Data sheet</source>
        <translation>数据工作表</translation>
    </message>
    <message>
        <location filename="../processing/workbook_indicators.py" line="78"/>
        <source>Code of the whole area (default: the code every other code starts with)</source>
        <translation>全域代码（默认：其他所有代码共同的前缀代码）</translation>
    </message>
    <message>
        <location filename="../processing/workbook_indicators.py" line="80"/>
        <source>Level of the other areas</source>
        <translation>其他区域的级别</translation>
    </message>
    <message>
        <location filename="../processing/workbook_indicators.py" line="84"/>
        <source>Indicator values</source>
        <translation>指标值</translation>
    </message>
    <message>
        <location filename="../processing/workbook_indicators.py" line="86"/>
        <source>Number of indicators computed</source>
        <translation>计算成功的指标数</translation>
    </message>
    <message>
        <location filename="../processing/workbook_indicators.py" line="87"/>
        <source>Number of indicators skipped</source>
        <translation>跳过的指标数</translation>
    </message>
    <message>
        <location filename="../processing/workbook_indicators.py" line="134"/>
        <source>{} indicator(s) computed, {} skipped, from {} area(s) and {} year(s).</source>
        <translation>已从 {2} 个区域、{3} 个年份的数据中计算 {0} 个指标，跳过 {1} 个。</translation>
    </message>
    <message>
        <location filename="../processing/workbook_indicators.py" line="147"/>
        <source>Cannot read the workbook {}: {}. Save it as an Excel workbook (.xlsx).</source>
        <translation>无法读取工作簿 {}：{}。请将其另存为 Excel 工作簿（.xlsx）。</translation>
    </message>
    <message>
        <location filename="../processing/workbook_indicators.py" line="151"/>
        <source>The workbook {} has no sheet {}; its sheets are {}.</source>
        <translation>工作簿 {} 中没有工作表 {}；现有工作表为 {}。</translation>
    </message>
    <message>
        <location filename="../processing/workbook_indicators.py" line="155"/>
        <source>Workbook {}: {}</source>
        <translation>工作簿 {}：{}</translation>
    </message>
    <message>
        <location filename="../ui/charts.py" line="103"/>
        <source>Required trajectory</source>
        <translation>所需轨迹</translation>
    </message>
    <message>
        <location filename="../ui/charts.py" line="111"/>
        <source>Target {0:g} ({1})</source>
        <translation>目标值 {0:g}（{1} 年）</translation>
    </message>
    <message>
        <location filename="../ui/run_panel.py" line="67"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="111"/>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="112"/>
        <source>Open an existing results store (GeoPackage)</source>
        <translation>打开已有的结果库（GeoPackage）</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="113"/>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="114"/>
        <source>Create a new, empty results store (GeoPackage)</source>
        <translation>新建空的结果库（GeoPackage）</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="145"/>
        <source>Click to show the indicators of all goals</source>
        <translation>单击以显示所有目标的指标</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="148"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="152"/>
        <source>Search code or name</source>
        <translation>搜索代码或名称</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="169"/>
        <source>Export table (CSV)…</source>
        <translation>导出表格（CSV）…</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="170"/>
        <source>Save chart (PNG)…</source>
        <translation>保存图表（PNG）…</translation>
    </message>
    <message>
        <location filename="../ui/indicator_table.py" line="48"/>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="188"/>
        <source>By zone</source>
        <translation>按分区</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="193"/>
        <source>Zones layer (townships, villages) to show the values on</source>
        <translation>用于显示数值的分区图层（乡镇、村）</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="195"/>
        <source>Field of the zones layer holding the area ids of the results store</source>
        <translation>分区图层中存放结果库区域代码的字段</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="198"/>
        <source>Show on map</source>
        <translation>在地图上显示</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="214"/>
        <source>Open a results store</source>
        <translation>打开结果库</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="220"/>
        <source>Create a results store</source>
        <translation>新建结果库</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="241"/>
        <source>Results store: {}</source>
        <translation>结果库：{}</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="246"/>
        <source>The results store {} was not found: it may have been moved or deleted. Click Open… to choose it again, or New… to create a new one.</source>
        <translation>未找到结果库 {}：它可能已被移动或删除。请单击“打开…”重新选择，或单击“新建…”创建新的结果库。</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="252"/>
        <source>The results store cannot be opened: {}</source>
        <translation>无法打开结果库：{}</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="263"/>
        <source>The results store cannot be read: {}</source>
        <translation>无法读取结果库：{}</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="269"/>
        <source>The results store has no results yet. Run an indicator set on the Run tab, or run an indicator from the Processing toolbox (SDG Monitor group) with this file as its results store, then come back here.</source>
        <translation>结果库中还没有结果。请在“运行”选项卡中运行指标集，或在处理工具箱（SDG 监测组）中运行指标并以此文件作为结果库，然后再回到这里。</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="275"/>
        <source>The results store has no targets yet, so progress is judged by the trend alone (Open SDG method without a target). Add targets to its sdg_targets table to assess progress against them.</source>
        <translation>结果库中还没有目标值，因此仅根据趋势判断进展（无目标值的 Open SDG 方法）。请在其 sdg_targets 表中添加目标值，以评估相对于目标值的进展。</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="304"/>
        <source>No results store</source>
        <translation>无结果库</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="307"/>
        <source>No results store is open. Click Open… to choose a results GeoPackage (.gpkg), or New… to create one; then run an indicator set on the Run tab or indicators from the Processing toolbox.</source>
        <translation>尚未打开结果库。请单击“打开…”选择结果 GeoPackage（.gpkg），或单击“新建…”创建一个；然后在“运行”选项卡中运行指标集，或在处理工具箱中运行指标。</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="365"/>
        <source>Goal {0}: {1} ✕</source>
        <translation>目标 {0}：{1} ✕</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="399"/>
        <source>No values by zone for this indicator</source>
        <translation>此指标没有分区数值</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="401"/>
        <source>{0} by {1}, {2}</source>
        <translation>{0}，按{1}，{2} 年</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="428"/>
        <source>Select an indicator in the table first.</source>
        <translation>请先在表格中选择一个指标。</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="430"/>
        <source>No zones layer: add the zones (townships, villages) to the project as a polygon layer, then choose it here.</source>
        <translation>没有分区图层：请将分区（乡镇、村）作为多边形图层添加到项目中，然后在此处选择。</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="433"/>
        <source>Choose the field of the zones layer that holds the area ids of the results store.</source>
        <translation>请选择分区图层中存放结果库区域代码的字段。</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="435"/>
        <source>This indicator has no values by zone: compute it with a zones layer to map it.</source>
        <translation>此指标没有分区数值：请使用分区图层计算此指标后再制图。</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="441"/>
        <source>Added layer “{0}”: {1} zones with a value, {2} without.</source>
        <translation>已添加图层“{0}”：{1} 个分区有值，{2} 个没有值。</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="444"/>
        <source>No zone of {0} matched an area id of the results store by field {1}: choose the field holding the zone ids used when the indicator was computed.</source>
        <translation>{0} 中没有任何分区通过字段 {1} 匹配到结果库的区域代码：请选择计算指标时所用分区代码所在的字段。</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="454"/>
        <source>Export the indicator table</source>
        <translation>导出指标表</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="465"/>
        <source>Save the chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="465"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../ui/goal_tiles.py" line="44"/>
        <source>no score</source>
        <translation>无得分</translation>
    </message>
    <message>
        <location filename="../ui/goal_tiles.py" line="45"/>
        <source>score {:.1f}</source>
        <translation>得分 {:.1f}</translation>
    </message>
    <message>
        <location filename="../ui/goal_tiles.py" line="160"/>
        <source>{} indicators</source>
        <translation>{} 个指标</translation>
    </message>
    <message>
        <location filename="../ui/goal_tiles.py" line="151"/>
        <source>{measured} indicators measured, {with_target} with a target, {met} met or nearly met</source>
        <translation>已监测 {measured} 个指标，{with_target} 个设有目标值，{met} 个已实现或基本实现</translation>
    </message>
    <message>
        <location filename="../ui/indicator_table.py" line="47"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../ui/indicator_table.py" line="47"/>
        <source>Latest value</source>
        <translation>最新值</translation>
    </message>
    <message>
        <location filename="../ui/indicator_table.py" line="83"/>
        <source>Target for {}</source>
        <translation>{} 年目标值</translation>
    </message>
    <message>
        <location filename="../ui/labels.py" line="25"/>
        <source>Whole area</source>
        <translation>全域</translation>
    </message>
    <message>
        <location filename="../ui/run_panel.py" line="40"/>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../ui/run_panel.py" line="40"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../ui/run_panel.py" line="40"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../ui/run_panel.py" line="41"/>
        <source>not run</source>
        <translation>未运行</translation>
    </message>
    <message>
        <location filename="../ui/run_panel.py" line="61"/>
        <source>Indicator set (configuration file)</source>
        <translation>指标集（配置文件）</translation>
    </message>
    <message>
        <location filename="../ui/run_panel.py" line="63"/>
        <source>Indicator sets (*.yml *.yaml *.json);;All files (*)</source>
        <translation>指标集 (*.yml *.yaml *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/run_panel.py" line="64"/>
        <source>Choose an indicator set</source>
        <translation>选择指标集</translation>
    </message>
    <message>
        <location filename="../ui/run_panel.py" line="68"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/run_panel.py" line="110"/>
        <source>Running an indicator set needs the {} algorithm, which is not installed in this version of SDG Monitor. Run indicators from the Processing toolbox meanwhile.</source>
        <translation>运行指标集需要 {} 算法，但当前版本的 SDG 监测未安装该算法。在此期间请从处理工具箱运行指标。</translation>
    </message>
    <message>
        <location filename="../ui/run_panel.py" line="126"/>
        <source>Open or create a results store first.</source>
        <translation>请先打开或新建结果库。</translation>
    </message>
    <message>
        <location filename="../ui/run_panel.py" line="116"/>
        <source>Choose an indicator set file.</source>
        <translation>请选择指标集文件。</translation>
    </message>
    <message>
        <location filename="../ui/run_panel.py" line="122"/>
        <source>Run the indicator set in the background</source>
        <translation>在后台运行指标集</translation>
    </message>
    <message>
        <location filename="../ui/task_runner.py" line="74"/>
        <source>SDG Monitor: running indicators</source>
        <translation>SDG 监测：正在运行指标</translation>
    </message>
    <message>
        <location filename="../ui/task_runner.py" line="110"/>
        <source>Algorithm {} is not available: enable the plugin that provides it.</source>
        <translation>算法 {} 不可用：请启用提供该算法的插件。</translation>
    </message>
    <message>
        <location filename="../ui/task_runner.py" line="130"/>
        <source>The algorithm failed without a message.</source>
        <translation>算法运行失败，未给出任何消息。</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="220"/>
        <source>GeoPackage files (*.gpkg)</source>
        <translation>GeoPackage 文件 (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../ui/labels.py" line="25"/>
        <source>Province</source>
        <translation>省</translation>
    </message>
    <message>
        <location filename="../ui/labels.py" line="25"/>
        <source>City</source>
        <translation>市</translation>
    </message>
    <message>
        <location filename="../ui/labels.py" line="26"/>
        <source>County</source>
        <translation>县</translation>
    </message>
    <message>
        <location filename="../ui/labels.py" line="26"/>
        <source>District</source>
        <translation>区</translation>
    </message>
    <message>
        <location filename="../ui/labels.py" line="26"/>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../ui/labels.py" line="27"/>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <location filename="../ui/labels.py" line="27"/>
        <source>Zone</source>
        <translation>分区</translation>
    </message>
    <message>
        <location filename="../processing/land_consumption.py" line="198"/>
        <source>start</source>
        <translation>起始</translation>
    </message>
    <message>
        <location filename="../processing/land_consumption.py" line="198"/>
        <source>end</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../processing/report_pdf.py" line="32"/>
        <source>Progress by goal</source>
        <translation>各目标进展</translation>
    </message>
    <message>
        <location filename="../processing/report_pdf.py" line="33"/>
        <source>No value</source>
        <translation>无值</translation>
    </message>
    <message>
        <location filename="../processing/report_pdf.py" line="34"/>
        <source>No indicator of this goal has values by zone.</source>
        <translation>此目标没有任何指标具有分区数值。</translation>
    </message>
    <message>
        <location filename="../processing/report_pdf.py" line="35"/>
        <source>{indicator}, by zone, {year}</source>
        <translation>{indicator}，按分区，{year} 年</translation>
    </message>
    <message>
        <location filename="../processing/report_pdf.py" line="55"/>
        <source>Export report (PDF)</source>
        <translation>导出报告（PDF）</translation>
    </message>
    <message>
        <location filename="../processing/report_pdf.py" line="58"/>
        <source>&lt;p&gt;Writes a PDF report from a results store with a print-layout template: a cover with the headline (indicators measured, with a target, met or nearly met) and a table of the goals with their status colours, then a page per goal with a map of one of its indicators by zone for the latest year (spatial indicators first; graduated colours, legend) and a table of its indicators (value, unit, year, target, status). Run &lt;i&gt;sdg:assess_progress&lt;/i&gt; first for statuses.&lt;/p&gt;&lt;p&gt;Zones: the polygons whose ids (ZONE_ID_FIELD, default the feature id) are the store&apos;s zone area ids; without zones the pages have no maps. Layout: a .qpt with two pages (cover, goal page) whose labels use the report&apos;s variables; the default is data/layouts/sdg_report.qpt.&lt;/p&gt;&lt;p&gt;Print layouts are not thread-safe: the algorithm runs on the main thread, and from the command line in its own &lt;i&gt;qgis_process&lt;/i&gt; run.&lt;/p&gt;</source>
        <translation>&lt;p&gt;使用打印布局模板，根据结果库生成 PDF 报告：封面包括总体情况（已监测的指标、设有目标值的指标、已实现或基本实现的指标）和以颜色标示状态的目标表，随后每个目标一页，包括其中一个指标最新年份的分区地图（优先选用空间指标；分级设色，带图例）和该目标的指标表（值、单位、年份、目标值、状态）。如需状态，请先运行 &lt;i&gt;sdg:assess_progress&lt;/i&gt;。&lt;/p&gt;&lt;p&gt;分区：代码（ZONE_ID_FIELD，默认为要素 ID）与结果库中分区区域代码对应的多边形；没有分区时页面不含地图。布局：含两页（封面、目标页）的 .qpt 模板，其标签使用报告变量；默认为 data/layouts/sdg_report.qpt。&lt;/p&gt;&lt;p&gt;打印布局不是线程安全的：本算法在主线程中运行，在命令行中则在单独的 &lt;i&gt;qgis_process&lt;/i&gt; 进程中运行。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/report_pdf.py" line="75"/>
        <source>Zones to map (townships, villages)</source>
        <translation>用于制图的分区（乡镇、村）</translation>
    </message>
    <message>
        <location filename="../processing/report_pdf.py" line="76"/>
        <source>Layout template (default: the report template shipped with the plugin)</source>
        <translation>布局模板（默认：随插件提供的报告模板）</translation>
    </message>
    <message>
        <location filename="../processing/report_base.py" line="100"/>
        <source>Area id (default: the store&apos;s whole area)</source>
        <translation>区域代码（默认：结果库中的全域）</translation>
    </message>
    <message>
        <location filename="../processing/report_pdf.py" line="81"/>
        <source>Report title</source>
        <translation>报告标题</translation>
    </message>
    <message>
        <location filename="../processing/report_pdf.py" line="84"/>
        <source>PDF report</source>
        <translation>PDF 报告</translation>
    </message>
    <message>
        <location filename="../ui/run_panel.py" line="138"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../processing/report_pdf.py" line="86"/>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../processing/report_base.py" line="108"/>
        <source>{} Set AREA_ID.</source>
        <translation>{} 请设置 AREA_ID。</translation>
    </message>
    <message>
        <location filename="../processing/report_pdf.py" line="105"/>
        <source>Latest data {year} · progress: {method} · produced {date} with SDG Monitor</source>
        <translation>最新数据 {year} 年 · 进展评估：{method} · 由 SDG 监测于 {date} 生成</translation>
    </message>
    <message>
        <location filename="../processing/report_pdf.py" line="113"/>
        <source>Cancelled before the PDF was written.</source>
        <translation>已在写入 PDF 之前取消。</translation>
    </message>
    <message>
        <location filename="../processing/report_pdf.py" line="122"/>
        <source>Could not write the PDF {} (error {}): check the folder is writable and the file not open elsewhere.</source>
        <translation>无法写入 PDF {}（错误 {}）：请检查文件夹是否可写，以及文件是否在别处打开。</translation>
    </message>
    <message>
        <location filename="../processing/report_pdf.py" line="125"/>
        <source>PDF report written: {} ({} pages).</source>
        <translation>PDF 报告已写入：{}（共 {} 页）。</translation>
    </message>
    <message>
        <location filename="../processing/report_pdf.py" line="138"/>
        <source>The zones layer has no polygons with an id in field &apos;{}&apos;.</source>
        <translation>分区图层中没有在字段“{}”中具有代码的多边形。</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="255"/>
        <source>Layer &apos;{}&apos; ({}) has no coordinate reference system: set one (Layer Properties &gt; Source) and run again.</source>
        <translation>图层“{}”（{}）没有坐标参考系：请先设置（图层属性 &gt; 源），然后重新运行。</translation>
    </message>
    <message>
        <location filename="../processing/workbook_template.py" line="44"/>
        <source>Statistical workbook template</source>
        <translation>统计工作簿模板</translation>
    </message>
    <message>
        <location filename="../processing/workbook_template.py" line="47"/>
        <source>&lt;p&gt;Writes an empty statistical workbook for your own area, ready for the departments to fill in and for &lt;i&gt;sdg:indicators_from_workbook&lt;/i&gt; to read: the sheet &lt;i&gt;data&lt;/i&gt; has one row per workbook item of the indicator profile, area (the whole area, then each zone) and year, with its unit and an empty &lt;i&gt;value&lt;/i&gt; cell that accepts numbers only; the sheet &lt;i&gt;items&lt;/i&gt; lists each item with its unit and the indicators that use it; the sheet &lt;i&gt;notes&lt;/i&gt; says how to fill it in.&lt;/p&gt;</source>
        <translation>&lt;p&gt;为本地区生成一份空白统计工作簿，供各部门填报，并可由 &lt;i&gt;sdg:indicators_from_workbook&lt;/i&gt; 读取：工作表 &lt;i&gt;data&lt;/i&gt; 中，指标配置的每个工作簿数据项、每个区域（先是全域，再是各分区）和每个年份各占一行，注明单位，&lt;i&gt;value&lt;/i&gt; 单元格留空且只接受数字；工作表 &lt;i&gt;items&lt;/i&gt; 列出每个数据项的单位及使用它的指标；工作表 &lt;i&gt;notes&lt;/i&gt; 说明填报方法。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/workbook_template.py" line="58"/>
        <source>Code of the whole area (e.g. 330521)</source>
        <translation>全域区划代码（如 330521）</translation>
    </message>
    <message>
        <location filename="../processing/workbook_template.py" line="59"/>
        <source>Name of the whole area</source>
        <translation>全域名称</translation>
    </message>
    <message>
        <location filename="../processing/workbook_template.py" line="60"/>
        <source>Zones (townships), one row block per zone</source>
        <translation>分区（乡镇），每个分区一组行</translation>
    </message>
    <message>
        <location filename="../processing/workbook_template.py" line="63"/>
        <source>Zone code field</source>
        <translation>分区代码字段</translation>
    </message>
    <message>
        <location filename="../processing/workbook_template.py" line="67"/>
        <source>First year</source>
        <translation>起始年份</translation>
    </message>
    <message>
        <location filename="../processing/workbook_template.py" line="70"/>
        <source>Last year</source>
        <translation>结束年份</translation>
    </message>
    <message>
        <location filename="../processing/workbook_template.py" line="73"/>
        <source>Workbook template</source>
        <translation>工作簿模板</translation>
    </message>
    <message>
        <location filename="../processing/workbook_template.py" line="75"/>
        <source>Rows to fill in</source>
        <translation>待填报行数</translation>
    </message>
    <message>
        <location filename="../processing/workbook_template.py" line="87"/>
        <source>The last year {} comes before the first year {}.</source>
        <translation>结束年份 {} 早于起始年份 {}。</translation>
    </message>
    <message>
        <location filename="../processing/workbook_template.py" line="99"/>
        <source>Workbook template written: {} ({} rows to fill in).</source>
        <translation>已写出工作簿模板：{}（待填报 {} 行）。</translation>
    </message>
    <message>
        <location filename="../processing/workbook_template.py" line="108"/>
        <source>Choose the zone code field of the zones layer.</source>
        <translation>请选择分区图层的分区代码字段。</translation>
    </message>
    <message>
        <location filename="../processing/workbook_template.py" line="129"/>
        <source>Numbers only</source>
        <translation>仅限数字</translation>
    </message>
    <message>
        <location filename="../processing/workbook_template.py" line="129"/>
        <source>Type a number without units; leave the cell empty when unknown.</source>
        <translation>请输入不带单位的数字；未知时留空。</translation>
    </message>
    <message>
        <location filename="../processing/workbook_template.py" line="139"/>
        <source>How to fill in this workbook</source>
        <translation>工作簿填报说明</translation>
    </message>
    <message>
        <location filename="../processing/workbook_template.py" line="139"/>
        <source>Type each figure in the value column of the data sheet, in the unit given beside it.</source>
        <translation>请在 data 工作表的 value 列中按旁边注明的单位填写各项数据。</translation>
    </message>
    <message>
        <location filename="../processing/workbook_template.py" line="139"/>
        <source>Leave a cell empty when the figure is not known: only the indicators that need it are skipped.</source>
        <translation>数据未知时请留空：只有需要该数据的指标会被跳过。</translation>
    </message>
    <message>
        <location filename="../processing/workbook_template.py" line="139"/>
        <source>Do not change the item, area_code and year columns; add rows for more areas or years if needed.</source>
        <translation>请勿修改 item、area_code 和 year 列；如需更多区域或年份，可添加行。</translation>
    </message>
    <message>
        <location filename="../processing/workbook_template.py" line="139"/>
        <source>Then run &apos;Statistical indicators from a workbook&apos; (sdg:indicators_from_workbook).</source>
        <translation>然后运行“从工作簿计算统计指标”（sdg:indicators_from_workbook）。</translation>
    </message>
    <message>
        <location filename="../processing/access.py" line="516"/>
        <source>Walk-off distance: {:.0f} m.</source>
        <translation>离网步行距离：{:.0f} 米。</translation>
    </message>
    <message>
        <location filename="../processing/zones.py" line="103"/>
        <source>Zones layer &apos;{}&apos; has no features (or none is selected): choose a layer with zones, or leave the zones empty to compute the whole area.</source>
        <translation>分区图层“{}”没有要素（或没有选中任何要素）：请选择含有分区的图层，或不设分区以计算整个区域。</translation>
    </message>
    <message>
        <location filename="../processing/zones.py" line="228"/>
        <source>Zones layer &apos;{}&apos;: zone(s) {} hold no pixel centre of raster layer &apos;{}&apos; (they lie outside it or are smaller than a pixel); their value is NULL.</source>
        <translation>分区图层“{}”：分区 {} 不包含栅格图层“{}”的任何像元中心（位于栅格范围之外或小于一个像元），其值为空（NULL）。</translation>
    </message>
    <message>
        <location filename="../processing/table_indicator.py" line="134"/>
        <source>Table &apos;{}&apos; has no rows (or none is selected): choose a table with data.</source>
        <translation>表“{}”没有记录（或没有选中任何记录）：请选择含有数据的表。</translation>
    </message>
    <message>
        <location filename="../processing/zones.py" line="66"/>
        <source>a field name</source>
        <translation>某个字段名</translation>
    </message>
    <message>
        <location filename="../processing/zones.py" line="91"/>
        <source>field &apos;{}&apos;</source>
        <translation>字段“{}”</translation>
    </message>
    <message>
        <location filename="../processing/tables.py" line="50"/>
        <source>Layer &apos;{}&apos;: {} holds text that does not decode in the layer&apos;s encoding (&apos;{}&apos;). The file is probably in another encoding, such as GBK, without a .cpg file: set the layer&apos;s data source encoding (Layer Properties &gt; Source), or put a text file with the same name and the extension .cpg containing GBK beside the shapefile, then run again.</source>
        <translation>图层“{}”：{}中的文本无法按图层的编码解码（“{}”）。该文件可能使用其他编码（如 GBK）且缺少 .cpg 文件：请设置图层的数据源编码（图层属性 &gt; 源），或在 shapefile 旁放一个同名、扩展名为 .cpg、内容为 GBK 的文本文件，然后重新运行。</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="24"/>
        <source>SDG Monitor needs the Python package(s) {}: install them (on Windows with the OSGeo4W installer, elsewhere with your package manager or pip) and restart QGIS.</source>
        <translation>SDG 监测需要 Python 包 {}：请安装（Windows 上使用 OSGeo4W 安装程序，其他系统使用软件包管理器或 pip），然后重启 QGIS。</translation>
    </message>
    <message>
        <location filename="../ui/charts.py" line="171"/>
        <source>Charts need the Python package pyqtgraph. Install it (on Windows with the OSGeo4W installer, elsewhere with your package manager or pip) and restart QGIS; everything else works without it.</source>
        <translation>图表需要 Python 包 pyqtgraph。请安装（Windows 上使用 OSGeo4W 安装程序，其他系统使用软件包管理器或 pip）后重启 QGIS；其他功能无需该包即可使用。</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="157"/>
        <source>Excel workbooks need the Python package openpyxl: install it (on Windows with the OSGeo4W installer, elsewhere with your package manager or pip) and restart QGIS.</source>
        <translation>Excel 工作簿需要 Python 包 openpyxl：请安装（Windows 上使用 OSGeo4W 安装程序，其他系统使用软件包管理器或 pip），然后重启 QGIS。</translation>
    </message>
    <message>
        <location filename="../scale/__main__.py" line="35"/>
        <source>error: {}</source>
        <translation>错误：{}</translation>
    </message>
    <message>
        <location filename="../scale/__main__.py" line="42"/>
        <source>{} whole area: {} {} ({} zones, {} windows, {})</source>
        <translation>{} 全区：{} {}（{} 个分区，{} 个窗口，{}）</translation>
    </message>
    <message>
        <location filename="../scale/__main__.py" line="62"/>
        <source>band of the rasters</source>
        <translation>栅格的波段</translation>
    </message>
    <message>
        <location filename="../scale/__main__.py" line="63"/>
        <source>zones: any vector file GDAL reads</source>
        <translation>分区：GDAL 可读的任意矢量文件</translation>
    </message>
    <message>
        <location filename="../scale/__main__.py" line="64"/>
        <source>layer of the zones file (default: the first)</source>
        <translation>分区文件中的图层（默认：第一个）</translation>
    </message>
    <message>
        <location filename="../scale/__main__.py" line="65"/>
        <source>field with unique zone ids (default: the feature id)</source>
        <translation>分区编号唯一的字段（默认：要素编号）</translation>
    </message>
    <message>
        <location filename="../scale/__main__.py" line="66"/>
        <source>field with the zone names</source>
        <translation>分区名称字段</translation>
    </message>
    <message>
        <location filename="../scale/__main__.py" line="67"/>
        <source>area level of the zones&apos; store rows</source>
        <translation>分区在结果库中的区域级别</translation>
    </message>
    <message>
        <location filename="../scale/__main__.py" line="68"/>
        <source>year of the store rows</source>
        <translation>写入结果库的年份</translation>
    </message>
    <message>
        <location filename="../scale/__main__.py" line="69"/>
        <source>id of the whole area&apos;s store row</source>
        <translation>全区在结果库中的编号</translation>
    </message>
    <message>
        <location filename="../scale/__main__.py" line="70"/>
        <source>name of the whole area</source>
        <translation>全区名称</translation>
    </message>
    <message>
        <location filename="../scale/__main__.py" line="71"/>
        <source>write the zones&apos; values to this CSV (UTF-8)</source>
        <translation>将各分区的值写入此 CSV（UTF-8）</translation>
    </message>
    <message>
        <location filename="../scale/__main__.py" line="72"/>
        <source>upsert the rows into this results store (GeoPackage)</source>
        <translation>将各行写入（更新或插入）此结果库（GeoPackage）</translation>
    </message>
    <message>
        <location filename="../scale/__main__.py" line="73"/>
        <source>pixels per task</source>
        <translation>每个任务的像元数</translation>
    </message>
    <message>
        <location filename="../scale/__main__.py" line="75"/>
        <source>run on a local Dask cluster of N processes</source>
        <translation>在由 N 个进程组成的本地 Dask 集群上运行</translation>
    </message>
    <message>
        <location filename="../scale/__main__.py" line="76"/>
        <source>run on the Dask cluster at this address (tcp://host:8786)</source>
        <translation>在此地址的 Dask 集群上运行（tcp://host:8786）</translation>
    </message>
    <message>
        <location filename="../scale/__main__.py" line="77"/>
        <source>send this zip of the plugin to the cluster&apos;s workers first (dist/sdg_monitor-&lt;version&gt;.zip from make package)</source>
        <translation>先将此插件 zip 包发送到集群的各工作进程（make package 生成的 dist/sdg_monitor-&lt;version&gt;.zip）</translation>
    </message>
    <message>
        <location filename="../scale/__main__.py" line="79"/>
        <source>SDG indicators over tiled rasters, in this process or on a Dask cluster.</source>
        <translation>在分块栅格上计算 SDG 指标，可在本进程中或 Dask 集群上运行。</translation>
    </message>
    <message>
        <location filename="../scale/__main__.py" line="82"/>
        <source>SDG 15.1.1 forest area as a proportion of land area</source>
        <translation>SDG 15.1.1 森林面积占陆地面积的比例</translation>
    </message>
    <message>
        <location filename="../scale/__main__.py" line="84"/>
        <source>land-cover tiles: paths or globs, or a VRT</source>
        <translation>土地覆盖分块：路径或通配符，或一个 VRT</translation>
    </message>
    <message>
        <location filename="../scale/__main__.py" line="86"/>
        <source>forest classes (default 20, GlobeLand30)</source>
        <translation>森林类别（默认 20，GlobeLand30）</translation>
    </message>
    <message>
        <location filename="../scale/__main__.py" line="87"/>
        <source>inland water classes (default 60)</source>
        <translation>内陆水体类别（默认 60）</translation>
    </message>
    <message>
        <location filename="../scale/__main__.py" line="88"/>
        <source>SDG 11.3.1 land consumption rate to population growth rate</source>
        <translation>SDG 11.3.1 土地消耗率与人口增长率之比</translation>
    </message>
    <message>
        <location filename="../scale/__main__.py" line="91"/>
        <source>tiles: paths or globs, or a VRT</source>
        <translation>分块：路径或通配符，或一个 VRT</translation>
    </message>
    <message>
        <location filename="../scale/__main__.py" line="92"/>
        <source>built-up classes (default 1; GlobeLand30: 80)</source>
        <translation>建设用地类别（默认 1；GlobeLand30 为 80）</translation>
    </message>
    <message>
        <location filename="../scale/__main__.py" line="93"/>
        <source>start year (t1)</source>
        <translation>起始年份（t1）</translation>
    </message>
    <message>
        <location filename="../scale/__main__.py" line="94"/>
        <source>end year (t2)</source>
        <translation>结束年份（t2）</translation>
    </message>
    <message>
        <location filename="../scale/__main__.py" line="107"/>
        <source>Dask is not installed: pip install &apos;dask[distributed]&apos;, or run without --workers and --scheduler.</source>
        <translation>未安装 Dask：请执行 pip install 'dask[distributed]'，或不使用 --workers 和 --scheduler 运行。</translation>
    </message>
    <message>
        <location filename="../scale/__main__.py" line="132"/>
        <source>{}/{} windows</source>
        <translation>{}/{} 个窗口</translation>
    </message>
    <message>
        <location filename="../scale/indicators.py" line="86"/>
        <source>The end year ({}) must come after the start year ({}).</source>
        <translation>结束年份（{}）必须晚于起始年份（{}）。</translation>
    </message>
    <message>
        <location filename="../scale/kernels.py" line="84"/>
        <source>A worker cannot open raster &apos;{}&apos;: give paths every worker can read.</source>
        <translation>工作进程无法打开栅格“{}”：请提供每个工作进程都能读取的路径。</translation>
    </message>
    <message>
        <location filename="../scale/kernels.py" line="98"/>
        <source>Could not rasterize the zones on &apos;{}&apos;.</source>
        <translation>无法在“{}”上栅格化分区。</translation>
    </message>
    <message>
        <location filename="../scale/tiles.py" line="43"/>
        <source>No raster matches &apos;{}&apos;: check the path or the pattern.</source>
        <translation>没有与“{}”匹配的栅格：请检查路径或通配符。</translation>
    </message>
    <message>
        <location filename="../scale/tiles.py" line="51"/>
        <source>No raster given: give at least one tile.</source>
        <translation>未提供栅格：请至少提供一个分块。</translation>
    </message>
    <message>
        <location filename="../scale/tiles.py" line="58"/>
        <source>Cannot open raster &apos;{}&apos;: check that it exists and is a raster GDAL reads.</source>
        <translation>无法打开栅格“{}”：请确认文件存在且为 GDAL 可读的栅格。</translation>
    </message>
    <message>
        <location filename="../scale/tiles.py" line="75"/>
        <source>Raster &apos;{}&apos; has {} band(s), not band {}: choose another band.</source>
        <translation>栅格“{}”只有 {} 个波段，没有波段 {}：请选择其他波段。</translation>
    </message>
    <message>
        <location filename="../scale/tiles.py" line="79"/>
        <source>Raster &apos;{}&apos; has no coordinate reference system: assign one (gdal_edit.py -a_srs).</source>
        <translation>栅格“{}”没有坐标参考系：请为其指定一个（gdal_edit.py -a_srs）。</translation>
    </message>
    <message>
        <location filename="../scale/tiles.py" line="83"/>
        <source>Raster &apos;{}&apos; is rotated or not north-up: warp it to a north-up grid first.</source>
        <translation>栅格“{}”有旋转或不是北向朝上：请先将其重投影到北向朝上的格网。</translation>
    </message>
    <message>
        <location filename="../scale/tiles.py" line="91"/>
        <source>Raster &apos;{}&apos; is in another CRS than &apos;{}&apos;: give tiles in one CRS.</source>
        <translation>栅格“{}”与“{}”的坐标参考系不同：请提供同一坐标参考系的分块。</translation>
    </message>
    <message>
        <location filename="../scale/tiles.py" line="94"/>
        <source>Raster &apos;{}&apos; has another pixel size than &apos;{}&apos;: give tiles of one resolution.</source>
        <translation>栅格“{}”与“{}”的像元大小不同：请提供同一分辨率的分块。</translation>
    </message>
    <message>
        <location filename="../scale/tiles.py" line="110"/>
        <source>Rasters &apos;{}&apos; and &apos;{}&apos; overlap: their common pixels would count twice. Give tiles that do not overlap (or one mosaic).</source>
        <translation>栅格“{}”与“{}”相互重叠：重叠的像元会被重复计算。请提供互不重叠的分块（或一个镶嵌）。</translation>
    </message>
    <message>
        <location filename="../scale/zones.py" line="49"/>
        <source>Cannot open zones &apos;{}&apos;: check that it exists and is a vector layer GDAL reads.</source>
        <translation>无法打开分区“{}”：请确认文件存在且为 GDAL 可读的矢量图层。</translation>
    </message>
    <message>
        <location filename="../scale/zones.py" line="53"/>
        <source>Zones &apos;{}&apos; has no layer &apos;{}&apos;.</source>
        <translation>分区“{}”没有图层“{}”。</translation>
    </message>
    <message>
        <location filename="../scale/zones.py" line="57"/>
        <source>Zones &apos;{}&apos; has no field &apos;{}&apos;; its fields are: {}.</source>
        <translation>分区“{}”没有字段“{}”；其字段为：{}。</translation>
    </message>
    <message>
        <location filename="../scale/zones.py" line="72"/>
        <source>Zones &apos;{}&apos; feature {} is not a polygon: give a polygon layer.</source>
        <translation>分区“{}”的要素 {} 不是面：请提供面图层。</translation>
    </message>
    <message>
        <location filename="../scale/zones.py" line="82"/>
        <source>Zones &apos;{}&apos; has no features: give a layer with zones.</source>
        <translation>分区“{}”没有要素：请提供包含分区的图层。</translation>
    </message>
    <message>
        <location filename="../scale/zones.py" line="109"/>
        <source>Zones &apos;{}&apos; have no coordinate reference system: assign one.</source>
        <translation>分区“{}”没有坐标参考系：请为其指定一个。</translation>
    </message>
    <message>
        <location filename="../processing/export_portal.py" line="34"/>
        <source>SDG progress portal</source>
        <translation>SDG 进展门户</translation>
    </message>
    <message>
        <location filename="../processing/export_portal.py" line="34"/>
        <source>Skip to content</source>
        <translation>跳至正文</translation>
    </message>
    <message>
        <location filename="../processing/export_portal.py" line="35"/>
        <source>Progress summary</source>
        <translation>进展概要</translation>
    </message>
    <message>
        <location filename="../processing/export_portal.py" line="36"/>
        <source>Every assessed indicator with its latest value and status; sort by any column with its header button.</source>
        <translation>每个已评估指标的最新值和状态；点击列标题按钮可按该列排序。</translation>
    </message>
    <message>
        <location filename="../processing/export_portal.py" line="38"/>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location filename="../processing/export_portal.py" line="38"/>
        <source>{n} indicators</source>
        <translation>{n} 个指标</translation>
    </message>
    <message>
        <location filename="../processing/export_portal.py" line="40"/>
        <source>No indicator of this goal has results yet.</source>
        <translation>该目标尚无指标结果。</translation>
    </message>
    <message>
        <location filename="../processing/export_portal.py" line="41"/>
        <source>Breadcrumb</source>
        <translation>导航路径</translation>
    </message>
    <message>
        <location filename="../processing/export_portal.py" line="41"/>
        <source>SDG target</source>
        <translation>具体目标</translation>
    </message>
    <message>
        <location filename="../processing/export_portal.py" line="42"/>
        <source>Download the data (CSV, Open SDG format)</source>
        <translation>下载数据（CSV，Open SDG 格式）</translation>
    </message>
    <message>
        <location filename="../processing/export_portal.py" line="42"/>
        <source>Values</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../processing/export_portal.py" line="43"/>
        <source>Breakdown</source>
        <translation>分列</translation>
    </message>
    <message>
        <location filename="../processing/export_portal.py" line="43"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../processing/export_portal.py" line="43"/>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../processing/export_portal.py" line="44"/>
        <source>Values by year</source>
        <translation>逐年数值</translation>
    </message>
    <message>
        <location filename="../processing/export_portal.py" line="44"/>
        <source>Map by zone</source>
        <translation>分区地图</translation>
    </message>
    <message>
        <location filename="../processing/export_portal.py" line="45"/>
        <source>Values by zone</source>
        <translation>分区数值</translation>
    </message>
    <message>
        <location filename="../processing/export_portal.py" line="47"/>
        <source>Chart of {name} by year with the target and the trajectory required; the table below gives the same values.</source>
        <translation>{name}的逐年图表，含目标值和所需路径；下表给出相同的数值。</translation>
    </message>
    <message>
        <location filename="../processing/export_portal.py" line="49"/>
        <source>Map of {name} by zone; the table below gives the same values.</source>
        <translation>{name}的分区地图；下表给出相同的数值。</translation>
    </message>
    <message>
        <location filename="../processing/export_portal.py" line="50"/>
        <source>Produced on {date} with SDG Monitor (QGIS). The data are beside these pages in Open SDG&apos;s format: data/ and meta/.</source>
        <translation>由 SDG 监测（QGIS）于 {date} 生成。数据以 Open SDG 格式存放在这些网页旁的 data/ 和 meta/ 中。</translation>
    </message>
    <message>
        <location filename="../processing/export_portal.py" line="52"/>
        <source>Charts: Chart.js (MIT licence); maps: Leaflet (BSD licence); both in vendor/ with their licences.</source>
        <translation>图表：Chart.js（MIT 许可证）；地图：Leaflet（BSD 许可证）；二者及其许可证位于 vendor/ 中。</translation>
    </message>
    <message>
        <location filename="../processing/export_portal.py" line="66"/>
        <source>Export portal (offline web site)</source>
        <translation>导出门户（离线网站）</translation>
    </message>
    <message>
        <location filename="../processing/export_portal.py" line="69"/>
        <source>&lt;p&gt;Writes a static SDG portal into a folder: it opens from the file manager (index.html) with no network at all, or can be copied to any web server. The index shows the headline (indicators measured, with a target, met or nearly met), the 17 goals in their colours with their status counts, the goal groups and a sortable progress summary; each goal and each indicator has its page: name, unit, method and source, a chart per series with the target line and the trajectory required, a table, a map of the zones by year with a legend, breakdown selectors, and the data to download.&lt;/p&gt;&lt;p&gt;Beside the pages: the data in Open SDG&apos;s format (data/indicator_1-2-1.csv with Year, breakdowns, GeoCode, Value; meta/1-2-1.md), ready for an Open SDG site.&lt;/p&gt;&lt;p&gt;Zones: polygons whose ids (ZONE_ID_FIELD, default the feature id) are the store&apos;s zone area ids; by default the zones layer and id field the store&apos;s runs recorded. Language: QGIS&apos;s, English, Chinese, or both with a switch on every page. Run &lt;i&gt;sdg:assess_progress&lt;/i&gt; first for statuses. An existing folder is replaced only when it is empty or an earlier portal.&lt;/p&gt;</source>
        <translation>&lt;p&gt;将静态 SDG 门户写入文件夹：在文件管理器中打开 index.html 即可浏览，完全无需网络，也可复制到任何网站服务器。首页显示总体情况（已测算、有目标值、已实现或接近实现的指标数）、按各自颜色显示的 17 个目标及其状态统计、目标分组和可排序的进展概要；每个目标和每个指标各有一页：名称、单位、方法和来源，每个系列的图表（含目标值线和所需路径）、表格、按年份显示的分区地图（含图例）、分列选择，以及可下载的数据。&lt;/p&gt;&lt;p&gt;网页旁附有 Open SDG 格式的数据（data/indicator_1-2-1.csv，含 Year、分列、GeoCode、Value；meta/1-2-1.md），可直接用于 Open SDG 网站。&lt;/p&gt;&lt;p&gt;分区：多边形的 ID（ZONE_ID_FIELD，默认为要素 ID）即结果库中的分区区域 ID；默认使用结果库中运行记录的分区图层和 ID 字段。语言：QGIS 的语言、英文、中文，或中英文（每页可切换）。请先运行 &lt;i&gt;sdg:assess_progress&lt;/i&gt; 以获得状态。已有文件夹仅在为空或为以前导出的门户时才会被替换。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/export_portal.py" line="85"/>
        <source>Zones to map (default: the zones recorded in the store)</source>
        <translation>用于制图的分区（默认：结果库记录的分区）</translation>
    </message>
    <message>
        <location filename="../processing/export_portal.py" line="86"/>
        <source>English and Chinese, with a switch</source>
        <translation>中英文（可切换）</translation>
    </message>
    <message>
        <location filename="../processing/export_portal.py" line="89"/>
        <source>Portal title</source>
        <translation>门户标题</translation>
    </message>
    <message>
        <location filename="../processing/export_portal.py" line="90"/>
        <source>Progress method to show</source>
        <translation>显示的进展评估方法</translation>
    </message>
    <message>
        <location filename="../processing/run_indicator_set.py" line="99"/>
        <source>Portal folder</source>
        <translation>门户文件夹</translation>
    </message>
    <message>
        <location filename="../processing/export_portal.py" line="138"/>
        <source>Cancelled before the portal was written.</source>
        <translation>在写入门户之前已取消。</translation>
    </message>
    <message>
        <location filename="../processing/export_portal.py" line="144"/>
        <source>Could not write the portal {}: {}</source>
        <translation>无法写入门户 {}：{}</translation>
    </message>
    <message>
        <location filename="../processing/export_portal.py" line="146"/>
        <source>Portal written: {} ({} pages).</source>
        <translation>门户已写入：{}（{} 页）。</translation>
    </message>
    <message>
        <location filename="../processing/export_portal.py" line="157"/>
        <source>No zones given and none recorded in the store: the portal has no maps.</source>
        <translation>未提供分区，结果库中也没有记录：门户不含地图。</translation>
    </message>
    <message>
        <location filename="../processing/export_portal.py" line="184"/>
        <source>The zones layer recorded in the store, {}, cannot be opened (moved or deleted?): give the zones as ZONES.</source>
        <translation>无法打开结果库中记录的分区图层 {}（已移动或删除？）：请通过 ZONES 提供分区。</translation>
    </message>
    <message>
        <location filename="../processing/export_portal.py" line="188"/>
        <source>The zones layer {} has no field &apos;{}&apos; (recorded in the store as the zone id): give ZONES and ZONE_ID_FIELD.</source>
        <translation>分区图层 {} 没有字段“{}”（结果库中记录的分区 ID 字段）：请提供 ZONES 和 ZONE_ID_FIELD。</translation>
    </message>
    <message>
        <location filename="../processing/export_portal.py" line="172"/>
        <source>No zone id in field &apos;{}&apos; matches an area id of the store: give the zone id field the indicators used.</source>
        <translation>字段“{}”中没有与结果库区域 ID 相符的分区 ID：请提供计算指标时使用的分区 ID 字段。</translation>
    </message>
    <message>
        <location filename="../processing/run_indicator_set.py" line="69"/>
        <source>&lt;p&gt;Computes a whole set of indicators from one config file (JSON, or YAML read safely), writes every result to the results store, then assesses progress against targets (&lt;i&gt;sdg:assess_progress&lt;/i&gt;).&lt;/p&gt;&lt;p&gt;The config names the results store, the area (&lt;i&gt;id&lt;/i&gt;, &lt;i&gt;name&lt;/i&gt;), optional zones (&lt;i&gt;path&lt;/i&gt;, &lt;i&gt;id_field&lt;/i&gt;, &lt;i&gt;name_field&lt;/i&gt;, &lt;i&gt;level&lt;/i&gt;) given to every indicator that takes zones, an optional targets CSV loaded into the store&apos;s &lt;i&gt;sdg_targets&lt;/i&gt;, the progress method, and the list of &lt;i&gt;indicators&lt;/i&gt;: each an &lt;i&gt;algorithm&lt;/i&gt; id, a &lt;i&gt;year&lt;/i&gt; and its &lt;i&gt;parameters&lt;/i&gt;. Paths are relative to the config file.&lt;/p&gt;&lt;p&gt;An indicator that fails is reported and the others go on; each indicator&apos;s rows are written in one transaction, so a failure or a cancel leaves no partial rows. OUTPUT lists every indicator with its status, value, time and message.&lt;/p&gt;&lt;p&gt;An optional &lt;i&gt;portal&lt;/i&gt; (a folder, or &lt;i&gt;path&lt;/i&gt;, &lt;i&gt;title&lt;/i&gt;, &lt;i&gt;language&lt;/i&gt;) is written at the end with &lt;i&gt;sdg:export_portal&lt;/i&gt;, its maps from the config&apos;s zones.&lt;/p&gt;</source>
        <translation>&lt;p&gt;根据一个配置文件（JSON，或安全读取的 YAML）计算整套指标，将每个结果写入结果库，然后评估目标值实现进展（&lt;i&gt;sdg:assess_progress&lt;/i&gt;）。&lt;/p&gt;&lt;p&gt;配置文件指定结果库、区域（&lt;i&gt;id&lt;/i&gt;、&lt;i&gt;name&lt;/i&gt;）、可选的分区（&lt;i&gt;path&lt;/i&gt;、&lt;i&gt;id_field&lt;/i&gt;、&lt;i&gt;name_field&lt;/i&gt;、&lt;i&gt;level&lt;/i&gt;，提供给每个支持分区的指标）、可选的目标值 CSV（载入结果库的 &lt;i&gt;sdg_targets&lt;/i&gt;）、进展评估方法，以及 &lt;i&gt;indicators&lt;/i&gt; 列表：每项包括算法 ID（&lt;i&gt;algorithm&lt;/i&gt;）、年份（&lt;i&gt;year&lt;/i&gt;）及其参数（&lt;i&gt;parameters&lt;/i&gt;）。路径相对于配置文件。&lt;/p&gt;&lt;p&gt;某个指标失败时会报告错误，其他指标继续运行；每个指标的记录在一个事务中写入，因此失败或取消不会留下不完整的记录。OUTPUT 列出每个指标及其状态、值、耗时和消息。&lt;/p&gt;&lt;p&gt;可选的 &lt;i&gt;portal&lt;/i&gt;（一个文件夹，或 &lt;i&gt;path&lt;/i&gt;、&lt;i&gt;title&lt;/i&gt;、&lt;i&gt;language&lt;/i&gt;）在最后用 &lt;i&gt;sdg:export_portal&lt;/i&gt; 写出，其地图使用配置文件中的分区。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/run_indicator_set.py" line="184"/>
        <source>The portal was not written: {}</source>
        <translation>门户未写入：{}</translation>
    </message>
    <message>
        <location filename="../ui/run_panel.py" line="73"/>
        <source>Publish portal…</source>
        <translation>发布门户…</translation>
    </message>
    <message>
        <location filename="../ui/run_panel.py" line="126"/>
        <source>Write the open store as an offline web portal (index.html, a page per goal and indicator, Open SDG data) into a folder, in the background</source>
        <translation>在后台将当前结果库写为离线网站门户（index.html、每个目标和指标一页、Open SDG 数据）到文件夹中</translation>
    </message>
    <message>
        <location filename="../ui/run_panel.py" line="151"/>
        <source>Folder for the portal (new, empty, or an earlier portal)</source>
        <translation>门户文件夹（新建、空文件夹或以前导出的门户）</translation>
    </message>
    <message>
        <location filename="../ui/run_panel.py" line="158"/>
        <source>Portal</source>
        <translation>门户</translation>
    </message>
    <message>
        <location filename="../processing/access.py" line="140"/>
        <source>{} point(s) are farther than {:g} m (SEARCH_DISTANCE) from every line of &apos;{}&apos; and serve nothing: {}. Move them, extend the network or raise SEARCH_DISTANCE.</source>
        <translation>{} 个点距路网中所有线都超过 {:g} m（SEARCH_DISTANCE，路网图层“{}”），不覆盖任何人：{}。请移动这些点、扩展路网或增大 SEARCH_DISTANCE。</translation>
    </message>
    <message>
        <location filename="../processing/access.py" line="146"/>
        <source>Network: {} nodes, {} edges; {} of {} point(s) tied in, {} of them to two or more equally near places (within {:g} mm), each counted.</source>
        <translation>路网：{} 个节点，{} 条边；已接入 {} 个点（共 {} 个），其中 {} 个同时接入两处或更多同样近的位置（相差不超过 {:g} mm），每处均计入。</translation>
    </message>
    <message>
        <location filename="../processing/access.py" line="212"/>
        <source>POPULATION_BY_GROUP needs rows of three values: group, raster, band.</source>
        <translation>POPULATION_BY_GROUP 的每行需要三个值：分组、栅格、波段。</translation>
    </message>
    <message>
        <location filename="../processing/access.py" line="219"/>
        <source>POPULATION_BY_GROUP: group &apos;{}&apos; has no readable raster (&apos;{}&apos;).</source>
        <translation>POPULATION_BY_GROUP：分组“{}”没有可读取的栅格（“{}”）。</translation>
    </message>
    <message>
        <location filename="../processing/access.py" line="226"/>
        <source>POPULATION_BY_GROUP: group &apos;{}&apos;: raster &apos;{}&apos; has no band {}.</source>
        <translation>POPULATION_BY_GROUP：分组“{}”：栅格“{}”没有第 {} 波段。</translation>
    </message>
    <message>
        <location filename="../processing/access.py" line="229"/>
        <source>POPULATION_BY_GROUP: group &apos;{}&apos; is given twice.</source>
        <translation>POPULATION_BY_GROUP：分组“{}”给出了两次。</translation>
    </message>
    <message>
        <location filename="../processing/access.py" line="249"/>
        <source>POPULATION_BY_GROUP: group &apos;{}&apos; is not of the form key=value (e.g. sex=female, age=0-14, disability=yes).</source>
        <translation>POPULATION_BY_GROUP：分组“{}”不是 key=value 形式（例如 sex=female、age=0-14、disability=yes）。</translation>
    </message>
    <message>
        <location filename="../processing/access.py" line="253"/>
        <source>POPULATION_BY_GROUP: group &apos;{}&apos;: location is the urban/rural breakdown (give URBAN instead).</source>
        <translation>POPULATION_BY_GROUP：分组“{}”：location 用于城乡分列（请改为提供 URBAN）。</translation>
    </message>
    <message>
        <location filename="../processing/access.py" line="443"/>
        <source>Population by group (group such as sex=female or age=65+, raster, band)</source>
        <translation>分组人口（分组如 sex=female 或 age=65+、栅格、波段）</translation>
    </message>
    <message>
        <location filename="../processing/access.py" line="443"/>
        <source>group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../processing/access.py" line="443"/>
        <source>raster</source>
        <translation>栅格</translation>
    </message>
    <message>
        <location filename="../processing/access.py" line="443"/>
        <source>band</source>
        <translation>波段</translation>
    </message>
    <message>
        <location filename="../processing/access.py" line="458"/>
        <source>Search distance from a point to the network (m)</source>
        <translation>点到路网的搜索距离（m）</translation>
    </message>
    <message>
        <location filename="../processing/access.py" line="484"/>
        <source>POPULATION_BY_GROUP: group &apos;{}&apos; is given twice (or also as POPULATION_FEMALE / POPULATION_MALE).</source>
        <translation>POPULATION_BY_GROUP：分组“{}”给出了两次（或同时作为 POPULATION_FEMALE / POPULATION_MALE 给出）。</translation>
    </message>
    <message>
        <location filename="../processing/access.py" line="569"/>
        <source>feature {}</source>
        <translation>要素 {}</translation>
    </message>
    <message>
        <location filename="../processing/open_space.py" line="183"/>
        <source>open-space edge point ({:.0f}, {:.0f})</source>
        <translation>开放空间边界点（{:.0f}, {:.0f}）</translation>
    </message>
    <message>
        <location filename="../processing/transit_access.py" line="47"/>
        <source>&lt;p&gt;SDG indicator 11.2.1: the share of the population living within walking distance of a public transport stop, for the whole area and each zone, by sex and by urban/rural location when those inputs are given.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Method&lt;/b&gt; (UN SDG metadata 11.2.1, custodian UN-Habitat): population within 500 m of a low-capacity stop (bus, tram) or 1000 m of a high-capacity stop (rail, metro, ferry) / population × 100. A stop is high-capacity when its CAPACITY_FIELD value is one of HIGH_VALUES (comma-separated, case-insensitive; default &lt;i&gt;high&lt;/i&gt;); any other stop, or every stop without a field, is low-capacity. The service areas of all stops are merged, so a person near several stops counts once.&lt;/p&gt;&lt;p&gt;&lt;b&gt;GTFS&lt;/b&gt; (a GTFS zip, instead of or as well as STOPS): &quot;convenient&quot; access means frequent service (UN-Habitat 2021 metadata). The feed's stops (stops.txt, location_type 0) count when their departures on the service day (SERVICE_DATE; by default the feed's weekday with the most departures) meet FREQUENCY: &lt;i&gt;ONS&lt;/i&gt; at least 1 departure per hour on average from 06:00 to 20:00 (14 or more), &lt;i&gt;GHSCI&lt;/i&gt; an average headway of 20 minutes or less from 07:00 to 19:00 (36 or more), or a custom rule (MIN_DEPARTURES per hour from WINDOW_START to WINDOW_END). A departure is a stop time that is not the last of its trip; services run on the dates of calendar.txt changed by calendar_dates.txt; times past 24:00 belong to the day before's service; frequencies.txt trips are repeated every headway. A stop is high-capacity when a departure there is on a route whose route_type is in HIGH_ROUTE_TYPES (default tram, metro, rail, ferry, monorail and their extended types), else low-capacity.&lt;/p&gt;</source>
        <translation>&lt;p&gt;可持续发展目标指标 11.2.1：居住在公共交通站点步行距离内的人口比例，按全域和各分区计算；提供相应输入时按性别和城乡分列。&lt;/p&gt;&lt;p&gt;&lt;b&gt;方法&lt;/b&gt;（联合国 SDG 指标元数据 11.2.1，托管机构：联合国人居署）：距低运量站点（公交、有轨电车）500 m 以内或距大运量站点（铁路、地铁、轮渡）1000 m 以内的人口 / 人口 × 100。站点的 CAPACITY_FIELD 值属于 HIGH_VALUES（以逗号分隔，不区分大小写；默认 &lt;i&gt;high&lt;/i&gt;）时为大运量站点；其他站点，或未提供该字段时的所有站点，均为低运量站点。所有站点的服务区合并计算，因此邻近多个站点的人只计一次。&lt;/p&gt;&lt;p&gt;&lt;b&gt;GTFS&lt;/b&gt;（GTFS zip 数据，可替代 STOPS 或与之同时使用）：“便利”意味着高频服务（联合国人居署 2021 年元数据）。数据中的站点（stops.txt，location_type 为 0）在服务日（SERVICE_DATE；默认为数据中发车班次最多的工作日）的发车满足 FREQUENCY 时才计入：&lt;i&gt;ONS&lt;/i&gt; 为 06:00 至 20:00 平均每小时至少 1 班（14 班及以上），&lt;i&gt;GHSCI&lt;/i&gt; 为 07:00 至 19:00 平均发车间隔不超过 20 分钟（36 班及以上），或自定义规则（WINDOW_START 至 WINDOW_END 每小时 MIN_DEPARTURES 班）。发车指不是其行程最后一站的停站时刻；服务按 calendar.txt 的日期运行，并由 calendar_dates.txt 调整；超过 24:00 的时刻属于前一天的服务；frequencies.txt 中的行程按发车间隔重复。站点有属于 HIGH_ROUTE_TYPES 中 route_type 的线路发车时为大运量站点（默认有轨电车、地铁、铁路、轮渡、单轨及其扩展类型），否则为低运量站点。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/transit_access.py" line="76"/>
        <source>Public transport stops (points; optional with a GTFS feed)</source>
        <translation>公共交通站点（点；提供 GTFS 数据时可选）</translation>
    </message>
    <message>
        <location filename="../processing/transit_access.py" line="104"/>
        <source>Give the stops: a point layer (STOPS), a GTFS feed (GTFS) or both.</source>
        <translation>请提供站点：点图层（STOPS）、GTFS 数据（GTFS）或两者。</translation>
    </message>
    <message>
        <location filename="../processing/transit_access.py" line="108"/>
        <source>There is no stop: nobody is served.</source>
        <translation>没有站点：没有人被覆盖。</translation>
    </message>
    <message>
        <location filename="../processing/transit_gtfs.py" line="50"/>
        <source>GTFS feed (zip; its frequent stops are the stops)</source>
        <translation>GTFS 数据（zip；其中高频站点作为站点）</translation>
    </message>
    <message>
        <location filename="../processing/transit_gtfs.py" line="52"/>
        <source>Frequent service (GTFS)</source>
        <translation>高频服务（GTFS）</translation>
    </message>
    <message>
        <location filename="../processing/transit_gtfs.py" line="52"/>
        <source>ONS: at least 1 departure per hour on average, 06:00-20:00</source>
        <translation>ONS：06:00-20:00 平均每小时至少 1 班</translation>
    </message>
    <message>
        <location filename="../processing/transit_gtfs.py" line="52"/>
        <source>GHSCI: average headway 20 minutes or less, 07:00-19:00</source>
        <translation>GHSCI：07:00-19:00 平均发车间隔不超过 20 分钟</translation>
    </message>
    <message>
        <location filename="../processing/transit_gtfs.py" line="52"/>
        <source>Custom: MIN_DEPARTURES per hour from WINDOW_START to WINDOW_END</source>
        <translation>自定义：WINDOW_START 至 WINDOW_END 每小时 MIN_DEPARTURES 班</translation>
    </message>
    <message>
        <location filename="../processing/transit_gtfs.py" line="58"/>
        <source>Custom rule: departures per hour at least</source>
        <translation>自定义规则：每小时至少发车班次</translation>
    </message>
    <message>
        <location filename="../processing/transit_gtfs.py" line="61"/>
        <source>Custom rule: window start (hour)</source>
        <translation>自定义规则：时段开始（时）</translation>
    </message>
    <message>
        <location filename="../processing/transit_gtfs.py" line="64"/>
        <source>Custom rule: window end (hour)</source>
        <translation>自定义规则：时段结束（时）</translation>
    </message>
    <message>
        <location filename="../processing/transit_gtfs.py" line="67"/>
        <source>Service date (YYYY-MM-DD; empty: the feed&apos;s busiest weekday)</source>
        <translation>服务日期（YYYY-MM-DD；留空：数据中班次最多的工作日）</translation>
    </message>
    <message>
        <location filename="../processing/transit_gtfs.py" line="69"/>
        <source>GTFS route types of high-capacity transit</source>
        <translation>大运量交通的 GTFS 线路类型</translation>
    </message>
    <message>
        <location filename="../processing/transit_gtfs.py" line="85"/>
        <source>WINDOW_END ({:g}) must be after WINDOW_START ({:g}).</source>
        <translation>WINDOW_END（{:g}）必须晚于 WINDOW_START（{:g}）。</translation>
    </message>
    <message>
        <location filename="../processing/transit_gtfs.py" line="103"/>
        <source>GTFS feed &apos;{}&apos;: {}</source>
        <translation>GTFS 数据“{}”：{}</translation>
    </message>
    <message>
        <location filename="../processing/transit_gtfs.py" line="105"/>
        <source>GTFS: service date {}; {} of {} stops have at least {:g} departures from {:g}:00 to {:g}:00.</source>
        <translation>GTFS：服务日期 {}；{} 个站点（共 {} 个）至少有 {:g} 班发车（{:g}:00 至 {:g}:00）。</translation>
    </message>
    <message>
        <location filename="../processing/transit_gtfs.py" line="120"/>
        <source>SERVICE_DATE &apos;{}&apos; is not a date YYYY-MM-DD.</source>
        <translation>SERVICE_DATE“{}”不是 YYYY-MM-DD 格式的日期。</translation>
    </message>
    <message>
        <location filename="../translation.py" line="31"/>
        <source>en</source>
        <translation>zh</translation>
    </message>
    <message>
        <location filename="../processing/shared_store.py" line="34"/>
        <source>Set up a shared results store (PostgreSQL)</source>
        <translation>设置共享结果库(PostgreSQL)</translation>
    </message>
    <message>
        <location filename="../processing/shared_store.py" line="37"/>
        <source>&lt;p&gt;Prepares a PostgreSQL database as the results store shared by the county&apos;s departments. Run it once as the database administrator (a superuser, or a role that may create roles); running it again adds what is missing and keeps your edits.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Results store&lt;/b&gt;: &lt;i&gt;postgresql://user@host:port/dbname?schema=sdg&lt;/i&gt;, &lt;i&gt;service=NAME&lt;/i&gt; from pg_service.conf, or the name of a PostgreSQL connection saved in QGIS. Never put a password in it: keep it in ~/.pgpass, pg_service.conf or the QGIS connection&apos;s authentication configuration.&lt;/p&gt;&lt;p&gt;It creates the schema&apos;s tables (&lt;i&gt;sdg_results&lt;/i&gt;, &lt;i&gt;sdg_targets&lt;/i&gt;, the progress tables, &lt;i&gt;sdg_audit&lt;/i&gt; with one row per run: database user, algorithm, parameters, input file checksums, start and end, rows written, outcome) and the roles &lt;i&gt;sdg_reader&lt;/i&gt; (reads), &lt;i&gt;sdg_writer&lt;/i&gt; (writes results) and &lt;i&gt;sdg_admin&lt;/i&gt; (owns the tables, edits assignments). Give people login roles that are members of these.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Department roles&lt;/b&gt;: from the profile&apos;s &lt;i&gt;data_source&lt;/i&gt; column, one role per department (&lt;i&gt;sdg_dept_education_bureau&lt;/i&gt; ...; the spatial indicators stay with the GIS office, a plain writer) and the table &lt;i&gt;sdg_assignment&lt;/i&gt; saying which department may write which indicator; row-level security in the database enforces it for every client. The administrator edits &lt;i&gt;sdg_assignment&lt;/i&gt; to change who writes what.&lt;/p&gt;</source>
        <translation>&lt;p&gt;将一个 PostgreSQL 数据库准备为全县各部门共享的结果库。由数据库管理员(超级用户或可创建角色的角色)运行一次;再次运行只补充缺少的部分,并保留您的修改。&lt;/p&gt;&lt;p&gt;&lt;b&gt;结果库&lt;/b&gt;:&lt;i&gt;postgresql://user@host:port/dbname?schema=sdg&lt;/i&gt;、pg_service.conf 中的 &lt;i&gt;service=NAME&lt;/i&gt;,或 QGIS 中已保存的 PostgreSQL 连接名称。切勿在其中写入密码:请将密码保存在 ~/.pgpass、pg_service.conf 或 QGIS 连接的认证配置中。&lt;/p&gt;&lt;p&gt;它创建该模式下的表(&lt;i&gt;sdg_results&lt;/i&gt;、&lt;i&gt;sdg_targets&lt;/i&gt;、进展表,以及每次运行一行的 &lt;i&gt;sdg_audit&lt;/i&gt;:数据库用户、算法、参数、输入文件校验和、开始与结束时间、写入行数、结果)和角色 &lt;i&gt;sdg_reader&lt;/i&gt;(读取)、&lt;i&gt;sdg_writer&lt;/i&gt;(写入结果)、&lt;i&gt;sdg_admin&lt;/i&gt;(拥有各表、编辑分配)。请为每位使用者建立属于这些角色的登录角色。&lt;/p&gt;&lt;p&gt;&lt;b&gt;部门角色&lt;/b&gt;:根据指标配置的 &lt;i&gt;data_source&lt;/i&gt; 列,每个部门一个角色(&lt;i&gt;sdg_dept_education_bureau&lt;/i&gt; 等;空间指标仍由 GIS 办公室以普通写入者身份计算),并建立表 &lt;i&gt;sdg_assignment&lt;/i&gt;,规定哪个部门可写哪个指标;数据库中的行级安全对所有客户端强制执行。管理员编辑 &lt;i&gt;sdg_assignment&lt;/i&gt; 即可调整谁写什么。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/shared_store.py" line="56"/>
        <source>Shared results store (PostgreSQL)</source>
        <translation>共享结果库(PostgreSQL)</translation>
    </message>
    <message>
        <location filename="../processing/shared_store.py" line="57"/>
        <source>Create department roles from the profile&apos;s data sources</source>
        <translation>根据指标配置的数据来源创建部门角色</translation>
    </message>
    <message>
        <location filename="../processing/shared_store.py" line="59"/>
        <source>Indicator profile (default: the shipped Deqing profile)</source>
        <translation>指标配置(默认:随附的德清县配置)</translation>
    </message>
    <message>
        <location filename="../processing/shared_store.py" line="62"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../processing/shared_store.py" line="63"/>
        <source>Indicator assignments added</source>
        <translation>新增的指标分配</translation>
    </message>
    <message>
        <location filename="../processing/shared_store.py" line="71"/>
        <source>{} is a GeoPackage: a shared store is a PostgreSQL database. Give postgresql://user@host:port/dbname?schema=sdg, service=NAME or a saved QGIS PostgreSQL connection.</source>
        <translation>{} 是 GeoPackage:共享结果库是 PostgreSQL 数据库。请给出 postgresql://user@host:port/dbname?schema=sdg、service=NAME 或 QGIS 中已保存的 PostgreSQL 连接。</translation>
    </message>
    <message>
        <location filename="../processing/shared_store.py" line="83"/>
        <source>Shared store {} ready; roles: {}; {} indicator assignment(s) added.</source>
        <translation>共享结果库 {} 已就绪;角色:{};新增 {} 条指标分配。</translation>
    </message>
    <message>
        <location filename="../processing/shared_store.py" line="99"/>
        <source>Copy a results store</source>
        <translation>复制结果库</translation>
    </message>
    <message>
        <location filename="../processing/shared_store.py" line="102"/>
        <source>&lt;p&gt;Copies every table of one results store into another: a GeoPackage from a laptop in the field into the shared PostgreSQL store, or the shared store into a GeoPackage to take along.&lt;/p&gt;&lt;p&gt;Rows are matched on their keys (indicator, series, area, year, disaggregation for results). A row the target lacks is added; an identical one is left alone; a row that differs is a &lt;b&gt;conflict&lt;/b&gt;: it is listed in the conflicts table and the target keeps its own row, unless you ask that the newer one wins: then a source row computed later (&lt;i&gt;computed_at&lt;/i&gt;) replaces it. Everything lands in one transaction, or nothing does; in a shared store your role&apos;s rights apply and the copy is recorded in &lt;i&gt;sdg_audit&lt;/i&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;将一个结果库的所有表复制到另一个结果库:把外业笔记本上的 GeoPackage 复制到共享的 PostgreSQL 结果库,或把共享结果库复制到 GeoPackage 随身携带。&lt;/p&gt;&lt;p&gt;各行按键匹配(结果表为指标、序列、区域、年份、分解)。目标中没有的行会被添加;完全相同的行保持不变;内容不同的行是&lt;b&gt;冲突&lt;/b&gt;:列入冲突表,目标保留自己的行,除非您要求较新者优先:此时计算时间(&lt;i&gt;computed_at&lt;/i&gt;)较晚的源行将替换它。全部内容在一个事务中写入,要么全部成功,要么全部不写;在共享结果库中适用您角色的权限,复制记录在 &lt;i&gt;sdg_audit&lt;/i&gt; 中。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/shared_store.py" line="113"/>
        <source>Copy from (results store)</source>
        <translation>复制来源(结果库)</translation>
    </message>
    <message>
        <location filename="../processing/shared_store.py" line="114"/>
        <source>Copy into (results store; created if missing)</source>
        <translation>复制到(结果库;不存在时创建)</translation>
    </message>
    <message>
        <location filename="../processing/shared_store.py" line="116"/>
        <source>In a conflict, the row computed later wins</source>
        <translation>发生冲突时,计算时间较晚的行优先</translation>
    </message>
    <message>
        <location filename="../processing/shared_store.py" line="120"/>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../processing/shared_store.py" line="120"/>
        <source>Rows added or replaced</source>
        <translation>新增或替换的行数</translation>
    </message>
    <message>
        <location filename="../processing/shared_store.py" line="120"/>
        <source>Rows unchanged</source>
        <translation>未变的行数</translation>
    </message>
    <message>
        <location filename="../processing/shared_store.py" line="128"/>
        <source>The two stores are the same ({}): choose another target.</source>
        <translation>两个结果库相同({}):请选择其他目标。</translation>
    </message>
    <message>
        <location filename="../processing/shared_store.py" line="136"/>
        <source>Conflict in {table} ({key}): {column} differ; {resolution}.</source>
        <translation>{table} 中的冲突({key}):{column} 不同;{resolution}。</translation>
    </message>
    <message>
        <location filename="../processing/shared_store.py" line="137"/>
        <source>Copied {} row(s) from {} into {} ({} added, {} replaced by newer ones); {} unchanged; {} conflict(s) kept the target&apos;s row.</source>
        <translation>已复制 {} 行,从 {} 到 {}(新增 {} 行,{} 行被较新者替换);{} 行未变;{} 处冲突保留了目标的行。</translation>
    </message>
    <message>
        <location filename="../processing/store_access.py" line="50"/>
        <source>QGIS connection &quot;{}&quot;</source>
        <translation>QGIS 连接“{}”</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="115"/>
        <source>Shared…</source>
        <translation>共享…</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="116"/>
        <source>Open a results store shared in a PostgreSQL database</source>
        <translation>打开 PostgreSQL 数据库中的共享结果库</translation>
    </message>
    <message>
        <location filename="../ui/shared_store.py" line="34"/>
        <source>Open a shared results store</source>
        <translation>打开共享结果库</translation>
    </message>
    <message>
        <location filename="../ui/shared_store.py" line="37"/>
        <source>(address below)</source>
        <translation>(使用下方地址)</translation>
    </message>
    <message>
        <location filename="../ui/shared_store.py" line="43"/>
        <source>QGIS PostgreSQL connection</source>
        <translation>QGIS PostgreSQL 连接</translation>
    </message>
    <message>
        <location filename="../ui/shared_store.py" line="44"/>
        <source>or address</source>
        <translation>或地址</translation>
    </message>
    <message>
        <location filename="../ui/shared_store.py" line="45"/>
        <source>Schema</source>
        <translation>模式</translation>
    </message>
    <message>
        <location filename="../ui/shared_store.py" line="46"/>
        <source>No password here: keep it in the QGIS connection&apos;s authentication configuration, ~/.pgpass or pg_service.conf.</source>
        <translation>此处不要填写密码:请将密码保存在 QGIS 连接的认证配置、~/.pgpass 或 pg_service.conf 中。</translation>
    </message>
    <message>
        <location filename="../ui/shared_store.py" line="80"/>
        <source>Last written by</source>
        <translation>最后写入者</translation>
    </message>
    <message>
        <location filename="../ui/shared_store.py" line="80"/>
        <source>When (UTC)</source>
        <translation>时间(UTC)</translation>
    </message>
    <message>
        <location filename="../ui/shared_store.py" line="97"/>
        <source>Connected as {}: read-only (ask the store&apos;s administrator for a writer role to run indicators into it).</source>
        <translation>已作为 {} 连接:只读(如需向其中运行指标,请向结果库管理员申请写入角色)。</translation>
    </message>
    <message>
        <location filename="../ui/shared_store.py" line="97"/>
        <source>Connected as {}.</source>
        <translation>已作为 {} 连接。</translation>
    </message>
    <message>
        <location filename="../processing/export_portal.py" line="39"/>
        <source>Goal {n}: {name}</source>
        <translation>目标 {n}：{name}</translation>
    </message>
    <message>
        <location filename="../processing/land_degradation.py" line="139"/>
        <source>Land productivity dynamics (5 classes), instead of the sub-indicator</source>
        <translation>土地生产力动态（5 类），代替子指标</translation>
    </message>
    <message>
        <location filename="../processing/land_degradation.py" line="152"/>
        <source>15.3.1 of the baseline period (-1/0/1), for the status map</source>
        <translation>基准期的 15.3.1（-1/0/1），用于状态图</translation>
    </message>
    <message>
        <location filename="../processing/land_degradation.py" line="154"/>
        <source>Status at the end of the reporting period (GPG Addendum)</source>
        <translation>报告期末的状态（良好实践指南增编）</translation>
    </message>
    <message>
        <location filename="../processing/land_degradation.py" line="157"/>
        <source>Degraded land by the status map (%)</source>
        <translation>按状态图计的退化土地（%）</translation>
    </message>
    <message>
        <location filename="../processing/land_degradation.py" line="217"/>
        <source>{} pixel(s) of &apos;{}&apos; hold a value other than 1 to 5 and were left out.</source>
        <translation>“{1}”中有 {0} 个像元的值不在 1 至 5 之间，已剔除。</translation>
    </message>
    <message>
        <location filename="../processing/land_degradation.py" line="262"/>
        <source>No status map: it needs BASELINE, the 15.3.1 raster (-1/0/1) of the baseline period.</source>
        <translation>不生成状态图：状态图需要 BASELINE，即基准期的 15.3.1 栅格（-1/0/1）。</translation>
    </message>
    <message>
        <location filename="../processing/land_degradation.py" line="275"/>
        <source>Give either {} or {}, not both.</source>
        <translation>请提供 {} 或 {}，不要同时提供。</translation>
    </message>
    <message>
        <location filename="../processing/land_degradation.py" line="287"/>
        <source>Give at least one sub-indicator: LANDCOVER_STATE (or LANDCOVER_START and LANDCOVER_END), PRODUCTIVITY (or PRODUCTIVITY_LPD), SOC_STATE (or SOC_START and SOC_END).</source>
        <translation>请至少提供一个子指标：LANDCOVER_STATE（或 LANDCOVER_START 和 LANDCOVER_END）、PRODUCTIVITY（或 PRODUCTIVITY_LPD）、SOC_STATE（或 SOC_START 和 SOC_END）。</translation>
    </message>
    <message>
        <location filename="../processing/land_degradation.py" line="321"/>
        <source>Persistent degradation</source>
        <translation>持续退化</translation>
    </message>
    <message>
        <location filename="../processing/land_degradation.py" line="321"/>
        <source>Recent degradation</source>
        <translation>近期退化</translation>
    </message>
    <message>
        <location filename="../processing/land_degradation.py" line="322"/>
        <source>Baseline degradation</source>
        <translation>基准期退化</translation>
    </message>
    <message>
        <location filename="../processing/land_degradation.py" line="322"/>
        <source>Stability</source>
        <translation>稳定</translation>
    </message>
    <message>
        <location filename="../processing/land_degradation.py" line="323"/>
        <source>Baseline improvement</source>
        <translation>基准期改善</translation>
    </message>
    <message>
        <location filename="../processing/land_degradation.py" line="323"/>
        <source>Recent improvement</source>
        <translation>近期改善</translation>
    </message>
    <message>
        <location filename="../processing/land_degradation.py" line="324"/>
        <source>Persistent improvement</source>
        <translation>持续改善</translation>
    </message>
    <message>
        <location filename="../processing/land_productivity.py" line="43"/>
        <source>Declining</source>
        <translation>下降</translation>
    </message>
    <message>
        <location filename="../processing/land_productivity.py" line="43"/>
        <source>Moderate decline</source>
        <translation>中度下降</translation>
    </message>
    <message>
        <location filename="../processing/land_productivity.py" line="43"/>
        <source>Stable but stressed</source>
        <translation>稳定但受胁迫</translation>
    </message>
    <message>
        <location filename="../processing/land_productivity.py" line="43"/>
        <source>Increasing</source>
        <translation>上升</translation>
    </message>
    <message>
        <location filename="../processing/land_productivity.py" line="69"/>
        <source>Land productivity dynamics from NDVI (15.3.1)</source>
        <translation>基于 NDVI 的土地生产力动态（15.3.1）</translation>
    </message>
    <message>
        <location filename="../processing/land_productivity.py" line="109"/>
        <source>NDVI, one band per year</source>
        <translation>NDVI（每年一个波段）</translation>
    </message>
    <message>
        <location filename="../processing/land_productivity.py" line="111"/>
        <source>Year of band 1</source>
        <translation>波段 1 的年份</translation>
    </message>
    <message>
        <location filename="../processing/land_productivity.py" line="112"/>
        <source>First year of the baseline</source>
        <translation>基准期起始年</translation>
    </message>
    <message>
        <location filename="../processing/land_productivity.py" line="113"/>
        <source>Last year of the baseline</source>
        <translation>基准期结束年</translation>
    </message>
    <message>
        <location filename="../processing/land_productivity.py" line="114"/>
        <source>First year of the recent years (state)</source>
        <translation>近期起始年（状态）</translation>
    </message>
    <message>
        <location filename="../processing/land_productivity.py" line="115"/>
        <source>Last year of the recent years (end of the analysis)</source>
        <translation>近期结束年（分析结束年）</translation>
    </message>
    <message>
        <location filename="../processing/land_productivity.py" line="121"/>
        <source>Land units for the performance measure (categorical; default: one unit)</source>
        <translation>绩效度量的土地单元（分类栅格；默认：单一单元）</translation>
    </message>
    <message>
        <location filename="../processing/land_productivity.py" line="124"/>
        <source>Land productivity dynamics (5 classes)</source>
        <translation>土地生产力动态（5 类）</translation>
    </message>
    <message>
        <location filename="../processing/land_productivity.py" line="147"/>
        <source>Maximum productivity of {} land unit(s)...</source>
        <translation>正在计算 {} 个土地单元的最大生产力……</translation>
    </message>
    <message>
        <location filename="../processing/land_productivity.py" line="178"/>
        <source>NDVI holds the years {}-{} (band 1 is FIRST_YEAR {}, {} band(s)); BASELINE_START {} to REPORT_END {} must lie within them.</source>
        <translation>NDVI 包含 {}-{} 年（波段 1 为 FIRST_YEAR {}，共 {} 个波段）；BASELINE_START {} 至 REPORT_END {} 必须位于其中。</translation>
    </message>
    <message>
        <location filename="../processing/land_productivity.py" line="182"/>
        <source>The years must follow each other: BASELINE_START &lt; BASELINE_END &lt; REPORT_START &lt;= REPORT_END (got {}, {}, {}, {}).</source>
        <translation>年份须依次排列：BASELINE_START &lt; BASELINE_END &lt; REPORT_START &lt;= REPORT_END（实际为 {}、{}、{}、{}）。</translation>
    </message>
    <message>
        <location filename="../processing/land_productivity.py" line="186"/>
        <source>The Mann-Kendall trajectory needs at least 4 years from BASELINE_START to REPORT_END.</source>
        <translation>Mann-Kendall 轨迹检验需要从 BASELINE_START 到 REPORT_END 至少 4 年。</translation>
    </message>
    <message>
        <location filename="../processing/mountain_land.py" line="68"/>
        <source>Mountain green cover and degraded mountain land (15.4.2, revised)</source>
        <translation>山地绿化覆盖与退化山地（15.4.2，修订版）</translation>
    </message>
    <message>
        <location filename="../processing/mountain_land.py" line="106"/>
        <source>Land cover (reporting year)</source>
        <translation>土地覆盖（报告年份）</translation>
    </message>
    <message>
        <location filename="../processing/mountain_land.py" line="107"/>
        <source>Land cover at the baseline, for degraded mountain land</source>
        <translation>基准期土地覆盖（用于退化山地）</translation>
    </message>
    <message>
        <location filename="../processing/mountain_land.py" line="109"/>
        <source>Land-cover codes to SEEA classes 1-10 (codes=class; ...)</source>
        <translation>土地覆盖代码到 SEEA 类别 1-10 的映射（代码=类别；...）</translation>
    </message>
    <message>
        <location filename="../processing/mountain_land.py" line="115"/>
        <source>SEEA transition matrix (-1 degradation, 0 stable, 1 improvement)</source>
        <translation>SEEA 转移矩阵（-1 退化，0 稳定，1 改善）</translation>
    </message>
    <message>
        <location filename="../processing/mountain_land.py" line="120"/>
        <source>Bioclimatic belts (1 nival, 2 alpine, 3 montane, 4 remaining)</source>
        <translation>生物气候带（1 冰雪带，2 高山带，3 山地带，4 其余山地）</translation>
    </message>
    <message>
        <location filename="../processing/mountain_land.py" line="122"/>
        <source>Growing season length (days), for the belts</source>
        <translation>生长季长度（天），用于划分气候带</translation>
    </message>
    <message>
        <location filename="../processing/mountain_land.py" line="124"/>
        <source>Growing season mean temperature (°C), for the belts</source>
        <translation>生长季平均气温（°C），用于划分气候带</translation>
    </message>
    <message>
        <location filename="../processing/mountain_land.py" line="128"/>
        <source>Proportion of degraded mountain land (%)</source>
        <translation>退化山地比例（%）</translation>
    </message>
    <message>
        <location filename="../processing/mountain_land.py" line="197"/>
        <source>Give either BELTS or SEASON_DAYS and SEASON_TEMPERATURE, not both.</source>
        <translation>请提供 BELTS，或 SEASON_DAYS 和 SEASON_TEMPERATURE，不要同时提供。</translation>
    </message>
    <message>
        <location filename="../processing/mountain_land.py" line="199"/>
        <source>SEASON_DAYS and SEASON_TEMPERATURE go together: give both.</source>
        <translation>SEASON_DAYS 和 SEASON_TEMPERATURE 须同时提供。</translation>
    </message>
    <message>
        <location filename="../processing/soil_carbon.py" line="58"/>
        <source>Soil organic carbon change from land cover (15.3.1)</source>
        <translation>基于土地覆盖的土壤有机碳变化（15.3.1）</translation>
    </message>
    <message>
        <location filename="../processing/soil_carbon.py" line="93"/>
        <source>Soil organic carbon stock at the start (t/ha)</source>
        <translation>期初土壤有机碳储量（t/ha）</translation>
    </message>
    <message>
        <location filename="../processing/soil_carbon.py" line="100"/>
        <source>Year of the land cover at the start</source>
        <translation>期初土地覆盖的年份</translation>
    </message>
    <message>
        <location filename="../processing/soil_carbon.py" line="100"/>
        <source>Year of the land cover at the end</source>
        <translation>期末土地覆盖的年份</translation>
    </message>
    <message>
        <location filename="../processing/soil_carbon.py" line="105"/>
        <source>Climate regions (raster of codes in the climate table)</source>
        <translation>气候区（取值为气候表中代码的栅格）</translation>
    </message>
    <message>
        <location filename="../processing/soil_carbon.py" line="107"/>
        <source>Climate region where no climate raster is given (code)</source>
        <translation>未提供气候栅格处的气候区（代码）</translation>
    </message>
    <message>
        <location filename="../processing/soil_carbon.py" line="111"/>
        <source>Climate regions: code, name, land-use factor f of cropland (IPCC)</source>
        <translation>气候区：代码、名称、耕地的土地利用因子 f（IPCC）</translation>
    </message>
    <message>
        <location filename="../processing/soil_carbon.py" line="111"/>
        <source>Factor f</source>
        <translation>因子 f</translation>
    </message>
    <message>
        <location filename="../processing/soil_carbon.py" line="115"/>
        <source>Soil organic carbon stock at the end (t/ha)</source>
        <translation>期末土壤有机碳储量（t/ha）</translation>
    </message>
    <message>
        <location filename="../processing/soil_carbon.py" line="117"/>
        <source>Soil organic carbon sub-indicator (-1/0/1)</source>
        <translation>土壤有机碳子指标（-1/0/1）</translation>
    </message>
    <message>
        <location filename="../processing/soil_carbon.py" line="128"/>
        <source>Parameter {}: climate code {} is not in the climate table (codes {}).</source>
        <translation>参数 {}：气候代码 {} 不在气候表中（代码为 {}）。</translation>
    </message>
    <message>
        <location filename="../processing/soil_carbon.py" line="135"/>
        <source>YEAR_END must not be before YEAR_START.</source>
        <translation>YEAR_END 不得早于 YEAR_START。</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="126"/>
        <source>The results store holds rows with unknown indicator code(s) {}: they are left out; the other indicators are assessed and reported. Correct or delete those rows (table sdg_results).</source>
        <translation>结果库中有指标代码未知的行 {}：这些行已被略过，其他指标照常评估和报告。请更正或删除这些行（表 sdg_results）。</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="168"/>
        <source>Indicator code &apos;{}&apos; is neither an SDG indicator code (such as 3.8.1) nor a local code (L, goal number, dot, number, such as L3.1): correct it; nothing was written.</source>
        <translation>指标代码“{}”既不是 SDG 指标代码（如 3.8.1），也不是本地代码（L、目标编号、点、编号，如 L3.1）：请更正；未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="184"/>
        <source>{} stopped on an unexpected error ({}: {}). Check the inputs it names; if they look right, please report it with the details from View &gt; Panels &gt; Log Messages (SDG Monitor).</source>
        <translation>{0} 因意外错误而停止（{1}：{2}）。请检查其中提到的输入；如输入无误，请附上“视图 &gt; 面板 &gt; 日志消息”（SDG Monitor）中的详细信息报告此问题。</translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="266"/>
        <source>{} ({}) must be a whole number; {} is not: give e.g. {}.</source>
        <translation>{0}（{1}）必须是整数；{2} 不是整数：请填写如 {3}。</translation>
    </message>
    <message>
        <location filename="../processing/zones.py" line="95"/>
        <source>Zones layer &apos;{}&apos;: the invalid geometry of zone(s) {} was repaired keeping its holes and parts (e.g. a hole touching the outer ring); check these zones.</source>
        <translation>分区图层“{0}”：分区 {1} 的无效几何已在保留其内环（洞）和各部分的前提下修复（例如内环与外环相接）；请检查这些分区。</translation>
    </message>
    <message>
        <location filename="../processing/zones.py" line="135"/>
        <source>Zones layer &apos;{}&apos;: feature {} has no id in field &apos;{}&apos; (NULL or empty); give every zone an id, or choose another id field.</source>
        <translation>分区图层“{0}”：要素 {1} 在字段“{2}”中没有代码（NULL 或为空）；请为每个分区填写代码，或选择其他代码字段。</translation>
    </message>
    <message>
        <location filename="../processing/zones.py" line="145"/>
        <source>Zones layer &apos;{}&apos;: zone id &apos;{}&apos; appears more than once in field &apos;{}&apos; (&apos;{}&apos; and &apos;{}&apos;; spaces around an id do not count); choose a field with unique values.</source>
        <translation>分区图层“{0}”：分区代码“{1}”在字段“{2}”中出现了多次（“{3}”和“{4}”；代码前后的空格不计）；请选择取值唯一的字段。</translation>
    </message>
    <message>
        <location filename="../scale/__main__.py" line="38"/>
        <source>error: unexpected {}: {}; check the inputs it names, or report it with the command line</source>
        <translation>错误：意外的 {0}：{1}；请检查其中提到的输入，或附上命令行报告此问题</translation>
    </message>
    <message>
        <location filename="../scale/zones.py" line="64"/>
        <source>Zones &apos;{}&apos;: feature {} has no id in field &apos;{}&apos; (NULL or empty); give every zone an id, or choose another id field.</source>
        <translation>分区“{0}”：要素 {1} 在字段“{2}”中没有代码（NULL 或为空）；请为每个分区填写代码，或选择其他代码字段。</translation>
    </message>
    <message>
        <location filename="../scale/zones.py" line="85"/>
        <source>Zones &apos;{}&apos;: id &apos;{}&apos; appears more than once in field &apos;{}&apos; (&apos;{}&apos; and &apos;{}&apos;; spaces around an id do not count); choose a field with unique values.</source>
        <translation>分区“{0}”：代码“{1}”在字段“{2}”中出现多次（“{3}”和“{4}”；代码前后的空格不计）；请选择取值唯一的字段。</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="265"/>
        <source>The results store holds rows the dashboard cannot show ({}: {}): correct them in its sdg_results table, or run the indicators again.</source>
        <translation>结果库中有仪表板无法显示的行（{0}：{1}）：请在其 sdg_results 表中更正，或重新运行这些指标。</translation>
    </message>
    <message>
        <location filename="../processing/assess_progress.py" line="59"/>
        <source>&lt;p&gt;Assesses, for every indicator, area and series, the progress from the base year to the latest year towards the target, and rolls the results up per goal, per goal group (economic, social, environmental) and per area, with the headline Deqing County reported: indicators measured, with a target, and met or nearly met (target achieved or substantial progress).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Input&lt;/b&gt;: a table with fields &lt;i&gt;indicator&lt;/i&gt;, &lt;i&gt;year&lt;/i&gt;, &lt;i&gt;value&lt;/i&gt; (optional &lt;i&gt;area_id&lt;/i&gt;, &lt;i&gt;series&lt;/i&gt;, &lt;i&gt;disaggregation&lt;/i&gt;: only rows without a disaggregation are assessed), or the results store&apos;s &lt;i&gt;sdg_results&lt;/i&gt; when no table is given.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Targets&lt;/b&gt;: the indicator profile&apos;s default targets and directions (default: the shipped Deqing County profile, whose targets cite their sources), overridden by the store&apos;s &lt;i&gt;sdg_targets&lt;/i&gt;, overridden in turn by the TARGETS table when given; fields &lt;i&gt;indicator&lt;/i&gt;, optional &lt;i&gt;area_id&lt;/i&gt; and &lt;i&gt;series&lt;/i&gt; (empty applies to all), &lt;i&gt;target&lt;/i&gt;, &lt;i&gt;target_year&lt;/i&gt; (default 2030), &lt;i&gt;base_year&lt;/i&gt; (default 2015), &lt;i&gt;direction&lt;/i&gt; (increase, decrease or parity), &lt;i&gt;limit&lt;/i&gt;, &lt;i&gt;target_change&lt;/i&gt; (a target set as a change in percent against the base year&apos;s value, e.g. -30).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Rules beside the method&lt;/b&gt; (the same for every method): 1. No direction is assumed. A series whose target row gives none (for example the series &lt;i&gt;primary&lt;/i&gt; of 4.a.1 from sdg:facility_access when the profile has &lt;i&gt;internet&lt;/i&gt; and &lt;i&gt;access&lt;/i&gt;) takes the direction of its indicator&apos;s other rows when they all agree; otherwise it is &lt;i&gt;not available&lt;/i&gt; and a warning names it. 2. A bounded indicator carries its natural &lt;i&gt;limit&lt;/i&gt; (100 for a coverage percentage, 0 for a rate that should vanish): a value at its limit has achieved its target (score 5), and without a target Open SDG&apos;s limit adjustment lowers the growth thresholds near it. 3. Direction &lt;i&gt;parity&lt;/i&gt; (a parity index) is judged toward 1: inside 0.97-1.03 (UNESCO Institute for Statistics&apos; parity band) the target is achieved; outside, the progress of the distance from 1 toward the band&apos;s edge is assessed (a distance that shrinks is progress). 4. A relative target (&lt;i&gt;target_change&lt;/i&gt;) becomes the base year&apos;s value times (1 + change / 100).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Methods&lt;/b&gt;: Open SDG (Statistics Canada&apos;s progress measure, the default: compound growth against the growth required, thresholds 0.95 / 0.60 / 0; without a target, growth thresholds 1.5 % / 0.5 % / 0, adjusted near a natural limit; scores -5 to 5); the UN Statistics Division&apos;s Progress Chart ratio of actual to required growth; ESCAP&apos;s current status index with the anticipated value from a time-weighted trend; SDSN-style normalised scores with dashboard colours.&lt;/p&gt;&lt;p&gt;With a results store, the assessment and the roll-ups replace the earlier ones of the same method in the tables &lt;i&gt;sdg_progress&lt;/i&gt;, &lt;i&gt;sdg_goal_rollup&lt;/i&gt;, &lt;i&gt;sdg_group_rollup&lt;/i&gt; and &lt;i&gt;sdg_headline&lt;/i&gt;, in one transaction.&lt;/p&gt;</source>
        <translation>&lt;p&gt;针对每个指标、区域和系列，评估从基准年到最新年份朝目标值取得的进展，并按目标、目标组（经济、社会、环境）和区域进行汇总，同时给出德清县所报告的总体情况：已监测的指标数、设有目标值的指标数，以及已实现或基本实现（已实现目标值或进展显著）的指标数。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输入&lt;/b&gt;：含有 &lt;i&gt;indicator&lt;/i&gt;、&lt;i&gt;year&lt;/i&gt;、&lt;i&gt;value&lt;/i&gt; 字段（可选 &lt;i&gt;area_id&lt;/i&gt;、&lt;i&gt;series&lt;/i&gt;、&lt;i&gt;disaggregation&lt;/i&gt;：只评估没有分列的行）的表；未提供表时使用结果库中的 &lt;i&gt;sdg_results&lt;/i&gt;。&lt;/p&gt;&lt;p&gt;&lt;b&gt;目标值&lt;/b&gt;：指标体系的默认目标值和方向（默认：随插件提供的德清县指标体系，其目标值注明了出处），可被结果库中的 &lt;i&gt;sdg_targets&lt;/i&gt; 覆盖，提供 TARGETS 表时再被其覆盖；字段为 &lt;i&gt;indicator&lt;/i&gt;，可选的 &lt;i&gt;area_id&lt;/i&gt; 和 &lt;i&gt;series&lt;/i&gt;（为空表示适用于全部），&lt;i&gt;target&lt;/i&gt;、&lt;i&gt;target_year&lt;/i&gt;（默认 2030）、&lt;i&gt;base_year&lt;/i&gt;（默认 2015）、&lt;i&gt;direction&lt;/i&gt;（increase、decrease 或 parity）、&lt;i&gt;limit&lt;/i&gt;、&lt;i&gt;target_change&lt;/i&gt;（以相对基准年数值的百分比变化表示的目标值，如 -30）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;方法之外的规则&lt;/b&gt;（各方法相同）：1. 不假定方向。目标值行未给出方向的系列（例如指标体系中 4.a.1 只有 &lt;i&gt;internet&lt;/i&gt; 和 &lt;i&gt;access&lt;/i&gt; 系列时，sdg:facility_access 输出的 &lt;i&gt;primary&lt;/i&gt; 系列）在该指标其他行方向一致时沿用该方向；否则评为&lt;i&gt;数据不足&lt;/i&gt;，并给出指明该系列的警告。2. 有界指标带有其自然&lt;i&gt;极限&lt;/i&gt;（覆盖率类百分比为 100，应降至零的比率为 0）：达到极限的数值视为已实现目标值（得分 5）；无目标值时，Open SDG 在接近极限处按其规则降低增长率阈值。3. 方向为 &lt;i&gt;parity&lt;/i&gt;（均等指数）时以 1 为目标：落在 0.97-1.03（联合国教科文组织统计研究所的均等区间）内即为已实现目标值；区间之外，评估与 1 的距离向区间边缘缩小的进展（距离缩小即为进展）。4. 相对目标值（&lt;i&gt;target_change&lt;/i&gt;）等于基准年数值乘以（1 + 变化 / 100）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;方法&lt;/b&gt;：Open SDG（加拿大统计局的进展测度，默认方法：将复合增长率与所需增长率比较，阈值为 0.95 / 0.60 / 0；无目标值时，增长率阈值为 1.5% / 0.5% / 0，接近自然极限时进行调整；得分为 -5 至 5）；联合国统计司进展图（Progress Chart）的实际增长与所需增长之比；亚太经社会（ESCAP）现状指数，其预期值来自时间加权趋势；SDSN 式标准化得分及仪表板颜色。&lt;/p&gt;&lt;p&gt;指定结果库时，评估结果及汇总会在一个事务中替换表 &lt;i&gt;sdg_progress&lt;/i&gt;、&lt;i&gt;sdg_goal_rollup&lt;/i&gt;、&lt;i&gt;sdg_group_rollup&lt;/i&gt; 和 &lt;i&gt;sdg_headline&lt;/i&gt; 中同一方法的原有结果。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/assess_progress.py" line="130"/>
        <source>{}: not assessed, the target rows of this indicator give different directions; add a row with the direction (increase, decrease or parity) for this series.</source>
        <translation>{}：未评估，该指标的目标值行给出的方向不一致；请为该系列添加一行并注明方向（increase、decrease 或 parity）。</translation>
    </message>
    <message>
        <location filename="../processing/assess_progress.py" line="130"/>
        <source>{}: not assessed, no target row gives its direction; add a row with the direction (increase, decrease or parity) to the profile or the targets.</source>
        <translation>{}：未评估，没有目标值行给出其方向；请在指标体系或目标值表中添加一行并注明方向（increase、decrease 或 parity）。</translation>
    </message>
    <message>
        <location filename="../processing/reference_year.py" line="44"/>
        <source>its metadata</source>
        <translation>其元数据</translation>
    </message>
    <message>
        <location filename="../processing/reference_year.py" line="48"/>
        <source>its GDAL metadata</source>
        <translation>其 GDAL 元数据</translation>
    </message>
    <message>
        <location filename="../processing/reference_year.py" line="49"/>
        <source>its name</source>
        <translation>其名称</translation>
    </message>
    <message>
        <location filename="../processing/reference_year.py" line="49"/>
        <source>its file name</source>
        <translation>其文件名</translation>
    </message>
    <message>
        <location filename="../processing/reference_year.py" line="96"/>
        <source>{} of layer &apos;{}&apos;</source>
        <translation>图层“{1}”的{0}</translation>
    </message>
    <message>
        <location filename="../processing/reference_year.py" line="114"/>
        <source>{} not given: reference year {} from {}.</source>
        <translation>未给出 {}：参考年份 {} 取自{}。</translation>
    </message>
    <message>
        <location filename="../processing/reference_year.py" line="116"/>
        <source>Set {}: the year the input data refer to. It is not in the input layers&apos; metadata or names, and the current year is never assumed.</source>
        <translation>请设置 {}：输入数据所对应的年份。输入图层的元数据和名称中都没有年份，且不会默认使用当前年份。</translation>
    </message>
    <message>
        <location filename="../processing/reference_year.py" line="120"/>
        <source>Set {}: the input layers refer to different years: {}.</source>
        <translation>请设置 {}：各输入图层对应的年份不同：{}。</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="474"/>
        <source>There is no chart to save: select an indicator in the table first.</source>
        <translation>没有可保存的图表：请先在表中选择一个指标。</translation>
    </message>
    <message>
        <location filename="../ui/goal_tiles.py" line="30"/>
        <source>each indicator scores from -5 (deterioration) to +5 (target achieved) by Open SDG&apos;s progress measure; a goal&apos;s score is the mean of its indicators&apos; scores, coloured by the band it falls in: 2.5 to 5 substantial progress, 0 to 2.5 moderate, -2.5 to 0 limited, below -2.5 deterioration.</source>
        <translation>按 Open SDG 进展测度，每个指标得分为 -5（恶化）至 +5（已实现目标值）；目标得分为其各指标得分的平均值，按所在区间着色：2.5 至 5 进展显著，0 至 2.5 进展中等，-2.5 至 0 进展有限，低于 -2.5 恶化。</translation>
    </message>
    <message>
        <location filename="../ui/run_panel.py" line="45"/>
        <source>done, {0} of {1} steps failed</source>
        <translation>完成，{1} 个步骤中有 {0} 个失败</translation>
    </message>
    <message>
        <location filename="../ui/run_panel.py" line="79"/>
        <source>Excel report…</source>
        <translation>Excel 报告…</translation>
    </message>
    <message>
        <location filename="../ui/run_panel.py" line="80"/>
        <source>PDF report…</source>
        <translation>PDF 报告…</translation>
    </message>
    <message>
        <location filename="../ui/run_panel.py" line="81"/>
        <source>Write the Excel report of the open results store ({})</source>
        <translation>为当前结果库生成 Excel 报告（{}）</translation>
    </message>
    <message>
        <location filename="../ui/run_panel.py" line="83"/>
        <source>Write the PDF report of the open results store ({})</source>
        <translation>为当前结果库生成 PDF 报告（{}）</translation>
    </message>
    <message>
        <location filename="../ui/run_panel.py" line="86"/>
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../ui/run_panel.py" line="138"/>
        <source>Save the report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <location filename="../processing/year_widget.py" line="56"/>
        <source>from the inputs</source>
        <translation>从输入数据读取</translation>
    </message>
    <message>
        <location filename="../processing/year_widget.py" line="89"/>
        <source>Left empty, the year is read from the input layers</source>
        <translation>留空时从输入图层读取年份</translation>
    </message>
    <message>
        <location filename="../processing/year_widget.py" line="89"/>
        <source>Read from {}</source>
        <translation>读取自{}</translation>
    </message>
    <message>
        <location filename="../processing/access.py" line="144"/>
        <source>TOLERANCE: {} line end(s) moved onto a line they stopped short of or overshot.</source>
        <translation>TOLERANCE：{} 个线端点移到了其未达或越过的线上。</translation>
    </message>
    <message>
        <location filename="../processing/access.py" line="351"/>
        <source>&lt;p&gt;&lt;b&gt;Population&lt;/b&gt; is a raster of people per cell (e.g. from &lt;i&gt;Dasymetric population&lt;/i&gt;). A cell counts as served when its &lt;b&gt;centre&lt;/b&gt; is within the distance, so each person counts once however many service areas overlap. Optional female and male rasters (on any grid) give the breakdown by sex; each raster is measured on its own grid. Nodata and negative cells hold no one. Zones and urban polygons are assigned to cells by the same pixel-centre rule. POPULATION_BY_GROUP gives further groups as rows of a group (key=value, e.g. sex=female, age=65+, disability=yes), a raster and its band (default 1): each group adds results-store rows whose &lt;i&gt;disaggregation&lt;/i&gt; is the group (and &lt;i&gt;group;location=urban&lt;/i&gt; / &lt;i&gt;rural&lt;/i&gt; with urban areas); groups of one kind, such as the age bands, add up to the total where their rasters add up to the population raster.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Straight-line distance&lt;/b&gt; (no network): cells whose centre is within the distance of a point, measured in ground metres: in a geographic CRS with the ellipsoid's metres per degree at each row's latitude (relative error below 1e-5 at these distances); in a projected CRS with the ground metres per map unit along x and along y (the projection's linear scale, from ellipsoidal lengths), per row at the population grid's centre column, so that 400 m is 400 m on the ground in Web Mercator at any latitude as in UTM. This is exact for conformal projections (UTM, Gauss-Krüger, Lambert conformal) and normal cylindrical ones (Mercator, Web Mercator); in Albers or Lambert azimuthal equal-area away from the central meridian, diagonal distances are off by the projection's shear there. Across the grid's width w the scale of a UTM or Gauss-Krüger zone varies by about x·w/R² at a distance x from the central meridian (1e-4 for a county 50 km wide 100 km off it). The walk-off distance, TOLERANCE and SEARCH_DISTANCE are measured the same way at each point's own position. Features in another CRS are reprojected to the population grid's CRS.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Network distance&lt;/b&gt; (NETWORK given): the lines alone make the graph: their vertices are its nodes, their straight segments its edges, walkable both ways, with ellipsoidal lengths in metres (in a projected CRS they differ from planar distances by the projection's scale factor, under 0.1 % in UTM or Gauss-Krüger zones). Lines join only where they share a vertex when TOLERANCE (advanced) is 0, the default, right for OpenStreetMap, whose streets share their junction nodes. With TOLERANCE &gt; 0 metres, vertices closer than that become one node, and a dead end (a line end that meets no other line) within TOLERANCE of another line, short of it (an undershoot) or just across it (an overshoot), is moved onto that line's nearest point, which becomes a junction. The gap is closed, not walked: the moved end's segment is measured to its new position, as for joined vertices. Raise it (to the digitising accuracy, typically 0.5-2 m) for digitised or CAD streets whose lines stop short of or cross each other at junctions without a shared vertex; keep it below the shortest real gap between streets that do not meet. Each point is tied to the nearest point of the nearest segment, which is split there, and in the same way to every other segment as near within 1 mm (streets either side of it at the same distance, lines crossing where it lies), so that which of equally near streets counts never depends on rounding: each tie reaches both directions, whether the point lies on a vertex, inside a segment, at a dead end or off the network, the straight walk from the point to each tie point counts towards the distance, and the point serves what any of its ties reaches. Points farther than SEARCH_DISTANCE (advanced, default 200 m) from every line serve nothing and are named in a warning. One multi-source shortest-path search per distance class gives every node's distance to the nearest point; the served network is every part of every segment (and of each point's own walk) within the distance, cut at the exact position. Cells whose centre is within the walk-off distance (advanced; default 50 m, or half the population cell's diagonal when that is larger, so that a coarse grid's cells beside a served street are reached) of the served network are served.&lt;/p&gt;&lt;p&gt;The whole-area value is the sum of served population over the sum of population of all zones (not a mean of zone values). Rasters are read in strips; cancel stops the run and writes nothing.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;人口&lt;/b&gt;为每个像元人数的栅格（例如来自&lt;i&gt;人口空间化格网&lt;/i&gt;算法）。像元&lt;b&gt;中心&lt;/b&gt;位于距离范围内即视为已覆盖，因此无论多少个服务区重叠，每个人只计一次。可选的女性和男性人口栅格（可为任意格网）用于按性别分列；每个栅格在其自身格网上计算。无数据和负值像元视为无人居住。分区和城镇多边形按相同的像元中心规则分配到像元。POPULATION_BY_GROUP 以行的形式给出更多分组：分组（key=value，例如 sex=female、age=65+、disability=yes）、栅格及其波段（默认 1）：每个分组在结果库中增加 &lt;i&gt;disaggregation&lt;/i&gt; 为该分组的行（提供城镇区域时还有 &lt;i&gt;group;location=urban&lt;/i&gt; / &lt;i&gt;rural&lt;/i&gt;）；同一类分组（如各年龄段）在其栅格之和等于人口栅格时，合计等于总数。&lt;/p&gt;&lt;p&gt;&lt;b&gt;直线距离&lt;/b&gt;（未提供路网）：像元中心与某点的距离在范围内即覆盖，距离以地面米计：在地理坐标参考系中按每行纬度处椭球体每度对应的米数计算（在这些距离上相对误差小于 1e-5）；在投影坐标参考系中按沿 x 和 y 方向每地图单位对应的地面米数计算（即投影的长度比，由椭球长度得出），在人口格网中央列处逐行取值，因此无论在 Web 墨卡托的任何纬度还是在 UTM 中，400 m 都是地面上的 400 m。对等角投影（UTM、高斯-克吕格、兰伯特等角圆锥）和正轴圆柱投影（墨卡托、Web 墨卡托）这是精确的；在 Albers 或兰伯特方位等积投影中远离中央经线处，斜向距离存在该处投影切变造成的误差。在 UTM 或高斯-克吕格投影带中，距中央经线 x 处长度比在格网宽度 w 内的变化约为 x·w/R²（距中央经线 100 km、宽 50 km 的县约为 1e-4）。离网步行距离、TOLERANCE 和 SEARCH_DISTANCE 以同样方式在每个点自身位置量测。坐标参考系不同的要素会重投影到人口格网的坐标参考系。&lt;/p&gt;&lt;p&gt;&lt;b&gt;路网距离&lt;/b&gt;（提供 NETWORK 时）：仅由线构建图：线的节点为图的节点，线的直线段为图的边，双向均可步行，边长为以米计的椭球长度（在投影坐标参考系中，与平面距离相差投影的比例因子，在 UTM 或高斯-克吕格投影带中小于 0.1%）。TOLERANCE（高级参数）为默认值 0 时，线只在共享节点处相连，这适用于 OpenStreetMap，其街道在路口共享节点。TOLERANCE 大于 0 米时，距离小于该值的节点合并为一个节点；尽头路端点（不与其他线相接的线端点）距另一条线在 TOLERANCE 以内时，无论未达该线（欠头）还是略微越过该线（出头），都移到该线上的最近点，并在此形成路口。间隙被闭合而不计入步行距离：移动后端点所在线段按其新位置量测，与合并节点的处理相同。对于在路口处未达或越过其他线却没有共享节点的数字化或 CAD 街道数据，可将其增大（至数字化精度，通常为 0.5-2 m）；应小于实际互不相接的街道之间的最短间隙。每个点接入最近线段上的最近点，该线段在此处被拆分；与最近距离相差不超过 1 mm 的其他线段（如距离相同的两侧街道、在点所在处交叉的线）也以同样方式接入，因此同样近的街道都计入，不取决于舍入误差：无论点位于节点上、线段内、尽头路端点还是路网之外，每个接入点都可向两个方向到达，从点直线走到各接入点的距离计入总距离，点覆盖其任一接入点所能到达的范围。距所有线超过 SEARCH_DISTANCE（高级参数，默认 200 m）的点不覆盖任何人，并在警告中列出。每个距离等级进行一次多源最短路径搜索，得到每个节点到最近点的距离；覆盖路网为距离范围内每条线段（以及每个点自身的步行段）的所有部分，在精确位置处截断。像元中心位于覆盖路网的离网步行距离（高级参数；默认 50 m，若人口像元对角线长度的一半更大则取该值，以便粗格网中紧邻覆盖街道的像元能被覆盖）以内的即为覆盖。&lt;/p&gt;&lt;p&gt;全域值为所有分区覆盖人口之和除以人口之和（而非各分区值的平均值）。栅格按条带读取；取消运行即停止，不写入任何结果。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/access.py" line="455"/>
        <source>Topology tolerance: join vertices and line ends closer than this to a line (m)</source>
        <translation>拓扑容差：合并距离小于此值的节点，并将距线小于此值的线端点连接到该线（m）</translation>
    </message>
    <message>
        <location filename="../processing/access.py" line="223"/>
        <source>POPULATION_BY_GROUP: group '{}': band '{}' is not a band number (1, 2, …).</source>
        <translation>POPULATION_BY_GROUP：分组“{}”：波段“{}”不是波段编号（1、2、…）。</translation>
    </message>
    <message>
        <location filename="../ui/goal_tiles.py" line="29"/>
        <source>Colours</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../processing/dasymetric_population.py" line="107"/>
        <source>&lt;p&gt;Spreads population totals of zones (census townships, villages) over a grid, as Deqing County's 30 m population grid spread town census totals over residential land by building floor area (dasymetric mapping). Each total field (e.g. pop_2020_m, pop_2020_f) becomes one Float32 GeoTIFF named after the field in the output folder; the cells of a zone add up to the zone's total (up to float32 rounding). To use totals from a table, join it to the zones by zone id first (Join attributes by field value).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Weights.&lt;/b&gt; Land cover: CLASS_WEIGHTS gives a relative weight per class as class:weight (ranges allowed, e.g. 40-49:0.5); unlisted classes weigh 0. The default suits GlobeLand30: 80 artificial surfaces 1, 10 cultivated land 0.05, 20 forest, 30 grassland and 40 shrubland 0.01; wetland, water, tundra, bare land, snow and ice 0. Calibrate them for your area. A cell's land-cover weight is the mean class weight over a subgrid of the cell (as fine as the land cover, at most 32 × 32 sub-cells, nearest neighbour; warped by GDAL when REFERENCE is in another CRS) times the cell's true area (see &lt;i&gt;Pixel areas&lt;/i&gt; below), i.e. weights by area share. Buildings: floor area = footprint area (m², on the ellipsoid) × floors (FLOORS_FIELD; 1 without it); a building crossing cells is split between them by the exact share of its footprint in each cell. With both, a cell weighs its floor area × its mean land-cover weight (buildings on classes of weight 0, such as industry or water, are not homes).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Fallbacks.&lt;/b&gt; Each zone uses the most detailed weight it has: floor area (on weighted land cover), then land-cover weights, then a uniform spread over the zone's cells by area; each fallback is reported with the zone named. A cell belongs to the zone holding its centre; a zone holding no cell centre cannot be placed (warning): choose a smaller CELL_SIZE.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Grid.&lt;/b&gt; The grid of REFERENCE when given; else cells of CELL_SIZE metres in the land cover's CRS (the zones' CRS without land cover), aligned to the land-cover pixels and covering the zones. CELL_SIZE is ground metres at the zones' centre, turned into map units along x and y with the CRS's scale there (degrees in a geographic CRS; in Web Mercator at 60° N about twice CELL_SIZE); a projected CRS whose scale is within 1 % of true there (UTM, Gauss-Krüger) keeps CELL_SIZE map metres. Cells outside every zone are nodata (-9999).&lt;/p&gt;&lt;p&gt;Rasters are read and written in strips in two passes (weight sums per zone, then allocation), so grids of any size work; cancel stops the run and removes the partial outputs.&lt;/p&gt;</source>
        <translation>&lt;p&gt;将分区（普查乡镇、村）的人口总数分配到格网上，做法与德清县 30 m 人口格网相同：按建筑面积将镇级普查总数分配到居住用地上（分区密度制图法）。每个总数字段（如 pop_2020_m、pop_2020_f）在输出文件夹中生成一个以该字段命名的 Float32 GeoTIFF；一个分区内各像元之和等于该分区的总数（误差在 float32 舍入范围内）。如需使用表中的总数，请先按分区代码将表连接到分区图层（按字段值连接属性）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;权重。&lt;/b&gt;土地覆盖：CLASS_WEIGHTS 以 类别:权重 的形式给出每个类别的相对权重（可使用范围，如 40-49:0.5）；未列出的类别权重为 0。默认值适用于 GlobeLand30：80 人造地表 1，10 耕地 0.05，20 森林、30 草地和 40 灌木地 0.01；湿地、水体、苔原、裸地、冰川和永久积雪为 0。请针对本地区进行校准。一个像元的土地覆盖权重为该像元子格网上类别权重的平均值（与土地覆盖同样精细，最多 32 × 32 个子像元，最邻近法；REFERENCE 的坐标参考系不同时由 GDAL 变换）乘以像元的真实面积（见下文&lt;i&gt;像元面积&lt;/i&gt;），即按面积份额加权。建筑：建筑面积 = 基底面积（m²，按椭球计算）× 层数（FLOORS_FIELD；未提供时为 1）；跨越多个像元的建筑按其基底在各像元中的精确份额拆分。两者都提供时，像元权重为其建筑面积 × 其平均土地覆盖权重（位于权重为 0 的类别（如工业或水体）上的建筑不视为住宅）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;回退方案。&lt;/b&gt;每个分区使用其可用的最详细权重：建筑面积（基于加权土地覆盖），其次是土地覆盖权重，最后按面积在分区像元上均匀分配；每次回退都会报告并指明分区。像元归属于包含其中心的分区；不包含任何像元中心的分区无法分配（会给出警告）：请选择更小的 CELL_SIZE。&lt;/p&gt;&lt;p&gt;&lt;b&gt;格网。&lt;/b&gt;提供 REFERENCE 时使用其格网；否则在土地覆盖的坐标参考系中（无土地覆盖时为分区的坐标参考系）生成边长为 CELL_SIZE 米的像元，与土地覆盖像元对齐并覆盖所有分区。CELL_SIZE 为分区中心处的地面米数，按该处坐标参考系沿 x 和 y 方向的比例换算为地图单位（地理坐标参考系中为度；Web 墨卡托在北纬 60° 处约为 CELL_SIZE 的两倍）；投影坐标参考系在该处的比例与真实比例相差不超过 1 % 时（UTM、高斯-克吕格），保持 CELL_SIZE 地图米。不在任何分区内的像元为无数据（-9999）。&lt;/p&gt;&lt;p&gt;栅格分两遍按条带读写（先计算各分区权重之和，再进行分配），因此任意大小的格网均可处理；取消运行即停止并删除部分生成的输出。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/mountain_green_cover.py" line="99"/>
        <source>&lt;p&gt;SDG indicator 15.4.2: Mountain Green Cover Index (MGCI) = green area in mountains / mountain area × 100, for each Kapos mountain class, for all mountains, for the whole area and for each zone.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Mountains&lt;/b&gt; (UN SDG metadata 15.4.2, custodian FAO; classes of Kapos et al. 2000, UNEP-WCMC): 1 elevation ≥ 4500 m; 2 3500-4500 m; 3 2500-3500 m; 4 1500-2500 m and slope ≥ 2°; 5 1000-1500 m and (slope ≥ 5° or local relief &gt; 300 m); 6 300-1000 m and local relief &gt; 300 m. Each range includes its lower bound. Local relief is the elevation range (max - min) of the DEM pixels whose centres lie within a circle of 7 km radius (a true circle, not a square). Slope is computed by Horn's method, as QGIS's slope tool and gdaldem do. The enclosed non-mountain basins that Kapos adds to mountains are not added.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Metres whatever the CRS&lt;/b&gt;: in a geographic CRS each DEM row gets its pixel width and height in metres on the ellipsoid, so slopes are in degrees from metres of rise over metres of run; in a projected CRS map units are converted to metres. Elevations must be in metres.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Grids&lt;/b&gt;: slope and relief are computed on the DEM's own grid (resampling a DEM first would make false terraces), which gives the mountain class raster. The classes are then read onto the land-cover grid (nearest neighbour, reprojected if needed), so that green and mountain areas keep the land cover's resolution, usually the finer one. Areas are true areas in km², pixel by pixel (see &lt;i&gt;Pixel areas&lt;/i&gt; below).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Green&lt;/b&gt; = the listed land-cover classes (default GlobeLand30 10 cultivated land, 20 forest, 30 grassland, 40 shrubland, 50 wetland as flooded vegetation). Mountain area is every mountain pixel with valid land cover (water, snow and bare land included); nodata land cover counts in neither.&lt;/p&gt;&lt;p&gt;The DEM is read in strips with a halo of rows (1 for the slope, 7 km for the relief), so rasters of any size work and results do not depend on the strip size; cancel stops the run.&lt;/p&gt;&lt;p&gt;Outputs: VALUE (MGCI of all mountains, percent), MGCI_CLASS_1 ... MGCI_CLASS_6, OUTPUT (the zones with &lt;i&gt;value&lt;/i&gt;, &lt;i&gt;green_km2&lt;/i&gt;, &lt;i&gt;mountain_km2&lt;/i&gt;, &lt;i&gt;mgci_1&lt;/i&gt; ... &lt;i&gt;mgci_6&lt;/i&gt;) and MOUNTAIN_CLASSES (a tiled, compressed GeoTIFF: 0 not mountain, 1-6 Kapos class, 255 no elevation). With a results store, rows for the whole area and each zone are upserted, with one more row per Kapos class present (disaggregation &lt;i&gt;mountain_class=k&lt;/i&gt;).&lt;/p&gt;</source>
        <translation>&lt;p&gt;可持续发展目标指标 15.4.2：山区绿化覆盖指数（MGCI）= 山区绿色面积 / 山区面积 × 100，按每个 Kapos 山地类别、全部山地、全域和各分区计算。&lt;/p&gt;&lt;p&gt;&lt;b&gt;山地&lt;/b&gt;（联合国 SDG 指标元数据 15.4.2，托管机构：联合国粮农组织 FAO；山地类别采用 Kapos 等 2000 年的划分，UNEP-WCMC）：1 海拔 ≥ 4500 m；2 3500-4500 m；3 2500-3500 m；4 1500-2500 m 且坡度 ≥ 2°；5 1000-1500 m 且（坡度 ≥ 5° 或局部起伏 &gt; 300 m）；6 300-1000 m 且局部起伏 &gt; 300 m。每个范围包含其下限。局部起伏是中心位于半径 7 km 圆内（真正的圆，而非正方形）的 DEM 像元的高程范围（最大值 - 最小值）。坡度按 Horn 方法计算，与 QGIS 坡度工具和 gdaldem 相同。Kapos 划入山地的封闭非山地盆地不予加入。&lt;/p&gt;&lt;p&gt;&lt;b&gt;无论坐标参考系如何均以米计&lt;/b&gt;：在地理坐标参考系中，每行 DEM 像元的宽度和高度按椭球换算为米，因此坡度由以米计的高差和水平距离得出，单位为度；在投影坐标参考系中，地图单位换算为米。高程必须以米为单位。&lt;/p&gt;&lt;p&gt;&lt;b&gt;格网&lt;/b&gt;：坡度和起伏在 DEM 自身的格网上计算（先对 DEM 重采样会产生虚假的台阶），得到山地类别栅格。随后将类别读取到土地覆盖格网上（最邻近法，必要时重投影），使绿色面积和山区面积保持土地覆盖的分辨率（通常更精细）。面积为以 km² 计的真实面积，逐个像元计算（见下文&lt;i&gt;像元面积&lt;/i&gt;）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;绿色&lt;/b&gt; = 所列的土地覆盖类别（默认 GlobeLand30 的 10 耕地、20 森林、30 草地、40 灌木地，以及作为淹水植被的 50 湿地）。山区面积为具有有效土地覆盖的所有山地像元（包括水体、冰雪和裸地）；土地覆盖为无数据的像元两者都不计入。&lt;/p&gt;&lt;p&gt;DEM 按条带读取，并带有若干行的缓冲（坡度 1 行，起伏 7 km），因此任意大小的栅格均可处理，且结果与条带大小无关；取消即停止运行。&lt;/p&gt;&lt;p&gt;输出：VALUE（全部山地的 MGCI，百分比）、MGCI_CLASS_1 ... MGCI_CLASS_6、OUTPUT（带有 &lt;i&gt;value&lt;/i&gt;、&lt;i&gt;green_km2&lt;/i&gt;、&lt;i&gt;mountain_km2&lt;/i&gt;、&lt;i&gt;mgci_1&lt;/i&gt; ... &lt;i&gt;mgci_6&lt;/i&gt; 字段的分区图层）和 MOUNTAIN_CLASSES（分块压缩的 GeoTIFF：0 非山地，1-6 Kapos 类别，255 无高程）。指定结果库时，为全域和每个分区写入（插入或更新）记录，并为出现的每个 Kapos 类别各增加一行（分列为 &lt;i&gt;mountain_class=k&lt;/i&gt;）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/forest_area.py" line="38"/>
        <source>&lt;p&gt;SDG indicator 15.1.1: forest area as a percentage of total land area, for the whole area and for each zone.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Method&lt;/b&gt; (UN SDG metadata 15.1.1, custodian FAO): value = forest area / land area × 100, where land area is the total area less inland water. Forest and water are the land-cover classes listed (defaults: GlobeLand30 20 = forest, 60 = water bodies); every other valid class is land. Nodata pixels count as neither.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Areas&lt;/b&gt; are true areas in km², pixel by pixel (see &lt;i&gt;Pixel areas&lt;/i&gt; below). Zones in another CRS are reprojected to the raster's CRS; a pixel belongs to a zone when its centre lies inside it; zones should not overlap.&lt;/p&gt;&lt;p&gt;The raster is read in strips, so rasters of any size work; cancel stops the run and writes nothing. The whole-area value is the sum of forest over the sum of land of all zones (not a mean of the zone percentages).&lt;/p&gt;&lt;p&gt;Outputs: VALUE (percent) and OUTPUT, the zones with &lt;i&gt;value&lt;/i&gt;, &lt;i&gt;forest_km2&lt;/i&gt; and &lt;i&gt;land_km2&lt;/i&gt;. With a results store, one row per zone and one for the whole area are upserted.&lt;/p&gt;</source>
        <translation>&lt;p&gt;可持续发展目标指标 15.1.1：森林面积占陆地总面积的百分比，按全域和各分区计算。&lt;/p&gt;&lt;p&gt;&lt;b&gt;方法&lt;/b&gt;（联合国 SDG 指标元数据 15.1.1，托管机构：联合国粮农组织 FAO）：指标值 = 森林面积 / 陆地面积 × 100，其中陆地面积为总面积减去内陆水域面积。森林和水域为所列的土地覆盖类别（默认：GlobeLand30 的 20 = 森林、60 = 水体）；其他所有有效类别均计为陆地。无数据像元既不计为森林也不计为陆地。&lt;/p&gt;&lt;p&gt;&lt;b&gt;面积&lt;/b&gt;为以 km² 计的真实面积，逐个像元计算（见下文&lt;i&gt;像元面积&lt;/i&gt;）。坐标参考系不同的分区会重投影到栅格的坐标参考系；像元中心落在分区内即归属该分区；分区之间不应重叠。&lt;/p&gt;&lt;p&gt;栅格按条带读取，任意大小的栅格均可处理；取消运行即停止，不写入任何结果。全域值为所有分区森林面积之和除以陆地面积之和（而非各分区百分比的平均值）。&lt;/p&gt;&lt;p&gt;输出：VALUE（百分比）和 OUTPUT（带有 &lt;i&gt;value&lt;/i&gt;、&lt;i&gt;forest_km2&lt;/i&gt; 和 &lt;i&gt;land_km2&lt;/i&gt; 字段的分区图层）。指定结果库时，为每个分区和全域各写入（插入或更新）一行。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/land_consumption.py" line="87"/>
        <source>&lt;p&gt;SDG indicator 11.3.1: ratio of land consumption rate to population growth rate (LCRPGR), with built-up area per capita and the total change of built-up area, for the whole area and each zone.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Method&lt;/b&gt; (UN SDG metadata 11.3.1, custodian UN-Habitat, revision of March 2021): LCR = (V2 - V1) / V1 / (t2 - t1) and PGR = ln(P2 / P1) / (t2 - t1), both per year (fractions: 0.02 = 2 % a year), where V is the built-up area and P the population at the start year t1 and the end year t2; LCRPGR = LCR / PGR. Built-up area per capita = V / P in m² per person; total change = V2 - V1 in km² and in percent of V1.&lt;/p&gt;&lt;p&gt;&lt;b&gt;PGR near zero or negative&lt;/b&gt;: when |PGR| is at most the tolerance (default 0.001, i.e. 0.1 % a year) or PGR is negative, LCRPGR is not computed (left empty) and the run warns; the field &lt;i&gt;pgr_flag&lt;/i&gt; says why: 0 = PGR positive, 1 = near zero, 2 = negative, 3 = population missing. The output PGR_STATUS gives the same for the whole area as text (ok, near_zero, negative, missing).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Built-up&lt;/b&gt; at each date: a raster whose classes BUILTUP_CLASSES (default 1) are built-up (band 1; nodata counts nowhere; each raster on its own grid), or a polygon layer (overlapping polygons counted once). Areas are true areas in km²: ellipsoidal for polygons, pixel by pixel for rasters (see &lt;i&gt;Pixel areas&lt;/i&gt; below).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Population&lt;/b&gt; at each date: per zone from a field of the zones layer or summed from a population raster over each zone (pixel-centre rule); for the whole area a number, else the sum over the zones, else the raster's total. A given whole-area number overrides the sum of the zones.&lt;/p&gt;&lt;p&gt;With zones, built-up pixels count in the zone holding their centre and built-up polygons are cut by the zones; the whole-area values use the sums over the zones. The results store gets LCRPGR as value, LCR as numerator and PGR as denominator, one row per zone and one for the whole area. Outputs: VALUE (LCRPGR), LCR, PGR, PGR_STATUS and OUTPUT (the zones with the fields above).&lt;/p&gt;</source>
        <translation>&lt;p&gt;可持续发展目标指标 11.3.1：土地消耗率与人口增长率之比（LCRPGR），以及人均建成区面积和建成区面积的总变化，按全域和各分区计算。&lt;/p&gt;&lt;p&gt;&lt;b&gt;方法&lt;/b&gt;（联合国 SDG 指标元数据 11.3.1，托管机构：联合国人居署，2021 年 3 月修订版）：LCR = (V2 - V1) / V1 / (t2 - t1)，PGR = ln(P2 / P1) / (t2 - t1)，均为年率（小数：0.02 = 每年 2%），其中 V 为建成区面积，P 为起始年 t1 和结束年 t2 的人口；LCRPGR = LCR / PGR。人均建成区面积 = V / P，单位为 m²/人；总变化 = V2 - V1，以 km² 和占 V1 的百分比表示。&lt;/p&gt;&lt;p&gt;&lt;b&gt;PGR 接近零或为负&lt;/b&gt;：当 |PGR| 不超过容差（默认 0.001，即每年 0.1%）或 PGR 为负时，不计算 LCRPGR（留空）并给出警告；字段 &lt;i&gt;pgr_flag&lt;/i&gt; 说明原因：0 = PGR 为正，1 = 接近零，2 = 为负，3 = 缺少人口。输出 PGR_STATUS 以文本形式给出全域的相应情况（ok、near_zero、negative、missing）。&lt;/p&gt;&lt;p&gt;各时点的&lt;b&gt;建成区&lt;/b&gt;：类别 BUILTUP_CLASSES（默认 1）为建成区的栅格（波段 1；无数据不计入任何类别；每个栅格在其自身格网上计算），或多边形图层（重叠的多边形只计一次）。面积为以 km² 计的真实面积：多边形按椭球计算，栅格逐个像元计算（见下文&lt;i&gt;像元面积&lt;/i&gt;）。&lt;/p&gt;&lt;p&gt;各时点的&lt;b&gt;人口&lt;/b&gt;：各分区取自分区图层的字段，或由人口栅格在各分区内求和（像元中心规则）；全域取给定数值，否则为各分区之和，再否则为栅格总和。给定的全域数值优先于各分区之和。&lt;/p&gt;&lt;p&gt;有分区时，建成区像元计入包含其中心的分区，建成区多边形按分区切分；全域值使用各分区之和。结果库中，LCRPGR 写为 value，LCR 写为 numerator，PGR 写为 denominator，每个分区一行，全域一行。输出：VALUE（LCRPGR）、LCR、PGR、PGR_STATUS 和 OUTPUT（带有上述字段的分区图层）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/water_extent.py" line="54"/>
        <source>&lt;p&gt;SDG indicator 6.6.1 (sub-indicator on the spatial extent of water bodies): percent change of the water extent of each year against a baseline, for the whole area and for each zone.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Method&lt;/b&gt; (UN SDG metadata 6.6.1, custodian UNEP): change = (extent of the year - baseline) / baseline × 100, where the baseline is the mean extent over the baseline period, 2000-2004 by default (BASELINE_START, BASELINE_END). When no year given falls in that period, the baseline is the mean of the first years given (as many as the period has years, never the latest year) and the run warns.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Water extent per year&lt;/b&gt;: either rasters, one per year (WATER_RASTERS with YEARS listing their years in the same order, e.g. 2000,2005,2010; left empty, each layer's year is read from its name), where the classes WATER_CLASSES (default 1) are water and nodata counts nowhere; or a polygon layer (WATER_POLYGONS) with a year field, where the polygons of a year are dissolved so overlaps count once. Areas are true areas in km²: ellipsoidal for polygons, pixel by pixel for rasters (see &lt;i&gt;Pixel areas&lt;/i&gt; below). With zones, pixels count in the zone holding their centre and polygons are cut by the zones; whole-area extents are the sums over the zones.&lt;/p&gt;&lt;p&gt;Outputs: VALUE, the percent change of the latest year for the whole area; LATEST_YEAR; BASELINE_KM2; and OUTPUT, the zones with &lt;i&gt;baseline_km2&lt;/i&gt; and, per year, &lt;i&gt;water_km2_YYYY&lt;/i&gt; and &lt;i&gt;change_pct_YYYY&lt;/i&gt; (&lt;i&gt;value&lt;/i&gt; is the latest year's change). The results store gets one row per zone and year, each with the data year (the YEAR parameter is not used): value = percent change, numerator = extent in km², denominator = baseline in km².&lt;/p&gt;</source>
        <translation>&lt;p&gt;可持续发展目标指标 6.6.1（水体空间范围子指标）：各年份水体范围相对于基准的变化百分比，按全域和各分区计算。&lt;/p&gt;&lt;p&gt;&lt;b&gt;方法&lt;/b&gt;（联合国 SDG 指标元数据 6.6.1，托管机构：联合国环境规划署）：变化 = (当年范围 - 基准) / 基准 × 100，其中基准为基准期内范围的平均值，默认基准期为 2000-2004 年（BASELINE_START、BASELINE_END）。如果给出的年份都不在该期间内，则以最早的若干年（年数与基准期相同，且不包括最新年份）的平均值作为基准，并给出警告。&lt;/p&gt;&lt;p&gt;&lt;b&gt;各年份水体范围&lt;/b&gt;：可以是栅格，每年一个（WATER_RASTERS，YEARS 按相同顺序列出其年份，如 2000,2005,2010；留空时从各图层名称中读取年份），其中类别 WATER_CLASSES（默认 1）为水体，无数据不计入任何类别；也可以是带年份字段的多边形图层（WATER_POLYGONS），同一年份的多边形会融合，重叠部分只计一次。面积为以 km² 计的真实面积：多边形按椭球计算，栅格逐个像元计算（见下文&lt;i&gt;像元面积&lt;/i&gt;）。有分区时，像元计入包含其中心的分区，多边形按分区切分；全域范围为各分区之和。&lt;/p&gt;&lt;p&gt;输出：VALUE，全域最新年份的变化百分比；LATEST_YEAR；BASELINE_KM2；以及 OUTPUT（带有 &lt;i&gt;baseline_km2&lt;/i&gt; 以及每年 &lt;i&gt;water_km2_YYYY&lt;/i&gt; 和 &lt;i&gt;change_pct_YYYY&lt;/i&gt; 字段的分区图层，&lt;i&gt;value&lt;/i&gt; 为最新年份的变化）。结果库中每个分区每年一行，各行使用数据年份（不使用 YEAR 参数）：value = 变化百分比，numerator = 范围（km²），denominator = 基准（km²）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/land_degradation.py" line="76"/>
        <source>&lt;p&gt;SDG indicator 15.3.1: proportion of land that is degraded over total land area, for the whole area and for each zone, with the areas degraded, stable and improved in km².&lt;/p&gt;&lt;p&gt;&lt;b&gt;Method&lt;/b&gt; (UN SDG metadata 15.3.1, custodian UNCCD; UNCCD Good Practice Guidance for SDG 15.3.1, version 2, 2021): three sub-indicators, each degraded (-1), stable (0) or improved (1) per pixel, combined by &lt;i&gt;one out, all out&lt;/i&gt;: a pixel is degraded when any sub-indicator is degraded, otherwise improved when any is improved, otherwise stable. A pixel where a given sub-indicator has no data is not assessed and counts in no area. value = degraded / (degraded + stable + improved) × 100.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Land cover&lt;/b&gt;: a raster of -1/0/1, or land cover at two dates. The codes are mapped to the 7 UNCCD classes (1 tree-covered, 2 grassland, 3 cropland, 4 wetland, 5 artificial, 6 other land, 7 water bodies) by &lt;i&gt;codes=class&lt;/i&gt; items; the default maps GlobeLand30: 20 forest = 1; 30 grassland, 40 shrubland, 70 tundra = 2; 10 cultivated land = 3; 50 wetland = 4; 80 artificial surfaces = 5; 90 bareland, 100 snow and ice = 6; 60 water = 7. Unmapped codes have no data. The transition matrix (rows: class at the start, columns: class at the end) defaults to the UNCCD GPG matrix. Pixels that are water at the end are not land and are left out of the total.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Productivity&lt;/b&gt;: a raster of -1/0/1 (PRODUCTIVITY, e.g. OUTPUT_SUBINDICATOR of &lt;i&gt;Land productivity dynamics from NDVI&lt;/i&gt; or Trends.Earth's), or the 5 land productivity dynamics classes (PRODUCTIVITY_LPD, Trends.Earth's codes: 1 declining, 2 moderate decline are degraded; 3 stable but stressed, 4 stable are stable; 5 increasing is improved).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Soil organic carbon&lt;/b&gt;: a raster of -1/0/1, or stocks at two dates: a loss of at least the threshold (default 10 %) is degraded, a gain of at least as much improved; no data where the first stock is not positive. &lt;i&gt;Soil organic carbon change from land cover&lt;/i&gt; makes both from an initial stock and land cover.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Status&lt;/b&gt; (UNCCD GPG Addendum for SDG 15.3.1, 2025, &lt;i&gt;Assessing status for each reporting process&lt;/i&gt;): with BASELINE, the 15.3.1 raster of the baseline period (-1/0/1, e.g. DEGRADATION of a run for 2000-2015), the STATUS raster holds the status at the end of this reporting period: a pixel degraded or improved in the period takes that state, a stable one keeps the baseline's. It is written in the Addendum's expanded classes: 1 persistent degradation (degraded in both), 2 recent degradation, 3 baseline degradation (degraded, then stable), 4 stability, 5 baseline improvement, 6 recent improvement, 7 persistent improvement; 1-3 are degraded, 5-7 improved. STATUS_VALUE and the &lt;i&gt;status_*&lt;/i&gt; fields give the degraded share and areas by the status.&lt;/p&gt;&lt;p&gt;Give at least one sub-indicator; the GPG asks for all three. All rasters are read on the grid of the first given among land cover, productivity and soil organic carbon (nearest neighbour, reprojected if needed), band 1, in strips; areas are true areas in km², pixel by pixel (see &lt;i&gt;Pixel areas&lt;/i&gt; below). Cancel stops the run.&lt;/p&gt;&lt;p&gt;Outputs: VALUE (percent degraded), DEGRADED_KM2, STABLE_KM2, IMPROVED_KM2, STATUS_VALUE, OUTPUT (the zones with &lt;i&gt;value&lt;/i&gt;, &lt;i&gt;degraded_km2&lt;/i&gt;, &lt;i&gt;stable_km2&lt;/i&gt;, &lt;i&gt;improved_km2&lt;/i&gt;, &lt;i&gt;total_km2&lt;/i&gt;, &lt;i&gt;status_degraded_km2&lt;/i&gt;, &lt;i&gt;status_stable_km2&lt;/i&gt;, &lt;i&gt;status_improved_km2&lt;/i&gt;, &lt;i&gt;status_value&lt;/i&gt;; the status fields are empty without BASELINE), DEGRADATION, the combined raster (Int16: -1, 0, 1; -32768 no data), and STATUS (Byte 1-7, 0 no data).&lt;/p&gt;</source>
        <translation>&lt;p&gt;可持续发展目标指标 15.3.1：已退化土地占土地总面积的比例，按全域和各分区计算，并给出退化、稳定和改善的面积（km²）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;方法&lt;/b&gt;（联合国 SDG 指标元数据 15.3.1，托管机构：联合国防治荒漠化公约 UNCCD；UNCCD《SDG 15.3.1 良好实践指南》第 2 版，2021 年）：三个子指标在每个像元上分别为退化（-1）、稳定（0）或改善（1），按&lt;i&gt;“一出全出”（one out, all out）&lt;/i&gt;原则组合：任一子指标退化则像元为退化，否则任一子指标改善则为改善，否则为稳定。某个给定子指标无数据的像元不参与评估，不计入任何面积。指标值 = 退化 / (退化 + 稳定 + 改善) × 100。&lt;/p&gt;&lt;p&gt;&lt;b&gt;土地覆盖&lt;/b&gt;：-1/0/1 栅格，或两个时点的土地覆盖。通过 &lt;i&gt;代码=类别&lt;/i&gt; 项将代码映射到 UNCCD 的 7 个类别（1 有林地、2 草地、3 耕地、4 湿地、5 人造地表、6 其他土地、7 水体）；默认映射 GlobeLand30：20 森林 = 1；30 草地、40 灌木地、70 苔原 = 2；10 耕地 = 3；50 湿地 = 4；80 人造地表 = 5；90 裸地、100 冰川和永久积雪 = 6；60 水体 = 7。未映射的代码视为无数据。转移矩阵（行：起始类别，列：结束类别）默认采用 UNCCD 良好实践指南的矩阵。结束时为水体的像元不属于陆地，不计入总面积。&lt;/p&gt;&lt;p&gt;&lt;b&gt;生产力&lt;/b&gt;：-1/0/1 栅格（PRODUCTIVITY，如&lt;i&gt;基于 NDVI 的土地生产力动态&lt;/i&gt;的 OUTPUT_SUBINDICATOR 或 Trends.Earth 的结果），或 5 类土地生产力动态（PRODUCTIVITY_LPD，Trends.Earth 的代码：1 下降、2 中度下降为退化；3 稳定但受胁迫、4 稳定为稳定；5 上升为改善）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;土壤有机碳&lt;/b&gt;：-1/0/1 栅格，或两个时点的碳储量：减少达到阈值（默认 10%）及以上为退化，增加同样幅度及以上为改善；第一期储量不为正的像元视为无数据。&lt;i&gt;基于土地覆盖的土壤有机碳变化&lt;/i&gt;可由期初储量和土地覆盖生成这两种输入。&lt;/p&gt;&lt;p&gt;&lt;b&gt;状态&lt;/b&gt;（UNCCD《SDG 15.3.1 良好实践指南增编》，2025，&lt;i&gt;Assessing status for each reporting process&lt;/i&gt;）：提供 BASELINE（基准期的 15.3.1 栅格，-1/0/1，如 2000-2015 年运行所得的 DEGRADATION）时，STATUS 栅格给出本报告期末的状态：本期退化或改善的像元取本期状态，本期稳定的像元保留基准期状态。采用增编的扩展分类：1 持续退化（两期均退化）、2 近期退化、3 基准期退化（先退化后稳定）、4 稳定、5 基准期改善、6 近期改善、7 持续改善；1-3 为退化，5-7 为改善。STATUS_VALUE 和 &lt;i&gt;status_*&lt;/i&gt; 字段给出按状态计的退化占比和面积。&lt;/p&gt;&lt;p&gt;请至少提供一个子指标；良好实践指南要求三个都提供。所有栅格都在土地覆盖、生产力和土壤有机碳中第一个提供者的格网上读取（最邻近法，必要时重投影），使用波段 1，按条带读取；面积为以 km² 计的真实面积，逐个像元计算（见下文&lt;i&gt;像元面积&lt;/i&gt;）。取消即停止运行。&lt;/p&gt;&lt;p&gt;输出：VALUE（退化百分比）、DEGRADED_KM2、STABLE_KM2、IMPROVED_KM2、STATUS_VALUE、OUTPUT（带有 &lt;i&gt;value&lt;/i&gt;、&lt;i&gt;degraded_km2&lt;/i&gt;、&lt;i&gt;stable_km2&lt;/i&gt;、&lt;i&gt;improved_km2&lt;/i&gt;、&lt;i&gt;total_km2&lt;/i&gt;、&lt;i&gt;status_degraded_km2&lt;/i&gt;、&lt;i&gt;status_stable_km2&lt;/i&gt;、&lt;i&gt;status_improved_km2&lt;/i&gt;、&lt;i&gt;status_value&lt;/i&gt; 字段的分区图层；未提供 BASELINE 时状态字段为空）、DEGRADATION（组合后的栅格，Int16：-1、0、1；-32768 为无数据）和 STATUS（Byte 1-7，0 为无数据）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/land_productivity.py" line="72"/>
        <source>&lt;p&gt;Land productivity, the productivity sub-indicator of SDG 15.3.1, from an annual NDVI series, offline: the five land productivity dynamics (LPD) classes, the sub-indicator (-1/0/1) that &lt;i&gt;Proportion of land that is degraded (15.3.1)&lt;/i&gt; takes as PRODUCTIVITY, and per zone the area and share of each class. value = share of land with declining productivity (declining + moderate decline) in %.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Input&lt;/b&gt;: NDVI with one band per year (an annual integral such as the mean annual NDVI, any scale), band 1 being FIRST_YEAR. The analysis runs from BASELINE_START to REPORT_END. A pixel with no data in any of these years, or in LAND_UNITS, is not assessed.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Method&lt;/b&gt; (UNCCD Good Practice Guidance for SDG 15.3.1, version 2, Sims et al. 2021; definitions of Trends.Earth, documentation &lt;i&gt;UNCCD reporting: Land productivity&lt;/i&gt;):&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Trajectory&lt;/b&gt;: Mann-Kendall test over the analysis years (S with the tie correction of its variance, continuity-corrected z); a two-sided p-value &amp;lt;= 0.05 is a trend, degrading or improving by the sign of the Theil-Sen slope; otherwise stable.&lt;/li&gt;&lt;li&gt;&lt;b&gt;State&lt;/b&gt;: the baseline years (BASELINE_START-BASELINE_END) give 10 percentile classes (cut-offs at the 10th-90th percentiles, linear interpolation, of the annual values widened by two values 5 % of their range beyond the minimum and maximum). The mean of the baseline and the mean of the recent years (REPORT_START-REPORT_END) each fall in a class; 2 or more classes lower is degrading, 2 or more higher improving.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Performance&lt;/b&gt;: the mean NDVI over the analysis years against the maximum productivity of its land unit, the 90th percentile (exact, linear interpolation) of those means over the unit's pixels in the whole raster; below 50 % is degrading. LAND_UNITS is a categorical raster of similar land (Trends.Earth: land cover × soil type); without it the whole raster is one unit.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;&lt;b&gt;Combination&lt;/b&gt; (Trends.Earth's aggregation table): trajectory degrading: 1 declining; trajectory improving: 5 increasing, except 2 moderate decline when state and performance are both degrading; trajectory stable: state improving: 4 stable; state stable: 4 stable, or 3 stable but stressed when the performance is degrading; state degrading: 2 moderate decline, or 1 declining when the performance is degrading. Sub-indicator: 1, 2 degraded (-1); 3, 4 stable (0); 5 improved (1).&lt;/p&gt;&lt;p&gt;Areas are true areas in km², pixel by pixel (see &lt;i&gt;Pixel areas&lt;/i&gt; below); rasters are read in strips and the pixel statistics kept in temporary files, so memory does not grow with the raster. Cancel stops the run and writes nothing.&lt;/p&gt;&lt;p&gt;Outputs: OUTPUT_LPD (Byte, 1-5, 0 no data), OUTPUT_SUBINDICATOR (Int16 -1/0/1, -32768 no data), OUTPUT (the zones with &lt;i&gt;value&lt;/i&gt; and, per class, &lt;i&gt;&amp;lt;class&amp;gt;_km2&lt;/i&gt; and &lt;i&gt;&amp;lt;class&amp;gt;_pct&lt;/i&gt;, and &lt;i&gt;total_km2&lt;/i&gt;), VALUE. Results-store rows have indicator 15.3.1 and series &lt;i&gt;productivity_declining&lt;/i&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;离线地由逐年 NDVI 序列计算土地生产力，即 SDG 15.3.1 的生产力子指标：五类土地生产力动态（LPD）、供&lt;i&gt;退化土地占土地总面积的比例（15.3.1）&lt;/i&gt;作为 PRODUCTIVITY 输入的子指标（-1/0/1），以及各分区每类的面积和占比。value = 生产力下降土地（下降 + 中度下降）的占比（%）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;输入&lt;/b&gt;：每年一个波段的 NDVI（年积分值，如年均 NDVI，任意缩放），波段 1 为 FIRST_YEAR。分析期为 BASELINE_START 至 REPORT_END。任一年份或 LAND_UNITS 无数据的像元不参与评估。&lt;/p&gt;&lt;p&gt;&lt;b&gt;方法&lt;/b&gt;（《UNCCD SDG 15.3.1 良好实践指南》第 2 版，Sims 等，2021；采用 Trends.Earth 的定义，见其文档&lt;i&gt;UNCCD reporting: Land productivity&lt;/i&gt;）：&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;轨迹&lt;/b&gt;：对分析期各年做 Mann-Kendall 检验（S 的方差含结值校正，z 含连续性校正）；双侧 p 值 &amp;lt;= 0.05 视为存在趋势，按 Theil-Sen 斜率的符号判为退化或改善；否则为稳定。&lt;/li&gt;&lt;li&gt;&lt;b&gt;状态&lt;/b&gt;：基准期（BASELINE_START-BASELINE_END）给出 10 个百分位等级（分割点为逐年值的第 10-90 百分位数，线性插值；逐年值在最小值和最大值之外各扩展其极差的 5 % 的两个值）。基准期均值和近期（REPORT_START-REPORT_END）均值各落入一个等级；下降 2 级及以上为退化，上升 2 级及以上为改善。&lt;/li&gt;&lt;li&gt;&lt;b&gt;绩效&lt;/b&gt;：分析期 NDVI 均值与其所在土地单元的最大生产力比较，最大生产力为该单元全部像元均值的第 90 百分位数（精确值，线性插值）；低于 50 % 为退化。LAND_UNITS 为相似土地的分类栅格（Trends.Earth：土地覆盖 × 土壤类型）；不提供时整个栅格为一个单元。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;&lt;b&gt;组合&lt;/b&gt;（Trends.Earth 的汇总表）：轨迹退化：1 下降；轨迹改善：5 上升，但状态和绩效均退化时为 2 中度下降；轨迹稳定：状态改善：4 稳定；状态稳定：4 稳定，绩效退化时为 3 稳定但受胁迫；状态退化：2 中度下降，绩效退化时为 1 下降。子指标：1、2 为退化（-1）；3、4 为稳定（0）；5 为改善（1）。&lt;/p&gt;&lt;p&gt;面积为真实面积（km²），逐个像元计算（见下文&lt;i&gt;像元面积&lt;/i&gt;）；栅格按条带读取，像元统计量存于临时文件，内存不随栅格增大。取消即停止运行且不写出任何结果。&lt;/p&gt;&lt;p&gt;输出：OUTPUT_LPD（Byte，1-5，0 为无数据）、OUTPUT_SUBINDICATOR（Int16 -1/0/1，-32768 为无数据）、OUTPUT（各分区，含 &lt;i&gt;value&lt;/i&gt;、每类的 &lt;i&gt;&amp;lt;class&amp;gt;_km2&lt;/i&gt; 和 &lt;i&gt;&amp;lt;class&amp;gt;_pct&lt;/i&gt; 以及 &lt;i&gt;total_km2&lt;/i&gt;）、VALUE。结果库中的行指标为 15.3.1，系列为 &lt;i&gt;productivity_declining&lt;/i&gt;。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/mountain_land.py" line="71"/>
        <source>&lt;p&gt;SDG indicator 15.4.2 as revised by FAO in 2022 (UN SDG metadata 15.4.2; FAO's SEPAL-SDG 15.4.2 tool), for all mountains and for each bioclimatic belt, for the whole area and each zone: (a) the Mountain Green Cover Index, MGCI = green mountain area / mountain area × 100 (VALUE, series &lt;i&gt;mgci&lt;/i&gt;); (b) the proportion of degraded mountain land = mountain area degraded by land-cover change from LANDCOVER_BASELINE to LANDCOVER / mountain area with both land covers × 100 (DEGRADED_PCT, series &lt;i&gt;degraded_mountain_land&lt;/i&gt;; the GPG baseline is 2000-2015).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Mountains&lt;/b&gt;: the UNEP-WCMC classes of Kapos et al. (2000) from the DEM, computed as in &lt;i&gt;Mountain Green Cover Index (15.4.2)&lt;/i&gt; (slope by Horn's method and local relief within 7 km, in metres on the ellipsoid) and written to MOUNTAIN_CLASSES; classes 1-6 are mountain.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Bioclimatic belts&lt;/b&gt; (Körner et al. 2011, grouped by FAO): 1 nival, 2 alpine, 3 montane, 4 remaining mountain area. Give BELTS (a raster of these codes, e.g. FAO's SDG1542_Mntn_BioclimaticBelts), or the growing season's length in days (SEASON_DAYS) and mean temperature in °C (SEASON_TEMPERATURE): nival below 10 days; alpine below 94 days or below 6.4 °C; montane up to 15 °C; remaining above. Without either, only the totals are given.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Land cover&lt;/b&gt; is mapped to the 10 SEEA classes (1 artificial surfaces, 2 croplands, 3 grassland, 4 tree-covered, 5 shrub-covered, 6 shrubs or herbaceous vegetation aquatic or regularly flooded, 7 sparsely natural vegetated, 8 terrestrial barren land, 9 permanent snow and glaciers, 10 inland water) by &lt;i&gt;codes=class&lt;/i&gt; items; the default maps GlobeLand30 (80=1; 10=2; 30=3; 20=4; 40=5; 50=6; 70=7; 90=8; 100=9; 60=10). Green = classes 2-6. The transition matrix (rows: class at the baseline, columns: class at the end; -1 degradation, 0 stable, 1 improvement) defaults to FAO's.&lt;/p&gt;&lt;p&gt;Everything is counted on the grid of LANDCOVER (the other rasters are read onto it, nearest neighbour), in strips; areas are true areas in km², pixel by pixel (see &lt;i&gt;Pixel areas&lt;/i&gt; below). A mountain pixel whose land cover is not mapped counts in neither area. The older &lt;i&gt;Mountain Green Cover Index (15.4.2)&lt;/i&gt; (six Kapos classes, a list of green codes) stays as it was.&lt;/p&gt;&lt;p&gt;Outputs: VALUE (MGCI), DEGRADED_PCT, OUTPUT (the zones with &lt;i&gt;value&lt;/i&gt;, &lt;i&gt;green_km2&lt;/i&gt;, &lt;i&gt;mountain_km2&lt;/i&gt;, &lt;i&gt;mgci_&amp;lt;belt&amp;gt;&lt;/i&gt;, &lt;i&gt;degraded_km2&lt;/i&gt;, &lt;i&gt;assessed_km2&lt;/i&gt;, &lt;i&gt;degraded_pct&lt;/i&gt;, &lt;i&gt;degraded_pct_&amp;lt;belt&amp;gt;&lt;/i&gt;), MOUNTAIN_CLASSES. Results-store rows: indicator 15.4.2, series &lt;i&gt;mgci&lt;/i&gt; and &lt;i&gt;degraded_mountain_land&lt;/i&gt;, each with a row per belt (disaggregation &lt;i&gt;bioclimatic_belt=nival&lt;/i&gt; ...).&lt;/p&gt;</source>
        <translation>&lt;p&gt;按 FAO 2022 年修订的 SDG 指标 15.4.2（联合国 SDG 指标元数据 15.4.2；FAO 的 SEPAL-SDG 15.4.2 工具），按全部山地和各生物气候带、按全域和各分区计算：(a) 山地绿化覆盖指数，MGCI = 山地绿色面积 / 山地面积 × 100（VALUE，系列 &lt;i&gt;mgci&lt;/i&gt;）；(b) 退化山地比例 = 从 LANDCOVER_BASELINE 到 LANDCOVER 因土地覆盖变化而退化的山地面积 / 两期均有土地覆盖的山地面积 × 100（DEGRADED_PCT，系列 &lt;i&gt;degraded_mountain_land&lt;/i&gt;；良好实践指南的基准期为 2000-2015 年）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;山地&lt;/b&gt;：由 DEM 计算的 UNEP-WCMC 山地类别（Kapos 等，2000），计算方法同&lt;i&gt;山地绿化覆盖指数（15.4.2）&lt;/i&gt;（Horn 法坡度和 7 km 范围内的局部起伏，均在椭球上以米计），写入 MOUNTAIN_CLASSES；类别 1-6 为山地。&lt;/p&gt;&lt;p&gt;&lt;b&gt;生物气候带&lt;/b&gt;（Körner 等，2011，按 FAO 归并）：1 冰雪带、2 高山带、3 山地带、4 其余山地。可提供 BELTS（取值为上述代码的栅格，如 FAO 的 SDG1542_Mntn_BioclimaticBelts），或生长季长度（天，SEASON_DAYS）和生长季平均气温（°C，SEASON_TEMPERATURE）：少于 10 天为冰雪带；少于 94 天或低于 6.4 °C 为高山带；不高于 15 °C 为山地带；其余为其余山地。两者均未提供时只给出合计。&lt;/p&gt;&lt;p&gt;&lt;b&gt;土地覆盖&lt;/b&gt;通过 &lt;i&gt;代码=类别&lt;/i&gt; 项映射为 10 个 SEEA 类别（1 人造地表、2 耕地、3 草地、4 有林地、5 灌木覆盖地、6 水生或定期淹水的灌木和/或草本植被、7 稀疏自然植被、8 陆地裸地、9 永久积雪和冰川、10 内陆水体）；默认映射 GlobeLand30（80=1；10=2；30=3；20=4；40=5；50=6；70=7；90=8；100=9；60=10）。绿色 = 类别 2-6。转移矩阵（行：基准期类别，列：期末类别；-1 退化，0 稳定，1 改善）默认采用 FAO 的矩阵。&lt;/p&gt;&lt;p&gt;所有统计都在 LANDCOVER 的格网上进行（其他栅格按最近邻读到该格网），按条带读取；面积为真实面积（km²），逐个像元计算（见下文&lt;i&gt;像元面积&lt;/i&gt;）。土地覆盖未映射的山地像元不计入任何面积。旧的&lt;i&gt;山地绿化覆盖指数（15.4.2）&lt;/i&gt;（六个 Kapos 类别，绿色代码列表）保持不变。&lt;/p&gt;&lt;p&gt;输出：VALUE（MGCI）、DEGRADED_PCT、OUTPUT（各分区，含 &lt;i&gt;value&lt;/i&gt;、&lt;i&gt;green_km2&lt;/i&gt;、&lt;i&gt;mountain_km2&lt;/i&gt;、&lt;i&gt;mgci_&amp;lt;belt&amp;gt;&lt;/i&gt;、&lt;i&gt;degraded_km2&lt;/i&gt;、&lt;i&gt;assessed_km2&lt;/i&gt;、&lt;i&gt;degraded_pct&lt;/i&gt;、&lt;i&gt;degraded_pct_&amp;lt;belt&amp;gt;&lt;/i&gt;）、MOUNTAIN_CLASSES。结果库中的行：指标 15.4.2，系列 &lt;i&gt;mgci&lt;/i&gt; 和 &lt;i&gt;degraded_mountain_land&lt;/i&gt;，每个系列按生物气候带各有一行（分列 &lt;i&gt;bioclimatic_belt=nival&lt;/i&gt; 等）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/soil_carbon.py" line="61"/>
        <source>&lt;p&gt;The soil organic carbon (SOC) sub-indicator of SDG 15.3.1 from an initial SOC stock and land cover at two dates, offline: the stock at the end, the sub-indicator (-1/0/1) that &lt;i&gt;Proportion of land that is degraded (15.3.1)&lt;/i&gt; takes as SOC_STATE (or give SOC_START and the stock at the end there), and per zone the areas and stocks. value = share of land whose stock fell by the threshold or more, in %.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Method&lt;/b&gt; (UNCCD Good Practice Guidance for SDG 15.3.1, version 2, 2021; Trends.Earth documentation &lt;i&gt;UNCCD reporting: Soil organic carbon&lt;/i&gt;; IPCC 2006 Guidelines, Vol. 4): land cover is mapped to the 7 UNCCD classes (LANDCOVER_MAPPING, default GlobeLand30, as in &lt;i&gt;Proportion of land that is degraded&lt;/i&gt;). Each transition has a coefficient, the proportion of the stock after 20 years: to cropland f and back 1/f, with f the IPCC land-use factor of long-term cultivated land of the climate region (IPCC 2006, Vol. 4, Table 5.5: temperate dry 0.80, temperate moist 0.69, tropical dry 0.58, tropical moist 0.48, tropical montane 0.64); wetland to cropland 0.71 and back 1/0.71; forest, grassland, cropland or wetland to artificial or other land 0.1; artificial or other land to forest, grassland, cropland or wetland 2; any other transition 1. The stock moves linearly over the IPCC default 20 years: end = start × (1 + (coefficient - 1) × min(YEAR_END - YEAR_START, 20) / 20). A loss of SOC_THRESHOLD % (default 10, the GPG's) or more is degraded, a gain of as much improved.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Climate&lt;/b&gt;: CLIMATE is an optional raster of region codes; without it (or where it has no data) every pixel is in CLIMATE_REGION. CLIMATE_FACTORS lists code, name and f per region (defaults: the IPCC regions 1-5 above; Deqing is warm temperate moist, code 2).&lt;/p&gt;&lt;p&gt;SOC_START in t/ha (e.g. SoilGrids 0-30 cm) gives the grid; land covers and climate are read on it (nearest neighbour), in strips. A pixel with no stock (not positive), an unmapped land-cover code or a climate code not in the table has no data. Areas are true areas in km², pixel by pixel (see &lt;i&gt;Pixel areas&lt;/i&gt; below); stocks in tonnes (t/ha × ha). Outputs: OUTPUT_SOC (Float32, t/ha, -9999 no data), OUTPUT_SUBINDICATOR (Int16 -1/0/1, -32768 no data), OUTPUT (zones with &lt;i&gt;value&lt;/i&gt;, &lt;i&gt;degraded_km2&lt;/i&gt;, &lt;i&gt;stable_km2&lt;/i&gt;, &lt;i&gt;improved_km2&lt;/i&gt;, &lt;i&gt;total_km2&lt;/i&gt;, &lt;i&gt;soc_start_t&lt;/i&gt;, &lt;i&gt;soc_end_t&lt;/i&gt;, &lt;i&gt;soc_change_pct&lt;/i&gt;), VALUE. Results-store rows: indicator 15.3.1, series &lt;i&gt;soc_degraded&lt;/i&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;离线地由期初土壤有机碳（SOC）储量和两期土地覆盖计算 SDG 15.3.1 的土壤有机碳子指标：期末储量、供&lt;i&gt;退化土地占土地总面积的比例（15.3.1）&lt;/i&gt;作为 SOC_STATE 输入的子指标（-1/0/1）（也可在该算法中给出 SOC_START 和期末储量），以及各分区的面积和储量。value = 储量下降达到阈值及以上的土地占比（%）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;方法&lt;/b&gt;（《UNCCD SDG 15.3.1 良好实践指南》第 2 版，2021；Trends.Earth 文档&lt;i&gt;UNCCD reporting: Soil organic carbon&lt;/i&gt;；《IPCC 2006 年国家温室气体清单指南》第 4 卷）：土地覆盖映射为 UNCCD 的 7 类（LANDCOVER_MAPPING，默认 GlobeLand30，与&lt;i&gt;退化土地占土地总面积的比例&lt;/i&gt;相同）。每种转换有一个系数，即 20 年后储量的比例：转为耕地为 f，耕地转出为 1/f，f 为所在气候区长期耕作土地的 IPCC 土地利用因子（IPCC 2006，第 4 卷，表 5.5：温带干燥 0.80，温带湿润 0.69，热带干燥 0.58，热带湿润 0.48，热带山地 0.64）；湿地转为耕地 0.71，反向 1/0.71；森林、草地、耕地或湿地转为人造地表或其他土地 0.1；人造地表或其他土地转为森林、草地、耕地或湿地 2；其他转换均为 1。储量在 IPCC 默认的 20 年内线性变化：期末 = 期初 × (1 + (系数 - 1) × min(YEAR_END - YEAR_START, 20) / 20)。减少 SOC_THRESHOLD %（默认 10，即指南的取值）及以上为退化，增加同样幅度为改善。&lt;/p&gt;&lt;p&gt;&lt;b&gt;气候&lt;/b&gt;：CLIMATE 为可选的气候区代码栅格；不提供时（或其无数据处）所有像元属于 CLIMATE_REGION。CLIMATE_FACTORS 按气候区列出代码、名称和 f（默认为上述 IPCC 气候区 1-5；德清属暖温带湿润，代码 2）。&lt;/p&gt;&lt;p&gt;SOC_START 单位为 t/ha（如 SoilGrids 0-30 cm），其格网即计算格网；土地覆盖和气候按最近邻读到该格网上，按条带读取。无储量（不为正）、土地覆盖代码未映射或气候代码不在表中的像元为无数据。面积为真实面积（km²），逐个像元计算（见下文&lt;i&gt;像元面积&lt;/i&gt;）；储量单位为吨（t/ha × ha）。输出：OUTPUT_SOC（Float32，t/ha，-9999 为无数据）、OUTPUT_SUBINDICATOR（Int16 -1/0/1，-32768 为无数据）、OUTPUT（各分区，含 &lt;i&gt;value&lt;/i&gt;、&lt;i&gt;degraded_km2&lt;/i&gt;、&lt;i&gt;stable_km2&lt;/i&gt;、&lt;i&gt;improved_km2&lt;/i&gt;、&lt;i&gt;total_km2&lt;/i&gt;、&lt;i&gt;soc_start_t&lt;/i&gt;、&lt;i&gt;soc_end_t&lt;/i&gt;、&lt;i&gt;soc_change_pct&lt;/i&gt;）、VALUE。结果库中的行：指标 15.3.1，系列 &lt;i&gt;soc_degraded&lt;/i&gt;。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/raster_io.py" line="103"/>
        <source>&lt;p&gt;&lt;b&gt;Pixel areas&lt;/b&gt; are true areas on the ellipsoid of the raster's CRS, pixel by pixel, whatever the CRS. In a geographic CRS and in a normal cylindrical one (Mercator, Web Mercator) each row of pixels gets its exact ellipsoidal area. In an equal-area CRS (LAEA, Albers) every pixel gets its planar area, at no extra cost. In any other projected CRS (UTM, Gauss-Krüger, Lambert conformal, stereographic ...) the true area of a pixel is measured on nodes at most 128 pixels and 4 km apart and interpolated to every pixel between them, within 1e-6 of each pixel's ellipsoidal area (relative; at most 1e-7 against geodesic areas in the CRSs tested: Web Mercator at 40-60° N, UTM 3-11° off its central meridian, Gauss-Krüger 3° and 6° zones, LAEA, Albers). A pixel gets the same area whatever the strip or window it is read in.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;像元面积&lt;/b&gt;为栅格坐标参考系所用椭球上的真实面积，逐个像元计算，适用于任何坐标参考系。在地理坐标参考系和正轴圆柱投影（墨卡托、Web 墨卡托）中，每一行像元取其精确的椭球面积。在等积投影（LAEA、Albers）中，每个像元取其平面面积，不增加计算量。在其他投影坐标参考系（UTM、高斯-克吕格、兰伯特正形、球面投影等）中，先在间距不超过 128 个像元且不超过 4 km 的节点上测定像元的真实面积，再在节点之间插值到每个像元，与每个像元椭球面积的相对误差在 1e-6 以内（在已测试的坐标参考系中与测地线面积比较不超过 1e-7：40-60° N 的 Web 墨卡托、偏离中央经线 3-11° 的 UTM、3° 和 6° 带高斯-克吕格、LAEA、Albers）。同一像元无论在哪个条带或窗口中读取，面积都相同。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/script_file.py" line="24"/>
        <source>{}: cannot read the script {}: {}.</source>
        <translation>{0}：无法读取脚本 {1}：{2}。</translation>
    </message>
    <message>
        <location filename="../processing/script_file.py" line="27"/>
        <source>{}: the script {} is not UTF-8 text: save it as UTF-8.</source>
        <translation>{0}：脚本 {1} 不是 UTF-8 文本：请另存为 UTF-8。</translation>
    </message>
    <message>
        <location filename="../processing/script_file.py" line="31"/>
        <source>{}: the script {} has a syntax error on line {}: {}.</source>
        <translation>{0}：脚本 {1} 第 {2} 行有语法错误：{3}。</translation>
    </message>
    <message>
        <location filename="../processing/script_file.py" line="52"/>
        <source>{}: the script {} stopped while loading ({}: {}).</source>
        <translation>{0}：脚本 {1} 在加载时出错停止（{2}：{3}）。</translation>
    </message>
    <message>
        <location filename="../processing/script_file.py" line="45"/>
        <source>{}: the script {} defines no Processing algorithm (a class derived from QgsProcessingAlgorithm).</source>
        <translation>{0}：脚本 {1} 没有定义处理算法（派生自 QgsProcessingAlgorithm 的类）。</translation>
    </message>
    <message>
        <location filename="../core/indicator_set.py" line="45"/>
        <source>{}: unknown key &apos;{}&apos;{}.</source>
        <translation>{0}：未知的键“{1}”{2}。</translation>
    </message>
    <message>
        <location filename="../core/indicator_set.py" line="46"/>
        <source>{}: unknown parameter &apos;{}&apos;{}.</source>
        <translation>{0}：未知的参数“{1}”{2}。</translation>
    </message>
    <message>
        <location filename="../core/indicator_set.py" line="85"/>
        <source>The indicator-set config {} is larger than {} MB: a config lists a few indicators; check that this is the right file.</source>
        <translation>指标集配置 {0} 超过 {1} MB：配置只列出若干指标；请检查文件是否选对。</translation>
    </message>
    <message>
        <location filename="../core/indicator_set.py" line="90"/>
        <source>Cannot read the indicator-set config {}: {}.</source>
        <translation>无法读取指标集配置 {0}：{1}。</translation>
    </message>
    <message>
        <location filename="../core/indicator_set.py" line="92"/>
        <source>The indicator-set config {} is not UTF-8 text: save it as UTF-8.</source>
        <translation>指标集配置 {} 不是 UTF-8 文本：请另存为 UTF-8。</translation>
    </message>
    <message>
        <location filename="../core/indicator_set.py" line="99"/>
        <source>The indicator-set config {} is nested too deeply to be a config.</source>
        <translation>指标集配置 {} 嵌套层级过深，不可能是有效配置。</translation>
    </message>
    <message>
        <location filename="../core/indicator_set.py" line="102"/>
        <source>The indicator-set config {} is not valid {}: {}</source>
        <translation>指标集配置 {0} 不是有效的 {1}：{2}</translation>
    </message>
    <message>
        <location filename="../core/indicator_set.py" line="115"/>
        <source>{}, line {}: YAML anchors and aliases (&amp; and *) are not allowed in an indicator-set config; write the values out.</source>
        <translation>{0}，第 {1} 行：指标集配置中不允许使用 YAML 锚点和别名（&amp; 和 *）；请直接写出各个值。</translation>
    </message>
    <message>
        <location filename="../core/indicator_set.py" line="133"/>
        <source>; did you mean &apos;{}&apos;?</source>
        <translation>；是否应为“{}”？</translation>
    </message>
    <message>
        <location filename="../core/indicator_set.py" line="134"/>
        <source>; valid: {}</source>
        <translation>；有效值：{}</translation>
    </message>
    <message>
        <location filename="../core/indicator_set.py" line="140"/>
        <source>{}: the config must be a mapping with an &apos;indicators&apos; list.</source>
        <translation>{}：配置必须是含有“indicators”列表的映射。</translation>
    </message>
    <message>
        <location filename="../core/indicator_set.py" line="144"/>
        <source>{}: &apos;{}&apos; must be a mapping with the keys {}.</source>
        <translation>{0}：“{1}”必须是含有键 {2} 的映射。</translation>
    </message>
    <message>
        <location filename="../core/indicator_set.py" line="149"/>
        <source>{}: allow_other_algorithms must be true or false.</source>
        <translation>{}：allow_other_algorithms 必须为 true 或 false。</translation>
    </message>
    <message>
        <location filename="../core/indicator_set.py" line="153"/>
        <source>{}: &apos;indicators&apos; must be a non-empty list.</source>
        <translation>{}：“indicators”必须是非空列表。</translation>
    </message>
    <message>
        <location filename="../core/indicator_set.py" line="161"/>
        <source>{} needs an &apos;algorithm&apos; such as sdg:forest_area_15_1_1.</source>
        <translation>{} 需要一个“algorithm”，例如 sdg:forest_area_15_1_1。</translation>
    </message>
    <message>
        <location filename="../core/indicator_set.py" line="165"/>
        <source>{}: id &apos;{}&apos; is used twice.</source>
        <translation>{0}：id“{1}”被使用了两次。</translation>
    </message>
    <message>
        <location filename="../core/indicator_set.py" line="169"/>
        <source>{}: &apos;parameters&apos; must be a mapping of parameter names to values.</source>
        <translation>{}：“parameters”必须是参数名到取值的映射。</translation>
    </message>
    <message>
        <location filename="../core/indicator_set.py" line="172"/>
        <source>{}: year {} is not a whole number.</source>
        <translation>{0}：年份 {1} 不是整数。</translation>
    </message>
    <message>
        <location filename="../core/indicator_set.py" line="208"/>
        <source>{}: &apos;portal&apos; needs a &apos;path&apos; (the folder to write the portal into).</source>
        <translation>{}：“portal”需要一个“path”（写入门户网站的文件夹）。</translation>
    </message>
    <message>
        <location filename="../core/indicator_set.py" line="212"/>
        <source>{}: portal.language {} must be 0 (QGIS&apos;s), 1 (English), 2 (Chinese) or 3 (both).</source>
        <translation>{0}：portal.language {1} 必须为 0（QGIS 的语言）、1（英文）、2（中文）或 3（两者）。</translation>
    </message>
    <message>
        <location filename="../core/indicator_set.py" line="222"/>
        <source>{}: {} needs a &apos;path&apos; (a layer file, optionally with |layername=...).</source>
        <translation>{0}：{1} 需要一个“path”（图层文件，可带 |layername=...）。</translation>
    </message>
    <message>
        <location filename="../processing/run_indicator_set.py" line="82"/>
        <source>&lt;p&gt;The config is checked before anything runs: an unknown key or parameter name (the closest valid one is named), an unknown algorithm, YAML anchors or aliases and a file over 1 MB are refused. Steps run &lt;i&gt;sdg:&lt;/i&gt; algorithms, and models (.model3) and Processing scripts (.py) given by their path; another provider&apos;s algorithm needs &lt;i&gt;allow_other_algorithms: true&lt;/i&gt; at the top of the config. A fraction given to a whole-number parameter (e.g. a year of 2020.5) is refused, not rounded.&lt;/p&gt;</source>
        <translation>&lt;p&gt;运行前会先检查配置：未知的键或参数名（会给出最接近的有效名称）、未知算法、YAML 锚点或别名以及超过 1 MB 的文件均会被拒绝。各步骤可运行 &lt;i&gt;sdg:&lt;/i&gt; 算法，以及按路径给出的模型（.model3）和处理脚本（.py）；其他提供者的算法需要在配置顶层写明 &lt;i&gt;allow_other_algorithms: true&lt;/i&gt;。整数参数给出小数（如年份 2020.5）会被拒绝，而不是取整。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../processing/run_indicator_set.py" line="205"/>
        <source>{}: indicator &apos;{}&apos;</source>
        <translation>{0}：指标“{1}”</translation>
    </message>
    <message>
        <location filename="../processing/run_indicator_set.py" line="213"/>
        <source>{}: unknown algorithm &apos;{}&apos;{}.</source>
        <translation>{0}：未知算法“{1}”{2}。</translation>
    </message>
    <message>
        <location filename="../processing/run_indicator_set.py" line="217"/>
        <source>{}: &apos;{}&apos; is not an SDG Monitor algorithm; other providers&apos; algorithms can change or empty your layers, so they run only with &apos;allow_other_algorithms: true&apos; at the top of the config.</source>
        <translation>{0}：“{1}”不是 SDG 监测的算法；其他提供者的算法可能修改或清空您的图层，因此只有在配置顶层写明“allow_other_algorithms: true”时才会运行。</translation>
    </message>
    <message>
        <location filename="../processing/run_indicator_set.py" line="236"/>
        <source>{}: cannot read the model {}.</source>
        <translation>{0}：无法读取模型 {1}。</translation>
    </message>
    <message>
        <location filename="../processing/run_indicator_set.py" line="248"/>
        <source>{}: parameter {} must be a whole number; {} is not.</source>
        <translation>{0}：参数 {1} 必须是整数；{2} 不是整数。</translation>
    </message>
    <message>
        <location filename="../processing/table_indicator.py" line="200"/>
        <source>Table &apos;{}&apos;: row {} (feature id {}) has no area id in field &apos;{}&apos; (NULL or empty); give every row an area id, or choose another field; nothing was written.</source>
        <translation>表“{0}”：第 {1} 行（要素 ID {2}）在字段“{3}”中没有区域代码（NULL 或为空）；请为每一行填写区域代码，或选择其他字段；未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../processing/protected_kba.py" line="138"/>
        <source>KBA layer &apos;{}&apos;: feature {} has no id in field &apos;{}&apos; (NULL or empty); give every KBA an id, or leave the id field empty (each feature is then a KBA).</source>
        <translation>KBA 图层“{0}”：要素 {1} 在字段“{2}”中没有代码（NULL 或为空）；请为每个 KBA 填写代码，或将代码字段留空（此时每个要素各为一个 KBA）。</translation>
    </message>
    <message>
        <location filename="../processing/open_space.py" line="64"/>
        <source>&lt;p&gt;SDG indicator 11.7.1: the share of the built-up area of cities that is open space for public use, for the whole area and each zone; and, as a second series, the share of the population living within a walk of open public space.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Method&lt;/b&gt; (UN SDG metadata 11.7.1, custodian UN-Habitat): (open public space + street area) inside the built-up area / built-up area × 100. Street area comes from street polygons (STREETS) or from road lines (ROADS) × a width (WIDTH_FIELD, else DEFAULT_WIDTH metres); street parts inside open spaces are not counted twice. Areas and road lengths are true ones in any CRS: measured on the ellipsoid of the built-up layer's CRS (WGS 84 where it names none), so a projection's scale (Web Mercator, a UTM zone far from its meridian) does not change them.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Access&lt;/b&gt; (series &lt;i&gt;population_within_walk&lt;/i&gt;, with POPULATION): population within WALK_DISTANCE (default 400 m) of an open space / population × 100. Cells inside an open space are served; others by distance to its edge, straight-line or, with NETWORK, along the streets from entry points at most 25 m apart on the ground along the open space's edge.&lt;/p&gt;</source>
        <translation>&lt;p&gt;可持续发展目标指标 11.7.1：城市建成区中供公众使用的开放空间所占比例，按全域和各分区计算；另作为第二个系列，计算居住在开放公共空间步行范围内的人口比例。&lt;/p&gt;&lt;p&gt;&lt;b&gt;方法&lt;/b&gt;（联合国 SDG 指标元数据 11.7.1，托管机构：联合国人居署）：建成区内的（开放公共空间 + 街道面积）/ 建成区面积 × 100。街道面积来自街道多边形（STREETS），或由道路线（ROADS）× 宽度（WIDTH_FIELD，否则为 DEFAULT_WIDTH 米）得出；位于开放空间内的街道部分不重复计算。在任何坐标参考系中，面积和道路长度均为真实值：在建成区图层坐标参考系的椭球上量算（未指定椭球时采用 WGS 84），因此投影的尺度变形（Web 墨卡托、远离中央经线的 UTM 投影带）不会改变结果。&lt;/p&gt;&lt;p&gt;&lt;b&gt;可达性&lt;/b&gt;（系列 &lt;i&gt;population_within_walk&lt;/i&gt;，需提供 POPULATION）：距开放空间 WALK_DISTANCE（默认 400 m）以内的人口 / 人口 × 100。位于开放空间内的像元视为已覆盖；其他像元按到开放空间边界的距离计算，采用直线距离，或在提供 NETWORK 时沿街道从开放空间边界上的入口点计算（入口点的地面间距不超过 25 m）。&lt;/p&gt;</translation>
    </message>
</context>
</TS>
