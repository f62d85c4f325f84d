/**
 * Tomcat targets (Debian's libtomcat10-java, run embedded): Tomcat's own CorsFilter configured in
 * web.xml, and the hand-written servlet filter that adds four static headers. The Java sources in
 * targets/debian/tomcat/ are compiled with javac against the installed Tomcat jars at start time.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { PolicyConfig } from '../../reference/server/index.js';
import { dataPath, slug, type DebianTargetDefinition, type TargetConfig } from './define.js';
import { missingRequirements, versionsOf } from './packages.js';
import { makeTempDir, startServer } from './process.js';

const PACKAGES = ['libtomcat10-java', 'openjdk-17-jdk-headless'];
const JAVA = '/usr/bin/java';
const JAVAC = '/usr/bin/javac';
const JARS = '/usr/share/java';
const SOURCES = ['TargetLauncher.java', 'ItemsServlet.java', 'StaticCorsFilter.java'];

/** The Tomcat jars as Debian links them (unversioned names), without translations, Ant tasks and clustering. */
async function tomcatClassPath(): Promise<string> {
  const names = (await readdir(JARS)).filter((name) => /^tomcat10-[a-z-]+\.jar$/.test(name) && !/i18n|-ant|-ha\.jar|tribes|storeconfig/.test(name));
  return names.sort().map((name) => join(JARS, name)).join(':');
}

/** WEB-INF/web.xml: the filter configuration under test in front of the /items servlet. */
export function webXml(filters: string): string {
  const indent = (text: string) => text.split('\n').map((line) => (line === '' ? line : '  ' + line)).join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">',
    indent(filters),
    '  <servlet>',
    '    <servlet-name>items</servlet-name>',
    '    <servlet-class>ItemsServlet</servlet-class>',
    '  </servlet>',
    '  <servlet-mapping>',
    '    <servlet-name>items</servlet-name>',
    '    <url-pattern>/items</url-pattern>',
    '  </servlet-mapping>',
    '</web-app>',
    '',
  ].join('\n');
}

interface TomcatTarget {
  readonly id: string;
  readonly implementation: string;
  readonly configuration: string;
  readonly policy: PolicyConfig;
  /** The filter declarations of web.xml. */
  readonly filters: string;
  /** What REPORT.md shows: the web.xml filters unless the code under test is elsewhere. */
  readonly config?: TargetConfig;
  readonly notes?: readonly string[];
}

function tomcatTarget(target: TomcatTarget): DebianTargetDefinition {
  return {
    id: target.id, implementation: target.implementation, configuration: target.configuration, policy: target.policy,
    source: 'debian', aptPackages: PACKAGES, config: target.config ?? { language: 'xml', text: target.filters },
    ...(target.notes !== undefined && { notes: target.notes }),
    unavailable: () => missingRequirements(PACKAGES, [JAVA, JAVAC]),
    version: () => versionsOf(['libtomcat10-java']),
    async start() {
      const dir = await makeTempDir(slug(target.id));
      const classes = join(dir, 'classes');
      const webInf = join(dir, 'app', 'WEB-INF');
      await mkdir(classes);
      await mkdir(webInf, { recursive: true });
      await mkdir(join(dir, 'webapps'));
      const classPath = await tomcatClassPath();
      await promisify(execFile)(JAVAC, ['-nowarn', '-d', classes, '-cp', classPath, ...SOURCES.map((name) => dataPath('tomcat', name))]);
      await writeFile(join(webInf, 'web.xml'), webXml(target.filters));
      return startServer({
        name: target.id, command: JAVA, args: ['-Xshare:auto', '-cp', `${classPath}:${classes}`, 'TargetLauncher', dir, join(dir, 'app')],
        cwd: dir, tempDir: dir, port: 'stdout', timeoutMs: 60_000,
      });
    },
  };
}

const filterMapping = (name: string) => ['<filter-mapping>', `  <filter-name>${name}</filter-name>`, '  <url-pattern>/*</url-pattern>', '</filter-mapping>'];
const initParam = (name: string, value: string) => ['  <init-param>', `    <param-name>${name}</param-name>`, `    <param-value>${value}</param-value>`, '  </init-param>'];
const corsFilter = (params: readonly (readonly [string, string])[]) => [
  '<filter>', '  <filter-name>CorsFilter</filter-name>', '  <filter-class>org.apache.catalina.filters.CorsFilter</filter-class>',
  ...params.flatMap(([name, value]) => initParam(name, value)), '</filter>', ...filterMapping('CorsFilter'),
].join('\n');

export const tomcatTargets: readonly DebianTargetDefinition[] = [
  tomcatTarget({
    id: 'tomcat-corsfilter/any-origin', implementation: 'Tomcat CorsFilter', configuration: 'cors.allowed.origins=*, other defaults',
    filters: corsFilter([['cors.allowed.origins', '*']]),
    // The defaults: methods GET, POST, HEAD, OPTIONS (OPTIONS only so that preflights pass), headers
    // Origin, Accept, X-Requested-With, Content-Type and the two preflight headers, max-age 1800.
    policy: { origins: '*', methods: ['GET', 'HEAD', 'POST'], allowHeaders: ['accept', 'x-requested-with', 'content-type'], maxAge: 1800 },
    notes: [
      'With `cors.allowed.origins=*` CorsFilter adds `Vary: Origin` nowhere (`handleNonCORS` and `addStandardHeaders` add it only when not any origin is allowed), and a request without Origin gets no Access-Control-Allow-Origin while CORS requests get `*`: ' +
        'exactly the case [the Fetch Standard](https://fetch.spec.whatwg.org/#cors-protocol-and-http-caches) describes, where a cached non-CORS response is reused for a CORS request and fails. ' +
        'Jetty fixed the same in [jetty/jetty.project#1927](https://github.com/jetty/jetty.project/issues/1927), Spring in [spring-projects/spring-framework#22273](https://github.com/spring-projects/spring-framework/issues/22273).',
      'A plain OPTIONS with an Origin is typed ACTUAL by `checkRequestType`, and `addStandardHeaders` adds the preflight headers to every OPTIONS before the servlet answers it (`robustness/plain-options`, info).',
      'Since Tomcat 9 `cors.allowed.origins` defaults to the empty list (no origin), which is why this configuration names `*`; the docs were expanded to say so in [Bugzilla 62676](https://bz.apache.org/bugzilla/show_bug.cgi?id=62676).',
    ],
  }),
  tomcatTarget({
    id: 'tomcat-corsfilter/list-credentials', implementation: 'Tomcat CorsFilter', configuration: "one allowed origin with credentials (the docs' example)",
    filters: corsFilter([
      ['cors.allowed.origins', 'https://app.example'],
      ['cors.allowed.methods', 'GET,POST,HEAD,OPTIONS,PUT'],
      ['cors.allowed.headers', 'Content-Type,X-Requested-With,accept,Origin,Access-Control-Request-Method,Access-Control-Request-Headers'],
      ['cors.exposed.headers', 'Access-Control-Allow-Origin,Access-Control-Allow-Credentials'],
      ['cors.support.credentials', 'true'],
      ['cors.preflight.maxage', '10'],
    ]),
    policy: {
      origins: ['https://app.example'], methods: ['GET', 'HEAD', 'POST', 'PUT'], allowHeaders: ['content-type', 'x-requested-with', 'accept'],
      exposeHeaders: ['access-control-allow-origin', 'access-control-allow-credentials'], credentials: true, maxAge: 10,
    },
    notes: [
      'The configuration is the "advanced" example of the Tomcat filter docs with one origin. Refused origins get `403` from `handleInvalidCORS`, which adds no `Vary`; every other response has `Vary: Origin`. ' +
        'That 403 carries no Cache-Control or Expires and 403 is not heuristically cacheable (RFC 9111 §4.2.2), so a cache would not normally store it: the `cache/vary-origin` finding is the letter of the check more than a practical risk here.',
      '`cors.exposed.headers` lists Access-Control-Allow-Origin and -Credentials, as the docs\' example does; scripts never need them, but exposing them is harmless.',
    ],
  }),
  tomcatTarget({
    id: 'servlet-filter/static-headers', implementation: 'servlet filter (Tomcat)', configuration: 'four static headers',
    filters: ['<filter>', '  <filter-name>cors</filter-name>', '  <filter-class>StaticCorsFilter</filter-class>', '</filter>', ...filterMapping('cors')].join('\n'),
    config: {
      language: 'java',
      text: [
        '// StaticCorsFilter.doFilter, mapped to /* in web.xml',
        'HttpServletResponse response = (HttpServletResponse) res;',
        'response.setHeader("Access-Control-Allow-Origin", "*");',
        'response.setHeader("Access-Control-Allow-Methods", "POST, GET, OPTIONS, DELETE");',
        'response.setHeader("Access-Control-Max-Age", "3600");',
        'response.setHeader("Access-Control-Allow-Headers", "x-requested-with");',
        'chain.doFilter(req, res);',
      ].join('\n'),
    },
    policy: { origins: '*', methods: ['GET', 'POST', 'DELETE'], allowHeaders: ['x-requested-with'], maxAge: 3600 },
    notes: [
      'Static `*` on every response, set before the servlet and before error handling, so 404s keep it (Tomcat\'s error report leaves headers set before `sendError`); OPTIONS reaches `HttpServlet.doOptions`, which answers 200. ' +
        'Nothing is flagged but the preflight headers on a plain OPTIONS (info). It means no more than it says: PUT, PATCH or any header beyond x-requested-with fail, by design.',
    ],
  }),
];
