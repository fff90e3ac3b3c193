// In AWS every API call needs IAM authorization: the officer pastes temporary credentials
// (e.g. from the IAM Identity Center portal, or `aws configure export-credentials`). They stay in
// this tab's sessionStorage only and are gone when the tab closes.
import { el } from './dom.js';

const KEY = 'ogi-credentials';

export function loadCredentials() {
  try {
    const c = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    return c?.accessKeyId && c?.secretAccessKey ? c : null;
  } catch {
    return null;
  }
}

export const clearCredentials = () => sessionStorage.removeItem(KEY);

export function credentialsForm(onSaved, message) {
  const field = (name, label, type = 'text') => el('label', {}, el('span', {}, label), el('input', { name, type, required: name !== 'sessionToken', autocomplete: 'off', size: 50 }));
  const form = el('form', { class: 'filters credentials' },
    field('accessKeyId', 'Access key ID'),
    field('secretAccessKey', 'Secret access key', 'password'),
    field('sessionToken', 'Session token（临时凭证 temporary credentials）', 'password'),
    el('button', { type: 'submit' }, '登录 Sign in'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const values = Object.fromEntries(new FormData(form).entries());
    sessionStorage.setItem(KEY, JSON.stringify(values));
    onSaved();
  });
  return el('section', {},
    el('h2', {}, '登录 Sign in'),
    el('p', { class: 'hint' }, '此接口需要 IAM 授权。请粘贴临时凭证；凭证只保存在本标签页中。The API needs IAM authorization: paste temporary credentials; they are kept in this tab only.'),
    message ? el('p', { class: 'error' }, message) : null,
    form);
}
