// Draws the statistics charts from the JSON in each chart element's data-chart attribute (ECharts).
(function () {
  function bars(el, d) {
    var chart = echarts.init(el);
    chart.setOption({
      title: { text: d.title, left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v == null ? '–' : v + '%'; } },
      legend: { bottom: 0 },
      grid: { left: 40, right: 16, top: 40, bottom: 56 },
      xAxis: { type: 'category', data: d.units, axisLabel: { interval: 0 } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: d.series.map(function (s) { return { name: s.name, type: 'bar', data: s.data, label: { show: true, position: 'top', formatter: function (p) { return p.value == null ? '' : p.value + '%'; } } }; })
    });
    return chart;
  }
  function trend(el, d) {
    var chart = echarts.init(el);
    var series = d.series.map(function (s) { return { name: s.name, type: 'line', data: s.data, connectNulls: true, yAxisIndex: 0 }; });
    series.push({ name: d.registered.name, type: 'bar', data: d.registered.data, yAxisIndex: 1, itemStyle: { opacity: 0.35 } });
    chart.setOption({
      title: { text: d.title, left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 40, right: 40, top: 40, bottom: 56 },
      xAxis: { type: 'category', data: d.weeks, axisLabel: { interval: 0, formatter: function (v) { return v.substring(5); } } },
      yAxis: [{ type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }, { type: 'value', minInterval: 1 }],
      series: series
    });
    return chart;
  }
  var charts = [];
  document.querySelectorAll('[data-chart]').forEach(function (el) {
    var d = JSON.parse(el.getAttribute('data-chart'));
    charts.push(el.getAttribute('data-kind') === 'trend' ? trend(el, d) : bars(el, d));
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
