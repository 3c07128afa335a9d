/**
 * What was thrown, as facetty's sentences quote it: an Error's message, or anything else as a
 * string (a library may throw a string or a number). Not cleaned: text from a peer or a file
 * goes through sanitize.ts (cleanError) before a terminal sees it.
 */
export function errorMessage(error: unknown): string {
	if (error instanceof Error) return error.message;
	// A binding may throw an object that is not an Error but says what went wrong.
	const message = (error as {message?: unknown} | null | undefined)?.message;
	return typeof message === 'string' ? message : String(error);
}

/** What was thrown, for a report of a crash: the stack when there is one, else the message. */
export function errorReport(error: unknown): string {
	return (error instanceof Error ? error.stack : undefined) ?? errorMessage(error);
}

/** What was thrown, as an Error (for APIs that take one). */
export function asError(error: unknown): Error {
	return error instanceof Error ? error : new Error(errorMessage(error));
}
