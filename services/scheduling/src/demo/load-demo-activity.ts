// `DATABASE_URL=... node services/scheduling/dist/demo/load-demo-activity.js [--city <registry's city id>] [--wait-seconds N]`
// The quick start's demo step for scheduling: the demo city's hospitals get a week of outpatient
// sessions (today and the next six days), wards, slots booked by their group's primary
// institutions and by their own appointment systems, and patients in public beds, all through
// scheduling's own use cases in this process, so every rule is checked and every event leaves
// through the outbox. Waits for scheduling to learn the city from the registry. A second run adds
// nothing; a run on a later day adds that day's missing sessions and bookings.
import { parseArgs } from 'node:util';
import { loadSchedulingConfig } from '../config/scheduling.config';
import { createDemoActivityContext, DEFAULT_DEMO_ACTIVITY, DemoActivityLoader } from './demo-activity.loader';

const { values } = parseArgs({
  options: {
    'wait-seconds': { type: 'string', default: String(DEFAULT_DEMO_ACTIVITY.waitSeconds) },
    city: { type: 'string' },
  },
});

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

async function main(): Promise<void> {
  const waitSeconds = Number(values['wait-seconds']);
  if (!Number.isInteger(waitSeconds) || waitSeconds < 0 || waitSeconds > 600)
    throw new Error('--wait-seconds must be 0-600');
  const config = loadSchedulingConfig({
    AUTH_PUBLIC_KEY_FILE: 'unused-by-the-loader',
    ...process.env,
    // The module's sweepers must not tick here: the running service releases reserve and expires holds.
    SWEEP_INTERVAL_MS: '600000',
    REPORT_REFRESH_MS: '3600000',
  });
  const started = Date.now();
  const app = await createDemoActivityContext(config.DATABASE_URL, config);
  try {
    const report = await new DemoActivityLoader(app).load(
      { ...DEFAULT_DEMO_ACTIVITY, waitSeconds, cityId: values.city },
      say,
    );
    if (!report) return;
    const added =
      report.templates.created +
      report.sessions.created +
      report.reservedBookings.created +
      report.publicBookings.created +
      report.wards.created +
      report.admissions.created;
    say(
      added === 0
        ? `${report.city} ${report.date}: the demo activity was already there, nothing added`
        : `${report.city} ${report.date}: demo activity loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    if (report.failedDays > 0) process.exitCode = 1;
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `load-demo-activity failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
