// Metodbanken's form editor: Sveltia CMS with file formats that write the bank's own layout.
//
// Sveltia's built-in YAML front matter drops comments (the `# yaml-language-server` schema hint),
// turns `[1, 2]` into block lists and requotes every value, so an edit of one field would rewrite the
// whole front matter. These formats keep the hint, keep the way untouched values were written, and
// quote what YAML 1.1 (our loader, PyYAML) would otherwise read as something else than text.
import './prefs.js'; // before the CMS: sets the Swedish interface

import CMS from '@sveltia/cms';
import { Document, isMap, isScalar, isSeq, parseDocument, visit } from 'yaml';

const HINT = 'yaml-language-server: $schema=';

// YAML 1.1 without timestamps: what our loader resolves (dates stay text, written plain as in our files).
const WRITE_OPTIONS = {
  version: '1.1',
  customTags: (tags) => tags.filter((tag) => tag.tag !== 'tag:yaml.org,2002:timestamp'),
};
const TO_STRING = { lineWidth: 0, indentSeq: true, singleQuote: false, flowCollectionPadding: false };

/** How each value was written when read, by key and value: reused when the value is written back unchanged. */
const styles = new Map();
/** The text of every file read, by its content: a file saved without a change is written back as it was. */
const originals = new Map();
const contentKey = (content) => JSON.stringify(prune(content));
const styleKey = (key, value) => `${key}\u0000${JSON.stringify(value)}`;

function rememberStyles(doc) {
  visit(doc, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (isScalar(pair.value) && pair.value.type) {
        styles.set(styleKey(key, pair.value.value), pair.value.type);
      } else if (isSeq(pair.value) || isMap(pair.value)) {
        styles.set(styleKey(key, pair.value.toJSON()), pair.value.flow ? 'FLOW' : 'BLOCK');
      }
    },
  });
}

function applyStyles(doc) {
  visit(doc, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (isScalar(pair.value)) {
        const type = styles.get(styleKey(key, pair.value.value));
        if (type && type !== 'PLAIN') pair.value.type = type; // quoting is always safe; plain is chosen by the library
      } else if (isSeq(pair.value)) {
        const seen = styles.get(styleKey(key, pair.value.toJSON()));
        const scalars = pair.value.items.every((item) => isScalar(item));
        pair.value.flow = seen ? seen === 'FLOW' : scalars; // new lists of ids and values as [a, b], like our files
      }
    },
  });
}

/** Leave out what is empty and optional: null, undefined and '' (lists stay, even empty: our files write []). */
function prune(value) {
  if (Array.isArray(value)) return value.map(prune);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value)
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => [k, prune(v)]));
  }
  return value;
}

function parseYaml(text) {
  // YAML 1.2 core for reading: yes/no/on/off and dates stay text, as in our loader.
  const doc = parseDocument(text, { version: '1.2', schema: 'core', uniqueKeys: true, maxAliasCount: 0 });
  if (doc.errors.length) throw doc.errors[0];
  rememberStyles(doc);
  return { data: doc.toJS() ?? {}, comment: doc.commentBefore ?? '' };
}

function writeYaml(data, commentLines) {
  const doc = new Document(prune(data), WRITE_OPTIONS);
  applyStyles(doc);
  return commentLines.map((line) => `# ${line}`.trimEnd() + '\n').join('') + doc.toString(TO_STRING);
}

/** A format that writes unchanged content back byte for byte and everything else with `write`. */
function keepingOriginals({ fromFile, toFile }) {
  return {
    fromFile(text) {
      const content = fromFile(text);
      originals.set(contentKey(content), `${text}\n`);
      return content;
    },
    toFile(content) {
      return originals.get(contentKey(content)) ?? toFile(content);
    },
  };
}

/** The keys each file was read with, by id: an empty list the form adds for a field the file did not have
 *  (a field added to the schema later, say) is left out again, so that saving changes only what the editor changed. */
const readKeys = new Map();

function dropAddedEmptyLists(data) {
  const keys = readKeys.get(data.id);
  if (!keys) return data;
  return Object.fromEntries(Object.entries(data).filter(([k, v]) => keys.has(k) || !(Array.isArray(v) && v.length === 0)));
}

/** A front-matter format for methods, cases and materials: `---`, the schema hint, the fields, `---`, the body. */
function frontMatterFormat(typeName) {
  return {
    fromFile(text) {
      const match = text.match(/^---\n([\s\S]*?)\n?---(?:\n([\s\S]*))?$/);
      if (!match) return { body: text };
      const { data } = parseYaml(match[1]);
      if (data.id) readKeys.set(data.id, new Set(Object.keys(data)));
      return { ...data, body: match[2] ?? '' };
    },
    toFile(content) {
      const { body = '', ...rest } = content;
      const data = dropAddedEmptyLists(rest);
      // The Swedish file holds the id; the English file only the translated fields.
      const schema = 'id' in data ? typeName : `${typeName}.en`;
      const head = writeYaml(data, [`${HINT}../schemas/${schema}.schema.json`]);
      const text = typeof body === 'string' ? body.replace(/\s+$/, '') : '';
      return `---\n${head}---\n${text}\n`;
    },
  };
}

/** sources.yml is a mapping from id to source; the form edits it as a list of sources with their id. */
let sourcesComment = [];
const sourcesFormat = {
  fromFile(text) {
    const { data, comment } = parseYaml(text);
    sourcesComment = comment ? comment.split('\n').map((line) => line.replace(/^ /, '')) : [];
    return { sources: Object.entries(data).map(([id, source]) => ({ id, ...source })) };
  },
  toFile(content) {
    const mapping = Object.fromEntries((content.sources ?? []).map(({ id, ...source }) => [id, source]));
    const comment = sourcesComment.length ? sourcesComment : [`${HINT}schemas/sources.schema.json`];
    return writeYaml(mapping, comment);
  },
};

/** glossary.yml is a list of terms; the form edits it as the field `terms`. */
let glossaryComment = [];
const glossaryFormat = {
  fromFile(text) {
    const { data, comment } = parseYaml(text);
    glossaryComment = comment ? comment.split('\n').map((line) => line.replace(/^ /, '')) : [];
    return { terms: Array.isArray(data) ? data : [] };
  },
  toFile(content) {
    const comment = glossaryComment.length ? glossaryComment : [`${HINT}schemas/glossary.schema.json`];
    return writeYaml(content.terms ?? [], comment);
  },
};

for (const typeName of ['method', 'case', 'material']) {
  CMS.registerCustomFormat(`metodbanken-${typeName}`, 'md', keepingOriginals(frontMatterFormat(typeName)));
}
CMS.registerCustomFormat('metodbanken-sources', 'yml', keepingOriginals(sourcesFormat));
CMS.registerCustomFormat('metodbanken-glossary', 'yml', keepingOriginals(glossaryFormat));

CMS.init();
