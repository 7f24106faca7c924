import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../network/random.js';
import {
  feasibleRanges,
  suppress,
  twoWayProblem,
  type SuppressionProblem,
  type SuppressionResult,
  type TwoWayTable,
} from './suppression.js';

type Range = { min: number; max: number };

function table(rows: string[], columns: string[], values: number[][]): TwoWayTable {
  return { rows, columns, values };
}

/** A single relation `T = p0 + p1 + …`. */
function line(parts: number[], k: number): SuppressionProblem {
  const cells = new Map(parts.map((value, i) => [`p${i}`, value]));
  const total = parts.reduce((a, b) => a + b, 0);
  cells.set('T', total);
  return { cells, relations: [{ total: 'T', parts: parts.map((_, i) => `p${i}`) }], k };
}

function hiddenIn(result: SuppressionResult, reason: 'PRIMARY' | 'SECONDARY'): string[] {
  return [...result.hidden].filter(([, why]) => why === reason).map(([id]) => id);
}

/** Each relation has either no hidden member or at least two. */
function expectNoLoneHiddenCell(problem: SuppressionProblem, result: SuppressionResult): void {
  for (const { total, parts } of problem.relations) {
    const count = [total, ...parts].filter((id) => result.hidden.has(id)).length;
    expect(count === 0 || count >= 2, `relation ${total} has exactly one hidden member`).toBe(true);
  }
}

function randomTable(rows: number, columns: number, draw: () => number): TwoWayTable {
  return table(
    Array.from({ length: rows }, (_, r) => `r${r}`),
    Array.from({ length: columns }, (_, c) => `c${c}`),
    Array.from({ length: rows }, () => Array.from({ length: columns }, draw)),
  );
}

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/**
 * The integer range of every hidden cell of a two-way table by exhaustive search, without an LP. An
 * outsider knows the published cells, the relations and that every count is a non-negative integer.
 *
 * A hidden interior cell whose row total, column total and grand total are all hidden occurs in no
 * relation with a published total, so any value fits: it is unbounded, so is every hidden total above
 * it, and for everything else it can be held at 0. Every other hidden cell is then bounded (each
 * remaining hidden interior cell lies in a published line). For each hidden cell, min and max come from
 * a binary search over "is there an integer solution with the cell in [a, b]?", answered by a complete
 * search: tighten every variable's bounds from every relation until nothing changes, then split the
 * widest open domain in two and try both halves.
 */
function bruteForceRanges(source: TwoWayTable, hidden: ReadonlySet<string>): Map<string, Range> {
  const { rows, columns } = source;
  const interior = rows.flatMap((row, r) =>
    columns.map((column, c) => ({ id: `${row}:${column}`, row, column, value: source.values[r]?.[c] ?? 0 })),
  );
  const sum = (cells: { value: number }[]): number => cells.reduce((s, cell) => s + cell.value, 0);
  const lines = [
    ...rows.map((row) => ({ total: `${row}:*`, parts: interior.filter((cell) => cell.row === row) })),
    ...columns.map((column) => ({ total: `*:${column}`, parts: interior.filter((cell) => cell.column === column) })),
  ];
  const values = new Map([
    ...interior.map(({ id, value }) => [id, value] as const),
    ...lines.map(({ total, parts }) => [total, sum(parts)] as const),
    ['*:*', sum(interior)] as const,
  ]);
  const value = (id: string): number => values.get(id) ?? 0;
  // The grand total is the sum of the row totals and also of the column totals.
  const margins = [rows.map((row) => `${row}:*`), columns.map((column) => `*:${column}`)].map((ids) => ({
    total: '*:*',
    parts: ids.map((id) => ({ id })),
  }));
  const above = ({ id, row, column }: { id: string; row: string; column: string }): string[] => [
    id,
    `${row}:*`,
    `*:${column}`,
    '*:*',
  ];
  const freeCells = interior.filter((cell) => above(cell).every((id) => hidden.has(id)));
  const free = new Set(freeCells.map(({ id }) => id));
  const unbounded = new Set(freeCells.flatMap(above));
  const unknowns = [...hidden].filter((id) => !free.has(id)).sort();
  const index = new Map(unknowns.map((id, i) => [id, i]));
  // Σ sign·x = rhs over the unknowns, with the published cells moved to the right-hand side.
  const constraints = [...lines, ...margins].map(({ total, parts }) => {
    const terms = [{ id: total, sign: 1 }, ...parts.map(({ id }) => ({ id, sign: -1 }))];
    const known = terms.filter(({ id }) => !hidden.has(id)).reduce((s, { id, sign }) => s + sign * value(id), 0);
    const vars = terms.flatMap(({ id, sign }) => (index.has(id) ? [{ i: index.get(id) ?? 0, sign }] : []));
    return { vars, rhs: -known };
  });
  // No cell exceeds the grand total, and the grand total is at most its published interior cells plus,
  // for each hidden bounded one, the smallest published line total it lies in.
  const lineTotals = (row: string, column: string): number[] =>
    [`${row}:*`, `*:${column}`, '*:*'].filter((id) => !hidden.has(id)).map(value);
  const bound = interior.reduce(
    (s, { id, row, column }) => s + (!hidden.has(id) ? value(id) : free.has(id) ? 0 : Math.min(...lineTotals(row, column))),
    0,
  );

  const feasible = (lo: number[], hi: number[]): boolean => {
    if (!tighten(lo, hi, constraints)) return false;
    let widest = -1;
    lo.forEach((low, i) => {
      if ((hi[i] ?? 0) > low && (widest < 0 || (hi[i] ?? 0) - low > (hi[widest] ?? 0) - (lo[widest] ?? 0))) widest = i;
    });
    if (widest < 0) return true; // every variable fixed and every relation holds
    const middle = Math.floor(((lo[widest] ?? 0) + (hi[widest] ?? 0)) / 2);
    const split = (bounds: number[], at: number): number[] => bounds.map((b, i) => (i === widest ? at : b));
    return feasible([...lo], split(hi, middle)) || feasible(split(lo, middle + 1), [...hi]);
  };
  const within = (i: number, a: number, b: number): boolean =>
    feasible(
      unknowns.map((_, j) => (j === i ? a : 0)),
      unknowns.map((_, j) => (j === i ? b : bound)),
    );
  const smallest = (i: number): number => {
    let [a, b] = [0, bound]; // invariant: the minimum lies in [a, b]
    while (a < b) {
      const middle = Math.floor((a + b) / 2);
      if (within(i, a, middle)) b = middle;
      else a = middle + 1;
    }
    return a;
  };
  const largest = (i: number): number => {
    let [a, b] = [0, bound]; // invariant: the maximum lies in [a, b]
    while (a < b) {
      const middle = Math.ceil((a + b) / 2);
      if (within(i, middle, b)) a = middle;
      else b = middle - 1;
    }
    return a;
  };

  const ranges = new Map<string, Range>();
  for (const id of [...hidden].sort()) {
    const i = index.get(id);
    ranges.set(id, {
      min: i === undefined ? 0 : smallest(i),
      max: unbounded.has(id) || i === undefined ? Infinity : largest(i),
    });
  }
  return ranges;
}

/**
 * Narrows [lo, hi] (in place) by every relation Σ sign·x = rhs until nothing changes: each variable must
 * make up what the others can and cannot reach. False when some domain becomes empty.
 */
function tighten(lo: number[], hi: number[], constraints: { vars: { i: number; sign: number }[]; rhs: number }[]): boolean {
  for (let changed = true; changed;) {
    changed = false;
    for (const { vars, rhs } of constraints) {
      const least = (i: number, sign: number): number => (sign > 0 ? (lo[i] ?? 0) : -(hi[i] ?? 0));
      const most = (i: number, sign: number): number => (sign > 0 ? (hi[i] ?? 0) : -(lo[i] ?? 0));
      const floor = vars.reduce((s, { i, sign }) => s + least(i, sign), 0);
      const ceiling = vars.reduce((s, { i, sign }) => s + most(i, sign), 0);
      if (rhs < floor || rhs > ceiling) return false;
      for (const { i, sign } of vars) {
        // sign·x_i = rhs − (the others), and the others lie in [floor − least, ceiling − most].
        const from = rhs - (ceiling - most(i, sign));
        const to = rhs - (floor - least(i, sign));
        const [low, high] = sign > 0 ? [from, to] : [-to, -from];
        if (low > (lo[i] ?? 0) || high < (hi[i] ?? 0)) changed = true;
        lo[i] = Math.max(lo[i] ?? 0, low);
        hi[i] = Math.min(hi[i] ?? 0, high);
        if ((lo[i] ?? 0) > (hi[i] ?? 0)) return false;
      }
    }
  }
  return true;
}

describe('suppress: hand-made cases', () => {
  it('hides the rectangle a:x, a:y, b:x, b:y around one small cell of a 3×3 table', async () => {
    //         x    y    z  |   *
    //   a     3   20   30  |  53
    //   b    25   40   50  | 115
    //   c    35   45   60  | 140
    //   *    63  105  140  | 308        k = 10
    // Primary: a:x (3). Line rule, relations in order (rows a, b, c, columns x, y, z, totals):
    //   row a has one hidden cell → its smallest other non-zero cell, a:y (20; before a:z 30, a:* 53);
    //   column x has one → b:x (25; before c:x 35, *:x 63); column y now has one (a:y) → b:y (40).
    //   Second pass: rows a, b and columns x, y each hold two hidden cells; nothing else holds any.
    // LP: the four cells move together along the cycle a:x + t, a:y − t, b:x − t, b:y + t with t in
    // [−3, 20], so a:x ∈ [0, 23], a:y ∈ [0, 23], b:x ∈ [5, 28], b:y ∈ [37, 60]: all 23 wide ≥ 10.
    const problem = twoWayProblem(
      table(
        ['a', 'b', 'c'],
        ['x', 'y', 'z'],
        [
          [3, 20, 30],
          [25, 40, 50],
          [35, 45, 60],
        ],
      ),
      10,
    );
    const result = await suppress(problem);
    expect(result.hidden).toEqual(
      new Map([
        ['a:x', 'PRIMARY'],
        ['a:y', 'SECONDARY'],
        ['b:x', 'SECONDARY'],
        ['b:y', 'SECONDARY'],
      ]),
    );
    expect(result.ranges).toEqual(
      new Map([
        ['a:x', { min: 0, max: 23 }],
        ['a:y', { min: 0, max: 23 }],
        ['b:x', { min: 5, max: 28 }],
        ['b:y', { min: 37, max: 60 }],
      ]),
    );
  });

  it('hides the total of a line whose only other non-zero member is that total', async () => {
    // A = p + q = 3 + 12, B = q + z = 12 + 0; k = 5.
    // Primary: p (3). Line A has one hidden cell → its smallest other non-zero member, q (12 < 15).
    // Line B now has one hidden cell, q, and z is zero: B = q would give q away, so B (12) is hidden.
    // Second pass: A holds p, q; B holds q, B. LP: p + q = 15, B = q, so each of them is in [0, 15].
    const problem: SuppressionProblem = {
      cells: new Map([
        ['A', 15],
        ['B', 12],
        ['p', 3],
        ['q', 12],
        ['z', 0],
      ]),
      relations: [
        { total: 'A', parts: ['p', 'q'] },
        { total: 'B', parts: ['q', 'z'] },
      ],
      k: 5,
    };
    const result = await suppress(problem);
    expect(result.hidden).toEqual(
      new Map([
        ['B', 'SECONDARY'],
        ['p', 'PRIMARY'],
        ['q', 'SECONDARY'],
      ]),
    );
    expect(result.ranges).toEqual(
      new Map([
        ['B', { min: 0, max: 15 }],
        ['p', { min: 0, max: 15 }],
        ['q', { min: 0, max: 15 }],
      ]),
    );
  });

  it('hides a small cell together with its total when the rest of its line is zero (the total is small too)', async () => {
    // T = p0 + p1 + p2 = 3 + 0 + 0: T is 3 as well, so it is hidden in its own right; p0 = T, unbounded.
    const result = await suppress(line([3, 0, 0], 5));
    expect(result.hidden).toEqual(
      new Map([
        ['T', 'PRIMARY'],
        ['p0', 'PRIMARY'],
      ]),
    );
    expect(result.ranges.get('p0')).toEqual({ min: 0, max: Infinity });
  });

  it('in a table, covers a small cell and its (small) row total with the next row', async () => {
    //        x   y |  *
    //   a    3   0 |  3      primary: a:x and a:* (both 3); row a holds two hidden cells
    //   b   20  30 | 50      column x (a:x alone) → b:x (20 < 23); totals column (a:* alone) → b:* (50 < 53)
    //   *   23  30 | 53      then row b holds b:x and b:*; a:x moves with t in [0, 23].
    const problem = twoWayProblem(
      table(
        ['a', 'b'],
        ['x', 'y'],
        [
          [3, 0],
          [20, 30],
        ],
      ),
      5,
    );
    const result = await suppress(problem);
    expect(result.hidden).toEqual(
      new Map([
        ['a:*', 'PRIMARY'],
        ['a:x', 'PRIMARY'],
        ['b:*', 'SECONDARY'],
        ['b:x', 'SECONDARY'],
      ]),
    );
    expect(result.ranges.get('a:x')).toEqual({ min: 0, max: 23 });
    expect(result.ranges.get('b:*')).toEqual({ min: 30, max: 53 });
  });

  it('leaves an all-zero table visible', async () => {
    const result = await suppress(
      twoWayProblem(
        table(
          ['a', 'b'],
          ['x', 'y', 'z'],
          [
            [0, 0, 0],
            [0, 0, 0],
          ],
        ),
        10,
      ),
    );
    expect(result.hidden.size).toBe(0);
    expect(result.ranges.size).toBe(0);
  });

  it('shows a cell of exactly K and hides K − 1', async () => {
    expect((await suppress(line([10, 40, 50], 10))).hidden.size).toBe(0);
    expect((await suppress(line([9, 40, 50], 10))).hidden.get('p0')).toBe('PRIMARY');
    expect((await suppress(line([5, 40, 50], 5))).hidden.size).toBe(0);
    expect((await suppress(line([4, 40, 50], 5))).hidden.get('p0')).toBe('PRIMARY');
  });

  it('never hides a zero, not even next to a small cell', async () => {
    const problem = twoWayProblem(
      table(
        ['a', 'b', 'c'],
        ['x', 'y', 'z'],
        [
          [0, 2, 0],
          [0, 30, 40],
          [0, 0, 50],
        ],
      ),
      10,
    );
    const result = await suppress(problem);
    expect(result.hidden.get('a:y')).toBe('PRIMARY');
    const zeros = [...problem.cells].filter(([, value]) => value === 0).map(([id]) => id);
    expect(zeros.length).toBeGreaterThan(0);
    for (const id of zeros) expect(result.hidden.has(id), id).toBe(false);
    expectNoLoneHiddenCell(problem, result);
  });

  it('hides a small cell that is in no relation, and says nothing bounds it', async () => {
    const problem = line([20, 30], 10);
    const cells = new Map([...problem.cells, ['alone', 4]]);
    const result = await suppress({ ...problem, cells });
    expect(result.hidden).toEqual(new Map([['alone', 'PRIMARY']]));
    expect(result.ranges).toEqual(new Map([['alone', { min: 0, max: Infinity }]]));
  });

  it('hides a whole line that adds up to less than K, total included; then nothing bounds it', async () => {
    const result = await suppress(line([1, 2], 5));
    expect(result.hidden).toEqual(
      new Map([
        ['T', 'PRIMARY'],
        ['p0', 'PRIMARY'],
        ['p1', 'PRIMARY'],
      ]),
    );
    for (const range of result.ranges.values()) expect(range).toEqual({ min: 0, max: Infinity });
  });
});

describe('suppress: the LP check', () => {
  it('widens a line whose two small cells the line rule leaves recomputable to within 3', async () => {
    // T = 1 + 2 + 50 + 60 = 113. Both small cells hidden: every line holds two hidden cells, so the line
    // rule is content, yet p0 + p1 = 113 − 50 − 60 = 3 puts each of them in [0, 3].
    const problem = line([1, 2, 50, 60], 5);
    expect(await feasibleRanges(problem, new Set(['p0', 'p1']))).toEqual(
      new Map([
        ['p0', { min: 0, max: 3 }],
        ['p1', { min: 0, max: 3 }],
      ]),
    );
    const result = await suppress(problem);
    // The smallest visible non-zero member of the line, 50, joins them: p0 + p1 + p2 = 53.
    expect(result.hidden).toEqual(
      new Map([
        ['p0', 'PRIMARY'],
        ['p1', 'PRIMARY'],
        ['p2', 'SECONDARY'],
      ]),
    );
    expect(result.ranges).toEqual(
      new Map([
        ['p0', { min: 0, max: 53 }],
        ['p1', { min: 0, max: 53 }],
        ['p2', { min: 0, max: 53 }],
      ]),
    );
  });

  it('breaks up a block of small cells that only cover each other', async () => {
    //        w   x   y   z
    //   a    1   2  40  50      a:w, a:x, b:w, b:x move along one cycle by at most t ∈ [−1, 2]
    //   b    3   4  60  70
    //   c   80  90  99  95
    const problem = twoWayProblem(
      table(
        ['a', 'b', 'c'],
        ['w', 'x', 'y', 'z'],
        [
          [1, 2, 40, 50],
          [3, 4, 60, 70],
          [80, 90, 99, 95],
        ],
      ),
      10,
    );
    const primary = new Set(['a:w', 'a:x', 'b:w', 'b:x']);
    const before = await feasibleRanges(problem, primary);
    expect(before.get('a:w')).toEqual({ min: 0, max: 3 });
    const result = await suppress(problem);
    expect(hiddenIn(result, 'PRIMARY').sort()).toEqual([...primary].sort());
    expect(hiddenIn(result, 'SECONDARY').length).toBeGreaterThan(0);
    for (const [id, { min, max }] of result.ranges) expect(max - min, id).toBeGreaterThanOrEqual(10);
    expectNoLoneHiddenCell(problem, result);
  });
});

describe('suppress: independent exhaustive check', () => {
  it('leaves every hidden cell of a few hundred small tables at least k wide, counted by enumeration', async () => {
    const random = mulberry32(20240611);
    const draws = [0, 1, 2, 3, 8, 9, 10, 11, 15, 40] as const;
    const k = 5;
    let withSecondary = 0;
    for (let n = 0; n < 300; n++) {
      const source = randomTable(pick(random, [2, 3]), pick(random, [2, 3, 4]), () => pick(random, draws));
      const problem = twoWayProblem(source, k);
      const result = await suppress(problem);
      const hidden = new Set(result.hidden.keys());
      const brute = bruteForceRanges(source, hidden);
      const label = JSON.stringify({ n, values: source.values, hidden: [...hidden] });
      expect([...brute.keys()].sort(), label).toEqual([...hidden].sort());
      for (const [id, { min, max }] of brute) {
        expect(max - min, `${id} in ${label}`).toBeGreaterThanOrEqual(k);
        const truth = problem.cells.get(id) ?? -1;
        expect(truth >= min && truth <= max, `${id} in ${label}`).toBe(true);
      }
      // Two-way tables are totally unimodular: the LP's ranges are the integer ranges.
      expect(result.ranges, label).toEqual(brute);
      if (hiddenIn(result, 'SECONDARY').length > 0) withSecondary++;
    }
    expect(withSecondary).toBeGreaterThan(100);
  }, 30_000);

  it('the enumeration finds a recomputable cell when there is one', () => {
    // Only a:x hidden: row a's total gives it away exactly.
    const source = table(
      ['a', 'b'],
      ['x', 'y'],
      [
        [3, 20],
        [30, 40],
      ],
    );
    expect(bruteForceRanges(source, new Set(['a:x']))).toEqual(new Map([['a:x', { min: 3, max: 3 }]]));
    // Two small cells in a row with the row total published: 3 + 2 = 5, each in [0, 5].
    const pair = bruteForceRanges(
      table(
        ['a', 'b'],
        ['x', 'y', 'z'],
        [
          [3, 2, 20],
          [30, 40, 50],
        ],
      ),
      new Set(['a:x', 'a:y', 'b:x', 'b:y']),
    );
    expect(pair.get('a:x')).toEqual({ min: 0, max: 5 });
    expect(pair.get('b:y')).toEqual({ min: 37, max: 42 });
  });
});

describe('suppress: properties', () => {
  it('never leaves a relation with exactly one hidden member, nor a hidden zero or a narrow range', async () => {
    const random = mulberry32(7);
    for (let n = 0; n < 60; n++) {
      const k = pick(random, [5, 10]);
      const draw = (): number =>
        random() < 0.15 ? 0 : random() < 0.35 ? 1 + Math.floor(random() * 9) : 10 + Math.floor(random() * 60);
      const problem =
        n % 3 === 0
          ? hierarchy(random, draw, k)
          : twoWayProblem(randomTable(pick(random, [1, 2, 4, 6]), pick(random, [1, 3, 5, 8]), draw), k);
      const result = await suppress(problem);
      expectNoLoneHiddenCell(problem, result);
      for (const [id, value] of problem.cells) {
        if (value > 0 && value < k) expect(result.hidden.get(id), id).toBe('PRIMARY');
        if (value === 0 || value >= k) expect(result.hidden.get(id), id).not.toBe('PRIMARY');
        if (value === 0) expect(result.hidden.has(id), id).toBe(false);
      }
      for (const [id, { min, max }] of result.ranges) expect(max - min, id).toBeGreaterThanOrEqual(k);
      expect(await feasibleRanges(problem, new Set(result.hidden.keys()))).toEqual(result.ranges);
    }
  }, 30_000);

  it('gives the same answer for the same input, whatever order the cells come in', async () => {
    const random = mulberry32(99);
    const draw = (): number => (random() < 0.3 ? 1 + Math.floor(random() * 9) : 10 + Math.floor(random() * 40));
    const problem = twoWayProblem(randomTable(5, 7, draw), 10);
    const first = await suppress(problem);
    const second = await suppress(problem);
    const reversed = await suppress({ ...problem, cells: new Map([...problem.cells].reverse()) });
    expect([...second.hidden]).toEqual([...first.hidden]);
    expect([...reversed.hidden]).toEqual([...first.hidden]);
    expect([...reversed.ranges]).toEqual([...first.ranges]);
  });

  it('protects a 12 × 30 table with about 30% small cells', async () => {
    const random = mulberry32(1234);
    const draw = (): number => (random() < 0.3 ? 1 + Math.floor(random() * 9) : 10 + Math.floor(random() * 90));
    const problem = twoWayProblem(randomTable(12, 30, draw), 10);
    const result = await suppress(problem);
    expectNoLoneHiddenCell(problem, result);
    for (const [id, { min, max }] of result.ranges) expect(max - min, id).toBeGreaterThanOrEqual(10);
  }, 60_000);
});

/** Districts within areas within a city, crossed with two groups: totals at every level, both ways. */
function hierarchy(random: () => number, draw: () => number, k: number): SuppressionProblem {
  const cells = new Map<string, number>();
  const relations: { total: string; parts: string[] }[] = [];
  const add = (total: string, parts: string[]): void => {
    if (!cells.has(total))
      cells.set(
        total,
        parts.reduce((s, id) => s + (cells.get(id) ?? 0), 0),
      );
    relations.push({ total, parts });
  };
  const groups = ['g0', 'g1'];
  const areas = Array.from({ length: 2 + Math.floor(random() * 2) }, (_, a) => ({
    area: `area${a}`,
    districts: Array.from({ length: 2 + Math.floor(random() * 3) }, (__, d) => `area${a}.d${d}`),
  }));
  const districts = areas.flatMap((area) => area.districts);
  for (const d of districts) groups.forEach((g) => cells.set(`${d}/${g}`, draw()));
  for (const d of districts)
    add(
      `${d}/*`,
      groups.map((g) => `${d}/${g}`),
    );
  for (const { area, districts: inArea } of areas) {
    for (const g of [...groups, '*'])
      add(
        `${area}/${g}`,
        inArea.map((d) => `${d}/${g}`),
      );
    add(
      `${area}/*`,
      groups.map((g) => `${area}/${g}`),
    );
  }
  for (const g of [...groups, '*'])
    add(
      `city/${g}`,
      areas.map(({ area }) => `${area}/${g}`),
    );
  add(
    'city/*',
    groups.map((g) => `city/${g}`),
  );
  return { cells, relations, k };
}

describe('input checks', () => {
  const base = (): SuppressionProblem => line([3, 40], 5);

  it('rejects a relation that names a missing cell, a duplicate, or does not add up', async () => {
    const problem = base();
    await expect(suppress({ ...problem, relations: [{ total: 'T', parts: ['p0', 'nope'] }] })).rejects.toThrow(/"nope"/);
    await expect(suppress({ ...problem, relations: [{ total: 'T', parts: ['p0', 'p0'] }] })).rejects.toThrow(/twice/);
    await expect(suppress({ ...problem, relations: [{ total: 'T', parts: ['p0'] }] })).rejects.toThrow(/does not hold/);
    await expect(suppress({ ...problem, relations: [{ total: 'T', parts: [] }] })).rejects.toThrow(/no parts/);
  });

  it('rejects values that are not non-negative integers, and a k below 1', async () => {
    for (const bad of [-1, 1.5, Number.NaN, Infinity]) {
      const cells = new Map(base().cells);
      cells.set('p0', bad);
      await expect(suppress({ ...base(), cells })).rejects.toThrow(/non-negative integers/);
    }
    await expect(suppress({ ...base(), k: 0 })).rejects.toThrow(/k must be/);
    await expect(feasibleRanges(base(), new Set(['zz']))).rejects.toThrow(/"zz"/);
  });

  it('rejects a two-way table of the wrong shape or with clashing names', () => {
    expect(() => twoWayProblem(table(['a'], ['x', 'y'], [[1]]), 5)).toThrow(/1 rows of 2/);
    expect(() =>
      twoWayProblem(
        table(
          ['a:b', 'a'],
          ['c', 'b:c'],
          [
            [1, 2],
            [3, 4],
          ],
        ),
        5,
      ),
    ).toThrow(/"a:b:c" twice/);
    expect(() => twoWayProblem(table([], ['x'], []), 5)).toThrow(/at least one row/);
  });
});
