import { createLakehouseApp } from '../src/app/create-app';

// `cdk synth|deploy|diff|destroy` runs this (cdk.json "app"). The environment comes from -c env=<dev|staging|prod>
// or AUTOCORP_ENV; account and region from -c account= / -c region= or AUTOCORP_AWS_ACCOUNT / AUTOCORP_AWS_REGION.
createLakehouseApp().app.synth();
