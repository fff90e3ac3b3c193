// Hash router: #/overview?… (landing), #/findings?…, #/reports?…, #/rejected, #/report/ID, #/compare?…, #/agency/NAME.
import { completeSignIn, localRole, localRoles, needsSignIn, setLocalRole, signedIn, signInPage, signOutOfficer } from './api.js';
import { clear, el } from './dom.js';
import { DEFAULT_YEAR, filterForm } from './form.js';
import { lang, setLang, t, tr } from './lang.js';
import { findingsView } from './view-findings.js';
import { loadNames } from './names.js';
import { auditsView } from './view-audits.js';
import { overviewView } from './view-overview.js';
import { rejectedView, reportsView } from './view-reports.js';
import { reportView } from './view-report.js';
import { compareView } from './view-compare.js';
import { historyView } from './view-history.js';
import { pendingView } from './view-pending.js';
import { go } from './nav.js';

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

/** Views whose filters start from a year: after an error their year field stays, to leave the year that failed. */
const YEAR_VIEWS = new Set(['overview', 'findings', 'reports', 'compare', 'audits', 'pending']);

const signOutButton = document.getElementById('sign-out');
signOutButton.addEventListener('click', signOutOfficer);

/** The header's switches: the language, and locally the role the page acts in (checked by the API as in AWS). */
function headerControls() {
  const box = clear(document.getElementById('controls'));
  const other = lang() === 'en' ? 'zh' : 'en';
  box.append(
    el(
      'button',
      {
        type: 'button',
        class: 'lang-switch',
        lang: other === 'en' ? 'en' : 'zh-CN',
        title: t('切换到英文', 'Switch to Chinese'),
        onclick: () => {
          setLang(other);
          route();
        },
      },
      other === 'en' ? 'English' : '中文',
    ),
  );
  const roles = localRoles();
  if (roles.length)
    box.append(
      el(
        'label',
        { class: 'role-switch', title: t('本地无需登录：选择以哪种角色操作', 'No sign-in locally: choose the role to act in') },
        el('span', {}, t('本地角色', 'Local role')),
        el(
          'select',
          {
            name: 'role',
            onchange: (e) => {
              setLocalRole(e.target.value);
              route();
            },
          },
          roles.map((r) => el('option', { value: r, selected: r === localRole() }, r === 'reviewer' ? t('审核员', 'reviewer') : t('查阅员', 'officer'))),
        ),
      ),
    );
}

/** The filters a failed view may have had, named as the views name them. */
const FILTER_LABELS = {
  agency: ['机关', 'Agency'],
  rule: ['规则', 'Rule'],
  severity: ['严重程度', 'Severity'],
  review: ['审查', 'Review'],
  status: ['状态', 'Status'],
  metrics: ['指标', 'Metrics'],
  agencies: ['机关', 'Agencies'],
  kind: ['类别', 'Kind'],
  level: ['层级', 'Level'],
  region: ['地区', 'Region'],
};

/** What stays after a view failed: the error, and its year and filters, so the officer can leave the year or filter that failed. */
function errorView(view, query, err) {
  const fields = [...query.keys()]
    .filter((k) => k !== 'year')
    .map((name) => ({ name, label: FILTER_LABELS[name] ? t(...FILTER_LABELS[name]) : name, size: 16 }));
  if (YEAR_VIEWS.has(view)) fields.unshift({ name: 'year', label: t('年度', 'Year'), type: 'number', size: 6, value: query.get('year') || DEFAULT_YEAR });
  return el(
    'section',
    { class: `failed-view ${view}` },
    el('p', { class: 'error', role: 'alert' }, `${t('出错了', 'Error')}: ${err.message}`),
    fields.length ? filterForm(fields, query, (values) => go(view, values), tr('重试 Retry')) : null,
    el(
      'p',
      { class: 'hint' },
      t('导航与筛选仍可使用：换一个年度或筛选条件，或稍后重试。', 'Navigation and filters still work: choose another year or filter, or try again later.'),
    ),
  );
}

/** Each navigation's number: a slower view of an earlier hash never replaces the one asked for since. */
let navigation = 0;

async function route() {
  const mine = ++navigation;
  signOutButton.hidden = !signedIn();
  signOutButton.textContent = t('退出登录', 'Sign out');
  headerControls();
  const [path, qs] = location.hash.replace(/^#\/?/, '').split('?');
  const [name, ...rest] = path.split('/');
  const view = views[name] ? name : 'overview';
  const arg = rest.length ? decodeURIComponent(rest.join('/')) : '';
  for (const a of document.querySelectorAll('nav a')) {
    a.dataset.label ??= a.textContent;
    a.textContent = tr(a.dataset.label);
    a.classList.toggle('active', a.dataset.view === (view === 'report' ? 'reports' : view));
  }
  const title = document.querySelector('header h1');
  title.dataset.label ??= title.firstChild.textContent;
  title.firstChild.textContent = t(title.dataset.label, 'Annual reports on government information disclosure ');
  const main = clear(document.getElementById('view'));
  document.getElementById('evidence').hidden = true;
  if (needsSignIn()) return main.append(signInPage());
  main.append(el('p', { class: 'loading' }, t('加载中…', 'Loading…')));
  const query = new URLSearchParams(qs ?? '');
  try {
    await loadNames();
    const node = await views[view](arg, query);
    if (mine === navigation) clear(main).append(node);
  } catch (err) {
    if (mine !== navigation) return;
    if (err.status === 401 && needsSignIn())
      return clear(main).append(signInPage(t(`登录已过期，请重新登录。${err.message}`, `Your session has ended: ${err.message}`)));
    clear(main).append(errorView(view, query, err));
  }
}

setLang(lang());
window.addEventListener('hashchange', route);
completeSignIn()
  .then(route)
  .catch((err) => clear(document.getElementById('view')).append(signInPage(err.message)));
