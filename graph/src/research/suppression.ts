/**
 * Small-number suppression for research tables (ANALYSIS.md, "Suppression" and "Secondary suppression").
 *
 * A count below K could point at a person, so it is hidden (primary). Because a table also publishes
 * totals, a hidden count could be recomputed by subtraction, so further cells are hidden (secondary)
 * until an outsider who knows every published cell and every additive relation can only narrow each
 * hidden cell down to a range at least K wide. The cheap line rule (a line with exactly one hidden cell
 * gets its smallest other non-zero cell hidden too) stops the plain subtraction; a pair of LPs per
 * hidden cell (its min and max) catches what the line rule misses, such as two small cells in a line
 * whose sum is still small. Each failure hides one more cell, the smallest available, so as little as
 * possible is lost.
 *
 * Zero cells are never hidden: zero is not primary, and every complement is chosen among non-zero cells.
 * Hence a line with one hidden (non-zero) cell always has a visible non-zero partner (its total, or one
 * of its parts), and if every non-zero cell around a hidden cell ends up hidden, the true values can be
 * scaled up without limit (all visible members are zero), so that cell's range is unbounded. The loop
 * therefore always ends with every hidden cell protected; the error for "cannot be protected" guards
 * this reasoning and fails closed rather than publish.
 *
 * Cost: ranges only grow when more is hidden (hiding a cell drops an equality), so a cell found
 * protected is never checked again; each LP optimum is a feasible point, and the spread of the points
 * seen so far often already shows a cell's range is wide enough, which saves most LPs. Only hidden cells
 * are LP variables; visible cells are folded into the right-hand sides, one LP model per connected block
 * of hidden cells, warm-started from one objective to the next.
 */
import highsModule, { type Highs, type Model, type ModelData } from 'highs';
import { commonJsDefault } from '../network/interop.js';

export interface SuppressionProblem {
  /** Every cell's true value (non-negative integers), by id. Totals are cells too. */
  cells: ReadonlyMap<string, number>;
  /** Additive relations: cells[total] = Σ cells[parts]. A cell may be in several relations. */
  relations: ReadonlyArray<{ total: string; parts: readonly string[] }>;
  k: number;
}

export type SuppressionReason = 'PRIMARY' | 'SECONDARY';

export interface SuppressionResult {
  /** Hidden cells and why. Cells not in the map are published. */
  hidden: Map<string, SuppressionReason>;
  /** The feasible range an outsider can derive for each hidden cell from everything published. */
  ranges: Map<string, { min: number; max: number }>;
}

/** Convenience: a two-dimensional table with row totals, column totals and a grand total. */
export interface TwoWayTable {
  rows: string[];
  columns: string[];
  values: number[][] /* [row][col] */;
}

type Range = { min: number; max: number };

/**
 * The problem by index. Cells are numbered in id order (UTF-16 code units, as `<` compares strings),
 * so "ties by id order" is "ties by index". Each relation lists its total first, then its parts.
 */
interface Indexed {
  ids: string[];
  values: number[];
  relations: number[][];
  relationsOf: number[][];
}

/** Solver tolerance when reading an LP optimum as an integer bound. */
const EPSILON = 1e-6;

let solver: Promise<Highs> | undefined;

/** HiGHS (WASM) is loaded once per process; a failed load is retried on the next call. */
function loadSolver(): Promise<Highs> {
  solver ??= commonJsDefault(highsModule)().catch((error: unknown) => {
    solver = undefined;
    throw error;
  });
  return solver;
}

/**
 * Hides every count c with 0 < c < k and enough other cells that each hidden cell's feasible range is at
 * least k wide (an unbounded range counts as wide). Zero cells stay published. Ties go to the first id;
 * the line rule walks the relations in the order given, so reordering relations may pick other (equally
 * valid) complements, while the order of `cells` does not matter. `hidden` and `ranges` are in id order;
 * ranges are rounded inward to integers. Throws on invalid input (see `indexProblem`); callers enforce
 * k ≥ 5 (ANALYSIS.md), this accepts any integer k ≥ 1.
 */
export async function suppress(problem: SuppressionProblem): Promise<SuppressionResult> {
  const { k } = problem;
  if (!Number.isInteger(k) || k < 1) throw new Error(`suppression: k must be an integer of at least 1, got ${k}`);
  const table = indexProblem(problem);
  const highs = await loadSolver();
  const primary = table.values.flatMap((value, cell) => (value > 0 && value < k ? [cell] : []));
  const hidden = new Set(primary);
  applyLineRule(table, hidden);
  const safe = new Set<number>();
  let weak = firstUnprotected(highs, table, hidden, k, safe);
  while (weak !== undefined) {
    const extra = chooseComplement(table, hidden, weak);
    if (extra === undefined) throw new Error(`suppression: cell "${idOf(table, weak)}" cannot be protected`);
    hidden.add(extra);
    applyLineRule(table, hidden);
    weak = firstUnprotected(highs, table, hidden, k, safe);
  }
  const primarySet = new Set(primary);
  const ordered = [...hidden].sort((a, b) => a - b);
  return {
    hidden: new Map(ordered.map((cell) => [idOf(table, cell), primarySet.has(cell) ? 'PRIMARY' : 'SECONDARY'])),
    ranges: byId(table, exactRanges(highs, table, hidden)),
  };
}

/**
 * The LP ranges for a given hidden set (used by suppress and by tests). Unbounded max = Infinity.
 * Each hidden cell is minimised and maximised over: every relation holds, published cells at their
 * values, hidden cells ≥ 0 (continuous); the optima are rounded inward to integers.
 */
export async function feasibleRanges(
  problem: Omit<SuppressionProblem, 'k'>,
  hidden: ReadonlySet<string>,
): Promise<Map<string, { min: number; max: number }>> {
  const table = indexProblem(problem);
  const index = new Map(table.ids.map((id, cell) => [id, cell]));
  const cells = new Set<number>();
  for (const id of hidden) {
    const cell = index.get(id);
    if (cell === undefined) throw new Error(`suppression: hidden cell "${id}" is not a cell of the problem`);
    cells.add(cell);
  }
  return byId(table, exactRanges(await loadSolver(), table, cells));
}

/** Builds the SuppressionProblem for a TwoWayTable: cell ids `r:c`, row totals `r:*`, column totals `*:c`, grand `*:*`. */
export function twoWayProblem(table: TwoWayTable, k: number): SuppressionProblem {
  const { rows, columns, values } = table;
  if (rows.length === 0 || columns.length === 0) throw new Error('suppression: a table needs at least one row and one column');
  if (values.length !== rows.length || values.some((row) => row.length !== columns.length)) {
    throw new Error(`suppression: values must be ${rows.length} rows of ${columns.length} numbers`);
  }
  const cells = new Map<string, number>();
  const put = (id: string, value: number): void => {
    if (cells.has(id)) throw new Error(`suppression: row and column names give the cell id "${id}" twice`);
    cells.set(id, value);
  };
  const at = (r: number, c: number): number => values[r]?.[c] ?? 0;
  const sum = (numbers: number[]): number => numbers.reduce((a, b) => a + b, 0);
  rows.forEach((row, r) => {
    columns.forEach((column, c) => put(`${row}:${column}`, at(r, c)));
    put(`${row}:*`, sum(columns.map((_, c) => at(r, c))));
  });
  columns.forEach((column, c) => put(`*:${column}`, sum(rows.map((_, r) => at(r, c)))));
  put('*:*', sum(rows.flatMap((_, r) => columns.map((__, c) => at(r, c)))));
  const relations = [
    ...rows.map((row) => ({ total: `${row}:*`, parts: columns.map((column) => `${row}:${column}`) })),
    ...columns.map((column) => ({ total: `*:${column}`, parts: rows.map((row) => `${row}:${column}`) })),
    { total: '*:*', parts: columns.map((column) => `*:${column}`) },
    { total: '*:*', parts: rows.map((row) => `${row}:*`) },
  ];
  return { cells, relations, k };
}

// ---------------------------------------------------------------------------------------------------
// Input

/** Checks the input (values are non-negative integers; relations name existing cells, once each, and hold). */
function indexProblem(problem: Omit<SuppressionProblem, 'k'>): Indexed {
  const ids = [...problem.cells.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const index = new Map(ids.map((id, cell) => [id, cell]));
  const values = ids.map((id) => checkedValue(id, problem.cells.get(id)));
  const relations = problem.relations.map((relation, r) => checkedRelation(relation, r, index, values));
  const relationsOf: number[][] = ids.map(() => []);
  relations.forEach((members, r) => members.forEach((cell) => relationsOf[cell]?.push(r)));
  return { ids, values, relations, relationsOf };
}

function checkedValue(id: string, value: number | undefined): number {
  if (value === undefined || !Number.isSafeInteger(value) || value < 0) {
    throw new Error(`suppression: cell "${id}" has value ${value}; values must be non-negative integers`);
  }
  return value;
}

function checkedRelation(
  relation: { total: string; parts: readonly string[] },
  r: number,
  index: ReadonlyMap<string, number>,
  values: readonly number[],
): number[] {
  const name = `relation ${r} (total "${relation.total}")`;
  if (relation.parts.length === 0) throw new Error(`suppression: ${name} has no parts`);
  const members = [relation.total, ...relation.parts].map((id) => {
    const cell = index.get(id);
    if (cell === undefined) throw new Error(`suppression: ${name} refers to "${id}", which is not a cell`);
    return cell;
  });
  if (new Set(members).size !== members.length) throw new Error(`suppression: ${name} names a cell twice`);
  const [total = 0, ...parts] = members.map((cell) => values[cell] ?? 0);
  const sum = parts.reduce((a, b) => a + b, 0);
  if (sum !== total) throw new Error(`suppression: ${name} does not hold: the parts add up to ${sum}, the total is ${total}`);
  return members;
}

function idOf(table: Indexed, cell: number): string {
  return table.ids[cell] ?? '';
}

function valueOf(table: Indexed, cell: number): number {
  return table.values[cell] ?? 0;
}

function byId(table: Indexed, ranges: ReadonlyMap<number, Range>): Map<string, Range> {
  const ordered = [...ranges].sort(([a], [b]) => a - b);
  return new Map(ordered.map(([cell, range]) => [idOf(table, cell), range]));
}

// ---------------------------------------------------------------------------------------------------
// Choosing cells to hide

/** In each relation with exactly one hidden member, hide its smallest other non-zero member; until stable. */
function applyLineRule(table: Indexed, hidden: Set<number>): void {
  for (let changed = true; changed;) {
    changed = false;
    for (const members of table.relations) {
      if (members.filter((cell) => hidden.has(cell)).length !== 1) continue;
      const extra = smallestVisibleNonZero(table, members, hidden);
      if (extra === undefined) continue; // only when the hidden member is zero, which never happens (see top)
      hidden.add(extra);
      changed = true;
    }
  }
}

/** The visible non-zero cell with the smallest value, ties to the first id. */
function smallestVisibleNonZero(table: Indexed, candidates: Iterable<number>, hidden: ReadonlySet<number>): number | undefined {
  let best: number | undefined;
  for (const cell of candidates) {
    const value = valueOf(table, cell);
    if (hidden.has(cell) || value === 0) continue;
    if (best === undefined || value < valueOf(table, best) || (value === valueOf(table, best) && cell < best)) best = cell;
  }
  return best;
}

/**
 * The cell to hide for an unprotected one: the smallest visible non-zero member of its relations. When
 * those relations have none left, look one step further through the hidden cells they hold, and so on
 * through the connected block; `undefined` once the whole block is hidden or zero.
 */
function chooseComplement(table: Indexed, hidden: ReadonlySet<number>, weak: number): number | undefined {
  const seenRelations = new Set<number>();
  const seenCells = new Set([weak]);
  for (let frontier = [weak]; frontier.length > 0;) {
    const relations = frontier.flatMap((cell) => table.relationsOf[cell] ?? []).filter((r) => !seenRelations.has(r));
    relations.forEach((r) => seenRelations.add(r));
    const members = relations.flatMap((r) => table.relations[r] ?? []);
    const extra = smallestVisibleNonZero(table, members, hidden);
    if (extra !== undefined) return extra;
    frontier = [...new Set(members.filter((cell) => hidden.has(cell) && !seenCells.has(cell)))];
    frontier.forEach((cell) => seenCells.add(cell));
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Ranges

/** Hidden cells grouped so that two cells in one relation are in one group; groups and members in id order. */
function hiddenBlocks(table: Indexed, hidden: ReadonlySet<number>): number[][] {
  const seen = new Set<number>();
  const blocks: number[][] = [];
  for (const start of [...hidden].sort((a, b) => a - b)) {
    if (seen.has(start)) continue;
    seen.add(start);
    const block = [start];
    for (let i = 0; i < block.length; i++) {
      for (const r of table.relationsOf[block[i] ?? 0] ?? []) {
        for (const cell of table.relations[r] ?? []) {
          if (!hidden.has(cell) || seen.has(cell)) continue;
          seen.add(cell);
          block.push(cell);
        }
      }
    }
    blocks.push(block.sort((a, b) => a - b));
  }
  return blocks;
}

/**
 * The first hidden cell (in id order) whose range is narrower than k, or `undefined`. Cells found
 * protected are added to `safe` and skipped from then on: hiding more only widens ranges.
 */
function firstUnprotected(
  highs: Highs,
  table: Indexed,
  hidden: ReadonlySet<number>,
  k: number,
  safe: Set<number>,
): number | undefined {
  for (const block of hiddenBlocks(table, hidden)) {
    if (block.every((cell) => safe.has(cell))) continue;
    const lp = new BlockLp(highs, table, block, hidden);
    try {
      for (const [j, cell] of block.entries()) {
        if (safe.has(cell)) continue;
        if (!lp.isWide(j, k)) return cell;
        safe.add(cell);
      }
    } finally {
      lp.dispose();
    }
  }
  return undefined;
}

function exactRanges(highs: Highs, table: Indexed, hidden: ReadonlySet<number>): Map<number, Range> {
  const ranges = new Map<number, Range>();
  for (const block of hiddenBlocks(table, hidden)) {
    const lp = new BlockLp(highs, table, block, hidden);
    try {
      block.forEach((cell, j) => ranges.set(cell, { min: lp.min(j), max: lp.max(j) }));
    } finally {
      lp.dispose();
    }
  }
  return ranges;
}

/**
 * The LP of one block of hidden cells: one variable per hidden cell (≥ 0), one equality per relation
 * that holds one of them, visible members moved to the right-hand side. Keeps the lowest and highest
 * value seen for each variable in any feasible point (the true values are the first such point).
 */
class BlockLp {
  private readonly model: Model;
  private readonly low: number[];
  private readonly high: number[];

  constructor(
    private readonly highs: Highs,
    table: Indexed,
    block: readonly number[],
    hidden: ReadonlySet<number>,
  ) {
    this.low = block.map((cell) => valueOf(table, cell));
    this.high = [...this.low];
    this.model = highs.createModel();
    try {
      this.model.options.set({ output_flag: false, presolve: 'off' });
      this.model.passModel(blockModel(highs, table, block, hidden));
    } catch (error) {
      this.model.dispose();
      throw error;
    }
  }

  /** Whether the range of variable j is at least k wide; solves only as much as it must. */
  isWide(j: number, k: number): boolean {
    if (floorOf(this.high[j]) - ceilOf(this.low[j]) >= k) return true;
    const min = this.min(j);
    if (floorOf(this.high[j]) - min >= k) return true;
    return this.max(j) - min >= k;
  }

  min(j: number): number {
    if ((this.low[j] ?? 0) <= EPSILON) return 0;
    return ceilOf(this.optimise(j, 1));
  }

  max(j: number): number {
    return floorOf(-this.optimise(j, -1));
  }

  dispose(): void {
    this.model.dispose();
  }

  /** Minimises cost·x_j; returns the objective (−Infinity when unbounded) and records the point. */
  private optimise(j: number, cost: 1 | -1): number {
    const { optimal, unbounded } = this.highs.constants.modelStatus;
    this.model.changeColCost(j, cost);
    try {
      const { modelStatus } = this.model.run();
      if (modelStatus === unbounded) return -Infinity;
      if (modelStatus !== optimal) throw new Error(`suppression: the LP solver stopped with model status ${modelStatus}`);
      this.observe(this.model.getSolution().colValue);
      return this.model.getObjectiveValue();
    } finally {
      this.model.changeColCost(j, 0); // after reading: changing the model discards the solution
    }
  }

  private observe(point: Float64Array): void {
    point.forEach((value, i) => {
      this.low[i] = Math.min(this.low[i] ?? value, value);
      this.high[i] = Math.max(this.high[i] ?? value, value);
    });
  }
}

function ceilOf(value: number | undefined): number {
  return Math.max(0, Math.ceil((value ?? 0) - EPSILON));
}

function floorOf(value: number | undefined): number {
  return Math.floor((value ?? 0) + EPSILON);
}

function blockModel(highs: Highs, table: Indexed, block: readonly number[], hidden: ReadonlySet<number>): ModelData {
  const column = new Map(block.map((cell, j) => [cell, j]));
  const relations = [...new Set(block.flatMap((cell) => table.relationsOf[cell] ?? []))].sort((a, b) => a - b);
  const starts = [0];
  const indices: number[] = [];
  const coefficients: number[] = [];
  const rhs = relations.map((r) => {
    let constant = 0;
    (table.relations[r] ?? []).forEach((cell, position) => {
      const coefficient = position === 0 ? 1 : -1; // total − Σ parts = 0
      const j = hidden.has(cell) ? column.get(cell) : undefined;
      if (j === undefined) {
        constant -= coefficient * valueOf(table, cell);
      } else {
        indices.push(j);
        coefficients.push(coefficient);
      }
    });
    starts.push(indices.length);
    return constant;
  });
  return {
    numCols: block.length,
    numRows: relations.length,
    colCost: block.map(() => 0),
    colLower: block.map(() => 0),
    colUpper: block.map(() => highs.infinity),
    rowLower: rhs,
    rowUpper: rhs,
    matrix: { format: 'csr', numRows: relations.length, numCols: block.length, starts, indices, values: coefficients },
  };
}
