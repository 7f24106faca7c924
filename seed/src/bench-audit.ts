import { AuditWriter, findCircle, type AuditEntry, type Database } from '@wijkkring/graph';
import { loadDemo } from './demo.js';
import { DEMO_CLIENTS, clientKey } from './demo-circles.js';
import { seedId } from './ids.js';

export interface AuditBenchResult {
  iterations: number;
  readMs: { p50: number; p99: number };
  readWithAuditMs: { p50: number; p99: number };
  auditOnlyMs: { p50: number; p99: number };
  addedP50Ms: number;
}

/** The audit record a benchmark appends for a circle read (invented actor, fixed pseudonym). */
export function benchAuditEntry(detail: string): AuditEntry {
  return {
    actorAccountId: 'bench',
    actorRole: 'CLIENT',
    actorLabel: null,
    onBehalfOf: null,
    clientRef: 'bench-client-ref',
    subject: 'NetworkCircle',
    action: 'READ',
    result: 'SUCCESS',
    origin: '127.0.0.1',
    detail,
  };
}

/** The p-th percentile of samples sorted ascending (nearest rank); shared by the benchmarks. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function summary(samples: number[]): { p50: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

const round = (n: number): number => Math.round(n * 1000) / 1000;

/**
 * What the audit record adds to a circle read, measured the way the API does it: the circle in
 * one read transaction, then the record appended by the API's AuditWriter (one write transaction
 * with one statement while it knows the end of the chain). Sequential and warm, on the demo data; prints figures, asserts nothing about time.
 */
export async function benchAudit(
  db: Database,
  argv: string[],
  log: (line: string) => void = (line) => void process.stdout.write(`${line}\n`),
): Promise<AuditBenchResult> {
  const iterations = Number(argv.find((a) => /^\d+$/.test(a)) ?? 2_000);
  await loadDemo(db);
  const client = DEMO_CLIENTS[0];
  if (!client) throw new Error('no demo client');
  const circleId = seedId(`circle:${clientKey(client)}:open`);
  const entry = benchAuditEntry('bench');
  const time = async (work: () => Promise<unknown>): Promise<number> => {
    const start = performance.now();
    await work();
    return performance.now() - start;
  };
  const read = () => db.read((tx) => findCircle(tx, circleId));
  // The API's own writer: one statement per append while it knows the end of the chain.
  const writer = new AuditWriter(db);
  const audit = () => writer.append([entry]);
  // Warm-up: query plans cached, connections open.
  for (let i = 0; i < 200; i += 1) {
    await read();
    await audit();
  }
  const reads: number[] = [];
  const both: number[] = [];
  const audits: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    reads.push(await time(read));
    audits.push(await time(audit));
    both.push(
      await time(async () => {
        await read();
        await audit();
      }),
    );
  }
  const result: AuditBenchResult = {
    iterations,
    readMs: summary(reads),
    readWithAuditMs: summary(both),
    auditOnlyMs: summary(audits),
    addedP50Ms: summary(both).p50 - summary(reads).p50,
  };
  log(`bench audit: ${String(iterations)} circle reads (${String(DEMO_CLIENTS.length)} demo clients loaded), sequential, warm`);
  log(`  circle read            p50 ${String(round(result.readMs.p50))} ms, p99 ${String(round(result.readMs.p99))} ms`);
  log(
    `  audit record alone     p50 ${String(round(result.auditOnlyMs.p50))} ms, p99 ${String(round(result.auditOnlyMs.p99))} ms`,
  );
  log(
    `  read + audit record    p50 ${String(round(result.readWithAuditMs.p50))} ms, p99 ${String(round(result.readWithAuditMs.p99))} ms`,
  );
  log(`  added by the audit at the median: ${String(round(result.addedP50Ms))} ms (target: at most 2 ms)`);
  // The bench records are not about anyone; they stay in the chain (deleting them would break it).
  return result;
}
