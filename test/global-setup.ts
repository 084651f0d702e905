import { execFileSync } from 'node:child_process';

/** CLI tests run the compiled `dist/` entry point, as users do; compile it once before them. */
export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    stdio: 'inherit',
  });
}
