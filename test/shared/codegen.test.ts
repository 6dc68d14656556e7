import { spawnSync } from 'node:child_process';

describe('test/generated/graphql.ts', () => {
  it('is what codegen makes of the committed schema and operations (run `npm run codegen`)', () => {
    // Codegen's CLI is ESM inside; it runs as its own process. --check writes nothing and fails on a diff.
    const run = spawnSync(
      process.execPath,
      ['node_modules/@graphql-codegen/cli/cjs/bin.js', '--config', 'codegen.yml', '--check'],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect({ status: run.status, output: run.status === 0 ? '' : `${run.stdout}${run.stderr}` }).toEqual({
      status: 0,
      output: '',
    });
  });
});
