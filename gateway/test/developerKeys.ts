import { readRuntimeSettings, Secrets } from '@bff/kit';

/**
 * The kit's settings of a developer's machine, as an entry parses an empty
 * environment, and their keys: generated once per process, so the test subgraphs
 * and a gateway on its default settings agree on them.
 */
export const developerSettings = readRuntimeSettings({});
export const developerSecrets = new Secrets(developerSettings.secrets);
