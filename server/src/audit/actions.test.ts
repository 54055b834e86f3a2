import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_ACTION_LABELS, auditActionLabel } from '@baotou/shared';

// Issue 16 §3: the audit log shows every action in Chinese. The server's writeAudit type requires an
// AuditAction; this reads the source as well, since literals reach it through helpers and direct
// inserts (party imports), and a new capability's action should fail here, not in a reader's face.

const SRC = join(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

/** The text of the call starting at `start` (an index of its opening parenthesis), to its matching ')'. */
function callAt(text: string, start: number): string {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return text.slice(start, i);
  }
  return text.slice(start);
}

/** Quoted codes an expression can evaluate to: `'a'`, `c ? 'a' : 'b'` (not the condition's operands). */
function outcomes(expr: string): string[] {
  const compared = expr.replace(/[!=]==?\s*'[^']*'/g, '');
  const branches = compared.includes('?') ? compared.slice(compared.indexOf('?') + 1) : compared;
  return [...branches.matchAll(/'([a-z][a-z0-9_]*)'/g)].map((m) => m[1]);
}

/** Every action code written by writeAudit(…) or an insert into audit_logs, with the file that writes it. */
function writtenActions(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    const rel = file.slice(SRC.length + 1);
    for (const m of text.matchAll(/writeAudit\(|insert\(auditLogs\)\.values\(/g)) {
      const call = callAt(text, m.index! + m[0].length - 1);
      for (const a of call.matchAll(/\baction:\s*([^,}\n]+)/g)) for (const code of outcomes(a[1])) found.set(code, rel);
    }
    // Codes chosen before the call (`const action = …`) or passed to a helper typed AuditAction.
    for (const m of text.matchAll(/const action(?::\s*AuditAction)?\s*=\s*([^;]+);/g)) for (const code of outcomes(m[1])) found.set(code, rel);
    for (const m of text.matchAll(/\baudit\(\w+,\s*'([a-z][a-z0-9_]*)'/g)) found.set(m[1], rel);
    for (const m of text.matchAll(/\bend(?:Live)?Claims?\(/g)) {
      const last = /'([a-z][a-z0-9_]*)'\s*$/.exec(callAt(text, m.index! + m[0].length - 1));
      if (last) found.set(last[1], rel);
    }
  }
  return found;
}

test('every action the server writes to the audit log has a Chinese label', () => {
  const written = writtenActions();
  // The scan itself must see the server's actions, or this test could not fail.
  for (const known of ['create', 'import_commit', 'claim_verified', 'end_owner_changed', 'totp_failed']) expect(written.has(known)).toBe(true);
  const unlabelled = [...written].filter(([code]) => !Object.prototype.hasOwnProperty.call(AUDIT_ACTION_LABELS, code));
  expect(unlabelled.map(([code, file]) => `${code} (${file})`)).toEqual([]);
});

test.each([
  ['post_first_deposit', undefined, '记账：首次交存'],
  ['import_commit', 'party-imports', '确认导入'],
  ['accept', 'tickets', '受理'],
  ['accept', 'fund-applications', '竣工验收'],
])('%s on %s reads %s', (action, entity, label) => {
  expect(auditActionLabel(action, entity)).toBe(label);
});

test.each(['', 'toString', 'POST_FIRST_DEPOSIT', 'unheard_of'])('an unlabelled action %j throws', (action) => {
  expect(() => auditActionLabel(action)).toThrow(/unknown audit action/);
});
