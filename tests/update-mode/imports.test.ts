/** The imports the written lines need: merged into the file's import of the module, or added after its imports. */
import { describe, expect, test } from '@jest/globals';
import { lines, written } from './writing';

const TEST = ["test('t', async () => {", '  await tripwire.run(go);', '});'];
const needing = (...imports: { from: string; names: string[] }[]) => ({ before: [], after: [], imports });
const S3 = '@aws-sdk/client-s3';

describe('imports', () => {
  test('a name is added to the one-line import of its module', () => {
    const source = lines(`import { S3Client } from '${S3}';`, ...TEST);
    expect(written(source, needing({ from: S3, names: ['GetObjectCommand', 'PutObjectCommand'] }))).toBe(
      lines(`import { S3Client, GetObjectCommand, PutObjectCommand } from '${S3}';`, ...TEST),
    );
  });

  test('a multi-line import gains lines of its own, trailing comma kept', () => {
    const source = lines('import {', '  S3Client,', `} from '${S3}';`, ...TEST);
    expect(written(source, needing({ from: S3, names: ['GetObjectCommand'] }))).toBe(
      lines('import {', '  S3Client,', '  GetObjectCommand,', `} from '${S3}';`, ...TEST),
    );
    const noTrailingComma = lines('import {', '  S3Client', `} from '${S3}';`, ...TEST);
    expect(written(noTrailingComma, needing({ from: S3, names: ['GetObjectCommand'] }))).toBe(
      lines('import {', '  S3Client,', '  GetObjectCommand', `} from '${S3}';`, ...TEST),
    );
  });

  test('a default-only import gains braces; type-only and namespace imports are left alone', () => {
    const source = lines("import app from './app';", "import type { Body } from './body';", ...TEST);
    expect(
      written(source, needing({ from: './app', names: ['handler'] }, { from: './body', names: ['read'] })),
    ).toBe(
      lines(
        "import app, { handler } from './app';",
        "import type { Body } from './body';",
        "import { read } from './body';",
        ...TEST,
      ),
    );
    const namespace = lines("import * as app from './app';", ...TEST);
    expect(written(namespace, needing({ from: './app', names: ['handler'] }))).toBe(
      lines("import * as app from './app';", "import { handler } from './app';", ...TEST),
    );
  });

  test('a name the file already imports, from any module, is not imported again', () => {
    const source = lines(`import { GetObjectCommand } from '${S3}/dist-cjs';`, ...TEST);
    expect(written(source, needing({ from: S3, names: ['GetObjectCommand'] }))).toBe(source);
  });

  test('new imports follow the file style, and go above the first statement when there are none', () => {
    const source = lines('// orders', '', 'test("t", async () => {', '  await tripwire.run(go)', '})');
    expect(
      written(
        source,
        needing({ from: S3, names: ['GetObjectCommand'] }, { from: S3, names: ['GetObjectCommand'] }),
      ),
    ).toBe(
      lines(
        '// orders',
        '',
        `import { GetObjectCommand } from "${S3}"`,
        'test("t", async () => {',
        '  await tripwire.run(go)',
        '})',
      ),
    );
  });
});
