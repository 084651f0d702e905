import { execFileSync } from 'node:child_process';

/**
 * CLI tests run the compiled `dist/` entry point, and the web tests serve the bundled page, as
 * users get them: build both once before the tests (`npm run build`: tsc, then the page bundle).
 */
export default function setup(): void {
  execFileSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' });
}
