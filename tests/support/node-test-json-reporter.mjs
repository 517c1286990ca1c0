/**
 * A node:test reporter (`--test-reporter=./tests/support/node-test-json-reporter.mjs`) that writes the run as
 * the JSON that Jest's `--json` writes, the part tests/support/runner-setup-contract.ts reads: per test file
 * its status and error, per test its title, status and failure messages.
 * - A test's failure messages: its error (`Name: message` of the cause node:test wraps it in), then the
 *   diagnostics it reported (the setup reports a second error there, which node:test would otherwise drop).
 * - A file that failed by itself (an error at its top level) is reported by node:test as a test named after
 *   the file: that is the file's status, and what the file wrote to stderr is its message.
 * - Suites (`describe`) are not tests: only their failures count, for the file.
 */
export default async function* nodeTestJsonReporter(source) {
  const files = new Map();
  let lastTest;
  const fileOf = (path) => {
    if (!files.has(path))
      files.set(path, { name: path, failed: false, stderr: '', fileError: '', tests: [] });
    return files.get(path);
  };

  for await (const { type, data } of source) {
    if (data?.file === undefined) continue;
    const file = fileOf(data.file);
    if (type === 'test:stderr') file.stderr += data.message;
    if (type === 'test:diagnostic' && lastTest?.nesting === data.nesting && lastTest.line === data.line) {
      lastTest.outcome.failureMessages.push(data.message);
    }
    if (type !== 'test:pass' && type !== 'test:fail') continue;
    lastTest = undefined;
    const failed = type === 'test:fail';
    if (failed) file.failed = true;
    if (data.name === data.file) {
      if (failed && data.details.error?.failureType !== 'subtestsFailed') file.fileError = file.stderr;
      continue;
    }
    if (data.details.type === 'suite') continue;
    const outcome = {
      title: data.name,
      status: failed ? 'failed' : 'passed',
      failureMessages: failed ? [errorText(data.details.error)] : [],
    };
    file.tests.push(outcome);
    lastTest = { nesting: data.nesting, line: data.line, outcome };
  }

  const testResults = [...files.values()].map((file) => ({
    name: file.name,
    status: file.failed ? 'failed' : 'passed',
    message: file.fileError,
    assertionResults: file.tests,
  }));
  yield `${JSON.stringify({ testResults }, null, 2)}\n`;
}

/** node:test wraps what the test threw: ERR_TEST_FAILURE, whose `cause` is the error itself. */
function errorText(error) {
  const cause = error?.cause ?? error;
  if (cause instanceof Error) return `${cause.name}: ${cause.message}`;
  return String(cause);
}
