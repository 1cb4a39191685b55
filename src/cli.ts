// The `shouwang` command (../shared/CONTRACT.md section 1) on the process's own streams and environment;
// the commands themselves are in cli/run.ts.
import { runCli } from './cli/run.js';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
});
