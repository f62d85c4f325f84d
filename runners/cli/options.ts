/** Turning flag values into run options, with one clear message per mistake (exit 2). */
import { readFile } from 'node:fs/promises';
import { profileNames, type ProfileName } from '../../reference/browser/index.js';
import { compilePolicy, type CompiledPolicy } from '../../reference/server/index.js';
import { isSerializedOrigin } from '../../spec/origin.js';
import { isToken } from '../../spec/abnf.js';
import { UsageError } from '../errors.js';
import type { FindingLevel } from '../report-types.js';
import { formats, isReportFormat, type ReportFormat } from '../reporters/index.js';

export function integerOption(name: string, value: string | undefined, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  if (!/^[0-9]+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`--${name} must be an integer from ${min}${max === Number.MAX_SAFE_INTEGER ? '' : ` to ${max}`}, not "${value}"`);
  }
  return Number(value);
}

export function profileOption(value: string | undefined): ProfileName {
  if (value === undefined) return 'spec';
  if (!(profileNames as readonly string[]).includes(value)) throw new UsageError(`--profile must be one of ${profileNames.join(', ')}, not "${value}"`);
  return value as ProfileName;
}

export function levelOption(value: string | undefined): FindingLevel {
  if (value === undefined) return 'must';
  if (value !== 'must' && value !== 'should' && value !== 'info') throw new UsageError(`--level must be must, should or info, not "${value}"`);
  return value;
}

export function formatOption(value: string | undefined): ReportFormat {
  if (value === undefined) return 'text';
  if (!isReportFormat(value)) throw new UsageError(`--format must be one of ${formats.join(', ')}, not "${value}"`);
  return value;
}

export function originOptions(values: readonly string[]): string[] {
  for (const origin of values) {
    if (!isSerializedOrigin(origin)) {
      throw new UsageError(`--origin "${origin}" is not a serialized origin: scheme://host[:port], lowercase, no path or trailing slash`);
    }
  }
  return [...values];
}

/** `--header "K: V"` and `--cookie C`: sent on credentialed requests, redacted in every output. */
export function credentialHeaders(headers: readonly string[], cookie: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of headers) {
    const colon = line.indexOf(':');
    const name = colon === -1 ? '' : line.slice(0, colon).trim().toLowerCase();
    const value = colon === -1 ? '' : line.slice(colon + 1).trim();
    if (!isToken(name) || /[\0\r\n]/.test(value)) throw new UsageError(`--header "${line}" is not "Name: value"`);
    out[name] = name in out ? `${out[name]}, ${value}` : value;
  }
  if (cookie !== undefined) {
    if (/[\0\r\n]/.test(cookie)) throw new UsageError('--cookie cannot contain line breaks');
    out['cookie'] = cookie;
  }
  return out;
}

/** Reads and validates a policy file; every problem in one message. */
export async function policyOption(path: string | undefined): Promise<CompiledPolicy | null> {
  if (path === undefined) return null;
  let config: unknown;
  try {
    config = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    throw new UsageError(e.code ? `cannot read the policy ${path}: ${e.code}` : `the policy ${path} is not valid JSON: ${e.message}`);
  }
  const compiled = compilePolicy(config);
  if (!compiled.ok) {
    const problems = compiled.issues.map((issue) => `${issue.path === '' ? '(policy)' : issue.path}: ${issue.problem}`);
    throw new UsageError(`the policy ${path} has ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${problems.join('; ')}`);
  }
  return compiled.policy;
}
