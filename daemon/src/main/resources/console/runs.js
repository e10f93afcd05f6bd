// One run: live through the event stream, actual bars over predicted ones, cancel; once finished,
// predicted against actual.
import { get, post, id } from './api.js';
import { el, table, status, seconds } from './dom.js';
import { notify } from './dom.js';
import { drawTimeline } from './timeline.js';
import { follow } from './sse.js';

const FINAL = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED', 'INTERRUPTED']);

export async function run(main, runId, signal) {
  let [detail, timeline] = await Promise.all([get('/api/v1/runs/' + id(runId)), timelineOf(runId)]);
  let fetchedAt = performance.now();
  const live = new Map(detail.moves.map((m) => [m.vm, { phase: m.phase, percent: m.percent }]));
  let dirty = false;
  let refetching = false;
  const box = el('div', { class: 'timeline-box', id: 'timeline' });
  const statusBox = el('span', { id: 'run-status' });
  const cancel = el('button', { type: 'button', id: 'cancel', class: 'danger' }, 'Cancel run');
  const movesBox = el('div', { id: 'moves' });
  const comparison = el('div', { id: 'comparison' });
  cancel.addEventListener('click', async () => {
    cancel.disabled = true;
    try {
      const answer = await post('/api/v1/runs/' + id(runId) + '/cancel');
      notify(`run ${runId}: ${answer.status}`, true);
    } catch (e) {
      notify(e.message);
    }
    refetch();
  });

  const rows = () => (timeline ? timeline.moves : detail.moves).map((m) => {
    const now = live.get(m.vm) || {};
    return {
      vm: m.vm, vmName: m.vmName, sourceHost: m.sourceHost, destinationHost: m.destinationHost,
      start: m.predictedStartSeconds || 0, duration: m.predictedSeconds || 0, downtime: m.predictedDowntimeSeconds || 0,
      actualStart: m.actualStartSeconds, actualEnd: m.actualEndSeconds,
      phase: now.phase || m.phase, percent: now.percent,
    };
  });
  const render = () => {
    dirty = false;
    const finished = FINAL.has(detail.status);
    statusBox.replaceChildren(status(detail.status));
    cancel.disabled = finished;
    const elapsed = timeline && !finished
      ? timeline.elapsedSeconds + (performance.now() - fetchedAt) / 1000 : undefined;
    box.replaceChildren(drawTimeline(rows(), 'host', {
      makespan: timeline ? timeline.predictedMakespanSeconds : undefined, now: elapsed,
    }));
    movesBox.replaceChildren(table(['VM', 'phase', 'progress', 'from', 'to', 'outcome'],
      detail.moves.map((m) => {
        const now = live.get(m.vm) || m;
        return el('tr', { class: 'move-row', 'data-vm': m.vm },
          el('td', { class: 'vm-name' }, m.vmName),
          el('td', { class: 'phase' }, now.phase),
          el('td', { class: 'num percent' }, Math.round(now.percent || 0) + '%'),
          el('td', {}, m.sourceHost), el('td', {}, m.destinationHost),
          el('td', {}, m.outcome || ''));
      })));
    comparison.replaceChildren();
    if (finished && timeline) {
      comparison.append(el('h2', {}, 'Predicted against actual'), table(
        ['VM', 'predicted', 'actual', 'result'],
        timeline.moves.map((m) => el('tr', { class: 'compare-row' },
          el('td', {}, m.vmName),
          el('td', { class: 'num' }, seconds(m.predictedSeconds)),
          el('td', { class: 'num' }, m.actualEndSeconds !== undefined && m.actualStartSeconds !== undefined
            ? seconds(m.actualEndSeconds - m.actualStartSeconds) : '—'),
          el('td', {}, m.phase)))));
    }
  };
  // One fetch at a time; a request during one is served by one more fetch after it, so the
  // run's end (or a phase change) is never lost to a fetch already under way.
  let again = false;
  const refetch = async () => {
    if (signal.aborted) return;
    if (refetching) { again = true; return; }
    refetching = true;
    try {
      do {
        again = false;
        [detail, timeline] = await Promise.all([get('/api/v1/runs/' + id(runId)), timelineOf(runId)]);
        fetchedAt = performance.now();
        for (const m of detail.moves) {
          const known = live.get(m.vm);
          if (!known || FINAL.has(m.phase) || m.phase !== known.phase) live.set(m.vm, { phase: m.phase, percent: m.percent });
        }
        dirty = true;
      } while (again && !signal.aborted);
    } catch (e) {
      notify(e.message);
    } finally {
      refetching = false;
    }
  };

  main.replaceChildren(
    el('h1', {}, 'Run ', el('span', { id: 'run-id' }, runId), ' ', statusBox),
    el('p', { class: 'muted' }, `from ${detail.source} to ${detail.destination}, started ${detail.createdAt}`
      + (detail.plan ? `, plan ${detail.plan}` : '')),
    el('div', { class: 'actions' }, cancel),
    el('p', { class: 'legend' }, 'Light bar: predicted; solid bar: actual (this daemon\'s clock), green when it succeeded; dashed line: now.'),
    box, movesBox, comparison);
  render();

  if (!FINAL.has(detail.status)) {
    follow('/api/v1/events?run=' + id(runId), (name, data) => {
      if (name === 'progress' && data.vm) {
        const before = live.get(data.vm);
        live.set(data.vm, { phase: data.phase, percent: data.percent });
        dirty = true;
        if (!before || before.phase !== data.phase) refetch();
      } else if (name === 'run' && data.state === 'finished') {
        refetch();
      }
    }, signal);
    const tick = setInterval(() => {
      if (signal.aborted) { clearInterval(tick); return; }
      if (dirty || !FINAL.has(detail.status)) render();
    }, 500);
    // A stream that drops and reconnects may miss an event: the run is read again every 5 s.
    const poll = setInterval(() => { if (!FINAL.has(detail.status)) refetch(); }, 5000);
    signal.addEventListener('abort', () => { clearInterval(tick); clearInterval(poll); });
  }
}

async function timelineOf(runId) {
  try {
    return await get('/api/v1/runs/' + id(runId) + '/timeline');
  } catch (e) {
    if (e.status === 404) return null;
    throw e;
  }
}
