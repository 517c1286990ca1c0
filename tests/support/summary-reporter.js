/**
 * Ends the run with one plain line, `Summary: N passed, N failed, N skipped`, that any CI log reader
 * understands without knowing Jest's own format.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `Summary: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`;
    // On exit, so that it comes after Jest's own summary and is the last line of the run.
    process.once('exit', () => process.stdout.write(line));
  }
}

module.exports = SummaryReporter;
