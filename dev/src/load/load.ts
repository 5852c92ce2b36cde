// `npm run load`'s entry. The same bundle is also the system under load: the
// tool forks it with SYSTEM_ROLE_ENV set, so one build entry serves both processes.
import { loadCli } from './loadCli';
import { serveSystemUnderLoad } from './systemUnderLoad';
import { SYSTEM_ROLE, SYSTEM_ROLE_ENV } from './systemProtocol';

// The tool reads the local stores with the AWS SDK, whose Node.js support notice says nothing about the run.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const fail = (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
};

// Read here, once: the tool's options and the system's settings come from it.
const env = process.env;
if (env[SYSTEM_ROLE_ENV] === SYSTEM_ROLE) {
  serveSystemUnderLoad(env).catch(fail);
} else {
  loadCli(process.argv.slice(2), __filename, env).then((code) => process.exit(code), fail);
}
