// The Debian target definitions as data: ids, packages, policies that compile, the config files they
// write. Nothing here needs a Debian package; availability is only asked, never assumed.
import t from 'tap';
import { compilePolicy } from '../../reference/server/index.js';
import { httpdConf } from '../../targets/debian/apache.js';
import { djangoMain, djangoSettings } from '../../targets/debian/django.js';
import { flaskMain } from '../../targets/debian/flask.js';
import { debianTargets } from '../../targets/debian/index.js';
import { locationBlock, nginxConf } from '../../targets/debian/nginx.js';
import { missingRequirements, versionsOf } from '../../targets/debian/packages.js';
import { webXml } from '../../targets/debian/tomcat.js';

t.test('every definition: a unique implementation/configuration id, apt packages, a config to show, a policy that compiles', async (t) => {
  const ids = debianTargets.map((target) => target.id);
  t.equal(new Set(ids).size, ids.length, 'ids are unique');
  t.ok(debianTargets.length >= 12, `${debianTargets.length} Debian rows`);
  for (const target of debianTargets) {
    t.match(target.id, /^[a-z0-9-]+\/[a-z0-9-]+$/, target.id);
    t.equal(target.source, 'debian');
    t.ok(target.aptPackages.length > 0, `${target.id} names its packages`);
    t.ok(target.config.text.length > 0 && target.config.language.length > 0, `${target.id} shows its configuration`);
    const compiled = compilePolicy(target.policy);
    t.ok(compiled.ok, `${target.id}: policy compiles${compiled.ok ? '' : ': ' + JSON.stringify(compiled.issues)}`);
  }
});

t.test('availability is asked of dpkg and the file system, and says what is missing', async (t) => {
  t.equal(await missingRequirements([], []), null);
  t.equal(await missingRequirements(['cors-conformance-no-such-package'], ['/nonexistent/bin/x']),
    'Debian packages not installed: cors-conformance-no-such-package (npm run report -- --install); not found: /nonexistent/bin/x');
  t.equal(await versionsOf(['cors-conformance-no-such-package']), 'cors-conformance-no-such-package (not installed)');
  for (const target of debianTargets) {
    const reason = await target.unavailable();
    if (reason === null) t.notMatch(await target.version(), /not installed/, `${target.id} is available and versioned`);
    else t.match(reason, /not installed|not found/, `${target.id}: ${reason}`);
  }
});

t.test('the Python entry scripts: Debian paths only, the configuration between the app and the server', async (t) => {
  const flask = flaskMain('/repo/targets/debian/python', 'CORS(app)');
  t.match(flask, "sys.path[:] = [p for p in sys.path if not p.startswith('/usr/local/')]");
  t.ok(flask.indexOf('from flask_items import app') < flask.indexOf('CORS(app)'));
  t.ok(flask.indexOf('CORS(app)') < flask.indexOf('serve_werkzeug(app)'));
  t.equal(djangoSettings('CORS_ALLOW_ALL_ORIGINS = True'),
    'from django_items.settings_base import *  # noqa\n\n# --- the configuration under test ---\nCORS_ALLOW_ALL_ORIGINS = True\n');
  t.match(djangoMain('/py', '/tmp/x'), 'sys.path[0:0] = ["/py", "/tmp/x"]');
});

t.test('nginx.conf: loopback ports, the recipe in the proxying location, workers as nobody only when root', async (t) => {
  const conf = nginxConf('/tmp/d', { front: 1234, app: 5678 }, "add_header 'A' 'b';", false);
  t.match(conf, 'listen 127.0.0.1:1234;');
  t.match(conf, 'upstream app { server 127.0.0.1:5678; }');
  t.match(conf, "    location / {\n        add_header 'A' 'b';\n        proxy_pass http://app;\n    }");
  t.notMatch(conf, 'user ');
  t.match(nginxConf('/tmp/d', { front: 1, app: 2 }, '', true), /^user nobody nogroup;\n/);
  t.equal(locationBlock('a;\n\nb;'), 'location / {\n    a;\n\n    b;\n    proxy_pass http://app;\n}');
});

t.test('httpd.conf and web.xml', async (t) => {
  const conf = httpdConf('/tmp/d', 4321, 'Header set X "y"', false);
  t.match(conf, 'Listen 127.0.0.1:4321');
  t.match(conf, '# --- the configuration under test ---\nHeader set X "y"\n');
  t.notMatch(conf, 'User ');
  t.match(httpdConf('/tmp/d', 1, '', true), 'User nobody\nGroup nogroup');
  const xml = webXml('<filter>\n  <filter-name>f</filter-name>\n</filter>');
  t.match(xml, '<web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">\n  <filter>\n    <filter-name>f</filter-name>\n  </filter>\n  <servlet>');
  t.match(xml, '<url-pattern>/items</url-pattern>');
});
