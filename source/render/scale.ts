import type {Frame} from '../frame.js';

/** Frame -> packed BGR of exactly width x height, mirrored left-right when asked. */
export type Scaler = (frame: Frame, width: number, height: number, mirror: boolean) => Uint8Array;
