export class Size {
  /**
   * called [0] in python
   */
   readonly width: number;
  /**
   * called [1] in python
   */
  readonly height: number;
  constructor();
  constructor(width: number, height: number);
}
