// Draws the cockpit's charts with Chart.js from the page's JSON block. Without JavaScript the
// tables beside each chart carry the same figures.
(function () {
  'use strict';
  var source = document.getElementById('cockpit-data');
  if (!source || typeof window.Chart !== 'function') return;
  var data = JSON.parse(source.textContent || '{}');
  var honey = '#8a4b00';
  var palette = ['#8a4b00', '#1f6f3a', '#1a5fb4', '#a4121b', '#5e5c64'];

  // A fresh options object per chart: Chart.js keeps and resolves the one it is given.
  function options(extra) {
    return Object.assign(
      {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: false } },
      },
      extra || {},
    );
  }

  function draw(name, config) {
    var canvas = document.querySelector('canvas[data-chart="' + name + '"]');
    if (canvas) new window.Chart(canvas, config);
  }

  draw('circles', {
    type: 'bar',
    data: {
      labels: data.circles.labels,
      datasets: [{ data: data.circles.values, backgroundColor: palette }],
    },
    options: options(),
  });
  draw('ladder', {
    type: 'bar',
    data: {
      labels: data.ladder.labels,
      datasets: [{ data: data.ladder.values, backgroundColor: honey }],
    },
    options: options(),
  });
  draw('flows', {
    type: 'bar',
    data: {
      labels: data.flows.labels,
      datasets: data.flows.series.map(function (s, i) {
        return { label: s.label, data: s.values, backgroundColor: palette[i] };
      }),
    },
    options: options({
      plugins: { legend: { display: true } },
      scales: { x: { stacked: true }, y: { stacked: true } },
    }),
  });
  // Rates as horizontal bars on a 0–100 % scale.
  function rates(name) {
    draw(name, {
      type: 'bar',
      data: {
        labels: data[name].labels,
        datasets: [{ data: data[name].values, backgroundColor: honey }],
      },
      options: options({ indexAxis: 'y', scales: { x: { min: 0, max: 100 } } }),
    });
  }
  rates('responsiveness');
  rates('newcomers');
  draw('curve', {
    type: 'line',
    data: {
      labels: data.curve.labels,
      datasets: [
        { label: data.curve.label, data: data.curve.values, borderColor: honey },
        {
          label: data.curve.equal,
          data: data.curve.diagonal,
          borderColor: palette[4],
          borderDash: [6, 4],
          pointRadius: 0,
        },
      ],
    },
    options: options({
      plugins: { legend: { display: true } },
      scales: { y: { min: 0, max: 100 } },
    }),
  });
  draw('wau', {
    type: 'line',
    data: {
      labels: data.wau.labels,
      datasets: [
        { label: data.wau.label, data: data.wau.values, borderColor: honey, pointRadius: 2 },
      ],
    },
    options: options(),
  });
  draw('mau', {
    type: 'bar',
    data: {
      labels: data.mau.labels,
      datasets: [{ label: data.mau.label, data: data.mau.values, backgroundColor: honey }],
    },
    options: options(),
  });
  draw('arrivals', {
    type: 'bar',
    data: {
      labels: data.arrivals.labels,
      datasets: data.arrivals.series.map(function (s, i) {
        return { label: s.label, data: s.values, backgroundColor: palette[i + 1] };
      }),
    },
    options: options({ plugins: { legend: { display: true } } }),
  });
  draw('stickiness', {
    type: 'line',
    data: {
      labels: data.stickiness.labels,
      datasets: [
        { label: data.stickiness.label, data: data.stickiness.values, borderColor: honey },
      ],
    },
    options: options({ scales: { y: { min: 0, max: 100 } } }),
  });
  // Each group's (community's) member share, coloured by its stage; the 50 % and 90 % marks
  // between stages are the axis's gridlines.
  var stageColors = ['#5e5c64', '#8a4b00', '#1f6f3a', '#1a5fb4', '#a4121b'];
  // A bar's height per group, so that twenty groups stay readable.
  var stagesBox = document.querySelector('canvas[data-chart="stages"]');
  if (stagesBox && stagesBox.parentElement) {
    stagesBox.parentElement.style.height = 60 + 32 * data.stages.labels.length + 'px';
  }
  draw('stages', {
    type: 'bar',
    data: {
      labels: data.stages.labels,
      datasets: data.stages.series.map(function (s) {
        return { label: s.label, data: s.values, backgroundColor: stageColors[s.color] };
      }),
    },
    options: options({
      indexAxis: 'y',
      plugins: { legend: { display: true } },
      datasets: { bar: { skipNull: true } },
      scales: { x: { min: 0, max: 100, ticks: { stepSize: 10 } } },
    }),
  });
  draw('dau', {
    type: 'line',
    data: {
      labels: data.dau.labels,
      datasets: [
        { label: data.dau.label, data: data.dau.values, borderColor: honey, pointRadius: 0 },
      ],
    },
    options: options(),
  });
})();

// A table wider than the screen scrolls in its box (TableBox), not the page. Such a box takes the
// keyboard's focus and is named after its table's caption, so that it can be scrolled without a
// pointer; a box that fits is left out of the tab order. Folded tables are measured when opened.
(function () {
  'use strict';
  var source = document.getElementById('cockpit-data');
  var pattern = JSON.parse((source && source.textContent) || '{}').tableBox || '{caption}';
  function mark() {
    document.querySelectorAll('.table-scroll').forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1) {
        var caption = box.querySelector('caption');
        var name = caption ? caption.textContent : '';
        box.setAttribute('tabindex', '0');
        box.setAttribute('role', 'region');
        // A function, so that a "$" in the caption is not read as a replacement pattern.
        box.setAttribute(
          'aria-label',
          pattern.replace('{caption}', function () {
            return name;
          }),
        );
      } else {
        box.removeAttribute('tabindex');
        box.removeAttribute('role');
        box.removeAttribute('aria-label');
      }
    });
  }
  mark();
  window.addEventListener('resize', mark);
  document.addEventListener('toggle', mark, true);
})();
