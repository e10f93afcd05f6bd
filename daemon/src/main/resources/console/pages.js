// The list pages: sign-in, pools, plans, runs, jobs.
import { get, post, id, token } from './api.js';
import { el, table, status, gib, when, notify } from './dom.js';

export function signIn(main, done) {
  const input = el('input', { id: 'token', type: 'password', autocomplete: 'off', required: true,
    'aria-label': 'API token' });
  const form = el('form', { class: 'signin', id: 'signin' },
    el('h1', {}, 'Sign in'),
    el('label', { for: 'token' }, 'The API token (the first line of the daemon\'s token file):'),
    input,
    el('button', { type: 'submit', class: 'primary' }, 'Sign in'),
    el('p', { class: 'muted' }, 'Kept in this tab\'s session storage only, and sent as the Authorization header.'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    token.set(input.value.trim());
    try {
      await get('/api/v1/plans');
      notify('');
      done();
    } catch (e) {
      token.clear();
      notify(e.status === 401 ? 'That token is not the daemon\'s: check the token file.' : e.message);
    }
  });
  main.replaceChildren(form);
  input.focus();
}

export async function pools(main) {
  const answer = await get('/api/v1/pools');
  const parts = [el('h1', {}, 'Pools')];
  for (const pool of answer.pools) {
    parts.push(el('h2', {}, pool.name));
    if (pool.error) {
      parts.push(el('p', { class: 'muted' }, pool.error));
      continue;
    }
    parts.push(el('p', { class: 'muted' },
      `${pool.nameLabel}: ${pool.vms} VMs, ${pool.runningVms} running; inventory read ${when(pool.capturedAt)}`));
    parts.push(table(['host', 'enabled', 'maintenance', 'memory free / total', 'running VMs'],
      pool.hosts.map((host) => el('tr', { class: 'host-row' },
        el('td', {}, host.name),
        el('td', {}, host.enabled ? 'yes' : 'no'),
        el('td', {}, host.maintenance ? 'yes' : 'no'),
        el('td', { class: 'num' }, `${gib(host.memoryFree)} / ${gib(host.memoryTotal)}`),
        el('td', { class: 'num' }, host.runningVms)))));
  }
  main.replaceChildren(...parts);
}

export async function plans(main) {
  const answer = await get('/api/v1/plans');
  main.replaceChildren(el('h1', {}, 'Plans'),
    answer.plans.length === 0
      ? el('p', { class: 'muted' }, 'No plan yet: POST /api/v1/plans, or xe-migrate vm-migrate-plan.')
      : table(['plan', 'kind', 'status', 'created', 'moves', 'blocked', 'run'],
        answer.plans.map((plan) => el('tr', { class: 'plan-row', 'data-plan': plan.id },
          el('td', {}, el('a', { href: '#/plans/' + id(plan.id) }, plan.id)),
          el('td', {}, plan.kind),
          el('td', {}, status(plan.status)),
          el('td', {}, when(plan.createdAt)),
          el('td', { class: 'num' }, plan.moves - plan.blocked),
          el('td', { class: 'num' }, plan.blocked),
          el('td', {}, plan.run ? el('a', { href: '#/runs/' + id(plan.run) }, plan.run) : '')))));
}

export async function runs(main) {
  const answer = await get('/api/v1/runs');
  main.replaceChildren(el('h1', {}, 'Runs'),
    answer.runs.length === 0
      ? el('p', { class: 'muted' }, 'No run yet.')
      : table(['run', 'status', 'started', 'moves', 'from', 'to'],
        answer.runs.map((run) => el('tr', { class: 'run-row', 'data-run': run.id },
          el('td', {}, el('a', { href: '#/runs/' + id(run.id) }, run.id)),
          el('td', {}, status(run.status)),
          el('td', {}, when(run.createdAt)),
          el('td', { class: 'num' }, run.moves),
          el('td', {}, run.source),
          el('td', {}, run.destination)))));
}

export async function jobs(main, refresh) {
  const answer = await get('/api/v1/jobs');
  const histories = await Promise.all(
    answer.jobs.map((job) => get('/api/v1/jobs/' + id(job.name) + '/history').catch(() => ({ runs: [] }))));
  const act = (job, verb) => async () => {
    try {
      const done = await post('/api/v1/jobs/' + id(job.name) + '/' + verb);
      notify(verb === 'run' ? `job ${job.name}: run ${done.jobRun} requested` : `job ${job.name}: ${verb}d`, true);
    } catch (e) {
      notify(e.message);
    }
    refresh();
  };
  const parts = [el('h1', {}, 'Jobs')];
  answer.jobs.forEach((job, index) => {
    parts.push(el('section', { class: 'job', 'data-job': job.name },
      el('h2', {}, job.name),
      table(['schedule', 'action', 'next run', 'window', 'paused'], [el('tr', {},
        el('td', {}, `${job.schedule} (${job.timeZone})`),
        el('td', {}, job.action),
        el('td', { class: 'next-run' }, job.nextRun ? when(job.nextRun) : '—'),
        el('td', {}, job.window || '—'),
        el('td', { class: 'paused' }, job.paused ? 'yes' : 'no'))]),
      el('div', { class: 'actions' },
        el('button', { type: 'button', class: 'pause', disabled: job.paused, onclick: act(job, 'pause') }, 'Pause'),
        el('button', { type: 'button', class: 'resume', disabled: !job.paused, onclick: act(job, 'resume') }, 'Resume'),
        el('button', { type: 'button', class: 'primary run-now', onclick: act(job, 'run') }, 'Run now')),
      el('h3', {}, 'Last runs'),
      histories[index].runs.length === 0 ? el('p', { class: 'muted' }, 'None yet.')
        : table(['job run', 'scheduled for', 'status', 'run', 'detail'],
          histories[index].runs.slice(0, 10).map((run) => el('tr', { class: 'job-run' },
            el('td', {}, run.id),
            el('td', {}, when(run.scheduledFor)),
            el('td', {}, status(run.status)),
            el('td', {}, run.run ? el('a', { href: '#/runs/' + id(run.run) }, run.run) : ''),
            el('td', {}, run.detail))))));
  });
  if (answer.jobs.length === 0) parts.push(el('p', { class: 'muted' }, 'No scheduled job: the daemon\'s config has none.'));
  main.replaceChildren(...parts);
}

