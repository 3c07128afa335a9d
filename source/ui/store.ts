/** A value React reads with useSyncExternalStore and plain code updates. */
export class Store<T> {
	private listeners = new Set<() => void>();
	constructor(private value: T) {}

	get = (): T => this.value;

	set(value: T): void {
		if (Object.is(value, this.value)) return;
		this.value = value;
		for (const listener of [...this.listeners]) listener();
	}

	subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};
}
