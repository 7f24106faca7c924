import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { isAlive } from '../lock.mjs';

/** SIGTERM, then SIGKILL if the child has not exited within `timeoutMs`. */
export async function stopProcess(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
}

/** The same for a process that is not our child (one a dead supervisor left behind). */
export async function stopPid(pid: number, timeoutMs: number): Promise<void> {
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

/** The last lines of a server's log, for the error that says it did not start. */
export function tail(file: string, lines: number): string {
  if (!existsSync(file)) return '(no log yet)';
  return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}
