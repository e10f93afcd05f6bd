// The console's router: #/pools, #/plans, #/plans/ID, #/runs, #/runs/ID, #/jobs. Without a token
// in session storage, the sign-in page.
import { token } from './api.js';
import { el, notify } from './dom.js';
import { signIn, pools, plans, runs, jobs } from './pages.js';
import { plan } from './plans.js';
import { run } from './runs.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
let current = new AbortController();

function route() {
  current.abort();
  current = new AbortController();
  const signal = current.signal;
  if (!token.get()) {
    nav.hidden = true;
    signIn(main, () => { if (location.hash === '#/plans') route(); else location.hash = '#/plans'; });
    return;
  }
  nav.hidden = false;
  const [, page = 'plans', ident] = (location.hash || '#/plans').split('/');
  const key = decodeURIComponent(ident || '');
  for (const link of nav.querySelectorAll('a')) link.classList.toggle('current', link.dataset.page === page);
  const again = () => { if (!signal.aborted) route(); };
  const shown = (() => {
    switch (page) {
      case 'pools': return pools(main);
      case 'plans': return key ? plan(main, key, again) : plans(main);
      case 'runs': return key ? run(main, key, signal) : runs(main);
      case 'jobs': return jobs(main, again);
      default: return plans(main);
    }
  })();
  shown.catch((e) => {
    if (signal.aborted) return;
    main.replaceChildren(el('p', { class: 'error' }, e.message));
  });
}

document.getElementById('signout').addEventListener('click', () => {
  token.clear();
  notify('');
  route();
});
window.addEventListener('xe-signed-out', () => { notify('Signed out: the daemon refused the token.'); route(); });
window.addEventListener('hashchange', () => { notify(''); route(); });
route();
