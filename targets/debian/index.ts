/** Every Debian-packaged implementation, in the order REPORT.md lists them. */
import { apacheTargets } from './apache.js';
import type { DebianTargetDefinition } from './define.js';
import { djangoTargets } from './django.js';
import { flaskTargets } from './flask.js';
import { nginxTargets } from './nginx.js';
import { tomcatTargets } from './tomcat.js';

export type { DebianTargetDefinition, TargetConfig } from './define.js';

export const debianTargets: readonly DebianTargetDefinition[] = [
  ...flaskTargets, ...djangoTargets, ...tomcatTargets, ...nginxTargets, ...apacheTargets,
];
