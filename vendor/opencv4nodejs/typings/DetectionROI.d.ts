import { Point2 } from './Point2.d';

export class DetectionROI {
  scale: number;
  locations: Point2[];
  confidences: number[];
  constructor();
}
