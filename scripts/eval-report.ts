// How eval-parse prints a report: the JSON summary, the markdown table row of the measures, and the
// messages not fully right.
import type { Failure, Report } from './eval-parse.js';

/** The summary of a report: per type as percentages of records and messages right. */
export function summary(r: Report) {
  const { failures, falseTemperatureCases, missedFeverCases, flagMismatchCases, byType, ...rest } = r;
  const types: Record<string, { records: string; messages: string }> = {};
  for (const [t, v] of Object.entries(byType)) {
    types[t] = {
      records: `${v.recordsRight}/${v.records} (${pct(v.recordsRight, v.records)})`,
      messages: `${v.messagesRight}/${v.messages} (${pct(v.messagesRight, v.messages)})`,
    };
  }
  return { ...rest, byType: types };
}

function pct(a: number, b: number): string {
  return b === 0 ? '-' : `${((a / b) * 100).toFixed(1)}%`;
}

const TYPES = ['health', 'request', 'order', 'water', 'cancel'] as const;

export function tableHead(): string {
  return [
    `| set | messages | fully right | wrong, no unsure (silent) | flagged wrong | ${TYPES.join(' | ')} | fevers found | fevers invented |`,
    `|---|---|---|---|---|${TYPES.map(() => '---').join('|')}|---|---|`,
  ].join('\n');
}

/** One markdown row: the measures, per type as messages holding the type that are fully right. */
export function tableRow(name: string, r: Report): string {
  const pc = (x: number) => `${(x * 100).toFixed(1)}%`;
  const types = TYPES.map((t) => {
    const v = r.byType[t];
    return v ? `${v.messagesRight}/${v.messages}` : '-';
  });
  const right = Math.round(r.fullyRight * r.cases);
  return `| ${name} | ${r.cases} | ${right} (${pc(r.fullyRight)}) | ${pc(r.silentErrors)} | ${pc(r.flaggedWrong)} | ${types.join(' | ')} | ${r.fever.found}/${r.fever.expected} | ${r.fever.falseFevers} (${r.fever.falseFeversUnflagged} unflagged) |`;
}

export function printFailures(fs: readonly Failure[], verbose: boolean): void {
  for (const f of verbose ? fs : fs.slice(0, 20)) {
    console.error(`${f.silent ? '✗' : '?'} ${f.where} ${JSON.stringify(f.text)}`);
    console.error(`    expect ${JSON.stringify(f.expect)}`);
    console.error(`    actual ${JSON.stringify(f.actual)}`);
  }
}
