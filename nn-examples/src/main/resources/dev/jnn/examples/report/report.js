// Draws the report's charts with uPlot from the JSON in #jnn-data, and makes the results table sortable.
// Every chart: hover shows each series' value in the legend, a click on a legend name hides or shows
// that series, and charts of one group share a y range (switched between log and linear together).
(function () {
  'use strict';

  // Twelve colours that stay apart (Tableau's ten, then near-black and dark gold); past twelve series
  // the colours come round again dashed.
  var COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b',
                '#e377c2', '#7f7f7f', '#bcbd22', '#17becf', '#222222', '#b8860b'];
  var DASHES = [[], [8, 4], [2, 3]];
  var WHOLE_STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000];

  var charts = JSON.parse(document.getElementById('jnn-data').textContent);
  var logOf = {};        // group -> whether its y axes are logarithmic now
  var plots = {};        // chart id -> its uPlot, for the toggles (and for tests, as window.jnnCharts)
  window.jnnCharts = plots;

  function format(v) {
    if (v == null || !isFinite(v)) return '\u2014';
    var a = Math.abs(v);
    return a !== 0 && (a >= 1e5 || a < 1e-3) ? v.toExponential(3) : +v.toPrecision(4) + '';
  }

  // On a log axis uPlot offers a tick at each 1..9 x 10^k; label the decades, and 2 and 5 when the
  // range is short enough for them to fit.
  function logLabels(splits, decades) {
    return splits.map(function (v) {
      var mantissa = Math.round(v / Math.pow(10, Math.floor(Math.log10(v) + 1e-9)));
      var shown = mantissa === 1 || (decades <= 2 && (mantissa === 2 || mantissa === 5));
      return shown ? format(v) : '';
    });
  }

  // The nearest of 1, 2 and 5 times a power of ten at or above v (up) or at or below it (down): log
  // axes end on round values without wasting a decade.
  function round125(v, up) {
    var decade = Math.pow(10, Math.floor(Math.log10(v)));
    var steps = up ? [1, 2, 5, 10] : [10, 5, 2, 1];
    for (var i = 0; i < steps.length; i++) {
      var candidate = steps[i] * decade;
      if (up ? candidate >= v * (1 - 1e-9) : candidate <= v * (1 + 1e-9)) return candidate;
    }
    return up ? 10 * decade : decade;
  }

  function usable(v, log) {
    return v != null && isFinite(v) && (!log || v > 0);
  }

  // The y range shared by the charts of a group: every value (bands included) of every one of them.
  function groupRange(group, log) {
    var min = Infinity, max = -Infinity;
    charts.filter(function (c) { return c.group === group; }).forEach(function (c) {
      c.series.forEach(function (s) {
        [s.y, s.lo || [], s.hi || []].forEach(function (values) {
          values.forEach(function (v) {
            if (usable(v, log)) { min = Math.min(min, v); max = Math.max(max, v); }
          });
        });
      });
    });
    if (min > max) return log ? [1e-3, 1] : [0, 1];
    if (log) {
      var lo = round125(min, false), hi = round125(max, true);
      return [lo, hi > lo ? hi : lo * 10];
    }
    var pad = max > min ? (max - min) * 0.05 : Math.abs(max) * 0.1 || 1;
    return [min - pad, max + pad];
  }

  // One x column for all series (the union of their x values), each series null where it has no point.
  function columns(chart, log) {
    var xs = [];
    chart.series.forEach(function (s) { s.x.forEach(function (x) { if (xs.indexOf(x) < 0) xs.push(x); }); });
    xs.sort(function (a, b) { return a - b; });
    function align(s, values) {
      return xs.map(function (x) { var i = s.x.indexOf(x); return i >= 0 && usable(values[i], log) ? values[i] : null; });
    }
    return {
      data: [xs].concat(chart.series.map(function (s) { return align(s, s.y); })),
      bands: chart.series.map(function (s) { return s.lo ? {lo: align(s, s.lo), hi: align(s, s.hi)} : null; })
    };
  }

  // Shades each shown series' min-max band (the spread over seeds) in its own colour.
  function bandPlugin(bands) {
    return {hooks: {draw: function (u) {
      var ctx = u.ctx, xs = u.data[0];
      ctx.save();
      ctx.beginPath();
      ctx.rect(u.bbox.left, u.bbox.top, u.bbox.width, u.bbox.height);
      ctx.clip();
      bands.forEach(function (band, k) {
        if (!band || !u.series[k + 1].show) return;
        var top = [], bottom = [];
        xs.forEach(function (x, i) {
          if (band.lo[i] == null || band.hi[i] == null) return;
          var px = u.valToPos(x, 'x', true);
          top.push([px, u.valToPos(band.hi[i], 'y', true)]);
          bottom.unshift([px, u.valToPos(band.lo[i], 'y', true)]);
        });
        if (top.length < 2) return;
        ctx.beginPath();
        top.concat(bottom).forEach(function (p, i) { if (i === 0) ctx.moveTo(p[0], p[1]); else ctx.lineTo(p[0], p[1]); });
        ctx.closePath();
        ctx.fillStyle = COLORS[k % COLORS.length] + '30';
        ctx.fill();
      });
      ctx.restore();
    }}};
  }

  function draw(chart, holder) {
    var old = plots[chart.id];
    var shown = old ? old.series.slice(1).map(function (s) { return s.show; }) : null;
    if (old) old.destroy();
    var log = logOf[chart.group];
    var cols = columns(chart, log);
    var xs = cols.data[0];
    var range = groupRange(chart.group, log);
    var decades = log ? Math.log10(range[1] / range[0]) : 0;
    var series = [{label: chart.xLabel, value: function (u, v) { return v == null ? '\u2014' : format(v); }}];
    chart.series.forEach(function (s, k) {
      series.push({
        label: s.name,
        stroke: COLORS[k % COLORS.length],
        dash: DASHES[Math.floor(k / COLORS.length) % DASHES.length],
        width: 2,
        show: shown ? shown[k] !== false : true,
        spanGaps: false,
        points: {show: xs.length <= 60, size: 5},
        value: function (u, v) { return format(v); }
      });
    });
    var xMin = xs.length ? xs[0] : 0, xMax = xs.length ? xs[xs.length - 1] : 1;
    var plot = new uPlot({
      title: chart.title,
      width: 560,
      height: 320,
      legend: {live: true},
      cursor: {focus: {prox: 24}},
      focus: {alpha: 0.4},
      scales: {
        x: {time: false, range: [xMin, xMax > xMin ? xMax : xMin + 1]},
        y: {distr: log ? 3 : 1, log: 10, range: range}
      },
      axes: [
        {label: chart.xLabel, incrs: chart.integerX ? WHOLE_STEPS : undefined,
         values: function (u, splits) { return splits.map(function (v) { return chart.integerX ? String(Math.round(v)) : format(v); }); }},
        {label: chart.yLabel + (log ? ' (log scale)' : ''), size: 64,
         values: function (u, splits) { return log ? logLabels(splits, decades) : splits.map(format); }}
      ],
      series: series,
      plugins: [bandPlugin(cols.bands)]
    }, cols.data, holder.querySelector('.plot'));
    plot.root.setAttribute('data-chart', chart.id);
    plots[chart.id] = plot;
  }

  function redrawGroup(group) {
    charts.filter(function (c) { return c.group === group; }).forEach(function (c) {
      draw(c, document.getElementById('chart-' + c.id));
    });
  }

  // Each switch says what it does: to linear while the axis is logarithmic, and back.
  function labelToggles(group) {
    document.querySelectorAll('.log-toggle[data-group="' + group + '"]').forEach(function (b) {
      b.textContent = logOf[group] ? 'linear axis' : 'log axis';
      b.setAttribute('aria-pressed', String(logOf[group]));
      b.title = 'switch the y axes of every chart drawn to this scale';
    });
  }

  charts.forEach(function (chart) {
    if (!(chart.group in logOf)) logOf[chart.group] = chart.log;
    var holder = document.createElement('div');
    holder.className = 'chart';
    holder.id = 'chart-' + chart.id;
    holder.setAttribute('data-kind', chart.kind);
    holder.innerHTML = '<div class="tools"></div><div class="plot"></div>';
    if (chart.logToggle) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'log-toggle';
      button.setAttribute('data-group', chart.group);
      button.addEventListener('click', function () {
        logOf[chart.group] = !logOf[chart.group];
        labelToggles(chart.group);
        redrawGroup(chart.group);
      });
      holder.querySelector('.tools').appendChild(button);
    }
    document.getElementById(chart.section).appendChild(holder);
    labelToggles(chart.group);
    draw(chart, holder);
  });

  // The results table: a click on a column's name sorts by it (numbers by value), a second click reverses.
  document.querySelectorAll('table.sortable').forEach(function (table) {
    var heads = table.querySelectorAll('th');
    heads.forEach(function (th, col) {
      th.addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        function key(row) {
          var cell = row.cells[col];
          return cell.hasAttribute('data-sort') ? parseFloat(cell.getAttribute('data-sort')) : cell.textContent;
        }
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          var order = typeof x === 'number' && typeof y === 'number' ? (x < y ? -1 : x > y ? 1 : 0) : String(x).localeCompare(String(y));
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
