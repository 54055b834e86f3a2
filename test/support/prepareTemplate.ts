import globalSetup from './globalSetup';

/** Builds the demo template database once before the test command's parallel jest runs (scripts/test-all.sh). */
globalSetup().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
