// The public entry of @wijkkring/seed: demo data, the synthetic city and the facts it is built from.
export { loadDemo } from './demo.js';
export { generateCity, loadCity, type CityOptions, type LoadCityResult, type SyntheticCity } from './generator.js';
export { benchGenerator, runGeneratorCli } from './cli.js';
export { loadFacts, type UtrechtFacts } from './facts.js';
export { DEMO_ACCOUNTS, DEMO_PASSWORD, demoGrants, loadDemoAccounts, type DemoAccount } from './demo-accounts.js';
export { benchAudit, benchAuditEntry, percentile, type AuditBenchResult } from './bench-audit.js';
