export class SimpleBlobDetectorParams {
  blobColor: number;
  filterByArea: boolean;
  filterByCircularity: boolean;
  filterByColor: boolean;
  filterByConvexity: boolean;
  filterByInertia: boolean;
  maxArea: number;
  maxCircularity: number;
  maxConvexity: number;
  maxInertiaRatio: number;
  maxThreshold: number;
  minArea: number;
  minCircularity: number;
  minConvexity: number;
  minDistBetweenBlobs: number;
  minInertiaRatio: number;
  minRepeatability: number;
  minThreshold: number;
  thresholdStep: number;
  constructor();
}
