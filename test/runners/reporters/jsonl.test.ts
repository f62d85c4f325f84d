// --format jsonl: one event per line; a finished report renders what streaming wrote.
import t from 'tap';
import { formatJsonlEvent, jsonlStartEvent, renderJsonl, type JsonlEvent } from '../../../runners/reporters/jsonl.js';
import { renderJson } from '../../../runners/reporters/json.js';
import { checks, DOWN, emptyReport, report } from './fixture.js';

t.test('the stream is start, every check, errors, summary; one JSON object per line', async (t) => {
  const text = renderJsonl(report);
  t.ok(text.endsWith('\n'));
  const lines = text.slice(0, -1).split('\n');
  t.equal(lines.length, 1 + report.checks.length + report.errors.length + 1);
  const events = lines.map((l) => JSON.parse(l));
  t.same(events.map((e) => e.type), ['start', 'check', 'check', 'check', 'check', 'check', 'check', 'error', 'summary']);
  t.same(events[0], {
    type: 'start', tool: report.tool, fetchRevision: report.fetchRevision, profile: 'spec', seed: 42,
    targets: report.targets, policy: null, inferred: report.inferred,
  });
  t.same(events[7], { type: 'error', target: DOWN, message: 'connect ECONNREFUSED 127.0.0.1:9' });
  t.same(events[8], { type: 'summary', summary: report.summary });
});

t.test('check events carry the whole result, findings with their target', async (t) => {
  const events = renderJsonl(report).trim().split('\n').map((l) => JSON.parse(l));
  t.same(events[2].result, JSON.parse(JSON.stringify(checks[1])));
  t.equal(events[2].result.findings[0].target, 'http://127.0.0.1:8080/items');
  t.same(Object.keys(events[2].result), ['id', 'title', 'level', 'category', 'anchor', 'target', 'status', 'durationMs', 'findings']);
  t.same(Object.keys(events[6].result), ['id', 'title', 'level', 'category', 'anchor', 'target', 'status', 'skipReason', 'durationMs', 'findings']);
  // The findings' JSON is the --format json finding plus target.
  const json = JSON.parse(renderJson(report));
  t.same(events[2].result.findings[0], { ...json.findings[1], target: 'http://127.0.0.1:8080/items' });
});

t.test('streaming the events one by one writes the same bytes as renderJsonl', async (t) => {
  let streamed = formatJsonlEvent(jsonlStartEvent(report));
  for (const result of report.checks) {
    // Built with keys in another order, as a runner might: the line is the same.
    const shuffled = Object.fromEntries(Object.entries(result).reverse()) as unknown as typeof result;
    streamed += formatJsonlEvent({ type: 'check', result: shuffled });
  }
  for (const e of report.errors) streamed += formatJsonlEvent({ message: e.message, target: e.target, type: 'error' });
  streamed += formatJsonlEvent({ type: 'summary', summary: report.summary });
  t.equal(streamed, renderJsonl(report));
});

t.test('a message with newlines and control characters stays on one line', async (t) => {
  const event: JsonlEvent = { type: 'error', target: 'http://x', message: 'line1\nline2\r\u0001\u2028end' };
  const line = formatJsonlEvent(event);
  t.equal(line, '{"type":"error","target":"http://x","message":"line1\\nline2\\r\\u0001\u2028end"}\n');
  t.equal(line.indexOf('\n'), line.length - 1);
  t.same(JSON.parse(line), event);
});

t.test('the empty report streams start and summary', async (t) => {
  t.equal(renderJsonl(emptyReport),
    `{"type":"start","tool":{"name":"cors-conformance","version":"0.1.0"},"fetchRevision":"${emptyReport.fetchRevision}","profile":"spec","seed":0,"targets":[],"policy":null}\n` +
    '{"type":"summary","summary":{"checks":0,"passed":0,"failed":0,"skipped":0,"requests":0,"durationMs":0,"findings":{"must":0,"should":0,"info":0,"security":0}}}\n');
});
