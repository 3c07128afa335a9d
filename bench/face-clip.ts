/**
 * A face-like clip for the codec bench, made here so nothing is downloaded and no binary is
 * committed: a head and shoulders in front of a softly lit wall, the head swaying, eyes blinking,
 * the mouth talking, with a camera's sensor noise (which is what a codec spends its bits on in a
 * real call). Deterministic: frame i is always the same picture.
 */
import {makeFrame, type Frame} from '../source/frame.js';

/** A small fixed-seed generator, so the noise is the same every run. */
function noise(seed: number): () => number {
	let state = seed >>> 0 || 1;
	return () => {
		state ^= state << 13;
		state ^= state >>> 17;
		state ^= state << 5;
		return ((state >>> 0) / 0x100000000) * 2 - 1;
	};
}

export function faceFrame(index: number, width = 640, height = 480): Frame {
	const t = index / 30;
	const data = new Uint8Array(width * height * 3);
	const random = noise(index * 7919 + 1);
	const cx = width * (0.5 + 0.04 * Math.sin(t * 0.9));
	const cy = height * (0.45 + 0.02 * Math.sin(t * 1.7));
	const rx = width * 0.17;
	const ry = height * 0.3;
	const blink = t % 3.1 < 0.15;
	const mouthOpen = 0.3 + 0.7 * Math.abs(Math.sin(t * 7.3) * Math.sin(t * 2.1));
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			// Wall: a warm gradient lit from the upper left.
			let b = 150 - (x / width) * 40 - (y / height) * 30;
			let g = 160 - (x / width) * 35 - (y / height) * 25;
			let r = 175 - (x / width) * 20 - (y / height) * 20;
			const dx = (x - cx) / rx;
			const dy = (y - cy) / ry;
			const d = dx * dx + dy * dy;
			// Shoulders: a dark jumper below the head.
			if (y > cy + ry * 0.8 && Math.abs(x - cx) < width * 0.35 - (height - y) * 0.3) {
				b = 90;
				g = 50;
				r = 40;
			}
			if (d <= 1) {
				// Skin, shaded towards the edge and from the light's side.
				const shade = 1 - 0.35 * d - 0.15 * dx;
				b = 120 * shade;
				g = 150 * shade;
				r = 205 * shade;
				// Hair on the top third.
				if (dy < -0.55 + 0.1 * Math.sin(dx * 9)) {
					b = 30;
					g = 40;
					r = 60;
				}
				// Eyes.
				for (const side of [-1, 1]) {
					const ex = (x - (cx + side * rx * 0.38)) / (rx * 0.16);
					const ey = (y - (cy - ry * 0.1)) / (ry * (blink ? 0.01 : 0.07));
					if (ex * ex + ey * ey <= 1) {
						const iris = ex * ex + ey * ey < 0.3;
						b = iris ? 70 : 235;
						g = iris ? 60 : 235;
						r = iris ? 40 : 235;
					}
				}
				// Mouth.
				const mx = (x - cx) / (rx * 0.35);
				const my = (y - (cy + ry * 0.45)) / (ry * 0.08 * mouthOpen);
				if (mx * mx + my * my <= 1) {
					b = 60;
					g = 50;
					r = 120;
				}
			}
			const at = (y * width + x) * 3;
			const n = random() * 3;
			data[at] = Math.max(0, Math.min(255, b + n));
			data[at + 1] = Math.max(0, Math.min(255, g + n));
			data[at + 2] = Math.max(0, Math.min(255, r + n));
		}
	}
	return makeFrame(width, height, data, index * (1000 / 30));
}
