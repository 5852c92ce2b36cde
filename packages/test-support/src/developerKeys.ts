import { readRuntimeSettings, type RuntimeSettings, Secrets } from '@bff/kit';

/**
 * The kit's settings of a developer's machine, as an entry parses an empty
 * environment. Their keys are generated once per process (the kit keeps them per
 * process), so every test subgraph, token and signed request in one test file
 * agrees with a handler built on its defaults.
 */
export const developerSettings: RuntimeSettings = readRuntimeSettings({});

/** The keys of `developerSettings`: what tests sign requests and issue tokens with. */
export const developerSecrets = new Secrets(developerSettings.secrets);
