// Small DOM helpers: elements, tables, forms that show the API's refusal next to the field it names, and the
// busy mark tests and assistive technology wait on.

export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'testid') element.dataset.testid = value;
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

let ids = 0;

/** A labelled input (or select, or textarea) named `name`. */
export function field(label, name, { type = 'text', value = '', options, required, help, rows } = {}) {
  const id = `f-${name}-${++ids}`;
  let control;
  if (options) {
    control = h('select', { id, name, required, testid: `field-${name}` },
      options.map(o => h('option', { value: o.value ?? o, selected: (o.value ?? o) === value }, o.label ?? o)));
  } else if (type === 'textarea') {
    control = h('textarea', { id, name, rows: rows || 4, required, testid: `field-${name}` }, value || '');
  } else {
    control = h('input', { id, name, type, value: value ?? '', required, testid: `field-${name}`,
                           autocomplete: type === 'password' ? 'current-password' : 'off' });
  }
  return h('div', { class: 'field' }, h('label', { for: id }, label), control,
    help ? h('p', { class: 'muted' }, help) : null);
}

/**
 * A form whose submit runs `action(values)`; a refusal shows its message above the form and next to each field it
 * names (`errors[].field`), and marks those fields invalid.
 */
export function form(testid, title, fields, submitLabel, action, { extra } = {}) {
  const alert = h('div', { role: 'alert', class: 'alert', hidden: true, testid: `${testid}-error` });
  const element = h('form', { class: 'card', testid, 'aria-label': title, novalidate: true },
    title ? h('h2', {}, title) : null, alert, h('div', { class: 'fields' }, fields), extra || null,
    h('button', { type: 'submit', testid: `${testid}-submit` }, submitLabel));
  element.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(element, alert);
    const values = {};
    for (const control of element.elements) {
      if (!control.name) continue;
      values[control.name] = control.type === 'checkbox' ? control.checked : control.value;
    }
    const button = element.querySelector('button[type="submit"]');
    button.disabled = true;
    element.setAttribute('aria-busy', 'true');
    try {
      await action(values, element);
    } catch (error) {
      showError(element, alert, error);
    } finally {
      button.disabled = false;
      element.setAttribute('aria-busy', 'false');
    }
  });
  return element;
}

function clearErrors(element, alert) {
  alert.hidden = true;
  alert.textContent = '';
  element.querySelectorAll('.field-error').forEach(e => e.remove());
  element.querySelectorAll('[aria-invalid]').forEach(e => { e.removeAttribute('aria-invalid'); e.removeAttribute('aria-describedby'); });
}

/** Shows a refusal: its detail in the alert, each named field's message beside that field. */
export function showError(element, alert, error) {
  alert.hidden = false;
  alert.textContent = error.message || String(error);
  for (const { field: name, message } of error.fields || []) {
    const control = element.querySelector(`[name="${CSS.escape(String(name).split(/[.[]/)[0])}"]`);
    if (!control) continue;
    const note = h('p', { class: 'field-error', id: `${control.id}-error`, testid: `error-${control.name}` }, message);
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', note.id);
    control.closest('.field').append(note);
  }
}

/** A table of `rows`, one column per [label, value(row)] (a value may be a node). */
export function table(testid, columns, rows, { empty = 'Nothing here yet.' } = {}) {
  if (!rows.length) return h('p', { class: 'muted', testid: `${testid}-empty` }, empty);
  return h('table', { class: 'responsive', testid },
    h('thead', {}, h('tr', {}, columns.map(([label]) => h('th', { scope: 'col' }, label)))),
    h('tbody', {}, rows.map(row => h('tr', { testid: `${testid}-row` },
      columns.map(([label, value]) => h('td', { 'data-label': label }, value(row) ?? ''))))));
}

/** A notice that disappears from the next page. */
export function notice(text, testid = 'notice') {
  return h('p', { class: 'notice', role: 'status', testid }, text);
}

export function when(instant) {
  return instant ? new Date(instant).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC') : '';
}
