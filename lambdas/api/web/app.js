// Hash router: #/overview?… (landing), #/findings?…, #/reports?…, #/rejected, #/report/ID, #/compare?…, #/agency/NAME.
import { completeSignIn, needsSignIn, signedIn, signInPage, signOutOfficer } from './api.js';
import { clear, el } from './dom.js';
import { findingsView } from './view-findings.js';
import { loadNames } from './names.js';
import { auditsView } from './view-audits.js';
import { overviewView } from './view-overview.js';
import { rejectedView, reportsView } from './view-reports.js';
import { reportView } from './view-report.js';
import { compareView } from './view-compare.js';
import { historyView } from './view-history.js';
import { pendingView } from './view-pending.js';

const views = {
  overview: (_, q) => overviewView(q),
  findings: (_, q) => findingsView(q),
  reports: (_, q) => reportsView(q),
  rejected: () => rejectedView(),
  audits: (_, q) => auditsView(q),
  report: (arg) => reportView(arg),
  compare: (_, q) => compareView(q),
  agency: (arg) => historyView(arg),
  pending: (_, q) => pendingView(q),
};

const signOutButton = document.getElementById('sign-out');
signOutButton.addEventListener('click', signOutOfficer);

async function route() {
  signOutButton.hidden = !signedIn();
  const [path, qs] = location.hash.replace(/^#\/?/, '').split('?');
  const [name, ...rest] = path.split('/');
  const view = views[name] ? name : 'overview';
  const arg = rest.length ? decodeURIComponent(rest.join('/')) : '';
  for (const a of document.querySelectorAll('nav a')) a.classList.toggle('active', a.dataset.view === (view === 'report' ? 'reports' : view));
  const main = clear(document.getElementById('view'));
  document.getElementById('evidence').hidden = true;
  if (needsSignIn()) return main.append(signInPage());
  main.append(el('p', { class: 'loading' }, '加载中… Loading'));
  try {
    await loadNames();
    const node = await views[view](arg, new URLSearchParams(qs ?? ''));
    clear(main).append(node);
  } catch (err) {
    if (err.status === 401 && needsSignIn()) return clear(main).append(signInPage(`登录已过期，请重新登录。Your session has ended: ${err.message}`));
    clear(main).append(el('p', { class: 'error', role: 'alert' }, `出错了 Error: ${err.message}`));
  }
}

window.addEventListener('hashchange', route);
completeSignIn()
  .then(route)
  .catch((err) => clear(document.getElementById('view')).append(signInPage(err.message)));
