import { Vec } from './Vec.d';

export class Vec6 extends Vec {
  readonly u: number;
  readonly v: number;
  readonly w: number;
  readonly x: number;
  readonly y: number;
  readonly z: number;
  constructor(u: number, v: number, w: number, x: number, y: number, z: number);
}
