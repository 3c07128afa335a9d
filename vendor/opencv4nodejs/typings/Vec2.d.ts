import { Vec } from './Vec.d';

export class Vec2 extends Vec {
  readonly x: number;
  readonly y: number;
  constructor(x: number, y: number);
}
