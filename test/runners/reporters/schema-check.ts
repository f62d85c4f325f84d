// A minimal JSON Schema (2020-12) checker for the keywords reportJsonSchema uses, written here rather than
// adding a validator dependency for one test. An unknown keyword is an error, so the schema cannot quietly
// rely on something this checker ignores.

type Schema = { readonly [keyword: string]: unknown } | boolean;

const annotations = new Set(['$schema', '$id', 'title', 'description']);
const known = new Set([
  ...annotations, 'type', 'enum', 'const', 'properties', 'required', 'additionalProperties', 'items', 'prefixItems',
  'minItems', 'minimum', 'maximum', 'anyOf',
]);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function hasType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

/** Every way `value` fails `schema`, as `path: problem` strings; empty when it conforms. */
export function checkSchema(schema: Schema, value: unknown, path = '$'): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${path}: not allowed`];
  const errors: string[] = [];
  for (const keyword of Object.keys(schema)) if (!known.has(keyword)) errors.push(`${path}: schema uses unsupported keyword ${keyword}`);
  const s = schema as Record<string, unknown>;
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
    if (!types.some((t) => hasType(value, t))) return [...errors, `${path}: expected ${types.join('|')}, got ${typeOf(value)}`];
  }
  if (s.enum !== undefined && !(s.enum as unknown[]).includes(value)) errors.push(`${path}: ${JSON.stringify(value)} not in enum`);
  if ('const' in s && s.const !== value) errors.push(`${path}: expected ${JSON.stringify(s.const)}`);
  if (typeof value === 'number') {
    if (typeof s.minimum === 'number' && value < s.minimum) errors.push(`${path}: below ${s.minimum}`);
    if (typeof s.maximum === 'number' && value > s.maximum) errors.push(`${path}: above ${s.maximum}`);
  }
  if (s.anyOf !== undefined && !(s.anyOf as Schema[]).some((sub) => checkSchema(sub, value, path).length === 0)) {
    errors.push(`${path}: matches no anyOf branch`);
  }
  if (typeOf(value) === 'object') errors.push(...checkObject(s, value as Record<string, unknown>, path));
  if (Array.isArray(value)) errors.push(...checkArray(s, value, path));
  return errors;
}

function checkObject(s: Record<string, unknown>, value: Record<string, unknown>, path: string): string[] {
  const errors: string[] = [];
  const properties = (s.properties ?? {}) as Record<string, Schema>;
  for (const name of (s.required ?? []) as string[]) if (!(name in value)) errors.push(`${path}: missing ${name}`);
  for (const [name, item] of Object.entries(value)) {
    const sub = properties[name] ?? (s.additionalProperties as Schema | undefined) ?? true;
    errors.push(...checkSchema(sub, item, `${path}.${name}`));
  }
  return errors;
}

function checkArray(s: Record<string, unknown>, value: unknown[], path: string): string[] {
  const errors: string[] = [];
  if (typeof s.minItems === 'number' && value.length < s.minItems) errors.push(`${path}: fewer than ${s.minItems} items`);
  const prefix = (s.prefixItems ?? []) as Schema[];
  value.forEach((item, i) => {
    const sub = i < prefix.length ? prefix[i]! : ((s.items as Schema | undefined) ?? true);
    errors.push(...checkSchema(sub, item, `${path}[${i}]`));
  });
  return errors;
}
