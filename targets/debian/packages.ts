/**
 * What the Debian targets need from the system: installed packages (asked of dpkg, never assumed) and
 * binaries. Nothing here installs anything; `npm run report -- --install` does, with apt.
 */
import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The installed version of a Debian package, or null when dpkg does not have it installed. */
export async function installedVersion(pkg: string): Promise<string | null> {
  try {
    const { stdout } = await run('dpkg-query', ['-W', '-f', '${db:Status-Status} ${Version}', pkg]);
    const [status, version] = stdout.trim().split(' ');
    return status === 'installed' && version !== undefined && version !== '' ? version : null;
  } catch {
    // dpkg-query exits 1 for unknown packages, and is absent on non-Debian systems.
    return null;
  }
}

async function executable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Why a target cannot run here: the packages dpkg does not list as installed and the binaries that are
 * missing, in one sentence; null when everything is present.
 */
export async function missingRequirements(packages: readonly string[], binaries: readonly string[]): Promise<string | null> {
  const versions = await Promise.all(packages.map(installedVersion));
  const missingPackages = packages.filter((_, i) => versions[i] === null);
  const present = await Promise.all(binaries.map(executable));
  const missingBinaries = binaries.filter((_, i) => !present[i]);
  const parts: string[] = [];
  if (missingPackages.length > 0) parts.push(`Debian packages not installed: ${missingPackages.join(', ')} (npm run report -- --install)`);
  if (missingBinaries.length > 0) parts.push(`not found: ${missingBinaries.join(', ')}`);
  return parts.length === 0 ? null : parts.join('; ');
}

/** `name version` for each package, e.g. `python3-flask-cors 3.0.10-2+deb12u1, python3-flask 2.2.2-3`. */
export async function versionsOf(packages: readonly string[]): Promise<string> {
  const versions = await Promise.all(packages.map(installedVersion));
  return packages.map((pkg, i) => `${pkg} ${versions[i] ?? '(not installed)'}`).join(', ');
}
