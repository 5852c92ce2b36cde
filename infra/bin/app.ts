import { App } from 'aws-cdk-lib';

import { createBffApp } from '../lib/createBffApp';

// Context: -c app=<name> (default bff), -c stage=<stage> (default dev), -c corsOrigins=<origin,origin>.
const app = new App();
createBffApp(app);
app.synth();
