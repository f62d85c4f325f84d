/** Turning flag values into run options, with one clear message per mistake (exit 2). */
import { readFile } from 'node:fs/promises';
import { profileNames } from '../../reference/browser/profiles.js';
import type { ProfileName } from '../../reference/browser/types.js';
import { compilePolicy, type CompiledPolicy } from '../../reference/server/policy.js';
import { isSerializedOrigin } from '../../spec/origin.js';
import { isToken } from '../../spec/abnf.js';
import { UsageError } from '../errors.js';
import type { FindingLevel } from '../report-types.js';
import { formats, isReportFormat, type ReportFormat } from '../reporters/formats.js';

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

/** `--shard i/n`: this job's share, 1-based on the command line. */
export function shardOption(value: string | undefined): { index: number; count: number } | undefined {
  if (value === undefined) return undefined;
  const match = /^([0-9]+)\/([0-9]+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (match === null || count < 1 || index < 1 || index > count) throw new UsageError(`--shard must be i/n with 1 <= i <= n, e.g. 2/4, not "${value}"`);
  return { index: index - 1, count };
}

/**
 * `--targets FILE`: one URL per line (blank lines and # comments ignored), or a JSON list of URLs or of
 * `{ "url": …, "policy": {…} }` objects.
 */
export async function targetsOption(path: string | undefined): Promise<{ urls: string[]; policies: Map<string, CompiledPolicy> }> {
  const policies = new Map<string, CompiledPolicy>();
  if (path === undefined) return { urls: [], policies };
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the targets file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (!text.trimStart().startsWith('[')) {
    return { urls: text.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#')), policies };
  }
  let entries: unknown;
  try {
    entries = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`the targets file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  const urls: string[] = [];
  for (const [i, entry] of (entries as unknown[]).entries()) {
    if (typeof entry === 'string') {
      urls.push(entry);
      continue;
    }
    const item = entry as { url?: unknown; policy?: unknown };
    if (typeof item !== 'object' || item === null || typeof item.url !== 'string') throw new UsageError(`${path}[${i}]: expected a URL or { "url": …, "policy": … }`);
    urls.push(item.url);
    if (item.policy !== undefined) {
      const compiled = compilePolicy(item.policy);
      if (!compiled.ok) throw new UsageError(`${path}[${i}].policy: ${compiled.issues.map((issue) => `${issue.path || '(policy)'}: ${issue.problem}`).join('; ')}`);
      policies.set(item.url, compiled.policy);
    }
  }
  return { urls, policies };
}
