// Runs Electronegativity (offline) over src/ and fails on any HIGH finding, or on any finding whose
// check is not accepted, with a reason, in electronegativity.config.json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './build-if-stale.mjs';

const config = JSON.parse(readFileSync(join(repoRoot, 'electronegativity.config.json'), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'electronegativity-'));
const report = join(dir, 'findings.csv');
const bin = join(repoRoot, 'node_modules', '.bin', 'electronegativity');
const run = spawnSync(bin, ['-i', 'src', '-r', '-e', config.electronVersion, '-o', report], { cwd: repoRoot, encoding: 'utf8' });
if (run.status !== 0) {
  process.stderr.write(`Electronegativity could not run (exit ${run.status}):\n${run.stderr}\n`);
  process.exit(1);
}
const rows = existsSync(report) ? parseCsv(readFileSync(report, 'utf8')) : [];
if (rows[0]?.[0] !== 'issue') {
  // A run that wrote no report must not pass as "no findings".
  process.stderr.write(`Electronegativity wrote no report:\n${run.stdout}\n${run.stderr}\n`);
  process.exit(1);
}
const findings = rows.slice(1).filter((row) => row.length > 2);
rmSync(dir, { recursive: true, force: true });

const refused = findings.filter(([check, severity]) => severity === 'HIGH' || !(check in config.accepted));
for (const [check, severity, confidence, file, location] of findings) {
  const verdict = refused.some((row) => row[0] === check && row[3] === file && row[4] === location) ? 'REFUSED' : 'accepted';
  process.stdout.write(`electronegativity: ${verdict} ${severity} ${check} (${confidence}) ${file}:${location}\n`);
}
if (refused.length > 0) {
  process.stderr.write(`Electronegativity: ${refused.length} finding(s) are HIGH or not accepted in electronegativity.config.json.\n`);
  process.exit(1);
}
process.stdout.write(`electronegativity: ${findings.length} finding(s), no HIGH, all accepted with a reason\n`);

/** RFC 4180 fields: the report quotes samples that contain commas and quotes. */
function parseCsv(text) {
  const rows = [[]];
  let field = '';
  let quoted = false;
  const endField = () => {
    rows.at(-1).push(field.trim());
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && c === '"') quoted = false;
    else if (quoted) field += c;
    else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n') {
      endField();
      rows.push([]);
    } else if (c !== '\r') field += c;
  }
  if (field !== '') endField();
  return rows;
}
