// What a reader saves on this device (localStorage), for this copy of the site only: keys start
// with the site's base path, as the theme's own keys do, so two copies on one host keep apart.
// Storage may be blocked or full: reading then gives the fallback, saving does nothing, and the
// page in hand still works.

const scoped = (key) => `${__md_scope.pathname}.${key}`;

export function read(key, fallback) {
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
    if (value === null || (Array.isArray(value) && !value.length)) {
      localStorage.removeItem(scoped(key));
    } else {
      localStorage.setItem(scoped(key), JSON.stringify(value));
    }
  } catch {
    // Blocked or full: kept for this visit only.
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
