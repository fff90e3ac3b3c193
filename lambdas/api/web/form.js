// Small filter forms whose fields map one-to-one to query parameters.
import { el } from './dom.js';
import { tr } from './lang.js';

/** Reports for year N appear in N+1, so last year is what officers look at first. */
export const DEFAULT_YEAR = String(new Date().getFullYear() - 1);

/**
 * fields: [{name, label, type?, options?: [[value, label]], suggestions?: [[value, label]]}];
 * `suggestions` make a pick-list with type-ahead (a datalist). onSubmit gets {name: value}.
 */
export function filterForm(fields, values, onSubmit, submitLabel = tr('筛选 Filter')) {
  const inputs = fields.map((f) => {
    const value = values.get(f.name) ?? f.value ?? '';
    const input = f.options
      ? el(
          'select',
          { name: f.name },
          f.options.map(([v, label]) => el('option', { value: v, selected: v === value }, label)),
        )
      : el('input', {
          name: f.name,
          type: f.type ?? 'text',
          value,
          placeholder: f.placeholder,
          size: f.size,
          list: f.suggestions ? `${f.name}-options` : undefined,
          autocomplete: f.suggestions ? 'off' : undefined,
        });
    const list = f.suggestions
      ? el(
          'datalist',
          { id: `${f.name}-options` },
          f.suggestions.map(([v, label]) => el('option', { value: v }, label)),
        )
      : null;
    return el('label', {}, el('span', {}, f.label), input, list);
  });
  const form = el('form', { class: 'filters' }, inputs, el('button', { type: 'submit' }, submitLabel));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    onSubmit(Object.fromEntries(new FormData(form).entries()));
  });
  return form;
}
