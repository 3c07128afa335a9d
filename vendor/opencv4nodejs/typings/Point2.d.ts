import { Point } from './Point.d';

export class Point2 extends Point {
  readonly x: number;
  readonly y: number;
  constructor(x: number, y: number);
}
