// Building the page: every text goes through createTextNode, never through HTML parsing, so a
// VM name such as <img src=x onerror=...> stays text. No innerHTML anywhere in the console.

const SVG_NS = 'http://www.w3.org/2000/svg';

function fill(node, attributes, children) {
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** An HTML element with attributes (on* functions become listeners) and children. */
export function el(tag, attributes, ...children) {
  return fill(document.createElement(tag), attributes, children);
}

/** An SVG element, the same way. */
export function svg(tag, attributes, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attributes, children);
}

export function table(headers, rows) {
  return el('table', {},
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', {}, h)))),
    el('tbody', {}, rows));
}

export function status(text) {
  return el('span', { class: 'status ' + text }, text);
}

export function seconds(value) {
  return value === undefined || value === null ? '—' : Number(value).toFixed(1) + ' s';
}

export function millis(valueSeconds) {
  return (Number(valueSeconds) * 1000).toFixed(0) + ' ms';
}

export function gib(bytes) {
  return (Number(bytes) / 1024 ** 3).toFixed(1) + ' GiB';
}

export function when(iso) {
  if (!iso) return '—';
  const date = new Date(iso);
  return isNaN(date) ? String(iso) : date.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

/** Shows a one-line message above the page (an error unless ok). */
export function notify(message, ok = false) {
  const notice = document.getElementById('notice');
  notice.textContent = message;
  notice.className = ok ? 'ok' : '';
  notice.hidden = !message;
}
