// The words a script shows around the content, from data/labels.yaml: the page carries them
// (a data-labels attribute, or the checker's JSON). A label the page lacks, or a {name} left
// unfilled, is an error, never a blank or a stray brace in front of a reader.

const plurals = new Intl.PluralRules("en-GB");

// labels: an object of label name -> text, or -> {one, other} for words that change with a
// number. Returns say(name, values): the text with each {name} filled in from values; for
// {one, other}, the form that fits values.count.
export function labelsFrom(labels, where) {
  if (!labels || typeof labels !== "object") throw new Error(`${where}: no labels`);
  return (name, values = {}) => {
    let text = labels[name];
    if (text && typeof text === "object") text = text[plurals.select(values.count)] ?? text.other;
    if (typeof text !== "string") throw new Error(`${where}: no label "${name}"`);
    return text.replace(/\{([a-z_]+)\}/g, (_, key) => {
      if (!(key in values)) throw new Error(`${where}: label "${name}" needs {${key}}`);
      return String(values[key]);
    });
  };
}

// The labels an element carries in its data-labels attribute (JSON).
export const labelsOf = (element) =>
  labelsFrom(JSON.parse(element.dataset.labels || "null"), element.className || element.tagName);
