/**
 * What was thrown, as facetty's sentences quote it: an Error's message, or anything else as a
 * string (a library may throw a string or a number). Not cleaned: text from a peer or a file
 * goes through sanitize.ts (cleanError) before a terminal sees it.
 */
export function errorMessage(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** What was thrown, as an Error (for APIs that take one). */
export function asError(error: unknown): Error {
	return error instanceof Error ? error : new Error(String(error));
}
