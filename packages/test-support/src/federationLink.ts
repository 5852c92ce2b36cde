/** The `@link` a federation subgraph's SDL starts with: this federation version, these directives imported. */
export const federationLink = (version: string, imports: string[]): string =>
  `extend schema @link(url: "https://specs.apollo.dev/federation/v${version}", import: ${JSON.stringify(imports)})`;

/** The link of most test subgraphs: federation 2.7, `@key` alone. */
export const FEDERATION_LINK = federationLink('2.7', ['@key']);
