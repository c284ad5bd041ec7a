// Hands each chart's data (rendered by the server into data-* attributes) to Apache ECharts, and makes every
// point and cell a link to the events behind it. Loaded as a file: the content security policy allows no inline
// script. Tooltips render on the canvas (renderMode richText), since HTML tooltips carry inline styles.
'use strict';

(function () {
  var STATE_COLOURS = ['#d9d9d9', '#fff1b8', '#ff7875', '#95de64', '#ffc069', '#b37feb', '#389e0d'];

  function drillDown(chart) {
    chart.on('click', function (event) {
      if (event.data && event.data.href) {
        window.location.href = event.data.href;
      }
    });
  }

  function indicatorChart(element, data) {
    var chart = echarts.init(element);
    var series = [{
      name: data.labels.reported, type: 'line', symbolSize: 9,
      data: data.reported.map(function (p) { return {value: [p[0], p[1]], href: p[2], name: p[3]}; })
    }];
    if (data.baseline) {
      series.push({name: data.labels.baseline, type: 'scatter', symbol: 'diamond', symbolSize: 13,
        data: [data.baseline]});
    }
    series.push({name: data.labels.target, type: 'scatter', symbol: 'triangle', symbolSize: 14, data: [data.target]});
    if (data.path) {
      series.push({name: data.labels.path, type: 'line', symbol: 'none', lineStyle: {type: 'dashed'},
        data: data.path});
    }
    if (data.forecast) {
      series.push({name: data.labels.forecast, type: 'line', symbol: 'emptyCircle', lineStyle: {type: 'dotted'},
        data: data.forecast});
    }
    chart.setOption({
      animation: false,
      tooltip: {trigger: 'item', renderMode: 'richText'},
      legend: {bottom: 0, itemWidth: 14, itemHeight: 9, textStyle: {fontSize: 10}},
      grid: {left: 56, right: 16, top: 28, bottom: 78},
      xAxis: {type: 'value', min: data.years[0], max: data.years[1], minInterval: 1,
        axisLabel: {formatter: function (v) { return Number.isInteger(v) ? String(v) : ''; }}},
      yAxis: {type: 'value', scale: true, name: data.unit},
      series: series
    });
    drillDown(chart);
    return chart;
  }

  function heatMap(element, data) {
    var chart = echarts.init(element);
    chart.setOption({
      animation: false,
      tooltip: {renderMode: 'richText', formatter: function (p) {
        return data.agencies[p.value[1]] + ' ' + data.quarters[p.value[0]] + ': ' + data.states[p.value[2]];
      }},
      grid: {left: 170, right: 16, top: 8, bottom: 110},
      xAxis: {type: 'category', data: data.quarters, axisLabel: {rotate: 60}, splitArea: {show: true}},
      yAxis: {type: 'category', data: data.agencies, inverse: true, splitArea: {show: true}},
      visualMap: {type: 'piecewise', dimension: 2, orient: 'horizontal', left: 'center', bottom: 0,
        pieces: data.states.map(function (label, i) { return {value: i, label: label, color: STATE_COLOURS[i]}; })},
      series: [{type: 'heatmap', itemStyle: {borderColor: '#fff', borderWidth: 1},
        data: data.cells.map(function (c) { return {value: [c[0], c[1], c[2]], href: c[3]}; })}]
    });
    drillDown(chart);
    return chart;
  }

  document.addEventListener('DOMContentLoaded', function () {
    var charts = [];
    document.querySelectorAll('[data-chart]').forEach(function (element) {
      charts.push(indicatorChart(element, JSON.parse(element.dataset.chart)));
    });
    document.querySelectorAll('[data-heatmap]').forEach(function (element) {
      charts.push(heatMap(element, JSON.parse(element.dataset.heatmap)));
    });
    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
    document.body.setAttribute('data-charts-ready', String(charts.length));
  });
})();
