// npm run synth | deploy | diff: the CDK CLI with the arguments this project uses.
//   npm run synth                                 every stack of the dev stage, offline
//   npm run deploy -- <service|gateway|shared|all> --stage <stage> [other cdk options]
//                                                 (-c codeCache=off: without the V8 code cache, no Docker needed)
//   npm run diff -- [<service|gateway|shared|all>] --stage <stage>
// A single service or the gateway deploys alone (--exclusively): the shared stack must exist already.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const infra = join(dirname(fileURLToPath(import.meta.url)), '..');
const cdk = join(infra, '..', 'node_modules', '.bin', 'cdk');
const [command, ...rest] = process.argv.slice(2);
if (!['synth', 'deploy', 'diff'].includes(command)) {
  console.error('usage: cdk.mjs synth|deploy|diff [<service|gateway|shared|all>] [--stage <stage>] [--app <name>] [cdk options]');
  process.exit(2);
}

const options = { stage: 'dev', app: 'bff' };
const passThrough = [];
const targets = [];
for (let i = 0; i < rest.length; i++) {
  const arg = rest[i];
  const named = /^--(stage|app)(?:=(.*))?$/.exec(arg);
  if (named) options[named[1]] = named[2] ?? rest[++i];
  else if (arg.startsWith('-')) passThrough.push(arg);
  else if (needsValue(passThrough.at(-1))) passThrough.push(arg);
  else targets.push(arg);
}
function needsValue(flag) {
  return ['-c', '--context', '--profile', '--region', '--role-arn', '--require-approval', '--parameters', '--outputs-file'].includes(flag);
}

const target = targets[0] ?? (command === 'deploy' ? undefined : 'all');
if (!target) {
  console.error('npm run deploy -- <service|gateway|shared|all> --stage <stage>');
  process.exit(2);
}
const stacks = target === 'all' ? ['--all'] : [`${options.app}-${options.stage}-${target}`];
const args = [command, ...stacks, '-c', `stage=${options.stage}`, '-c', `app=${options.app}`];
// A deploy ships each bundle with its V8 code cache, made in the Lambda runtime image (Docker):
// `-c codeCache=off` deploys without it. Synth and diff stay offline and make none.
if (command === 'deploy' && !passThrough.some((arg) => arg.startsWith('codeCache='))) args.push('-c', 'codeCache=lambda');
if (command === 'deploy' && target !== 'all') args.push('--exclusively');
if (command === 'synth') args.push('--quiet');

const result = spawnSync(cdk, [...args, ...passThrough], {
  cwd: infra,
  stdio: 'inherit',
  // Synth needs no AWS: do not let the SDK probe the instance metadata service for credentials.
  env: command === 'synth' ? { AWS_EC2_METADATA_DISABLED: 'true', ...process.env } : process.env,
});
if (command === 'deploy' && result.status === 0) {
  // The supergraph of the registry as this deploy left it, into its parameter: no gateway cold start composes.
  // Built with the app (scripts/buildApp.mjs); the SDK takes --profile and --region as the CLI did.
  const option = (name) => passThrough[passThrough.indexOf(`--${name}`) + 1];
  const awsEnv = {
    ...(passThrough.includes('--profile') ? { AWS_PROFILE: option('profile') } : {}),
    ...(passThrough.includes('--region') ? { AWS_REGION: option('region') } : {}),
  };
  const publish = spawnSync(process.execPath, [join(infra, '..', '.build/infra/publishSupergraph.js'), '--app', options.app, '--stage', options.stage], {
    stdio: 'inherit',
    env: { ...process.env, ...awsEnv },
  });
  // Not fatal: the stacks are deployed, and a gateway without the parameter composes at cold start.
  if (publish.status !== 0) console.error('The supergraph parameter was not written; the deploy itself succeeded.');
}
process.exit(result.status ?? 1);
