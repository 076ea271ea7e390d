/* SDG Monitor portal: sortable tables, and on an indicator page a chart (Chart.js), a table and a map (Leaflet,
   SVG polygons) per series, with breakdown and year controls. The page's data is window.SDG_PAGE (written into
   the page), the zones window.SDG_ZONES (assets/zones.js): nothing is fetched, so it works from file://. */
(function () {
  "use strict";
  var page = window.SDG_PAGE || {};

  function format(value) {
    if (value === null || value === undefined) { return "–"; }
    if (Math.abs(value) >= 1000) { return value.toLocaleString("en", {maximumFractionDigits: 0}); }
    return String(Number(value.toPrecision(4)));
  }

  /* Sortable tables: a button in each header; a second click reverses; aria-sort tells screen readers. */
  function sortable(table) {
    var buttons = table.querySelectorAll("thead button");
    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        var column = Number(button.getAttribute("data-column"));
        var th = button.parentNode;
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("thead th").forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column].getAttribute("data-sort"), y = b.cells[column].getAttribute("data-sort");
          var nx = parseFloat(x), ny = parseFloat(y);
          var order = (!isNaN(nx) && !isNaN(ny) && String(nx) === x && String(ny) === y) ? nx - ny
            : x.localeCompare(y);
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }
  document.querySelectorAll("table.sortable").forEach(sortable);

  if (page.kind !== "indicator") { return; }
  var words = page.words;

  function cell(row, text, header) {
    var element = document.createElement(header ? "th" : "td");
    if (header) { element.setAttribute("scope", "row"); }
    element.textContent = text;
    row.appendChild(element);
  }

  function trajectoryAt(series, year) {
    var t = series.trajectory;
    if (!t.length || year < t[0][0] || year > t[1][0]) { return null; }
    return t[0][1] + (t[1][1] - t[0][1]) * (year - t[0][0]) / (t[1][0] - t[0][0]);
  }

  function chartFor(series, canvas) {
    var colour = getComputedStyle(document.documentElement).getPropertyValue("--accent").trim() || "#00689d";
    var datasets = [{label: words.value, data: [], borderColor: colour, backgroundColor: colour, pointRadius: 4,
                     borderWidth: 2, tension: 0}];
    var years = series.years.slice();
    if (series.target !== null) {
      var last = series.target_year || years[years.length - 1];
      datasets.push({label: words.target + (series.target_year ? " (" + series.target_year + ")" : ""),
                     data: [{x: years[0], y: series.target}, {x: last, y: series.target}],
                     borderColor: "#b3261e", borderDash: [8, 4], pointRadius: 0, borderWidth: 2});
    }
    if (series.trajectory.length) {
      datasets.push({label: words.trajectory, data: series.trajectory.map(function (p) { return {x: p[0], y: p[1]}; }),
                     borderColor: "#5f6368", borderDash: [2, 3], pointRadius: 0, borderWidth: 2});
    }
    return new Chart(canvas, {
      type: "line",
      data: {datasets: datasets},
      options: {
        animation: false, responsive: true, maintainAspectRatio: false, parsing: false,
        scales: {
          x: {type: "linear", title: {display: true, text: words.year},
              ticks: {stepSize: 1, callback: function (v) { return Number.isInteger(v) ? String(v) : ""; }}},
          y: {title: {display: true, text: page.unit}}
        },
        plugins: {legend: {position: "bottom"},
                  tooltip: {callbacks: {title: function (items) { return String(items[0].parsed.x); }}}}
      }
    });
  }

  /* Quantile class breaks over every year's zone values (so colours compare across years); duplicates dropped. */
  function classes(values) {
    var numbers = values.filter(function (v) { return v !== null && v !== undefined; })
      .sort(function (a, b) { return a - b; });
    if (!numbers.length) { return []; }
    var n = page.mapColours.length, breaks = [numbers[0]];
    for (var i = 1; i <= n; i += 1) {
      var at = numbers[Math.min(numbers.length - 1, Math.ceil(numbers.length * i / n) - 1)];
      if (at > breaks[breaks.length - 1]) { breaks.push(at); }
    }
    if (breaks.length === 1) { breaks.push(numbers[0]); }
    return breaks;
  }

  function colourOf(value, breaks) {
    if (value === null || value === undefined || !breaks.length) { return page.noValueColour; }
    for (var i = 1; i < breaks.length - 1; i += 1) { if (value <= breaks[i]) { return page.mapColours[i - 1]; } }
    return page.mapColours[breaks.length - 2];
  }

  function zoneName(feature) {
    return page.zoneNames[feature.properties.id] || feature.properties.name || feature.properties.id;
  }

  function mapFor(element) {
    var map = L.map(element, {scrollWheelZoom: false, attributionControl: false, zoomSnap: 0.25});
    var layer = L.geoJSON(window.SDG_ZONES, {renderer: L.svg(), style: {weight: 1, color: "#333333",
                                                                       fillOpacity: 0.85}});
    layer.addTo(map);
    map.fitBounds(layer.getBounds());
    return layer;
  }

  function drawSection(section) {
    var series = page.series[section.getAttribute("data-series")];
    var id = section.getAttribute("data-id");
    var breakdownSelect = section.querySelector("select.breakdown");
    var yearSelect = section.querySelector("select.year");
    var chart = chartFor(series, document.getElementById(id + "-chart"));
    var mapElement = document.getElementById(id + "-map");
    var layer = mapElement && window.SDG_ZONES ? mapFor(mapElement) : null;

    function update() {
      var key = breakdownSelect ? breakdownSelect.value : series.breakdowns[0];
      var whole = series.whole[key] || {};
      chart.data.datasets[0].data = series.years.filter(function (y) { return whole[y] !== undefined; })
        .map(function (y) { return {x: y, y: whole[y]}; });
      chart.update();
      var body = section.querySelector("table.values tbody");
      body.innerHTML = "";
      series.years.forEach(function (y) {
        var row = document.createElement("tr");
        cell(row, String(y), true);
        cell(row, format(whole[y] === undefined ? null : whole[y]));
        cell(row, format(trajectoryAt(series, y)));
        body.appendChild(row);
      });
      if (layer) { updateMap(key); }
    }

    function updateMap(key) {
      var byYear = series.zones[key] || {};
      var year = yearSelect.value;
      var values = byYear[year] || {};
      var all = [];
      Object.keys(byYear).forEach(function (y) {
        Object.keys(byYear[y]).forEach(function (zone) { all.push(byYear[y][zone]); });
      });
      var breaks = classes(all);
      var rows = [];
      layer.eachLayer(function (shape) {
        var zone = shape.feature.properties.id, value = values[zone];
        var shown = value === undefined ? null : value;
        shape.setStyle({fillColor: colourOf(shown, breaks)});
        shape.unbindTooltip();
        shape.bindTooltip(zoneName(shape.feature) + ": " + (shown === null ? words.no_value
          : format(shown) + " " + page.unit), {sticky: true});
        rows.push([zoneName(shape.feature), shown]);
      });
      var body = section.querySelector("table.zones tbody");
      body.innerHTML = "";
      rows.forEach(function (r) {
        var row = document.createElement("tr");
        cell(row, r[0], true);
        cell(row, r[1] === null ? words.no_value : format(r[1]));
        body.appendChild(row);
      });
      var legend = section.querySelector(".legend");
      legend.innerHTML = "";
      var title = document.createElement("p");
      title.textContent = page.unit + " · " + year;
      legend.appendChild(title);
      for (var i = 0; i + 1 < breaks.length; i += 1) {
        legend.appendChild(swatch(page.mapColours[i], format(breaks[i]) + " – " + format(breaks[i + 1])));
      }
      legend.appendChild(swatch(page.noValueColour, words.no_value));
    }

    function swatch(colour, text) {
      var item = document.createElement("span");
      item.className = "swatch";
      var box = document.createElement("span");
      box.className = "box";
      box.style.background = colour;
      item.appendChild(box);
      item.appendChild(document.createTextNode(text));
      return item;
    }

    if (breakdownSelect) { breakdownSelect.addEventListener("change", update); }
    if (yearSelect) { yearSelect.addEventListener("change", update); }
    update();
  }

  document.querySelectorAll("section.series").forEach(drawSection);
}());
