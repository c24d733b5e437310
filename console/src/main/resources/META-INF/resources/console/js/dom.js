// Elements built from data, never from HTML strings: text from the API is always text.
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

/** A problem+json answer shown as its title and detail (and the fields it names). */
export function showProblem(problem) {
  const box = document.getElementById('problem');
  const fields = (problem.errors || []).map(e => `${e.field}: ${e.reason ?? e.message ?? ''}`).join('; ');
  box.replaceChildren(el('strong', {}, problem.title || String(problem)),
    el('span', {}, [problem.detail, fields].filter(Boolean).join(' — ')));
  box.hidden = false;
}

export function clearProblem() {
  const box = document.getElementById('problem');
  box.hidden = true;
  box.replaceChildren();
}
