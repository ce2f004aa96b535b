// Plain SVG charts. Every text node is set with textContent, never parsed as markup: customer keys and handles come
// from strangers on social media.

const SVG = 'http://www.w3.org/2000/svg';

export const STAGES = ['ATTENTION', 'ATTRACTION', 'AFFINITY', 'AUDIENCE', 'ADVOCATE'];

function el(name, attributes = {}, text) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) node.setAttribute(key, String(value));
  }
  if (text !== undefined) node.textContent = text;
  return node;
}

function svg(width, height, label) {
  return el('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label });
}

function titled(node, title) {
  node.appendChild(el('title', {}, title));
  return node;
}

export function percent(ratio) {
  if (ratio === null || ratio === undefined || Number.isNaN(ratio)) return '–';
  return `${Math.round(ratio * 1000) / 10} %`;
}

function formatHours(hours) {
  return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} d`;
}

function titleCase(stage) {
  return stage.charAt(0) + stage.slice(1).toLowerCase();
}

/**
 * Customers per stage as a centred funnel, one band per stage, with the conversion into the next stage between
 * bands. rows: [{stage, customers, conversionToNext, reachedFrom, reachedTo, medianHours}] in journey order; the
 * conversion is among customers who ever reached a stage, so it stays true after regressions.
 */
export function funnelChart(rows) {
  const width = 760;
  const band = 46;
  const gap = 22;
  const labelWidth = 120;
  const height = rows.length * band + (rows.length - 1) * gap + 8;
  const chart = svg(width, height, 'Customers per stage');
  const max = Math.max(1, ...rows.map((row) => row.customers));
  const barArea = width - labelWidth - 10;
  rows.forEach((row, i) => {
    const y = i * (band + gap) + 4;
    const barWidth = Math.max(2, (row.customers / max) * barArea);
    const x = labelWidth + (barArea - barWidth) / 2;
    chart.appendChild(el('text', { x: 0, y: y + band / 2 + (row.medianHours === undefined ? 4 : -2) },
      titleCase(row.stage)));
    if (row.medianHours !== undefined) {
      chart.appendChild(el('text', { x: 0, y: y + band / 2 + 13, class: 'muted', 'data-testid': `median-${row.stage}` },
        `median ${formatHours(row.medianHours)}`));
    }
    const bar = el('rect', {
      x, y, width: barWidth, height: band, rx: 4, class: `bar-${row.stage.toLowerCase()}`,
    });
    chart.appendChild(titled(bar, `${row.customers} customers in ${titleCase(row.stage)}`));
    const inside = barWidth > 60;
    chart.appendChild(el('text', {
      x: inside ? labelWidth + barArea / 2 : x + barWidth + 8,
      y: y + band / 2 + 5,
      'text-anchor': inside ? 'middle' : 'start',
      class: inside ? 'count on-bar' : 'count',
      'data-testid': `stage-count-${row.stage}`,
      'data-stage': row.stage,
    }, String(row.customers)));
    if (i < rows.length - 1) {
      chart.appendChild(el('text', {
        x: labelWidth + barArea / 2,
        y: y + band + gap / 2 + 4,
        'text-anchor': 'middle',
        class: 'conversion',
        'data-testid': `conversion-${row.stage}`,
      }, row.reachedFrom === undefined
        ? `↓ ${percent(row.conversionToNext)} moved on to ${titleCase(rows[i + 1].stage)}`
        : `↓ ${percent(row.conversionToNext)} reached ${titleCase(rows[i + 1].stage)}`
          + ` (${row.reachedTo} of ${row.reachedFrom} who reached ${titleCase(row.stage)})`));
    }
  });
  return chart;
}

/** Advances above the axis, regressions below, one column per day. days: [{date, advances, regressions}]. */
export function movementChart(days) {
  const width = 560;
  const height = 220;
  const left = 34;
  const bottom = 24;
  const chart = svg(width, height, 'Stage changes per day');
  const max = Math.max(1, ...days.map((d) => Math.max(d.advances, d.regressions)));
  const plotHeight = height - bottom - 8;
  const mid = 8 + plotHeight / 2;
  const half = plotHeight / 2 - 4;
  const column = (width - left) / Math.max(1, days.length);
  const barWidth = Math.max(2, Math.min(28, column * 0.7));
  chart.appendChild(el('line', { x1: left, x2: width, y1: mid, y2: mid, class: 'axis' }));
  chart.appendChild(el('text', { x: left - 6, y: 16, 'text-anchor': 'end', class: 'muted' }, String(max)));
  chart.appendChild(el('text', { x: left - 6, y: height - bottom, 'text-anchor': 'end', class: 'muted' }, String(max)));
  const labelEvery = Math.ceil(days.length / 8);
  days.forEach((day, i) => {
    const x = left + i * column + (column - barWidth) / 2;
    const up = (day.advances / max) * half;
    const down = (day.regressions / max) * half;
    if (day.advances > 0) {
      chart.appendChild(titled(el('rect', { x, y: mid - up, width: barWidth, height: up, class: 'advance' }),
        `${day.date}: ${day.advances} advances`));
    }
    if (day.regressions > 0) {
      chart.appendChild(titled(el('rect', { x, y: mid, width: barWidth, height: down, class: 'regress' }),
        `${day.date}: ${day.regressions} regressions`));
    }
    if (i % labelEvery === 0) {
      chart.appendChild(el('text', {
        x: x + barWidth / 2, y: height - 6, 'text-anchor': 'middle', class: 'muted',
      }, day.date.slice(5)));
    }
  });
  return chart;
}

/** One customer's stage as a step line over time; dots mark each change. history: StageChange[], oldest first. */
export function stageTimeline(history, now) {
  const width = 760;
  const height = 190;
  const left = 92;
  const right = 16;
  const top = 12;
  const bottom = 26;
  const chart = svg(width, height, 'Stage over time');
  if (history.length === 0) return chart;
  const times = history.map((change) => Date.parse(change.at));
  const start = times[0];
  const end = Math.max(now, times[times.length - 1]) + 1;
  const x = (t) => left + ((t - start) / (end - start)) * (width - left - right);
  const row = (height - top - bottom) / (STAGES.length - 1);
  const y = (stage) => top + (STAGES.length - 1 - STAGES.indexOf(stage)) * row;
  STAGES.forEach((stage) => {
    chart.appendChild(el('line', { x1: left, x2: width - right, y1: y(stage), y2: y(stage), class: 'axis' }));
    chart.appendChild(el('text', { x: left - 8, y: y(stage) + 4, 'text-anchor': 'end', class: 'muted' }, titleCase(stage)));
  });
  let path = '';
  history.forEach((change, i) => {
    const cx = x(times[i]);
    if (i === 0) path += `M ${cx} ${y(change.to)}`;
    else path += ` H ${cx} V ${y(change.to)}`;
  });
  path += ` H ${x(end)}`;
  chart.appendChild(el('path', { d: path, class: 'step' }));
  history.forEach((change, i) => {
    const kind = change.from === null || change.from === undefined
      ? 'first'
      : STAGES.indexOf(change.to) > STAGES.indexOf(change.from) ? 'advance' : 'regress';
    chart.appendChild(titled(el('circle', { cx: x(times[i]), cy: y(change.to), r: 5, class: `dot-${kind}` }),
      `${change.at}: ${change.from ?? 'start'} → ${change.to} (${change.rule})`));
  });
  chart.appendChild(el('text', { x: left, y: height - 6, class: 'muted' }, new Date(start).toISOString().slice(0, 10)));
  chart.appendChild(el('text', { x: width - right, y: height - 6, 'text-anchor': 'end', class: 'muted' },
    new Date(end).toISOString().slice(0, 10)));
  return chart;
}

/** Horizontal bars: how often each intent was seen. counts: {INTENT: n}. */
export function intentBars(counts) {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  const width = 760;
  const rowHeight = 22;
  const left = 150;
  const chart = svg(width, Math.max(1, entries.length) * rowHeight + 4, 'Intents seen');
  const max = Math.max(1, ...entries.map(([, n]) => n));
  entries.forEach(([intent, n], i) => {
    const y = i * rowHeight + 2;
    const barWidth = Math.max(2, (n / max) * (width - left - 60));
    chart.appendChild(el('text', { x: left - 8, y: y + 15, 'text-anchor': 'end' }, intent));
    chart.appendChild(el('rect', { x: left, y: y + 3, width: barWidth, height: rowHeight - 6, rx: 3, class: 'intent-bar' }));
    chart.appendChild(el('text', { x: left + barWidth + 6, y: y + 15 }, String(n)));
  });
  return chart;
}
