#!/usr/bin/env node
// Extracts every anchor id of a fetch.bs revision: explicit id attributes, and the ids Bikeshed
// generates for <dfn> elements without one (linking text, prefixed with the `for` context).
// Usage: node scripts/extract-anchors.mjs path/to/fetch.bs > spec/data/fetch-anchors.txt
import { readFileSync } from 'node:fs';

const source = readFileSync(process.argv[2], 'utf8');
const ids = new Set();

for (const match of source.matchAll(/\sid=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)) {
  ids.add(match[1] ?? match[2] ?? match[3]);
}

// Bikeshed's generated ids: simplified linking text; `for` context first; "-N" on a collision.
const simplify = (text) =>
  text.toLowerCase().replace(/<[^>]*>/g, '').replace(/&[a-z]+;/g, '')
    .replace(/[\s/,]+/g, '-').replace(/[^a-z0-9_-]/g, '').replace(/-+/g, '-').replace(/^-|-$/g, '');
const attribute = (attrs, name) => {
  const m = attrs.match(new RegExp(`\\b${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`));
  return m ? (m[1] ?? m[2] ?? m[3]) : null;
};
for (const match of source.matchAll(/<dfn\b([^>]*)>([\s\S]*?)<\/dfn>/g)) {
  const [, attrs, text] = match;
  if (attribute(attrs, 'id') !== null) continue;
  const lt = attribute(attrs, 'lt');
  const linkText = lt !== null ? lt.split('|')[0] : text;
  const forContext = attribute(attrs, 'for');
  const base = simplify(forContext && forContext !== '/' ? `${forContext.split(',')[0]} ${linkText}` : linkText);
  let id = base;
  for (let n = 0; ids.has(id); n++) id = `${base}-${n}`;
  ids.add(id);
}

process.stdout.write([...ids].filter((id) => /^[A-Za-z0-9_-][^\s]*$/.test(id)).sort().join('\n') + '\n');
