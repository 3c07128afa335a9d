/**
 * Pictures facetty sends instead of the camera: a "paused" card (two bars) when you pause, and a
 * "no camera" card (a crossed-out box) while the camera is lost, so the peer never stares at a
 * frozen frame. Plain BGR drawn in JS; cached per size.
 */
import {makeFrame, type Frame} from '../frame.js';

export type CardKind = 'paused' | 'no-camera';

const cache = new Map<string, Uint8Array>();

export function cardFrame(kind: CardKind, width = 640, height = 480): Frame {
	const key = `${kind}:${width}x${height}`;
	let data = cache.get(key);
	if (!data) {
		data = drawCard(kind, width, height);
		cache.set(key, data);
	}
	return makeFrame(width, height, data, Date.now());
}

function drawCard(kind: CardKind, width: number, height: number): Uint8Array {
	const data = new Uint8Array(width * height * 3);
	const fill = (x0: number, y0: number, x1: number, y1: number, bgr: [number, number, number]) => {
		for (let y = Math.max(0, Math.round(y0)); y < Math.min(height, Math.round(y1)); y++) {
			for (let x = Math.max(0, Math.round(x0)); x < Math.min(width, Math.round(x1)); x++) {
				const i = (y * width + x) * 3;
				data[i] = bgr[0];
				data[i + 1] = bgr[1];
				data[i + 2] = bgr[2];
			}
		}
	};
	fill(0, 0, width, height, kind === 'paused' ? [70, 50, 40] : [40, 40, 70]);
	const cx = width / 2;
	const cy = height / 2;
	const s = Math.min(width, height) / 4;
	if (kind === 'paused') {
		fill(cx - s * 0.8, cy - s, cx - s * 0.25, cy + s, [235, 235, 235]);
		fill(cx + s * 0.25, cy - s, cx + s * 0.8, cy + s, [235, 235, 235]);
	} else {
		const t = Math.max(2, s / 6);
		fill(cx - s, cy - s * 0.7, cx + s, cy - s * 0.7 + t, [220, 220, 220]);
		fill(cx - s, cy + s * 0.7 - t, cx + s, cy + s * 0.7, [220, 220, 220]);
		fill(cx - s, cy - s * 0.7, cx - s + t, cy + s * 0.7, [220, 220, 220]);
		fill(cx + s - t, cy - s * 0.7, cx + s, cy + s * 0.7, [220, 220, 220]);
		for (let i = -s; i < s; i++) {
			fill(cx + i, cy + i * 0.9 - t / 2, cx + i + 1, cy + i * 0.9 + t / 2, [60, 60, 230]);
		}
	}
	return data;
}
