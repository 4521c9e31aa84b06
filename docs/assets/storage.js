// What a reader saves on this device (localStorage), for this copy of the site only: keys start
// with the site's base path, as the theme's own keys do, so two copies on one host keep apart.
// Storage may be blocked or full: what is saved is then kept until the page is reloaded, and the
// page in hand still works.

const scoped = (key) => `${__md_scope.pathname}.${key}`;
// What could not be saved, kept until the page is reloaded.
const unsaved = new Map();

export function read(key, fallback) {
  if (unsaved.has(key)) return unsaved.get(key);
  try {
    const saved = localStorage.getItem(scoped(key));
    return saved === null ? fallback : JSON.parse(saved);
  } catch {
    return fallback;
  }
}

// Saves value under key; an empty list or null removes the key.
export function write(key, value) {
  try {
    unsaved.delete(key);
    if (value === null || (Array.isArray(value) && !value.length)) {
      localStorage.removeItem(scoped(key));
    } else {
      localStorage.setItem(scoped(key), JSON.stringify(value));
    }
  } catch {
    unsaved.set(key, value); // blocked or full
  }
}

// Calls changed(value) when another tab saves key, while root is still on the page (the theme's
// instant navigation swaps pages without a reload, so a page's listener ends with its page).
export function watch(key, root, fallback, changed) {
  const listener = (event) => {
    if (!root.isConnected) removeEventListener("storage", listener);
    else if (event.key === scoped(key) || event.key === null) changed(read(key, fallback));
  };
  addEventListener("storage", listener);
}
