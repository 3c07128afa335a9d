/**
 * Tests that need a tool .ci/run installs (tmux, xvfb, python3-opencv, iproute2, iptables, root for
 * network namespaces): on a developer's machine without it they skip, saying why; under CI=true
 * the missing tool is a failure, so a broken CI image cannot pass by skipping the tests it was
 * built for. Every such skip goes through here.
 */
import assert from 'node:assert/strict';
import {test, type TestContext} from 'node:test';

/** GitHub Actions and .ci/run set CI=true: there every tool .ci/run installs must be present. */
export const ci = process.env['CI'] === 'true';

const reported = new Set<string>();

/**
 * For a test's `{skip}` option: `missing` (why the tool is not usable here, or undefined when it
 * is). Under CI=true the dependent tests still skip, and one failing test per reason names it.
 */
export function needsTool(missing: string | undefined): string | undefined {
	if (missing && ci && !reported.has(missing)) {
		reported.add(missing);
		test(`a tool .ci/run installs is usable: ${missing}`, () => {
			assert.fail(`${missing} (CI=true: .ci/run installs it, so the tests that need it may not skip)`);
		});
	}
	return missing;
}

/** Inside a running test: skip it with `missing` on a developer's machine, fail it under CI=true. */
export function skipUnlessCi(t: TestContext, missing: string): void {
	if (ci) assert.fail(`${missing} (CI=true: .ci/run installs it, so this test may not skip)`);
	t.skip(missing);
}
