/** The strict reference CORS server: policy compiler, pure decisions, Node and Fetch adapters. */
export { compilePolicy, isCompiledPolicy, toCompiledPolicy, PolicyError } from './policy.js';
export type { CompiledPolicy, CompileResult, PolicyConfig, PolicyIssue, PolicyIssueCode } from './policy.js';
export { MAX_AGE_LIMIT } from './policy-fields.js';
export { allowsOrigin, decide, isAnsweredByMiddleware, isInScope } from './decide.js';
export type { Decision, Header, RefusalReason, ServerRequest } from './decide.js';
export { LIMITS } from './limits.js';
export { appendVary } from './vary.js';
export { corsMiddleware, createReferenceServer, referenceApp } from './node.js';
export type { NextFunction, NodeHandler, NodeMiddleware, ReferenceServerOptions } from './node.js';
export { withCors } from './fetch.js';
export type { FetchHandler } from './fetch.js';
