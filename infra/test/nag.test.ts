import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';

import { createTestApp } from './support/testApp';


it('passes the AwsSolutions checks, with a written reason for every acknowledged finding', () => {
  const { app } = createTestApp({ context: { corsOrigins: 'https://app.example.com' } });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  // Synthesis stops with the report of every unacknowledged finding.
  expect(() => app.synth()).not.toThrow();

  const acknowledged = app.node
    .findAll()
    .flatMap((construct) => construct.node.metadata.filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY))
    .flatMap((entry) => Object.entries(entry.data as Record<string, string>));
  expect(acknowledged.length).toBeGreaterThan(0);
  for (const [id, reason] of acknowledged) {
    expect(id).toMatch(/^Annotation::AwsSolutions-/);
    expect(reason.length).toBeGreaterThan(40);
  }
});
