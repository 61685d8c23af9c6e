// The console's pages. Each renders into `content` from the API; what a person may change follows their roles
// (forms and buttons are shown to an administrator or the operator, everyone else reads).
import { api, enc, session } from './api.js';
import { field, form, h, notice, showError, table, when } from './ui.js';

const P = '/api/v1/provisioning';
const SIZE = 20;

/** A button that runs `action`, showing a refusal in the page's alert. */
function action(testid, label, run, { kind = 'secondary' } = {}) {
  return h('button', { type: 'button', class: kind, testid, onclick: async event => {
    const button = event.currentTarget;
    button.disabled = true;
    try { await run(); } catch (error) {
      showError(document.getElementById('main'), document.querySelector('[data-testid="page-error"]'), error);
    } finally { button.disabled = false; }
  } }, label);
}

function writable(...nodes) { return session.canWrite() ? nodes.filter(Boolean) : []; }

/** Prev and next links of a page of a native list, keeping the other query parameters. */
function pager(testid, page, route, query) {
  const link = (number, label) => {
    const next = new URLSearchParams(query);
    next.set('page', number);
    return h('a', { href: `#/${route}?${next}`, testid: `${testid}-${label.toLowerCase()}` }, label);
  };
  const total = page.totalPages || 1;
  return h('p', { class: 'pager', testid },
    page.page > 0 ? link(page.page - 1, 'Previous') : null,
    h('span', { testid: `${testid}-position` },
      page.totalExact === false ? `Page ${page.page + 1} of at least ${total} (at least ${page.totalElements})`
        : `Page ${page.page + 1} of ${total} (${page.totalElements} in all)`),
    page.page + 1 < total ? link(page.page + 1, 'Next') : null);
}

function iso(local) { return local ? new Date(local).toISOString() : null; }

async function tenants({ content, params, go, refresh }) {
  const list = await api('GET', '/api/v1/tenants?size=200');
  const picked = params[0];
  content.append(h('h1', {}, 'Tenants'),
    table('tenants', [
      ['Label', t => h('a', { href: `#/tenants/${enc(t.label)}` }, t.label)],
      ['Name', t => t.name],
      ['State', t => t.active ? 'active' : 'suspended'],
      ['', t => h('span', {},
        action(`work-in-${t.label}`, 'Work in this tenant', async () => {
          session.set({ ...session.get(), acting: t.label });
          go('users');
        }, { kind: '' }),
        action(`toggle-${t.label}`, t.active ? 'Suspend' : 'Reactivate', async () => {
          await api('PUT', `/api/v1/tenants/${enc(t.label)}`, { active: !t.active });
          refresh();
        }, { kind: t.active ? 'danger' : 'secondary' }))],
    ], list.content),
    form('new-tenant', 'New tenant', [field('Label (a slug that never changes)', 'label', { required: true }),
      field('Name', 'name', { required: true })], 'Create tenant', async v => {
      await api('POST', '/api/v1/tenants', { label: v.label.trim(), name: v.name.trim() });
      go(`tenants/${enc(v.label.trim())}`);
    }));
  if (picked) {
    const services = await api('GET', `/api/v1/tenants/${enc(picked)}/services`);
    const items = Array.isArray(services) ? services : services.content || services.services || [];
    content.append(h('section', { class: 'card', testid: 'services', 'aria-label': `Services of ${picked}` },
      h('h2', {}, `Services of ${picked}`),
      items.map(s => h('p', {}, h('label', {},
        h('input', { type: 'checkbox', checked: s.enabled, testid: `service-${s.id}`, onchange: async event => {
          await api('PUT', `/api/v1/tenants/${enc(picked)}/services/${enc(s.id)}`, { enabled: event.target.checked });
        } }), ` ${s.name} (${s.id})`)))));
  }
}

async function users({ content, query, go }) {
  const q = query.get('q') || '';
  const page = Number(query.get('page') || 0);
  const list = await api('GET', `${P}/users?size=${SIZE}&page=${page}${q ? `&q=${enc(q)}` : ''}`);
  const search = h('form', { class: 'toolbar', role: 'search', testid: 'user-search', onsubmit: event => {
    event.preventDefault();
    const value = event.target.elements.q.value.trim();
    go(`users${value ? `?q=${enc(value)}` : ''}`);
  } }, field('Search by the start of a username, e-mail address or name', 'q', { value: q }),
  h('button', { type: 'submit', testid: 'user-search-submit' }, 'Search'));
  content.append(h('h1', {}, 'Users'), search,
    table('users', [
      ['Username', u => h('a', { href: `#/user/${enc(u.username)}`, testid: `user-link-${u.username}` }, u.username)],
      ['E-mail', u => u.email], ['Name', u => [u.firstName, u.lastName].filter(Boolean).join(' ')],
      ['Status', u => u.status]], list.content, { empty: q ? `No active user starts with “${q}”.` : 'No users yet.' }),
    pager('users-pager', list, 'users', query),
    ...writable(form('new-user', 'New user', [
      field('Username', 'username', { required: true }), field('E-mail address', 'email', { type: 'email', required: true }),
      field('First name', 'firstName'), field('Last name', 'lastName'),
      field('Password (optional)', 'password', { type: 'password' })], 'Create user', async v => {
      const body = { email: v.email.trim(), firstName: v.firstName || null, lastName: v.lastName || null };
      if (v.password) body.password = v.password;
      await api('PUT', `${P}/users/${enc(v.username.trim())}`, body);
      go(`user/${enc(v.username.trim())}`);
    })));
}

async function user({ content, params, go, refresh }) {
  const name = params[0];
  const u = await api('GET', `${P}/users/${enc(name)}`);
  const roles = (await api('GET', `${P}/roles?size=200`)).content;
  content.append(h('h1', {}, `User ${u.username}`),
    h('p', { class: 'muted' }, `Status ${u.status} · created ${when(u.createdAt)} · id ${u.id}`));
  content.append(session.canWrite() ? form('profile', 'Profile', [
    field('E-mail address', 'email', { type: 'email', value: u.email }),
    field('First name', 'firstName', { value: u.firstName || '' }), field('Last name', 'lastName', { value: u.lastName || '' }),
    field('Manager (a username)', 'manager', { value: u.manager || '' }),
    field('Time zone', 'timeZone', { value: u.timeZone || '' }), field('Country', 'country', { value: u.country || '' }),
    field('Title', 'title', { value: u.title || '' }),
    field('Status', 'status', { value: u.status, options: u.status === 'SUSPENDED' || u.status === 'ACTIVE'
      ? ['ACTIVE', 'SUSPENDED'] : [u.status] })], 'Save profile', async v => {
    const body = { email: v.email, firstName: v.firstName || null, lastName: v.lastName || null,
                   manager: v.manager || null, timeZone: v.timeZone || null, country: v.country || null,
                   title: v.title || null };
    if (v.status === 'ACTIVE' || v.status === 'SUSPENDED') body.status = v.status;
    // only if nobody changed the user since this page read it (412 otherwise: read it again)
    await api('PUT', `${P}/users/${enc(name)}`, body, { headers: u.etag ? { 'If-Match': u.etag } : {} });
    refresh();
  }) : h('section', { class: 'card' }, h('h2', {}, 'Profile'),
    table('profile', [['Field', r => r[0]], ['Value', r => r[1]]],
      [['E-mail', u.email], ['First name', u.firstName], ['Last name', u.lastName], ['Manager', u.manager]])));
  const profile = content.querySelector('[data-testid="profile"]');
  if (profile && u.etag) profile.dataset.etag = u.etag;

  content.append(h('h2', {}, 'Privileges'), table('privileges', [
    ['Role', p => p.roleName || p.role], ['Scope', p => p.scope || 'whole tenant'],
    ['From', p => when(p.activeFrom) || 'always'], ['Until', p => when(p.activeUntil) || 'open-ended'],
    ['In effect', p => p.effective ? 'yes' : 'no'],
    ['', p => writable(action(`revoke-${p.id}`, 'Revoke', async () => {
      await api('DELETE', `${P}/privileges/${enc(p.id)}`); refresh();
    }, { kind: 'danger' }))]], u.tenantUserPrivileges, { empty: 'No privileges: the user signs in to nothing.' }),
  ...writable(form('grant', 'Grant a privilege', [
    field('Role', 'role', { options: roles.map(r => ({ value: r.id, label: r.name })) }),
    field('Scope (an application; empty for the whole tenant)', 'scope'),
    field('From', 'activeFrom', { type: 'datetime-local' }), field('Until', 'activeUntil', { type: 'datetime-local' })],
  'Grant', async v => {
    await api('POST', `${P}/users/${enc(name)}/privileges`, { role: v.role, scope: v.scope || null,
      activeFrom: iso(v.activeFrom), activeUntil: iso(v.activeUntil) });
    refresh();
  })));

  const groups = session.canWrite() ? (await api('GET', `${P}/groups?size=200`)).content : [];
  const organizations = session.canWrite() ? (await api('GET', `${P}/organizations?size=200`)).content : [];
  content.append(h('h2', {}, 'Groups and organizations'),
    table('user-groups', [['Group', g => h('a', { href: `#/group/${enc(g.id)}` }, g.displayName)],
      ['', g => writable(action(`leave-${g.id}`, 'Remove from group', async () => {
        await api('DELETE', `${P}/groups/${enc(g.id)}/members/${enc(name)}`); refresh();
      }, { kind: 'danger' }))]], u.groups, { empty: 'In no group.' }),
    table('user-organizations', [['Organization', o => o.name],
      ['', o => writable(action(`leave-organization-${o.id}`, 'Remove from organization', async () => {
        await api('DELETE', `${P}/organizations/${enc(o.id)}/users/${enc(name)}`); refresh();
      }, { kind: 'danger' }))]], u.organizations, { empty: 'In no organization.' }),
    ...writable(groups.length ? form('join-group', null, [field('Add to group', 'group', {
      options: groups.map(g => ({ value: g.id, label: g.displayName })) })], 'Add to group', async v => {
      await api('PUT', `${P}/groups/${enc(v.group)}/members/${enc(name)}`); refresh();
    }) : null, organizations.length ? form('join-organization', null, [field('Add to organization', 'organization', {
      options: organizations.map(o => ({ value: o.id, label: o.name })) })], 'Add to organization', async v => {
      await api('PUT', `${P}/organizations/${enc(v.organization)}/users/${enc(name)}`); refresh();
    }) : null));

  const keys = await api('GET', `${P}/users/${enc(name)}/api-keys?size=100`).catch(() => null);
  if (keys) {
    const issued = h('div', { testid: 'new-key' });
    const keyTable = list => table('api-keys', [['Name', k => k.name], ['Prefix', k => k.prefix],
      ['Created', k => when(k.createdAt)], ['Last used', k => when(k.lastUsedAt)],
      ['', k => writable(action(`revoke-key-${k.id}`, 'Revoke', async () => {
        await api('DELETE', `${P}/users/${enc(name)}/api-keys/${enc(k.id)}`); refresh();
      }, { kind: 'danger' }))]], list, { empty: 'No API keys.' });
    const keysHolder = h('div', {}, keyTable(keys.content));
    content.append(h('h2', {}, 'API keys'), keysHolder, issued,
    ...writable(form('new-key-form', 'New API key', [field('Name', 'name', { required: true })], 'Create key',
      async v => {
        const key = await api('POST', `${P}/users/${enc(name)}/api-keys`, { name: v.name });
        const secret = h('code', { class: 'secret', testid: 'api-key-secret' }, key.apiToken);
        issued.replaceChildren(h('div', { class: 'notice', role: 'status' },
          h('p', {}, 'The key\'s secret, shown this once: copy it now.'), secret,
          h('button', { type: 'button', testid: 'copy-secret', onclick: async () => {
            try { await navigator.clipboard.writeText(key.apiToken); } catch { /* a page without clipboard access */ }
          } }, 'Copy')));
        const listed = await api('GET', `${P}/users/${enc(name)}/api-keys?size=100`);
        keysHolder.replaceChildren(keyTable(listed.content));
      })));
  }
  content.append(...writable(h('h2', {}, 'De-provision'), h('p', {}, 'Revokes every privilege; the record and its ' +
    'history stay, and a new privilege brings the user back.'), action('deprovision', 'De-provision user', async () => {
    await api('DELETE', `${P}/users/${enc(name)}`); go(`user/${enc(name)}`);
  }, { kind: 'danger' })));
}

async function roles({ content, refresh }) {
  const list = await api('GET', `${P}/roles?size=200`);
  content.append(h('h1', {}, 'Roles'), table('roles', [['Id', r => r.id], ['Name', r => r.name],
    ['Weight', r => r.weight], ['Kind', r => r.system ? 'system' : 'tenant'], ['Description', r => r.description]],
  list.content), ...writable(form('new-role', 'New role', [field('Name', 'name', { required: true }),
    field('Weight', 'weight', { type: 'number', value: '5' }), field('Description', 'description')], 'Create role',
  async v => {
    await api('POST', `${P}/roles`, { name: v.name, weight: Number(v.weight), description: v.description || null });
    refresh();
  })));
}

async function groups({ content, go }) {
  const list = await api('GET', `${P}/groups?size=200`);
  content.append(h('h1', {}, 'Groups'), table('groups', [
    ['Name', g => h('a', { href: `#/group/${enc(g.id)}` }, g.displayName)], ['Members', g => g.memberCount],
    ['External id', g => g.externalId], ['Description', g => g.description]], list.content),
  ...writable(form('new-group', 'New group', [field('Name', 'displayName', { required: true }),
    field('Description', 'description')], 'Create group', async v => {
    const group = await api('POST', `${P}/groups`, { displayName: v.displayName, description: v.description || null });
    go(`group/${enc(group.id)}`);
  })));
}

async function group({ content, params, query, refresh }) {
  const id = params[0];
  const g = await api('GET', `${P}/groups/${enc(id)}`);
  const page = Number(query.get('page') || 0);
  const members = await api('GET', `${P}/groups/${enc(id)}/members?size=${SIZE}&page=${page}`);
  content.append(h('h1', {}, `Group ${g.displayName}`), table('members', [
    ['Username', m => h('a', { href: `#/user/${enc(m.username)}` }, m.username)], ['E-mail', m => m.email],
    ['Added', m => when(m.addedAt)],
    ['', m => writable(action(`remove-${m.username}`, 'Remove', async () => {
      await api('DELETE', `${P}/groups/${enc(id)}/members/${enc(m.username)}`); refresh();
    }, { kind: 'danger' }))]], members.content, { empty: 'No members.' }),
  pager('members-pager', members, `group/${enc(id)}`, query),
  ...writable(form('add-member', 'Add a member', [field('Username', 'username', { required: true })], 'Add',
    async v => { await api('PUT', `${P}/groups/${enc(id)}/members/${enc(v.username.trim())}`); refresh(); })));
}

async function organizations({ content, refresh }) {
  const list = await api('GET', `${P}/organizations?size=200`);
  content.append(h('h1', {}, 'Organizations'), table('organizations', [['Name', o => o.name],
    ['Members', o => o.memberCount], ['External id', o => o.externalId]], list.content),
  ...writable(form('new-organization', 'New organization', [field('Name', 'name', { required: true }),
    field('External id', 'externalId')], 'Create organization', async v => {
    await api('POST', `${P}/organizations`, { name: v.name, externalId: v.externalId || null }); refresh();
  })));
}

async function identityProviders({ content, refresh }) {
  const list = await api('GET', `${P}/identity-providers?size=200`);
  content.append(h('h1', {}, 'Identity providers'), table('providers', [['Name', p => p.name],
    ['Prefix', p => p.prefix], ['Type', p => p.type], ['Enabled', p => p.enabled ? 'yes' : 'no'],
    ['Issuer or metadata', p => p.issuer || p.metadataUrl]], list.content),
  ...writable(form('new-provider', 'New identity provider', [field('Name', 'name', { required: true }),
    field('Prefix', 'prefix', { required: true }), field('Type', 'type', { options: ['oidc', 'saml'] }),
    field('Issuer (OIDC)', 'issuer'), field('Metadata URL (SAML)', 'metadataUrl'), field('Client id (OIDC)', 'clientId'),
    field('Client secret (written, never shown)', 'clientSecret', { type: 'password' })], 'Add provider', async v => {
    const body = { name: v.name, prefix: v.prefix, type: v.type };
    for (const key of ['issuer', 'metadataUrl', 'clientId', 'clientSecret']) if (v[key]) body[key] = v[key];
    await api('POST', `${P}/identity-providers`, body); refresh();
  })));
}

async function invitations({ content, query, refresh }) {
  const page = Number(query.get('page') || 0);
  const list = await api('GET', `${P}/invitations?size=${SIZE}&page=${page}`);
  const outcome = h('div', { testid: 'invite-outcome' });
  content.append(h('h1', {}, 'Invitations'), ...writable(form('invite', 'Invite users', [
    field('E-mail addresses, one a line', 'emails', { type: 'textarea', required: true }),
    field('Roles (ids or names, separated by commas)', 'roles', { value: 'USER' })], 'Send invitations', async v => {
    const roles = v.roles.split(',').map(r => r.trim()).filter(Boolean);
    const users = v.emails.split(/\s*[\n,;]\s*/).map(e => e.trim()).filter(Boolean).map(email => ({ email, roles }));
    const answer = await api('POST', `${P}/invitations`, { users });
    const failed = answer.results.filter(r => r.error);
    await refresh();
    document.querySelector('[data-testid="invite-outcome"]')?.replaceChildren(
      notice(`${answer.results.length - failed.length} invited, ${failed.length} refused.`, 'invite-notice'),
      ...failed.map(r => h('p', { class: 'field-error' }, `${r.email}: ${r.error.detail}`)));
  })), outcome, table('invitations', [['E-mail', i => i.email], ['Status', i => i.status],
    ['Roles', i => (i.roles || []).join(', ')], ['Sent', i => when(i.sentAt)], ['Expires', i => when(i.expiresAt)],
    ['', i => String(i.status).toLowerCase() === 'pending' ? writable(
      action(`resend-${i.id}`, 'Resend', async () => { await api('POST', `${P}/invitations/${enc(i.id)}/resend`); refresh(); }),
      action(`revoke-invitation-${i.id}`, 'Revoke', async () => {
        await api('DELETE', `${P}/invitations/${enc(i.id)}`); refresh();
      }, { kind: 'danger' })) : []]], list.content, { empty: 'No invitations yet.' }),
  pager('invitations-pager', list, 'invitations', query));
}

async function domains({ content, refresh }) {
  const list = await api('GET', `${P}/domain-mapping?size=200`);
  content.append(h('h1', {}, 'Domain mappings'), table('domains', [['Domain', d => d.domain], ['Theme', d => d.theme],
    ['From', d => when(d.activeFrom)], ['Until', d => when(d.activeUntil)],
    ['', d => writable(action(`delete-domain-${d.domain}`, 'Delete', async () => {
      await api('DELETE', `${P}/domain-mapping/${enc(d.domain)}`); refresh();
    }, { kind: 'danger' }))]], list.content),
  ...writable(form('new-domain', 'Map a domain', [field('Domain', 'domain', { required: true }),
    field('Icon', 'icon'), field('Theme', 'theme')], 'Map domain', async v => {
    await api('POST', `${P}/domain-mapping`, { domain: v.domain, icon: v.icon || null, theme: v.theme || null });
    refresh();
  })));
}

async function endpoints({ content, refresh }) {
  const list = await api('GET', `${P}/service-endpoints?size=200`);
  const types = await api('GET', `${P}/endpoint-types`);
  const typeName = Object.fromEntries((types || []).map(t => [t.id, t.label || t.name]));
  content.append(h('h1', {}, 'Service endpoints'), table('endpoints', [['Type', e => typeName[e.endpointTypeId]],
    ['URL', e => e.url], ['User', e => e.userName], ['Password', e => e.passwordSet ? 'set' : 'none'],
    ['API key', e => e.apiKeySet ? 'set' : 'none'],
    ['', e => writable(action(`delete-endpoint-${e.id}`, 'Delete', async () => {
      await api('DELETE', `${P}/service-endpoints/${enc(e.id)}`); refresh();
    }, { kind: 'danger' }))]], list.content),
  ...writable(form('new-endpoint', 'New service endpoint', [
    field('Type', 'endpointTypeId', { options: (types || []).map(t => ({ value: String(t.id), label: t.label || t.name })) }),
    field('URL', 'url', { required: true }), field('User name', 'userName'),
    field('Password (written, never shown)', 'password', { type: 'password' }),
    field('API key (written, never shown)', 'apiKey', { type: 'password' })], 'Add endpoint', async v => {
    const body = { endpointTypeId: Number(v.endpointTypeId), url: v.url };
    for (const key of ['userName', 'password', 'apiKey']) if (v[key]) body[key] = v[key];
    await api('POST', `${P}/service-endpoints`, body); refresh();
  })));
}

async function importCsv({ content, params }) {
  const progress = h('progress', { max: 1, value: 0, testid: 'import-progress', 'aria-label': 'Import progress' });
  const status = h('p', { testid: 'import-status', role: 'status' }, 'No import yet.');
  const failures = h('div', { testid: 'import-failures' });
  const watch = async id => {
    for (;;) {
      const job = await api('GET', `${P}/jobs/${enc(id)}`);
      progress.max = job.counts.total || 1;
      progress.value = job.counts.processed;
      status.textContent = `${job.status}: ${job.counts.processed} of ${job.counts.total} rows, `
        + `${job.counts.succeeded} created or changed, ${job.counts.failed} failed` + (job.error ? ` (${job.error})` : '');
      status.dataset.state = job.status;
      if (!['queued', 'running'].includes(job.status)) {
        if (job.counts.failed > 0) failures.replaceChildren(h('button', { type: 'button', testid: 'download-failures',
          onclick: () => downloadFailures(id) }, 'Download the failed rows (CSV)'));
        return;
      }
      await new Promise(resolve => setTimeout(resolve, 500));
    }
  };
  content.append(h('h1', {}, 'Bulk import'), h('p', {}, 'A CSV with a header row: username (required), the user\'s ' +
    'fields by name (email, firstName, lastName, …), roles and groups (several separated by ;) and invite.'),
  ...writable(form('import', 'Import a CSV of users', [field('CSV file', 'file', { type: 'file' })], 'Import',
    async (v, element) => {
      const file = element.elements.file.files[0];
      if (!file) throw Object.assign(new Error('Choose a CSV file first.'), { fields: [{ field: 'file', message: 'is required' }] });
      const job = await api('POST', `${P}/bulk`, await file.text(), { type: 'text/csv' });
      history.replaceState(null, '', `#/import/${enc(job.id)}`);
      await watch(job.id);
    })), h('section', { class: 'card', 'aria-label': 'Progress' }, progress, status, failures));
  if (params[0]) await watch(params[0]);
}

async function downloadFailures(id) {
  const rows = [['index', 'key', 'status', 'error']];
  for (let page = 0; ; page++) {
    const results = await api('GET', `${P}/jobs/${enc(id)}/results?status=failed&size=200&page=${page}`);
    results.content.forEach(r => rows.push([r.index, r.key, r.status, r.error?.detail || '']));
    if (page + 1 >= results.totalPages) break;
  }
  const csv = rows.map(row => row.map(v => `"${String(v ?? '').replace(/"/g, '""')}"`).join(',')).join('\r\n');
  const link = h('a', { href: URL.createObjectURL(new Blob([csv], { type: 'text/csv' })), download: `failures-${id}.csv` });
  document.body.append(link);
  link.click();
  link.remove();
}

async function audit({ content, query, go }) {
  const page = Number(query.get('page') || 0);
  const names = ['action', 'actor', 'target', 'from', 'until'];
  const filters = new URLSearchParams();
  names.forEach(name => { if (query.get(name)) filters.set(name, query.get(name)); });
  const list = await api('GET', `${P}/events?size=50&page=${page}${filters.size ? `&${filters}` : ''}`);
  const local = instant => instant ? instant.replace(/(:\d\d)(\.\d+)?Z$/, '$1') : '';
  content.append(h('h1', {}, 'Audit log'), form('audit-filter', null, [
    field('Action, or its start (user.)', 'action', { value: query.get('action') || '' }),
    field('Actor (a name)', 'actor', { value: query.get('actor') || '' }),
    field('Target (a name)', 'target', { value: query.get('target') || '' }),
    field('From', 'from', { type: 'datetime-local', value: local(query.get('from')) }),
    field('Until', 'until', { type: 'datetime-local', value: local(query.get('until')) })], 'Filter', async v => {
    const next = new URLSearchParams();
    for (const name of names) {
      const value = name === 'from' || name === 'until' ? iso(v[name]) : v[name].trim();
      if (value) next.set(name, value);
    }
    go(`audit${next.size ? `?${next}` : ''}`);
  }),
  table('events', [['When', e => when(e.occurredAt)], ['Action', e => e.action], ['Actor', e => e.actor],
    ['Target', e => [e.targetType, e.target].filter(Boolean).join(' ')], ['Request', e => e.requestId]], list.content,
  { empty: 'No event matches.' }),
  pager('events-pager', list, 'audit', query));
}

export const PAGES = {
  tenants, users, user, roles, groups, group, organizations, 'identity-providers': identityProviders, invitations,
  domains, endpoints, import: importCsv, audit,
};
