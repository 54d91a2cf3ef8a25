// Small DOM helpers. Every text goes in as a text node, never as HTML, because inputs are
// whatever the operator pasted.

/**
 * Creates an element. `attributes` keys starting with `on` add listeners; `class`, `for` and
 * other keys become attributes; `false`, `null` and `undefined` values are left out.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) {
      continue;
    }
    if (name.startsWith("on") && typeof value === "function") {
      element.addEventListener(name.slice(2), value);
    } else if (name === "value") {
      element.value = value;
    } else {
      element.setAttribute(name, value === true ? "" : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Turns `code` spans of a core message into <code> elements; the rest stays text. */
export function withCode(text) {
  return text.split("`").map((part, index) => (index % 2 === 1 ? h("code", {}, part) : part));
}

/** Copies text to the clipboard, with a fallback where the Clipboard API is missing. */
export async function copyText(text, root) {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Permission denied or no focus: fall back to a selection below.
    }
  }
  const area = h("textarea", { "aria-hidden": "true", class: "offscreen" });
  area.value = text;
  root.append(area);
  area.select();
  const copied = document.execCommand("copy");
  area.remove();
  return copied;
}

/** Offers text as a file download, without any request: the data is a blob in memory. */
export function download(filename, type, text, root) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h("a", { href: url, download: filename, class: "offscreen" });
  root.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
