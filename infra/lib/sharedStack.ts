import { Aws, CfnOutput, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { ParameterTier, StringParameter } from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';

import { type AppSettings, authSecretArnParameterName, authSecretName, gatewayRoleName, isProdStage, stackName } from './appSettings';

const ROTATION_REASON =
  'Not rotated automatically: a new JWT key signs every user out, a new cursor key sends every client paging a list back to ' +
  'its first page, and a new internal signing key needs the gateway and every subgraph to accept two keys during the switch, ' +
  'which the code does not do yet. The README says how to rotate by hand.';

/**
 * What every other stack of a stage needs and none of them owns: the auth secret
 * and the gateway's execution role. Deployed once per stage, before the others;
 * they find both by name at deploy time, so each of them still deploys alone.
 */
export class SharedStack extends Stack {
  readonly authSecret: Secret;
  readonly gatewayRole: Role;

  constructor(scope: Construct, settings: AppSettings, props: StackProps = {}) {
    const name = stackName(settings, 'shared');
    super(scope, name, { ...props, stackName: name, description: `${settings.app} ${settings.stage}: auth secret and gateway role` });
    const removalPolicy = isProdStage(settings.stage) ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    // CloudFormation generates one random value per secret, and the services read every key from one JSON
    // secret: a generated part per key, copied into it by dynamic references (no key material in the template).
    // Cursors have a key of their own, so that rotating the JWT key does not break the lists clients are paging.
    const part = (id: string, key: string) =>
      new Secret(this, id, {
        secretName: `${authSecretName(settings)}-parts/${key}`,
        description: `Generates ${key} of ${authSecretName(settings)}; nothing reads it`,
        generateSecretString: { secretStringTemplate: '{}', generateStringKey: 'value', passwordLength: 64, excludePunctuation: true },
        removalPolicy,
      });
    const parts = [
      part('JwtSecretPart', 'jwtSecret'),
      part('InternalSigningSecretPart', 'internalSigningSecret'),
      part('CursorSecretPart', 'cursorSecret'),
    ] as const;
    this.authSecret = new Secret(this, 'AuthSecret', {
      secretName: authSecretName(settings),
      description: 'JWT key (users issues tokens, the gateway verifies them), the key the gateway signs subgraph calls with, and the key list cursors are encrypted with',
      secretObjectValue: {
        jwtSecret: parts[0].secretValueFromJson('value'),
        internalSigningSecret: parts[1].secretValueFromJson('value'),
        cursorSecret: parts[2].secretValueFromJson('value'),
      },
      removalPolicy,
    });
    new StringParameter(this, 'AuthSecretArn', {
      parameterName: authSecretArnParameterName(settings),
      description: 'The full ARN of the auth secret, read by the service stacks at deploy time',
      stringValue: this.authSecret.secretArn,
      tier: ParameterTier.STANDARD,
    });

    this.gatewayRole = new Role(this, 'GatewayRole', {
      roleName: gatewayRoleName(settings, Aws.REGION),
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description:
        'The gateway Lambda. Its permissions are added by the gateway stack (registry, secret, logs) and by each subgraph stack (invoke on that API)',
    });

    new CfnOutput(this, 'AuthSecretName', { value: this.authSecret.secretName });
    new CfnOutput(this, 'GatewayRoleName', { value: this.gatewayRole.roleName });

    for (const secret of [this.authSecret, ...parts]) {
      Validations.of(secret).acknowledge({ id: 'AwsSolutions-SMG4', reason: ROTATION_REASON });
    }
  }
}
