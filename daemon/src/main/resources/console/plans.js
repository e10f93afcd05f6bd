// One plan: its timeline by destination host or sending NIC, its blocked VMs, approve and apply.
import { get, post, id } from './api.js';
import { el, table, status, seconds, millis, when, notify } from './dom.js';
import { drawTimeline } from './timeline.js';

export async function plan(main, planId, go) {
  const stored = await get('/api/v1/plans/' + id(planId) + '/timeline');
  performance.mark('xe-plan-fetched');
  const rows = stored.scheduled;
  const schedule = stored.schedule || {};
  let grouping = 'host';
  const box = el('div', { class: 'timeline-box', id: 'timeline' });
  const redraw = () => box.replaceChildren(drawTimeline(rows, grouping, {
    makespan: schedule.makespanSeconds,
    progressive: true,
    onComplete: () => performance.mark('xe-timeline-complete'),
  }));
  const choose = (value, label) => {
    const input = el('input', { type: 'radio', name: 'grouping', value, id: 'by-' + value, checked: value === grouping });
    input.addEventListener('change', () => { grouping = value; redraw(); });
    return el('label', { for: 'by-' + value }, input, ' ' + label);
  };
  const approve = el('button', { type: 'button', id: 'approve', disabled: stored.status !== 'draft' }, 'Approve');
  const apply = el('button', { type: 'button', id: 'apply', class: 'primary', disabled: stored.status !== 'approved' }, 'Apply');
  approve.addEventListener('click', async () => {
    approve.disabled = true;
    try {
      await post('/api/v1/plans/' + id(planId) + '/approve');
      notify(`plan ${planId} approved`, true);
    } catch (e) {
      notify(e.message);
    }
    go();
  });
  apply.addEventListener('click', async () => {
    apply.disabled = true;
    try {
      const started = await post('/api/v1/plans/' + id(planId) + '/apply');
      notify(`plan ${planId} applied as run ${started.run}`, true);
      location.hash = '#/runs/' + id(started.run);
    } catch (e) {
      notify(e.message);
      go();
    }
  });
  const blocked = stored.blockedVms;
  const findingRows = [];
  for (const move of blocked) {
    for (const finding of move.findings.filter((f) => f.severity === 'BLOCKER')) {
      findingRows.push(el('tr', { class: 'finding', 'data-vm': move.vm },
        el('td', {}, move.vmName), el('td', {}, finding.code), el('td', {}, finding.message), el('td', {}, finding.remedy)));
    }
  }
  main.replaceChildren(
    el('h1', {}, 'Plan ', el('span', { id: 'plan-id' }, planId), ' ', el('span', { id: 'plan-status' }, status(stored.status))),
    el('p', { class: 'muted' },
      `${stored.kind} from ${stored.source} to ${stored.destination}, planned ${when(stored.createdAt)}: `
      + `${rows.length} moves, makespan ${seconds(schedule.makespanSeconds)} (lower bound ${seconds(schedule.lowerBoundSeconds)}), `
      + `total pause ${millis(schedule.totalDowntimeSeconds || 0)}`),
    el('div', { class: 'actions' }, approve, apply,
      stored.run ? el('a', { href: '#/runs/' + id(stored.run) }, 'run ' + stored.run) : '',
      el('span', { class: 'muted' }, 'Group by:'), choose('host', 'destination host'), choose('nic', 'sending NIC')),
    el('p', { class: 'legend' }, 'Each bar: a move\'s predicted duration; dark end: its predicted pause; orange: does not converge; whiskers: p10-p90 where the plan has them.'),
    box,
    el('h2', {}, `Blocked VMs (${blocked.length})`),
    blocked.length === 0 ? el('p', { class: 'muted' }, 'None: every VM can move.')
      : table(['VM', 'code', 'message', 'remedy'], findingRows));
  redraw();
  // For the page-load measurement (tests' ConsolePageLoadMeasurement): the first screen is drawn.
  performance.mark('xe-timeline-drawn');
}
