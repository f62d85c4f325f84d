/**
 * The package entry, `import { … } from 'cors-conformance'`: run the suite on a URL or an application
 * in this process, use it from tap or node:test, ask the browser model, and use the reference middleware.
 */
// Running the suite.
export { runSuite, exitCode, fails, type RunOptions, type RunEvent } from './run/run.js';
export { runInProcess, serveInProcess, fetchBridge, type InProcessOptions, type InProcessApp, type AppKind, type ServedApp,
  type FastifyLike, type KoaLike, type FetchLike, type FetchStyleHandler } from './inprocess/index.js';
// Test-runner helpers.
export { corsConformance, assertCorsConformance, formatFailures, type TapLike, type CorsTarget, type FindingDiagnostic } from './testing/index.js';
// Reports.
export { renderReport, formats, type ReportFormat, type RenderOptions } from './reporters/index.js';
export type { CheckResult, Exchange, ExchangeRequest, ExchangeResponse, Finding, FindingCategory, FindingLevel, Report, ReportSummary, Severity } from './report-types.js';
export { UsageError, TargetError } from './errors.js';
export { checks, selectChecks, type Check, type CheckId } from '../suites/checks/registry.js';
// The browser model.
export { explain, runCase, parseCase, profileNames, CaseError, MissingAnswerError, NotModelledError } from '../reference/browser/index.js';
export type { Case, ProfileName, Verdict, TraceStep } from '../reference/browser/index.js';
// The reference server.
export { compilePolicy, toCompiledPolicy, PolicyError, decide, corsMiddleware, createReferenceServer, withCors } from '../reference/server/index.js';
export type { CompiledPolicy, CompileResult, PolicyConfig, PolicyIssue, Decision, NodeMiddleware, FetchHandler } from '../reference/server/index.js';
