'use strict';
/** Small helpers for the printed report: medians, number formats and Markdown tables. */

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** 1234567 → '1,234,567'. */
function whole(value) {
  return Math.round(value).toLocaleString('en-US');
}

/** A ratio or a small number with three significant digits: 12.3, 0.456. */
function decimal(value) {
  if (!Number.isFinite(value)) return String(value);
  return value >= 100 ? whole(value) : value.toPrecision(3);
}

/** A duration in seconds, in the unit that reads best: 42.1 ns, 3.20 µs, 152 µs, 61.0 ms, 2.34 s. */
function duration(value) {
  if (value < 1e-6) return `${decimal(value * 1e9)} ns`;
  if (value < 1e-3) return `${decimal(value * 1e6)} µs`;
  if (value < 1) return `${decimal(value * 1e3)} ms`;
  return `${decimal(value)} s`;
}

function seconds(value) {
  return `${value.toFixed(value < 10 ? 2 : 1)} s`;
}

/** A Markdown table with padded columns, readable in a terminal and paste-ready for docs. */
function table(header, rows) {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => String(row[column]).length)),
  );
  const line = (cells) =>
    `| ${cells.map((cell, column) => String(cell).padEnd(widths[column])).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

/** Rows of [target, goal, measured, pass] as a table with PASS or MISS. */
function targetsTable(rows) {
  return table(
    ['target', 'goal', 'measured', 'status'],
    rows.map(([target, goal, measured, pass]) => [target, goal, measured, pass ? 'PASS' : 'MISS']),
  );
}

module.exports = { decimal, duration, median, seconds, table, targetsTable, whole };
