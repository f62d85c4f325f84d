/**
 * `cors-conformance examples`: every bundled example case through the model,
 * each with its step trace; engine profiles are shown where they disagree with the spec.
 */
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { explain, profileNames, type ProfileName } from '../../reference/browser/index.js';
import { formatVerdictText } from '../reporters/verdict-text.js';
import { readCaseFile } from './explain.js';

const examples = fileURLToPath(new URL('../../../examples/cases/', import.meta.url));

export async function examplesCommand(options: { color: boolean; profile?: ProfileName }): Promise<string> {
  const files = (await readdir(examples)).filter((name) => name.endsWith('.json')).sort();
  const parts: string[] = [];
  for (const file of files) {
    const input = await readCaseFile(examples + file);
    const verdict = explain(input, options.profile);
    parts.push(`━━ examples/cases/${file}\n` + formatVerdictText(verdict, options));
    if (options.profile !== undefined) continue;
    const others = profileNames.filter((name) => name !== 'spec')
      .map((name) => ({ name, verdict: explain(input, name) }))
      .filter(({ verdict: other }) => other.outcome !== verdict.outcome);
    for (const { name, verdict: other } of others) {
      parts.push(`   ${name} differs from the spec here: ${other.outcome === 'ok' ? 'OK' : 'network error'}: ${other.reason}\n`);
    }
  }
  return parts.join('\n');
}
