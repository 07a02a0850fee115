// The dyad page's timeline: the relations index per period (line) over events per period (bars).
// Hovering a point shows the period's top events; clicking opens them in the events list.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("series-data").textContent);
  const box = document.getElementById("chart");
  const tip = document.getElementById("tip");
  const periods = data.periods;
  if (!periods.length) {
    box.textContent = "No events to chart with these filters.";
    box.className = "empty";
    return;
  }
  const labels = periods.map((p) => p.period);
  const xs = periods.map((_, i) => i);
  const counts = periods.map((p) => p.events);
  const index = periods.map((p) => p.index);

  function eventsUrl(p) {
    const q = new URLSearchParams({ dyad: data.dyad.join("-"), since: p.start, until: p.end });
    if (data.context) q.set("context", data.context);
    return "/events?" + q.toString();
  }

  function line(text, className) {
    const el = document.createElement("div");
    el.textContent = text;
    if (className) el.className = className;
    return el;
  }

  function showTip(u) {
    const i = u.cursor.idx;
    if (i == null || !periods[i].events) { tip.hidden = true; return; }
    const p = periods[i];
    tip.replaceChildren(
      line(p.period + ": " + p.events + " event" + (p.events === 1 ? "" : "s") +
           ", relations index " + (p.index > 0 ? "+" : "") + p.index.toFixed(1), "tip-head"));
    for (const e of p.top_events) {
      tip.append(line((e.source || "?") + " → " + (e.target || "?") + "  " + e.cameo +
                      (e.plover ? " " + e.plover : "") + "  (" + (e.goldstein > 0 ? "+" : "") + e.goldstein + ")", "tip-event"));
      tip.append(line(e.evidence.length > 140 ? e.evidence.slice(0, 139) + "…" : e.evidence, "tip-evidence"));
    }
    tip.append(line("Click to open these events", "tip-foot"));
    tip.hidden = false;
    const left = u.over.offsetLeft + u.valToPos(i, "x");
    const room = box.clientWidth - tip.offsetWidth - 8;
    tip.style.left = Math.max(0, Math.min(left + 14, room)) + "px";
    tip.style.top = (u.over.offsetTop + 8) + "px";
  }

  function zeroLine(u) {
    const y = Math.round(u.valToPos(0, "g", true));
    const ctx = u.ctx;
    ctx.save();
    ctx.strokeStyle = "#94a3b8";
    ctx.setLineDash([4, 4]);
    ctx.beginPath();
    ctx.moveTo(u.bbox.left, y);
    ctx.lineTo(u.bbox.left + u.bbox.width, y);
    ctx.stroke();
    ctx.restore();
  }

  const most = Math.max(1, ...counts);
  const opts = {
    width: box.clientWidth,
    height: 340,
    legend: { show: false },
    cursor: { drag: { x: false, y: false }, points: { size: 11 } },
    scales: {
      x: { time: false, range: [-0.6, periods.length - 0.4] },
      g: { range: [-10, 10] },
      n: { range: [0, most * 2.2] },
    },
    axes: [
      { incrs: [1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 24, 40, 48], space: 48,
        values: (u, splits) => splits.map((i) => labels[i] || "") },
      { scale: "g", label: "relations index", values: (u, splits) => splits.map((v) => (v > 0 ? "+" : "") + v) },
      { scale: "n", side: 1, label: "events", grid: { show: false }, ticks: { show: false },
        values: (u, splits) => splits.map((v) => (Number.isInteger(v) && v <= most ? v : "")) },
    ],
    series: [
      {},
      { label: "events", scale: "n", paths: uPlot.paths.bars({ size: [0.6, 36] }), points: { show: false },
        fill: "rgba(100, 116, 139, 0.28)", stroke: "rgba(100, 116, 139, 0.55)" },
      { label: "relations index", scale: "g", stroke: "#1d4ed8", width: 2, spanGaps: false,
        points: { show: true, size: 7, fill: "#1d4ed8" } },
    ],
    hooks: { setCursor: [showTip], draw: [zeroLine] },
  };
  const chart = new uPlot(opts, [xs, counts, index], box);
  window.detenteChart = chart;  // the browser tests find the points through it

  chart.over.addEventListener("click", () => {
    const i = chart.cursor.idx;
    if (i != null && periods[i].events) window.location.href = eventsUrl(periods[i]);
  });
  chart.over.addEventListener("mouseleave", () => { tip.hidden = true; });
  chart.over.style.cursor = "pointer";
  window.addEventListener("resize", () => chart.setSize({ width: box.clientWidth, height: 340 }));
  document.querySelectorAll("#dyad-controls select").forEach((s) =>
    s.addEventListener("change", () => s.form.submit()));
})();
