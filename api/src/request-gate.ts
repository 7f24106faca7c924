import type { CommitGate } from '@wijkkring/graph';

/**
 * Whether a GraphQL request may still be answered TIMEOUT, and whether its writes may still commit
 * (issue 12). The two decisions are one: the TIMEOUT answer goes only when nothing of the request
 * has committed or is committing, and from then on its writes roll back. A crash drill found
 * requests answered TIMEOUT whose edit committed seconds later, so a client that retried would
 * have added the same person twice.
 */
export class RequestGate implements CommitGate {
  private answered = false;
  private commits = 0;
  private committedAny = false;

  abandoned(): boolean {
    return this.answered;
  }

  enter(): boolean {
    if (this.answered) return false;
    this.commits += 1;
    return true;
  }

  leave(): void {
    this.commits -= 1;
    // Failed or not, its outcome is known only to the real answer: that one goes.
    this.committedAny = true;
  }

  /** True when the TIMEOUT answer may go now; its writes are refused from then on. */
  abandon(): boolean {
    if (this.commits > 0 || this.committedAny) return false;
    this.answered = true;
    return true;
  }
}
