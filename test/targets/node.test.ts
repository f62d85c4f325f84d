// The npm report targets, run in-process: every definition is well formed, and the suite finds exactly
// the findings its package's source predicts (each one explained in the definition's notes).
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compilePolicy } from '../../reference/server/index.js';
import { runSuite } from '../../runners/run/run.js';
import { installedVersion, missingPackages } from '../../targets/node/define.js';
import { nodeTargets } from '../../targets/node/index.js';
import { root } from '../support/paths.js';

/** What each target gets, after reading its package's source (see each definition's notes for why). */
const expected: Readonly<Record<string, readonly string[]>> = {
  'express-cors/defaults': ['robustness/plain-options'],
  'express-cors/strict-list': ['robustness/plain-options'],
  'express-cors/credentials': ['robustness/plain-options'],
  'express-cors/regex': ['robustness/plain-options', 'security/origin-scheme', 'security/preflight-admits-untrusted'],
  'express-cors/function': ['robustness/plain-options'],
  'express-cors/reflect-credentials': ['robustness/plain-options', 'security/null-origin', 'security/origin-reflection', 'security/preflight-admits-untrusted'],
  'fastify-cors/defaults': [],
  'fastify-cors/strict-list': [],
  'fastify-cors/credentials': [],
  'fastify-cors/regex': [],
  'fastify-cors/function': ['security/origin-port', 'security/origin-scheme'],
  'koa-cors/defaults': [],
  'koa-cors/single-origin': [],
  'koa-cors/credentials': [],
  'koa-cors/credentials-default-origin': ['security/null-origin', 'security/origin-reflection', 'security/preflight-admits-untrusted'],
  'koa-cors/function': [],
  'hono-cors/defaults': ['robustness/plain-options'],
  'hono-cors/strict-list': ['robustness/plain-options'],
  'hono-cors/credentials': ['robustness/plain-options'],
  'hono-cors/function': ['robustness/plain-options', 'security/origin-scheme', 'security/preflight-admits-untrusted'],
};

t.test('the npm targets: unique ids, npm source, a policy that compiles, the configuration as written', async (t) => {
  t.same(nodeTargets.map((d) => d.id), Object.keys(expected));
  for (const definition of nodeTargets) {
    t.match(definition.id, /^(express|fastify|koa|hono)-cors\/[a-z-]+$/);
    t.equal(definition.source, 'npm');
    t.equal(definition.aptPackages, undefined);
    t.ok(compilePolicy(definition.policy).ok, `${definition.id}: its policy compiles`);
    t.ok(definition.config.text.length > 0 && definition.config.language === 'js');
    t.equal(await definition.unavailable(), null, `${definition.id}: its packages are installed`);
  }
});

t.test('version() reads the installed package.json: the middleware, then its framework', async (t) => {
  const version = (name: string) => (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  const byPrefix = (prefix: string) => nodeTargets.find((d) => d.id.startsWith(prefix))!;
  t.equal(await byPrefix('express-cors/').version(), `${version('cors')} (express ${version('express')})`);
  t.equal(await byPrefix('fastify-cors/').version(), `${version('@fastify/cors')} (fastify ${version('fastify')})`);
  t.equal(await byPrefix('koa-cors/').version(), `${version('@koa/cors')} (koa ${version('koa')})`);
  t.equal(await byPrefix('hono-cors/').version(), version('hono'));
  t.equal(await missingPackages(['hono', 'no-such-package-cc', 'nor-this-one-cc']), 'npm packages no-such-package-cc, nor-this-one-cc not installed (npm install)');
  await t.rejects(installedVersion('no-such-package-cc'), /not installed/);
});

t.test('the suite on every npm target finds what its source predicts, and the notes explain each finding', async (t) => {
  for (const definition of nodeTargets) {
    const compiled = compilePolicy(definition.policy);
    if (!compiled.ok) throw new Error(`${definition.id}: policy does not compile`);
    const started = await definition.start();
    let report;
    try {
      report = await runSuite({
        targets: [started.url], policy: compiled.policy, origins: [], suites: [], level: 'should', runs: 5, seed: 20240601,
        concurrency: 8, rate: 0, timeoutMs: 5000, deadlineMs: 30_000, profile: 'spec', credentialHeaders: {}, insecure: false,
      });
    } finally {
      await started.stop();
    }
    const ids = [...new Set(report.findings.map((f) => f.id))].sort();
    t.same(ids, expected[definition.id], definition.id);
    t.same(report.errors, [], `${definition.id}: judged`);
    const notes = (definition.notes ?? []).join('\n');
    for (const id of ids) t.ok(notes.includes(id), `${definition.id}: the notes explain ${id}`);
  }
});
