// The timeline (Gantt) of a plan or run, drawn as SVG by hand: one row per move, grouped in lanes
// (destination host or sending NIC), the predicted bar with its pause at the end and its p10-p90
// range where the plan has one (rows as GET /api/v1/plans/{id}/timeline gives them); for runs, the actual bar over it and the phase at the right.
import { svg, seconds } from './dom.js';

const LABEL = 260;
const CHART = 760;
const RIGHT = 230;
const ROW = 18;
const TOP = 34;
const FIRST_SCREEN = 80;
const CHUNK = 400;

/** The lane a move goes in. */
export function laneOf(move, grouping) {
  if (grouping === 'nic') {
    const network = move.transferNetworkUuid ? 'network ' + move.transferNetworkUuid.slice(0, 8) : 'its management NIC';
    return 'from ' + move.sourceHost + ' on ' + network;
  }
  return 'to ' + move.destinationHost;
}

function ticks(span) {
  const raw = Math.max(span, 1) / 8;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * magnitude).find((s) => s >= raw);
  const out = [];
  for (let at = 0; at <= span + 1e-9; at += step) out.push(at);
  return out;
}

/**
 * The SVG of rows grouped by grouping ('host' or 'nic'). options: makespan (predicted seconds),
 * now (seconds since the run started, for live runs), progressive (draw the first screen now and
 * the other rows over the next frames), onComplete (called once every row is drawn).
 */
export function drawTimeline(rows, grouping, options = {}) {
  const lanes = new Map();
  rows
    .map((row) => ({ row, lane: laneOf(row, grouping) }))
    .sort((a, b) => (a.lane < b.lane ? -1 : a.lane > b.lane ? 1 : a.row.start - b.row.start))
    .forEach(({ row, lane }) => {
      if (!lanes.has(lane)) lanes.set(lane, []);
      lanes.get(lane).push(row);
    });
  const makespan = options.makespan || Math.max(0, ...rows.map((r) => r.start + r.duration));
  const span = Math.max(1, makespan, options.now || 0,
    ...rows.map((r) => r.actualEnd || r.actualStart || 0),
    ...rows.map((r) => (r.p90 !== undefined ? r.start + r.p90 : 0)));
  const scale = CHART / span;
  const height = TOP + (lanes.size + rows.length) * ROW + 30;
  const width = LABEL + CHART + RIGHT;
  const root = svg('svg', {
    class: 'timeline', xmlns: 'http://www.w3.org/2000/svg', width, height,
    viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'timeline of the moves',
  });
  const bottom = TOP + (lanes.size + rows.length) * ROW;
  const axis = svg('g', { class: 'axis' });
  for (const tick of ticks(span)) {
    const x = LABEL + tick * scale;
    axis.append(svg('line', { class: 'tick', x1: x, y1: TOP - 6, x2: x, y2: bottom }),
      svg('text', { class: 'tick-label', x, y: TOP - 10 }, seconds(tick)));
  }
  root.append(axis);
  const end = LABEL + makespan * scale;
  root.append(svg('line', { class: 'makespan', x1: end, y1: TOP - 6, x2: end, y2: bottom + 6 }),
    svg('text', { class: 'makespan-label', x: end + 4, y: bottom + 18 }, 'makespan ' + seconds(makespan)));
  if (options.now !== undefined) {
    const x = LABEL + options.now * scale;
    root.append(svg('line', { class: 'now', x1: x, y1: TOP - 6, x2: x, y2: bottom }));
  }
  const items = [];
  let y = TOP;
  for (const [title, members] of lanes) {
    items.push({ title, y });
    y += ROW;
    for (const row of members) {
      items.push({ row, y });
      y += ROW;
    }
  }
  const draw = (from, to) => {
    const part = document.createDocumentFragment();
    for (const item of items.slice(from, to)) {
      if (item.row) {
        part.append(drawRow(item.row, item.y, scale, options.now));
      } else {
        part.append(svg('rect', { class: 'lane', x: 0, y: item.y, width, height: ROW }),
          svg('text', { class: 'lane-title', x: 8, y: item.y + 13 }, item.title));
      }
    }
    root.append(part);
  };
  // A long plan: the first screen at once, the rest a chunk per frame, so the page shows at once.
  const first = options.progressive ? FIRST_SCREEN : items.length;
  draw(0, first);
  const rest = (from) => {
    if (from >= items.length) {
      if (options.onComplete) options.onComplete();
      return;
    }
    requestAnimationFrame(() => { draw(from, from + CHUNK); rest(from + CHUNK); });
  };
  rest(first);
  return root;
}

function drawRow(row, y, scale, now) {
  const group = svg('g', { class: 'move', 'data-vm': row.vm });
  const x = LABEL + row.start * scale;
  const width = Math.max(1, row.duration * scale);
  const pause = Math.min(width, Math.max(2, (row.downtime || 0) * scale));
  group.append(svg('text', { class: 'vm', x: 20, y: y + 13 }, row.vmName));
  group.append(svg('rect', {
    class: 'bar predicted' + (row.converged === false ? ' slow' : ''),
    x, y: y + 3, width, height: ROW - 6, rx: 2,
  }));
  group.append(svg('rect', { class: 'pause', x: x + width - pause, y: y + 3, width: pause, height: ROW - 6 }));
  if (row.p10 !== undefined && row.p90 !== undefined) {
    const x10 = LABEL + (row.start + row.p10) * scale;
    const x90 = LABEL + (row.start + row.p90) * scale;
    group.append(svg('line', { class: 'range', x1: x10, y1: y + 9, x2: x90, y2: y + 9 }),
      svg('line', { class: 'range', x1: x10, y1: y + 5, x2: x10, y2: y + 13 }),
      svg('line', { class: 'range', x1: x90, y1: y + 5, x2: x90, y2: y + 13 }));
  }
  if (row.actualStart !== undefined) {
    const until = row.actualEnd !== undefined ? row.actualEnd : Math.max(row.actualStart, now || row.actualStart);
    group.append(svg('rect', {
      class: 'bar actual ' + (row.phase || ''), x: LABEL + row.actualStart * scale, y: y + 6,
      width: Math.max(1, (until - row.actualStart) * scale), height: ROW - 12,
    }));
  }
  const label = row.phase
    ? row.phase + (row.percent !== undefined ? ' ' + Math.round(row.percent) + '%' : '')
    : `${seconds(row.start)} + ${seconds(row.duration)}, pause ${((row.downtime || 0) * 1000).toFixed(0)} ms`;
  group.append(svg('text', { class: 'phase', x: LABEL + CHART + 8, y: y + 13 }, label));
  return group;
}
