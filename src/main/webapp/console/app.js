// Roster's admin console: a page per part of a tenant (and the operator's tenants), over Roster's own REST API
// with the signed-in person's token. Hash routes (#/users, #/users/{username}, …) so that a reload keeps the page.
import { ApiError, onExpired, session, signIn } from './api.js';
import { field, form, h, showError } from './ui.js';
import { PAGES } from './pages.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const who = document.getElementById('who');

/** The sections a person sees: the operator's tenants first; everything else acts in one tenant. */
function sections() {
  const s = session.get();
  const inTenant = session.tenant();
  const list = [];
  if (s.operator) list.push(['tenants', 'Tenants']);
  if (inTenant) {
    list.push(['users', 'Users'], ['roles', 'Roles'], ['groups', 'Groups'], ['organizations', 'Organizations'],
      ['identity-providers', 'Identity providers'], ['invitations', 'Invitations'], ['domains', 'Domain mappings'],
      ['endpoints', 'Service endpoints'], ['import', 'Bulk import'], ['audit', 'Audit log']);
  }
  return list;
}

function renderChrome(route) {
  const s = session.get();
  nav.replaceChildren(...sections().map(([path, label]) =>
    h('a', { href: `#/${path}`, 'aria-current': route === path ? 'page' : null, testid: `nav-${path}` }, label)));
  const acting = session.tenant();
  who.replaceChildren(...[
    h('span', { testid: 'signed-in-as' }, s.operator ? `${s.username} (operator)` : `${s.username} @ ${s.tenant}`),
    s.operator ? h('span', { testid: 'acting-tenant' }, acting ? `in ${acting}` : 'no tenant picked') : null,
    h('button', { type: 'button', testid: 'sign-out', onclick: () => { session.clear(); location.hash = '#/'; render(); } },
      'Sign out')].filter(Boolean));
}

function signInForm(onDone, { overlay } = {}) {
  const previous = session.get();
  return form('signin', overlay ? 'Your session ended: sign in again' : 'Sign in to Roster', [
    field('Tenant (leave empty for the platform operator)', 'tenant', { value: previous && !previous.operator ? previous.tenant : '' }),
    field('Username', 'username', { required: true, value: previous?.username || '' }),
    field('Password', 'password', { type: 'password', required: true }),
  ], 'Sign in', async values => {
    await signIn(values.tenant.trim(), values.username.trim(), values.password);
    onDone();
  });
}

/** Asks for the password again in a dialog over the page; the page and what was typed in it stay. */
onExpired(() => new Promise(resolve => {
  const layer = h('div', { class: 'overlay', testid: 'reauth' });
  const signin = signInForm(() => { layer.remove(); resolve(); }, { overlay: true });
  layer.append(signin);
  document.body.append(layer);
  signin.querySelector('[name="password"]').focus();
}));

async function render() {
  const s = session.get();
  main.setAttribute('aria-busy', 'true');
  if (!s) {
    nav.replaceChildren();
    who.replaceChildren();
    main.replaceChildren(h('div', { class: 'signin' }, signInForm(() => { location.hash = '#/'; render(); })));
    main.setAttribute('aria-busy', 'false');
    return;
  }
  const [path, search = ''] = location.hash.replace(/^#/, '').split('?');
  const [, route = '', ...rest] = path.split('/');
  const fallback = s.operator && !session.tenant() ? 'tenants' : 'users';
  const page = !PAGES[route] || (s.operator && !session.tenant() && route !== 'tenants') ? fallback : route;
  renderChrome(page);
  const alert = h('div', { role: 'alert', class: 'alert', hidden: true, testid: 'page-error' });
  const content = h('div', { testid: `page-${page}` });
  main.replaceChildren(alert, content);
  try {
    await PAGES[page]({ content, params: rest.map(decodeURIComponent), query: new URLSearchParams(search),
                        refresh: render, go });
  } catch (error) {
    if (!(error instanceof ApiError)) console.error(error);
    showError(main, alert, error);
  } finally {
    main.setAttribute('aria-busy', 'false');
  }
}

function go(path) {
  if (location.hash === `#/${path}`) render(); else location.hash = `#/${path}`;
}

window.addEventListener('hashchange', render);
render();

